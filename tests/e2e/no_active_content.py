#!/usr/bin/env python3
"""No active content in a PDF (issue 7, safe output): usage `no_active_content.py PDF…`.

For each file, with qpdf (object streams and compressed streams opened):
- no dictionary key or action type /JavaScript, /JS, /Launch, /OpenAction, /AA (additional
  actions), /SubmitForm, /ImportData, /GoToR, /GoToE, /RichMedia, /EmbeddedFile;
- every /URI is printable ASCII and starts with http://, https:// or mailto:;
- none of the names /JavaScript, /JS, /Launch, /OpenAction appears as a name token anywhere in
  the uncompressed file outside literal and hex strings and binary streams (so a profile's text
  cannot have become PDF syntax even in a content stream).
Prints one line per problem and exits 1 if there is any; `--uris` prints the URIs found.
"""
import json
import re
import subprocess
import sys
import tempfile

BAD_KEYS = {"/JavaScript", "/JS", "/Launch", "/OpenAction", "/AA", "/SubmitForm", "/ImportData",
            "/GoToR", "/GoToE", "/RichMedia", "/EmbeddedFile"}
BAD_NAMES = (rb"/JavaScript", rb"/Launch", rb"/OpenAction", rb"/JS")


def structure_problems(pdf, uris):
    """Keys and action types in qpdf's JSON view of every object."""
    doc = json.loads(subprocess.run(["qpdf", "--json", pdf], check=True,
                                    capture_output=True).stdout)
    objs = doc["qpdf"][1] if "qpdf" in doc else doc["objects"]
    found = []

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k in BAD_KEYS:
                    found.append(f"key {k}")
                if k in ("/S", "/Type", "/Subtype") and x in BAD_KEYS:
                    found.append(f"{k} {x}")
                if k == "/URI" and isinstance(x, str):
                    uris.append(x)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(objs)
    for u in uris:
        s = u[2:] if u.startswith(("u:", "b:")) else u
        if any(ord(c) <= 0x20 or ord(c) >= 0x7F for c in s):
            found.append(f"URI not printable ASCII: {u!r}")
        if not s.startswith(("https://", "http://", "mailto:")):
            found.append(f"URI scheme: {u!r}")
    return found


def outside_strings(data):
    """`data` without its literal (balanced, escaped) and hex strings."""
    out, i, depth = bytearray(), 0, 0
    while i < len(data):
        c = data[i:i + 1]
        if depth > 0:
            if c == b"\\":
                i += 1
            elif c == b"(":
                depth += 1
            elif c == b")":
                depth -= 1
        elif c == b"(":
            depth = 1
        elif data[i:i + 2] in (b"<<", b">>"):
            out += data[i:i + 2]
            i += 1
        elif c == b"<":
            end = data.find(b">", i)
            i = end if end >= 0 else len(data)
        else:
            out += c
        i += 1
    return bytes(out)


def without_binary_streams(data):
    """`data` without the bodies of binary streams (font programs, images: any NUL byte) and of
    the XMP packet (XML, which holds the profile's title and name as text), whose bytes are not
    PDF syntax and may hold any sequence."""
    def keep(m):
        body = m.group(1)
        return b"stream\nendstream" if b"\0" in body or body.startswith(b"<?xpacket") else m.group(0)
    return re.sub(rb"stream\r?\n(.*?)endstream", keep, data, flags=re.S)


def name_problems(pdf):
    """Name tokens in the uncompressed file (qpdf --qdf), outside strings and binary streams."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as qdf:
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf.name], check=True)
        data = outside_strings(without_binary_streams(open(qdf.name, "rb").read()))
    return [f"name {n.decode()} outside a string" for n in BAD_NAMES
            if re.search(re.escape(n) + rb"(?![A-Za-z0-9#])", data)]


def main(args):
    show_uris = "--uris" in args
    bad = 0
    for pdf in (a for a in args if a != "--uris"):
        uris = []
        problems = structure_problems(pdf, uris) + name_problems(pdf)
        for p in problems:
            print(f"{pdf}: {p}", file=sys.stderr)
        bad += len(problems)
        if show_uris:
            print("\n".join(uris))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
