"""The Teams delivery a turn runs for, named by its receipt key (`bot.transport.dedupe`).

A turn runs again when its process died before answering (`bot.transport.endpoint`):
every write a turn makes to tickets (filing one, changing or commenting on one) takes this
key into its own transaction, so the second run finds what the first one committed and
neither repeats it nor refuses it as done already. A context
variable, not an argument: the key belongs to the transport, and the actions that file
tickets are reached from messages, dialogs, cards and message extensions alike.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_CURRENT: ContextVar[str | None] = ContextVar("ticketflow_delivery", default=None)


@contextmanager
def running_for(delivery: str | None) -> Iterator[None]:
    """The turn inside runs for `delivery` (None: an activity without a receipt)."""
    token = _CURRENT.set(delivery)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current_delivery() -> str | None:
    return _CURRENT.get()


def part_of(delivery: str | None, part: int) -> str | None:
    """The key of the `part`th change one message asks for ("rename 4 … and close it"):
    the turn's key for the first, and for each later one a key of the same length derived
    from it, so a turn run again finds each part's write and none is taken for another's."""
    if delivery is None or part <= 1:
        return delivery
    return hashlib.sha256(f"{delivery}:part {part}".encode()).hexdigest()
