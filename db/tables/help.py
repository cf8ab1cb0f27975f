"""Help documents, user guides and the assistant's chat log (TicketFlow's own tables)."""

from sqlalchemy import Boolean, Column, Integer, String, Table, Text, text, true

from db.metadata import metadata
from db.tables.auth import user_reference
from db.tables.columns import created_at, is_active, serial_id, updated_at
from db.types import Array


def view_count() -> Column[int]:
    return Column("view_count", Integer, server_default=text("0"))


help_documents = Table(
    "help_documents",
    metadata,
    serial_id(),
    Column("title", String, nullable=False),
    Column("filename", String, nullable=False),
    Column("content", Text, nullable=False),
    Column("file_data", Text, nullable=False),
    user_reference("uploaded_by"),
    Column("category", String),
    Column("tags", Array(Text)),
    view_count(),
    created_at(),
    updated_at(),
)

user_guides = Table(
    "user_guides",
    metadata,
    serial_id(),
    Column("title", String(255), nullable=False),
    Column("description", Text),
    Column("category", String(100), nullable=False),
    Column("type", String(50), nullable=False),
    Column("content", Text, nullable=False),
    Column("scribehow_url", String(500)),
    Column("video_url", String(500)),
    Column("tags", Array(Text)),
    Column("is_published", Boolean, server_default=true()),
    view_count(),
    user_reference("created_by", nullable=False),
    created_at(),
    updated_at(),
)

user_guide_categories = Table(
    "user_guide_categories",
    metadata,
    serial_id(),
    Column("name", String(100), nullable=False, unique=True),
    Column("description", Text),
    Column("display_order", Integer, server_default=text("0")),
    is_active(),
    created_at(),
    Column("icon", String(50)),
)

ai_chat_messages = Table(
    "ai_chat_messages",
    metadata,
    serial_id(),
    user_reference("user_id", nullable=False),
    Column("session_id", String, nullable=False),
    Column("role", String(20), nullable=False),
    Column("content", Text, nullable=False),
    Column("related_document_ids", Array(Integer)),
    created_at(),
)
