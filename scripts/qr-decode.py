#!/usr/bin/env python3
"""Decode QR codes in PNG files with zxing-cpp, a decoder independent of QualityLoop's encoder.

Usage: qr-decode.py [--json] FILE.png [FILE.png ...]

Prints one line per file, in argument order: the decoded text written as UTF-8 or, with --json,
a JSON object {"file", "text", "version", "ecLevel", "mask"} (null fields when nothing was found).
Exits 0 when every file held a QR code, 1 when some did not, 2 when zxing-cpp or Pillow is missing.

Install the decoder with: python3 -m venv .venv && .venv/bin/pip install zxing-cpp pillow
"""

import json
import sys

try:
    import zxingcpp
    from PIL import Image
except ImportError as error:  # the caller tells "decoder missing" apart from "nothing found"
    print(f"qr-decode: {error}; install with: pip install zxing-cpp pillow", file=sys.stderr)
    sys.exit(2)


def decode(path):
    """The first QR code in an image as (text, extra details), or None."""
    with Image.open(path) as image:
        image.load()
        results = zxingcpp.read_barcodes(
            image.convert("L"),
            formats=zxingcpp.BarcodeFormat.QRCode,
            text_mode=zxingcpp.TextMode.Plain,
        )
    if not results:
        return None
    result = results[0]
    return result.text, dict(result.extra)


def main(arguments):
    as_json = "--json" in arguments
    paths = [argument for argument in arguments if argument != "--json"]
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 1
    output = sys.stdout.buffer
    missing = 0
    for path in paths:
        try:
            found = decode(path)
        except OSError as error:
            print(f"qr-decode: {path}: {error}", file=sys.stderr)
            found = None
        if found is None:
            missing += 1
            print(f"qr-decode: {path}: no QR code found", file=sys.stderr)
        if as_json:
            text, extra = found if found else (None, {})
            record = {
                "file": path,
                "text": text,
                "version": int(extra["Version"]) if "Version" in extra else None,
                "ecLevel": extra.get("ECLevel"),
                "mask": extra.get("DataMask"),
            }
            output.write(json.dumps(record, ensure_ascii=True).encode("ascii") + b"\n")
        else:
            output.write((found[0] if found else "").encode("utf-8") + b"\n")
    output.flush()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
