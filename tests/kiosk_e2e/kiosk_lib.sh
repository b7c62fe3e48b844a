# Shared steps for the kiosk's end-to-end tests: a private Xvfb screen with
# Mesa's software OpenGL, the real easyread-kiosk, taps by xdotool at the
# buttons the kiosk's trace names, screenshots with ImageMagick's import.
# Sourced by the kiosk_e2e_*.sh tests; every step fails loudly.

set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    if [[ -n "${TRACE:-}" && -f "$TRACE" ]]; then
        echo "--- last trace lines:" >&2; tail -n 20 "$TRACE" >&2
        [[ -n "${SHOTS:-}" ]] && cp "$TRACE" "$SHOTS/../failed-trace.txt"
    fi
    # What the kiosk printed and which windows the X server had, so a lost tap can be explained.
    if [[ -n "${WORK:-}" && -s "$WORK/kiosk.err" ]]; then echo "--- kiosk stderr:" >&2; tail -n 20 "$WORK/kiosk.err" >&2; fi
    if [[ -n "${DISPLAY:-}" ]] && command -v xwininfo >/dev/null 2>&1; then
        echo "--- windows on $DISPLAY:" >&2; xwininfo -root -tree 2>&1 | grep -E '^ +0x' | head -n 10 >&2 || true
    fi
    exit 1
}

need_tools() {
    local t
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || fail "'$t' is not installed; the kiosk end-to-end tests need it (see tests/kiosk_e2e/README.md)"
    done
}

# start_xvfb WIDTHxHEIGHT [DPI]: sets DISPLAY to a free screen of its own.
# DPI: the physical size the screen reports, as a real monitor does; Xvfb's
# RandR output always says 96 dpi, so RandR is left out and GLFW reads the
# screen's own size.
start_xvfb() {
    local size="$1" fdfile="$WORK/display"
    local dpi=()
    [[ -n "${2:-}" ]] && dpi=(-dpi "$2" -extension RANDR)
    need_tools Xvfb
    Xvfb -displayfd 9 -screen 0 "${size}x24" "${dpi[@]}" -nolisten tcp -noreset 9>"$fdfile" >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    local i
    for i in $(seq 1 100); do
        [[ -s "$fdfile" ]] && break
        sleep 0.05
    done
    [[ -s "$fdfile" ]] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
    export DISPLAY=":$(tr -d '[:space:]' <"$fdfile")"
    export LIBGL_ALWAYS_SOFTWARE=1
}

cleanup() {
    local p
    for p in "${READ_ONLY_PATHS[@]}"; do make_writable "$p"; done
    [[ -n "${KIOSK_PID:-}" ]] && kill "$KIOSK_PID" 2>/dev/null || true
    [[ -n "${XVFB_PID:-}" ]] && kill "$XVFB_PID" 2>/dev/null || true
    wait 2>/dev/null || true
}

# start_kiosk ARGS...: the kiosk in the background, tracing to $TRACE.
start_kiosk() {
    : >"$TRACE"
    # Under AddressSanitizer, Mesa's dlopen'ed GL driver leaves small one-time
    # allocations that LeakSanitizer reports at exit without a module name;
    # memory errors are still caught here, and test_kiosk_app checks the
    # app's own code for leaks.
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        EASYREAD_KIOSK_TRACE="$TRACE" "$KIOSK" "$@" >"$WORK/kiosk.out" 2>"$WORK/kiosk.err" &
    KIOSK_PID=$!
}

# window_on_monitor: GLFW 3.3 places a full-screen window where RandR says
# the monitor is, and with no RandR (start_xvfb with a dpi turns it off, so
# GLFW reads the screen's physical size) it leaves that place unset: the
# window can land anywhere, even off the screen. A real monitor has RandR;
# here the kiosk's window is put where the one monitor is, and checked.
window_on_monitor() {
    local id geometry
    for id in $(xdotool search --pid "$KIOSK_PID" 2>/dev/null); do
        geometry="$(xdotool getwindowgeometry --shell "$id")"
        [[ "$(sed -n 's/^WIDTH=//p' <<<"$geometry")" -gt 1 ]] || continue
        if ! grep -qx 'X=0' <<<"$geometry" || ! grep -qx 'Y=0' <<<"$geometry"; then
            echo "moved the kiosk's window from $(grep -E '^[XY]=' <<<"$geometry" | tr '\n' ' ')to 0,0 (no RandR)" >&2
            xdotool windowmove "$id" 0 0
        fi
        geometry="$(xdotool getwindowgeometry --shell "$id")"
        grep -qx 'X=0' <<<"$geometry" && grep -qx 'Y=0' <<<"$geometry" ||
            fail "the kiosk's window is not on the screen: $(tr '\n' ' ' <<<"$geometry")"
        return 0
    done
    fail "no window of the kiosk (pid $KIOSK_PID) on $DISPLAY"
}

screens_seen() { grep -c '^end$' "$TRACE" 2>/dev/null || true; }

# The name of the screen in the last complete block of the trace.
current_screen() {
    awk '/^screen /{name=$2} /^end$/{done=name} END{print done}' "$TRACE"
}

# Seconds a new screen is given to reach the screen before anything else
# (screenshots); a test that takes its own screenshots later may set it to 0.
SWAP_WAIT_S="${SWAP_WAIT_S:-0.15}"

# wait_new_screen COUNT_BEFORE NAME: until a block after COUNT_BEFORE shows NAME.
wait_new_screen() {
    local before="$1" want="$2" i
    for i in $(seq 1 300); do
        if [[ "$(screens_seen)" -gt "$before" && "$(current_screen)" == "$want" ]]; then
            sleep "$SWAP_WAIT_S"  # let the swap reach the screen before any screenshot
            wait_settled_start
            return 0
        fi
        kill -0 "$KIOSK_PID" 2>/dev/null || fail "the kiosk stopped while waiting for the $want screen: $(cat "$WORK/kiosk.err")"
        sleep 0.033
    done
    fail "waited 10 s for the $want screen; the last screen drawn is '$(current_screen)'"
}

# target_centre NAME: "X Y" of a button on the current screen.
target_centre() {
    awk -v want="$1" '
        /^screen /  { split("", xs) }
        /^target /  { xs[$2] = ($3 + int($5 / 2)) " " ($4 + int($6 / 2)) }
        /^end$/     { split("", last); for (k in xs) last[k] = xs[k] }
        END         { if (want in last) print last[want] }' "$TRACE"
}

# The time a new screen (or Help's panel) shows before it takes a tap: the
# staff setting's default. A burst of taps sooner than that is one tap.
SETTLE_S="${SETTLE_S:-1.0}"
LAST_SHOWN=""
LAST_SHOWN_AT=0

# shown_count: the kiosk's count of screens shown, from the last complete block.
shown_count() { awk '/^screen /{s=$4} /^end$/{d=s} END{print d}' "$TRACE"; }

# wait_settled: until what is showing has been up for the settle time (timed
# from when this script first saw it, which is never earlier than the kiosk).
wait_settled() {
    local now shown left
    shown="$(shown_count)"
    now="$(date +%s.%N)"
    if [[ "$shown" != "$LAST_SHOWN" ]]; then LAST_SHOWN="$shown"; LAST_SHOWN_AT="$now"; fi
    left="$(awk -v at="$LAST_SHOWN_AT" -v now="$now" -v s="$SETTLE_S" 'BEGIN { l = at + s + 0.1 - now; printf "%.3f", (l > 0 ? l : 0) }')"
    sleep "$left"
}

# Seconds between taps: a person's taps are further apart than the 400 ms
# cooldown (a test that sets a shorter cooldown may set it shorter).
TAP_GAP_S="${TAP_GAP_S:-0.5}"

# tap NAME [EXPECTED_SCREEN]: a real pointer click on the button, then wait for the next screen.
tap() {
    local name="$1" want="${2:-}" xy before
    sleep "$TAP_GAP_S"
    wait_settled
    xy="$(target_centre "$name")"
    [[ -n "$xy" ]] || fail "no button '$name' on the $(current_screen) screen"
    before="$(screens_seen)"
    # shellcheck disable=SC2086
    xdotool mousemove $xy click 1
    if [[ -n "$want" ]]; then wait_new_screen "$before" "$want"; fi
}

# next_until NAME: taps Next, as a person skipping questions does, until the
# NAME screen shows (at most 80 taps, each waiting for its new screen).
next_until() {
    local i w before
    for i in $(seq 1 80); do
        [[ "$(current_screen)" == "$1" ]] && return 0
        before="$(screens_seen)"
        tap next
        for w in $(seq 1 100); do [[ "$(screens_seen)" -gt "$before" ]] && break; sleep 0.05; done
    done
    [[ "$(current_screen)" == "$1" ]] || fail "Next never reached the $1 screen"
}

# tap_when_shown NAME: waits until a redrawn screen shows the button (the
# keyboard's letters change with its layer key), then taps it.
tap_when_shown() {
    local i
    for i in $(seq 1 60); do [[ -n "$(target_centre "$1")" ]] && break; sleep 0.05; done
    tap "$1"
}

# wait_settled_start: notes when a new screen was first seen, without waiting.
wait_settled_start() {
    local shown
    shown="$(shown_count)"
    if [[ "$shown" != "$LAST_SHOWN" ]]; then LAST_SHOWN="$shown"; LAST_SHOWN_AT="$(date +%s.%N)"; fi
}

# hold NAME SECONDS: press, keep the finger down, lift.
hold() {
    local xy
    wait_settled
    xy="$(target_centre "$1")"
    [[ -n "$xy" ]] || fail "no '$1' on the $(current_screen) screen"
    # shellcheck disable=SC2086
    xdotool mousemove $xy mousedown 1 sleep "$2" mouseup 1
}

# last_speech: the words of the last "speech" line of the trace.
last_speech() { grep '^speech ' "$TRACE" | tail -n 1 | cut -c8-; }

# make_read_only PATH / make_writable PATH: really read-only, also for root
# (the immutable flag, as root ignores permission bits); undone at exit.
READ_ONLY_PATHS=()
make_read_only() {
    if [[ "$(id -u)" == 0 ]]; then
        need_tools chattr
        chattr +i "$1" || fail "chattr +i $1 failed (the test needs an ext2/3/4 temp folder when run as root)"
    else
        chmod a-w "$1"
    fi
    READ_ONLY_PATHS+=("$1")
    touch "$1/.probe" 2>/dev/null && fail "$1 is still writable"
    return 0
}
make_writable() {
    if [[ "$(id -u)" == 0 ]]; then chattr -i "$1" 2>/dev/null || true; else chmod u+w "$1" 2>/dev/null || true; fi
}

# shot NAME: the whole screen as $SHOTS/NAME.png.
shot() {
    [[ "$SWAP_WAIT_S" == 0 ]] && sleep 0.15
    import -window root "$SHOTS/$1.png" || fail "import could not take a screenshot"
}

# sql QUERY: one query against the answers database with the sqlite3 CLI.
sql() { sqlite3 -batch -noheader -separator '|' "$DB" "$1"; }

expect_eq() {
    [[ "$1" == "$2" ]] || fail "$3: expected [$2] but got [$1]"
}

# e2e_workspace OUT_DIR: a private folder for the trace and database, removed
# at exit; screenshots go to OUT_DIR/screens.
e2e_workspace() {
    WORK="$(mktemp -d)"; SHOTS="$1/screens"; TRACE="$WORK/trace.txt"; DB="$WORK/answers.sqlite"
    mkdir -p "$SHOTS"
    trap 'cleanup; rm -rf "$WORK"' EXIT
}

# first_run_pin D1 ... D6: on a new database the kiosk asks staff for a PIN
# twice; ends on the staff menu.
# Each digit waits for the screen that shows it, so a slow first frame after
# start-up is waited for rather than tapped past.
first_run_pin() {
    local k
    for k in "$@"; do tap "key:$k" staff-set-pin; done
    tap next staff-set-pin
    for k in "$@"; do tap "key:$k" staff-set-pin; done
    tap next staff-menu
}

# kiosk_at_welcome KIOSK_ARGS...: a 1280x800 screen, the kiosk on a new
# database, a first-run PIN (271845), and the staff menu closed: Welcome shows.
kiosk_at_welcome() {
    start_xvfb 1280x800
    start_kiosk "$@"
    wait_new_screen 0 staff-set-pin
    first_run_pin 2 7 1 8 4 5
    tap option:close welcome
}
