#!/usr/bin/env bash
# Letters typed quickly are all kept: the 400 ms cooldown is for answer
# buttons, never for keys. Eight quick clicks on one key (150 ms apart, as
# "gggg..." is typed) and four short presses (50 ms down, 100 ms apart) must
# all reach the stored comment. A hardware keyboard (carers bring one) types
# into the same box and the staff PIN; Backspace erases; shortcuts that could
# leave or close the kiosk (Ctrl+W, Ctrl+Q, Alt+F4, Escape) do nothing.
# usage: kiosk_e2e_fast_keys.sh KIOSK_EXE SURVEY.md OUT_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SURVEY="$2"; OUT="$3"
need_tools xdotool import sqlite3
e2e_workspace "$OUT"
kiosk_at_welcome "$SURVEY" --db "$DB" --dpi 96
tap option:start consent
tap option:agree who-is-answering
tap option:self question
next_until anything-else
wait_settled  # a new screen's keyboard takes keys once it has settled
xy="$(target_centre key:g)"
# shellcheck disable=SC2086
for i in 1 2 3 4 5 6 7 8; do xdotool mousemove $xy click 1; sleep 0.15; done
xy="$(target_centre key:o)"
# shellcheck disable=SC2086
for i in 1 2 3 4; do xdotool mousemove $xy mousedown 1 sleep 0.05 mouseup 1; sleep 0.1; done
sleep 0.5
# The hardware keyboard.
xdotool type --delay 120 " and Bus!"
xdotool key BackSpace
xdotool key ctrl+w ctrl+q alt+F4 Escape
sleep 0.8
shot 40-fast-keys
expect_eq "$(current_screen)" "anything-else" "the screen after Ctrl+W, Ctrl+Q, Alt+F4 and Escape"
tap next review
tap option:send thank-you
expect_eq "$(sql "select value from answers where question_id = 'anything-else'")" "ggggggggoooo and Bus" \
    "the quickly typed letters and the hardware keyboard's"
tap option:done welcome

# The staff PIN from the hardware keyboard, Enter to send it.
before="$(screens_seen)"
hold staff-hold 3.6
wait_new_screen "$before" staff-pin
wait_settled
before="$(screens_seen)"
xdotool type --delay 120 "271845"
xdotool key Return
wait_new_screen "$before" staff-menu
echo "kiosk keeps quick key taps and a hardware keyboard's: 3 passed, 0 failed"
