"""The Teams delivery a turn runs for, named by its receipt key (`bot.transport.dedupe`).

A turn runs again when its process died before answering (`bot.transport.endpoint`):
every write a turn makes to tickets (filing one, changing or commenting on one) takes this
key into its own transaction, so the second run finds what the first one committed and
neither repeats it nor refuses it as done already. A context
variable, not an argument: the key belongs to the transport, and the actions that file
tickets are reached from messages, dialogs, cards and message extensions alike.

The tickets a turn has filed or changed so far are kept likewise (`made_so_far`): a turn
that fails after some of its changes are committed ("close 4 and 5", 5 refused by the
database) must not tell the person that nothing was changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from domain.events import EventType, TicketEvent

_CURRENT: ContextVar[str | None] = ContextVar("ticketflow_delivery", default=None)
_MADE: ContextVar[dict[str, bool] | None] = ContextVar("ticketflow_made", default=None)
"""Each ticket the turn has written to so far → whether it filed it."""


@contextmanager
def running_for(delivery: str | None) -> Iterator[None]:
    """The turn inside runs for `delivery` (None: an activity without a receipt); a part
    of it ("… and close it") runs for a key of its own and shares what the turn made."""
    token = _CURRENT.set(delivery)
    made = _MADE.set({}) if _MADE.get() is None else None
    try:
        yield
    finally:
        if made is not None:
            _MADE.reset(made)
        _CURRENT.reset(token)


def note_committed(events: Sequence[TicketEvent]) -> None:
    """Called by the unit of work once a change is committed (outside a turn: ignored)."""
    made = _MADE.get()
    if made is None:
        return
    for event in events:
        number = event.ticket.ticket_number
        made[number] = made.get(number, False) or event.type is EventType.CREATED


def made_so_far() -> Mapping[str, bool]:
    """The tickets this turn has filed (True) or changed (False), in the order written."""
    return dict(_MADE.get() or {})


def current_delivery() -> str | None:
    return _CURRENT.get()


def part_of(delivery: str | None, part: int) -> str | None:
    """The key of the `part`th change one message asks for ("rename 4 … and close it"):
    the turn's key for the first, and for each later one a key of the same length derived
    from it, so a turn run again finds each part's write and none is taken for another's."""
    if delivery is None or part <= 1:
        return delivery
    return hashlib.sha256(f"{delivery}:part {part}".encode()).hexdigest()
