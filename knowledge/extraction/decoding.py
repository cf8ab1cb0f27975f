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
# A lead byte and the continuation bytes it announces, valid or not (overlong, surrogate).
_UTF8_SHAPED = re.compile(
    rb"[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3}"
)
UTF8_SHAPED_SHARE = 0.5


def decode_text(data: bytes, *, filename: str) -> str:
    """Decode text bytes: a BOM wins; otherwise UTF-8, then Windows-1252 (with any UTF-8
    characters pasted in), then Latin-1.

    Raises `UnsupportedDocument` for binary data, and for UTF-8 that is damaged."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return _refuse_binary(text, filename=filename)
    if b"\x00" in data:
        raise UnsupportedDocument(
            "the file contains binary data (NUL bytes), not text", filename=filename
        )
    try:
        return _refuse_binary(data.decode("utf-8"), filename=filename)
    except UnicodeDecodeError as error:
        _refuse_broken_utf8(data, error, filename=filename)
    return _refuse_binary(_windows_1252_with_pasted_utf8(data), filename=filename)


_PASTED_UTF8 = re.compile(rb"[\xc2\xc3][\x80-\xbf]|\xe2[\x80-\xaf][\x80-\xbf]")
"""A UTF-8 Latin-1 letter or sign ("é" is C3 A9) or general punctuation ("’" is E2 80 99,
"€" E2 82 AC). Read as Windows-1252 these are "Ã©" and "â€™": a capital A with a tilde or
circumflex, or an "â", followed by symbols, which no text writes."""


def _windows_1252_with_pasted_utf8(data: bytes) -> str:
    """A Windows-1252 file, where UTF-8 characters pasted into it (a file edited in two
    editors: "café" typed in one, "– €3.50" in the other) are read as UTF-8. Bytes
    Windows-1252 leaves undefined make the file Latin-1, which takes anything."""
    parts: list[str] = []
    start = 0
    for match in _PASTED_UTF8.finditer(data):
        parts += [_single_byte(data[start:match.start()]), match.group(0).decode("utf-8")]
        start = match.end()
    parts.append(_single_byte(data[start:]))
    return "".join(parts)


def _single_byte(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _refuse_broken_utf8(data: bytes, error: UnicodeDecodeError, *, filename: str) -> None:
    """Refuse a file written as UTF-8 that holds bytes UTF-8 does not allow.

    Read as Windows-1252, its every accented letter would be indexed as two ("RÃ©");
    read as UTF-8, its broken bytes would be lost without a word. A Windows-1252
    file has single bytes above 127 between ASCII ones ("caf\xe9 "); UTF-8 has them in
    lead-and-continuation runs, and so does a damaged or mixed UTF-8 file (truncated,
    overlong or surrogate sequences): when most bytes above 127 are in such runs, the
    file is UTF-8 gone wrong.
    """
    high = sum(byte > 0x7F for byte in data)
    shaped = sum(len(run) for run in _UTF8_SHAPED.findall(data))
    if high and shaped >= high * UTF8_SHAPED_SHARE:
        raise UnsupportedDocument(
            f"the file is UTF-8 text with bytes UTF-8 does not allow (the first at byte "
            f"{error.start:,}): it is damaged or mixes encodings; save it as UTF-8 and "
            "upload it again",
            filename=filename,
        )


def _refuse_binary(text: str, *, filename: str) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) * MAX_CONTROL_SHARE):
        raise UnsupportedDocument(
            "the file does not look like text (too many control characters)", filename=filename
        )
    return text
