"""One message at a time per person and conversation, in the process that receives them.

A double tap on a choice button sends two messages at once, each with its own id (so
redelivery does not join them): run side by side, both turns read the same dialog state
and both acted on it -- the last answer of `new ticket` filed two tickets. Taking turns,
the second message is read after the first has saved what it changed, as if typed again.

A message waits here before its turn takes a database connection (`MessagesEndpoint`):
a turn waiting while holding one starved the pool under a burst, since the turn it
waited for needed a connection again to save its state.

A turn can be slow for long (a Bot Connector that stops answering is given 100 s), so a
message waits at most `patience` seconds for a turn that holds its place, then moves past
it: the person's next messages are never held up by one stuck turn for longer than that,
nor are Teams' resends of them (sent after ~15 s without an answer) stacked behind it.
Those that move past it still take turns among themselves (a double tap during a slow turn
files one ticket).

Only a conversation in use holds a lock, so the table never outgrows the turns under way.
Two replicas receiving the two messages still race; the state's e-tag then keeps one
turn's state and the other turn says so (`bot.handler.TicketFlowBot._save_state`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

DEFAULT_PATIENCE = 10.0
"""Seconds a message waits for the turn before it: turns take well under a second, and
Teams resends a message it has had no answer to for ~15 s."""


@dataclass(slots=True)
class _Queue:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    """The turns' lock; a new one once its holder has been stuck past the patience, which
    the turns that moved past it then take in turn."""
    users: int = 0
    """Turns holding or waiting for the lock: when none is left, the entry goes."""
    held_since: float = 0.0
    """When the lock's holder took it (the event loop's clock)."""


class ConversationTurns:
    def __init__(self, *, patience: float = DEFAULT_PATIENCE) -> None:
        self._patience = patience
        self._queues: dict[Hashable, _Queue] = {}

    @asynccontextmanager
    async def turn_of(self, key: Hashable, *, activity_id: str | None) -> AsyncIterator[None]:
        """Runs the block once every earlier turn under `key` has finished its block, or
        once it has waited `patience` seconds for them."""
        queue = self._queues.setdefault(key, _Queue())
        queue.users += 1
        held: asyncio.Lock | None = None
        clock = asyncio.get_running_loop().time
        try:
            if queue.lock.locked():
                log.info("message %s waits for the turn before it in its conversation",
                         activity_id)
            while held is None:
                lock = queue.lock
                left = self._patience - (clock() - queue.held_since) if lock.locked() else (
                    self._patience)
                try:
                    async with asyncio.timeout(max(left, 0.0)):
                        await lock.acquire()
                    held, queue.held_since = lock, clock()
                except TimeoutError:
                    if queue.lock is lock and clock() - queue.held_since >= self._patience:
                        log.warning("message %s waited %.1f s for a turn stuck in its "
                                    "conversation; it and the turns after it move past it",
                                    activity_id, self._patience)
                        queue.lock = asyncio.Lock()  # the stuck turn keeps the old one
            yield
        finally:
            if held is not None:
                held.release()
            queue.users -= 1
            if queue.users == 0:
                del self._queues[key]

    def __len__(self) -> int:
        """Conversations with a turn under way or waiting."""
        return len(self._queues)
