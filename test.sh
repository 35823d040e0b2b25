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

# Every test project runs at once (below), each with its own connection pools: more connections
# than the server's default 100. A cluster left running with fewer is made afresh.
pg_connections=400
pg_connections_of() { as_postgres "$pg_bin/psql" -X -qAt -h 127.0.0.1 -p "$1" -U postgres -d postgres -c 'SHOW max_connections' 2>/dev/null || echo 0; }

pg_port=""
if [ -f "$pg_root/port" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
  pg_port=$(cat "$pg_root/port")
  for _ in $(seq 1 30); do pg_ready "$pg_port" && break; sleep 1; done
  if ! pg_ready "$pg_port" || [ "$(pg_connections_of "$pg_port")" -lt "$pg_connections" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" stop -m immediate >/dev/null 2>&1 || true
    pg_port=""
  fi
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
        -o "-p $candidate -k $pg_root -c listen_addresses=127.0.0.1 -c max_connections=$pg_connections -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
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

# After the build, everything runs side by side, each part a background job with its own log and
# its own exit code, all collected below: the format check, every test project (the suite mostly
# waits on hosts, browsers and databases, so one project's waiting is another's core), and the
# release archive's publish and checks, which take the longest and need none of the tests' output
# (tools/release.sh publishes from a copy of the tree). Each job runs in a process group of its
# own, so an interrupted run stops them with everything they started.
work=$(mktemp -d)
declare -A running=()
stop_jobs() {
  for pid in "${running[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop_jobs EXIT
start_job() { # NAME COMMAND...: output to $work/NAME.log
  local name=$1
  shift
  set -m
  "$@" >"$work/$name.log" 2>&1 &
  running[$name]=$!
  set +m
}
finish_job() { # NAME: waits for it, prints its log and returns its exit code
  local code=0
  wait "${running[$1]}" || code=$?
  unset "running[$1]"
  cat "$work/$1.log"
  return "$code"
}

# --- The release, as a borrower and an organisation get it (issue 25) ------------------------
# One linux-x64 archive (without ReadyToRun, which only makes it start faster and takes minutes to
# compile), built from the tree as it is. release-check.sh unpacks it in a clean folder and starts
# it with no dotnet on the PATH: the page answers, the demo loads, the command line answers.
# debian-check.sh makes the Debian package from the same archive, installs it, starts its server
# as its unit would on the test PostgreSQL, and removes it (root only). Each counts as one test:
# one word a line in $work/release.outcomes (passed, failed or skipped).
release_checks() {
  local release=$work/release outcomes=$work/release.outcomes archive
  mkdir -p "$release"
  if ! tools/release.sh --rid linux-x64 --no-ready-to-run --out "$release" >/dev/null; then
    echo "test.sh: tools/release.sh --rid linux-x64 failed" >&2
    printf 'failed\nfailed\n' >>"$outcomes"
    return 1
  fi
  archive=$(ls "$release"/debtshield-*-linux-x64.tar.gz)
  if tools/release-check.sh "$archive"; then echo passed >>"$outcomes"; else echo failed >>"$outcomes"; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: the Debian package check needs root; skipped"
    echo skipped >>"$outcomes"
  elif tools/debian-check.sh "$archive"; then echo passed >>"$outcomes"; else echo failed >>"$outcomes"; fi
  rm -rf "$release"
  ! grep -qx failed "$outcomes"
}

: >"$work/release.outcomes"
start_job release release_checks
start_job format dotnet format whitespace DebtShield.slnx --verify-no-changes  # style rules and analyzers are enforced by the build
# Every test project, the slowest first (the first started get the cores first).
projects=()
for project in Web.Tests Web.E2E Cli.Tests App.Tests; do
  project=tests/DebtShield.$project/DebtShield.$project.csproj
  [ ! -f "$project" ] || projects+=("$project")
done
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  [[ " ${projects[*]} " == *" $project "* ]] || projects+=("$project")
done
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  start_job "$name" dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$work/results"
done

status=0
finish_job format || { echo "test.sh: dotnet format whitespace found changes to make" >&2; status=1; }
for project in "${projects[@]}"; do
  finish_job "$(basename "$project" .csproj)" || status=1
done

# One closing line for every project together: "tests: N passed, N failed".
passed=0; failed=0; skipped=0
for trx in "$work"/results/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done

release_status=0
finish_job release || release_status=$?
p=$(grep -cx passed "$work/release.outcomes" || true)
f=$(grep -cx failed "$work/release.outcomes" || true)
n=$(grep -cx skipped "$work/release.outcomes" || true)
if [ "$release_status" -ne 0 ] && [ "$f" -eq 0 ]; then
  echo "test.sh: the release checks stopped (exit code $release_status) before they finished" >&2
  f=$((2 - p - n))
fi
passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + n))
[ "$release_status" -eq 0 ] || status=1

if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
