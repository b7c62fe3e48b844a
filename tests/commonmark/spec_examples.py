#!/usr/bin/env python3
"""Runs the CommonMark and GFM spec examples through `easyread build` to PDF
and HTML, as a person would with Markdown they did not write: no example may
crash, hang, or lose a word of its text without a warning.

A word is the text the spec's own HTML shows (tags left out, entities read);
it counts as kept when the PDF's text (pdftotext) and the HTML's have it.
A build that drops words must say so with a warning naming something other
than the writing style (the style checks warn on every example).

  spec_examples.py --easyread PATH --work DIR [--every N] [--jobs 2] [--verbose] FILES...

--every 10 keeps every tenth CommonMark example, every GFM extension
example and every known one: the CI sample. Without it, all 679.
"""
import argparse
import concurrent.futures
import html
import os
import re
import subprocess
import sys

FENCE = "`" * 32
# Warnings about the writing, not about what the build left out: they
# never excuse a lost word.
STYLE = {"all-caps", "chunk-too-long", "document-pages", "document-words", "financial-year", "hard-paragraph",
         "hard-word", "hard-word-unexplained", "italic", "long-paragraph", "long-sentence", "missing-picture",
         "money-short", "no-contact", "number-as-word", "numeric-date", "person-centred", "picture-unrelated",
         "reading-ease", "reading-grade", "roman-numeral", "several-ideas", "short-form", "summary-of", "two-names",
         "unexplained-term", "unknown-picture", "wordy-phrase"}
# Examples known to lose words today, by the spec file's example number,
# with why. One that passes is reported, so the list stays exact.
KNOWN = {
}
WORD = re.compile(r"[A-Za-z0-9]+")


def known_reason(head):
    m = re.match(r"(\d+) \[([a-z]+)\]", head)
    return KNOWN.get((m.group(2), int(m.group(1)))) if m else None


def examples(path):
    """(heading, Markdown, the spec's HTML) of each example, tabs written as tabs."""
    block, head, state = [], None, 0
    for line in open(path, encoding="utf-8"):
        if line.startswith(FENCE + " example"):
            head, block, state = line[len(FENCE) + 9:].strip(), [], 1
        elif state and line.rstrip("\n") == FENCE:
            text = "".join(block)
            if text.startswith(".\n"):
                md, want = "", text[2:]
            else:
                md, _, want = text.partition("\n.\n")
                md += "\n"
            yield head, md.replace("→", "\t"), want.replace("→", "\t")
            state = 0
        elif state:
            block.append(line)


def words(text):
    return {w.lower() for w in WORD.findall(text)}


# Tags that end a word; the others (code, em, a, ...) run on inside one.
BLOCK = re.compile(r"(?i)</?(p|li|ul|ol|h[1-6]|pre|blockquote|table|thead|tbody|tr|td|th|div|main|nav|header|"
                   r"footer|section|br|hr|img|input|title|head|body|html)\b[^>]*>")


def visible_text(markup):
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?s)<!--.*?-->", " ", markup)
    return html.unescape(re.sub(r"<[^>]*>", "", BLOCK.sub(" ", markup)))


def run_one(args, index, head, md, want):
    stem = os.path.join(args.work, f"ex{index}")
    with open(stem + ".md", "w", encoding="utf-8") as f:
        f.write(md)
    cmd = [args.easyread, "build", stem + ".md", "-o", stem + ".pdf", "-o", stem + ".html"]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout, errors="replace")
    except subprocess.TimeoutExpired:
        return f"HANG (over {args.timeout} s): {head}"
    if r.returncode < 0 or r.returncode >= 128:
        return f"CRASH (exit {r.returncode}): {head}\n{r.stderr[-2000:]}"
    if r.returncode != 0:
        # A refusal is fine only when it says what is wrong, at a line of the file.
        if not re.search(re.escape(stem + ".md") + r":\d+:\d+: error", r.stderr) and r.returncode != 3:
            return f"REFUSED without a located error (exit {r.returncode}): {head}\n{r.stderr[-1500:]}"
        return ("refused", f"exit {r.returncode}")
    pdf = subprocess.run(["pdftotext", stem + ".pdf", "-"], capture_output=True, text=True, errors="replace")
    in_html = words(visible_text(open(stem + ".html", encoding="utf-8", errors="replace").read()))
    in_pdf = words(pdf.stdout)
    # Letters of the PDF run together, for words broken between lines.
    letters = re.sub(r"[^a-z0-9]", "", pdf.stdout.lower())
    lost = sorted(w for w in words(visible_text(want))
                  if w not in in_html or (w not in in_pdf and w not in letters))
    if not lost:
        return ("kept", "")
    # A warning at a line of the file, about something other than the writing.
    said = set(re.findall(re.escape(stem + ".md") + r":\d+:\d+: warning\[([a-z-]+)\]", r.stderr)) - STYLE
    if said:
        return ("left out with a warning", ", ".join(sorted(said)) + (f": {head} {lost[:6]}" if args.verbose else ""))
    return f"LOST without a warning {lost[:12]}: {head}\n--- markdown:\n{md}--- stderr:\n{r.stderr[-1500:]}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--easyread", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--every", type=int, default=1, help="every Nth CommonMark example; all extension ones")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--verbose", action="store_true", help="name each example left out with a warning")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    todo = []
    for path in args.files:
        for n, (head, md, want) in enumerate(examples(path)):
            if args.every > 1 and "[commonmark]" in head and n % args.every and not known_reason(head):
                continue
            todo.append((head, md, want))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda t: run_one(args, t[0], *t[1]), enumerate(todo)))
    failures = []
    for (head, _, _), r in zip(todo, results):
        known = known_reason(head)
        if known and isinstance(r, str) and r.startswith("LOST"):
            print(f"known: {head}: {known}")
        elif known:
            failures.append(f"PASSES though listed as known (take it off KNOWN): {head}")
        elif isinstance(r, str):
            failures.append(r)
    for f in failures:
        print(f + "\n")
    tally = {}
    for r in results:
        if isinstance(r, tuple):
            tally[r] = tally.get(r, 0) + 1
    for (what, detail), n in sorted(tally.items(), key=lambda kv: -kv[1]):
        print(f"{n:5d} {what}" + (f" ({detail})" if detail else ""))
    print(f"{len(todo)} spec examples built to PDF and HTML: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
