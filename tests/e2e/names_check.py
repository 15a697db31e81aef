#!/usr/bin/env python3
"""No name split across lines, from a frame dump (`cvpdf dump --stage frames`, one language or
`--lang all`): every time an author name stands in the profile's author lists (and the person's
own name once, in the header), the dump must hold it whole on one line (the runs of one page
and baseline, in x order) — so a name broken over two lines, by a space or a hyphen, is missed
and reported.

Usage: names_check.py PROFILE.yaml < dump.txt     Prints each finding; exits 1 if any.
"""
import collections
import re
import sys

import yaml

RUN = re.compile(r'^  text \(([-\d.]+),([-\d.]+)\) w=\S+ font=\S+ size=\S+ .*?"(.*)"((?: \+[a-z-]+)*)$')


def pick(value, lang):
    """The variant a document in `lang` shows: its tag, its primary language, else the first."""
    if not isinstance(value, dict):
        return str(value)
    for tag in (lang, lang.split("-")[0]):
        if tag in value:
            return str(value[tag])
    return str(next(iter(value.values())))


def expected(profile, lang):
    """How many times each name must appear whole in the document for `lang`."""
    cv = profile["cv"]
    count = collections.Counter([pick(cv["name"], lang)])
    for section in (cv.get("sections") or {}).values():
        entries = section.get("entries", []) if isinstance(section, dict) else section
        for entry in entries or []:
            if isinstance(entry, dict):
                count.update(pick(a, lang).replace("*", "") for a in entry.get("authors") or [])
    return count


def documents(dump):
    """(lang, lines of text) per document of the dump."""
    docs = []
    for line in dump:
        if line.startswith("document lang="):
            docs.append((line.split()[1][5:], {}))
        elif line.startswith("page "):
            page = int(line.split()[1])
        m = RUN.match(line.rstrip("\n"))
        if m and docs:
            key = (page, round(float(m[2]), 1))
            docs[-1][1].setdefault(key, []).append((float(m[1]), m[3] + (" " if m[4] else "")))
    return [(lang, ["".join(t for _, t in sorted(r)) for r in rows.values()]) for lang, rows in docs]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        profile = yaml.safe_load(f)
    findings, checked = [], 0
    docs = documents(sys.stdin)
    for lang, lines in docs:
        for name, n in sorted(expected(profile, lang).items()):
            found = sum(t.count(name) for t in lines)
            checked += n
            if found < n:
                findings.append(f"{lang}: {name!r} stands {n} times in the profile, whole on a line only {found} times")
    for f in findings:
        print(f)
    print(f"{len(docs)} documents, {checked} names checked, {len(findings)} findings")
    return 1 if findings or not docs else 0


if __name__ == "__main__":
    sys.exit(main())
