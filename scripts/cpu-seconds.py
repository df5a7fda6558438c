#!/usr/bin/env python3
"""Prints the CPU seconds (user + system) used so far by the MotCua web app and by one PostgreSQL cluster.

Usage: scripts/cpu-seconds.py PGDATA_DIR
Read it before and after a `motcua bench dossiers` run; the differences divided by the requests sent give the CPU per
request of each side (docs/benchmarks.md). The web app is the process whose command line names MotCua.Web.dll; the
cluster is the postmaster whose command line names PGDATA_DIR, plus its children (backends, WAL writer, ...), with the
CPU of children that already exited (the postmaster's cutime/cstime).
"""
import os
import sys

HZ = os.sysconf("SC_CLK_TCK")


def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), [int(x) for x in fields[11:15]]  # ppid; utime, stime, cutime, cstime


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    pgdata = sys.argv[1]
    pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    web = pg = 0.0
    postmaster = None
    for pid in pids:
        command = cmdline(pid)
        if "MotCua.Web.dll" in command:
            web += sum(stat(pid)[1][:2]) / HZ
        if "postgres" in command and pgdata in command:
            postmaster = pid
    for pid in pids if postmaster else []:
        try:
            ppid, times = stat(pid)
        except OSError:
            continue
        if pid == postmaster:
            pg += sum(times) / HZ
        elif ppid == postmaster:
            pg += sum(times[:2]) / HZ
    print(f"{web:.2f} {pg:.2f}")


main()
