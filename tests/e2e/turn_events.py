"""What a turn makes the database layer do, left apart from the service's background loops."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import event

T = TypeVar("T")


@contextmanager
def turn_events(target: Any, name: str, pick: Callable[..., T]) -> Iterator[list[T]]:
    """`pick(*arguments)` of every `name` event of `target` while the block is open, but for
    those of the service's background loops (tasks named `ticketflow-…`: change capture,
    reminders, digests, delivery, indexing), which may poll at any moment."""
    seen: list[T] = []

    def record(*arguments: Any) -> None:
        task = asyncio.current_task()
        if task is None or not task.get_name().startswith("ticketflow-"):
            seen.append(pick(*arguments))

    event.listen(target, name, record)
    try:
        yield seen
    finally:
        event.remove(target, name, record)
