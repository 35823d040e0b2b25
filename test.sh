#!/usr/bin/env bash
# Runs every test of DebtShield on a fresh machine (Debian, .NET 10 SDK, root). Idempotent.
#
# It installs and starts what the tests need besides the .NET SDK: Debian's postgresql, chromium,
# fonts-noto-cjk, poppler-utils and tesseract-ocr(-chi-sim) packages (after apt-get update, only
# when missing). PostgreSQL is run as a throwaway cluster of its own under /tmp/debtshield-test-pg
# on a free local port, never the system's cluster or service. The tests find it in
# DEBTSHIELD_TEST_PG. It is left running (and reused by the next run); stop it with:
#   runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D /tmp/debtshield-test-pg/data stop -m fast
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- Debian packages the tests need ----------------------------------------------------------
# postgresql: the second provider; chromium: the browser tests; fonts-noto-cjk: Chinese text in
# the browser's screenshots, the letters' PDFs and the painted chat screenshots; poppler-utils
# (pdftotext, pdftoppm): reading those PDFs back; tesseract-ocr, tesseract-ocr-chi-sim and tesseract-ocr-chi-tra (bubbles in
# traditional characters): reading the screenshots. Installed only when missing, after apt-get update.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
missing=()
for package in postgresql chromium fonts-noto-cjk poppler-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra; do
  installed "$package" || missing+=("$package")
done
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
export DEBTSHIELD_CHROMIUM=${DEBTSHIELD_CHROMIUM:-/usr/bin/chromium}

# --- PostgreSQL -------------------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_root=/tmp/debtshield-test-pg   # the cluster's own folder: data/, the unix socket, port, server.log
pg_data=$pg_root/data

# The server refuses to run as root: run its tools as the postgres user (as oneself when not root).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}
pg_ready() { "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$1" -d postgres -U postgres; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_port=""
if [ -f "$pg_root/port" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
  pg_port=$(cat "$pg_root/port")
  for _ in $(seq 1 30); do pg_ready "$pg_port" && break; sleep 1; done
  pg_ready "$pg_port" || { as_postgres "$pg_bin/pg_ctl" -D "$pg_data" stop -m immediate >/dev/null 2>&1 || true; pg_port=""; }
fi
if [ -z "$pg_port" ]; then
  # Not running (never made, stopped, stale or broken): make it afresh, stopping any remnant first.
  [ ! -d "$pg_data" ] || as_postgres "$pg_bin/pg_ctl" -D "$pg_data" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$pg_root"
  mkdir -m 700 "$pg_root"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$pg_root"
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >/dev/null
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$pg_data/pg_hba.conf" >/dev/null
  for _ in $(seq 1 20); do
    candidate=$((20000 + RANDOM % 40000))
    port_free "$candidate" || continue
    if as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_root/server.log" -w -t 60 start \
        -o "-p $candidate -k $pg_root -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      pg_port=$candidate
      break
    fi
  done
  if [ -z "$pg_port" ]; then
    echo "test.sh: could not start PostgreSQL; see $pg_root/server.log" >&2
    exit 1
  fi
  echo "$pg_port" | as_postgres tee "$pg_root/port" >/dev/null
fi
for _ in $(seq 1 30); do pg_ready "$pg_port" && break; sleep 1; done
pg_ready "$pg_port" || { echo "test.sh: PostgreSQL on port $pg_port does not accept connections" >&2; exit 1; }
export DEBTSHIELD_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "test.sh: PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}') for the tests on 127.0.0.1:$pg_port ($pg_root)"

# --- .NET ------------------------------------------------------------------------------------
dotnet restore DebtShield.slnx --locked-mode
dotnet build DebtShield.slnx -c Release --no-restore
# Whitespace is a property of the files, not of the projects: --folder reads every .cs file under
# the repository (generated ones skipped, as in a solution's) without loading the solution into a
# workspace, for half the CPU (11.5 s user against 23.8 s, measured 2026-12-06). Style rules and
# analyzers are enforced by the build.
dotnet format whitespace . --folder --verify-no-changes

results=$(mktemp -d)
status=0
dotnet test DebtShield.slnx -c Release --no-build --logger "trx" --results-directory "$results" || status=$?

# One closing line for every project together: "tests: N passed, N failed".
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"

# --- The release, as a borrower and an organisation get it (issue 25) ------------------------
# One linux-x64 archive (without ReadyToRun, which only makes it start faster and takes minutes to
# compile) and gzip'd at its fastest (the checks unpack it at once), built from the tree as it
# is. release-check.sh unpacks it in a clean folder and starts it with no dotnet on the PATH: the
# page answers, the demo loads, the command line answers.
# debian-check.sh makes the Debian package from the same archive, installs it, starts its server
# as its unit would on the test PostgreSQL, and removes it (root only). Each counts as one test.
release=$(mktemp -d)
if tools/release.sh --rid linux-x64 --no-ready-to-run --fast-compression --out "$release" >/dev/null; then
  archive=$(ls "$release"/debtshield-*-linux-x64.tar.gz)
  if tools/release-check.sh "$archive"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: the Debian package check needs root; skipped"
    skipped=$((skipped + 1))
  elif tools/debian-check.sh "$archive"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
else
  echo "test.sh: tools/release.sh --rid linux-x64 failed" >&2
  failed=$((failed + 2)); status=1
fi
rm -rf "$release"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
