"""The help answers being worked on after their turn ended, held so none is lost.

The event loop holds tasks only weakly, so the running answers are kept here
(none is collected half way) and shutdown can wait for them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from knowledge.answering import HelpAssistant

log = logging.getLogger(__name__)


class Assistant:
    """The answering use case as the bot holds it, with the answers still being worked on."""

    def __init__(self, help_assistant: HelpAssistant) -> None:
        self.help_assistant = help_assistant
        self._pending: set[asyncio.Task[None]] = set()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def start(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(work, name="help-answer")
        self._pending.add(task)
        task.add_done_callback(self._finished)
        return task

    async def drain(self, *, timeout: float) -> None:
        """Lets answers in flight finish (for shutdown); the rest are cancelled."""
        if not self._pending:
            return
        _, unfinished = await asyncio.wait(set(self._pending), timeout=timeout)
        for task in unfinished:
            task.cancel()
        if unfinished:
            await asyncio.wait(unfinished)

    async def close(self, *, timeout: float = 10.0) -> None:
        """At shutdown: finish (or cancel) the answers in flight, then release the model."""
        await self.drain(timeout=timeout)
        await self.help_assistant.aclose()

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._pending.discard(task)
        if task.cancelled():
            log.warning("a help answer was cancelled before it was sent")
            return
        error = task.exception()
        if error is not None:
            log.error("a help answer could not be delivered", exc_info=error)
