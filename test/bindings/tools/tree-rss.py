#!/usr/bin/env python3
"""Runs a command and reports its wall time and the peak of the summed RSS of its whole process tree.

/usr/bin/time -v reports the largest single process among those it waited for; a jsii host (Go, Java,
Python) runs its JavaScript in a Node.js child, which the Go runtime, for one, never waits for. This
samples /proc every 20 ms instead and sums the RSS of the command and all its descendants.

    tree-rss.py OUTFILE -- command [args...]     (writes "<wall seconds>\t<peak tree RSS kB>" to OUTFILE)
"""
import os
import subprocess
import sys
import time


def tree_rss_kb(root: int) -> int:
    children = {}
    rss = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss[int(pid)] = int(line.split()[1])
                        break
            children.setdefault(ppid, []).append(int(pid))
        except (OSError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def main() -> int:
    out, sep, *command = sys.argv[1:]
    assert sep == "--" and command, __doc__
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.02)
    wall = time.monotonic() - start
    with open(out, "w") as f:
        f.write(f"{wall:.3f}\t{peak}\n")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
