"""`bot_activity_receipts`: activity ids already taken, shared by every process of the bot."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.connections import checkout, transaction
from db.tables import bot_activity_receipts as receipts
from db.upserts import insert_into
from domain.clock import utcnow


@dataclass(frozen=True, slots=True)
class StoredReceipt:
    answered: bool
    status: int | None = None
    body: str | None = None
    # Who holds an unanswered receipt and since when: for `take_over`, not its identity.
    holder: str | None = field(default=None, compare=False)
    """The process that claimed it; None on receipts claimed before holders were kept."""
    received_at: datetime | None = field(default=None, compare=False)


_ANSWER = (
    update(receipts).where(receipts.c.activity_id == bindparam("key"))
    .values(answered_at=bindparam("at"), answer_status=bindparam("status"),
            answer_body=bindparam("body"))
)


class SqlActivityReceipts:
    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._engine = engine
        self._clock = clock
        # Built once: every turn claims its activity.
        self._claim = (
            insert_into(receipts, engine.dialect.name)
            .values(activity_id=bindparam("key"), conversation_id=bindparam("conversation"),
                    received_at=bindparam("at"), holder=bindparam("holder"))
            .on_conflict_do_nothing(index_elements=[receipts.c.activity_id])
            .returning(receipts.c.activity_id)
        )

    async def claim(
        self, activity_id: str, conversation_id: str | None, *, holder: str | None = None
    ) -> bool:
        """`ON CONFLICT DO NOTHING`: a concurrent claim waits for the first and then yields.

        No unique-violation error is raised and caught, so on PostgreSQL nothing
        aborts a transaction and nothing is logged as an error by the server.
        """
        parameters = {
            "key": activity_id, "conversation": conversation_id, "at": self._clock(),
            "holder": holder,
        }
        async with transaction(self._engine) as connection:
            claimed = (await connection.execute(self._claim, parameters)).first()
        return claimed is not None

    async def record_answer(self, activity_id: str, *, status: int, body: str | None) -> None:
        async with transaction(self._engine) as connection:
            await connection.execute(
                _ANSWER, {"key": activity_id, "at": self._clock(), "status": status, "body": body}
            )

    async def mark_answered(self, activity_ids: Sequence[str], *, status: int) -> None:
        """Answered without a body to replay (a message's 200), for many turns at once."""
        statement = (
            update(receipts)
            .where(receipts.c.activity_id.in_(activity_ids), receipts.c.answered_at.is_(None))
            .values(answered_at=self._clock(), answer_status=status)
        )
        async with transaction(self._engine) as connection:
            await connection.execute(statement)

    async def get(self, activity_id: str) -> StoredReceipt | None:
        """The receipt, with its answer once one is kept; None when nobody holds the id."""
        statement = select(
            receipts.c.answered_at, receipts.c.answer_status, receipts.c.answer_body,
            receipts.c.holder, receipts.c.received_at,
        ).where(receipts.c.activity_id == activity_id)
        async with checkout(self._engine) as connection:
            row = (await connection.execute(statement)).first()
        if row is None:
            return None
        if row.answered_at is None:
            return StoredReceipt(answered=False, holder=row.holder, received_at=row.received_at)
        return StoredReceipt(answered=True, status=row.answer_status, body=row.answer_body)

    async def take_over(self, activity_id: str, *, seen: StoredReceipt, holder: str) -> bool:
        """Claim a receipt whose turn never answered, as `seen`; False when it changed since
        (answered, released, or taken over by a concurrent resend: exactly one wins)."""
        if seen.answered or seen.received_at is None:
            return False
        same_holder = (
            receipts.c.holder.is_(None) if seen.holder is None
            else receipts.c.holder == seen.holder
        )
        statement = (
            update(receipts)
            .where(receipts.c.activity_id == activity_id, receipts.c.answered_at.is_(None),
                   receipts.c.received_at == seen.received_at, same_holder)
            .values(holder=holder, received_at=self._clock())
        )
        async with transaction(self._engine) as connection:
            result = await connection.execute(statement)
        return result.rowcount == 1

    async def release(self, activity_id: str) -> None:
        async with transaction(self._engine) as connection:
            await connection.execute(delete(receipts).where(receipts.c.activity_id == activity_id))

    async def forget_older_than(self, cutoff: datetime) -> int:
        async with transaction(self._engine) as connection:
            result = await connection.execute(
                delete(receipts).where(receipts.c.received_at < cutoff)
            )
        return result.rowcount
