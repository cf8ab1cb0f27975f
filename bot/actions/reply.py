"""What an action answers: a card and/or a line, choices to press, and the ticket it was about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.understanding.requests import TicketRequest

Card = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Option:
    """A button (Teams) or a numbered line (terminal) that sends `says` as the next message."""

    label: str
    says: str


@dataclass(frozen=True, slots=True)
class Reply:
    text: str | None = None
    card: Card | None = None
    options: tuple[Option, ...] = ()
    ticket: str | None = None
    """The ticket number shown or changed: what "it" means in the next message."""
    dialog: TicketRequest | None = None
    """A request with pieces missing: the caller asks for them, one question at a time."""
