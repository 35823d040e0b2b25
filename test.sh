#!/usr/bin/env bash
# Runs every test of DebtShield on a fresh machine (Debian, .NET 10 SDK, root). Idempotent.
#
# It installs and starts what the tests need. Today that is the .NET SDK alone; the ledger and
# web issues add PostgreSQL and Chromium here (from Debian's packages, after apt-get update).
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -d ../shared/testdata ] && [ -z "${DEBTSHIELD_SHARED:-}" ]; then
  echo "test.sh: the published test vectors are missing: expected ../shared/testdata beside the repository (or set DEBTSHIELD_SHARED)" >&2
  exit 1
fi

dotnet restore DebtShield.slnx --locked-mode
dotnet build DebtShield.slnx -c Release --no-restore
dotnet format whitespace DebtShield.slnx --verify-no-changes  # style rules and analyzers are enforced by the build

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
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
