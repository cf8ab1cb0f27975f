"""`ticketflow serve` as a real process on a free loopback port, for the tests that kill,
restart or run it twice; what it logged is shown when such a test fails."""

from __future__ import annotations

import os
import random
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


EPHEMERAL_PORTS = Path("/proc/sys/net/ipv4/ip_local_port_range")
LOWEST_PORT = 10_000
"""Below this, ports a developer's own services tend to use (PostgreSQL, the bot's 3978)."""


def free_port() -> int:
    """A loopback port free now, from outside the kernel's ephemeral range.

    The server binds it only after Python has started and imported the service (seconds on a
    loaded machine). A port the kernel hands out itself can meanwhile become an outgoing
    connection's source port, or a stand-in's port bound to 0, and the server then cannot
    listen; the kernel never hands out ports below its ephemeral range."""
    low, high = _ephemeral_ports()
    candidates = range(LOWEST_PORT, low) if low - LOWEST_PORT >= 1_000 else range(high + 1, 65_536)
    for port in random.sample(candidates, k=min(len(candidates), 200)):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as probe:  # no room outside the ephemeral range: the kernel's choice
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _ephemeral_ports() -> tuple[int, int]:
    try:
        low, high = EPHEMERAL_PORTS.read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32_768, 60_999  # Linux's default; other systems start theirs higher


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


async def until_ready(session: aiohttp.ClientSession, port: int,
                      process: subprocess.Popen[bytes] | None = None) -> None:
    """Returns once the server on `port` answers /readyz; fails at once if `process` ends."""

    async def ready() -> bool:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the server for port {port} exited ({process.returncode}) "
                                 "before it was ready")
        try:
            async with session.get(f"http://127.0.0.1:{port}/readyz") as answer:
                return answer.status == 200
        except aiohttp.ClientError:
            return False

    # A safety net, not a timing: on a loaded two-core machine starting Python and importing
    # the service has taken over 30 s (the server logged nothing yet).
    await eventually(ready, what=f"the server on port {port} ready", seconds=120, every=0.05)
