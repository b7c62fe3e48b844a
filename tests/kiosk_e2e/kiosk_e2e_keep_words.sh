#!/usr/bin/env bash
# End to end, as a person meets it, at the README's own setting (1920x1080,
# --dpi 141): doubled letters are kept ("good", "1111"); "Nothing else" asks
# before it throws typed words away (on screen and aloud) and keeps them when
# the person says so; a long hold on the progress strip does nothing; the
# staff hold in the corner opens the PIN, and cancelling it returns the person
# to exactly where they were, words and answers kept. The stored row proves it.
# usage: kiosk_e2e_keep_words.sh KIOSK_EXE SURVEY.md OUT_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SURVEY="$2"; OUT="$3"
need_tools xdotool import sqlite3
e2e_workspace "$OUT"

start_xvfb 1920x1080
start_kiosk "$SURVEY" --db "$DB" --event "Keep words" --dpi 141
wait_new_screen 0 staff-set-pin
first_run_pin 2 5 8 0 4 7
tap option:close welcome
tap option:start consent
tap option:agree who-is-answering
tap option:carer question
tap option:happy question
tap option:yes question
tap option:homes question
tap next anything-else

# Doubled letters and repeated digits (the unit tests type them faster than
# the answer cooldown; here each tap waits for the screen, as a finger would).
for k in g o o d space; do tap_when_shown "key:$k"; done
tap key:layer
tap key:layer
for k in 1 1 1 1; do tap_when_shown "key:$k"; done
shot keep-01-typed

# "Nothing else" with words typed: a question first, in pictures and speech.
tap option:skip confirm-discard
shot keep-02-confirm-discard
[[ -n "$(target_centre option:keep-words)" ]] || fail "no 'keep my words' button"
[[ -n "$(target_centre option:discard-words)" ]] || fail "no 'throw them away' button"
for _ in $(seq 1 40); do [[ "$(last_speech)" == *"Throw away your words?"* ]] && break; sleep 0.05; done
[[ "$(last_speech)" == *"Throw away your words?"*"good 1111"* ]] || fail "the question and the words were not said aloud: $(last_speech)"
tap option:keep-words anything-else

# A long hold on the progress strip (where people touch the pictures) does nothing now.
read -r _ ly <<<"$(target_centre listen)"
before="$(screens_seen)"
xdotool mousemove 960 "$ly" mousedown 1 sleep 3.6 mouseup 1
sleep 0.5
expect_eq "$(current_screen)" "anything-else" "the screen after holding the progress strip"

# The staff hold in the bottom-left corner opens the PIN; cancelling returns here.
read -r sx sy <<<"$(target_centre staff-hold)"
(( sx < 150 && sy > 930 )) || fail "the staff hold is not in the bottom-left corner ($sx $sy)"
before="$(screens_seen)"
hold staff-hold 3.6
wait_new_screen "$before" staff-pin
shot keep-03-staff-pin
tap key:7
tap back anything-else
shot keep-04-back-where-it-was

tap next review
tap option:send thank-you
expect_eq "$(sql "select respondent from responses")" "carer" "who answered"
expect_eq "$(sql "select question_id, value from answers order by position" | tr '\n' ',')" \
    "meeting|happy,hear|yes,topics|homes,anything-else|good 1111," "the stored answers, every letter kept"
echo "kiosk keep words: 1 passed, 0 failed (screenshots in $SHOTS)"
