#!/usr/bin/env python3
"""Word (.docx) and OpenDocument (.odt) in and out, read back by independent
readers: python-docx for .docx, LibreOffice (headless) for both, converting
them to PDF; the round trip through a LibreOffice-written .docx; and bad input.

usage: office_test.py TEST EASYREAD SOURCE_DIR WORK_DIR
"""
import collections
import difflib
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from xml.etree import ElementTree as ET

import docx  # python3-docx: a missing reader is a failure, not a skip
from docx.shared import Mm, Pt

TEST, EASYREAD, SRC, WORK = sys.argv[1:5]
STRATEGY = os.path.join(SRC, "templates", "examples", "strategy.md")
ROUNDTRIP = os.path.join(SRC, "tests", "office", "roundtrip.md")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def run(cmd, timeout=300):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def easyread(*args):
    return run([EASYREAD, *args])


def path(name):
    return os.path.join(WORK, name)


def words(text):
    return re.findall(r"[\w£'’]+", text)


def front_matter(md_file):
    values = {}
    with open(md_file, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[0] == "---":
        for line in lines[1:]:
            if line == "---":
                break
            key, _, value = line.partition(":")
            values[key.strip()] = value.strip()
    return values


class HtmlFacts(html.parser.HTMLParser):
    """What easyread's own HTML shows: text, pictures (alt), headings, bold."""

    def __init__(self):
        super().__init__()
        self.text, self.alts, self.headings, self.strong = [], [], [], []
        self.skip = 0
        self.heading = None
        self.in_strong = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("style", "title", "script"):
            self.skip += 1
        elif tag == "img":
            self.alts.append(a.get("alt", ""))
        elif tag in ("h1", "h2", "h3"):
            self.heading = [int(tag[1]), ""]
        elif tag == "strong":
            self.in_strong = True
            self.strong.append("")
        self.text.append(" ")

    def handle_endtag(self, tag):
        if tag in ("style", "title", "script"):
            self.skip -= 1
        elif tag in ("h1", "h2", "h3") and self.heading:
            self.headings.append((self.heading[0], " ".join(self.heading[1].split())))
            self.heading = None
        elif tag == "strong":
            self.in_strong = False
        self.text.append(" ")

    def handle_data(self, data):
        if self.skip:
            return
        self.text.append(data)
        if self.heading:
            self.heading[1] += data
        if self.in_strong:
            self.strong[-1] += data


def html_facts(html_file):
    p = HtmlFacts()
    with open(html_file, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def build(source, out, *extra):
    r = easyread("build", source, "-o", out, *extra)
    check(r.returncode == 0 and os.path.exists(out), f"easyread build {os.path.basename(source)} -o {os.path.basename(out)}"
          + ("" if r.returncode == 0 else f": {r.returncode} {r.stderr.strip()[:400]}"))
    return r


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", data[16:24])


def paragraph_text(p):
    """A paragraph's words, links' words included (python-docx 0.8's .text leaves out runs inside w:hyperlink)."""
    return "".join(t.text or "" if t.tag == W + "t" else "\t" if t.tag == W + "tab" else "\n"
                   for t in p._p.iter(W + "t", W + "tab", W + "br"))


def docx_all_text(d):
    out = []

    def cells(tables):
        for t in tables:
            for row in t.rows:
                for cell in row.cells:
                    out.extend(paragraph_text(p) for p in cell.paragraphs)
                    cells(cell.tables)

    out.extend(paragraph_text(p) for p in d.paragraphs)
    cells(d.tables)
    return "\n".join(out)


def docx_paragraphs(d):
    """Every paragraph in reading order, inside tables too (python-docx objects)."""
    from docx.text.paragraph import Paragraph
    body = d.element.body
    return [Paragraph(p, d) for p in body.iter(W + "p")]


def libreoffice_pdf(file, name):
    """Converts with LibreOffice headless in a fresh profile; returns the PDF path."""
    outdir = path("lo-" + name)
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    profile = path("lo-profile-" + name)
    shutil.rmtree(profile, ignore_errors=True)
    r = run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
             "--convert-to", "pdf", "--outdir", outdir, file], timeout=600)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(file))[0] + ".pdf")
    check(r.returncode == 0 and os.path.exists(pdf) and os.path.getsize(pdf) > 1000,
          f"LibreOffice converts {os.path.basename(file)} to PDF (rc {r.returncode}) {r.stderr.strip()[:300]}")
    return pdf


def libreoffice_convert(file, fmt, name):
    outdir = path("lo-" + name)
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    profile = path("lo-profile-" + name)
    shutil.rmtree(profile, ignore_errors=True)
    r = run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
             "--convert-to", fmt, "--outdir", outdir, file], timeout=600)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(file))[0] + "." + fmt.split(":")[0])
    check(r.returncode == 0 and os.path.exists(out), f"LibreOffice converts {os.path.basename(file)} to {fmt}")
    return out


# ------------------------------------------------------------------ .docx out

def test_docx_out():
    meta = front_matter(STRATEGY)
    out, page = path("strategy.docx"), path("strategy.html")
    build(STRATEGY, out)
    build(STRATEGY, page)
    facts = html_facts(page)
    d = docx.Document(out)

    # Text complete: every word the HTML shows is in the Word file.
    have = collections.Counter(words(docx_all_text(d)))
    want = collections.Counter(words("".join(facts.text)))
    missing = want - have
    check(not missing, f"every word of the document is in the .docx ({sum(want.values())} words; missing {dict(list(missing.items())[:10])})")

    # Headings are real Heading 1-3 styles (the cover title is Title).
    paras = docx_paragraphs(d)
    got = []
    for p in paras:
        name = p.style.name if p.style is not None else ""
        if name == "Title":
            got.append((1, p.text))
        m = re.fullmatch(r"Heading (\d)", name)
        if m:
            got.append((int(m.group(1)), p.text))
    got = [(lvl, " ".join(t.split())) for lvl, t in got]
    check(got == facts.headings, f"headings as Heading 1-3 styles match the HTML's ({len(got)} vs {len(facts.headings)})")
    check(any(n == 2 for n, _ in got), "there are Heading 2 paragraphs")

    # Pictures: one inline picture per HTML picture, alt text as descr, decorative marked.
    root = ET.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    docprs = list(root.iter(WP + "docPr"))
    check(len(d.inline_shapes) == len(facts.alts) == len(docprs),
          f"pictures: {len(d.inline_shapes)} inline in the .docx, {len(facts.alts)} in the HTML")
    descr = [p.get("descr", "") for p in docprs]
    check(descr == facts.alts, "every picture's description is its alt text, in order")
    decorative = [p.find(".//" + ADEC + "decorative") is not None for p in docprs]
    check(decorative == [a == "" for a in facts.alts] and any(a for a in facts.alts),
          f"decorative pictures marked decorative ({sum(decorative)}), the others not")
    check(len(list(root.iter(WP + "anchor"))) == 0 and b"txbx" not in zipfile.ZipFile(out).read("word/document.xml")
          and b"framePr" not in zipfile.ZipFile(out).read("word/document.xml"),
          "no floating pictures, text boxes or frames")

    # Pictures are PNG at print resolution (300 dpi for their printed size).
    z = zipfile.ZipFile(out)
    media = [n for n in z.namelist() if n.startswith("word/media/")]
    sizes = [png_size(z.read(n)) for n in media]
    check(media and all(s is not None for s in sizes), f"{len(media)} embedded pictures, all PNG")
    ext = [(int(e.get("cx")), int(e.get("cy"))) for e in root.iter(WP + "extent")]
    biggest_inch = max(max(cx, cy) for cx, cy in ext) / 914400
    smallest_px = min(max(s) for s in sizes)
    check(smallest_px >= 0.5 * 300 * min(max(cx, cy) for cx, cy in ext) / 914400 and
          max(max(s) for s in sizes) >= 0.95 * 300 * biggest_inch,
          f"pictures drawn at print resolution ({smallest_px}-{max(max(s) for s in sizes)} px for up to {biggest_inch:.2f} in)")

    # Chunks: rows of borderless two-column tables, picture left, text right.
    check(len(d.tables) > 3 and all(len(t.columns) == 2 for t in d.tables), f"{len(d.tables)} chunk tables of two columns")
    left_pictures = sum(1 for t in d.tables for row in t.rows if row.cells[0]._tc.xpath(".//wp:inline"))
    check(left_pictures > 10, f"pictures sit in the left column ({left_pictures} rows)")
    styles_xml = z.read("word/styles.xml").decode()
    check(re.search(r'w:styleId="EasyReadChunks".*?<w:tblBorders>(.*?)</w:tblBorders>', styles_xml, re.S) is not None
          and "w:val=\"single\"" not in re.search(r"<w:tblBorders>(.*?)</w:tblBorders>", styles_xml, re.S).group(1),
          "the chunk table style has no borders")

    # Bold hard words.
    bold = " ".join(r.text for p in paras for r in p.runs if r.bold)
    check(facts.strong and all(s.strip() in bold for s in facts.strong), f"{len(facts.strong)} bold hard words are bold")
    check(any(p.text.strip() == "Hard words" for p in paras), "the Hard words page")
    check(any(p.text.strip() == "Contact us" for p in paras), "the contact page")
    check(meta["checked_by"] in docx_all_text(d), "checked by")
    check("OpenMoji" in docx_all_text(d), "picture credits")

    # Styles in plain words, Andika 16 pt with Arial as its fallback.
    names = {s.name for s in d.styles}
    check({"Easy read text", "Easy read heading", "Heading 1", "Heading 2", "Heading 3"} <= names, "styles named in plain words")
    body = d.styles["Easy read text"]
    check(body.font.name == "Andika" and body.font.size == Pt(16), f"Easy read text is Andika 16 pt ({body.font.name} {body.font.size.pt if body.font.size else None})")
    check(d.styles["Heading 2"].base_style.name == "Easy read heading", "headings are based on Easy read heading")
    fonts = z.read("word/fontTable.xml").decode()
    check('w:name="Andika"' in fonts and 'w:altName w:val="Arial"' in fonts, "Andika falls back to Arial")

    # Page: A4, numbers in the footer, none on the cover.
    s = d.sections[0]
    check(abs(s.page_width - Mm(210)) < Mm(1) and abs(s.page_height - Mm(297)) < Mm(1), "A4 pages")
    footer = z.read("word/footer1.xml").decode()
    check("PAGE" in footer and s.different_first_page_header_footer, "page numbers in the footer, not on the cover")

    # Document properties.
    cp = d.core_properties
    check(cp.title == meta["title"] and cp.language == meta["lang"] and cp.author == meta["organisation"],
          f"title, language and author in the properties ({cp.title!r}, {cp.language!r}, {cp.author!r})")


def test_docx_a5():
    out = path("strategy-a5.docx")
    build(ROUNDTRIP, out, "--page", "a5")
    s = docx.Document(out).sections[0]
    check(abs(s.page_width - Mm(148)) < Mm(1) and abs(s.page_height - Mm(210)) < Mm(1), "A5 pages")
    out = path("strategy-a5.odt")
    build(ROUNDTRIP, out, "--page", "a5")
    styles = ET.fromstring(zipfile.ZipFile(out).read("styles.xml"))
    props = [p for p in styles.iter(STYLE + "page-layout-properties")]
    widths = {p.get(FO + "page-width") for p in props}
    check(widths == {"419.53pt"}, f"A5 OpenDocument pages ({widths})")


# ------------------------------------------------------------------ .odt out

def odt_text(el):
    out = []
    for node in el.iter():
        out.append(" ")
        if node.tag == TEXT + "s":
            out.append(" " * int(node.get(TEXT + "c", "1")))
        if node.tag in (TEXT + "line-break", TEXT + "tab"):
            out.append(" ")
        if node.text and node.tag not in (SVG + "desc",):
            out.append(node.text)
        if node.tail:
            out.append(node.tail)
    return "".join(out)


def test_odt_out():
    meta = front_matter(STRATEGY)
    out, page = path("strategy.odt"), path("strategy.html")
    build(STRATEGY, out)
    build(STRATEGY, page)
    facts = html_facts(page)
    z = zipfile.ZipFile(out)
    first = z.infolist()[0]
    check(first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
          and z.read("mimetype") == b"application/vnd.oasis.opendocument.text", "mimetype first and stored")
    content = ET.fromstring(z.read("content.xml"))
    body = content.find(".//{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text")
    have = collections.Counter(words(odt_text(body)))
    want = collections.Counter(words("".join(facts.text)))
    missing = want - have
    check(not missing, f"every word of the document is in the .odt (missing {dict(list(missing.items())[:10])})")
    frames = list(content.iter(DRAW + "frame"))
    check(len(frames) == len(facts.alts), f"pictures: {len(frames)} frames, {len(facts.alts)} in the HTML")
    descs = [(f.findtext(SVG + "desc") or "") for f in frames]
    check(descs == facts.alts, "every picture's svg:desc is its alt text, in order")
    check([f.get(LOEXT + "decorative") == "true" for f in frames] == [a == "" for a in facts.alts], "decorative pictures marked")
    check(all(f.get(TEXT + "anchor-type") == "as-char" for f in frames), "pictures are in line with the text (no floating frames)")
    check(all(z.read(f.find(DRAW + "image").get("{http://www.w3.org/1999/xlink}href"))[:4] == b"\x89PNG" for f in frames),
          "pictures are PNG")
    heads = [(int(h.get(TEXT + "outline-level")), " ".join(odt_text(h).split())) for h in content.iter(TEXT + "h")]
    check(heads == facts.headings[1:], f"headings as text:h with their levels ({len(heads)})")
    styles = ET.fromstring(z.read("styles.xml"))
    display = {s.get(STYLE + "display-name") for s in styles.iter(STYLE + "style")}
    check({"Easy read text", "Easy read heading", "Heading 1", "Heading 2", "Heading 3"} <= display, "styles in plain words")
    check(b"text:page-number" in z.read("styles.xml"), "page numbers in the footer")
    m = ET.fromstring(z.read("meta.xml"))
    check(m.findtext(".//" + DC + "title") == meta["title"] and m.findtext(".//" + DC + "language") == meta["lang"]
          and m.findtext(".//" + DC + "creator") == meta["organisation"], "title, language and author in meta.xml")


# ------------------------------------------------------------------ LibreOffice reads both

def pdf_text(pdf):
    return run(["pdftotext", "-layout", pdf, "-"]).stdout


def pdf_pages(pdf):
    m = re.search(r"Pages:\s+(\d+)", run(["pdfinfo", pdf]).stdout)
    return int(m.group(1)) if m else 0


def test_libreoffice():
    meta = front_matter(STRATEGY)
    own = path("strategy.pdf")
    build(STRATEGY, own)
    for ext in ("docx", "odt"):
        src = path("strategy." + ext)
        build(STRATEGY, src)
        pdf = libreoffice_pdf(src, ext)
        if not os.path.exists(pdf):
            continue
        text = " ".join(pdf_text(pdf).split())
        for phrase in (meta["title"], "Hard words", "Contact us", "About this booklet"):
            check(phrase in text, f"LibreOffice's PDF of the .{ext} shows {phrase!r}")
        # The contents' page numbers are LibreOffice's own pages, each holding its heading.
        layout = run(["pdftotext", "-layout", pdf, "-"]).stdout
        entries = re.findall(r"^\s*(\S.*?)\.{3,}\s*Page (\d+)\s*$", layout, re.M)
        wrong = [(t, p) for t, p in entries
                 if t not in " ".join(run(["pdftotext", "-f", p, "-l", p, pdf, "-"]).stdout.split())]
        check(len(entries) >= 5 and not wrong,
              f"LibreOffice's contents of the .{ext} name the page of each heading ({len(entries)} entries; wrong: {wrong})")
        n, m = pdf_pages(pdf), pdf_pages(own)
        check(n >= 0.6 * m and n <= 1.8 * m, f"LibreOffice's PDF of the .{ext} has {n} pages, easyread's {m}")
        # For people to look at beside easyread's own PDF.
        pngdir = path("look-" + ext)
        shutil.rmtree(pngdir, ignore_errors=True)
        os.makedirs(pngdir)
        r = run(["pdftoppm", "-r", "50", "-png", pdf, os.path.join(pngdir, "page")])
        check(r.returncode == 0 and len(os.listdir(pngdir)) == n, f"pages of the .{ext} drawn to PNG in {pngdir}")
    pngdir = path("look-easyread")
    shutil.rmtree(pngdir, ignore_errors=True)
    os.makedirs(pngdir)
    run(["pdftoppm", "-r", "50", "-png", own, os.path.join(pngdir, "page")])

# ------------------------------------------------------------------ links and contents

LINKS_MD = """---
title: Our links test
organisation: Millbrook Council
---

# About this plan

Read more on [our website](https://example.org/plan) today. {picture=computer}

We want you to have a good home. Visit [the housing page](https://example.org/homes?a=1&b=2). {picture=house}
"""


def test_links():
    # Contents: each entry a link to its heading's bookmark, its number a page reference.
    word, odt = path("strategy.docx"), path("strategy.odt")
    build(STRATEGY, word)
    build(STRATEGY, odt)
    root = ET.fromstring(zipfile.ZipFile(word).read("word/document.xml"))
    marks = {b.get(W + "name") for b in root.iter(W + "bookmarkStart")}
    entries = [p for p in root.iter(W + "p") if p.find(W + "pPr/" + W + "pStyle") is not None
               and p.find(W + "pPr/" + W + "pStyle").get(W + "val") == "TOC1"]
    check(len(entries) >= 5, f"{len(entries)} contents entries in the .docx")
    anchors = [h.get(W + "anchor") for p in entries for h in p.iter(W + "hyperlink")]
    fields = ["".join(t.text or "" for t in p.iter(W + "instrText")).split() for p in entries]
    check(len(anchors) == len(entries) and all(a in marks for a in anchors),
          f"every .docx contents entry links to a heading's bookmark ({len(anchors)} links, {len(marks)} bookmarks)")
    check(all(f[:2] == ["PAGEREF", a] for f, a in zip(fields, anchors)),
          f"every .docx contents number is a PAGEREF field to the same bookmark: {fields[:2]}")
    # Word puts in its own page numbers when the file is first opened.
    begins = [c for p in entries for c in p.iter(W + "fldChar") if c.get(W + "fldCharType") == "begin"]
    check(len(begins) == len(entries) and all(c.get(W + "dirty") == "true" for c in begins),
          "every contents page field is marked to update when Word opens the file")
    settings = ET.fromstring(zipfile.ZipFile(word).read("word/settings.xml"))
    update = settings.find(W + "updateFields")
    check(update is not None and update.get(W + "val") == "true", "settings.xml asks Word to update fields on opening")
    head_marks = {b.get(W + "name") for p in root.iter(W + "p")
                  if p.find(W + "pPr/" + W + "pStyle") is not None
                  and p.find(W + "pPr/" + W + "pStyle").get(W + "val").startswith("Heading")
                  for b in p.iter(W + "bookmarkStart")}
    check(set(anchors) <= head_marks, "the bookmarks are on Heading paragraphs")

    o = ET.fromstring(zipfile.ZipFile(odt).read("content.xml"))
    starts = {b.get(TEXT + "name") for h in o.iter(TEXT + "h") for b in h.iter(TEXT + "bookmark-start")}
    XL = "{http://www.w3.org/1999/xlink}"
    links = [a.get(XL + "href") for a in o.iter(TEXT + "a") if (a.get(XL + "href") or "").startswith("#")]
    refs = [r.get(TEXT + "ref-name") for r in o.iter(TEXT + "bookmark-ref")]
    check(len(links) >= 5 and all(l[1:] in starts for l in links),
          f"every .odt contents entry links to a heading's bookmark ({len(links)} links)")
    check([l[1:] for l in links] == refs and all(r.get(TEXT + "reference-format") == "page" for r in o.iter(TEXT + "bookmark-ref")),
          "every .odt contents number is a page reference to the same bookmark")

    # Links in the text are links, with their own words.
    md = path("links.md")
    with open(md, "w", encoding="utf-8") as f:
        f.write(LINKS_MD)
    ldocx, lodt = path("links.docx"), path("links.odt")
    build(md, ldocx)
    build(md, lodt)
    z = zipfile.ZipFile(ldocx)
    rels = ET.fromstring(z.read("word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels if r.get("TargetMode") == "External"}
    body = ET.fromstring(z.read("word/document.xml"))
    R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    got = [(targets.get(h.get(R + "id")), "".join(t.text or "" for t in h.iter(W + "t"))) for h in body.iter(W + "hyperlink")]
    want = [("https://example.org/plan", "our website"), ("https://example.org/homes?a=1&b=2", "the housing page")]
    check(got == want, f".docx hyperlinks: {got}")
    d = docx.Document(ldocx)
    check("Read more on our website today." in docx_all_text(d), "the link's words stay in their sentence")
    lo = ET.fromstring(zipfile.ZipFile(lodt).read("content.xml"))
    got = [(a.get(XL + "href"), "".join(a.itertext())) for a in lo.iter(TEXT + "a")]
    check(got == want, f".odt links: {got}")


def test_lists():
    # List items are real lists, the bullet coming from the list definition, never typed as text.
    with open(STRATEGY, encoding="utf-8") as f:
        items = [re.sub(r"\s*\{[^}]*\}\s*$", "", m).replace("**", "")
                 for m in re.findall(r"^- (.+)$", f.read().split("---", 2)[2], re.M)]
    word, odt = path("strategy.docx"), path("strategy.odt")
    build(STRATEGY, word)
    build(STRATEGY, odt)
    z = zipfile.ZipFile(word)
    numbering = ET.fromstring(z.read("word/numbering.xml"))
    fmt = [(l.find(W + "numFmt").get(W + "val"), l.find(W + "lvlText").get(W + "val")) for l in numbering.iter(W + "lvl")]
    check(fmt == [("bullet", "\u2022")] * 9 + [("decimal", f"%{l}.") for l in range(1, 10)],
          f"numbering.xml defines the bullet and numbers at nine levels: {fmt}")
    d = docx.Document(word)
    listed = [paragraph_text(p) for p in docx_paragraphs(d)
              if p._p.pPr is not None and p._p.pPr.numPr is not None]
    check(len(items) >= 3 and [t.strip() for t in listed] == items,
          f"each of the {len(items)} list items is a Word list paragraph, in order: {listed[:3]}")
    check("\u2022" not in docx_all_text(d), "no bullet typed as text")
    o = ET.fromstring(zipfile.ZipFile(odt).read("content.xml"))
    lists = [("".join(l.itertext()).strip(), l.get(TEXT + "style-name")) for l in o.iter(TEXT + "list")]
    check([t for t, _ in lists] == items and all(s == "Easy_20_read_20_bullets" for _, s in lists),
          f"each list item is an .odt list with the bullet style: {lists[:2]}")
    styles = zipfile.ZipFile(odt).read("styles.xml").decode()
    check('text:bullet-char="\u2022"' in styles, "the .odt list style has the bullet")

    # Numbered steps stay numbered, from the number they start at, as LibreOffice shows them.
    md = path("steps.md")
    with open(md, "w", encoding="utf-8") as f:
        f.write("---\ntitle: Steps\n---\n\nWhat to do:\n\n3. Ring us on the phone.\n4. Tell us your name.\n\n"
                "Bring:\n\n- your letter\n")
    for ext in ("docx", "odt"):
        out = path("steps." + ext)
        build(md, out)
        pdf = libreoffice_pdf(out, "steps-" + ext)
        if not os.path.exists(pdf):
            continue
        text = " ".join(pdf_text(pdf).split())
        for line in ("3. Ring us on the phone.", "4. Tell us your name.", "\u2022 your letter"):
            check(line in text, f"LibreOffice shows {line!r} from the .{ext}")
    check("\u2022" not in "".join(o.itertext()), "no bullet typed as text in the .odt")

    # A list inside a list item is a deeper list level (Word and ODF), numbered from 1 again under each item.
    md = path("nested.md")
    with open(md, "w", encoding="utf-8") as f:
        f.write("---\ntitle: Steps\n---\n\nThese are the steps.\n\n1. We find out what you need.\n"
                "2. We write your plan.\n   - Your plan says who helps you.\n3. We check the plan.\n"
                "   1. We ask you.\n   2. We ask your family.\n4. We meet again.\n   1. You bring a friend.\n"
                "      - Tell us their name.\n")
    nested = path("nested.docx")
    build(md, nested)
    levels = [int(p._p.pPr.numPr.ilvl.val) for p in docx_paragraphs(docx.Document(nested))
              if p._p.pPr is not None and p._p.pPr.numPr is not None]
    check(levels == [0, 0, 1, 0, 1, 1, 0, 1, 2], f"Word list levels follow the Markdown's nesting: {levels}")
    nested_odt = path("nested.odt")
    build(md, nested_odt)
    depths = []

    def walk(node, depth):
        for kid in node:
            if kid.tag == TEXT + "p" and depth > 0:
                depths.append(depth - 1)
            walk(kid, depth + (kid.tag == TEXT + "list"))
    walk(ET.fromstring(zipfile.ZipFile(nested_odt).read("content.xml")), 0)
    check(depths == [0, 0, 1, 0, 1, 1, 0, 1, 2], f".odt list levels follow the Markdown's nesting: {depths}")
    for out in (nested, nested_odt):
        pdf = libreoffice_pdf(out, "nested-" + out.rsplit(".", 1)[1])
        if not os.path.exists(pdf):
            continue
        text = " ".join(pdf_text(pdf).split())
        for line in ("3. We check the plan.", "1. We ask you.", "2. We ask your family.", "4. We meet again.",
                     "1. You bring a friend.", "\u2022 Tell us their name."):
            check(line in text, f"LibreOffice shows {line!r} from {os.path.basename(out)}")


# ------------------------------------------------------------------ round trip

def test_roundtrip():
    odt = path("roundtrip.odt")
    build(ROUNDTRIP, odt)
    written = libreoffice_convert(odt, "docx", "roundtrip")
    if not os.path.exists(written):
        return
    app = zipfile.ZipFile(written).read("docProps/app.xml").decode()
    check("LibreOffice" in app, "the .docx was written by LibreOffice")
    draft = path("roundtrip-draft.md")
    r = easyread("draft", written, "-o", draft)
    check(r.returncode == 0, f"easyread draft reads LibreOffice's .docx: {r.stderr.strip()[:300]}")
    if r.returncode != 0:
        return
    text = open(draft, encoding="utf-8").read()
    flat = " ".join(text.split())
    with open(ROUNDTRIP, encoding="utf-8") as f:
        source = f.read().split("---", 2)[2]
    headings = re.findall(r"^#+ (.+)$", source, re.M)
    for h in headings:
        check(re.search(r"^#+ " + re.escape(h) + r"\s*$", text, re.M) is not None, f"heading kept as a heading: {h}")
    items = re.findall(r"^- (.+)$", source, re.M)
    for item in items:
        check(item.rstrip(".") in flat, f"list item kept: {item}")
    cells = [c.strip() for line in re.findall(r"^\|(.+)\|$", source, re.M) for c in line.split("|")]
    for c in cells:
        if c and not set(c) <= set("- "):
            check(c in flat, f"table cell kept: {c}")
    for number in re.findall(r"\d[\d,]*", source):
        check(re.search(r"(?<![\d,])" + re.escape(number) + r"(?![\d,])", flat) is not None, f"number kept: {number}")


# ------------------------------------------------------------------ .docx and .odt in

def tiny_png():
    import zlib
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * 8 for _ in range(8))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


LONG = ("This sentence is far too long for easy read because it goes on and on with one idea after another "
        "and never stops to let the reader take a breath or think about what it means for them today.")


def make_word_source(comment=True):
    """A council-style .docx made by python-docx (not by easyread). The comment
    mark has no comments part (LibreOffice will not open it, Word and easyread do)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    d = docx.Document()
    d.core_properties.title = "Our strategy for parks"
    d.core_properties.language = "en-GB"
    d.add_heading("Parks for everyone", level=1)                       # para 1
    p = d.add_paragraph("We look after ")                              # para 2
    p.add_run("17 parks").bold = True
    p.add_run(" in the town. They are ")
    p.add_run("open every day").italic = True
    p.add_run(".")
    d.add_heading("What we will do", level=2)                         # para 3
    for t in ("Plant 300 trees.", "Fix 12 gates.", "Open 2 new cafes."):
        d.add_paragraph(t, style="List Bullet")                       # para 4-6
    for t in ("Ask people what they want.", "Make a plan by June 2026.", "Start work in 2027."):
        d.add_paragraph(t, style="List Number")                       # para 7-9
    d.add_heading("Money", level=3)                                   # para 10
    t = d.add_table(rows=3, cols=2)                                   # para 11-16
    for r, (a, b) in enumerate([("Year", "Money"), ("2026", "£40,000"), ("2027", "£55,000")]):
        t.cell(r, 0).text = a
        t.cell(r, 1).text = b
    d.add_paragraph(LONG)                                             # para 17
    p = d.add_paragraph("The park opens at ")                         # para 18: tracked changes
    p._p.append(parse_xml('<w:ins %s w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t>9 o\'clock</w:t></w:r></w:ins>' % nsdecls("w")))
    p._p.append(parse_xml('<w:del %s w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>REMOVEDWORDS</w:delText></w:r></w:del>' % nsdecls("w")))
    p._p.append(parse_xml('<w:r %s><w:t xml:space="preserve"> each morning.</w:t></w:r>' % nsdecls("w")))
    if comment:
        p._p.append(parse_xml('<w:commentRangeStart %s w:id="0"/>' % nsdecls("w")))
        p._p.append(parse_xml('<w:r %s><w:commentReference w:id="0"/></w:r>' % nsdecls("w")))
    img = path("tiny.png")
    with open(img, "wb") as f:
        f.write(tiny_png())
    d.add_picture(img)                                                # para 19: a picture
    out = path("parks.docx")
    d.save(out)
    return out


def check_read_source(src, kind):
    draft = path(f"parks-{kind}-draft.md")
    r = easyread("draft", src, "-o", draft)
    check(r.returncode == 0, f"easyread draft {os.path.basename(src)}: {r.stderr.strip()[:300]}")
    if r.returncode != 0:
        return
    text = open(draft, encoding="utf-8").read()
    flat = " ".join(text.split())
    # The file's picture, named by the draft, is a file beside it that lasts
    # after easyread has ended, and is the picture's own bytes.
    named = re.findall(r"!\[[^\]]*\]\(<?([^>)]+)>?\)", text)
    kept = [os.path.join(os.path.dirname(draft), n) for n in named]
    check(named and all(not os.path.isabs(n) and os.path.isfile(k) for n, k in zip(named, kept))
          and any(open(k, "rb").read() == tiny_png() for k in kept if os.path.isfile(k)),
          f"{kind}: the draft's pictures are files beside it ({named})")
    check(re.search(r"^# Parks for everyone\s*$", text, re.M) is not None, f"{kind}: Heading 1 read as #")
    check(re.search(r"^## What we will do\s*$", text, re.M) is not None, f"{kind}: Heading 2 read as ##")
    check(re.search(r"^### Money\s*$", text, re.M) is not None, f"{kind}: Heading 3 read as ###")
    check(re.search(r"<!-- from para \d+ -->", text) is not None and "from line" not in text,
          f"{kind}: the draft names source paragraphs")
    # Its TODOs and facts list too: a Word file has no lines to look for.
    check(re.search(r"TODO \(para \d+\)", text) is not None and "TODO (line" not in text
          and re.search(r"\(source para \d+\)", text) is not None and "(source line" not in text,
          f"{kind}: the draft's TODOs and facts name source paragraphs")
    check("names the source paragraph it came from" in text, f"{kind}: the draft's first note speaks of paragraphs")
    for s in ("Plant 300 trees", "Fix 12 gates", "Open 2 new cafes", "Ask people what they want", "June 2026", "2027"):
        check(s in flat, f"{kind}: list item text {s!r}")
    for s in ("Year", "Money", "2026", "40,000", "55,000"):
        check(s in flat, f"{kind}: table cell {s!r}")
    check("9 o'clock" in flat and "each morning" in flat, f"{kind}: tracked insertion kept")
    check("REMOVEDWORDS" not in flat, f"{kind}: tracked deletion left out")
    r = easyread("check", src)
    name = os.path.basename(src)
    lines = [l for l in r.stderr.splitlines() + r.stdout.splitlines() if l.startswith(src + ":para ")]
    check(any(l.startswith(f"{src}:para 17:") and "long-sentence" in l for l in lines),
          f"{kind}: easyread check names the source paragraph of the long sentence ({lines[:3]})")
    r = easyread("build", src, "-o", path(f"parks-{kind}.pdf"), "--verbose")
    check(r.returncode in (0, 1) and os.path.exists(path(f"parks-{kind}.pdf")), f"{kind}: easyread build makes a PDF")
    page = path(f"parks-{kind}.html")
    easyread("build", src, "-o", page)
    facts = html_facts(page)
    check("17 parks" in facts.strong, f"{kind}: bold kept ({facts.strong})")
    r2 = easyread("check", src)
    check("italic" in r2.stderr + r2.stdout, f"{kind}: italic read (the checker warns about it)")
    # The picture in the file is a chunk's own picture, drawn from its own bytes.
    import base64
    with open(page, encoding="utf-8") as h:
        srcs = re.findall(r'<img[^>]*src="data:image/png;base64,([^"]+)"', h.read())
    check(any(base64.b64decode(s) == tiny_png() for s in srcs) and "left out" not in r.stderr,
          f"{kind}: the file's picture is a chunk's picture ({len(srcs)} PNG pictures in the HTML)")


def test_docx_in():
    check_read_source(make_word_source(), "docx")


def test_odt_in():
    odt = libreoffice_convert(make_word_source(comment=False), "odt", "parks-odt")
    if os.path.exists(odt):
        check_read_source(odt, "odt")


# ------------------------------------------------------------------ bad input

def write_zip(name, parts):
    out = path(name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            z.writestr(part, data)
    return out


def expect_error(file, *phrases, never=()):
    start = time.time()
    r = easyread("build", file, "-o", path("bad.pdf"))
    took = time.time() - start
    lines = [l for l in r.stderr.strip().splitlines() if l]
    name = os.path.basename(file)
    ok = (r.returncode not in (0, 1) and r.returncode < 128 and len(lines) == 1 and lines[0].startswith(file + ": error")
          and all(p in lines[0] for p in phrases) and not any(p in lines[0] for p in never))
    check(ok, f"{name}: one clear error (rc {r.returncode}, {took:.1f} s): {lines[:2]}")
    d = easyread("draft", file, "-o", path("bad-draft.md"))
    check(d.returncode == r.returncode and lines and d.stderr.strip().splitlines()[:1] == lines[:1],
          f"{name}: draft says the same and exits the same as build ({d.returncode} vs {r.returncode})")
    return took


def test_bad_input():
    not_zip = path("not-a-zip.docx")
    with open(not_zip, "w") as f:
        f.write("# This is Markdown, named .docx\n")
    expect_error(not_zip, "not a zip")
    expect_error(write_zip("no-document.docx", {"word/styles.xml": "<w:styles/>"}), "word/document.xml")
    expect_error(write_zip("bad-xml.docx", {"word/document.xml": '<w:document xmlns:w="x"><w:body><w:p>oops'}),
                 "not valid XML")
    expect_error(write_zip("bad-xml.odt", {"mimetype": "application/vnd.oasis.opendocument.text",
                                           "content.xml": "<office:document-content><unclosed>"}), "not valid XML")
    expect_error(write_zip("no-content.odt", {"mimetype": "application/vnd.oasis.opendocument.text"}), "content.xml")
    def ole_file(name, stream):
        """An OLE compound file naming one stream, as Word's encrypted .docx and old .doc are."""
        out = path(name)
        with open(out, "wb") as f:
            f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504 + stream.encode("utf-16-le") + b"\0" * 512)
        return out
    expect_error(ole_file("password.docx", "EncryptedPackage"), "password", never=("old Word",))
    expect_error(ole_file("password2.docx", "EncryptionInfo"), "password", never=("old Word",))
    empty = path("empty.docx")
    open(empty, "wb").close()
    expect_error(empty, "empty (0 bytes)")
    expect_error(ole_file("minutes.doc", "WordDocument"), "old Word (.doc)", never=("binary",))
    rtf = path("letter.docx")
    with open(rtf, "w") as f:
        f.write("{\\rtf1\\ansi Hello}")
    expect_error(rtf, "Rich Text")
    # Text that comes to more than the Markdown limit once read: a size, not a page count.
    para = "<w:p><w:r><w:t>" + "We will look after the parks in the town every day. " * 20 + "</w:t></w:r></w:p>"
    big = write_zip("big.docx", {"word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                                 'wordprocessingml/2006/main"><w:body>' + para * 6000 + "</w:body></w:document>"})
    expect_error(big, "the text of this file comes to", never=("24 pages", "the file is 5 MB"))
    deep = write_zip("deep.docx", {"word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                                   'wordprocessingml/2006/main"><w:body>' + "<w:customXml>" * 300
                                   + "</w:customXml>" * 300 + "</w:body></w:document>"})
    expect_error(deep, "256 levels deep", never=("XML_PARSE_HUGE",))
    truncated = path("truncated.docx")
    with open(path("strategy.docx") if os.path.exists(path("strategy.docx")) else make_word_source(), "rb") as f:
        data = f.read()
    with open(truncated, "wb") as f:
        f.write(data[: len(data) // 2])
    expect_error(truncated)
    # A zip bomb: word/document.xml unpacks to 2 GB of spaces, a few MB on disk.
    bomb = path("bomb.docx")
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            block = b" " * (1 << 20)
            for _ in range(2048):
                f.write(block)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    size = os.path.getsize(bomb)
    check(size < 8 << 20 and zipfile.ZipFile(bomb).getinfo("word/document.xml").file_size > 2 << 30 - 1,
          f"the zip bomb is {size / 1e6:.1f} MB on disk")
    took = expect_error(bomb, "zip bomb")
    check(took < 20, f"the zip bomb is refused quickly ({took:.1f} s)")


# ------------------------------------------------------------------ corpus of constructs

class HtmlShape(html.parser.HTMLParser):
    """Lists' levels, links, pictures' alt text and table rows in easyread's HTML."""

    def __init__(self):
        super().__init__()
        self.depth, self.items, self.links, self.alts, self.rows, self.png_alts = 0, [], [], [], [], []
        self.link = None
        self.item = None
        self.row = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("ul", "ol"):
            self.depth += 1
        elif tag == "li":
            self.item = [self.depth - 1, ""]
            self.items.append(self.item)
        elif tag == "a" and a.get("href", "").split(":")[0] in ("http", "https", "mailto"):
            self.link = [a["href"], ""]
            self.links.append(self.link)
        elif tag == "img":
            self.alts.append(a.get("alt", ""))
            if a.get("src", "").startswith("data:image/png"):
                self.png_alts.append(a.get("alt", ""))
        elif tag == "tr":
            self.row = []
            self.rows.append(self.row)
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("ul", "ol"):
            self.depth -= 1
        elif tag == "li":
            self.item = None
        elif tag == "a":
            self.link = None
        elif tag in ("td", "th") and self.row is not None:
            self.row.append(" ".join((self.cell or "").split()))
            self.cell = None

    def handle_data(self, data):
        if self.item is not None and self.link is None:
            self.item[1] += data
        if self.link is not None:
            self.link[1] += data
            if self.item is not None:
                self.item[1] += data
        if self.cell is not None:
            self.cell += data


def lowered_words(text):
    return [w.lower() for w in words(text)]


def check_corpus_file(f, facts, name):
    base = path(name)
    pdf, word, page = base + ".pdf", base + ".out.docx", base + ".html"
    r = easyread("build", f, "-o", pdf, "-o", word, "-o", page, "--verbose")
    check(0 <= r.returncode <= 1, f"{name}: built, not refused (rc {r.returncode}) {r.stderr.strip()[-300:]}")
    if r.returncode != 0 or not os.path.exists(pdf):
        return
    said = r.stderr
    outputs = {"PDF": pdf_text(pdf), "Word": docx_all_text(docx.Document(word)),
               "HTML": "".join(html_facts(page).text)}
    for what, text in outputs.items():
        have = set(lowered_words(text))
        lost = [w for w in lowered_words(facts["words"]) if w not in have and w not in lowered_words(said)]
        check(not lost, f"{name}: every word of the source is in the {what} or named in a warning (lost {lost})")
        bad = [w for w in lowered_words(facts.get("absent", "")) if w in have]
        check(not bad, f"{name}: deleted text and field codes stay out of the {what} ({bad})")
    if "warned" in facts:
        check(facts["warned"] in " ".join(said.split()), f"{name}: the warning names {facts['warned']!r}: {said.strip()[-300:]}")
    if "warned_id" in facts:
        check(f"[{facts['warned_id']}" in said or facts["warned_id"] in said, f"{name}: a warning about the {facts['warned_id']}")
    flat = " ".join(outputs["PDF"].split())
    if "note_after" in facts:
        before, note = facts["note_after"]
        at, n = flat.find(before), flat.find("Note: " + note)
        check(0 <= at < n, f"{name}: the note is a 'Note: ...' chunk after the paragraph that refers to it")
    for text in facts.get("verbatim", []):
        shown = " ".join(outputs["HTML"].split())
        check(text in shown, f"{name}: {text!r} is shown as written (no Markdown escapes)")
    if "once" in facts:
        check(flat.count(facts["once"]) == 1, f"{name}: {facts['once']!r} is there once, not twice ({flat.count(facts['once'])})")
    shape = HtmlShape()
    with open(page, encoding="utf-8") as h:
        shape.feed(h.read())
    for alt in facts.get("alts", []):
        check(alt in shape.png_alts, f"{name}: the embedded picture is the chunk's picture, its description the alt text "
                                     f"({alt!r} in {shape.png_alts})")
    for text, uri in facts.get("links", {}).items():
        got = [(u, " ".join(t.split())) for u, t in shape.links]
        check((uri, text) in got, f"{name}: the link {text!r} -> {uri} is kept ({got})")
    if "levels" in facts:
        # Each level is indented further than the one above it in the PDF
        # (the HTML's lists are the layout's): item by item on each page.
        found = []
        for page_no, page_text in enumerate(pdf_text(pdf).split("\f")):
            for line in page_text.splitlines():
                m = re.match(r"^(\s*)(?:•|\d+\.)\s+(.*?)\s*$", line)
                if m:
                    found.append((m.group(2), page_no, len(m.group(1))))
        got = [t for t, _, _ in found]
        check(got == [t for t, _ in facts["levels"]], f"{name}: every list item is in the PDF, in order ({got})")
        sign = lambda v: (v > 0) - (v < 0)  # noqa: E731
        wrong = [(a[0], b[0]) for (a, la), (b, lb) in zip(zip(found, facts["levels"]), list(zip(found, facts["levels"]))[1:])
                 if a[1] == b[1] and sign(b[2] - a[2]) != sign(lb[1] - la[1])]
        check(len(found) == len(facts["levels"]) and not wrong, f"{name}: nested lists keep their levels in the PDF (wrong: {wrong})")
    if "table" in facts:
        head, *rows = facts["table"]
        want = [" ".join(f"{h} {c}" for h, c in zip(head, row)) for row in rows]
        check(all(w in flat for w in want), f"{name}: table cells stay under their headings ({want})")
    d = easyread("draft", f, "-o", base + ".draft.md")
    check(d.returncode == 0, f"{name}: easyread draft reads it (rc {d.returncode})")


def test_corpus():
    corpus = path("corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    r = run([sys.executable, os.path.join(SRC, "tests", "office", "make_corpus.py"), corpus])
    check(r.returncode == 0, f"corpus made: {r.stdout.strip()} {r.stderr.strip()[-300:]}")
    with open(os.path.join(corpus, "corpus.json"), encoding="utf-8") as f:
        cases = json.load(f)
    for c in cases:
        check_corpus_file(os.path.join(corpus, c["file"]), c, c["name"])
    # The same Word files as LibreOffice writes them in OpenDocument: every word still there.
    outdir = path("lo-corpus")
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    words_only = [c for c in cases if c["file"].endswith(".docx")]
    run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{path('lo-profile-corpus')}",
         "--convert-to", "odt", "--outdir", outdir] + [os.path.join(corpus, c["file"]) for c in words_only], timeout=600)
    for c in words_only:
        odt_file = os.path.join(outdir, c["name"] + ".odt")
        check(os.path.exists(odt_file), f"LibreOffice wrote {c['name']}.odt")
        if os.path.exists(odt_file):
            facts = {k: v for k, v in c.items() if k in ("absent", "alts", "links", "levels", "note_after", "table")}
            # The words LibreOffice kept (it sets a date field to today, drops a Word formula).
            z = zipfile.ZipFile(odt_file)
            kept = set(lowered_words(" ".join(ET.fromstring(z.read("content.xml")).itertext())))
            facts["words"] = " ".join(w for w in words(c["words"]) if w.lower() in kept)
            check_corpus_file(odt_file, facts, "lo-" + c["name"])


def test_own_files():
    """easyread's own .docx and .odt, read back, make the same document: the
    cover, contents, Hard words and contact pages are recognised (their lines
    become the front matter again), not read as text."""
    examples = sorted(os.path.join(SRC, "templates", "examples", f)
                      for f in os.listdir(os.path.join(SRC, "templates", "examples")) if f.endswith(".md"))
    names = [os.path.splitext(os.path.basename(md))[0] for md in examples + [ROUNDTRIP]]
    for md, name in zip(examples + [ROUNDTRIP], names):
        build(md, path(name + ".pdf"), "-o", path(name + ".docx"), "-o", path(name + ".odt"))
    # The same files as LibreOffice saves them again (it renames Word's style ids).
    lo = path("lo-saved")
    os.makedirs(lo, exist_ok=True)
    for fmt, src_ext in (("docx", "odt"), ("odt", "docx")):
        run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{path('lo-profile-own')}",
             "--convert-to", fmt, "--outdir", lo] + [path(f"{n}.{src_ext}") for n in names], timeout=600)
    for name in names:
        pdf = path(name + ".pdf")
        want = pdf_text(pdf)
        for ext, made in (("docx", path(f"{name}.docx")), ("odt", path(f"{name}.odt")),
                          ("LibreOffice docx", os.path.join(lo, f"{name}.docx")),
                          ("LibreOffice odt", os.path.join(lo, f"{name}.odt"))):
            again = path(f"{name}-from-{ext.replace(' ', '-')}.pdf")
            check(os.path.exists(made), f"{made} made")
            build(made, again)
            got = pdf_text(again) if os.path.exists(again) else ""
            check(pdf_pages(again) == pdf_pages(pdf) and got.count("Hard words") == want.count("Hard words"),
                  f"{name}.{ext} read back: {pdf_pages(again)} pages ({pdf_pages(pdf)}), "
                  f"'Hard words' {got.count('Hard words')} times ({want.count('Hard words')})")
            lines = [l for l in difflib.unified_diff(want.splitlines(), got.splitlines(), lineterm="", n=0)
                     if l[:1] in "+-" and l[:3] not in ("+++", "---")]
            check(not lines, f"{name}.{ext} read back and built again has the same text as the PDF ({lines[:6]})")


TESTS = {
    "docx-out": test_docx_out,
    "odt-out": test_odt_out,
    "a5": test_docx_a5,
    "libreoffice": test_libreoffice,
    "links": test_links,
    "lists": test_lists,
    "roundtrip": test_roundtrip,
    "docx-in": test_docx_in,
    "odt-in": test_odt_in,
    "bad-input": test_bad_input,
    "corpus": test_corpus,
    "own-files": test_own_files,
}

if __name__ == "__main__":
    os.makedirs(WORK, exist_ok=True)
    TESTS[TEST]()
    if failures:
        print(f"{len(failures)} failed")
        sys.exit(1)
    print("all passed")
