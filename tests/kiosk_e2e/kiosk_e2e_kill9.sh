#!/usr/bin/env bash
# A stream of 200 scripted submissions through the real kiosk (taps played
# by the --script hook through the real screens), killed with kill -9 in the
# middle, then started again to finish the stream. No finished response may
# be lost and none may be stored twice.
# usage: kiosk_e2e_kill9.sh KIOSK_EXE SURVEY.md OUT_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SURVEY="$2"; OUT="$3"
TOTAL=200
# A sanitizer run (EASYREAD_E2E_SAMPLE=1) streams a sample: the same kill in
# the middle, a third of the submissions.
[[ "${EASYREAD_E2E_SAMPLE:-0}" == 1 ]] && TOTAL=70
need_tools sqlite3
e2e_workspace "$OUT"

# Each submission writes its number, spelt in letters (0=a ... 9=j), as its
# comment, so a second copy of the same person's answers would show.
tag() { echo "$1" | tr '0123456789' 'abcdefghij'; }

# script FROM TO FIRST_RUN: the steps of submissions FROM..TO-1.
script() {
    local n
    if [[ "$3" == yes ]]; then printf 'type 135792\nnext\ntype 135792\nnext\nexpect staff-menu\ntap close\n'; fi
    echo "expect welcome"
    for ((n = $1; n < $2; n++)); do
        printf 'tap start\ntap agree\ntap self\ntap happy\ntap yes\ntap homes\nnext\n'
        printf 'type %s\nnext\nexpect review\ntap send\nexpect thank-you\ntap done\nexpect welcome\n' "$(tag "$n")"
    done
}

saved_lines() { grep -c '^saved stored ' "$TRACE" 2>/dev/null || true; }

start_xvfb 1280x800
script 0 "$TOTAL" yes >"$WORK/run1.script"
start_kiosk "$SURVEY" --db "$DB" --windowed --size 800x500 --dpi 60 --script "$WORK/run1.script"
# Kill somewhere in the middle, at a point that differs from run to run.
KILL_AT=$((TOTAL / 5 + RANDOM % (TOTAL * 2 / 5)))
for i in $(seq 1 2400); do
    [[ "$(saved_lines)" -ge "$KILL_AT" ]] && break
    kill -0 "$KIOSK_PID" 2>/dev/null || fail "the kiosk stopped before the kill: $(cat "$WORK/kiosk.err")"
    sleep 0.05
done
[[ "$(saved_lines)" -ge "$KILL_AT" ]] || fail "only $(saved_lines) responses saved in 120 s; expected $KILL_AT"
kill -9 "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null || true
KIOSK_PID=""
cp "$TRACE" "$WORK/run1.trace"

# Every response the kiosk reported as stored is in the database.
reported=$(grep '^saved stored ' "$WORK/run1.trace" | awk '{print $3}' | sort)
in_db=$(sql "select uuid from responses order by uuid")
missing=$(comm -23 <(echo "$reported") <(echo "$in_db") | wc -l)
expect_eq "$missing" "0" "stored responses missing after kill -9"
expect_eq "$(sql 'pragma integrity_check')" "ok" "database integrity after kill -9"
stored=$(sql "select count(*) from responses")
[[ "$stored" -ge "$(echo "$reported" | wc -l)" ]] || fail "fewer rows than reported saves"
expect_eq "$(sql "select count(distinct value) from answers where question_id = 'anything-else'")" "$stored" \
    "one response per submission after kill -9"

# Start again on the same database and finish the stream.
script "$stored" "$TOTAL" no >"$WORK/run2.script"
start_kiosk "$SURVEY" --db "$DB" --windowed --size 800x500 --dpi 60 --script "$WORK/run2.script"
wait "$KIOSK_PID" || fail "the second run failed: $(cat "$WORK/kiosk.err")"
KIOSK_PID=""
grep -q '^script-done' "$TRACE" || fail "the second run did not finish its script"

expect_eq "$(sql "select count(*) from responses")" "$TOTAL" "responses after the whole stream"
expect_eq "$(sql "select count(distinct value) from answers where question_id = 'anything-else'")" "$TOTAL" \
    "distinct submissions after the whole stream"
want_tags=$(for ((n = 0; n < TOTAL; n++)); do tag "$n"; done | sort | tr '\n' ' ')
got_tags=$(sql "select value from answers where question_id = 'anything-else'" | sort | tr '\n' ' ')
expect_eq "$got_tags" "$want_tags" "every submission exactly once"
expect_eq "$(sql "select count(*) from responses where respondent <> 'self' or survey_id <> 'kiosk-e2e'")" "0" \
    "every response's fields"
[[ ! -s "$DB.recovery.jsonl" ]] || fail "responses were left in the recovery file"
echo "killed after $KILL_AT saves ($stored rows), finished with $TOTAL" | tee "$OUT/kill9-summary.txt"
echo "kiosk kill -9 stream: 1 passed, 0 failed"
