"""Due-date reminders already sent: one row per ticket, kind and due date, so never twice."""

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, UniqueConstraint

from db.metadata import metadata
from db.tables.columns import created_at, serial_id
from db.tables.tickets import tasks

bot_due_reminders = Table(
    "bot_due_reminders",
    metadata,
    serial_id(),
    Column("ticket_id", Integer, ForeignKey(tasks.c.id, ondelete="CASCADE"), nullable=False),
    # due_soon | overdue
    Column("kind", String(20), nullable=False),
    # The due date reminded of: moving the due date earns the ticket new reminders.
    Column("due_date", DateTime, nullable=False),
    created_at(nullable=False),
    # Replicas and restarts race to insert the same reminder; exactly one insert wins.
    UniqueConstraint("ticket_id", "kind", "due_date"),
)
