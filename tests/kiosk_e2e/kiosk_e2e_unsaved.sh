#!/usr/bin/env bash
# End to end: the answers database and its folder are read-only when the
# kiosk starts, so an answer cannot reach any disk. The person is never told
# "We have your answers": a calm "Please ask a member of staff" screen shows
# while the kiosk keeps trying. Staff cannot close the kiosk, Export gives them
# the answer, and once the folder can be written the answer reaches the
# recovery file and only then does Thank you show.
# usage: kiosk_e2e_unsaved.sh KIOSK_EXE SURVEY.md OUT_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SURVEY="$2"; OUT="$3"
need_tools xdotool import sqlite3
e2e_workspace "$OUT"
DATA="$WORK/data"; EXPORT="$WORK/export"
mkdir -p "$DATA" "$EXPORT"
DB="$DATA/answers.sqlite"

start_xvfb 1366x768
# First run on a good database: staff choose a PIN and close the kiosk.
start_kiosk "$SURVEY" --db "$DB" --dpi 112
wait_new_screen 0 staff-set-pin
first_run_pin 2 5 8 0 4 7
tap option:quit
wait "$KIOSK_PID" || fail "the first run did not close cleanly: $(cat "$WORK/kiosk.err")"
KIOSK_PID=""
sql "insert into settings (key, value) values ('export_dir', '$EXPORT')" >/dev/null
sql "pragma journal_mode=delete" >/dev/null  # a plain file, as copied onto a locked memory stick
make_read_only "$DB"
make_read_only "$DATA"

start_kiosk "$SURVEY" --db "$DB" --dpi 112
wait_new_screen 0 welcome
tap option:start consent
tap option:agree who-is-answering
tap option:self question
tap option:middle question
tap option:no question
tap option:jobs question
tap next anything-else
tap next review
tap option:send ask-staff
shot unsaved-01-ask-staff
grep -q '^saved lost ' "$TRACE" || fail "the trace has no 'saved lost' line"
UUID="$(grep '^saved lost ' "$TRACE" | tail -n 1 | cut -d' ' -f3)"
grep -q '^screen thank-you' "$TRACE" && fail "Thank you was shown for an answer that is on no disk"
grep -q '^speech .*We have your answers' "$TRACE" && fail "'We have your answers' was said for an answer on no disk"
grep -q '^speech Please ask a member of staff' "$TRACE" || fail "the ask-staff screen was not said aloud"
[[ -e "$DB.recovery.jsonl" ]] && fail "a recovery file appeared in a read-only folder"
sleep 3
expect_eq "$(current_screen)" "ask-staff" "the screen while the answer is only in memory"

# Staff: Close is refused while the answer is only in memory; Export rescues it.
before="$(screens_seen)"
hold staff-hold 3.6
wait_new_screen "$before" staff-pin
for k in 2 5 8 0 4 7; do tap "key:$k"; done
tap next staff-menu
before="$(screens_seen)"
tap option:quit
wait_new_screen "$before" staff-menu
sleep 1
kill -0 "$KIOSK_PID" 2>/dev/null || fail "the kiosk closed with an answer only in memory"
shot unsaved-02-close-refused
before="$(screens_seen)"
tap option:export
wait_new_screen "$before" staff-export
shot unsaved-03-export-places
before="$(screens_seen)"
tap option:place:0
wait_new_screen "$before" staff-menu
exported="$(find "$EXPORT" -name '*.db' | head -n 1)"
[[ -n "$exported" ]] || fail "Export made no database in $EXPORT"
expect_eq "$(sqlite3 "$exported" "select respondent from responses where uuid = '$UUID'")" "self" \
    "the unsaved answer in the exported file"
expect_eq "$(sqlite3 "$exported" "select count(*) from settings where key = 'pin_hash'")" "0" \
    "the PIN hash in the exported file"
tap option:close ask-staff

# The folder can be written again: the next retry saves it, then Thank you.
make_writable "$DATA"
before="$(screens_seen)"
wait_new_screen "$before" thank-you
shot unsaved-03-thank-you
grep -q "$UUID" "$DB.recovery.jsonl" || fail "the answer is not in the recovery file"
grep -q '^retry saved 1 left 0' "$TRACE" || fail "the trace does not show the retry that saved it"

# Now nothing is only in memory: staff may close the kiosk.
tap option:done welcome
before="$(screens_seen)"
hold staff-hold 3.6
wait_new_screen "$before" staff-pin
for k in 2 5 8 0 4 7; do tap "key:$k"; done
tap next staff-menu
tap option:quit
for _ in $(seq 1 100); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done
kill -0 "$KIOSK_PID" 2>/dev/null && fail "the kiosk did not close once every answer was on disk"
KIOSK_PID=""
echo "kiosk unsaved answer: 1 passed, 0 failed (screenshots in $SHOTS)"
