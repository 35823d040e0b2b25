#!/usr/bin/env bash
# Runs every test of DebtShield on a fresh machine (Debian, .NET 10 SDK, root). Idempotent.
#
# It installs and starts what the tests need besides the .NET SDK: Debian's postgresql,
# chromium-headless-shell, fonts-noto-cjk, poppler-utils and tesseract-ocr(-chi-sim) packages (after
# apt-get update, only when missing). PostgreSQL is run as a throwaway cluster of its own under
# /tmp/debtshield-test-pg on a free local port, never the system's cluster or service. The tests find it in
# DEBTSHIELD_TEST_PG. It is left running (and reused by the next run); stop it with:
#   runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D /tmp/debtshield-test-pg/data stop -m fast
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- Debian packages the tests need ----------------------------------------------------------
# postgresql: the second provider; chromium-headless-shell: the browser tests (the same Chromium's
# headless program, which Playwright itself launches for headless Chromium: the browser job took about
# half the CPU it took with the desktop chromium, docs/benchmarks.md 2026-12-07 ninth session);
# fonts-noto-cjk: Chinese text in the browser's screenshots, the letters' PDFs and the painted chat
# screenshots; poppler-utils (pdftotext, pdftoppm): reading those PDFs back; tesseract-ocr,
# tesseract-ocr-chi-sim and tesseract-ocr-chi-tra (bubbles in traditional characters): reading the
# screenshots. Installed only when missing, after apt-get update.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
missing=()
for package in postgresql chromium-headless-shell fonts-noto-cjk poppler-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra; do
  installed "$package" || missing+=("$package")
done
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
export DEBTSHIELD_CHROMIUM=${DEBTSHIELD_CHROMIUM:-/usr/bin/chromium-headless-shell}

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
work=$(mktemp -d)
# The compiler runs as a server, one warm process for every project as on a developer's machine,
# rather than a new process (and a cold JIT) per project, which an environment may have chosen
# (UseSharedCompilation=false): the build took 184 against 198 CPU-seconds and 95 against 114 s
# (docs/benchmarks.md, eleventh session). The server is stopped when the run ends.
export UseSharedCompilation=true
trap 'rm -rf "$work"; dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true' EXIT
# The build's own .NET processes (MSBuild and the compiler server the first build starts, which the
# build of bench/ and tools/ reuses; the release's publish) run with the workstation garbage
# collector instead of the server one the compiler asks for, and without the JIT's profile-guided
# tier: the same assemblies, byte for byte, for 120-137 against 197-233 CPU-seconds of restore and
# build, most of it the compiler's (docs/benchmarks.md, twelfth session; load 7-24). Only the
# build's tools: the tests and the programs they start run as before.
as_build_tool() { DOTNET_gcServer=0 DOTNET_TieredPGO=0 "$@"; }

# A solution filter ($1) of the solution's projects whose paths match (or, with $3 = -v, do not
# match) the pattern $2: the solution stays the one list of projects, and a project added to it is
# built by one filter or the other.
solution_filter() {
  {
    printf '{"solution":{"path":"%s","projects":[' "$PWD/DebtShield.slnx"
    sed -n 's/.*<Project Path="\([^"]*\)".*/\1/p' DebtShield.slnx | grep -E ${3:-} "$2" | sed 's/.*/"&"/' | paste -sd, - | tr -d '\n'
    printf ']}}\n'
  } >"$1"
}

# The build the tests need comes first: src/ and tests/. The rest (bench/ and tools/: the
# benchmarks and the fuzzer, about a quarter of the build's CPU, which no test runs) is built as a
# check in the queue below, beside the tests, so a change that breaks it still fails the run.
as_build_tool dotnet restore DebtShield.slnx --locked-mode
solution_filter "$work/tests.slnf" '^(src|tests)/'
solution_filter "$work/rest.slnf" '^(src|tests)/' -v
as_build_tool dotnet build "$work/tests.slnf" -c Release --no-restore

# --- After the build: every check, three at a time, longest first -------------------------------
# Each test project is a `dotnet test` of its own, so that the longest ones start first (over the
# solution, `dotnet test` takes the solution's order and the web and browser projects, two of the
# longest, would start last and end alone); the release archive's publish and its two checks, the
# build of bench/ and tools/, and the whitespace check are jobs in the same queue. Three jobs run at
# a time (TEST_LANES to change it): two left the cores idle half the time (the jobs wait on
# processes, the browser, PostgreSQL and Tesseract: 1.1 cores busy on average over the quiet run of
# 39414fb), while all nine at once was no faster on 2 cores and a browser step timed out under that
# load (docs/benchmarks.md, 2026-12-05 and 2026-12-06 fifth session). Each job writes a log, printed
# when it ends; every exit code counts, and an interrupted run stops every job (each is a process
# group of its own). The order is the last quiet durations, longest first: the CLI tests 5:00, the
# release job, the web tests 3:39, the browser tests 2:00-2:20 (before they ran on the headless shell,
# which took a quarter off their loaded wall time), then the App and Import tests (about 1:50 each).
checks=(
  test:DebtShield.Cli.Tests
  release
  test:DebtShield.Web.Tests
  test:DebtShield.Web.E2E
  test:DebtShield.App.Tests
  test:DebtShield.Import.Tests
  rest
  test:DebtShield.Core.Tests
  test:DebtShield.Data.Tests
  test:DebtShield.Planning.Optimization.Tests
  whitespace
  test:DebtShield.Documents.Tests
)
lanes=${TEST_LANES:-3}
results=$work/results
mkdir -p "$results"

# Whitespace is a property of the files, not of the projects: --folder reads every .cs file under
# the repository (generated ones skipped, as in a solution's) without loading the solution into a
# workspace, for half the CPU (11.5 s user against 23.8 s, measured 2026-12-06). Style rules and
# analyzers are enforced by the build.
whitespace() { dotnet format whitespace . --folder --verify-no-changes; }

# The projects the first build left out (bench/, tools/), over the libraries it made: with
# BuildProjectReferences=false nothing the tests are running from is compiled or copied again.
rest() {
  grep -q csproj "$work/rest.slnf" || return 0
  as_build_tool dotnet build "$work/rest.slnf" -c Release --no-restore -p:BuildProjectReferences=false
}

# One test project; its results in a trx file of its own name (two ending in the same second
# would otherwise write the same default name). Run from the assembly the build has just made, not
# from the project: `dotnet test tests/X --no-build` evaluates the project in MSBuild only to find
# that assembly and hand it to the same test runner (docs/benchmarks.md, 2026-12-06 fourth session).
test_project() {
  local assembly="tests/$1/bin/Release/net10.0/$1.dll"
  [ -f "$assembly" ] || { echo "test.sh: $assembly is missing: the build did not make it" >&2; return 1; }
  # Without the JIT's profile-guided tier (instrumented code, then a third compile of the hot
  # methods): test processes are short and run most code a few times, so it paid for little;
  # measured alternated, it cut the Core and Import tests' CPU by 8 % (docs/benchmarks.md, tenth session, lead).
  DOTNET_TieredPGO=0 dotnet test "$assembly" --logger "trx;LogFileName=$1.trx" --results-directory "$results"
}

# --- The release, as a borrower and an organisation get it (issue 25) ------------------------
# One linux-x64 archive (without ReadyToRun, which only makes it start faster and takes minutes to
# compile) and gzip'd at its fastest (the checks unpack it at once), built from the tree as it
# is, without the analyzers and style rules the build above has just run on the same files, and
# over the libraries that build has just compiled (--from-build: only the two programs are
# compiled again, for linux-x64).
# release-check.sh unpacks it in a clean folder and starts it with no dotnet on the PATH: the
# page answers, the demo loads, the command line answers.
# debian-check.sh makes the Debian package from the same archive, installs it, starts its server
# as its unit would on the test PostgreSQL, and removes it (root only). Each counts as one test;
# the counts go to release.counts ("passed failed skipped").
release_archive() {
  local release passed=0 failed=0 skipped=0 status=0 archive
  release=$(mktemp -d)
  if as_build_tool tools/release.sh --rid linux-x64 --no-ready-to-run --fast-compression --no-analyzers --from-build --out "$release" >/dev/null; then
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
  echo "$passed $failed $skipped" >"$work/release.counts"
  return "$status"
}

# Each check has a temporary folder of its own: a test that looks at what its process left behind
# there (the upload spools' folders) sees no other lane's files.
run_check() {
  export TMPDIR="$work/tmp/${1#test:}"
  mkdir -p "$TMPDIR"
  case "$1" in
    test:*) test_project "${1#test:}" ;;
    release) release_archive ;;
    whitespace) whitespace ;;
    rest) rest ;;
  esac
}

declare -A running=()   # process id -> check
stop_all() {
  for pid in "${!running[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
  exit 130
}
trap stop_all INT TERM
set -m   # every background job a process group of its own, so stop_all stops what it started
status=0
failed_checks=()
next=0
while [ "$next" -lt "${#checks[@]}" ] || [ "${#running[@]}" -gt 0 ]; do
  while [ "${#running[@]}" -lt "$lanes" ] && [ "$next" -lt "${#checks[@]}" ]; do
    check=${checks[$next]}
    next=$((next + 1))
    echo "test.sh: $(date -u +%H:%M:%S) started $check"
    run_check "$check" >"$work/${check#test:}.log" 2>&1 &
    running[$!]=$check
  done
  finished=0
  code=0
  wait -n -p finished "${!running[@]}" || code=$?
  check=${running[$finished]}
  unset "running[$finished]"
  echo "test.sh: $(date -u +%H:%M:%S) ended $check (exit code $code) ----------------------------------------"
  cat "$work/${check#test:}.log"
  [ "$code" -eq 0 ] || { status=1; failed_checks+=("$check"); }
done
set +m
trap - INT TERM

# One closing line for everything together: "tests: N passed, N failed".
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
if [ -f "$work/release.counts" ]; then
  read -r p f n <"$work/release.counts"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + n))
else
  echo "test.sh: the release checks did not finish" >&2
  failed=$((failed + 2)); status=1
fi
rm -rf "$work"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
[ "${#failed_checks[@]}" -eq 0 ] || echo "test.sh: failed: ${failed_checks[*]}" >&2
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
