"""Which process holds a claim, and whether that process is gone.

A claim names its holder as `host:pid:start` (the start is the process's start time in
clock ticks since boot, from `/proc`), so a process that has died -- killed, out of
memory -- is recognised from its own host at once, even when a new process got its pid
(in a container the restarted service is pid 1 again, with a later start). Holders on
other hosts cannot be checked: their claims lapse after a time instead. The host is the
host name and the PID namespace: replicas sharing a host name (host networking) but not
their process table must not judge each other's pids.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Holder:
    host: str
    pid: int
    start: str
    """Empty where `/proc` is missing: then only whether the pid runs is known."""

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}:{self.start}"

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        parts = text.rsplit(":", 2)
        if len(parts) != 3 or not parts[1].isdigit():
            return None
        return cls(host=parts[0], pid=int(parts[1]), start=parts[2])


def this_process() -> Holder:
    pid = os.getpid()
    return Holder(host=this_host(), pid=pid, start=_start_of(pid) or "")


def this_host() -> str:
    """`name#pid:[namespace]`: whose process table a pid is looked up in."""
    try:
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        namespace = ""
    return f"{socket.gethostname()[:100]}#{namespace}"


def is_gone(holder: Holder) -> bool:
    """True only when `holder` ran on this host and is certainly not running any more."""
    if holder.host != this_host():
        return False
    start = _start_of(holder.pid)
    if holder.start:
        return start != holder.start
    return not _runs(holder.pid)


def _start_of(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return None
    return fields[19] if len(fields) > 19 else None  # `starttime`, field 22 of proc(5)


def _runs(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
