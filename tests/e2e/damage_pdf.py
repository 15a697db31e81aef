#!/usr/bin/env python3
"""Damages a PDF written by cvpdf in one chosen way, for tests/e2e/verify.sh.

usage: damage_pdf.py KIND IN.pdf OUT.pdf

IN.pdf is first rewritten by qpdf with every object in place and a classic xref table
(`qpdf --object-streams=disable`: cvpdf packs objects in an object stream), which keeps the
objects, the Producer and the text as they are; verify.sh checks that this rewrite alone
passes. Then one thing is changed and a well-formed PDF written again (new offsets, xref and
trailer), so that only the intended damage is there:

  change-word     one glyph code of the first text run on page 1 (the name) replaced by another
  remove-run      the third text run (BT…ET) on page 1 removed
  swap-runs       the two section-title runs found first on page 1 swapped (two headings swapped)
  visual-order    the glyphs of the first text run on page 1 written in the reverse order, as
                  tools that draw right-to-left text in visual order write it (its TJ becomes
                  one string of the codes, last first)
  tounicode       in the first font's ToUnicode CMap, one entry maps to another letter
  unmap           in the first font's ToUnicode CMap, one entry removed
  mcid            page 1's first /MCID renumbered 9999 (tagged PDFs; exit 3 if there is none)
  producer        the Info /Producer says another program wrote it
  none            nothing (the qpdf rewrite alone)
  truncate        the file cut in half (not rewritten by qpdf)
"""
import re
import subprocess
import sys
import zlib


def ranges_as_chars(cmap):
    """The same CMap with every incrementing bfrange line written as bfchar lines (cvpdf
    writes consecutive codes for consecutive characters as ranges), so that one entry can be
    changed or removed."""
    chars = []

    def expand(block):
        for lo, hi, dst in re.findall(rb"<([0-9A-F]+)> <([0-9A-F]+)> <([0-9A-F]{4})>", block.group(1)):
            for k in range(int(hi, 16) - int(lo, 16) + 1):
                chars.append(b"<%0*X> <%04X>\n" % (len(lo), int(lo, 16) + k, int(dst, 16) + k))
        return b""

    cmap = re.sub(rb"\d+ beginbfrange\n(.*?)endbfrange\n", expand, cmap, flags=re.S)
    blocks = b"".join(b"%d beginbfchar\n" % len(chars[i:i + 100]) + b"".join(chars[i:i + 100]) + b"endbfchar\n"
                      for i in range(0, len(chars), 100))
    return cmap.replace(b"endcmap", blocks + b"endcmap", 1)


def read_objects(data):
    start = int(re.search(rb"startxref\s+(\d+)", data[-1024:]).group(1))
    table = data[start:]
    trailer = re.search(rb"trailer\s*(<<.*?>>)\s*startxref", table, re.S).group(1)
    objs = {}
    # subsections: "start count" then entries
    body = table[4: table.find(b"trailer")].split(b"\n")
    num = 0
    for line in body:
        parts = line.split()
        if len(parts) == 2:
            num = int(parts[0])
        elif len(parts) == 3:
            if parts[2] == b"n":
                off = int(parts[0])
                end = data.find(b"endobj", off)
                objs[num] = data[off: end + len(b"endobj")]
            num += 1
    return objs, trailer


def split_stream(obj):
    head_end = obj.find(b"stream")
    head = obj[:head_end]
    s = head_end + len(b"stream")
    if obj[s: s + 2] == b"\r\n":
        s += 2
    elif obj[s: s + 1] == b"\n":
        s += 1
    length = int(re.search(rb"/Length (\d+)", head).group(1))  # qpdf writes lengths directly
    return head, obj[s: s + length]


def with_stream(obj, raw):
    head, _ = split_stream(obj)
    packed = zlib.compress(raw)
    head = re.sub(rb"/Length \d+", b"/Length %d" % len(packed), head)
    return head + b"stream\n" + packed + b"\nendstream\nendobj"


def write(objs, trailer, out):
    buf = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(buf)
        buf += objs[num] + b"\n"
    size = max(objs) + 1
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        if num in offsets:
            buf += b"%010d 00000 n \n" % offsets[num]
        else:
            buf += b"0000000000 00000 f \n"
    buf += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    open(out, "wb").write(buf)


def first_page_contents(objs):
    for num in sorted(objs):
        if re.search(rb"/Type ?/Page[^s]", objs[num]):
            return int(re.search(rb"/Contents (\d+) 0 R", objs[num]).group(1))
    raise SystemExit("no page")


def first_tounicode(objs):
    for num in sorted(objs):
        m = re.search(rb"/ToUnicode (\d+) 0 R", objs[num])
        if m:
            return int(m.group(1))
    raise SystemExit("no ToUnicode")


def runs(text):
    return [m for m in re.finditer(rb"BT\n.*?ET\n", text, re.S)]


def main():
    kind, src, out = sys.argv[1:4]
    data = open(src, "rb").read()
    if kind == "truncate":
        open(out, "wb").write(data[: len(data) // 2])
        return
    data = subprocess.run(["qpdf", "--object-streams=disable", src, "-"], check=True,
                          stdout=subprocess.PIPE).stdout
    objs, trailer = read_objects(data)
    if kind == "none":
        pass
    elif kind == "producer":
        info = int(re.search(rb"/Info (\d+) 0 R", trailer).group(1))
        objs[info] = re.sub(rb"/Producer ?\(cvpdf\)", b"/Producer(LibreOffice 7.4)", objs[info])
    elif kind == "mcid":
        c = first_page_contents(objs)
        _, raw = split_stream(objs[c])
        text = zlib.decompress(raw)
        if not re.search(rb"/MCID \d+", text):
            sys.exit(3)
        objs[c] = with_stream(objs[c], re.sub(rb"/MCID \d+", b"/MCID 9999", text, count=1))
    elif kind in ("change-word", "remove-run", "swap-runs", "visual-order"):
        c = first_page_contents(objs)
        _, raw = split_stream(objs[c])
        text = zlib.decompress(raw)
        rs = runs(text)
        if kind == "change-word":
            m = re.search(rb"<([0-9A-F]{4})([0-9A-F]{4})([0-9A-F]{4})", text[rs[0].start():])
            a = rs[0].start() + m.start(1)
            # the second and third glyphs of the name swapped: "Xinyi" reads "Xniyi"
            text = text[:a] + m.group(1) + m.group(3) + m.group(2) + text[a + 12:]
        elif kind == "visual-order":
            r = rs[0]
            tj = re.search(rb"\[(.*?)\] TJ", text[r.start(): r.end()], re.S)
            a, b = r.start() + tj.start(), r.start() + tj.end()
            codes = re.findall(rb"[0-9A-F]{4}", b"".join(re.findall(rb"<([0-9A-F]+)>", tj.group(1))))
            text = text[:a] + b"[<" + b"".join(reversed(codes)) + b">] TJ" + text[b:]
        elif kind == "remove-run":
            r = rs[2]
            text = text[: r.start()] + text[r.end():]
        else:
            # section titles: the runs followed by a rule (… m … l S) before the next text run
            def ruled(k):
                end = rs[k + 1].start() if k + 1 < len(rs) else len(text)
                return b" l S" in text[rs[k].end(): end]
            titles = [r for k, r in enumerate(rs) if ruled(k)]
            a, b = titles[0], titles[1]
            text = text[: a.start()] + text[b.start(): b.end()] + text[a.end(): b.start()] + \
                text[a.start(): a.end()] + text[b.end():]
        objs[c] = with_stream(objs[c], text)
    elif kind in ("tounicode", "unmap"):
        t = first_tounicode(objs)
        _, raw = split_stream(objs[t])
        cmap = ranges_as_chars(zlib.decompress(raw))
        # the entry for the letter 'i' (U+0069)
        m = re.search(rb"<([0-9A-F]{4})> <0069>\n", cmap)
        if kind == "tounicode":
            cmap = cmap[: m.start()] + b"<" + m.group(1) + b"> <0078>\n" + cmap[m.end():]
        else:
            cmap = cmap[: m.start()] + cmap[m.end():]
            cmap = re.sub(rb"\d+ beginbfchar\n(.*?)endbfchar",
                          lambda x: b"%d beginbfchar\n" % x.group(1).count(b"\n") + x.group(1) + b"endbfchar",
                          cmap, flags=re.S)
        objs[t] = with_stream(objs[t], cmap)
    else:
        raise SystemExit("unknown kind " + kind)
    write(objs, trailer, out)


if __name__ == "__main__":
    main()
