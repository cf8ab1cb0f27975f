"""This service's own captured changes: dropped in the transaction that made them.

This service's own changes are already in the outbox (its unit of work writes them
with the change): `forget_own_changes` deletes what the triggers captured of them in
the same transaction, so they are notified exactly once.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables import bot_ticket_changes as changes

_OWN_CHANGES_POSTGRESQL = text(
    "DELETE FROM bot_ticket_changes WHERE txid = (SELECT txid_current_if_assigned())"
)


async def capture_mark(connection: AsyncConnection) -> int | None:
    """Where this transaction's captured changes will start; call it right after BEGIN.

    PostgreSQL tells a transaction's rows by `txid` and needs no mark. SQLite has
    no transaction id, but the service's transactions begin IMMEDIATE, holding the
    write lock, so every row past the mark is this transaction's.
    """
    if connection.dialect.name == "postgresql":
        return None
    return int(await connection.scalar(select(func.coalesce(func.max(changes.c.id), 0))) or 0)


async def forget_own_changes(connection: AsyncConnection, mark: int | None) -> None:
    """Deletes the change rows this transaction's own writes captured (already notified)."""
    if connection.dialect.name == "postgresql":
        await connection.execute(_OWN_CHANGES_POSTGRESQL)
    elif mark is not None:
        await connection.execute(delete(changes).where(changes.c.id > mark))
