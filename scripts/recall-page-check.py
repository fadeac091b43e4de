#!/usr/bin/env python3
"""Checks a QualityLoop recall page the way a producer or regulator sees it, in headless Chromium.

Signed in with an API token (sent as a bearer token), at desktop and at phone width, it checks
that the headline, the status, the legal clock, the notice counts, the returns by level and the
effectiveness chart are visible; that the correction rate shown and the chart's last point equal
the rate the API reports (--rate); that the clock lists at least the four duties; that the notice
counts add up to their total (--notices); that the page has no scripts and nothing overflows the
screen; and that the English switch leads to the English page. It saves screenshots to the output
folder and exits 1 if anything fails.

    scripts/recall-page-check.py --out shots --token qlt_… --rate 34.0% --notices 4 \
        http://127.0.0.1:8080/recalls/1

Needs Debian's chromium and chromium-driver and `pip install selenium`; no network access.
"""

import argparse
import os
import sys

DESKTOP = (1280, 900)
PHONE = (360, 780)
STATUSES = {"pending", "met", "late", "overdue", "unknown", "withdrawn"}


def make_driver(token):
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("QUALITYLOOP_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(argument)
    options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    options.add_argument("--lang=zh-CN")
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    service = Service(executable_path=os.environ.get("QUALITYLOOP_CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    # The console pages take the API token; a person types it into the browser's sign-in prompt,
    # the check sends it with every request.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Authorization": f"Bearer {token}"}})
    return driver


class Check:
    """Collects failures instead of stopping at the first."""

    def __init__(self):
        self.failures = []

    def expect(self, condition, message):
        if not condition:
            self.failures.append(message)
        return condition


def visible(driver, selector):
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.CSS_SELECTOR, selector)
    return found[0] if found and found[0].is_displayed() else None


def check_page(driver, url, rate, notices, out):
    from selenium.webdriver.common.by import By

    check = Check()
    driver.set_window_size(*DESKTOP)
    driver.get(url)
    check.expect(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN", "the page is not Chinese by default")
    for selector in ("#headline", "#status", "#scope", "#clock", "#notices", "#returns", "#effectiveness-chart"):
        check.expect(visible(driver, selector) is not None, f"{selector} is not visible")

    rows = driver.find_elements(By.CSS_SELECTOR, "#clock tr.deadline")
    kinds = [row.find_elements(By.TAG_NAME, "td")[0].text for row in rows]
    check.expect(len(rows) >= 4, f"the clock lists {len(rows)} duties, expected at least 4: {kinds}")
    for row in rows:
        status = row.get_attribute("data-status")
        check.expect(status in STATUSES, f"a deadline has status {status!r}")
        if row.get_attribute("data-not-covered") == "true":
            check.expect("⚠" in row.text, "a deadline whose year the calendar lacks is not flagged")

    counts = {item.get_attribute("data-status"): int(item.find_element(By.CLASS_NAME, "value").text)
              for item in driver.find_elements(By.CSS_SELECTOR, "#notices .counts li[data-status]")}
    check.expect(counts.get("total") == notices, f"the notice total is {counts.get('total')}, expected {notices}")
    check.expect(sum(value for key, value in counts.items() if key != "total") == counts.get("total"),
                 f"the notice counts {counts} do not add up to their total")

    levels = [row.get_attribute("data-level") for row in driver.find_elements(By.CSS_SELECTOR, "#returns tr[data-level]")]
    check.expect(levels == ["producer", "distributor", "retailer", "consumer", "total"], f"the returns rows are {levels}")

    shown = driver.find_element(By.ID, "rate").text
    check.expect(shown == rate, f"the page shows a correction rate of {shown!r}, the API {rate!r}")
    chart = driver.find_element(By.ID, "effectiveness-chart")
    points = driver.find_elements(By.CSS_SELECTOR, "#effectiveness-chart circle.point")
    check.expect(int(chart.get_attribute("data-points")) == len(points), "the chart's point count does not match its points")
    check.expect(len(points) >= 2, f"the chart has {len(points)} points")
    if points:
        last = points[-1].get_attribute("data-rate")
        check.expect(last == rate, f"the chart ends at {last!r}, expected {rate!r}")
        rates = [float(point.get_attribute("data-rate").rstrip("%")) for point in points]
        check.expect(rates == sorted(rates), f"the correction rate falls somewhere over time: {rates}")
    check.expect(chart.size["width"] >= 600, f"the chart is only {chart.size['width']}px wide on a desktop")

    check.expect(not driver.find_elements(By.TAG_NAME, "script"), "the page contains a script")
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")
    check.expect(overflow <= 1, f"the page is {overflow}px wider than a {DESKTOP[0]}px window")
    driver.save_screenshot(os.path.join(out, "recall-zh-desktop.png"))
    height = driver.execute_script("return document.documentElement.scrollHeight;")
    driver.set_window_size(DESKTOP[0], max(DESKTOP[1], height))
    driver.save_screenshot(os.path.join(out, "recall-zh-full.png"))

    driver.set_window_size(*PHONE)
    driver.get(url)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")
    check.expect(overflow <= 1, f"the page is {overflow}px wider than a {PHONE[0]}px phone")
    check.expect(visible(driver, "#effectiveness-chart") is not None, "the chart is not visible on a phone")
    driver.save_screenshot(os.path.join(out, "recall-zh-phone.png"))

    driver.set_window_size(*DESKTOP)
    switch = driver.find_element(By.ID, "lang-switch")
    switch.click()
    check.expect(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the switch did not open the English page")
    check.expect("Legal clock" in driver.find_element(By.ID, "clock").text, "the English page has no legal clock heading")
    check.expect(driver.find_element(By.ID, "rate").text == rate, "the English page shows another rate")
    driver.save_screenshot(os.path.join(out, "recall-en-desktop.png"))
    return check.failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the recall page")
    parser.add_argument("--out", required=True, help="folder for screenshots")
    parser.add_argument("--token", required=True, help="an API token of the producer or a regulator")
    parser.add_argument("--rate", required=True, help="the correction rate the API reports, e.g. 34.0%%")
    parser.add_argument("--notices", required=True, type=int, help="how many notices the recall has")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)

    driver = make_driver(arguments.token)
    try:
        failures = check_page(driver, arguments.url, arguments.rate, arguments.notices, arguments.out)
    except Exception as error:  # a missing element or a timeout fails the check with its reason
        failures = [f"{type(error).__name__}: {error}"]
    finally:
        driver.quit()

    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print(f"recall page checked, {len(failures)} failures; screenshots in {arguments.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
