#!/usr/bin/env bash
# Load test of the local web app (issue #9): a case of 50 loans and 10,000 incidents, the dashboard
# and the evidence page at a steady 200 or more requests a second with wrk (Debian's package), and
# the time from start to first response. The app runs as it is installed for daily use: published
# for this machine with ReadyToRun (compiled ahead, so starting does not wait for the JIT).
# Traffic goes to 127.0.0.1 only; every run is bounded in time.
#
#   bench/load/web-load.sh [SECONDS]      (default 30 s per page)
#
# Needs: wrk (apt-get install wrk). Leaves its ledger and logs in /tmp/debtshield-load.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
work=/tmp/debtshield-load
port=5099
rm -rf "$work" && mkdir -p "$work"

dotnet publish src/DebtShield.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/app" -v q -nologo >/dev/null
dotnet build src/DebtShield.Cli -c Release -v q -nologo >/dev/null
dotnet run --project bench/DebtShield.Benchmarks -c Release -- make-loan-table "$work/loans.csv" 600 >/dev/null
dotnet run --project bench/DebtShield.Benchmarks -c Release -- make-sms-backup "$work/sms.xml" 10000 >/dev/null
cli() { dotnet src/DebtShield.Cli/bin/Release/net10.0/debtshield.dll "$@" --db "$work/ledger.db"; }
cli loan import "$work/loans.csv" >/dev/null 2>&1
cli evidence import "$work/sms.xml" >/dev/null 2>&1
echo "ledger: $(cli loan list --json | grep -o '"lawfulTotalDue"' | wc -l) loans, $(cli evidence list --json | grep -o '"sequence"' | wc -l) evidence entries"

# Start to first response, five times.
for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  dotnet "$work/app/DebtShield.Web.dll" --db "$work/ledger.db" --urls "http://127.0.0.1:$port" >"$work/web-$run.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.02; done
  echo "start to first response (run $run): $(( ($(date +%s%N) - start) / 1000000 )) ms"
  if [ "$run" -lt 5 ]; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
done

# 24 connections, each pausing 100 ms between requests: 200 to 240 requests a second in all while
# answers take under 20 ms (slower answers lower the rate, which the figures then show).
cat >"$work/pace.lua" <<'LUA'
function delay() return 100 end
LUA
for page in "/" "/evidence" "/evidence?page=100" "/loans"; do
  # Warm up at the same load first: the runtime recompiles hot code for speed in the first seconds,
  # and the figures are for an app that has been running, not for those seconds.
  wrk -t 2 -c 24 -d 10s -s "$work/pace.lua" "http://127.0.0.1:$port$page" >/dev/null
  echo "== $page"
  wrk -t 2 -c 24 -d "${seconds}s" --latency -s "$work/pace.lua" "http://127.0.0.1:$port$page" | grep -E "Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
