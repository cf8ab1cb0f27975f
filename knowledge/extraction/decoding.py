"""Turn the bytes of a text upload into a string.

Help documents come from many editors: UTF-8 with or without a byte-order mark,
UTF-16 from Windows tools, and Windows-1252 from older ones. Guessing wrong must
never raise an unexplained UnicodeDecodeError, and binary data must be refused
rather than indexed as mojibake.
"""

from __future__ import annotations

import codecs
import re

from .errors import UnsupportedDocument

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.01  # more than 1% control characters means it is not text


def decode_text(data: bytes, *, filename: str) -> str:
    """Decode text bytes: a BOM wins; otherwise UTF-8, then Windows-1252, then Latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return _refuse_binary(text, filename=filename)
    if b"\x00" in data:
        raise UnsupportedDocument(
            "the file contains binary data (NUL bytes), not text", filename=filename
        )
    for encoding in ("utf-8", "cp1252"):
        try:
            return _refuse_binary(data.decode(encoding), filename=filename)
        except UnicodeDecodeError:
            continue
    return _refuse_binary(data.decode("latin-1"), filename=filename)


def _refuse_binary(text: str, *, filename: str) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) * MAX_CONTROL_SHARE):
        raise UnsupportedDocument(
            "the file does not look like text (too many control characters)", filename=filename
        )
    return text
