#!/usr/bin/env python3
"""Checks that a PDF's extracted text holds every string of a profile, in one language.

Usage: check_text.py PROFILE.yaml LANG EXTRACTED.txt [--order] [--sidebar KEY,KEY…] [--struct]

An independent reading of the profile (PyYAML, not cvpdf's loader): each text field is resolved
to LANG the way the README documents (exact tag, then the same primary language, then the
untagged text, then the first of settings.languages), Markdown is stripped (cmark syntax for
bold, italic, code and links), and the result must appear in the extracted text. Websites are
expected as shown (no scheme). Whitespace is compared collapsed, a line break between two CJK characters counts as nothing,
a hyphen ending a line between letters (a hyphenation) joins the word again, and a space
between CJK and Latin letters or digits counts as nothing (the theme's jlreq gap). Dates are
checked by their years. Prints each missing string; exits 1 if any.

--order: the text must also follow the source order: the section titles in the profile's order
(the sections named by --sidebar, which the design moves to its sidebar, after all the others),
and within each section its entries, each found by its first string, in the profile's order.
--struct: EXTRACTED is `pdfinfo -struct-text` output; its quoted strings are the text, read in
tree order (pieces of one element joined as they are, a new block element on a new line).
"""
import re
import sys

import yaml

SKIP = {"date", "start_date", "end_date", "url", "doi", "arxiv", "photo", "network", "username"}


def pick(value, lang, default):
    if not isinstance(value, dict):
        return value
    for tag in (lang, lang.split("-")[0]):
        for k, v in value.items():
            if k == tag or k.split("-")[0] == tag:
                return v
    return value.get("", value.get(default, next(iter(value.values()))))


def strip_md(s):
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"\*\*([^*]+)\*\*", r"\1", s)
    s = re.sub(r"\*([^*]+)\*", r"\1", s)
    s = re.sub(r"`([^`]+)`", r"\1", s)
    return s


CJK = r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"


def norm(s):
    # Bidi embedding marks that pdftotext puts around right-to-left lines are not text.
    s = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", s)
    # A hyphen at a line end between letters is a hyphenation (cvpdf never breaks a line after a
    # hyphen of the source: linebreak/breaks.h), so the word is joined again, as pdftotext does.
    s = re.sub(r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    # The quarter-em gap between ideographs and Latin letters or digits (theme linebreak.
    # cjk_latin_space, jlreq) reads back as a space in extractors that infer spaces from gaps.
    s = re.sub(rf"({CJK}) ?(?=[A-Za-z0-9])", r"\1", s)
    s = re.sub(rf"([A-Za-z0-9]) (?={CJK})", r"\1", s)
    return re.sub(rf"({CJK}) (?={CJK})", r"\1", s)


def strings(node, lang, default, key=None):
    if isinstance(node, dict) and not (node and all(re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", str(k)) for k in node)):
        for k, v in node.items():
            if k in SKIP:
                if k in ("doi", "arxiv"):
                    yield str(v)
                continue
            yield from strings(v, lang, default, k)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v, lang, default, key)
    elif node is not None and not isinstance(node, bool):
        v = pick(node, lang, default)
        if key == "website":  # shown as a reader types it: no scheme, no trailing slash
            v = re.sub(r"^https?://", "", str(v)).rstrip("/")
        if isinstance(v, (str, int, float)):
            yield strip_md(str(v))


def struct_text(raw):
    """The text of `pdfinfo -struct-text` output: quoted strings, elements on new lines."""
    out = []
    for line in raw.splitlines():
        s = line.strip()
        if len(s) >= 2 and s[0] == '"' and s[-1] == '"':
            out.append(s[1:-1])
            if s[-2] == "-":  # a hyphenated line end: its own line, rejoined as any other
                out.append("\n")
        elif not (s.endswith("(inline)") or re.fullmatch(r"Object \d+ \d+", s)):
            out.append("\n")  # a block element starts (inline ones, links' OBJRs: no break)
    return "".join(out)


def find_title(text, upper, title, start):
    """The first place from `start` where a section title appears, as written or in capitals."""
    hits = [at for at in (text.find(norm(title), start), upper.find(norm(title).upper(), start)) if at >= 0]
    return min(hits) if hits else -1


def order_findings(text, sections, lang, default, sidebar):
    """Section titles and the entries' first strings out of source order."""
    upper, found = text.upper(), []
    keyed = [(k, s) for k, s in sections.items() if isinstance(s, dict)]
    keyed = [x for x in keyed if x[0] not in sidebar] + [x for x in keyed if x[0] in sidebar]
    pos = 0
    for key, sec in keyed:
        title = strip_md(str(pick(sec.get("title", key), lang, default)))
        at = find_title(text, upper, title, pos)
        if at < 0:
            found.append(f"section {title!r} not found after the previous section")
            continue
        pos = at + len(norm(title))
        for entry in sec.get("entries", []):
            first = next((w for w in strings(entry, lang, default) if norm(w)), None)
            if first is None:
                continue
            at = text.find(norm(first), pos)
            if at < 0:
                found.append(f"{first!r} (section {title!r}) is out of order")
                continue
            pos = at + len(norm(first))
    return found


def main():
    args = sys.argv[1:]
    order, struct = "--order" in args, "--struct" in args
    sidebar = args[args.index("--sidebar") + 1].split(",") if "--sidebar" in args else []
    profile, lang, extracted = [a for i, a in enumerate(args)
                                if not a.startswith("--") and (i == 0 or args[i - 1] != "--sidebar")][:3]
    with open(profile, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    langs = (data.get("settings") or {}).get("languages") or ["en"]
    with open(extracted, encoding="utf-8") as f:
        raw = f.read()
    text = norm(struct_text(raw) if struct else raw)
    cv = dict(data["cv"])
    sections = cv.pop("sections", {}) or {}
    wanted = list(strings(cv, lang, langs[0]))
    for key, sec in sections.items():
        if isinstance(sec, dict):
            wanted.append(strip_md(str(pick(sec.get("title", key), lang, langs[0]))))
            wanted += list(strings(sec.get("entries", []), lang, langs[0]))
        else:
            wanted += list(strings(sec, lang, langs[0]))
    # Section titles may be set in capitals by the theme (section_titles_uppercase): a title
    # counts as found in any case.
    titles = {strip_md(str(pick(sec.get("title", key), lang, langs[0])))
              for key, sec in sections.items() if isinstance(sec, dict)}
    upper = text.upper()
    missing = [w for w in wanted if norm(w) and norm(w) not in text
               and not (w in titles and norm(w).upper() in upper)]
    for w in missing:
        print(f"missing from the PDF text: {w!r}")
    disorder = order_findings(text, sections, lang, langs[0], sidebar) if order else []
    for d in disorder:
        print(f"out of order: {d}")
    print(f"{len(wanted) - len(missing)} of {len(wanted)} profile strings found ({lang})"
          + (f", {'in' if not disorder else 'NOT in'} source order" if order else ""))
    return 1 if missing or disorder else 0


if __name__ == "__main__":
    sys.exit(main())
