#!/usr/bin/env bash
# ensure-tool.sh chromium|java: makes sure a system program the tests need is there. As root on
# Debian/Ubuntu it installs the Debian package; elsewhere it says what to install. Playwright must
# never download a browser of its own here: the browser tests use Debian's Chromium.
set -euo pipefail
case "${1:-}" in
  chromium) PACKAGE=chromium; HINT="or point CHROMIUM_PATH at a Chromium or Chrome binary. Do not run 'npx playwright install'." ;;
  java) PACKAGE=default-jre-headless; HINT="(the Nu HTML checker, vnu-jar, runs on Java 11 or later)." ;;
  *) echo "usage: ensure-tool.sh chromium|java" >&2; exit 2 ;;
esac
binary() { if [ "$1" = chromium ]; then echo "${CHROMIUM_PATH:-/usr/bin/chromium}"; else command -v java || echo /usr/bin/java; fi; }
BINARY="$(binary "$1")"
if [ -x "$BINARY" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's $PACKAGE for the tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "$PACKAGE" >&2
  BINARY="$(binary "$1")"
  [ -x "$BINARY" ] && exit 0
fi
cat >&2 <<MSG
$1 was not found at $BINARY.
Install it (Debian/Ubuntu: sudo apt-get install $PACKAGE) $HINT
MSG
exit 1
