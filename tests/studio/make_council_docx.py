"""Writes a council-style Word file (python-docx, not easyread) from a long
ordinary Markdown text: the title, headings, paragraphs and tables as an
officer's Word document has them. usage: make_council_docx.py IN.md OUT.docx"""
import sys

import docx

text = open(sys.argv[1], encoding="utf-8").read()
title = "Strategy"
if text.startswith("---\n"):
    front, text = text[4:].split("\n---\n", 1)
    for line in front.splitlines():
        if line.startswith("title:"):
            title = line.split(":", 1)[1].strip()
d = docx.Document()
d.add_heading(title, 0)
for block in text.split("\n\n"):
    block = block.strip()
    if not block:
        continue
    if block.startswith("#"):
        level = len(block) - len(block.lstrip("#"))
        d.add_heading(block.lstrip("#").strip(), min(level, 3))
    elif all(line.startswith("|") for line in block.splitlines()):
        # A table as Word has it: a grid of cells, the dashes row left out.
        rows = [[c.strip() for c in line.strip().strip("|").split("|")]
                for line in block.splitlines() if not set(line) <= set("|-: ")]
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, cells in enumerate(rows):
            for c, words in enumerate(cells):
                table.cell(r, c).text = words
    elif all(line.startswith("- ") for line in block.splitlines()):
        for line in block.splitlines():
            d.add_paragraph(line[2:], style="List Bullet")
    else:
        d.add_paragraph(" ".join(block.splitlines()))
d.save(sys.argv[2])
