#!/usr/bin/env bash
# The lock-down files in kiosk/deploy: install.sh puts each in its place with
# the right mode (into a temporary DESTDIR), never overwrites staff settings,
# systemd accepts the service, and the session script refuses a missing or
# incomplete settings file with words saying what to set.
# usage: kiosk_deploy.sh SOURCE_DIR
source "$(dirname "$0")/kiosk_lib.sh"

SRC="$1"
need_tools systemd-analyze cage
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/root"

DESTDIR="$ROOT" sh "$SRC/kiosk/deploy/install.sh" >/dev/null || fail "install.sh into DESTDIR failed"
expect_eq "$(stat -c %a "$ROOT/usr/lib/easyread/easyread-kiosk-session")" "755" "the session script's mode"
expect_eq "$(stat -c %a "$ROOT/usr/lib/easyread/easyread-kiosk-cage")" "755" "the cage wrapper's mode"
expect_eq "$(stat -c %a "$ROOT/etc/systemd/system/easyread-kiosk.service")" "644" "the service's mode"
[[ -f "$ROOT/etc/pam.d/easyread-kiosk" ]] || fail "no PAM file for the automatic login"
grep -q '^SURVEY=' "$ROOT/etc/easyread/kiosk.conf" || fail "no settings file"

# Staff settings are kept when install.sh runs again (an update).
echo 'SURVEY=/home/staff/my-survey.md' >"$ROOT/etc/easyread/kiosk.conf"
DESTDIR="$ROOT" sh "$SRC/kiosk/deploy/install.sh" >/dev/null
expect_eq "$(cat "$ROOT/etc/easyread/kiosk.conf")" "SURVEY=/home/staff/my-survey.md" "the settings after a second install"

# systemd reads the unit without a warning; the lock-down settings are there.
unit="$ROOT/etc/systemd/system/easyread-kiosk.service"
# verify checks that the command exists: the copy it reads points into ROOT.
mkdir -p "$WORK/verify"
sed "s#/usr/lib/easyread/#$ROOT/usr/lib/easyread/#" "$unit" >"$WORK/verify/easyread-kiosk.service"
out="$(systemd-analyze verify "$WORK/verify/easyread-kiosk.service" 2>&1)" || fail "systemd-analyze verify failed: $out"
[[ -z "$out" ]] || fail "systemd-analyze verify warns: $out"
for line in 'Restart=on-failure' 'StartLimitIntervalSec=0' 'PAMName=easyread-kiosk' 'TTYPath=/dev/tty1' \
            'Conflicts=getty@tty1.service' 'ExecStart=/usr/lib/easyread/easyread-kiosk-cage'; do
    grep -qx "$line" "$unit" || fail "the service lacks '$line'"
done

# The session script: a clear refusal without settings, the right command with them.
err="$(EASYREAD_KIOSK_CONF="$WORK/missing.conf" sh "$SRC/kiosk/deploy/easyread-kiosk-session" 2>&1)" && fail "ran without settings"
[[ "$err" == *"cannot read $WORK/missing.conf"* ]] || fail "unclear refusal: $err"
echo 'SURVEY=/x.md' >"$WORK/half.conf"
err="$(EASYREAD_KIOSK_CONF="$WORK/half.conf" sh "$SRC/kiosk/deploy/easyread-kiosk-session" 2>&1)" && fail "ran without DB"
[[ "$err" == *"must set SURVEY"*"and DB"* ]] || fail "unclear refusal: $err"
printf 'SURVEY=/s.md\nDB="/a b.db"\nEVENT="Board, 5 March"\nDPI=141\n' >"$WORK/full.conf"
# shellcheck disable=SC2016  # the fake kiosk's own "$@"
printf '#!/bin/sh\nfor a in "$@"; do echo "[$a]"; done\n' >"$WORK/fake-kiosk"
chmod +x "$WORK/fake-kiosk"
got="$(EASYREAD_KIOSK_CONF="$WORK/full.conf" EASYREAD_KIOSK="$WORK/fake-kiosk" sh "$SRC/kiosk/deploy/easyread-kiosk-session" | tr -d '\n')"
expect_eq "$got" "[/s.md][--db][/a b.db][--event][Board, 5 March][--dpi][141]" "the kiosk's command line"
echo "kiosk deploy: 1 passed, 0 failed"
