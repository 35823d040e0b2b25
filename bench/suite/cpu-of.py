#!/usr/bin/env python3
"""Runs a command and prints the CPU (user + sys) of every process it started, and its wall time.

Usage: bench/suite/cpu-of.py [--by-process] COMMAND [ARG...]

The wrapper makes itself the child subreaper (prctl PR_SET_CHILD_SUBREAPER), so processes that
outlive their parent (MSBuild's worker nodes, a test's orphans) are handed to it and reaped, and
their CPU is counted too. It waits until every descendant has ended: run builds with the build
servers off (--disable-build-servers), or it waits for them as well. On a loaded machine only the
CPU figure carries over to a quiet one; the wall time is the queue's.

With --by-process it also says where that CPU went, by kind of process (a Chromium renderer, its
GPU process, the Playwright driver, the test host, ...): it reads the CPU of every process of the
process group's session from /proc five times a second and keeps each process's last reading.
The kinds' sum falls short of the total by what ran after a process's last reading and by
processes that lived less than a fifth of a second (reported as "unsampled").
"""
import collections
import ctypes
import os
import resource
import sys
import threading
import time

PR_SET_CHILD_SUBREAPER = 36
TICKS = os.sysconf("SC_CLK_TCK")


def kind_of(pid: str, comm: str) -> str:
    """A process's kind: its program's name, with a Chromium process's --type (renderer, gpu-process...)."""
    if comm.startswith("playwright_chro") or comm in ("chromium", "chrome"):
        comm = "chromium"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return comm
    if len([arg for arg in args if arg]) == 1:
        args = args[0].split(b" ")  # a title the process wrote over its arguments (Chromium's helpers do)
    program = os.path.basename(args[0].decode(errors="replace")) if args and args[0] else comm
    if program.startswith("playwright_chromium") or comm == "chromium":
        program = "chromium"
    if program == "dotnet" and len(args) > 1:
        program = "dotnet " + os.path.basename(args[1].decode(errors="replace"))
    for arg in args:
        if arg.startswith(b"--type="):
            return program + " " + arg[len(b"--type="):].decode(errors="replace")
    return program


class ProcessSampler(threading.Thread):
    """Reads the CPU (user + sys, not its children's) of every descendant of this process from /proc."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.last: dict[tuple[str, int], tuple[str, str, float]] = {}  # (pid, start time) -> (comm, kind, seconds)
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.2):
            self.sample()

    def sample(self) -> None:
        parents: dict[str, tuple[str, str, float, int]] = {}
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            comm = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            parents[pid] = (fields[1], comm, (int(fields[11]) + int(fields[12])) / TICKS, int(fields[19]))
        mine = {str(self.root)}
        changed = True
        while changed:
            changed = False
            for pid, (ppid, *_rest) in parents.items():
                if pid not in mine and ppid in mine:
                    mine.add(pid)
                    changed = True
        for pid in mine - {str(self.root)}:
            if pid not in parents:
                continue
            _, comm, seconds, started = parents[pid]
            key = (pid, started)
            # A process's kind is read again when it runs another program (a script's exec).
            kind = self.last[key][1] if key in self.last and self.last[key][0] == comm else kind_of(pid, comm)
            self.last[key] = (comm, kind, seconds)

    def report(self, total: float) -> None:
        by_kind: dict[str, list[float]] = collections.defaultdict(list)
        for _, kind, seconds in self.last.values():
            by_kind[kind].append(seconds)
        sampled = 0.0
        for kind, seconds in sorted(by_kind.items(), key=lambda item: -sum(item[1])):
            sampled += sum(seconds)
            print(f"cpu-of:   {sum(seconds):7.1f} s  {len(seconds):4d} processes  {kind}", file=sys.stderr)
        print(f"cpu-of:   {total - sampled:7.1f} s  unsampled", file=sys.stderr)


def main() -> int:
    by_process = len(sys.argv) > 1 and sys.argv[1] == "--by-process"
    command = sys.argv[2:] if by_process else sys.argv[1:]
    if not command:
        print(__doc__, file=sys.stderr)
        return 2
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("cpu-of: prctl(PR_SET_CHILD_SUBREAPER) failed", file=sys.stderr)
        return 2
    start = time.monotonic()
    child = os.fork()
    if child == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    sampler = ProcessSampler(os.getpid()) if by_process else None
    if sampler is not None:
        sampler.start()
    status = 0
    while True:
        try:
            pid, code = os.wait()
        except ChildProcessError:
            break
        if pid == child:
            status = os.waitstatus_to_exitcode(code)
    wall = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    print(f"cpu-of: {usage.ru_utime + usage.ru_stime:.1f} s CPU ({usage.ru_utime:.1f} user + {usage.ru_stime:.1f} sys), "
          f"{wall:.1f} s wall, exit {status}, load {load:.1f} at the end", file=sys.stderr)
    if sampler is not None:
        sampler.stopped.set()
        sampler.join()
        sampler.report(usage.ru_utime + usage.ru_stime)
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
