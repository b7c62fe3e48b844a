#!/usr/bin/env bash
# End to end: the real kiosk under Xvfb, tapped through a whole survey with
# xdotool; the exact response is then read back from SQLite. A screenshot of
# every screen is saved in the build folder for people to look at.
# usage: kiosk_e2e_journey.sh KIOSK_EXE SURVEY.md OUT_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SURVEY="$2"; OUT="$3"
need_tools xdotool import convert sqlite3
e2e_workspace "$OUT"

start_xvfb 1280x800
start_kiosk "$SURVEY" --db "$DB" --event "Test event" --dpi 96
wait_new_screen 0 staff-set-pin
shot 01-staff-set-pin

# First run: staff choose a PIN, twice.
first_run_pin 2 5 8 0 4 7
shot 02-staff-menu
tap option:close welcome
shot 03-welcome

tap option:start consent
shot 04-consent
tap option:agree who-is-answering
shot 05-who
tap option:carer question
shot 06-question-faces

# Listen reads the question and every answer (espeak-ng, off the UI thread).
tap listen
for i in $(seq 1 40); do grep -q '^speech ' "$TRACE" && break; sleep 0.05; done
expect_eq "$(grep '^speech ' "$TRACE" | tail -n 1)" \
    "speech Did you like the meeting today? Happy. In the middle. Sad. I don't know. Think about the whole day." \
    "the words Listen speaks"

# A finger on an answer shows the pressed look at once, before it lifts.
wait_settled
xy="$(target_centre option:sad)"
# shellcheck disable=SC2086
xdotool mousemove $xy mousedown 1
sleep 0.3
shot 06b-pressed-sad
before="$(screens_seen)"
xdotool mouseup 1
read -r px py <<<"$xy"
pressed="$(convert "$SHOTS/06b-pressed-sad.png" -format '%[pixel:p{'"$((px - 100))"','"$py"'}]' info:)"
expect_eq "$pressed" "srgb(201,224,255)" "the pressed answer's colour while the finger is down"
wait_new_screen "$before" question  # lifting the finger answers "sad" and moves on
tap back question
tap option:happy question
shot 07-question-yes-no
tap help help
shot 07b-help
grep -q "^speech Touch the picture that shows your answer" "$TRACE" || fail "Help did not read its words aloud"
tap help-close question
tap option:yes question
tap option:homes question
tap option:health question
shot 08-question-many
tap next anything-else
# The layer key gives one capital letter, then digits until switched back.
tap key:layer
tap_when_shown key:G
for k in o o d space d a y space; do tap_when_shown "key:$k"; done
tap key:layer
tap key:layer
tap_when_shown key:2
shot 09-anything-else
tap next review
shot 10-review
tap option:send thank-you
shot 11-thank-you

# The exact row, read by another process while the kiosk still runs (WAL).
expect_eq "$(sql "select survey_id, survey_version, event, respondent, source from responses")" \
    "kiosk-e2e|1|Test event|carer|kiosk" "the stored response"
expect_eq "$(sql "select question_id, value from answers order by position" | tr '\n' ',')" \
    "meeting|happy,hear|yes,topics|homes;health,anything-else|Good day 2," "the stored answers"
expect_eq "$(sql "select count(*) from responses where uuid like '________-____-4___-____-____________'")" "1" \
    "a random version 4 UUID"
expect_eq "$(sql "select finished_at >= started_at from responses")" "1" "timestamps in order"

# Only staff can close it: the hidden hold, the PIN, then Close the kiosk.
tap option:done welcome
before="$(screens_seen)"
hold staff-hold 3.6
wait_new_screen "$before" staff-pin
shot 12-staff-pin
for k in 2 5 8 0 4 7; do tap "key:$k"; done
tap next staff-menu
tap option:quit
for i in $(seq 1 100); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done
kill -0 "$KIOSK_PID" 2>/dev/null && fail "the kiosk did not close after staff chose Close the kiosk"
wait "$KIOSK_PID" || fail "the kiosk closed with an error: $(cat "$WORK/kiosk.err")"
KIOSK_PID=""
expect_eq "$(sql "select count(*) from responses")" "1" "responses after closing"
echo "kiosk journey: 1 passed, 0 failed (screenshots in $SHOTS)"
