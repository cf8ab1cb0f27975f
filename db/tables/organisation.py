"""Departments, teams, and invitations to join (TicketFlow's own tables)."""

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, Text, func

from db.metadata import metadata
from db.tables.auth import user_reference
from db.tables.columns import account_role, created_at, is_active, serial_id, updated_at

departments = Table(
    "departments",
    metadata,
    serial_id(),
    Column("name", String(100), nullable=False, unique=True),
    Column("description", Text),
    is_active(),
    created_at(),
    updated_at(),
)

teams = Table(
    "teams",
    metadata,
    serial_id(),
    Column("name", String(255), nullable=False),
    Column("description", Text),
    user_reference("created_by"),
    created_at(),
)

team_members = Table(
    "team_members",
    metadata,
    serial_id(),
    Column("team_id", Integer, ForeignKey(teams.c.id), nullable=False),
    user_reference("user_id", nullable=False),
    Column("role", String(50), server_default="member"),
    Column("joined_at", DateTime, server_default=func.now()),
)

user_invitations = Table(
    "user_invitations",
    metadata,
    serial_id(),
    Column("email", String, nullable=False),
    Column("first_name", String),
    Column("last_name", String),
    account_role(),
    Column("department", String(100)),
    user_reference("invited_by", nullable=False),
    Column("invitation_token", String, nullable=False, unique=True),
    Column("status", String(20), nullable=False, server_default="pending"),
    Column("expires_at", DateTime, nullable=False),
    Column("accepted_at", DateTime),
    created_at(),
    Column("department_id", Integer, ForeignKey(departments.c.id)),
)
