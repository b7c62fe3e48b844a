#!/usr/bin/env python3
"""Checks the machine-checkable PDF/UA-1 conditions (Matterhorn Protocol) of
a PDF from `qpdf --json` output. There is no PDF/UA validator in Debian.

usage: pdfua_check.py FILE.pdf...      exit 0 when every file passes
       pdfua_check.py --easyread EXE --work DIR SOURCE_DIR...
           builds every SOURCE_DIR/*.md at A4 16 pt and A5 24 pt, then checks each PDF

Checked: XMP metadata with pdfuaid:part 1 and a dc:title; /MarkInfo /Marked;
/Lang; /DisplayDocTitle; /Tabs /S on every page; every painting operator in
the page content inside tagged marked content (an MCID) or an /Artifact; no
empty /ActualText; a structure tree under one Document; lists as L of LI,
each LI holding its Lbl and an LBody, with no list cut into one-item lists;
the contents (when there is one) as TOC of TOCI, each linking to a page;
every Figure with /Alt; every Link annotation in the structure (/StructParent).
"""
import base64
import json
import re
import subprocess
import sys


def qpdf_json(path):
    out = subprocess.run(
        ["qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path],
        check=True, capture_output=True).stdout
    data = json.loads(out)
    objects = {}
    for part in data["qpdf"][1:]:
        objects.update(part)
    return objects


class Pdf:
    def __init__(self, path):
        self.objects = qpdf_json(path)

    def get(self, v):
        """Resolves an indirect reference ("12 0 R") to its value or stream."""
        if isinstance(v, str) and re.fullmatch(r"\d+ \d+ R", v):
            o = self.objects.get("obj:" + v)
            if o is None:
                return None
            return o["value"] if "value" in o else o["stream"]
        return v

    def dict_of(self, v):
        v = self.get(v)
        if isinstance(v, dict) and "dict" in v and "data" in v:  # a stream
            return v["dict"]
        return v if isinstance(v, dict) else {}

    def stream_data(self, v):
        v = self.get(v)
        if not isinstance(v, dict) or "data" not in v:
            return b""
        return base64.b64decode(v["data"])

    def root(self):
        return self.dict_of(self.objects["trailer"]["value"]["/Root"])

    def page_refs(self):
        """The page objects' references ("12 0 R"), in page order."""
        out = []

        def walk(node):
            d = self.dict_of(node)
            if d.get("/Type") == "/Pages":
                for kid in d.get("/Kids", []):
                    walk(kid)
            else:
                out.append(node)
        walk(self.root()["/Pages"])
        return out

    def pages(self):
        return [self.dict_of(r) for r in self.page_refs()]


def text_of(v):
    """A qpdf JSON string value ("u:words" or "b:hex") as text."""
    if not isinstance(v, str):
        return ""
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be", "replace")
        return raw.decode("latin-1")
    return v


# --- content streams -------------------------------------------------------

TOKEN = re.compile(rb"""
    (?P<space>\s+|%[^\r\n]*)
  | (?P<dict_open><<) | (?P<dict_close>>>)
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<string>\()
  | (?P<array>[\[\]])
  | (?P<name>/[^\s/\[\]()<>{}%]*)
  | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+))
  | (?P<word>[^\s/\[\]()<>{}%]+)
""", re.X)

PAINTS = {b"Tj", b"TJ", b"'", b'"', b"Do", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*",
          b"S", b"s", b"sh", b"BI"}


def read_string(data, i):
    """Reads a (literal string) starting after its "("; returns (bytes, end)."""
    depth, out = 1, bytearray()
    while i < len(data):
        c = data[i]
        if c == 0x5C:  # backslash
            out += data[i:i + 2]
            i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(c)
        i += 1
    return bytes(out), i


def content_ops(data):
    """Yields (operator, operands) of a content stream; operands as raw tokens."""
    i, operands = 0, []
    while i < len(data):
        m = TOKEN.match(data, i)
        if not m:
            i += 1
            continue
        kind = m.lastgroup
        if kind == "string":
            s, i = read_string(data, m.end())
            operands.append(("string", s))
            continue
        i = m.end()
        if kind == "space":
            continue
        value = m.group(kind)
        if kind == "word" and value not in (b"true", b"false", b"null"):
            if value == b"ID":  # inline image data up to EI
                end = data.find(b"EI", i)
                i = len(data) if end < 0 else end + 2
            yield value, operands
            operands = []
        else:
            operands.append((kind, value))


def check_content(data, where, problems):
    stack = []  # each open marked content: [kind, tag, drew anything]
    for op, operands in content_ops(data):
        if op in (b"BDC", b"BMC"):
            names = [v for k, v in operands if k == "name"]
            tag = names[0] if names else b""
            kind = "artifact" if tag == b"/Artifact" else "mcid" if b"/MCID" in names else "other"
            stack.append([kind, tag, False])
            values = [v for k, v in operands]
            if b"/ActualText" in values:
                rest = operands[values.index(b"/ActualText") + 1:]
                value = rest[0] if rest else None
                empty = value is None or (value[0] == "string" and value[1] in (b"", b"\xfe\xff")) or \
                    (value[0] == "hex" and re.sub(rb"[<>\s]", b"", value[1]).upper() in (b"", b"FEFF"))
                if empty:
                    problems.append(f"{where}: an empty /ActualText")
        elif op == b"EMC":
            if not stack:
                problems.append(f"{where}: EMC without BDC")
                continue
            kind, tag, drew = stack.pop()
            if not drew and kind != "mcid":
                problems.append(f"{where}: an empty {tag.decode()} span (marked content with nothing inside)")
        elif op in PAINTS:
            for entry in stack:
                entry[2] = True
            if not any(e[0] in ("mcid", "artifact") for e in stack):
                problems.append(f"{where}: '{op.decode()}' draws content that is neither tagged nor an artifact")
    if stack:
        problems.append(f"{where}: marked content left open")


# --- structure tree --------------------------------------------------------

def check_structure(pdf, problems):
    root = pdf.root()
    tree = pdf.dict_of(root.get("/StructTreeRoot"))
    if not tree:
        problems.append("no structure tree (/StructTreeRoot)")
        return
    kids = pdf.get(tree.get("/K"))
    kids = kids if isinstance(kids, list) else [kids]
    kids = [pdf.dict_of(k) for k in kids]
    if len(kids) != 1 or kids[0].get("/S") != "/Document":
        problems.append("the structure tree does not have one Document element at its root")

    counts = {}
    link_annots = set()

    def children(elem):
        k = pdf.get(elem.get("/K"))
        if k is None:
            return []
        return k if isinstance(k, list) else [k]

    def struct_kids(elem):
        out = []
        for k in children(elem):
            d = pdf.dict_of(k)
            if d.get("/S"):
                out.append(d)
        return out

    def walk(elem, depth):
        if depth > 100:
            return
        s = elem.get("/S", "")
        counts[s] = counts.get(s, 0) + 1
        sk = struct_kids(elem)
        if s == "/L":
            if not sk or any(k.get("/S") != "/LI" for k in sk):
                problems.append("a list (L) holds something other than list items (LI)")
        if s == "/LI":
            types = [k.get("/S") for k in sk]
            if "/LBody" not in types or any(t not in ("/Lbl", "/LBody") for t in types):
                problems.append(f"a list item (LI) is not Lbl + LBody: {types}")
            elif "/Lbl" not in types:  # an item split over a page break is still one LI, with its bullet
                problems.append("a list item (LI) has no Lbl (its bullet or number)")
        if s == "/TOC":
            if not sk or any(k.get("/S") not in ("/TOCI", "/TOC") for k in sk):
                problems.append("the contents (TOC) holds something other than TOCI")
        if s == "/TOCI":
            def has_link(e, d=0):
                return d < 20 and any(k.get("/S") == "/Link" or has_link(k, d + 1) for k in struct_kids(e))
            if not has_link(elem):
                problems.append("a contents entry (TOCI) has no link")
        if s == "/Figure" and not text_of(elem.get("/Alt")).strip():
            problems.append("a Figure has no /Alt text")
        if text_of(elem.get("/ActualText", "u:x")) == "":
            problems.append(f"an empty /ActualText on a {s} element")
        if s == "/Link":
            for k in children(elem):
                d = pdf.dict_of(k)
                if d.get("/Type") == "/OBJR":
                    link_annots.add(d.get("/Obj"))
        # Lists cut into one-item lists: two L elements side by side, each with one LI.
        prev_single = False
        for k in sk:
            single = k.get("/S") == "/L" and len(struct_kids(k)) == 1
            if single and prev_single:
                problems.append("a list is cut into one-item lists (L elements of one LI side by side)")
                break
            prev_single = single
        for k in sk:
            walk(k, depth + 1)

    for k in kids:
        walk(k, 0)
    return counts, link_annots


def check(path):
    problems = []
    pdf = Pdf(path)
    root = pdf.root()
    xmp = pdf.stream_data(root.get("/Metadata")).decode("utf-8", "replace")
    if not re.search(r"<pdfuaid:part>\s*1\s*</pdfuaid:part>|pdfuaid:part=\"1\"", xmp):
        problems.append("no XMP metadata with pdfuaid:part 1")
    title = re.search(r"<dc:title>.*?<rdf:li[^>]*>([^<]+)</rdf:li>", xmp, re.S)
    if not title or not title.group(1).strip():
        problems.append("no dc:title in the XMP metadata")
    if pdf.dict_of(root.get("/MarkInfo")).get("/Marked") is not True:
        problems.append("/MarkInfo /Marked is not true")
    if not text_of(root.get("/Lang")).strip():
        problems.append("no /Lang")
    if pdf.dict_of(root.get("/ViewerPreferences")).get("/DisplayDocTitle") is not True:
        problems.append("/DisplayDocTitle is not true")
    for n, page in enumerate(pdf.pages(), 1):
        if page.get("/Tabs") != "/S":
            problems.append(f"page {n}: no /Tabs /S")
        contents = pdf.get(page.get("/Contents"))
        streams = contents if isinstance(contents, list) else [page.get("/Contents")]
        data = b"\n".join(pdf.stream_data(s) for s in streams)
        check_content(data, f"page {n}", problems)
        for a in pdf.get(page.get("/Annots")) or []:
            ad = pdf.dict_of(a)
            if ad.get("/Subtype") == "/Link" and "/StructParent" not in ad:
                problems.append(f"page {n}: a link annotation is not in the structure tree")
    result = check_structure(pdf, problems)
    if result:
        counts, _ = result
        if counts.get("/TOCI", 0) and not counts.get("/TOC", 0):
            problems.append("contents entries outside a TOC")
    return problems


def build_all(easyread, work, dirs):
    """Builds every Markdown file in `dirs` with easyread; returns the PDFs."""
    import glob
    import os
    os.makedirs(work, exist_ok=True)
    pdfs = []
    for d in dirs:
        for md in sorted(glob.glob(os.path.join(d, "*.md"))):
            stem = os.path.splitext(os.path.basename(md))[0]
            for page, size in (("a4", "16"), ("a5", "24")):
                pdf = os.path.join(work, f"{stem}-{page}-{size}.pdf")
                r = subprocess.run([easyread, "build", md, "-o", pdf, "--page", page, "--font-size", size],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    raise SystemExit(f"{md}: easyread build failed ({r.returncode}):\n{r.stderr}")
                pdfs.append(pdf)
    if not pdfs:
        raise SystemExit("no Markdown files found")
    return pdfs


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    paths = argv[1:]
    if paths[0] == "--easyread":
        if len(paths) < 5 or paths[2] != "--work":
            print(__doc__)
            return 2
        paths = build_all(paths[1], paths[3], paths[4:])
    failed = 0
    for path in paths:
        problems = check(path)
        seen = []
        for p in problems:
            if p not in seen:
                seen.append(p)
        for p in seen[:60]:
            print(f"{path}: {p}")
        if seen:
            failed += 1
        else:
            print(f"{path}: PDF/UA conditions met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
