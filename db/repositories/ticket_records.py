"""What hangs off a ticket: `task_comments`, `task_history`, `task_attachments`."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.records import to_row, to_value
from db.tables import task_attachments, task_comments, task_history
from domain.tickets import Attachment, Comment, HistoryEntry

R = TypeVar("R")


class _TaskRecords(Generic[R]):
    """Rows that belong to one task, oldest first."""

    table: Table
    record: type[R]

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def _insert(self, **values: Any) -> R:
        result = await self._db.execute(self.table.insert().values(**values).returning(self.table))
        return to_value(self.record, result.mappings().one())

    async def for_task(self, task_id: int) -> list[R]:
        query = select(self.table).where(self.table.c.task_id == task_id).order_by(self.table.c.id)
        return [to_value(self.record, row) for row in (await self._db.execute(query)).mappings()]


class SqlCommentRepository(_TaskRecords[Comment]):
    table, record = task_comments, Comment

    async def add(self, *, task_id: int, user_id: str, content: str, now: datetime) -> Comment:
        return await self._insert(task_id=task_id, user_id=user_id, content=content, created_at=now)


class SqlAttachmentRepository(_TaskRecords[Attachment]):
    table, record = task_attachments, Attachment


class SqlHistoryRepository(_TaskRecords[HistoryEntry]):
    """History rows are queued and flushed with the change they describe, before commit."""

    table, record = task_history, HistoryEntry

    def __init__(self, connection: AsyncConnection) -> None:
        super().__init__(connection)
        self._pending: list[HistoryEntry] = []

    def add(self, entry: HistoryEntry) -> None:
        self._pending.append(entry)

    def discard(self) -> None:
        self._pending.clear()

    async def flush(self, *, now: datetime) -> None:
        if not self._pending:
            return
        rows = [
            to_row(entry, self.table, exclude=frozenset({"id"})) | {"created_at": entry.created_at or now}
            for entry in self._pending
        ]
        self._pending.clear()
        await self._db.execute(self.table.insert(), rows)
