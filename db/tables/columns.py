"""Column shapes that recur across tables, spelled once."""

from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, Integer, String, func, true


def serial_id() -> Column[int]:
    return Column("id", Integer, primary_key=True, autoincrement=True)


def created_at(*, nullable: bool = True) -> Column[datetime]:
    """TicketFlow's `timestamp DEFAULT now()`; the service's own tables add NOT NULL."""
    return Column("created_at", DateTime, nullable=nullable, server_default=func.now())


def updated_at(*, nullable: bool = True) -> Column[datetime]:
    """PostgreSQL has no ON UPDATE: the service refreshes it on every SQLAlchemy update."""
    return Column(
        "updated_at", DateTime, nullable=nullable, server_default=func.now(), onupdate=func.now()
    )


def is_active() -> Column[bool]:
    return Column("is_active", Boolean, server_default=true())


def account_role() -> Column[str]:
    """admin | manager | user | customer, validated by the domain (the web app writes it too)."""
    return Column("role", String(50), nullable=False, server_default="user")
