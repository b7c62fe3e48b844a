#!/usr/bin/env python3
"""Keeps the examples of a CommonMark or GFM spec.txt (Markdown and the HTML
it should give), in the spec's own example syntax, each with its number,
section and extension; the prose is left out. Run:
  extract_examples.py spec.txt "CommonMark Spec 0.31.2" [--extensions-only] > out.txt
"""
import sys

FENCE = "`" * 32


def examples(path):
    section, number, state, block, start = "", 0, 0, [], 0
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        if state == 0 and line.startswith("#"):
            heading = line.lstrip("#").strip()
            if heading:
                section = heading
        if line.startswith(FENCE + " example"):
            state, block, start = 1, [], lineno
            extension = line[len(FENCE + " example"):].strip()
            number += 1
        elif state == 1 and line.rstrip("\n") == FENCE:
            state = 0
            yield number, section, extension, start, block
        elif state == 1:
            block.append(line)


def main():
    path, name = sys.argv[1], sys.argv[2]
    only_extensions = "--extensions-only" in sys.argv
    out = sys.stdout
    for number, section, extension, start, block in examples(path):
        if only_extensions and not extension:
            continue
        out.write(f"{FENCE} example {number} [{extension or 'commonmark'}] {section} ({name}, line {start})\n")
        out.writelines(block)
        out.write(FENCE + "\n\n")


if __name__ == "__main__":
    main()
