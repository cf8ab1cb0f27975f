from __future__ import annotations

from tests.paths import FIXTURES
HELP = FIXTURES / "help"
INJECTION = FIXTURES / "injection"
MANUALS = FIXTURES / "manuals"
MEGABYTE = 1024 * 1024
TOOLS = FIXTURES / "tools"
UTILS = FIXTURES / "utils"
