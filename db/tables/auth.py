"""Web sessions and people (TicketFlow's own tables)."""

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, String, Table, false

from db.metadata import metadata
from db.tables.columns import account_role, created_at, is_active, updated_at
from db.types import json_document

sessions = Table(
    "sessions",
    metadata,
    Column("sid", String, primary_key=True),
    Column("sess", json_document(), nullable=False),
    Column("expire", DateTime, nullable=False),
    Index("IDX_session_expire", "expire"),
)

users = Table(
    "users",
    metadata,
    Column("id", String, primary_key=True),
    Column("email", String, unique=True),
    Column("first_name", String),
    Column("last_name", String),
    Column("profile_image_url", String),
    account_role(),
    Column("department", String(100)),
    Column("phone", String(50)),
    is_active(),
    created_at(),
    updated_at(),
    Column("password", String),
    Column("is_approved", Boolean, server_default=false()),
    Column("password_reset_token", String),
    Column("password_reset_expires", DateTime),
)


def user_reference(
    name: str, *, nullable: bool = True, unique: bool = False, ondelete: str | None = None
) -> Column[str]:
    """A column naming a person; most tables record who did what."""
    return Column(
        name, String, ForeignKey(users.c.id, ondelete=ondelete), nullable=nullable, unique=unique
    )
