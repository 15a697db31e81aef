#!/usr/bin/env python3
"""Checks the tagged-PDF structure and the metadata of a PDF cvpdf wrote, read through qpdf's JSON.

Usage: check_structure.py FILE.pdf [LANG]

An independent reading (qpdf --json, not cvpdf's writer): the catalog has /MarkInfo
<< /Marked true >>, a /StructTreeRoot, /ViewerPreferences << /DisplayDocTitle true >>, /Lang
(LANG if given) and an XMP /Metadata stream; every page has /Tabs /S and /StructParents; the tree
is a tree (each element once, /P pointing back to its parent) of standard types with a Document
root; every marked-content sequence with an MCID in a content stream is referenced by exactly one
element, and the ParentTree maps it to that element; every element's MCID exists; every text
object (BT … ET) lies in marked content (an MCID or an /Artifact); every /Link annotation has a
/StructParent that the ParentTree maps to a /Link element holding an /OBJR to it; a Figure has
/Alt; the XMP packet agrees with the Info dictionary (title, author, subject, producer, creator,
dates, language). Prints each finding; exits 1 if any.
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

STANDARD = {"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
            "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR",
            "TH", "TD", "Span", "Quote", "Note", "Reference", "Code", "Link", "Annot", "Figure",
            "Formula", "Form", "NonStruct", "Private"}
NS = {"x": "adobe:ns:meta/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdf": "http://ns.adobe.com/pdf/1.3/"}
findings = []


def bad(msg):
    findings.append(msg)


def load(path):
    out = subprocess.run(["qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", path],
                         check=True, capture_output=True).stdout
    data = json.loads(out)
    objs = {}
    for key, v in data["qpdf"][1].items():
        if key.startswith("obj:"):
            objs[key[4:]] = v
    trailer = data["qpdf"][1]["trailer"]["value"]
    return objs, trailer, [p["object"] for p in data["pages"]]


def text(v):
    """A qpdf JSON string value as Python text."""
    if isinstance(v, str) and v.startswith("u:"):
        return v[2:]
    if isinstance(v, str) and v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        return raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")
    return v


class Pdf:
    def __init__(self, path):
        self.objs, self.trailer, self.pages = load(path)

    def get(self, v):
        """Resolves a reference."""
        while isinstance(v, str) and v.endswith(" R"):
            v = self.objs[v]
            v = v.get("value", v.get("stream", {}).get("dict"))
        return v

    def stream(self, ref):
        s = self.objs[ref]["stream"]
        return s["dict"], base64.b64decode(s.get("data", ""))


def content_of(pdf, page_ref):
    contents = pdf.get(page_ref)["/Contents"]
    refs = contents if isinstance(contents, list) else [contents]
    return b"".join(pdf.stream(r)[1] for r in refs).decode("latin-1")


TOKEN = re.compile(r"/(\w+)\s*<<([^>]*)>>\s*BDC|/(\w+)\s*BMC|\bBDC\b|\bEMC\b|\bBT\b|\bET\b")


def page_marks(content, page_no):
    """The MCIDs of a page's content stream, and whether every BT lies in marked content."""
    depth, mcids, stack = 0, [], []
    for m in TOKEN.finditer(content):
        tok = m.group(0)
        if m.group(1):
            mcid = re.search(r"/MCID\s+(\d+)", m.group(2))
            stack.append(m.group(1))
            if mcid:
                mcids.append(int(mcid.group(1)))
            elif m.group(1) != "Artifact" and not any(t == "Artifact" or t == "MC" for t in stack[:-1]) \
                    and "ActualText" not in m.group(2):
                bad(f"page {page_no}: /{m.group(1)} marked content without an MCID")
        elif m.group(3):
            stack.append(m.group(3))
        elif tok == "BDC":
            stack.append("MC")
        elif tok == "EMC":
            if not stack:
                bad(f"page {page_no}: EMC without BDC/BMC")
            else:
                stack.pop()
        elif tok == "BT" and not stack:
            bad(f"page {page_no}: a text object outside marked content")
    if stack:
        bad(f"page {page_no}: unbalanced marked content")
    if len(set(mcids)) != len(mcids):
        bad(f"page {page_no}: an MCID is used twice")
    return mcids


def walk_tree(pdf, root_ref):
    """Elements in tree order; (page ref, MCID) → element; annotation ref → element."""
    root = pdf.get(root_ref)
    kids = root["/K"] if isinstance(root["/K"], list) else [root["/K"]]
    if len(kids) != 1 or pdf.get(kids[0]).get("/S") != "/Document":
        bad("the tree's root is not one Document element")
    seen, mcr, objr, order = set(), {}, {}, []

    def visit(ref, parent_ref):
        if ref in seen:
            bad(f"element {ref} appears twice in the tree")
            return
        seen.add(ref)
        e = pdf.get(ref)
        s = e.get("/S", "")[1:]
        order.append((ref, s))
        if s not in STANDARD:
            bad(f"element {ref}: non-standard type /{s}")
        if e.get("/P") != parent_ref:
            bad(f"element {ref}: /P is {e.get('/P')}, not its parent {parent_ref}")
        if s == "Figure" and not text(e.get("/Alt", "")):
            bad(f"Figure {ref} has no /Alt")
        k = e.get("/K", [])
        for kid in (k if isinstance(k, list) else [k]):
            if isinstance(kid, int):
                if "/Pg" not in e:
                    bad(f"element {ref}: an MCID without /Pg")
                mcr.setdefault((e.get("/Pg"), kid), []).append(ref)
            elif isinstance(kid, str):
                visit(kid, ref)
            elif kid.get("/Type") == "/MCR":
                mcr.setdefault((kid.get("/Pg", e.get("/Pg")), kid["/MCID"]), []).append(ref)
            elif kid.get("/Type") == "/OBJR":
                objr.setdefault(kid["/Obj"], []).append(ref)
                if s != "Link":
                    bad(f"an OBJR under /{s}, not /Link")
            else:
                bad(f"element {ref}: unknown kid {kid}")

    for kid in kids:
        visit(kid, root_ref)
    return order, mcr, objr


def parent_tree(pdf, root):
    nums = {}

    def collect(node):
        node = pdf.get(node)
        n = node.get("/Nums", [])
        for i in range(0, len(n), 2):
            nums[n[i]] = n[i + 1]
        for kid in node.get("/Kids", []):
            collect(kid)

    collect(root["/ParentTree"])
    return nums


def check_pages(pdf, mcr, objr, nums):
    for no, page_ref in enumerate(pdf.pages, 1):
        page = pdf.get(page_ref)
        if page.get("/Tabs") != "/S":
            bad(f"page {no}: /Tabs is not /S")
        key = page.get("/StructParents")
        if key is None:
            bad(f"page {no}: no /StructParents")
            continue
        owners = pdf.get(nums.get(key, []))
        mcids = page_marks(content_of(pdf, page_ref), no)
        for m in mcids:
            elems = mcr.get((page_ref, m), [])
            if len(elems) != 1:
                bad(f"page {no}: MCID {m} is referenced by {len(elems)} elements")
            elif m >= len(owners) or owners[m] != elems[0]:
                bad(f"page {no}: the ParentTree does not map MCID {m} to {elems[0]}")
        for (pg, m) in mcr:
            if pg == page_ref and m not in mcids:
                bad(f"page {no}: the tree references MCID {m}, which the page does not have")
        for annot_ref in page.get("/Annots", []):
            annot = pdf.get(annot_ref)
            if annot.get("/Subtype") != "/Link":
                continue
            elems = objr.get(annot_ref, [])
            sp = annot.get("/StructParent")
            if len(elems) != 1:
                bad(f"page {no}: link {annot_ref} has {len(elems)} OBJR references")
            elif sp is None or nums.get(sp) != elems[0]:
                bad(f"page {no}: link {annot_ref}: /StructParent does not lead to its Link element")
    return sum(1 for _ in mcr)


def xmp_values(pdf, catalog):
    if "/Metadata" not in catalog:
        bad("no /Metadata (XMP) on the catalog")
        return {}
    d, data = pdf.stream(catalog["/Metadata"])
    if d.get("/Subtype") != "/XML" or d.get("/Type") != "/Metadata":
        bad("the metadata stream is not /Type /Metadata /Subtype /XML")
    root = ET.fromstring(data.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    desc = root.find("rdf:RDF/rdf:Description", NS)
    get = lambda path: (desc.find(path, NS).text if desc.find(path, NS) is not None else None)
    return {"title": get("dc:title/rdf:Alt/rdf:li"), "author": get("dc:creator/rdf:Seq/rdf:li"),
            "subject": get("dc:description/rdf:Alt/rdf:li"), "lang": get("dc:language/rdf:Bag/rdf:li"),
            "producer": get("pdf:Producer"), "creator": get("xmp:CreatorTool"),
            "created": get("xmp:CreateDate"), "modified": get("xmp:ModifyDate")}


def iso(pdf_date):
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z", pdf_date or "")
    return f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}Z" if m else None


def check_metadata(pdf, catalog, lang):
    info = pdf.get(pdf.trailer.get("/Info", {}))
    x = xmp_values(pdf, catalog)
    pairs = [("title", "/Title"), ("author", "/Author"), ("subject", "/Subject"), ("producer", "/Producer"),
             ("creator", "/Creator")]
    for key, name in pairs:
        if x.get(key) != (text(info[name]) if name in info else None):
            bad(f"XMP {key} {x.get(key)!r} differs from Info {name} {text(info.get(name))!r}")
    for key, name in (("created", "/CreationDate"), ("modified", "/ModDate")):
        if x.get(key) != iso(text(info.get(name))):
            bad(f"XMP {key} {x.get(key)!r} differs from Info {name} {text(info.get(name))!r}")
    if x.get("lang") != text(catalog.get("/Lang")):
        bad(f"XMP dc:language {x.get('lang')!r} differs from /Lang {text(catalog.get('/Lang'))!r}")
    if lang and text(catalog.get("/Lang")) != lang:
        bad(f"/Lang is {text(catalog.get('/Lang'))!r}, not {lang!r}")


def main():
    path = sys.argv[1]
    lang = sys.argv[2] if len(sys.argv) > 2 else None
    pdf = Pdf(path)
    catalog = pdf.get(pdf.trailer["/Root"])
    if pdf.get(catalog.get("/MarkInfo", {})).get("/Marked") is not True:
        bad("no /MarkInfo << /Marked true >>")
    if pdf.get(catalog.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
        bad("no /ViewerPreferences << /DisplayDocTitle true >>")
    if "/StructTreeRoot" not in catalog:
        bad("no /StructTreeRoot")
        elements, marks = [], 0
    else:
        root = pdf.get(catalog["/StructTreeRoot"])
        elements, mcr, objr = walk_tree(pdf, catalog["/StructTreeRoot"])
        marks = check_pages(pdf, mcr, objr, parent_tree(pdf, root))
    check_metadata(pdf, catalog, lang)
    for f in findings:
        print(f"{path}: {f}")
    kinds = sorted({s for _, s in elements})
    print(f"{len(elements)} elements ({' '.join(kinds)}), {marks} marked-content references, "
          f"{len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
