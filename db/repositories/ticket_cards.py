"""`bot_ticket_cards`: where a ticket's card was posted in each channel, to update it in place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_ticket_cards as cards
from db.upserts import insert_into
from domain.clock import utcnow


class SqlTicketCards:
    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._engine = engine
        self._clock = clock

    async def activity_id(self, ticket_id: int, conversation_id: str) -> str | None:
        query = select(cards.c.activity_id).where(
            cards.c.ticket_id == ticket_id, cards.c.conversation_id == conversation_id
        )
        async with self._engine.connect() as connection:
            return (await connection.execute(query)).scalar_one_or_none()

    async def remember(self, ticket_id: int, conversation_id: str, activity_id: str) -> None:
        """The card now lives at `activity_id` (a newer post replaces an older one)."""
        now = self._clock()
        insert = insert_into(cards, self._engine.dialect.name).values(
            ticket_id=ticket_id,
            conversation_id=conversation_id,
            activity_id=activity_id,
            created_at=now,
            updated_at=now,
        )
        statement = insert.on_conflict_do_update(
            index_elements=[cards.c.ticket_id, cards.c.conversation_id],
            set_={"activity_id": insert.excluded.activity_id, "updated_at": now},
        )
        async with self._engine.begin() as connection:
            await connection.execute(statement)

    async def forget(self, ticket_id: int, conversation_id: str) -> None:
        async with self._engine.begin() as connection:
            await connection.execute(
                delete(cards).where(
                    cards.c.ticket_id == ticket_id, cards.c.conversation_id == conversation_id
                )
            )
