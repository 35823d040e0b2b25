#!/usr/bin/env bash
# Start-up of the released local web app (issue 25): the time from starting debtshield-web to
# its first page (HTTP 200 on /), over RUNS starts with the ledger already made and migrated, then
# over FRESH first starts of a new ledger (an empty home each time). Prints each start's wall time
# and CPU time, then one line per mode: wall median, best and worst, and CPU mean and median. The
# CPU time is the process's user + system time (every thread) read from /proc when the first page
# has answered: on a shared machine it follows the app's own work far more than wall time does.
# The app runs as a borrower runs it: the linux-x64 archive, unpacked, no dotnet on the PATH.
# Traffic goes to 127.0.0.1 only.
#
#   bench/load/start-time.sh ARCHIVE [RUNS] [FRESH]      (defaults 20 and 5)
#
# The page is asked for by bash itself (its /dev/tcp), starting no process while the app starts: a
# curl and a sleep started every 10 ms until the page answered, about 29 ms of CPU each round here,
# took a large part of the two cores from the app's two busy threads (docs/benchmarks.md, issue 25,
# seventh session). START_PROBE=curl measures the earlier way, for comparison with earlier figures.
#
# Runtime settings to try without publishing again go in START_ENV, e.g.
# START_ENV='DOTNET_TieredPGO=0 DOTNET_gcServer=0'. The load average is printed before and after:
# on a shared machine the figures follow it.
set -euo pipefail
archive=$1
runs=${2:-20}
fresh=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
app=$(ls -d "$work"/debtshield-*)/debtshield-web
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

ticks=$(getconf CLK_TCK)

# A 10 ms wait without starting a process: a read that times out on a pipe nobody writes to.
exec {idle}<> <(:)
pause() {
  if [ "${START_PROBE:-}" = curl ]; then sleep 0.01; else read -r -t 0.01 -u "$idle" _ || true; fi
}

answered() { # the first page answered 200
  if [ "${START_PROBE:-}" = curl ]; then
    curl -s -f -o /dev/null "http://127.0.0.1:$port/"
    return
  fi
  # Until the server listens the connection is refused at once; once it listens the request waits
  # there for the page, however long the start takes. The status line is enough: the clock stops
  # at the answer, as it did when curl read the whole page.
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3
  local status=""
  read -r -t 120 -u 3 status || true
  exec 3<&-
  [[ $status == "HTTP/1.1 200"* ]]
}

start_once() { # home → "WALL_MS CPU_MS" to the first page
  local home=$1 begin pid wall cpu
  mkdir -p "$home"
  begin=$(date +%s%N)
  # shellcheck disable=SC2086
  env -i HOME="$home" PATH=/nonexistent LANG=C.UTF-8 ${START_ENV:-} "$app" --no-browser --urls "http://127.0.0.1:$port" >"$home/web.log" 2>&1 &
  pid=$!
  until answered; do
    kill -0 "$pid" 2>/dev/null || { cat "$home/web.log" >&2; exit 1; }
    pause
  done
  wall=$(( ($(date +%s%N) - begin) / 1000000 ))
  # utime and stime are fields 14 and 15; the command name (field 2) holds no space here.
  cpu=$(awk -v t="$ticks" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$pid/stat")
  echo "$wall $cpu"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

summary() { # label "WALL CPU"…
  local label=$1; shift
  printf '%s\n' "$@" | awk -v label="$label" '
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { wall[NR] = $1; cpu[NR] = $2; total += $2 }
    END {
      m = median(wall, NR); c = median(cpu, NR)
      printf "%s: %d starts, wall median %d ms, best %d ms, worst %d ms; CPU mean %d ms, median %d ms\n", label, NR, m, wall[1], wall[NR], total / NR, c }'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)${START_ENV:+; START_ENV=$START_ENV}${START_PROBE:+; START_PROBE=$START_PROBE}"
start_once "$work/home" >/dev/null   # makes and migrates the ledger
times=()
for _ in $(seq 1 "$runs"); do times+=("$(start_once "$work/home")"); done
echo "ledger ready (wall ms, CPU ms): $(printf '%s, ' "${times[@]}")"
summary "existing ledger" "${times[@]}"
firsts=()
for i in $(seq 1 "$fresh"); do firsts+=("$(start_once "$work/fresh-$i")"); done
echo "new ledger (wall ms, CPU ms): $(printf '%s, ' "${firsts[@]}")"
summary "new ledger (first start)" "${firsts[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
