#!/usr/bin/env python3
"""Checks a report written by `llm-energy reproduce`: every figure it references exists as a non-empty PNG,
every paper figure 1-12 is present, and every figure names its source. Exits non-zero otherwise.

Usage: check-report.py out/report
"""
import os
import re
import sys

PNG = b"\x89PNG\r\n\x1a\n"


def main(report_dir):
    html = open(os.path.join(report_dir, "index.html"), encoding="utf-8").read()
    images = re.findall(r'<img src="([^"]+)"', html)
    problems = []
    for name in images:
        path = os.path.join(report_dir, name)
        if not os.path.isfile(path):
            problems.append(f"{name}: missing")
            continue
        with open(path, "rb") as f:
            if f.read(8) != PNG or os.path.getsize(path) < 2000:
                problems.append(f"{name}: not a real PNG")
    for n in range(1, 13):
        if not any(re.match(rf"fig{n:02d}[a-z]?-", i) for i in images):
            problems.append(f"paper Figure {n}: absent")
    figures = html.count("<figure>")
    sources = len(re.findall(r'<figcaption>.*?Source: [^<]+', html, re.S))
    if sources < figures:
        problems.append(f"{figures - sources} figure(s) without a source")
    tables = html.count('<table class="data">')
    print(f"report: {len(images)} figures, {tables} tables, figures 1-12 present: {not any('paper Figure' in p for p in problems)}")
    for p in problems:
        print("  PROBLEM: " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out/report")
