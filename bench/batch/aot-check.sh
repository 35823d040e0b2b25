#!/usr/bin/env bash
# The check batch as the CLI runs it, against the same path compiled ahead of time (Native AOT: no
# JIT, no tier-1 recompilation): whole-process CPU (user + system) of each over a one-line file
# (the fixed cost) and over FILE, alternated RUNS times, and their outputs compared byte for byte.
# The publish needs clang and zlib1g-dev (Debian packages) and restores NuGet's ILCompiler.
#   bench/batch/aot-check.sh DEBTSHIELD FILE [RUNS [PUBLISH_ARGUMENT...]]
# FILE: make-check-batch's loans (the runs use --as-of 2026-11-28, as cpu-slope.sh check does).
# PUBLISH_ARGUMENT: given to the publish, such as -p:IlcInstructionSet=native -p:OptimizationPreference=Speed
# (the AOT compiler's default is the x86-64 baseline, where the JIT uses every instruction the machine has).
set -euo pipefail
cli=$1; file=$2; runs=${3:-3}; shift $(( $# < 3 ? $# : 3 ))
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet publish "$here/aot-check" -c Release -r linux-x64 -o "$work/aot" \
  -p:IncludeSourceRevisionInInformationalVersion=false "$@" >"$work/publish.log" || { cat "$work/publish.log"; exit 1; }
head -n 1 "$file" > "$work/one.jsonl"
cpu() { { /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null; } | tail -n 1 | awk '{print $1 + $2}'; }
for _ in $(seq "$runs"); do
  for input in "$work/one.jsonl" "$file"; do
    c=$(cpu "$cli" check --as-of 2026-11-28 --batch "$input" --output "$work/cli.jsonl")
    a=$(cpu "$work/aot/DebtShield.AotCheck" 2026-11-28 "$input" "$work/aot.jsonl")
    printf '%s: CLI %s s CPU, AOT %s s CPU (load %s)\n' "$(basename "$input")" "$c" "$a" "$(cut -d ' ' -f 1 /proc/loadavg)"
  done
  cmp "$work/cli.jsonl" "$work/aot.jsonl"
done
echo "outputs identical"
