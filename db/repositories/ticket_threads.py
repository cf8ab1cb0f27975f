"""Which ticket a channel thread is about: the thread started by the bot's ticket card."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.connections import checkout
from db.tables import bot_ticket_cards as cards


class SqlTicketThreads:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def ticket_of_thread(self, conversation_id: str, root_activity_id: str) -> int | None:
        query = select(cards.c.ticket_id).where(
            cards.c.conversation_id == conversation_id, cards.c.activity_id == root_activity_id
        )
        async with checkout(self._engine) as connection:
            return (await connection.execute(query)).scalar_one_or_none()
