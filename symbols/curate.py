#!/usr/bin/env python3
"""Rebuilds the bundled picture bank from the OpenMoji npm package.

Usage: python3 symbols/curate.py [path/to/node_modules/openmoji]

Copies the chosen colour SVGs into symbols/openmoji/ and writes
symbols/index.tsv. The pictures and our own words live in pictures.txt
next to this script (id | hexcode | name | our words); OpenMoji's own
annotation and tags go into the last column, where the matcher uses them
only for searching the bank, never for choosing a picture, because many of
them are too loose for health and social care text.
"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LICENCE = "CC BY-SA 4.0"
HEADER = "id\tfile\tset\tlicence\tname\tkeywords\ttags\n"


def read_choices(path):
    """Returns rows (line number, id, hexcode, name, our words) from pictures.txt."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 4:
                sys.exit(f"{path}:{line_no}: expected 'id | hexcode | name | words'")
            words = [w.strip().lower() for w in parts[3].split(";") if w.strip()]
            rows.append((line_no, parts[0], parts[1], parts[2], words))
    return rows


def openmoji_words(entry, ours):
    """OpenMoji's annotation and tags, lower-case, without ours or duplicates."""
    seen = set(ours)
    out = []
    for field in ("annotation", "tags", "openmoji_tags"):
        for w in entry.get(field, "").split(","):
            w = w.strip().lower()
            if w and w not in seen and "\t" not in w and ";" not in w:
                seen.add(w)
                out.append(w)
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/tmp/om/node_modules/openmoji"
    with open(os.path.join(src, "data", "openmoji.json"), encoding="utf-8") as f:
        by_hex = {e["hexcode"]: e for e in json.load(f)}
    rows = read_choices(os.path.join(HERE, "pictures.txt"))

    ids, hexes, owners, problems = {}, {}, {}, []
    for line_no, pid, hexcode, _, words in rows:
        for w in words:
            if w in owners:
                problems.append(f"line {line_no}: '{w}' already belongs to '{owners[w]}'")
            owners.setdefault(w, pid)
        if pid in ids:
            problems.append(f"line {line_no}: id '{pid}' already on line {ids[pid]}")
        if hexcode in hexes:
            problems.append(f"line {line_no}: {hexcode} already used on line {hexes[hexcode]}")
        if hexcode not in by_hex:
            problems.append(f"line {line_no}: {hexcode} is not in OpenMoji")
        if not words:
            problems.append(f"line {line_no}: '{pid}' has no words")
        ids.setdefault(pid, line_no)
        hexes.setdefault(hexcode, line_no)
    if problems:
        sys.exit("pictures.txt:\n  " + "\n  ".join(problems))

    out_dir = os.path.join(HERE, "openmoji")
    os.makedirs(out_dir, exist_ok=True)
    wanted = {h + ".svg" for h in hexes}
    for old in os.listdir(out_dir):
        if old.endswith(".svg") and old not in wanted:
            os.remove(os.path.join(out_dir, old))

    with open(os.path.join(HERE, "index.tsv"), "w", encoding="utf-8") as index:
        index.write(HEADER)
        for _, pid, hexcode, name, words in rows:
            shutil.copyfile(os.path.join(src, "color", "svg", hexcode + ".svg"),
                            os.path.join(out_dir, hexcode + ".svg"))
            tags = openmoji_words(by_hex[hexcode], words)
            index.write("\t".join([pid, f"openmoji/{hexcode}.svg", "openmoji", LICENCE,
                                   name, ";".join(words), ";".join(tags)]) + "\n")
    print(f"wrote {len(rows)} pictures to {os.path.join(HERE, 'index.tsv')}")


if __name__ == "__main__":
    main()
