"""`ticketflow serve` as a real process on a free loopback port, for the tests that kill,
restart or run it twice; what it logged is shown when such a test fails."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import aiohttp

from tests.waiting import eventually

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(database_url: str, port: int, *,
            settings: Mapping[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """The service on `port`, this checkout's code, stopped (if still running) at the end."""
    env = {**os.environ, "TICKETFLOW_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT),
           **(settings or {})}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "ticketflow.cli", "serve", "--port", str(port)],
            env=env, cwd=ROOT, stdout=log, stderr=log,
        )
        try:
            yield process
        except BaseException:
            log.seek(0)
            sys.stderr.write(f"--- the server on port {port} logged:\n")
            sys.stderr.write(log.read().decode(errors="replace")[-20_000:])
            raise
        finally:
            if process.poll() is None:
                process.terminate()
            process.wait(timeout=60)


async def until_ready(session: aiohttp.ClientSession, port: int) -> None:
    async def ready() -> bool:
        try:
            async with session.get(f"http://127.0.0.1:{port}/readyz") as answer:
                return answer.status == 200
        except aiohttp.ClientError:
            return False

    # A safety net, not a timing: on a loaded two-core machine starting Python and importing
    # the service has taken over 30 s (the server logged nothing yet).
    await eventually(ready, what=f"the server on port {port} ready", seconds=120, every=0.05)
