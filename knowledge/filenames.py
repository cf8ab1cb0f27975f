"""The name an uploaded file is stored and shown under.

A file name is whatever bytes its file system allowed: on Linux anything but `/` and NUL,
not necessarily UTF-8 (Python hands those bytes over as lone surrogates, which no database
driver will encode), with newlines that break `docs list`, right-to-left overrides that
disguise an extension (`invoice\u202etxt.exe` reads as `invoiceexe.txt`), and up to 255
bytes. The stored name is the readable part of it.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

LONGEST = 255
"""Characters kept; the extension survives the cut."""
UNNAMED = "unnamed"
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def stored_filename(name: str) -> str:
    """The last part of `name`, as valid UTF-8 without control or invisible formatting
    characters, at most `LONGEST` characters; `UNNAMED` when nothing readable is left."""
    readable = "".join(
        " " if character.isspace() else character
        for character in _valid_text(PurePath(name.replace("\\", "/")).name)
        if character.isspace() or unicodedata.category(character) not in _HIDDEN_CATEGORIES
    )
    cleaned = " ".join(readable.split())
    if not cleaned.strip("."):
        return UNNAMED
    return _shortened(cleaned)


def _valid_text(name: str) -> str:
    """Undecodable bytes (kept by Python as surrogates) become U+FFFD, as a viewer shows them."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that no file system byte stands for
        return "".join("\ufffd" if unicodedata.category(c) == "Cs" else c for c in name)


def _shortened(name: str) -> str:
    if len(name) <= LONGEST:
        return name
    suffix = PurePath(name).suffix
    suffix = suffix if len(suffix) <= 16 else ""
    return name[: LONGEST - len(suffix) - 1].rstrip() + "…" + suffix
