"""The service's own tables: bot state, where to post, who is who, what was seen."""

from sqlalchemy import (
    Column,
    DateTime,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

from db.metadata import metadata
from db.tables.auth import user_reference
from db.tables.columns import created_at, serial_id, updated_at
from db.types import json_document

bot_state = Table(
    "bot_state",
    metadata,
    Column("key", Text, primary_key=True),
    Column("document", json_document(), nullable=False),
    Column("e_tag", String(64), nullable=False),
    updated_at(nullable=False),
)

bot_conversation_refs = Table(
    "bot_conversation_refs",
    metadata,
    serial_id(),
    Column("conversation_id", String(512), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("service_url", Text, nullable=False),
    Column("tenant_id", String(64)),
    Column("team_id", String(255)),
    Column("channel_id", String(255)),
    user_reference("user_id", ondelete="SET NULL"),
    Column("reference", json_document(), nullable=False),
    created_at(nullable=False),
    updated_at(nullable=False),
    Index(None, "user_id"),
)

bot_user_links = Table(
    "bot_user_links",
    metadata,
    serial_id(),
    Column("tenant_id", String(64), nullable=False),
    Column("aad_object_id", String(64)),
    Column("teams_user_id", String(255), nullable=False),
    user_reference("user_id", nullable=False, ondelete="CASCADE"),
    created_at(nullable=False),
    updated_at(nullable=False),
    UniqueConstraint("tenant_id", "teams_user_id"),
    Index(None, "user_id"),
)

bot_activity_receipts = Table(
    "bot_activity_receipts",
    metadata,
    Column("activity_id", String(255), primary_key=True),
    Column("conversation_id", String(512)),
    Column("received_at", DateTime, nullable=False, server_default=func.now()),
    # The process running the turn (host:pid:start), so that a crashed one's claim is taken over.
    Column("holder", String(255)),
    # The first delivery's answer to an invoke, replayed to its resends (size-bounded).
    Column("answered_at", DateTime),
    Column("answer_status", Integer),
    Column("answer_body", Text),
    Index(None, "received_at"),
)
