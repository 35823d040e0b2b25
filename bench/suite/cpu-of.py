#!/usr/bin/env python3
"""Runs a command and prints the CPU (user + sys) of every process it started, and its wall time.

Usage: bench/suite/cpu-of.py COMMAND [ARG...]

The wrapper makes itself the child subreaper (prctl PR_SET_CHILD_SUBREAPER), so processes that
outlive their parent (MSBuild's worker nodes, a test's orphans) are handed to it and reaped, and
their CPU is counted too. It waits until every descendant has ended: run builds with the build
servers off (--disable-build-servers), or it waits for them as well. On a loaded machine only the
CPU figure carries over to a quiet one; the wall time is the queue's.
"""
import ctypes
import os
import resource
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main() -> int:
    if len(sys.argv) < 2:
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
            os.execvp(sys.argv[1], sys.argv[1:])
        finally:
            os._exit(127)
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
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
