"""Plain-text help files: underlined titles and an FAQ's "Q:" questions become headings,
nothing else changes."""

from __future__ import annotations

import re

_UNDERLINED = re.compile(r"(?m)^(?P<text>\S[^\n]*)\n(?P<rule>={3,}|-{3,})[ \t]*$")
_TITLE_MAX_WORDS = 12
# "Q: When do I get paid?" on its own line, with "A: …" on the next: an FAQ's markers.
_QUESTION_AND_ANSWER = re.compile(
    r"(?m)^(?:Q|Question)[ \t]*[:.][ \t]+(?P<question>[^\n]+\?)[ \t]*\n"
    r"(?:A|Answer)[ \t]*[:.][ \t]+(?=\S)"
)


def plain_to_text(text: str) -> tuple[str | None, str]:
    """Return a title (an underlined or short first line) and the text."""
    text = _UNDERLINED.sub(_underline_to_heading, text).strip()
    text = _QUESTION_AND_ANSWER.sub(_question_to_heading, text)
    first_line = text.split("\n", 1)[0].lstrip("# ").strip()
    looks_like_title = 0 < len(first_line.split()) <= _TITLE_MAX_WORDS and not first_line.endswith(
        (".", ":")
    )
    return (first_line if looks_like_title else None), text


def _underline_to_heading(match: re.Match[str]) -> str:
    level = "#" if match.group("rule").startswith("=") else "##"
    return f"{level} {match.group('text').strip()}"


def _question_to_heading(match: re.Match[str]) -> str:
    """The question heads its answer, as an FAQ page's question heading does, and the
    markers go: a long question was read as its answer's first sentence and quoted with
    it ("Q: How do I change the bank account …? A: Update it in MyPay …")."""
    return f"## {match.group('question').strip()}\n"
