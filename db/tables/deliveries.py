"""Tickets filed by a Teams delivery, so that the turn run again for a resend files none."""

from sqlalchemy import Column, ForeignKey, Integer, String, Table

from db.metadata import metadata
from db.tables.columns import created_at
from db.tables.tickets import tasks

bot_delivery_tickets = Table(
    "bot_delivery_tickets",
    metadata,
    # `bot.transport.dedupe.delivery_key`: the activity (or form) the receipt names.
    Column("delivery_key", String(64), primary_key=True),
    Column("ticket_id", Integer, ForeignKey(tasks.c.id, ondelete="CASCADE"), nullable=False),
    created_at(nullable=False),
)
