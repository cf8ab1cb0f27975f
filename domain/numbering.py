"""Ticket numbers: `<PREFIX>-<YEAR>-<NNNN>`, at least four digits, growing past 9999."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.errors import InvalidValue

DEFAULT_PREFIX = "TKT"
MAX_NUMBER_LENGTH = 20
MAX_SEQUENCE_DIGITS = MAX_NUMBER_LENGTH - len("T-2026-")  # the most a number can have
MAX_TICKET_ID = 2**31 - 1  # `tasks.id` is a 32-bit serial
_MAX_ID_DIGITS = len(str(MAX_TICKET_ID))
_PREFIX = re.compile(r"^[A-Z][A-Z0-9]{0,9}$")
_PREFIX_CHARS = r"[A-Za-z][A-Za-z0-9]{0,9}"
NUMBER_PATTERN = rf"{_PREFIX_CHARS}-[0-9]{{4}}-[0-9]{{1,10}}"
"""A ticket number in any case, in ASCII digits: for schemas that describe a reference."""
_NUMBER = re.compile(rf"^\s*({_PREFIX_CHARS})-(\d{{4}})-(\d{{1,10}})\s*$")
_NUMBER_IN_TEXT = re.compile(rf"{_PREFIX_CHARS}-\d{{4}}-\d+")


@dataclass(frozen=True, slots=True)
class TicketNumber:
    prefix: str
    year: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}-{self.sequence:04d}"

    @property
    def series(self) -> str:
        """The part shared by every number of a prefix and year, e.g. `TKT-2026-`."""
        return f"{self.prefix}-{self.year}-"


def validate_prefix(prefix: str) -> str:
    cleaned = prefix.strip().upper()
    if not _PREFIX.match(cleaned):
        raise InvalidValue("ticket_prefix", "use 1–10 letters or digits, starting with a letter")
    return cleaned


def parse_ticket_number(text: str) -> TicketNumber | None:
    """`tkt-2026-7` → TKT-2026-0007; None when the text is not a ticket number."""
    match = _NUMBER.match(text)
    if match is None:
        return None
    prefix, year, sequence = match.groups()
    return TicketNumber(prefix.upper(), int(year), int(sequence))


def ticket_number_in(text: str) -> TicketNumber | None:
    """The first well-formed ticket number written anywhere in `text` ("TKT-2026-0002 vendor
    says next week"), or None."""
    for found in _NUMBER_IN_TEXT.finditer(text):
        if (number := parse_ticket_number(found.group(0))) is not None:
            return number
    return None


def mentions_ticket_number(text: str) -> bool:
    """Whether something shaped like a ticket number appears anywhere in `text`."""
    return _NUMBER_IN_TEXT.search(text) is not None


def parse_ticket_id(text: str) -> int | None:
    """`42` → 42; None for anything that is not a ticket id, including out-of-range digits.

    The length is checked before `int()`: a reference of thousands of digits must read as
    "no such ticket", not trip Python's 4,300-digit conversion limit.
    """
    digits = text.strip()
    if not digits.isdecimal() or len(digits) > _MAX_ID_DIGITS:  # not isdigit: int() rejects "²"
        return None
    number = int(digits)
    return number if 0 < number <= MAX_TICKET_ID else None


def next_number(prefix: str, year: int, highest: int | None) -> TicketNumber:
    number = TicketNumber(prefix, year, (highest or 0) + 1)
    if len(str(number)) > MAX_NUMBER_LENGTH:
        raise InvalidValue("ticket_number", f"{number} is longer than {MAX_NUMBER_LENGTH} chars")
    return number
