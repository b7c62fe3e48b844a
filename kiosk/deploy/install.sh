#!/bin/sh
# Sets up a Debian machine as an easyread kiosk: the kiosk user, the cage
# session on tty1 with automatic login, restart on crash, and the settings
# file. Run as root after installing the easyread .deb:
#   sudo apt install cage xwayland ./easyread_*.deb
#   sudo kiosk/deploy/install.sh
# DESTDIR=/some/folder installs the files there instead (no user, no systemctl),
# to look at them or test them.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="${DESTDIR:-}"
USER_NAME=easyread-kiosk

install -d "$ROOT/usr/lib/easyread" "$ROOT/etc/easyread" "$ROOT/etc/pam.d" "$ROOT/etc/systemd/system" \
    "$ROOT/var/lib/easyread-kiosk"
install -m 0755 "$HERE/easyread-kiosk-session" "$ROOT/usr/lib/easyread/easyread-kiosk-session"
install -m 0755 "$HERE/easyread-kiosk-cage" "$ROOT/usr/lib/easyread/easyread-kiosk-cage"
install -m 0644 "$HERE/easyread-kiosk.service" "$ROOT/etc/systemd/system/easyread-kiosk.service"
install -m 0644 "$HERE/cage.pam" "$ROOT/etc/pam.d/easyread-kiosk"
# The settings are the staff's: never overwrite them.
[ -e "$ROOT/etc/easyread/kiosk.conf" ] || install -m 0644 "$HERE/kiosk.conf" "$ROOT/etc/easyread/kiosk.conf"

if [ -n "$ROOT" ]; then
    echo "installed into $ROOT (no user made, nothing enabled)"
    exit 0
fi
command -v cage >/dev/null || { echo "install.sh: cage is missing: sudo apt install cage xwayland" >&2; exit 1; }
command -v easyread-kiosk >/dev/null || { echo "install.sh: easyread-kiosk is missing: install the easyread .deb" >&2; exit 1; }
if ! id "$USER_NAME" >/dev/null 2>&1; then
    useradd --system --create-home --home-dir /var/lib/easyread-kiosk/home --shell /usr/sbin/nologin "$USER_NAME"
fi
# The screen, the touchscreen and sound.
usermod -a -G video,input,render,audio "$USER_NAME" 2>/dev/null || usermod -a -G video,input,audio "$USER_NAME"
chown "$USER_NAME:" /var/lib/easyread-kiosk
systemctl daemon-reload
systemctl disable getty@tty1.service 2>/dev/null || true
systemctl enable easyread-kiosk.service
systemctl set-default graphical.target
echo "Done. Check /etc/easyread/kiosk.conf, then reboot: the kiosk starts by itself on the screen."
