#!/usr/bin/env python3
"""Writes the bad-input suite: tests/bad/<case>.yaml, one hostile or broken profile each.

Run from anywhere: `python3 tests/bad/make_cases.py`. The expected exit code and message of each
case are in tests/bad/<case>.expected (line 1: `exit N`, line 2: the command, `check` or
`render`, then lines that must appear in standard error); tests/e2e/bad_inputs.sh checks them.
`CVPDF_REGEN=1 ctest -R bad_inputs` rewrites the .expected files from the binary's answers
(review the diff). Cases are grouped: encoding, YAML syntax, hostile structure, schema (wrong
types, missing fields), limits, safety.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OK = "cv:\n  name: Ada\n"
cases = {}


def case(name, data, cmd="check"):
    cases[name] = (data.encode("utf-8") if isinstance(data, str) else data, cmd)


def sections(body):
    return "cv:\n  name: Ada\n  sections:\n" + body


# --- encoding ---------------------------------------------------------------------------------
case("enc-utf16le-bom", b"\xff\xfe" + OK.encode("utf-16-le"))
case("enc-utf16be-bom", b"\xfe\xff" + OK.encode("utf-16-be"))
case("enc-utf16le-no-bom", OK.encode("utf-16-le"))
case("enc-utf32le-bom", b"\xff\xfe\x00\x00" + OK.encode("utf-32-le"))
case("enc-latin1", "cv:\n  name: Jos\xe9\n".encode("latin-1"))
case("enc-invalid-lead-byte", b"cv:\n  name: A\xffda\n")
case("enc-overlong", b"cv:\n  name: A\xc0\xafda\n")
case("enc-surrogate", b"cv:\n  name: A\xed\xa0\x80da\n")
case("enc-truncated-at-eof", b"cv:\n  name: Ada\xe4\xb8")
case("enc-nul-in-value", b"cv:\n  name: A\x00da\n")
case("enc-nul-in-key", b"cv:\n  na\x00me: Ada\n")
case("enc-bel", b"cv:\n  name: Ada\x07\n")
case("enc-escape-sequence", b"cv:\n  name: \"Ada\x1b[2J\"\n")
case("enc-eot-0x04", b"cv: {name: Ada\x04}\n")
case("enc-del", b"cv:\n  name: Ada\x7f\n")
case("enc-c1-control", b"cv:\n  name: Ada\xc2\x85\n")
case("enc-bom-then-tab", b"\xef\xbb\xbfcv:\n\tname: Ada\n")
case("enc-binary-noise", bytes(range(256)) * 4)

# --- YAML syntax --------------------------------------------------------------------------------
case("yaml-empty-file", "")
case("yaml-comment-only", "# nothing here\n")
case("yaml-top-level-list", "- cv\n- name\n")
case("yaml-top-level-scalar", "just text\n")
case("yaml-tab-indent", "cv:\n\tname: Ada\n")
case("yaml-unterminated-double-quote", "cv:\n  name: \"Ada\n  headline: x\n")
case("yaml-unterminated-single-quote", "cv:\n  name: 'Ada\n  headline: x\n")
case("yaml-unclosed-flow-list", "cv:\n  name: Ada\n  email: [a@b.org, c@d.org\n  phone: x\n")
case("yaml-unclosed-flow-map", "cv: {name: Ada\n")
case("yaml-second-document", OK + "---\ncv:\n  name: Eve\n")
case("yaml-content-after-end", OK + "...\ncv: x\n")
case("yaml-bad-indentation", "cv:\n  name: Ada\n headline: x\n")
# The YAML mistakes of someone writing a CV by hand (profile/syntax_hints.h explains each).
case("yaml-colon-in-value", "cv:\n  name: Ada\n  headline: PhD student: systems\n")
case("yaml-missing-colon", "cv:\n  name Ada\n  headline: x\n")
case("yaml-star-emphasis", "cv:\n  name: Ada\n  headline: *Best* paper award\n")
case("yaml-text-after-brackets", "cv:\n  name: Ada\n  headline: [Draft] My paper\n")
case("yaml-item-after-key", "cv:\n  name: Ada\n  headline: - x\n")
case("yaml-item-among-keys", "cv:\n  name: Ada\n  - x\n")
case("yaml-stray-bracket", "cv:\n  name: Ada\n  headline: ]x\n")
case("yaml-glued-comment", "cv:\n  name: Ada\n  headline: Ranked #1 in the class\n")  # valid YAML: a warning
case("yaml-percent-start", "cv:\n  name: Ada\n  headline: %50 faster\n")
case("yaml-duplicate-top-key", OK + "cv:\n  name: Eve\n")
case("yaml-duplicate-cv-key", "cv:\n  name: Ada\n  name: Eve\n")
case("yaml-duplicate-section", sections("    notes:\n      - a\n    notes:\n      - b\n"))
case("yaml-non-string-key", "cv:\n  name: Ada\n  [1, 2]: x\n")

# --- hostile structure ----------------------------------------------------------------------------
case("hostile-anchor-alias", "cv:\n  name: &n Ada\n  headline: *n\n")
case("hostile-recursive-alias", "cv: &a [*a]\n")
case("hostile-merge-key", "base: &b {name: Ada}\ncv:\n  <<: *b\n")
laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
for i, (p, q) in enumerate(zip("bcdefghi", "abcdefgh")):
    laughs += f"{p}: &{p} [*{q},*{q},*{q},*{q},*{q},*{q},*{q},*{q},*{q}]\n"
case("hostile-billion-laughs", laughs)
case("hostile-10000-flow-brackets", "cv: " + "[" * 10000 + "\n")
case("hostile-200-block-levels", "".join(" " * (2 * i) + "k:\n" for i in range(200)))
case("hostile-10000-flow-maps", "cv: " + "{a: " * 10000 + "\n")

# --- schema: missing fields and wrong types -----------------------------------------------------------
case("schema-missing-cv", "name: Ada\n")
case("schema-missing-name", "cv:\n  headline: x\n")
case("schema-name-is-list", "cv:\n  name: [Ada, Eve]\n")
case("schema-name-bad-language-tag", "cv:\n  name: {english!: Ada}\n")
case("schema-unknown-top-key", OK + "desgn: {}\n")
case("schema-unknown-cv-key", OK + "  eduction: []\n")
case("schema-cv-is-list", "cv:\n  - name: Ada\n")
case("schema-sections-is-list", "cv:\n  name: Ada\n  sections:\n    - notes\n")
case("schema-section-is-scalar", sections("    notes: hello\n"))
case("schema-entry-unknown-key", sections("    education:\n      - institution: X\n        area: Y\n        grade: A\n"))
case("schema-email-malformed", OK + "  email: ada-at-example.org\n")
case("schema-social-unknown-network", OK + "  social_networks:\n    - network: MySpace\n      username: ada\n")
case("schema-social-missing-username", OK + "  social_networks:\n    - network: GitHub\n")
case("schema-date-month-13", sections("    experience:\n      - company: X\n        position: Y\n        start_date: 2020-13\n"))
case("schema-date-day-32", sections("    experience:\n      - company: X\n        position: Y\n        start_date: 2020-01-32\n"))
case("schema-date-feb-29", sections("    experience:\n      - company: X\n        position: Y\n        start_date: 2023-02-29\n"))
case("schema-start-after-end", sections("    experience:\n      - company: X\n        position: Y\n        start_date: 2024-05\n        end_date: 2020-01\n"))
case("schema-language-tag-bad", "settings:\n  languages: [en, 'chinese simplified']\n" + OK)
case("schema-page-size-unknown", "settings:\n  page_size: a3\n" + OK)
case("schema-settings-is-list", "settings: [a]\n" + OK)
case("schema-current-date-bad", "settings:\n  current_date: yesterday\n" + OK)

# --- limits (core/limits.h) ----------------------------------------------------------------------------
case("limit-scalar-65537-bytes", "cv:\n  name: \"" + "a" * 65537 + "\"\n")
case("limit-2001-entries", sections("    notes:\n" + "      - bullet: b\n" * 2001))
case("limit-url-2049-bytes", OK + "  website: https://example.org/" + "a" * (2049 - 20) + "\n")
case("limit-depth-33", "cv:\n  name: Ada\n  sections:\n    s: " + "[" * 30 + "a" + "]" * 30 + "\n")
case("limit-markup-depth-17", sections("    notes:\n      - bullet: \"" + "> " * 15 + "x\"\n"), "render")
case("limit-markdown-link-2049-bytes",
     sections("    notes:\n      - bullet: \"[a](https://example.org/" + "a" * 2029 + ")\"\n"), "render")

# --- safety ------------------------------------------------------------------------------------------------
case("safety-javascript-link", sections("    notes:\n      - bullet: \"[x](javascript:alert(1))\"\n"), "render")
case("safety-file-link", sections("    notes:\n      - bullet: \"[x](file:///etc/passwd)\"\n"), "render")
case("safety-theme-outside-folder", "settings:\n  theme: ../../layouts/classic.yaml\n" + OK, "render")
case("safety-theme-absolute-path", "settings:\n  theme: /etc/cvpdf-evil.yaml\n" + OK, "render")
case("safety-bidi-override-in-key", "cv:\n  name: Ada\n  eduction\u202e: x\n")

for name, (data, cmd) in cases.items():
    with open(os.path.join(HERE, name + ".yaml"), "wb") as f:
        f.write(data)
    with open(os.path.join(HERE, name + ".cmd"), "w") as f:
        f.write(cmd + "\n")
print(f"{len(cases)} cases")
