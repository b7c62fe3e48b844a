#!/usr/bin/env python3
"""Prints the lists of a PDF's structure tree, read with qpdf (through
pdfua_check), one line per outermost list:

    L(LI[Lbl] LI[Lbl](L(LI[Lbl])) ...)

An LI shows [Lbl] when its Lbl element marks content that draws text (the
bullet or number), [no Lbl] otherwise; a list inside an item's LBody
follows the item in brackets.

usage: pdf_lists.py FILE.pdf
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdfua_check  # noqa: E402


def main(path):
    pdf = pdfua_check.Pdf(path)
    # Marked content that draws text, by page object and MCID.
    drawn = set()
    for page_ref, page in zip(pdf.page_refs(), pdf.pages()):
        contents = pdf.get(page.get("/Contents"))
        streams = contents if isinstance(contents, list) else [page.get("/Contents")]
        data = b"\n".join(pdf.stream_data(s) for s in streams)
        stack = []
        for op, operands in pdfua_check.content_ops(data):
            if op in (b"BDC", b"BMC"):
                values = [v for _, v in operands]
                mcid = None
                if b"/MCID" in values:
                    mcid = int(values[values.index(b"/MCID") + 1])
                stack.append(mcid)
            elif op == b"EMC" and stack:
                stack.pop()
            elif op in (b"Tj", b"TJ", b"'", b'"'):
                for mcid in stack:
                    if mcid is not None:
                        drawn.add((page_ref, mcid))

    def kids(elem):
        k = pdf.get(elem.get("/K"))
        if k is None:
            return []
        return k if isinstance(k, list) else [k]

    def elems(elem):
        return [pdf.dict_of(k) for k in kids(elem) if pdf.dict_of(k).get("/S")]

    def draws(elem, page=None):
        page = elem.get("/Pg", page)
        for k in kids(elem):
            if isinstance(k, int):
                if (page, k) in drawn:
                    return True
                continue
            d = pdf.dict_of(k)
            if d.get("/Type") == "/MCR" and (d.get("/Pg", page), d.get("/MCID")) in drawn:
                return True
            if d.get("/S") and draws(d, page):
                return True
        return False

    def show_list(elem):
        items = []
        for li in elems(elem):
            parts = elems(li)
            lbl = [p for p in parts if p.get("/S") == "/Lbl"]
            text = "LI[Lbl]" if lbl and draws(lbl[0]) else "LI[no Lbl]"
            inner = []
            for body in (p for p in parts if p.get("/S") == "/LBody"):
                inner += [show_list(x) for x in find_lists(body)]
            if inner:
                text += "(" + " ".join(inner) + ")"
            items.append(text)
        return "L(" + " ".join(items) + ")"

    def find_lists(elem, depth=0):
        """The outermost L elements under elem (elem itself not counted)."""
        out = []
        for k in elems(elem):
            if k.get("/S") == "/L":
                out.append(k)
            elif depth < 50:
                out += find_lists(k, depth + 1)
        return out

    root = pdf.dict_of(pdf.root().get("/StructTreeRoot"))
    for lst in find_lists(root):
        print(show_list(lst))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or not re.search(r"\.pdf$", sys.argv[1]):
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
