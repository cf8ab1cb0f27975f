"""A reply queued at the end of a turn (Teams throttled it, or pacing would hold it past the
turn) borrows the turn's connection instead of checking out a second one.

Found by a burst of one person's messages in one chat: pacing queued most replies, each
turn then held its own connection while waiting for a second one to queue its reply, and
once every pooled connection was held that way no turn could go on until the pool's 30 s
timeout (503s, and the replies lost)."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.connections import one_connection_per_turn
from db.engine import create_engine
from db.repositories.queued_replies import SqlReplyQueue
from db.tables import notification_outbox
from db.uow import SqlUnitOfWork
from notify.replies import QueuedReply
from tests.integration.db.test_turn_connection import checkouts

REPLY = QueuedReply(
    conversation_id="a:1personal-ada",
    reference={"conversation": {"id": "a:1personal-ada"}, "serviceUrl": "https://x.example/"},
    activities=[{"type": "message", "text": "I can't find ticket 7."}],
    reason="paced past the turn",
)


async def queued(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int(await connection.scalar(
            select(func.count()).select_from(notification_outbox)) or 0)


async def test_a_reply_queued_in_a_turn_shares_the_turns_check_out(engine: AsyncEngine) -> None:
    with checkouts(engine) as taken:
        async with one_connection_per_turn(engine):
            async with SqlUnitOfWork(engine).reading() as uow:
                await uow.users.get_by_email("ada@example.com")
            await SqlReplyQueue(engine).queue(REPLY)
    assert len(taken) == 1
    assert await queued(engine) == 1


async def test_a_turn_holding_the_only_pooled_connection_still_queues_its_reply(
    engine: AsyncEngine, database_url: str,
) -> None:
    """On PostgreSQL the pool has that one connection; SQLite's pool is not sized."""
    small = create_engine(database_url, pool_size=1, pool_overflow=0)
    try:
        async with asyncio.timeout(20):
            await _turn_that_queues_a_reply(small)
        assert await queued(small) == 1
    finally:
        await small.dispose()


async def _turn_that_queues_a_reply(engine: AsyncEngine) -> None:
    async with one_connection_per_turn(engine):
        async with SqlUnitOfWork(engine).reading() as uow:
            await uow.users.get_by_email("ada@example.com")
        await SqlReplyQueue(engine).queue(REPLY)
