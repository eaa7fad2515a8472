#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests. Playwright must never download a
# browser of its own here. As root on Debian/Ubuntu it installs the `chromium` package; elsewhere it
# says what to install.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium >&2
  [ -x "$CHROMIUM" ] && exit 0
fi
cat >&2 <<MSG
Chromium was not found at $CHROMIUM.
Install your system's Chromium (Debian/Ubuntu: sudo apt-get install chromium)
or point CHROMIUM_PATH at a Chromium or Chrome binary. Do not run 'npx playwright install'.
MSG
exit 1
