#!/usr/bin/env bash
# 'easyread review make': the survey it writes (beside the document, or at
# -o in another folder, its document: path relative to it) is one the paper
# form tool reads too; it never replaces a different file; bad input is an
# error naming the file and the fix, never a crash.
# usage: review_make.sh EASYREAD_EXE SOURCE_DIR
set -euo pipefail
EASYREAD="$1"; SOURCE="$2"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cp "$SOURCE/tests/kiosk_e2e/review-leaflet.md" "$WORK/leaflet.md"
cd "$WORK"

"$EASYREAD" review make leaflet.md 2>err.txt || fail "make failed: $(cat err.txt)"
grep -q "leaflet-review.md: a review of leaflet.md, 3 pages, 3 chunks" err.txt || fail "no summary: $(cat err.txt)"
head -8 leaflet-review.md | tr '\n' '|' | grep -qx -- '---|id: review-leaflet|version: 1|title: Is this easy to understand: Your new home?|lang: en-GB|document: leaflet.md|review: yes|---|' ||
    fail "front matter: $(head -8 leaflet-review.md)"
# The title people read is the document's own: its first heading when the
# front matter has no title:, the file name only when it has neither.
printf '# What is reablement?\n\nReablement means help to do things for yourself again. {picture=none}\n' >heading.md
"$EASYREAD" review make heading.md 2>err.txt || fail "make (heading) failed: $(cat err.txt)"
grep -qx 'title: Is this easy to understand: What is reablement?' heading-review.md ||
    fail "title from the heading: $(grep '^title' heading-review.md)"
printf 'We will help you move into your new home. {picture=house}\n' >plain.md
"$EASYREAD" review make plain.md 2>err.txt || fail "make (no title) failed: $(cat err.txt)"
grep -qx 'title: Is plain.md easy to understand?' plain-review.md || fail "title with no title: $(grep '^title' plain-review.md)"
# Made again from the same document: the same file, accepted.
"$EASYREAD" review make leaflet.md 2>err.txt || fail "making the same review again failed: $(cat err.txt)"
# The paper form tool reads it as a survey (its page questions need the document's pages).
"$EASYREAD" form leaflet-review.md -o form.pdf 2>err.txt || fail "easyread form cannot read it: $(cat err.txt)"

mkdir sub
"$EASYREAD" review make leaflet.md -o sub/r.md 2>err.txt || fail "make -o failed: $(cat err.txt)"
grep -qx 'document: ../leaflet.md' sub/r.md || fail "the document path is not relative to the survey: $(grep document sub/r.md)"

# Never over a file that differs (it may already have answers).
echo "my notes" >notes.md
rc=0; "$EASYREAD" review make leaflet.md -o notes.md 2>err.txt || rc=$?
[[ "$rc" == 4 ]] || fail "over another file: exit $rc"
grep -q '^notes.md:1:1: error\[review-exists\]: this file already exists and is not this review. Give another name with -o' err.txt ||
    fail "over another file: $(cat err.txt)"
[[ "$(cat notes.md)" == "my notes" ]] || fail "the other file was changed"
rc=0; "$EASYREAD" review make nothere.md 2>err.txt || rc=$?
[[ "$rc" == 3 ]] && grep -q '^nothere.md: error\[cannot-read\]' err.txt || fail "a missing document: exit $rc, $(cat err.txt)"
rc=0; "$EASYREAD" review make leaflet.md -o /nonexistent-folder/r.md 2>err.txt || rc=$?
[[ "$rc" == 4 ]] && grep -q 'error\[review-write\]: cannot write the review survey here.*Choose a folder you can write to' err.txt ||
    fail "an unwritable place: exit $rc, $(cat err.txt)"
rc=0; "$EASYREAD" review 2>err.txt || rc=$?
[[ "$rc" == 2 ]] && grep -q 'say what to do' err.txt || fail "no action: exit $rc, $(cat err.txt)"
echo "review make: 1 passed, 0 failed"
