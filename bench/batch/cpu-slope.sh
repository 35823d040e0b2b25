#!/usr/bin/env bash
# A batch mode's CPU split into its two parts: the steady state (µs of CPU a loan once the process
# is warm, the slope) and the fixed cost (start-up, the JIT's tier-1 pass, exit: the intercept),
# from whole-process runs over two files of N1 < N2 lines. CPU is user + system of the whole
# process from /usr/bin/time; runs of the builds given are interleaved (every build once, then the
# next round), so a shared machine's load falls on all of them alike.
#   bench/batch/cpu-slope.sh MODE SMALL LARGE RUNS DEBTSHIELD [DEBTSHIELD...]
# MODE: rate (full report), rate-irr (--fields irrAnnualNominal) or check (--as-of 2026-11-28).
# SMALL, LARGE: JSONL files (make-batch or make-check-batch with N1 and N2 lines; the same
# generator, so a loan costs the same in both).
# Prints, for each build: the median and best CPU over each file, the slope and the intercept
# (from the medians, and from the bests); end to end over N loans a loan costs slope + intercept ÷ N.
set -euo pipefail
mode=$1; small=$2; large=$3; runs=$4; shift 4
case $mode in
  rate) args=(rate --batch) ;;
  rate-irr) args=(rate --fields irrAnnualNominal --batch) ;;
  check) args=(check --as-of 2026-11-28 --batch) ;;
  *) echo "MODE must be rate, rate-irr or check, not '$mode'" >&2; exit 2 ;;
esac
n1=$(grep -c . "$small"); n2=$(grep -c . "$large")
(( n1 < n2 )) || { echo "$small ($n1 lines) must have fewer lines than $large ($n2)" >&2; exit 2; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

cpu() { # debtshield file → CPU seconds of the whole run
  { /usr/bin/time -f '%U %S' "$1" "${args[@]}" "$2" --output "$out/out.jsonl" 2>&1 >/dev/null; } | tail -n 1 | awk '{print $1+$2}'
}

declare -A smalls larges
for _ in $(seq "$runs"); do
  for cli in "$@"; do
    smalls[$cli]+="$(cpu "$cli" "$small") "
    larges[$cli]+="$(cpu "$cli" "$large") "
  done
done

for cli in "$@"; do
  awk -v cli="$cli" -v mode="$mode" -v n1="$n1" -v n2="$n2" -v s="${smalls[$cli]}" -v l="${larges[$cli]}" '
    function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t } }
    function median(a, n) { return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
    BEGIN {
      k = split(s, a, " "); split(l, b, " "); sort(a, k); sort(b, k)
      m1 = median(a, k); m2 = median(b, k)
      slope = (m2 - m1) / (n2 - n1); icpt = m1 - slope * n1
      bslope = (b[1] - a[1]) / (n2 - n1); bicpt = a[1] - bslope * n1
      printf "%s %s\n  runs over %d: %s s CPU\n  runs over %d: %s s CPU\n", cli, mode, n1, s, n2, l
      printf "  medians: slope %.2f µs a loan, intercept %.2f s; best: slope %.2f µs, intercept %.2f s\n", slope * 1e6, icpt, bslope * 1e6, bicpt
      printf "  end to end (medians): %.2f µs a loan over %d, %.2f µs over %d\n", m1 * 1e6 / n1, n1, m2 * 1e6 / n2, n2
    }'
done
