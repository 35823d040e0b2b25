#!/usr/bin/env bash
# Takes the screenshots of our own pages that the phone-evidence guide shows
# (docs/guide/*/08-phone-evidence.md), in zh-CN and in English, into docs/guide/images/: the
# evidence page's import form, the "在手机上打开" page with its pairing QR code, the plan page's
# calendar, and the evidence page as a paired phone sees it, 360 px wide, through the phone
# listener. It starts the web app with the invented demo case on a throwaway ledger, drives headless
# Chromium over its DevTools protocol (tools/guide_screenshots.py), and makes the PNGs small with
# pngquant and optipng (Debian's packages). Nothing is left behind but the PNGs.
#
#   tools/guide-screenshots.sh [WEB_DLL]
#
# WEB_DLL is a built DebtShield.Web.dll (default: the Release build under src/DebtShield.Web/bin;
# build it with `dotnet build src/DebtShield.Web -c Release`). Needs chromium (or DEBTSHIELD_CHROMIUM),
# python3-websocket, pngquant, optipng and a CJK font (fonts-noto-cjk); 127.0.0.2 serves as the
# phone listener's "LAN" address.
set -euo pipefail
cd "$(dirname "$0")/.."
web=${1:-src/DebtShield.Web/bin/Release/net10.0/DebtShield.Web.dll}
[ -f "$web" ] || { echo "guide-screenshots: no $web (dotnet build src/DebtShield.Web -c Release)" >&2; exit 1; }
chromium=${DEBTSHIELD_CHROMIUM:-$(command -v chromium || true)}
[ -x "$chromium" ] || { echo "guide-screenshots: no chromium (apt-get install chromium, or set DEBTSHIELD_CHROMIUM)" >&2; exit 1; }
for tool in pngquant optipng; do
  command -v "$tool" >/dev/null || { echo "guide-screenshots: no $tool (apt-get install $tool)" >&2; exit 1; }
done
/usr/bin/python3 -c 'import websocket' 2>/dev/null || { echo "guide-screenshots: no python3-websocket (apt-get install python3-websocket)" >&2; exit 1; }

work=$(mktemp -d)
app=""
browser=""
cleanup() {
  [ -z "$browser" ] || { kill "$browser" 2>/dev/null || true; wait "$browser" 2>/dev/null || true; }
  [ -z "$app" ] || { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

port=$(free_port)
site=http://127.0.0.1:$port
# The demo's due dates fall around the day it is run: the pictures show a plan, not a fixed date.
DEBTSHIELD_DB="" dotnet "$web" --demo --db "$work/demo.db" --urls "$site" --no-browser --phone-address 127.0.0.2 >"$work/web.log" 2>&1 &
app=$!
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "$site/" 2>/dev/null && break
  kill -0 "$app" 2>/dev/null || { cat "$work/web.log" >&2; echo "guide-screenshots: the web app stopped" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$site/" || { cat "$work/web.log" >&2; echo "guide-screenshots: the web app does not answer" >&2; exit 1; }

debug=$(free_port)
"$chromium" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --ignore-certificate-errors --force-device-scale-factor=1 --user-data-dir="$work/profile" \
  --remote-debugging-address=127.0.0.1 --remote-debugging-port="$debug" about:blank >"$work/chromium.log" 2>&1 &
browser=$!

mkdir -p "$work/shots"
/usr/bin/python3 tools/guide_screenshots.py --site "$site" --debug-port "$debug" --out "$work/shots"

for shot in "$work"/shots/*.png; do
  pngquant --force --quality=60-85 --speed 1 --strip --output "$shot" -- "$shot"
  optipng -quiet -o5 -strip all "$shot"
done
mkdir -p docs/guide/images
cp "$work"/shots/*.png docs/guide/images/
for shot in "$work"/shots/*.png; do
  echo "$(stat -c %s "docs/guide/images/$(basename "$shot")") docs/guide/images/$(basename "$shot")"
done
