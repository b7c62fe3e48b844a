#!/usr/bin/env bash
# A malformed survey, and a wrong command line, are refused with the file,
# the line and the fix before any window opens (no display is given, so
# reaching the window would be a different error).
# usage: kiosk_e2e_refuse.sh KIOSK_EXE
set -euo pipefail
KIOSK="$1"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cat >"$WORK/bad.md" <<'SURVEY'
---
id: broken
version: 1
title: A survey with a mistake
---

## Did you like it? {#liked type=smiley}
SURVEY
set +e
env -u DISPLAY "$KIOSK" "$WORK/bad.md" --db "$WORK/a.sqlite" >"$WORK/out" 2>"$WORK/err"
code=$?
set -e
[[ "$code" == 1 ]] || fail "a malformed survey gave exit code $code, expected 1: $(cat "$WORK/err")"
grep -q "^$WORK/bad.md:7:.*error\[" "$WORK/err" || fail "no file:line error for the unknown type: $(cat "$WORK/err")"
grep -q "smiley" "$WORK/err" || fail "the error does not name the wrong type: $(cat "$WORK/err")"
grep -qi "display\|GLFW" "$WORK/err" && fail "the kiosk tried to open a window before checking the survey"
[[ ! -e "$WORK/a.sqlite" ]] || fail "a database was made for a survey that was refused"

set +e
"$KIOSK" "$WORK/bad.md" --dpi lots 2>"$WORK/err2"
code=$?
set -e
[[ "$code" == 2 ]] || fail "a wrong --dpi gave exit code $code, expected 2"
grep -q "for example --dpi 141" "$WORK/err2" || fail "no fix given for a wrong --dpi: $(cat "$WORK/err2")"

"$KIOSK" --help >"$WORK/help"
grep -q "usage: easyread-kiosk SURVEY.md" "$WORK/help" || fail "--help does not show the usage"
echo "kiosk refuses bad input: 1 passed, 0 failed"
