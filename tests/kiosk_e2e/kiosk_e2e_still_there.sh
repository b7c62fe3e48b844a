#!/usr/bin/env bash
# The idle time limit: "Are you still there?" with a large Yes and a 20 s
# countdown; Yes keeps the answers; with no answer Welcome returns showing
# nothing of them, and what was answered is stored marked unfinished.
# usage: kiosk_e2e_still_there.sh KIOSK_EXE SURVEY.md OUT_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SURVEY="$2"; OUT="$3"
need_tools xdotool import sqlite3
e2e_workspace "$OUT"

kiosk_at_welcome "$SURVEY" --db "$DB" --dpi 96
# The shortest idle time the settings allow: 10 s.
sql "insert or replace into settings(key, value) values ('idle_seconds', '10')"
kill "$KIOSK_PID"; wait "$KIOSK_PID" 2>/dev/null || true
start_kiosk "$SURVEY" --db "$DB" --dpi 96
wait_new_screen 0 welcome
tap option:start consent
tap option:agree who-is-answering
tap option:self question
tap option:sad question

# Nobody touches the screen: the question comes after 10 s.
before="$(screens_seen)"
sleep 10
wait_new_screen "$before" still-there
sleep 2.5
shot 13-still-there
grep -q '^target option:still-here ' "$TRACE" || fail "no Yes button on the still-there screen"
tap option:still-here question
grep -q '^target option:yes ' <(awk '/^screen /{b=""} {b=b $0 "\n"} /^end$/{last=b} END{printf "%s", last}' "$TRACE") ||
    fail "Yes did not return to the question being answered"

# Again, and this time nobody answers: after 20 more seconds, Welcome, the answers kept apart.
before="$(screens_seen)"
sleep 10
wait_new_screen "$before" still-there
for i in $(seq 1 30); do [[ "$(current_screen)" == welcome ]] && break; sleep 1; done
expect_eq "$(current_screen)" "welcome" "the screen after the countdown"
expect_eq "$(sql "select count(*) || '|' || sum(unfinished) from responses")" "1|1" \
    "responses after an abandoned journey (kept, marked unfinished)"
tap option:start consent
tap option:agree who-is-answering
tap option:self question
grep -q '^target option:happy ' "$TRACE" || fail "the first question did not come back"
echo "kiosk still there: 1 passed, 0 failed"
