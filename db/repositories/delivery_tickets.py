"""`bot_delivery_tickets` and `bot_delivery_changes`: what a Teams delivery filed or changed,
written inside the write's own transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.connections import transaction
from db.tables import bot_delivery_changes as changed
from db.tables import bot_delivery_tickets as filed
from domain.tickets import DeliveredChange


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

    async def change_made_by(self, delivery: str, ticket_id: int) -> DeliveredChange | None:
        found = await self._db.execute(select(changed.c.comment_id).where(
            changed.c.delivery_key == delivery, changed.c.ticket_id == ticket_id))
        row = found.first()
        return None if row is None else DeliveredChange(comment_id=row.comment_id)

    async def add_change(
        self, delivery: str, ticket_id: int, change: DeliveredChange, *, now: datetime
    ) -> None:
        await self._db.execute(changed.insert().values(
            delivery_key=delivery, ticket_id=ticket_id, comment_id=change.comment_id,
            created_at=now))


async def forget_deliveries_older_than(engine: AsyncEngine, cutoff: datetime) -> int:
    """Teams resends within minutes: after the receipts' day a delivery never comes back."""
    forgotten = 0
    async with transaction(engine) as connection:
        for table in (filed, changed):
            result = await connection.execute(delete(table).where(table.c.created_at < cutoff))
            forgotten += result.rowcount
    return forgotten
