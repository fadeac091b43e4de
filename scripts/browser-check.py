#!/usr/bin/env python3
"""Checks QualityLoop scan pages the way a person sees them, in headless Chromium at phone size.

For each page given as VERDICT=URL it checks that the verdict banner is visible, says the verdict
in Chinese (正品 / 伪造码 / 已召回 …), has the right colour family (green, red, amber, grey), that
the product name is visible, that nothing overflows a 360 px wide screen, that the page has no
scripts, and that the English switch leads to the English page. It saves a screenshot of each
page in each language to the output folder and exits 1 if anything fails.

    scripts/browser-check.py --out shots --product-name '五常大米 5kg' \
        genuine=http://127.0.0.1:8080/01/…  forged=http://…  recalled=http://…

With --journey VERDICT, that page must also show the unit's journey: a visible timeline whose
stages run 产地 → 出厂 → 运输 → 上架 → 售出 in order (each stage at least once), every step
with a date and a place, in Chinese and (after the switch) in English.

Needs Debian's chromium and chromium-driver and `pip install selenium`; no network access.
"""

import argparse
import colorsys
import os
import re
import sys

EXPECTED = {
    "genuine": ("正品", "Genuine", "green"),
    "forged": ("伪造码", "Forged code", "red"),
    "recalled": ("已召回", "Recalled", "red"),
    "expired": ("已过期", "Expired", "amber"),
    "suspected_clone": ("疑似克隆码", "Suspected clone", "amber"),
    "unknown": ("未知产品", "Unknown product", "grey"),
}

PHONE = (360, 780)


def colour_family(css):
    """Names the family of a CSS rgb()/rgba() colour: green, red, amber, grey or other."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)[:3]]
    if len(numbers) < 3:
        return "unknown"
    r, g, b = (n / 255 for n in numbers)
    hue, saturation, value = colorsys.rgb_to_hsv(r, g, b)
    hue *= 360
    if saturation < 0.2:
        return "grey"
    if hue < 15 or hue >= 330:
        return "red"
    if hue < 50:
        return "amber"
    if 80 <= hue < 170:
        return "green"
    return "other"


def make_driver():
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("QUALITYLOOP_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(argument)
    options.add_argument(f"--window-size={PHONE[0]},{PHONE[1]}")
    # A phone set to Chinese, as most scanning buyers' are; the page also follows Accept-Language.
    options.add_argument("--lang=zh-CN")
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    service = Service(executable_path=os.environ.get("QUALITYLOOP_CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_window_size(*PHONE)
    driver.set_page_load_timeout(30)
    return driver


class Check:
    """Collects failures for one page instead of stopping at the first."""

    def __init__(self, name):
        self.name = name
        self.failures = []

    def expect(self, condition, message):
        if not condition:
            self.failures.append(f"{self.name}: {message}")
        return condition


STAGES = ["产地", "出厂", "运输", "上架", "售出"]
STAGES_EN = ["Origin", "Shipped", "In transit", "On the shelf", "Sold"]


def check_journey(driver, check, names):
    """The timeline is visible, its stages are `names` in order (repeats allowed), and every
    step shows a date (YYYY-MM-DD HH:MM) and a place."""
    from selenium.webdriver.common.by import By

    sections = driver.find_elements(By.ID, "journey")
    if not check.expect(sections and sections[0].is_displayed(), "the journey is not visible"):
        return
    steps = sections[0].find_elements(By.CSS_SELECTOR, "li.step")
    labels = [step.find_element(By.CLASS_NAME, "stage").text for step in steps]
    collapsed = [label for index, label in enumerate(labels) if index == 0 or labels[index - 1] != label]
    check.expect(collapsed == names, f"the journey's stages are {labels}, expected {names} in order")
    for step in steps:
        when = step.find_element(By.CLASS_NAME, "when").text
        where = step.find_element(By.CLASS_NAME, "where").text
        check.expect(re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", when), f"a step's date is {when!r}")
        check.expect(where.strip() != "", "a step has no place")


def check_page(driver, verdict, url, product_name, out, journey=False):
    from selenium.webdriver.common.by import By

    chinese, english, family = EXPECTED[verdict]
    check = Check(verdict)
    driver.get(url)

    banner = driver.find_element(By.ID, "verdict")
    check.expect(banner.is_displayed(), "the verdict banner is not visible")
    text = banner.text
    check.expect(chinese in text, f"the banner says {text!r}, expected {chinese!r}")
    background = banner.value_of_css_property("background-color")
    seen = colour_family(background)
    check.expect(seen == family, f"the banner colour {background} is {seen}, expected {family}")
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top;", banner)
    check.expect(top < PHONE[1] / 2, f"the banner starts {top}px down; it should be on the first screen")

    if product_name:
        product = driver.find_elements(By.ID, "product")
        shown = product and product[0].is_displayed() and product_name in product[0].text
        check.expect(shown, f"the product name {product_name!r} is not visible")

    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")
    check.expect(overflow <= 1, f"the page is {overflow}px wider than a {PHONE[0]}px screen")
    check.expect(not driver.find_elements(By.TAG_NAME, "script"), "the page contains a script")
    check.expect(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN", "the page is not Chinese by default")
    if journey:
        check_journey(driver, check, STAGES)
    driver.save_screenshot(os.path.join(out, f"{verdict}-zh.png"))
    height = driver.execute_script("return document.documentElement.scrollHeight;")
    driver.set_window_size(PHONE[0], max(PHONE[1], height))
    driver.save_screenshot(os.path.join(out, f"{verdict}-zh-full.png"))
    driver.set_window_size(*PHONE)

    switch = driver.find_element(By.ID, "lang-switch")
    check.expect(switch.is_displayed(), "the English switch is not visible")
    switch.click()
    check.expect(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the switch did not open the English page")
    headline = driver.find_element(By.ID, "verdict-word").text
    check.expect(headline == english, f"the English headline is {headline!r}, expected {english!r}")
    check.expect(chinese in driver.find_element(By.ID, "verdict").text, "the English banner lost the Chinese verdict word")
    if journey:
        check_journey(driver, check, STAGES_EN)
    driver.save_screenshot(os.path.join(out, f"{verdict}-en.png"))
    return check.failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", metavar="VERDICT=URL", help=f"verdict one of {', '.join(EXPECTED)}")
    parser.add_argument("--out", required=True, help="folder for screenshots")
    parser.add_argument("--product-name", default="", help="a product name every page must show")
    parser.add_argument("--journey", action="append", default=[], metavar="VERDICT", help="a page that must show the unit's journey")
    arguments = parser.parse_args()

    pages = []
    for page in arguments.pages:
        verdict, _, url = page.partition("=")
        if verdict not in EXPECTED or not url:
            parser.error(f"bad page {page!r}: expected VERDICT=URL with VERDICT one of {', '.join(EXPECTED)}")
        pages.append((verdict, url))
    os.makedirs(arguments.out, exist_ok=True)

    failures = []
    driver = make_driver()
    try:
        for verdict, url in pages:
            try:
                failures += check_page(
                    driver, verdict, url, arguments.product_name, arguments.out, journey=verdict in arguments.journey
                )
            except Exception as error:  # a missing element or a timeout fails the page, not the run
                failures.append(f"{verdict}: {type(error).__name__}: {error}")
    finally:
        driver.quit()

    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print(f"{len(pages)} pages checked, {len(failures)} failures; screenshots in {arguments.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
