#!/usr/bin/env python3
"""Reads a PDF back with poppler (pdfinfo -struct-text, pdftotext
-bbox-layout) and qpdf, none of them easyread's code, and checks what a
screen reader and a mouse get from its links and lists:

- every line of text on a page (but the page number) is in the structure
  tree, so a screen reader reads it (text of a paragraph holding a link was
  marked as an artifact and never read);
- every Link element holds its words and its annotation (OBJR);
- every link annotation has /Contents and is in the structure; a web link
  has one annotation per line it is on, each over that line's words only:
  its area covers at least one word and no blank space beside the words (no
  sliver), two areas never overlap, and together they cover the link's words;
- every LI holds a Lbl with the bullet or number, then an LBody; a list
  inside a list is an L inside the item's LBody, down to --depth levels.

usage: pdf_tags_check.py FILE.pdf... [--links] [--depth N]   (exit 0 when all pass)
       pdf_tags_check.py --easyread EXE --work DIR FILE.md... [--links] [--depth N]
--links: each file must have a web link; --depth N: lists N deep.
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys

failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    failures += not ok


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


class Node:
    def __init__(self, name, parent):
        self.name, self.parent, self.kids, self.text, self.objects = name, parent, [], "", 0

    def all_text(self):
        return self.text + "".join(k.all_text() for k in self.kids)

    def walk(self):
        yield self
        for k in self.kids:
            yield from k.walk()


def structure(pdf):
    """The structure tree as pdfinfo -struct-text prints it (two spaces a level)."""
    root = Node("root", None)
    stack = [(-1, root)]
    for line in run("pdfinfo", "-struct-text", pdf).splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        if not body:
            continue
        while stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith('"'):
            parent.text += body[1:-1]
        elif body.startswith("Object "):
            parent.objects += 1
        else:
            node = Node(body.split(" ")[0], parent)
            parent.kids.append(node)
            stack.append((depth, node))
    return root


def squash(s):
    return re.sub(r"\s+", "", s)


def pages_words(pdf):
    """Per page: its height and its lines, each a list of (xMin, yMin, xMax, yMax, word)."""
    out = []
    page = None
    line = None
    for l in run("pdftotext", "-bbox-layout", pdf, "-").splitlines():
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', l)
        if m:
            page = {"height": float(m.group(2)), "lines": []}
            out.append(page)
        elif "<line " in l:
            line = []
            page["lines"].append(line)
        elif "<word " in l:
            m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', l)
            line.append((float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)),
                         html.unescape(m.group(5))))
    return out


def annotations(pdf):
    """Per page: its Link annotations (dicts), from qpdf --json."""
    data = json.loads(run("qpdf", "--json=2", pdf))
    objects = {}
    for part in data["qpdf"][1:]:
        objects.update(part)

    def get(v):
        if isinstance(v, str) and re.fullmatch(r"\d+ \d+ R", v):
            o = objects.get("obj:" + v, {})
            return o.get("value", o.get("stream", {}).get("dict"))
        return v

    def text(v):
        v = get(v)
        return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v

    pages = []

    def visit(node):
        node = get(node)
        if node.get("/Type") == "/Pages":
            for kid in get(node["/Kids"]):
                visit(kid)
        else:
            links = []
            for a in get(node.get("/Annots", [])) or []:
                a = get(a)
                if a.get("/Subtype") != "/Link":
                    continue
                action = get(a.get("/A")) or {}
                links.append({"rect": [float(x) for x in get(a["/Rect"])], "contents": text(a.get("/Contents")),
                              "uri": text(action.get("/URI")), "struct": a.get("/StructParent")})
            pages.append(links)

    visit(get(get(data["qpdf"][1]["trailer"]["value"]["/Root"])["/Pages"]))
    return pages


def main():
    p = argparse.ArgumentParser()
    p.add_argument("files", nargs="+")
    p.add_argument("--easyread")
    p.add_argument("--work")
    p.add_argument("--links", action="store_true")
    p.add_argument("--depth", type=int, default=0)
    a = p.parse_args()
    for file in a.files:
        pdf = file
        if a.easyread:
            os.makedirs(a.work, exist_ok=True)
            pdf = os.path.join(a.work, os.path.splitext(os.path.basename(file))[0] + ".pdf")
            subprocess.run([a.easyread, "build", file, "-o", pdf], check=True, capture_output=True)
        print(f"== {os.path.basename(file)}")
        check_pdf(pdf, a.links, a.depth)
    print(f"{failures} failed" if failures else "all passed")
    return 1 if failures else 0


def check_pdf(pdf, need_links, need_depth):
    tree = structure(pdf)
    said = squash(tree.all_text())
    pages = pages_words(pdf)
    annots = annotations(pdf)

    # Every line of text (but the page number at the foot, an artifact) is read out.
    unread = []
    total = 0
    for page in pages:
        for line in page["lines"]:
            words = line
            if re.fullmatch(r"Page \d+", " ".join(w[4] for w in words)) and words[0][1] > page["height"] * 0.85:
                continue
            total += 1
            if squash("".join(w[4] for w in words)) not in said:
                unread.append(" ".join(w[4] for w in words))
    check(total > 0 and not unread, f"every line of text is in the structure tree ({total - len(unread)} of {total})")
    for u in unread[:5]:
        print(f"  not in the structure: {u!r}")

    # Links in the structure: their words and their annotation.
    links = [n for n in tree.walk() if n.name == "Link"]
    empty = [n for n in links if not n.all_text().strip() or n.objects == 0]
    check((links or not need_links) and not empty, f"every Link element holds its words and its annotation ({len(links) - len(empty)} of {len(links)})")

    # Annotations: described, in the structure, one per line over the words only.
    n_links = n_web = 0
    problems = []
    for number, (page, page_annots) in enumerate(zip(pages, annots), 1):
        words = [w + (k,) for k, line in enumerate(page["lines"]) for w in line]  # (..., word, line number)
        for i, an in enumerate(page_annots):
            n_links += 1
            where = f"page {number} link {i + 1} ({an['contents']!r})"
            if not an["contents"] or an["struct"] is None:
                problems.append(f"{where}: no /Contents or not in the structure")
            if not an["uri"]:
                continue
            n_web += 1
            x0, y0, x1, y1 = an["rect"]
            top, bottom = page["height"] - y1, page["height"] - y0  # as pdftotext measures, from the top
            inside = [w for w in words if top <= (w[1] + w[3]) / 2 <= bottom and
                      min(w[2], x1) - max(w[0], x0) > (w[2] - w[0]) / 2]
            if not inside or len({w[5] for w in inside}) != 1 or x0 < min(w[0] for w in inside) - 3 or \
                    x1 > max(w[2] for w in inside) + 3:
                problems.append(f"{where}: its area {[round(v) for v in an['rect']]} is not over the words of one "
                                f"line only ({' '.join(w[4] for w in inside)!r})")
            for other in page_annots[i + 1:]:
                ox0, oy0, ox1, oy1 = other["rect"]
                if min(x1, ox1) - max(x0, ox0) > 0.5 and min(y1, oy1) - max(y0, oy0) > 0.5:
                    problems.append(f"{where}: overlaps {other['contents']!r}")
        # Together the annotations of one link cover its words.
        for uri in {an["uri"] for an in page_annots if an["uri"]}:
            same = [an for an in page_annots if an["uri"] == uri]
            covered = ""
            for an in same:
                x0, y0, x1, y1 = an["rect"]
                top, bottom = page["height"] - y1, page["height"] - y0
                covered += "".join(w[4] for w in words if top <= (w[1] + w[3]) / 2 <= bottom and
                                   min(w[2], x1) - max(w[0], x0) > (w[2] - w[0]) / 2)
            contents = squash(same[0]["contents"] or "")
            if not contents or contents not in covered:
                problems.append(f"page {number}: the {len(same)} areas of {uri} do not cover its words {contents!r}")
    check((n_web > 0 or not need_links) and not problems,
          f"every link annotation has /Contents and is in the structure ({n_links}); each web link area "
          f"({n_web}) is over one line's words, no blank space, no overlap, the link's words all covered")
    for problem in problems[:6]:
        print("  " + problem)

    # Lists: LI = Lbl (the bullet or number) + LBody; a nested L inside the LBody.
    items = [n for n in tree.walk() if n.name == "LI"]
    bad = [n for n in items if [k.name for k in n.kids] != ["Lbl", "LBody"] or
           not re.fullmatch(r"•|[-–*]|\d+[.)]|[a-z][.)]", n.kids[0].all_text().strip())]
    check((items or not need_depth) and not bad, f"every LI is a Lbl with its bullet or number, then an LBody ({len(items) - len(bad)} of {len(items)})")
    for n in bad[:3]:
        print(f"  LI holds {[k.name for k in n.kids]}, Lbl says {n.kids[0].all_text() if n.kids else ''!r}")
    lists = [n for n in tree.walk() if n.name == "L"]
    misplaced = [n for n in lists if n.parent.name in ("L", "LI", "Lbl", "P")]
    check(not misplaced, f"every list inside a list is in its item's LBody ({len(lists)} lists)")

    def depth(n):
        return (1 if n.name == "L" else 0) + max((depth(k) for k in n.kids), default=0)

    check(depth(tree) >= need_depth, f"lists nest {depth(tree)} deep (the source has {need_depth})")


if __name__ == "__main__":
    sys.exit(main())
