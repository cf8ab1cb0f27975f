"""API keys and per-user Teams channel settings (TicketFlow's own tables)."""

from sqlalchemy import Boolean, Column, DateTime, String, Table, Text, false

from db.metadata import metadata
from db.tables.auth import user_reference
from db.tables.columns import created_at, is_active, serial_id, updated_at
from db.types import Array, EmptyArray

api_keys = Table(
    "api_keys",
    metadata,
    serial_id(),
    user_reference("user_id", nullable=False),
    Column("name", String(255), nullable=False),
    Column("key_hash", String(255), nullable=False),
    Column("key_prefix", String(10), nullable=False),
    Column("permissions", Array(Text), server_default=EmptyArray()),
    Column("last_used_at", DateTime),
    Column("expires_at", DateTime),
    is_active(),
    created_at(),
)

teams_integration_settings = Table(
    "teams_integration_settings",
    metadata,
    serial_id(),
    user_reference("user_id", nullable=False, unique=True),
    Column("enabled", Boolean, server_default=false()),
    Column("team_id", String),
    Column("team_name", String),
    Column("channel_id", String),
    Column("channel_name", String),
    Column("webhook_url", Text),
    Column("notification_types", Array(Text), server_default=EmptyArray()),
    created_at(),
    updated_at(),
)
