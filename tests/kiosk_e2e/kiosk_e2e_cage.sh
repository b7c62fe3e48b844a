#!/usr/bin/env bash
# The real kiosk as Debian's cage kiosk compositor runs it (kiosk/deploy):
# cage with its headless backend (no screen; software rendering), the kiosk
# through Xwayland, started by the deploy's session script from a settings
# file, as an unprivileged user (cage refuses root). A tap script sets the
# PIN, answers the survey and sends it; the answer must be in the database.
# usage: kiosk_e2e_cage.sh KIOSK_EXE SURVEY.md SOURCE_DIR
source "$(dirname "$0")/kiosk_lib.sh"

KIOSK="$1"; SURVEY="$2"; SRC="$3"
need_tools cage Xwayland sqlite3 setpriv
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
chmod 755 "$WORK"
RUN="$WORK/run"; DATA="$WORK/data"; TRACE="$DATA/trace.txt"; DB="$DATA/answers.db"
mkdir -p "$RUN" "$DATA"
chmod 700 "$RUN"
# The kiosk user reads only what a real install gives it: the program, its
# session script, pictures and the survey are copied here as /usr would hold
# them, since the build tree may sit in a folder only root can enter (/root).
APP="$WORK/app"
mkdir -p "$APP/bin" "$APP/share/easyread"
cp "$KIOSK" "$APP/bin/easyread-kiosk"
cp "$SRC/kiosk/deploy/easyread-kiosk-session" "$SRC/kiosk/deploy/easyread-kiosk-cage" "$APP/bin/"
cp -r "$SRC/symbols" "$SRC/templates" "$APP/share/easyread/"
cp "$SURVEY" "$APP/survey.md"
chmod -R a+rX "$APP"
KIOSK="$APP/bin/easyread-kiosk"; SURVEY="$APP/survey.md"
as_user=()
if [[ "$(id -u)" == 0 ]]; then
    chown 65534:65534 "$RUN" "$DATA"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
printf 'SURVEY=%s\nDB=%s\nEVENT="Cage test"\nDPI=96\n' "$SURVEY" "$DB" >"$WORK/kiosk.conf"
cat >"$WORK/taps.script" <<'TAPS'
expect staff-set-pin
type 271845
next
type 271845
next
expect staff-menu
tap close
tap start
tap agree
tap helper
tap happy
tap yes
tap homes
next
expect anything-else
type seen through cage
next
expect review
tap send
expect thank-you
expect-saved 1
TAPS
chmod 644 "$WORK/taps.script" "$WORK/kiosk.conf"

# run_cage [ENV=VALUE...]: the service's command (easyread-kiosk-cage: cage,
# the session script, the kiosk) as the kiosk user; sets rc to its exit status.
run_cage() {
    set +e
    timeout 180 "${as_user[@]}" env -i PATH="$PATH" HOME="$DATA" XDG_RUNTIME_DIR="$RUN" \
        WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
        EASYREAD_KIOSK_CONF="$WORK/kiosk.conf" EASYREAD_KIOSK="$KIOSK" EASYREAD_DATA_DIR="$APP/share/easyread" \
        EASYREAD_KIOSK_SESSION="$APP/bin/easyread-kiosk-session" EASYREAD_KIOSK_TRACE="$TRACE" \
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$@" \
        "$APP/bin/easyread-kiosk-cage" >"$WORK/cage.log" 2>&1
    rc=$?
    set -e
}
run_cage EASYREAD_KIOSK_SCRIPT="$WORK/taps.script"
grep -q '^ready ' "$TRACE" 2>/dev/null || fail "the kiosk never drew a frame inside cage (exit $rc): $(tail -n 15 "$WORK/cage.log")"
grep -q '^script-done' "$TRACE" || fail "the tap script did not finish inside cage (exit $rc): $(grep script-failed "$TRACE")"
expect_eq "$rc" "0" "cage's exit code when the kiosk ends well"
expect_eq "$(sqlite3 "$DB" "select event || '|' || respondent from responses")" "Cage test|helper" "the stored response"
expect_eq "$(sqlite3 "$DB" "select value from answers where question_id = 'anything-else'")" "seen through cage" "the typed words"

# A crash must end the service's command with a failure, so systemd's
# Restart=on-failure brings the kiosk back (cage alone would end with 0).
: >"$TRACE"
(run_cage; exit "$rc") &
runner=$!
for i in $(seq 1 300); do grep -q '^ready ' "$TRACE" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready ' "$TRACE" || fail "the kiosk never started for the crash check: $(tail -n 15 "$WORK/cage.log")"
crashed=0
for proc in /proc/[0-9]*; do
    if [[ "$(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null)" == "$APP/bin/easyread-kiosk "* ]]; then
        kill -SEGV "${proc#/proc/}" && crashed=1
    fi
done
[[ "$crashed" == 1 ]] || fail "no kiosk process to crash"
set +e
wait "$runner"
status=$?
set -e
[[ "$status" -ne 0 ]] || fail "after a crash easyread-kiosk-cage ended with 0, so systemd would not restart the kiosk"
echo "kiosk under cage: 2 passed, 0 failed (a crash ends with $status)"
