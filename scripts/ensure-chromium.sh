#!/usr/bin/env bash
# The end-to-end suite drives Debian's Chromium (Playwright's own browser download cannot work
# offline). Installs it when missing and we are allowed to; otherwise says what to do.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ -z "${CHROMIUM_PATH:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Chromium not found: installing Debian's chromium package…"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
  exit 0
fi
echo "No Chromium at $browser. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
exit 1
