#!/usr/bin/env bash
# The bundled "Is this easy read document easy to understand?" survey: each
# page of its document is shown beside a faces question; the answers and the
# document's label are stored.
# usage: kiosk_e2e_document_pages.sh KIOSK_EXE SOURCE_DIR OUT_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SOURCE="$2"; OUT="$3"
SURVEY="$SOURCE/templates/surveys/easy-to-understand.md"
need_tools xdotool import sqlite3 b2sum
e2e_workspace "$OUT"

start_xvfb 1280x800
start_kiosk "$SURVEY" --db "$DB" --dpi 96
wait_new_screen 0 staff-set-pin
first_run_pin 3 6 9 0 5 1
tap option:close welcome
tap option:start consent
tap option:agree who-is-answering
tap option:helper question
shot 14-page-question
# The page is read aloud before the question: its number, then its words.
last_speech() { grep '^speech ' "$TRACE" | tail -n 1; }
for i in $(seq 1 40); do [[ "$(last_speech)" == "speech Page 1."* ]] && break; sleep 0.05; done
said="$(last_speech)"
echo "said on page 1: ${said:0:300}"
[[ "$said" == "speech Page 1. How are we doing? Our Winterbourne View stocktake"* ]] ||
    fail "page 1's speech does not start with its number and title: ${said:0:200}"
[[ "$said" == *"Is this page easy to understand?"* ]] || fail "page 1's speech never asks the question"
# The page's words are small beside the faces: a tap shows each half large.
tap page page-zoom
shot 14b-page-zoom-top
tap page page-zoom
shot 14c-page-zoom-bottom
tap page question
tap option:happy question
said="$(last_speech)"
echo "said on page 2: ${said:0:300}"
[[ "$said" == "speech Page 2. "* && "$said" == *" Is this page easy to understand?"* ]] ||
    fail "page 2's speech is not its number, its words and the question: ${said:0:200}"
[[ "${#said}" -gt 80 ]] || fail "page 2's words are not read: $said"
tap option:sad question
shot 15-page-question-3
# The other questions are skipped with Next, as a person may do, up to "Anything else?".
next_until anything-else
expect_eq "$(sql "select count(*) from responses")" "0" "nothing stored before Send"
doc_label="stocktake.md $(b2sum -l 256 "$SOURCE/templates/examples/stocktake.md" | cut -c1-8)"
tap option:skip review
tap option:send thank-you
expect_eq "$(sql "select document, respondent from responses")" "$doc_label|helper" "the document label and respondent"
expect_eq "$(sql "select question_id, value from answers order by position" | tr '\n' ',')" \
    "page-1|happy,page-2|sad," "the page answers"
echo "kiosk document pages: 1 passed, 0 failed"
