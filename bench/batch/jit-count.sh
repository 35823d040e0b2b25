#!/usr/bin/env bash
# The methods the JIT compiles in one batch run, by tier, and how many of them are generic code
# instantiated over DebtShield's own types (which a ReadyToRun image cannot hold across assemblies,
# so they are jitted at tier 0 and again at tier 1 however the archive is built). The fixed cost of
# a batch process is mostly this list (docs/benchmarks.md, issue 27).
#   bench/batch/jit-count.sh DEBTSHIELD FILE MODE [LIST_OUT]
# MODE: rate, rate-irr or check (as in cpu-slope.sh). LIST_OUT keeps the JIT's own list.
set -euo pipefail
cli=$1; file=$2; mode=$3; list=${4:-}
case $mode in
  rate) args=(rate --batch) ;;
  rate-irr) args=(rate --fields irrAnnualNominal --batch) ;;
  check) args=(check --as-of 2026-11-28 --batch) ;;
  *) echo "MODE must be rate, rate-irr or check, not '$mode'" >&2; exit 2 ;;
esac
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
DOTNET_JitStdOutFile="$out/jit.txt" DOTNET_JitDisasmSummary=1 "$cli" "${args[@]}" "$file" --output "$out/out.jsonl" 2>/dev/null
[[ -n $list ]] && cp "$out/jit.txt" "$list"
python3 - "$out/jit.txt" <<'EOF'
import re, sys, collections
tiers = collections.Counter(); ours = collections.Counter(); owners = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"JIT compiled (.*) \[(.*?)(,|\])", line)
    if not m:
        continue
    method, tier = m.group(1), m.group(2)
    tiers[tier] += 1
    # A method of a framework type or generic method whose type arguments name one of ours.
    head = method.split("(")[0]
    if not head.startswith("DebtShield") and "DebtShield" in head:
        ours[tier] += 1
        owners[re.sub(r":.*", "", head)] += 1
print("methods jitted:", sum(tiers.values()), dict(sorted(tiers.items())))
print("framework generics over our types:", sum(ours.values()), dict(sorted(ours.items())))
for owner, n in owners.most_common(25):
    print(f"  {n:4d}  {owner}")
EOF
