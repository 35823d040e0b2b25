#!/usr/bin/env bash
# Checks a linux-x64 release archive the way a borrower meets it: unpacked in a clean folder,
# started with no .NET anywhere on the PATH (and no DOTNET_* variables), in a fresh home.
#
#   tools/release-check.sh [ARCHIVE]
#
# Without ARCHIVE it first builds one with tools/release.sh (linux-x64, without ReadyToRun, to
# keep it quicker); test.sh passes the one it built. Checks: debtshield-web starts without --urls (the launcher picks the port and
# prints the address), its first page answers, the demo case is on it, the ledger is in the
# per-user data folder ($HOME/.local/share/debtshield), the phone pairing works on a second
# loopback address, and the command line answers too and protects a ledger that opens again.
set -euo pipefail
cd "$(dirname "$0")/.."
clean=$(mktemp -d)
web=""
cleanup() { [ -z "$web" ] || kill "$web" 2>/dev/null || true; rm -rf "$clean"; }
trap cleanup EXIT
fail() { echo "release-check: $*" >&2; [ ! -f "$clean/web.log" ] || sed 's/^/  web: /' "$clean/web.log" >&2; exit 1; }

archive=${1:-}
if [ -z "$archive" ]; then
  tools/release.sh --rid linux-x64 --out "$clean/archives" --no-ready-to-run >/dev/null
  archive=$(ls "$clean"/archives/*.tar.gz)
fi
mkdir -p "$clean/unpacked" "$clean/home"
tar -xzf "$archive" -C "$clean/unpacked"
folder=$(ls -d "$clean"/unpacked/debtshield-*)
for file in debtshield-web debtshield 使用说明.txt wwwroot; do
  [ -e "$folder/$file" ] || fail "the archive has no $file"
done

# No dotnet: an empty PATH and an empty environment (so no DOTNET_ROOT either).
bare() { env -i HOME="$clean/home" PATH="$clean/no-such-folder" LANG=C.UTF-8 "$@"; }
bare sh -c 'command -v dotnet' >/dev/null 2>&1 && fail "dotnet is still reachable"

# Started directly, not through bare: $! must be the app itself (a function run with & is a
# subshell, and killing that would leave the app serving).
env -i HOME="$clean/home" PATH="$clean/no-such-folder" LANG=C.UTF-8 "$folder/debtshield-web" --demo --no-browser --phone --phone-address 127.0.0.2 >"$clean/web.log" 2>&1 &
web=$!
address=""
for _ in $(seq 1 240); do
  address=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$clean/web.log" | head -n 1 || true)
  [ -n "$address" ] && curl -fsS "$address/" -o "$clean/page.html" 2>/dev/null && break
  kill -0 "$web" 2>/dev/null || fail "debtshield-web stopped"
  sleep 0.5
done
[ -s "$clean/page.html" ] || fail "no page at ${address:-(no address printed)}"
grep -q '示例：小王的网贷' "$clean/page.html" || fail "the first page does not show the demo case"
curl -fsS "$address/site.css" -o /dev/null || fail "the stylesheet is not served"
[ -f "$clean/home/.local/share/debtshield/demo.db" ] || fail "the demo ledger is not in the per-user data folder"
# The native libraries are read from beside the program, not unpacked into the home at the first start (issue 25).
[ ! -e "$clean/home/.net" ] || fail "the program unpacked files into the home folder: $(ls "$clean/home/.net")"

# --- The phone pairing (issue 25 item 2) -------------------------------------------------------
# The app was started with --phone on 127.0.0.2, standing in for the LAN address: the terminal
# shows the one-time link; it pairs once, the pairing reads the demo, and nobody else gets a thing.
# The phone listener starts once the app has started, so the link may come after the first page.
link=""
for _ in $(seq 1 120); do
  link=$(grep -o 'https://127\.0\.0\.2:[0-9]*/pair/[A-Za-z0-9_-]*' "$clean/web.log" | head -n 1 || true)
  [ -n "$link" ] && break
  kill -0 "$web" 2>/dev/null || fail "debtshield-web stopped"
  sleep 0.5
done
[ -n "$link" ] || fail "no pairing link in the terminal"
phone=${link%/pair/*}
[ "$(curl -ks -o /dev/null -w '%{http_code}' "$phone/loans")" = 403 ] || fail "an unpaired client got past the phone gate"
curl -ksf -c "$clean/phone.jar" "$link" -o /dev/null || fail "the pairing link did not pair"
curl -ksf -b "$clean/phone.jar" "$phone/" -o "$clean/phone.html" || fail "the paired phone got no page"
grep -q '示例：小王的网贷' "$clean/phone.html" || fail "the paired phone does not see the demo case"
[ "$(curl -ks -o /dev/null -w '%{http_code}' "$link")" = 403 ] || fail "the pairing link worked twice"
[ "$(curl -ks -o /dev/null -w '%{http_code}' -H 'Host: evil.example' -b "$clean/phone.jar" "$phone/")" = 400 ] || fail "a foreign Host header got through"

kill "$web"; wait "$web" 2>/dev/null || true; web=""

bare "$folder/debtshield" lender 招联 >"$clean/cli.txt" 2>&1 || true
grep -q '招联' "$clean/cli.txt" || { cat "$clean/cli.txt" >&2; fail "the command line did not answer"; }
# A ledger protected and opened again by the archive's own command line: its Argon2id is
# libsodium's, loaded from beside the program, not from anything installed on the machine (issue 26).
[ -f "$folder/libsodium.so" ] || fail "the archive has no libsodium.so"
bare DEBTSHIELD_NEW_PASSPHRASE='长长的密码 2026' "$folder/debtshield" db protect --db "$clean/protected.db" >"$clean/protect.txt" 2>&1 \
  || { cat "$clean/protect.txt" >&2; fail "the command line could not protect a ledger"; }
lanes=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT parallelism FROM protection").fetchone()[0])' "$clean/protected.db")
[ "$lanes" = 1 ] || fail "the ledger was protected in $lanes lanes, not in libsodium's one"
bare DEBTSHIELD_PASSPHRASE='长长的密码 2026' "$folder/debtshield" evidence verify --db "$clean/protected.db" >"$clean/open.txt" 2>&1 \
  || { cat "$clean/open.txt" >&2; fail "the protected ledger did not open with its passphrase"; }
bare DEBTSHIELD_PASSPHRASE='长长的密码 2025' "$folder/debtshield" evidence verify --db "$clean/protected.db" >"$clean/open.txt" 2>&1 \
  && fail "the protected ledger opened with a wrong passphrase"
echo "release-check: $(basename "$archive") starts without .NET, serves $address with the demo, pairs a phone on 127.0.0.2, its command line answers and protects a ledger"
