#!/usr/bin/env python3
"""Makes the office corpus: one small Word (.docx) and one OpenDocument (.odt)
file per construct those formats have, written here from the formats' XML
(nothing copied from other projects' test files). Each file comes with what a
reader must do with it: the words that must reach the outputs (or be named in
a warning), the words that must not (deleted text, field codes), and facts to
check (a note after its paragraph, a picture's description, a link, list levels).

usage: make_corpus.py OUT_DIR   (writes the files and corpus.json)
"""
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'mc:Ignorable="wps"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def png(width=48, height=32, colour=(40, 120, 200)):
    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def jpeg(out_dir):
    """A small JPEG photo, drawn by pdftoppm from a one-rectangle PDF written here."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 48] /Contents 4 0 R >>"]
    stream = b"0.2 0.6 0.3 rg 0 0 72 48 re f"
    pdf, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs):
        offsets.append(len(pdf))
        pdf += f"{i + 1} 0 obj\n{o}\nendobj\n".encode()
    offsets.append(len(pdf))
    pdf += b"4 0 obj\n<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream\nendobj\n"
    xref = len(pdf)
    pdf += (b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
            + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    base = os.path.join(out_dir, "photo")
    with open(base + ".pdf", "wb") as f:
        f.write(pdf)
    subprocess.run(["pdftoppm", "-jpeg", "-r", "72", "-singlefile", base + ".pdf", base], check=True)
    with open(base + ".jpg", "rb") as f:
        return f.read()


# ------------------------------------------------------------------ Word

def p(text, style=None, extra=""):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}{extra}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' if text else f"<w:p>{ppr}{extra}</w:p>"


def r(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


STYLES = ('<w:styles {ns}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/></w:style>'
          '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>'
          '</w:styles>').format(ns=W_NS)

NUMBERING = ('<w:numbering {ns}><w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="*"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
             '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>'
             '</w:abstractNum><w:abstractNum w:abstractNumId="1">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
             '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>').format(ns=W_NS)


def docx(path, body, main="word/document.xml", parts=None, rels=None, title="Corpus test"):
    """A Word file: `body` inside w:body; `parts` more parts {name: bytes or str}
    with `rels` [(id, type, target[, external])] from the main part."""
    parts = dict(parts or {})
    rels = list(rels or [])
    rels += [("rIdStyles", "styles", "styles.xml"), ("rIdNumbering", "numbering", "numbering.xml")]
    folder = main.rsplit("/", 1)[0]
    parts[folder + "/styles.xml"] = STYLES
    parts[folder + "/numbering.xml"] = NUMBERING
    kinds = {"styles.xml": "styles+xml", "numbering.xml": "numbering+xml", "footnotes.xml": "footnotes+xml",
             "endnotes.xml": "endnotes+xml", "comments.xml": "comments+xml"}
    overrides = "".join(f'<Override PartName="/{n}" ContentType="{CT}{kinds[n.rsplit("/", 1)[1]]}"/>'
                        for n in parts if n.rsplit("/", 1)[-1] in kinds)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>'
                   '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
                   f'<Override PartName="/{main}" ContentType="{CT}document.main+xml"/>{overrides}'
                   '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="{main}"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                   '</Relationships>')
        z.writestr("docProps/core.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
                   'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                   f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
                   '<dc:language>en-GB</dc:language></cp:coreProperties>')
        z.writestr(main, f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>'
                         f'{body}<w:sectPr/></w:body></w:document>')
        rel_xml = "".join(
            f'<Relationship Id="{i}" Type="{REL}{t}" Target="{tg}"' + (' TargetMode="External"' if ext else "") + "/>"
            for i, t, tg, *rest in rels for ext in [bool(rest and rest[0])])
        name = main.rsplit("/", 1)
        z.writestr(f"{name[0]}/_rels/{name[1]}.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel_xml}</Relationships>')
        for n, data in parts.items():
            if isinstance(data, str) and not n.endswith(".png"):
                data = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + data
            z.writestr(n, data)


def with_padding(path, part, size=520):
    """Pads `part`'s local header with Microsoft's padding extra field (0xA220)
    of `size` bytes that the central directory does not repeat, as Word writes
    files, and gives the local header another time, as Word does: a valid
    package whose local and central headers differ."""
    data = bytearray(open(path, "rb").read())
    with zipfile.ZipFile(path) as z:
        at = z.getinfo(part).header_offset
    name_len, extra_len = struct.unpack("<HH", data[at + 26:at + 30])
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack("<II", data[eocd + 12:eocd + 20])
    pos = cd_offset
    while pos < cd_offset + cd_size:
        n, e, c = struct.unpack("<HHH", data[pos + 28:pos + 34])
        offset = struct.unpack("<I", data[pos + 42:pos + 46])[0]
        if offset > at:
            data[pos + 42:pos + 46] = struct.pack("<I", offset + size)
        pos += 46 + n + e + c
    data[eocd + 16:eocd + 20] = struct.pack("<I", cd_offset + size)
    data[at + 28:at + 30] = struct.pack("<H", extra_len + size)
    data[at + 10:at + 12] = struct.pack("<H", (struct.unpack("<H", data[at + 10:at + 12])[0] + 1) & 0xFFFF)
    insert = at + 30 + name_len + extra_len
    data[insert:insert] = struct.pack("<HHHH", 0xA220, size - 4, 0xA028, 0) + b"\0" * (size - 8)
    with open(path, "wb") as f:
        f.write(data)


def notes_part(kind, notes):
    tag = "footnote" if kind == "footnotes" else "endnote"
    body = "".join(f'<w:{tag} w:id="{i}">{"".join(p(t) for t in texts)}</w:{tag}>' for i, texts in notes.items())
    sep = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
           f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>')
    return f"<w:{kind} {W_NS}>{sep}{body}</w:{kind}>"


def drawing(rid, descr, cx=609600, cy=406400, anchor=False):
    frame = "wp:anchor" if anchor else "wp:inline"
    pos = ('<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
           '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>') if anchor else ""
    attrs = ' simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"' if anchor else ""
    wrap = "<wp:wrapSquare wrapText=\"bothSides\"/>" if anchor else ""
    return (f'<w:r><w:drawing><{frame} distT="0" distB="0" distL="0" distR="0"{attrs}>{pos}<wp:extent cx="{cx}" cy="{cy}"/>{wrap}'
            f'<wp:docPr id="1" name="Picture 1" descr="{descr}"/><a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
            '<pic:cNvPr id="1" name="p.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
            f'<a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>'
            f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
            f'</pic:pic></a:graphicData></a:graphic></{frame}></w:drawing></w:r>')


def text_box(words, vml_fallback=True):
    inner = f'<w:txbxContent>{p(words)}</w:txbxContent>'
    choice = ('<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
              'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
              '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
              '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
              '<wp:extent cx="2000000" cy="600000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="5" name="Text Box 5"/>'
              '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
              f'<wps:wsp><wps:spPr><a:prstGeom prst="rect"/></wps:spPr><wps:txbx>{inner}</wps:txbx><wps:bodyPr/></wps:wsp>'
              '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>')
    fallback = (f'<mc:Fallback><w:pict><v:shape style="width:150pt;height:40pt"><v:textbox>{inner}</v:textbox>'
                '</v:shape></w:pict></mc:Fallback>') if vml_fallback else ""
    return f"<w:r><mc:AlternateContent>{choice}{fallback}</mc:AlternateContent></w:r>"


def field(instr, result):
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def tbl(rows):
    return "<w:tbl><w:tblPr/>" + "".join("<w:tr>" + "".join(c if c.startswith("<w:sdt") else f"<w:tc>{p(c)}</w:tc>" for c in row)
                                            + "</w:tr>" for row in rows) + "</w:tbl>"


def sdt_cell(text):
    return f'<w:sdt><w:sdtPr><w:alias w:val="Ward"/></w:sdtPr><w:sdtContent><w:tc>{p(text)}</w:tc></w:sdtContent></w:sdt>'


def item(text, num, level):
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{r(text)}</w:p>')


CASES = []


def case(name, kind, **facts):
    CASES.append(dict(name=name, file=f"{name}.{kind}", **facts))


def make_docx(out):
    d = lambda n: os.path.join(out, n + ".docx")  # noqa: E731
    intro = p("Millbrook parks", "Heading1")

    docx(d("notes"), intro + p("The park has a new cafe.", extra="")[:-6]
         + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r(" It opens in May.")
         + '<w:r><w:endnoteReference w:id="1"/></w:r></w:p>' + p("We want to hear from you."),
         parts={"word/footnotes.xml": notes_part("footnotes", {1: ["My note about the cafe opening times."]}),
                "word/endnotes.xml": notes_part("endnotes", {1: ["Volunteers run the cafe on Sundays."]})},
         rels=[("rIdF", "footnotes", "footnotes.xml"), ("rIdE", "endnotes", "endnotes.xml")])
    case("notes", "docx", words="The park has a new cafe It opens in May My note about the cafe opening times "
         "Volunteers run the cafe on Sundays We want to hear from you",
         note_after=["It opens in May", "My note about the cafe opening times"])

    docx(d("fields"), intro + "<w:p>" + r("Printed on ") + field(' DATE \\@ "d MMMM yyyy" ', "5 June 2026")
         + r(". This is page ") + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>' + r(".") + "</w:p>"
         + "<w:p>" + r("Visit ") + field(' HYPERLINK "https://example.org/parks" ', "our park page") + r(" for news.") + "</w:p>")
    case("fields", "docx", words="Printed on 5 June 2026 This is page 3 Visit our park page for news",
         absent="MMMM yyyy HYPERLINK", links={"our park page": "https://example.org/parks"})

    docx(d("content-controls"), intro
         + '<w:sdt><w:sdtPr><w:alias w:val="Intro"/></w:sdtPr><w:sdtContent>' + p("Tell us what you think of the park.")
         + "</w:sdtContent></w:sdt>"
         + "<w:p>" + r("You live in ") + '<w:sdt><w:sdtPr/><w:sdtContent>' + r("Ward three") + "</w:sdtContent></w:sdt>"
         + r(".") + "</w:p>"
         + tbl([["Name", "Ward", "Visits"], ["Anna", sdt_cell("North"), "Weekly"], ["Ben", sdt_cell("South"), "Daily"]]))
    case("content-controls", "docx", words="Tell us what you think of the park You live in Ward three "
         "Name Ward Visits Anna North Weekly Ben South Daily",
         table=[["Name", "Ward", "Visits"], ["Anna", "North", "Weekly"], ["Ben", "South", "Daily"]])

    docx(d("frames"), intro + p("This text sits in a frame.", extra='<w:pPr><w:framePr w:w="3000" w:hSpace="180" '
                                'w:wrap="around" w:vAnchor="text" w:hAnchor="margin"/></w:pPr>')
         + p("The frame is beside this paragraph."))
    case("frames", "docx", words="This text sits in a frame The frame is beside this paragraph")

    docx(d("captions"), intro + "<w:p>" + drawing("rIdImg", "Children on the new swings") + "</w:p>"
         + '<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr>' + r("Picture ") + field(" SEQ Figure \\* ARABIC ", "1")
         + r(": the new play area") + "</w:p>" + p("The play area opened in spring."),
         parts={"word/media/image1.png": png()}, rels=[("rIdImg", "image", "media/image1.png")])
    case("captions", "docx", words="Picture 1 the new play area The play area opened in spring",
         alts=["Children on the new swings"])

    docx(d("tracked-changes"), intro + "<w:p>" + r("The gates open at ")
         + '<w:ins w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">' + r("eight") + "</w:ins>"
         + '<w:del w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>REMOVEDWORDS</w:delText></w:r></w:del>'
         + r(" each morning.") + "</w:p>"
         + '<w:moveFrom w:id="3" w:author="A" w:date="2026-01-01T00:00:00Z"><w:p>' + r("MOVEDAWAY") + "</w:p></w:moveFrom>"
         + '<w:p><w:moveTo w:id="4" w:author="A" w:date="2026-01-01T00:00:00Z">' + r("Dogs must be on a lead.") + "</w:moveTo></w:p>")
    case("tracked-changes", "docx", words="The gates open at eight each morning Dogs must be on a lead",
         absent="REMOVEDWORDS MOVEDAWAY")

    docx(d("comments"), intro + "<w:p>" + '<w:commentRangeStart w:id="0"/>' + r("The pond is 40 metres long.")
         + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>' + p("Please keep to the paths."),
         parts={"word/comments.xml": f'<w:comments {W_NS}><w:comment w:id="0" w:author="Sam">'
                                     + p("Check this length please") + "</w:comment></w:comments>"},
         rels=[("rIdC", "comments", "comments.xml")])
    case("comments", "docx", words="The pond is 40 metres long Please keep to the paths",
         warned="Check this length please")

    docx(d("bookmarks"), intro + '<w:p><w:bookmarkStart w:id="0" w:name="hours"/>' + r("Opening hours are 8 to 8.")
         + '<w:bookmarkEnd w:id="0"/></w:p>' + "<w:p>" + '<w:hyperlink w:anchor="hours">' + r("See the opening hours")
         + "</w:hyperlink>" + r(".") + "</w:p>")
    case("bookmarks", "docx", words="Opening hours are 8 to 8 See the opening hours")

    docx(d("embedded-object"), intro + p("Here is our budget table.")
         + '<w:p><w:r><w:object w:dxaOrig="1440" w:dyaOrig="720"><v:shape id="obj1" style="width:72pt;height:36pt">'
         + '<v:imagedata r:id="rIdPrev" o:title=""/></v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" '
         + 'ShapeID="obj1" DrawAspect="Content" ObjectID="_1" r:id="rIdOle"/></w:object></w:r></w:p>'
         + p("Ask us for the numbers."),
         parts={"word/media/image1.png": png(), "word/embeddings/oleObject1.bin": b"\0" * 64},
         rels=[("rIdPrev", "image", "media/image1.png"), ("rIdOle", "oleObject", "embeddings/oleObject1.bin")])
    case("embedded-object", "docx", words="Here is our budget table Ask us for the numbers", warned_id="object")

    docx(d("text-box"), intro + "<w:p>" + r("Our phone line is open every day.") + text_box("Call us on 01632 960 000")
         + "</w:p>" + "<w:p><w:r><w:pict><v:rect style=\"width:100pt;height:30pt\"><v:textbox><w:txbxContent>"
         + p("Shape words about the lake") + "</w:txbxContent></v:textbox></v:rect></w:pict></w:r></w:p>")
    case("text-box", "docx", words="Our phone line is open every day Call us on 01632 960 000 Shape words about the lake",
         once="01632")

    docx(d("image"), intro + "<w:p>" + drawing("rIdImg", "A map of the park") + r("Find the park on the map.") + "</w:p>"
         + "<w:p>" + drawing("rIdImg2", "The main gate", anchor=True) + "</w:p>" + p("Come in by the main gate.")
         + p("Trees grow here."),
         parts={"word/media/image1.png": png(), "word/media/image2.png": png(colour=(200, 80, 40))},
         rels=[("rIdImg", "image", "media/image1.png"), ("rIdImg2", "image", "media/image2.png")])
    case("image", "docx", words="Find the park on the map Come in by the main gate Trees grow here",
         alts=["A map of the park", "The main gate"])
    docx(d("jpeg-picture"), intro + "<w:p>" + drawing("rIdImg", "Green grass by the lake") + r("The grass is cut on Mondays.")
         + "</w:p>", parts={"word/media/image1.jpeg": jpeg(out)}, rels=[("rIdImg", "image", "media/image1.jpeg")])
    case("jpeg-picture", "docx", words="The grass is cut on Mondays", alts=["Green grass by the lake"])

    # A picture whose header claims 40000 x 40000 pixels (6.4 GB to draw): left out, named.
    huge = bytearray(png())
    huge[16:24] = struct.pack(">II", 40000, 40000)
    huge[29:33] = struct.pack(">I", zlib.crc32(bytes(huge[12:29])) & 0xFFFFFFFF)
    docx(d("huge-picture"), intro + "<w:p>" + drawing("rIdImg", "A very big photo") + r("Our lake in summer.") + "</w:p>",
         parts={"word/media/image1.png": bytes(huge)}, rels=[("rIdImg", "image", "media/image1.png")])
    case("huge-picture", "docx", words="Our lake in summer", warned="A very big photo")

    docx(d("nested-lists"), intro + p("We grow:") + item("Fruit", 1, 0) + item("Apples", 1, 1) + item("Pears", 1, 1)
         + item("Vegetables", 1, 0) + item("Carrots", 1, 1) + item("Orange carrots", 1, 2)
         + p("Our steps:") + item("Dig the soil", 2, 0) + item("with a spade", 2, 1) + item("Plant the seeds", 2, 0))
    case("nested-lists", "docx", words="We grow Fruit Apples Pears Vegetables Carrots Orange carrots "
         "Our steps Dig the soil with a spade Plant the seeds",
         levels=[["Fruit", 0], ["Apples", 1], ["Pears", 1], ["Vegetables", 0], ["Carrots", 1], ["Orange carrots", 2],
                 ["Dig the soil", 0], ["with a spade", 1], ["Plant the seeds", 0]])

    docx(d("links"), intro + "<w:p>" + r("Read the ") + '<w:hyperlink r:id="rIdL1" w:history="1"><w:r><w:rPr>'
         '<w:rStyle w:val="Hyperlink"/></w:rPr><w:t>park rules</w:t></w:r></w:hyperlink>' + r(" before you visit.") + "</w:p>"
         + "<w:p>" + r("Email ") + '<w:hyperlink r:id="rIdL2">' + r("parks@example.org") + "</w:hyperlink>" + r(" today.") + "</w:p>"
         + p("Maps are at https://example.org/~parks/open_days now."),
         rels=[("rIdL1", "hyperlink", "https://example.org/rules?a=1&amp;b=2", True),
               ("rIdL2", "hyperlink", "mailto:parks@example.org", True)])
    case("links", "docx", words="Read the park rules before you visit Email parks@example.org today "
         "Maps are at https://example.org/~parks/open_days now", verbatim=["https://example.org/~parks/open_days"],
         links={"park rules": "https://example.org/rules?a=1&b=2", "parks@example.org": "mailto:parks@example.org"})

    docx(d("one-row-table"), intro + p("When we are open:") + tbl([["Opening", "9am to 5pm"]]) + p("We close on holidays."))
    case("one-row-table", "docx", words="When we are open Opening 9am to 5pm We close on holidays")

    docx(d("empty-column"), intro + tbl([["Day", "Time", "Notes"], ["Monday", "9am", ""], ["Tuesday", "10am", ""]]))
    case("empty-column", "docx", words="Day Time Notes Monday 9am Tuesday 10am",
         table=[["Day", "Time"], ["Monday", "9am"], ["Tuesday", "10am"]])

    docx(d("formula"), intro + "<w:p>" + r("The lawn is ")
         + "<m:oMath><m:r><m:t>length</m:t></m:r><m:r><m:t>×</m:t></m:r><m:r><m:t>width</m:t></m:r></m:oMath>"
         + r(" square metres.") + "</w:p>"
         + "<w:p><m:oMathPara><m:oMath><m:r><m:t>area</m:t></m:r><m:r><m:t>=</m:t></m:r><m:r><m:t>20</m:t></m:r>"
         "</m:oMath></m:oMathPara></w:p>")
    case("formula", "docx", words="The lawn is length width square metres area 20")

    docx(d("other-main-part"), intro + p("This document keeps its text in another part."), main="word/main.xml")
    with_padding(d("other-main-part"), "[Content_Types].xml")
    case("other-main-part", "docx", words="This document keeps its text in another part")

    return CASES


# ------------------------------------------------------------------ OpenDocument

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:math="http://www.w3.org/1998/Math/MathML" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"')


def odt(path, body, parts=None, auto_styles=""):
    parts = dict(parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        entries = "".join(f'<manifest:file-entry manifest:full-path="{n}" manifest:media-type="'
                          + ("image/png" if n.endswith(".png") else "text/xml") + '"/>' for n in parts)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                   f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>{entries}'
                   '</manifest:manifest>')
        z.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
                                  f'<office:automatic-styles>{auto_styles}</office:automatic-styles>'
                                  f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
        for n, data in parts.items():
            z.writestr(n, data)


def tp(text, style="Standard"):
    return f'<text:p text:style-name="{style}">{text}</text:p>'


def make_odt(out):
    o = lambda n: os.path.join(out, n + ".odt")  # noqa: E731
    intro = '<text:h text:outline-level="1">Millbrook parks</text:h>'
    odt(o("odt-notes"), intro + tp('The park has a new cafe.<text:note text:id="ftn1" text:note-class="footnote">'
        '<text:note-citation>1</text:note-citation><text:note-body>' + tp("My note about the cafe opening times.")
        + '</text:note-body></text:note> It opens in May.<text:note text:id="edn1" text:note-class="endnote">'
        '<text:note-citation>i</text:note-citation><text:note-body>' + tp("Volunteers run the cafe on Sundays.")
        + "</text:note-body></text:note>") + tp("We want to hear from you."))
    case("odt-notes", "odt", words="The park has a new cafe It opens in May My note about the cafe opening times "
         "Volunteers run the cafe on Sundays We want to hear from you",
         note_after=["It opens in May", "My note about the cafe opening times"])

    odt(o("odt-image-caption"), intro + tp('<draw:frame draw:name="Frame1" text:anchor-type="paragraph" svg:width="8cm">'
        '<draw:text-box>' + tp('<draw:frame draw:name="Image1" text:anchor-type="as-char" svg:width="6cm" svg:height="4cm">'
        '<draw:image xlink:href="Pictures/map.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
        '<svg:title>Park map</svg:title><svg:desc>A map of the park</svg:desc></draw:frame>'
        'Picture <text:sequence text:name="Illustration" text:formula="ooow:Illustration+1">1</text:sequence>'
        ': the whole park', "Caption") + "</draw:text-box></draw:frame>Find the park on the map.")
        + tp("Trees grow here."), parts={"Pictures/map.png": png()})
    case("odt-image-caption", "odt", words="Picture 1 the whole park Find the park on the map Trees grow here",
         alts=["A map of the park"])

    odt(o("odt-links"), intro + tp('Read the <text:a xlink:type="simple" xlink:href="https://example.org/rules">park rules'
                                   '</text:a> before you visit.'))
    case("odt-links", "odt", words="Read the park rules before you visit", links={"park rules": "https://example.org/rules"})

    odt(o("odt-nested-lists"), intro + tp("We grow:") + '<text:list><text:list-item>' + tp("Fruit")
        + '<text:list><text:list-item>' + tp("Apples") + '</text:list-item><text:list-item>' + tp("Pears")
        + '</text:list-item></text:list></text:list-item><text:list-item>' + tp("Vegetables") + "</text:list-item></text:list>")
    case("odt-nested-lists", "odt", words="We grow Fruit Apples Pears Vegetables",
         levels=[["Fruit", 0], ["Apples", 1], ["Pears", 1], ["Vegetables", 0]])

    odt(o("odt-one-row-table"), intro + tp("When we are open:") + '<table:table table:name="T1"><table:table-column '
        'table:number-columns-repeated="2"/><table:table-row><table:table-cell>' + tp("Opening")
        + "</table:table-cell><table:table-cell>" + tp("9am to 5pm") + "</table:table-cell></table:table-row></table:table>")
    case("odt-one-row-table", "odt", words="When we are open Opening 9am to 5pm")

    math = ('<?xml version="1.0" encoding="UTF-8"?><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics>'
            '<mrow><mi>area</mi><mo>=</mo><mn>20</mn></mrow><annotation encoding="StarMath 5.0">area = 20</annotation>'
            '</semantics></math>')
    odt(o("odt-formula"), intro + tp('The lawn measures <draw:frame draw:name="Object1" text:anchor-type="as-char" '
        'svg:width="2cm" svg:height="0.5cm"><draw:object xlink:href="./Object 1" xlink:type="simple" xlink:show="embed" '
        'xlink:actuate="onLoad"/></draw:frame> square metres.'), parts={"Object 1/content.xml": math})
    case("odt-formula", "odt", words="The lawn measures area 20 square metres")

    odt(o("odt-shape"), intro + tp('Look at the sign.<draw:custom-shape draw:name="Shape1" text:anchor-type="paragraph" '
        'svg:width="4cm" svg:height="2cm">' + tp("Shape words about the lake")
        + '<draw:enhanced-geometry draw:type="rectangle"/></draw:custom-shape>'))
    case("odt-shape", "odt", words="Look at the sign Shape words about the lake")

    odt(o("odt-comments-changes"), '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
        '<office:change-info><dc:creator>A</dc:creator></office:change-info>' + tp("REMOVEDWORDS")
        + "</text:deletion></text:changed-region></text:tracked-changes>" + intro
        + tp('The pond is 40 metres long.<office:annotation><dc:creator>Sam</dc:creator>' + tp("Check this length please")
             + '</office:annotation><text:change text:change-id="ct1"/> Keep to the paths.'))
    case("odt-comments-changes", "odt", words="The pond is 40 metres long Keep to the paths",
         absent="REMOVEDWORDS", warned="Check this length please")

    odt(o("odt-fields-bookmarks"), intro + tp('<text:bookmark-start text:name="hours"/>Printed on '
        '<text:date text:date-value="2026-06-05">5 June 2026</text:date>, page '
        '<text:page-number text:select-page="current">3</text:page-number>.<text:bookmark-end text:name="hours"/>')
        + '<text:section text:name="S1">' + tp("Words in a section.") + "</text:section>")
    case("odt-fields-bookmarks", "odt", words="Printed on 5 June 2026 page 3 Words in a section")
    return CASES


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    make_docx(out)
    make_odt(out)
    with open(os.path.join(out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(CASES, f, indent=1)
    print(f"{len(CASES)} files in {out}")
