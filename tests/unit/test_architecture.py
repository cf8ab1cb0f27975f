"""The layer rules of DESIGN.md, checked on every test run rather than by review."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_layers_import_only_what_the_design_allows() -> None:
    result = run(str(Path(sys.executable).with_name("lint-imports")), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_domain_bot_and_application_parts_type_check_strictly() -> None:
    packages = ("domain", "bot", "knowledge", "notify")
    result = run(sys.executable, "-m", "mypy", "--strict", *(f"-p={name}" for name in packages))
    assert result.returncode == 0, result.stdout + result.stderr
