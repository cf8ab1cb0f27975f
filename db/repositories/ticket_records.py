"""What hangs off a ticket: `task_comments`, `task_history`, `task_attachments`."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, bindparam, func, or_, select
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


_LATEST_COMMENTS = (
    select(task_comments, func.count().over().label("total"))
    .where(task_comments.c.task_id == bindparam("task_id"))
    .order_by(task_comments.c.id.desc()).limit(bindparam("limit"))
)
_LATEST_CHANGES = (
    select(task_history).where(task_history.c.task_id == bindparam("task_id"))
    .order_by(task_history.c.id.desc()).limit(bindparam("limit"))
)
_LATEST_CHANGES_HIDING = _LATEST_CHANGES.where(or_(
    task_history.c.field.is_(None),
    func.lower(func.trim(task_history.c.field)).not_in(bindparam("hiding", expanding=True)),
))
"""Built once: every ticket card reads them."""


class SqlCommentRepository(_TaskRecords[Comment]):
    table, record = task_comments, Comment

    async def add(self, *, task_id: int, user_id: str, content: str, now: datetime) -> Comment:
        return await self._insert(task_id=task_id, user_id=user_id, content=content, created_at=now)

    async def latest(self, task_id: int, limit: int) -> tuple[list[Comment], int]:
        """One bounded statement: the newest `limit` rows, each with the task's total."""
        found = await self._db.execute(_LATEST_COMMENTS, {"task_id": task_id, "limit": limit})
        rows = found.mappings().all()
        comments = [to_value(Comment, row) for row in reversed(rows)]
        return comments, int(rows[0]["total"]) if rows else 0


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

    async def latest(
        self, task_id: int, limit: int, *, hiding: frozenset[str] = frozenset()
    ) -> list[HistoryEntry]:
        parameters: dict[str, object] = {"task_id": task_id, "limit": limit}
        query = _LATEST_CHANGES
        if hiding:
            query, parameters["hiding"] = _LATEST_CHANGES_HIDING, sorted(hiding)
        rows = (await self._db.execute(query, parameters)).mappings()
        return [to_value(HistoryEntry, row) for row in rows]

    async def flush(self, *, now: datetime) -> None:
        if not self._pending:
            return
        rows = [
            to_row(entry, self.table, exclude=frozenset({"id"})) | {"created_at": entry.created_at or now}
            for entry in self._pending
        ]
        self._pending.clear()
        await self._db.execute(self.table.insert(), rows)
