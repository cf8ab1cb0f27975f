"""`ticketflow worker` as a child process on the test database, as an operator starts it."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

CONCURRENCY = 8
"""Deliveries each worker process holds at once (and leases per batch)."""


async def start_worker(database_url: str, tmp_path: Path) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "TICKETFLOW_DATABASE_URL": database_url,
        "TICKETFLOW_ENV": "test",
        "TICKETFLOW_TEST_ALLOW_LOOPBACK_WEBHOOKS": "1",
    }
    log = tmp_path / f"worker-{len(list(tmp_path.glob('worker-*')))}.log"
    with log.open("wb") as stderr:  # the child keeps its own copy of the descriptor
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "ticketflow.cli",
            "worker",
            "--lease",
            "2",
            "--poll",
            "0.1",
            "--concurrency",
            str(CONCURRENCY),
            "--batch",
            str(CONCURRENCY),
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=stderr,
        )
