"""`ticketflow serve` that cannot listen says why in one line and exits, leaving no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.served import ROOT


def serve(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TICKETFLOW_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
           "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "ticketflow.cli", "serve", *arguments],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180,
    )


def test_a_port_already_taken_is_named_in_one_line_and_the_service_exits(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        finished = serve(tmp_path, "--port", str(port))
    assert finished.returncode == 2
    assert "Traceback" not in finished.stderr
    last = finished.stderr.strip().splitlines()[-1]
    assert last.startswith(f"ticketflow: cannot listen on 127.0.0.1:{port}: ")
    assert "--port" in last and "TICKETFLOW_PORT" in last


@pytest.mark.parametrize("port", ["0", "65536", "http", "-1"])
def test_a_port_that_is_no_port_number_is_refused_before_anything_starts(
    tmp_path: Path, port: str
) -> None:
    finished = serve(tmp_path, f"--port={port}")
    assert finished.returncode == 2
    assert f"argument --port: {port!r} is not a port number (1–65535)" in finished.stderr
    assert not (tmp_path / "serve.db").exists()
