"""`ticketflow serve` stops on SIGTERM: no new turns, in-flight work finished, exit 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.e2e.served import free_port


def test_serve_shuts_down_cleanly_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "TICKETFLOW_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}
    env.pop("TICKETFLOW_TEST_DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "ticketflow.cli", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        # A safety net, not a timing: starting Python and importing the service has taken over
        # 30 s on a loaded two-core machine.
        deadline = time.monotonic() + 120
        while not _ready(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the server did not become ready: {process.poll()=}")
            time.sleep(0.05)  # polling a subprocess from a synchronous test, not a timing
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, output
    assert "shutting down: no new turns; finishing those in flight" in output
    assert "Local development mode is on" in output


def _ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=30) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False
