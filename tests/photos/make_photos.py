#!/usr/bin/env python3
"""Makes the tiny test photos (no ImageMagick, no PIL): an avatar drawn in pure Python.

photo.png  240 x 300 RGBA (alpha: soft vignette corners) — written with zlib here;
photo.jpg  the same picture as a baseline JPEG — a one-page PDF of the pixels rendered by
           pdftoppm -jpeg (poppler-utils), so the JPEG comes from a real encoder;
photo-named-png.jpg  the PNG bytes under a .jpg name (type is sniffed from content);
bomb.png   a valid PNG signature and IHDR declaring 65000 x 65000 (refused before decoding);
truncated.png  photo.png cut in the middle of its IDAT.
Run from anywhere: python3 tests/photos/make_photos.py
"""
import math, os, struct, subprocess, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 240, 300


def pixel(x, y):
    # background: a soft blue-grey gradient
    t = y / H
    r, g, b = 205 - 40 * t, 215 - 35 * t, 228 - 30 * t
    # shoulders: an ellipse at the bottom
    if ((x - W / 2) / 105) ** 2 + ((y - H * 1.02) / 95) ** 2 < 1:
        r, g, b = 52, 73, 94
    # neck and head
    if abs(x - W / 2) < 22 and 150 < y < 215:
        r, g, b = 226, 188, 160
    if ((x - W / 2) / 52) ** 2 + ((y - 118) / 64) ** 2 < 1:
        r, g, b = 236, 198, 170
        if ((x - W / 2) / 56) ** 2 + ((y - 92) / 44) ** 2 < 1 and y < 96:  # hair
            r, g, b = 60, 42, 34
    d = math.hypot((x - W / 2) / (W / 2), (y - H / 2) / (H / 2))
    a = 255 if d < 1.15 else max(0, int(255 - (d - 1.15) * 900))
    return int(r), int(g), int(b), a


def chunk(kind, data):
    c = struct.pack(">I", len(data)) + kind + data
    return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(rows, colour_type, w=W, h=H):
    ihdr = struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0)
    raw = b"".join(b"\0" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def main():
    px = [[pixel(x, y) for x in range(W)] for y in range(H)]
    rgba = [bytes(v for p in row for v in p) for row in px]
    rgb = [bytes(v for p in row for v in p[:3]) for row in px]
    data = png(rgba, 6)
    open(os.path.join(HERE, "photo.png"), "wb").write(data)
    open(os.path.join(HERE, "photo-named-png.jpg"), "wb").write(data)
    open(os.path.join(HERE, "truncated.png"), "wb").write(data[: len(data) // 2])
    ihdr = struct.pack(">IIBBBBB", 65000, 65000, 8, 2, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    open(os.path.join(HERE, "bomb.png"), "wb").write(bomb)
    # JPEG: the RGB pixels in a one-page PDF at 72 dpi, rasterised by pdftoppm -jpeg.
    stream = zlib.compress(b"".join(rgb))
    content = b"q %d 0 0 %d 0 0 cm /I Do Q" % (W, H)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /I 5 0 R >> >> /Contents 4 0 R >>" % (W, H),
            b"<< /Length %d >>stream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>stream\n" % (W, H, len(stream)) + stream + b"\nendstream"]
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "p.pdf")
        open(pdf, "wb").write(out)
        subprocess.run(["pdftoppm", "-jpeg", "-jpegopt", "quality=80", "-r", "72", "-singlefile", pdf,
                        os.path.join(HERE, "photo")], check=True)


main()
