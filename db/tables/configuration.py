"""Company-wide settings (TicketFlow's own tables)."""

from sqlalchemy import Column, Integer, String, Table, Text, text

from db.metadata import metadata
from db.tables.auth import user_reference
from db.tables.columns import is_active, serial_id, updated_at
from db.types import Array, EmptyArray

company_settings = Table(
    "company_settings",
    metadata,
    serial_id(),
    Column("company_name", String(255), nullable=False, server_default="TicketFlow"),
    Column("logo_url", Text),
    Column("primary_color", String(7), server_default="#3b82f6"),
    user_reference("updated_by"),
    updated_at(),
    Column("ticket_prefix", String(10), nullable=False, server_default="TKT"),
)

smtp_settings = Table(
    "smtp_settings",
    metadata,
    serial_id(),
    Column("host", String(255)),
    Column("port", Integer, server_default=text("587")),
    Column("username", String(255)),
    Column("password", String(255)),
    Column("from_email", String(255), nullable=False),
    Column("from_name", String(255), nullable=False, server_default="TicketFlow"),
    Column("encryption", String(10), server_default="tls"),
    is_active(),
    user_reference("updated_by"),
    updated_at(),
)

email_templates = Table(
    "email_templates",
    metadata,
    serial_id(),
    Column("name", String(100), nullable=False, unique=True),
    Column("subject", String(255), nullable=False),
    Column("body", Text, nullable=False),
    Column("variables", Array(Text), server_default=EmptyArray()),
    is_active(),
    user_reference("updated_by"),
    updated_at(),
)
