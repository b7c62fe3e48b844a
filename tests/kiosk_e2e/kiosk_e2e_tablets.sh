#!/usr/bin/env bash
# The tablets councils own: a 10-inch tablet on its side (1280x800) and
# upright (800x1280) at 149 dpi, about 218 x 136 mm. The real kiosk, without
# --dpi, takes the dpi from the screen's physical size and says it on the
# staff menu; a person taps through the whole survey with xdotool, typing
# words from both pages of the keyboard, and the answers are read back from
# SQLite. A screenshot of every screen is saved for people to look at.
# usage: kiosk_e2e_tablets.sh KIOSK_EXE SURVEY.md OUT_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SURVEY="$2"; OUT="$3"
need_tools xdotool import convert sqlite3
e2e_workspace "$OUT"

# type_key K: taps the keyboard's page key until K shows, then K.
type_key() {
    local i
    for i in 1 2 3; do
        [[ -n "$(target_centre "key:$1")" ]] && break
        tap key:page
        for w in $(seq 1 40); do [[ -n "$(target_centre "key:$1")" ]] && break; sleep 0.05; done
    done
    tap "key:$1"
}

walk() {
    local size="$1" name="$2"
    start_xvfb "$size" 149
    start_kiosk "$SURVEY" --db "$DB" --event "Tablet $name"
    wait_new_screen 0 staff-set-pin
    window_on_monitor
    grep -q "^dpi 149 from the monitor's size$" "$TRACE" || fail "$name: the dpi is not the monitor's: $(grep '^dpi' "$TRACE")"
    shot "$name-01-staff-set-pin"
    first_run_pin 2 7 1 8 4 5
    shot "$name-02-staff-menu"
    tap option:close welcome
    shot "$name-03-welcome"
    tap option:start consent
    shot "$name-04-consent"
    tap option:agree who-is-answering
    shot "$name-05-who"
    tap option:self question
    shot "$name-06-question-faces"
    tap option:happy question
    tap option:yes question
    tap option:homes question
    tap option:health question
    shot "$name-07-question-many"
    tap next anything-else
    shot "$name-08-keyboard-page-1"
    # The letters take two pages here: "zed" needs both.
    [[ -n "$(target_centre key:page)" ]] || fail "$name: the keyboard has no page key"
    [[ -z "$(target_centre key:z)" ]] || fail "$name: z is on the keyboard's first page, so it has one page"
    type_key z
    shot "$name-09-keyboard-page-2"
    type_key e
    type_key d
    shot "$name-10-typed"
    tap next review
    shot "$name-11-review"
    tap option:send thank-you
    shot "$name-12-thank-you"
    expect_eq "$(sql "select event, respondent from responses")" "Tablet $name|self" "$name: the stored response"
    expect_eq "$(sql "select question_id, value from answers order by position" | tr '\n' ',')" \
        "meeting|happy,hear|yes,topics|homes;health,anything-else|zed," "$name: the stored answers"
    kill "$KIOSK_PID"; wait "$KIOSK_PID" 2>/dev/null || true; KIOSK_PID=""
    kill "$XVFB_PID"; wait "$XVFB_PID" 2>/dev/null || true; XVFB_PID=""
    rm -f "$DB" "$DB"-wal "$DB"-shm "$DB".recovery*
}

walk 1280x800 tablet-landscape
walk 800x1280 tablet-portrait
echo "kiosk on 10-inch tablets either way up: 2 passed, 0 failed"
