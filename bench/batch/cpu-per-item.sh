#!/usr/bin/env bash
# CPU time per item of the batch modes, end to end, robust to a shared machine: user + system CPU
# seconds of the whole process (all threads) from /usr/bin/time, minus the CPU of the same command
# over a one-line file (start-up), divided by the items. Wall time is printed too, but on a loaded
# machine only the CPU figures compare.
#   bench/batch/cpu-per-item.sh DEBTSHIELD_BINARY WORKDIR [RUNS] [TASKSET_CPUS]
# WORKDIR holds loans.jsonl (make-batch), checks.jsonl (make-check-batch), msgs.jsonl (make-messages).
set -euo pipefail
cli=$1; dir=$2; runs=${3:-3}; cpus=${4:-}
wrap=(); [[ -n $cpus ]] && wrap=(taskset -c "$cpus")

# Each run writes a file of its own, never /dev/null: the CLI once locked its output, so a run
# beside another writing /dev/null failed (and its CPU was taken for the start-up); it no longer does.
measure() { # name items file args...
  local name=$1 items=$2 file=$3; shift 3
  head -n 1 "$dir/$file" > "$dir/one-$file"
  local best_start=999999 best=999999 wall=0
  for _ in $(seq "$runs"); do
    local s; s=$( { /usr/bin/time -f '%U %S' "${wrap[@]}" "$cli" "$@" "$dir/one-$file" --output "$dir/out-one-$file" 2>&1 >/dev/null; } | tail -n 1 | awk '{print $1+$2}')
    best_start=$(awk -v a="$best_start" -v b="$s" 'BEGIN{print (b<a)?b:a}')
    local t; t=$( { /usr/bin/time -f '%U %S %e %M' "${wrap[@]}" "$cli" "$@" "$dir/$file" --output "$dir/out-$file" 2>&1 >/dev/null; } | tail -n 1)
    local cpu; cpu=$(awk '{print $1+$2}' <<<"$t")
    if awk -v a="$cpu" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$cpu; wall=$(awk '{print $3" s wall, "$4/1024" MiB max RSS"}' <<<"$t"); fi
  done
  awk -v n="$name" -v c="$best" -v s="$best_start" -v k="$items" -v w="$wall" \
    'BEGIN{printf "%-14s %8.2f s CPU (start-up %.2f s) over %d items: %6.2f µs CPU/item; %s\n", n, c, s, k, (c-s)*1e6/k, w}'
}
measure rate "$(grep -c . "$dir/loans.jsonl")" loans.jsonl rate --batch
[[ -f $dir/checks.jsonl ]] && measure check "$(grep -c . "$dir/checks.jsonl")" checks.jsonl check --as-of 2026-11-28 --batch
[[ -f $dir/msgs.jsonl ]] && measure classify "$(grep -c . "$dir/msgs.jsonl")" msgs.jsonl classify --input
exit 0
