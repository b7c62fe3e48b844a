#!/usr/bin/env bash
# End to end: double and triple taps, as a hand with a tremor gives them, on
# every kind of screen (Start, consent, who is answering, faces, yes/no,
# choose-many and its Next, Nothing else, Review's Send) of the real kiosk
# under Xvfb, at 100, 300, 500, 700 and 900 ms apart. Only the first tap of
# each burst may count: the screen after it must stay, and SQLite must hold
# exactly the answers the person chose on screens they saw.
# usage: kiosk_e2e_double_taps.sh KIOSK_EXE SURVEY.md OUT_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SURVEY="$2"; OUT="$3"
need_tools xdotool import sqlite3
e2e_workspace "$OUT"

kiosk_at_welcome "$SURVEY" --db "$DB" --dpi 96
# Staff lengthen the settle time to 1.5 s (the Settings button steps it by
# half a second): a tap 900 ms after the first stays inside it by far more
# than a loaded machine can delay xdotool. The unit tests hold the exact 1 s.
before="$(screens_seen)"
hold staff-hold 3.6
wait_new_screen "$before" staff-pin
for k in 2 7 1 8 4 5; do tap "key:$k"; done
tap next staff-menu
tap option:settings staff-settings
tap option:settle_ms staff-settings
SETTLE_S=1.5  # from now on: the taps below wait the kiosk's new settle time
shot 49-staff-settings-settle
tap back staff-menu
tap option:close welcome
expect_eq "$(sql "select value from settings where key = 'settle_ms'")" "1500" "the settle time staff chose"

# burst NAME TAPS GAP_MS WANT BUTTON: TAPS real clicks GAP_MS apart on the
# button; the first leads to WANT, and WANT (with BUTTON on it: questions
# share a screen name) must still show once the burst is over.
burst() {
    local name="$1" taps="$2" gap="$3" want="$4" button="$5" xy before shown
    sleep 0.5
    wait_settled
    xy="$(target_centre "$name")"
    [[ -n "$xy" ]] || fail "no button '$name' on the $(current_screen) screen"
    before="$(screens_seen)"
    # shellcheck disable=SC2086
    xdotool mousemove $xy click --repeat "$taps" --delay "$gap" 1
    wait_new_screen "$before" "$want"
    shown="$(shown_count)"
    sleep 0.4  # anything the burst did has been drawn by now
    expect_eq "$(current_screen)" "$want" "the screen after $taps taps $gap ms apart on $name"
    [[ -n "$(target_centre "$button")" ]] || fail "after $taps taps $gap ms apart on $name the screen has no $button: another question is showing"
    if [[ "$name" != option:homes ]]; then
        expect_eq "$(shown_count)" "$shown" "screens shown after $taps taps $gap ms apart on $name"
    fi
}

journeys=0
gaps="100 300 500 700 900"
# A sanitizer run (EASYREAD_E2E_SAMPLE=1) taps at the two ends and the middle:
# the fresh root runs every gap.
[[ "${EASYREAD_E2E_SAMPLE:-0}" == 1 ]] && gaps="100 500 900"
for gap in $gaps; do
    # Double and triple taps in turn, starting differently each journey.
    n=$(( 2 + (gap / 100) % 2 ))
    other() { n=$(( n == 2 ? 3 : 2 )); }
    burst option:start "$n" "$gap" consent option:agree; other
    burst option:agree "$n" "$gap" who-is-answering option:self; other
    burst option:self "$n" "$gap" question option:happy; other
    [[ "$gap" == 500 ]] && shot "50-double-taps-faces"
    burst option:happy "$n" "$gap" question option:yes; other
    burst option:yes "$n" "$gap" question option:homes; other
    # Choose-many: the burst chooses Homes once, and the tick stays.
    burst option:homes "$n" "$gap" question option:health; other
    [[ "$gap" == 500 ]] && shot "51-double-taps-choose-many"
    burst next "$n" "$gap" anything-else option:skip; other
    burst option:skip "$n" "$gap" review option:send; other
    [[ "$gap" == 500 ]] && shot "52-double-taps-review"
    burst option:send "$n" "$gap" thank-you option:done; other
    journeys=$(( journeys + 1 ))
    expect_eq "$(sql "select count(*) from responses")" "$journeys" "responses after the journey with taps $gap ms apart"
    expect_eq "$(sql "select respondent, unfinished from responses order by finished_at desc limit 1")" "self|0" \
        "who answered, taps $gap ms apart"
    expect_eq "$(sql "select group_concat(question_id || '=' || value, ',') from (select question_id, value from answers
                      where response_uuid = (select uuid from responses order by finished_at desc limit 1) order by position)")" \
        "meeting=happy,hear=yes,topics=homes" "the answers stored with taps $gap ms apart"
    tap option:done welcome
done
echo "kiosk double and triple taps: $journeys journeys passed, 0 failed"
