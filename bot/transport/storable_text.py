"""Text in an activity that no database column takes: NUL, and lone UTF-16 surrogates.

JSON may carry both as escapes (`\\u0000`, `\\ud83d` without its pair); Python reads
them into `str` and PostgreSQL then refuses the turn's writes (`text` and `jsonb` take
neither), so a message with one was a failed turn and a 500. The activity is cleaned
when it is read: NUL is dropped, a lone surrogate becomes U+FFFD, as a client that
cannot show it would. Only bodies that spell such an escape are walked.
"""

from __future__ import annotations

import re
from typing import Any

_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def might_hold_unstorable_text(body: bytes) -> bool:
    """Whether the JSON `body` spells an escape that may read as unstorable text (a
    surrogate pair matches too: it reads as one character and is left alone)."""
    return _ESCAPE.search(body) is not None


def storable(value: Any) -> Any:
    """`value` (parsed JSON) with every string, keys included, cleaned."""
    if isinstance(value, str):
        return _UNSTORABLE.sub(_replacement, value) if _UNSTORABLE.search(value) else value
    if isinstance(value, dict):
        return {storable(key): storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable(item) for item in value]
    return value


def _replacement(found: re.Match[str]) -> str:
    return "" if found.group() == "\x00" else "\ufffd"
