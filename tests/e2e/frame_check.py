#!/usr/bin/env python3
"""Geometry checks on a frame dump (`cvpdf dump --stage frames`), from the frame tree alone:

  - every word lies inside the page's text area (margins from the layout file; hanging
    markers such as "1." may sit in the left margin, the footer in the bottom margin);
  - no two runs of text overlap (same baseline: their x intervals; nearby baselines: their boxes);
  - no page ends with a section title (its anchor must be followed by text of the section).

Usage: frame_check.py LAYOUT.yaml < dump.txt     Prints each finding; exits 1 if any.
"""
import re
import sys

import yaml

MM = 72 / 25.4
RUN = re.compile(r'^  text \(([-\d.]+),([-\d.]+)\) w=([-\d.]+) font=\S+ size=([\d.]+) .*?"(.*)"(?: \+[a-z-]+)*$')


def length(v):
    s = str(v)
    for unit, k in (("mm", MM), ("cm", 10 * MM), ("in", 72), ("pt", 1)):
        if s.endswith(unit):
            return float(s[: -len(unit)]) * k
    return float(s)


def pages(lines):
    out = []
    for line in lines:
        m = re.match(r"^page (\d+) ([\d.]+)x([\d.]+)", line)
        if m:
            out.append({"n": int(m[1]), "w": float(m[2]), "h": float(m[3]), "items": []})
        elif out and line.startswith("  "):
            out[-1]["items"].append(line.rstrip("\n"))
    return out


def check_page(p, margins, findings):
    left, right, top, bottom = margins
    runs = []
    for item in p["items"]:
        m = RUN.match(item)
        if not m:
            if item.startswith("  text"):
                findings.append(f"page {p['n']}: unreadable dump line {item!r}")
            continue
        x, y, w, size, text = float(m[1]), float(m[2]), float(m[3]), float(m[4]), m[5]
        runs.append((x, y, w, size, text))
        where = f"page {p['n']}: {text!r} at ({x:.1f},{y:.1f})"
        footer = y > p["h"] - bottom
        marker = re.fullmatch(r"\[?\d+[.\]]?|•", text.strip()) is not None
        if x < left - 0.5 and not marker:
            findings.append(f"{where} starts in the left margin")
        if x + w > p["w"] - right + 0.5:
            findings.append(f"{where} runs into the right margin by {x + w - (p['w'] - right):.1f} pt")
        if (y - size < top - 0.5 and not footer) or y > p["h"] - 2:
            findings.append(f"{where} is outside the text area vertically")
    for i, a in enumerate(runs):
        for b in runs[i + 1:]:
            same_line = abs(a[1] - b[1]) < 0.6 * min(a[3], b[3])
            if same_line and a[0] < b[0] + b[2] - 0.2 and b[0] < a[0] + a[2] - 0.2:
                findings.append(f"page {p['n']}: {a[4]!r} and {b[4]!r} overlap")
    anchors = [i for i, item in enumerate(p["items"]) if item.startswith("  anchor")]
    if anchors:
        title = re.search(r'"(.*)"$', p["items"][anchors[-1]])[1]
        after = [RUN.match(it) for it in p["items"][anchors[-1] + 1:]]
        body = [m for m in after if m and m[5] != title and float(m[2]) < p["h"] - bottom]
        if not body:
            findings.append(f"page {p['n']} ends with the section title {title!r}")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        layout = yaml.safe_load(f)
    m = layout.get("page", {}).get("margins", {})
    margins = tuple(length(m.get(k, d)) for k, d in
                    (("left", "20mm"), ("right", "20mm"), ("top", "18mm"), ("bottom", "18mm")))
    findings, n = [], 0
    for p in pages(sys.stdin):
        check_page(p, margins, findings)
        n += 1
    for f in findings:
        print(f)
    print(f"{n} pages checked, {len(findings)} findings")
    return 1 if findings or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
