"""Look at this test process's children through /proc (Linux), zombies included."""

from __future__ import annotations

import os
from pathlib import Path


def child_states() -> dict[int, str]:
    """Process id to state letter ("Z" is a zombie) for every child of this process."""
    children: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # exited while we looked
        # The command name is in parentheses and may contain spaces.
        state, parent = text.rsplit(")", 1)[1].split()[:2]
        if int(parent) == os.getpid():
            children[int(stat.parent.name)] = state
    return children


def process_exists(pid: int) -> bool:
    """True for a running process and for a zombie that nobody has reaped."""
    return Path(f"/proc/{pid}").exists()
