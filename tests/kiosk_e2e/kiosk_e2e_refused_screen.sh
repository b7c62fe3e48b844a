#!/usr/bin/env bash
# A survey the kiosk refuses is shown to staff on the kiosk's own screen (the
# terminal is rarely watched at an event): the problem in words and a Close
# button, which ends the kiosk with exit code 1 and no database made. A
# screen too small for 20 mm buttons is refused the same way, never black.
# usage: kiosk_e2e_refused_screen.sh KIOSK_EXE OUT_DIR SURVEY.md
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; OUT="$2"; GOOD_SURVEY="$3"
need_tools xdotool import convert
e2e_workspace "$OUT"
cat >"$WORK/bad.md" <<'SURVEY'
---
id: broken
version: 1
title: A survey with a mistake
---

## Did you like it? {#liked type=smiley}
SURVEY

start_xvfb 1280x800
start_kiosk "$WORK/bad.md" --db "$DB" --dpi 96
wait_new_screen 0 refused
shot 30-refused-survey
grep -q "bad.md:7:.*smiley" "$WORK/kiosk.err" || fail "the terminal does not name the file, line and wrong type: $(cat "$WORK/kiosk.err")"
# The screen is drawn, not blank: the error's words and the Close button give it many colours.
colours="$(convert "$SHOTS/30-refused-survey.png" -format '%k' info:)"
[[ "$colours" -gt 20 ]] || fail "the refused-survey screen looks blank ($colours colours)"
kill -0 "$KIOSK_PID" 2>/dev/null || fail "the kiosk closed before staff could read the problem"
tap refused-close
for i in $(seq 1 100); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done
kill -0 "$KIOSK_PID" 2>/dev/null && fail "Close did not end the kiosk"
set +e
wait "$KIOSK_PID"
code=$?
set -e
KIOSK_PID=""
expect_eq "$code" "1" "the exit code after a refused survey"
[[ ! -e "$DB" ]] || fail "a database was made for a survey that was refused"

# close_refused: taps Close on the refusal screen; the kiosk must end with exit 1.
close_refused() {
    tap refused-close
    for i in $(seq 1 100); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$KIOSK_PID" 2>/dev/null && fail "Close did not end the kiosk"
    set +e
    wait "$KIOSK_PID"
    code=$?
    set -e
    KIOSK_PID=""
    expect_eq "$code" "1" "the exit code after a refusal"
}

# A 7-inch tablet's 1024x600 at 170 dpi (153 x 90 mm) is too small for 20 mm
# buttons: the reason is on the screen, with the sizes, not only on stderr.
start_kiosk "$GOOD_SURVEY" --db "$DB" --windowed --size 1024x600 --dpi 170
wait_new_screen 0 refused
shot 31-refused-small-screen
grep -q "too small for 20 mm buttons.*153 x 90 mm.*at least" "$WORK/kiosk.err" ||
    fail "the terminal does not say the screen is too small: $(cat "$WORK/kiosk.err")"
colours="$(convert "$SHOTS/31-refused-small-screen.png" -format '%k' info:)"
[[ "$colours" -gt 20 ]] || fail "the too-small screen looks blank ($colours colours)"
close_refused
echo "kiosk shows a refused survey and a too-small screen to staff: 2 passed, 0 failed"
