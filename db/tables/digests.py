"""Channel digests: which channels get a daily list of due tickets, and which days went out."""

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from db.metadata import metadata
from db.tables.auth import users
from db.tables.columns import created_at, serial_id, updated_at

bot_channel_digests = Table(
    "bot_channel_digests",
    metadata,
    serial_id(),
    Column("team_id", String, nullable=False),
    Column("team_name", String),
    Column("channel_id", String, nullable=False),
    Column("channel_name", String),
    # Who subscribed the channel: the digest lists the tickets they may see.
    Column("user_id", String, ForeignKey(users.c.id, ondelete="CASCADE"), nullable=False),
    # Local wall-clock time, HH:MM, in the IANA zone below.
    Column("send_time", String(5), nullable=False),
    Column("time_zone", String(64), nullable=False),
    created_at(nullable=False),
    updated_at(nullable=False),
    UniqueConstraint("team_id", "channel_id"),
)

bot_digest_runs = Table(
    "bot_digest_runs",
    metadata,
    serial_id(),
    Column("team_id", String, nullable=False),
    Column("channel_id", String, nullable=False),
    # The channel's local date the digest is for.
    Column("local_date", Date, nullable=False),
    # sending | sent | empty | failed | gone
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False),
    # While `sending`: until when the claiming process holds it (a dead one's lapses).
    Column("lease_until", DateTime),
    Column("ticket_count", Integer),
    Column("last_error", Text),
    created_at(nullable=False),
    Column("finished_at", DateTime),
    # Restarts and replicas race to insert the same day; exactly one insert wins.
    UniqueConstraint("team_id", "channel_id", "local_date"),
)
