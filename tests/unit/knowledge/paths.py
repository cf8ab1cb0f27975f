from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HELP = FIXTURES / "help"
INJECTION = FIXTURES / "injection"
MANUALS = FIXTURES / "manuals"
MEGABYTE = 1024 * 1024
