"""`bot_delivery_tickets`: which ticket a Teams delivery filed, inside the ticket's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.connections import transaction
from db.tables import bot_delivery_tickets as filed


class SqlDeliveryTickets:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def ticket_filed_by(self, delivery: str) -> int | None:
        found = await self._db.execute(
            select(filed.c.ticket_id).where(filed.c.delivery_key == delivery))
        return found.scalar_one_or_none()

    async def add(self, delivery: str, ticket_id: int, *, now: datetime) -> None:
        await self._db.execute(
            filed.insert().values(delivery_key=delivery, ticket_id=ticket_id, created_at=now))


async def forget_deliveries_older_than(engine: AsyncEngine, cutoff: datetime) -> int:
    """Teams resends within minutes: after the receipts' day a delivery never comes back."""
    async with transaction(engine) as connection:
        result = await connection.execute(delete(filed).where(filed.c.created_at < cutoff))
    return result.rowcount
