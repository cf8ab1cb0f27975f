"""Plain-text help files: underlined titles become headings, nothing else changes."""

from __future__ import annotations

import re

_UNDERLINED = re.compile(r"(?m)^(?P<text>\S[^\n]*)\n(?P<rule>={3,}|-{3,})[ \t]*$")
_TITLE_MAX_WORDS = 12


def plain_to_text(text: str) -> tuple[str | None, str]:
    """Return a title (an underlined or short first line) and the text."""
    text = _UNDERLINED.sub(_underline_to_heading, text).strip()
    first_line = text.split("\n", 1)[0].lstrip("# ").strip()
    looks_like_title = 0 < len(first_line.split()) <= _TITLE_MAX_WORDS and not first_line.endswith(
        (".", ":")
    )
    return (first_line if looks_like_title else None), text


def _underline_to_heading(match: re.Match[str]) -> str:
    level = "#" if match.group("rule").startswith("=") else "##"
    return f"{level} {match.group('text').strip()}"
