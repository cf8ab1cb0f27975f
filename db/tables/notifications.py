"""The service's notification tables: the delivery outbox, and where ticket cards were posted."""

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from db.metadata import metadata
from db.tables.columns import created_at, serial_id, updated_at
from db.tables.tickets import tasks
from db.types import json_document

CLAIMABLE_SQL = "('pending', 'leased')"

notification_outbox = Table(
    "notification_outbox",
    metadata,
    serial_id(),
    # Sent with every attempt, so a receiver can drop the duplicates at-least-once implies.
    Column("delivery_id", String(36), nullable=False, unique=True),
    Column("event_type", String(50), nullable=False),
    # Cascade: the web app deletes tickets, and a delivery about a deleted ticket is moot.
    # Null for a turn's queued reply (target kind `conversation`), which is about no ticket.
    Column("ticket_id", Integer, ForeignKey(tasks.c.id, ondelete="CASCADE"), nullable=True),
    Column("target_kind", String(20), nullable=False),
    Column("target_key", Text, nullable=False),
    Column("payload", json_document(), nullable=False),
    # pending | leased | waiting (behind an earlier row of its lane) | delivered | dead | disabled
    Column("status", String(20), nullable=False, server_default="pending"),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    # When the row may next be claimed; while leased it equals lease_until, so an
    # abandoned lease becomes claimable through the same index as a due retry.
    Column("next_attempt_at", DateTime, nullable=False),
    Column("lease_owner", String(100)),
    Column("lease_until", DateTime),
    Column("last_error", Text),
    Column("last_attempt_at", DateTime),
    created_at(nullable=False),
    Column("delivered_at", DateTime),
    # Claiming walks claimable rows in due order and stops at its LIMIT; a plain
    # (status, next_attempt_at) index cannot give that order for two statuses.
    Index(
        None,
        "next_attempt_at",
        "id",
        postgresql_where=text(f"status IN {CLAIMABLE_SQL}"),
        sqlite_where=text(f"status IN {CLAIMABLE_SQL}"),
    ),
    # Lanes (one ticket, one target) are looked up by ticket when rows are written
    # and when the next row of a lane is promoted.
    Index(None, "ticket_id", "status"),
)

bot_ticket_cards = Table(
    "bot_ticket_cards",
    metadata,
    serial_id(),
    Column("ticket_id", Integer, ForeignKey(tasks.c.id, ondelete="CASCADE"), nullable=False),
    Column("conversation_id", String(512), nullable=False),
    Column("activity_id", String(255), nullable=False),
    created_at(nullable=False),
    updated_at(nullable=False),
    UniqueConstraint("ticket_id", "conversation_id"),
)
