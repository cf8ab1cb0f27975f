"""Tickets (`tasks`) and what hangs off them (TicketFlow's own tables)."""

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, Text

from db.metadata import metadata
from db.tables.auth import user_reference
from db.tables.columns import created_at, serial_id, updated_at
from db.tables.organisation import teams
from db.types import Array

tasks = Table(
    "tasks",
    metadata,
    serial_id(),
    Column("ticket_number", String(20), nullable=False, unique=True),
    Column("title", String(255), nullable=False),
    Column("description", Text),
    Column("category", String(50), nullable=False),
    Column("status", String(50), nullable=False, server_default="open"),
    Column("priority", String(20), nullable=False, server_default="medium"),
    Column("severity", String(20), server_default="normal"),
    Column("notes", Text),
    user_reference("assignee_id"),
    Column("assignee_type", String(20), server_default="user"),
    Column("assignee_team_id", Integer, ForeignKey(teams.c.id)),
    user_reference("created_by", nullable=False),
    Column("due_date", DateTime),
    Column("resolved_at", DateTime),
    Column("closed_at", DateTime),
    Column("estimated_hours", Integer),
    Column("actual_hours", Integer),
    Column("tags", Array(Text)),
    created_at(),
    updated_at(),
)


def task_activity() -> tuple[Column[int], Column[int], Column[str]]:
    """Comments, history and attachments: one row per thing someone did to a ticket."""
    return (
        serial_id(),
        Column("task_id", Integer, ForeignKey(tasks.c.id), nullable=False),
        user_reference("user_id", nullable=False),
    )


task_comments = Table(
    "task_comments",
    metadata,
    *task_activity(),
    Column("content", Text, nullable=False),
    created_at(),
)

task_history = Table(
    "task_history",
    metadata,
    *task_activity(),
    Column("action", String(50), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("field", String(50)),
    created_at(),
)

task_attachments = Table(
    "task_attachments",
    metadata,
    *task_activity(),
    Column("file_name", String(255), nullable=False),
    Column("file_size", Integer, nullable=False),
    Column("file_type", String(100), nullable=False),
    Column("file_url", Text, nullable=False),
    created_at(),
)
