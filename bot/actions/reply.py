"""What an action answers: a card and/or a line, choices to press, and the ticket it was about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.actions.option import Option
from bot.actions.pending import Pending

if TYPE_CHECKING:
    from bot.understanding.requests import TicketRequest

Card = dict[str, Any]
__all__ = ["Card", "Option", "Reply"]


@dataclass(frozen=True, slots=True)
class Reply:
    text: str | None = None
    card: Card | None = None
    options: tuple[Option, ...] = ()
    ticket: str | None = None
    """The ticket number shown or changed: what "it" means in the next message."""
    dialog: TicketRequest | None = None
    """A new ticket with pieces missing: the caller runs the `new ticket` conversation."""
    asks: Pending | None = None
    """The question `text` asks: the next message may answer it (kept across turns)."""
    listed: tuple[tuple[str, str], ...] | None = None
    """A list shown: its numbers and titles, in order, for "the switch one" next."""
