#!/usr/bin/env python3
"""Splits a sampled profile of a whole batch run into where a loan's CPU goes.

    DOTNET_PerfMapEnabled=1 DOTNET_PerfMapShowOptimizationTiers=1 DOTNET_EnableWriteXorExecute=0 \
      perf record -F 999 -g -o run.data -- debtshield rate --batch loans.jsonl --output out.jsonl
    perf script -i run.data -F comm,tid,ip,sym,dso | bench/batch/perf-breakdown.py [ITEMS]

Write-xor-execute off lets perf name jitted code: with it on, the JIT's code sits in a mapping perf
cannot read the perf map for, and every jitted sample is anonymous. ReadyToRun code has no symbols
for perf either (it is named by its image only), so a sample is put in read / compute / write by the
first frame of its call chain that perf can name, and otherwise by the image it ran in (Import:
read; Core: compute, though `Loan.Create` is Core's; App: write).

The groups:
- the tier-1 thread (".NET Tiered Com"): the background recompilation of hot ReadyToRun and
  tier-0 code, with its runtime work and system calls: a fixed cost per process;
- the main thread: start-up and exit (the batch itself runs on the "batch worker" threads);
- on the workers: read, compute, write, the pipeline, framework code no frame places, the
  runtime (allocation helpers, the collector, stubs, libc), the JIT's first calls, the kernel.

ITEMS, when given, also lists that many leaf symbols of each group.
"""
import collections
import re
import sys

READ = re.compile(r'LoanFileReader|WellFormedLoanFile|Utf8JsonReader|DebtShield\.Core\.Loans\.|LoanReading')
COMPUTE = re.compile(r'DebtShield\.Core\.Rates\.|DebtShield\.Core\.Money|TrueCost|LoanFigures')
WRITE = re.compile(r'RateReportWriter|CheckReportWriter|Utf8JsonWriter|Utf8Template|Utf8Builder|Percentage')
PIPELINE = re.compile(r'LineChunks|LineChunk|LineSplitter|JsonLinesBatch|PooledBuffer|FileStream|RandomAccess')
KERNEL = [
    ('write', re.compile(r'ksys_write|vfs_write')),
    ('read', re.compile(r'ksys_read|vfs_read')),
    ('page faults', re.compile(r'page_fault|handle_mm_fault')),
    ('memory maps', re.compile(r'madvise|mmap|munmap|mprotect')),
    ('futex, scheduling', re.compile(r'futex|schedule')),
]
IMAGES = [('read', 'DebtShield.Import.dll'), ('compute', 'DebtShield.Core.dll'), ('compute', 'libm'), ('write', 'DebtShield.App.dll'), ('write', 'System.Text.Encodings.Web.dll')]
TIER = re.compile(r'\[(OptimizedTier1OSR|OptimizedTier1|Optimized|QuickJitted|Tier0|Tier1|OSR|PreJIT)\]')


def samples(lines):
    """Yields (thread name, [(symbol, image)]) from `perf script -F comm,tid,ip,sym,dso`."""
    head, frames = None, []
    for line in lines:
        line = line.rstrip('\n')
        if not line.strip():
            continue
        if not line[0].isspace():
            if head is not None:
                yield head, frames
            head = re.sub(r'\s+\d+\s*$', '', line.strip())
            frames = []
            continue
        parts = line.strip().split(None, 1)
        if len(parts) == 2:
            match = re.match(r'(.*) \((.*)\)$', parts[1])
            frames.append((match.group(1), match.group(2)) if match else (parts[1], ''))
    if head is not None:
        yield head, frames


def group(thread, frames):
    symbol, image = frames[0]
    if thread == '.NET Tiered Com':
        return 'JIT: the tier-1 thread (recompiling hot code; its runtime work and system calls)'
    if thread == 'debtshield':
        return 'start-up and exit (main thread)'
    if thread != 'batch worker':
        return 'other runtime threads (finalizer, thread pool)'
    if 'libclrjit' in image:
        return 'workers: JIT of first calls'
    if 'kernel' in image:
        stack = ' '.join(f[0] for f in frames)
        return 'workers: kernel, ' + next((name for name, pattern in KERNEL if pattern.search(stack)), 'other')
    if 'libcoreclr' in image or 'libclrgc' in image or re.search(r'libc\.so|libc-|ld-linux', image):
        return 'workers: runtime (allocation, collector, stubs, libc)'
    for frame_symbol, _ in frames:
        for name, pattern in (('compute', COMPUTE), ('read', READ), ('write', WRITE), ('pipeline', PIPELINE)):
            if pattern.search(frame_symbol):
                return 'workers: ' + name
    for name, part in IMAGES:
        if part in image:
            return 'workers: ' + name + ' (by its image)'
    return 'workers: framework code no frame places (' + image.rsplit('/', 1)[-1] + ')'


def main():
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    groups, tiers, leaves = collections.Counter(), collections.Counter(), collections.defaultdict(collections.Counter)
    total = 0
    for thread, frames in samples(sys.stdin):
        if not frames:
            continue
        total += 1
        name = group(thread, frames)
        groups[name] += 1
        leaves[name][frames[0][0][:120]] += 1
        if thread == 'batch worker' and name.startswith('workers: ') and 'runtime' not in name and 'kernel' not in name and 'JIT' not in name:
            tier = TIER.search(frames[0][0])
            tiers[tier.group(1) if tier else 'ReadyToRun or native (no tier named)'] += 1
    if total == 0:
        sys.exit('no samples: give `perf script -F comm,tid,ip,sym,dso` output on standard input')
    print(f'{total} samples')
    for name, count in groups.most_common():
        print(f'{100 * count / total:5.1f} %  {count:6d}  {name}')
    managed = sum(tiers.values())
    print('\nthe workers\' code samples by the tier that ran them:')
    for name, count in tiers.most_common():
        print(f'{100 * count / managed:5.1f} %  {count:6d}  {name}')
    for name in groups if items else []:
        print(f'\n== {name}')
        for symbol, count in leaves[name].most_common(items):
            print(f'  {count:5d}  {symbol}')


if __name__ == '__main__':
    main()
