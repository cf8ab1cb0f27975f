"""What an action answers: a card and/or a line, choices to press, and the ticket it was about."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.actions.option import Option
from bot.actions.pending import Pending

if TYPE_CHECKING:
    from bot.understanding.requests import TicketRequest

Card = dict[str, Any]
__all__ = ["Card", "ListPage", "Option", "Reply"]


@dataclass(frozen=True, slots=True)
class ListPage:
    """Where a list card is: its query (as the card's buttons carry it), the first row's
    place, how many rows it shows of how many, and the page size; so "next" or "more"
    typed after it turns the page as its Next button does."""

    query: dict[str, Any]
    offset: int
    shown: int
    total: int
    limit: int

    def next_offset(self) -> int | None:
        end = self.offset + self.shown
        return end if end < self.total else None

    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None

    def to_data(self) -> dict[str, Any]:
        return {"query": self.query, "offset": self.offset, "shown": self.shown,
                "total": self.total, "limit": self.limit}

    @classmethod
    def from_data(cls, data: object) -> ListPage | None:
        """None for anything this version did not write."""
        if not isinstance(data, dict) or not isinstance(data.get("query"), dict):
            return None
        numbers = [data.get(key) for key in ("offset", "shown", "total", "limit")]
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
            return None
        offset, shown, total, limit = (int(n) for n in numbers if isinstance(n, int))
        return cls(data["query"], offset, shown, total, max(1, limit))


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
    page: ListPage | None = None
    """Where that list is, for "next" or "more" next."""
    confirm: Mapping[str, Any] | None = None
    """What the card's confirm button sends: a typed "yes" as the next message sends it too."""
