"""Ticket changes captured by triggers on TicketFlow's tables, waiting to become events.

Triggers on `tasks` (insert, update) and `task_comments` (insert) write one row
here in the writer's own transaction, whoever the writer is; a trigger on
`task_history` (insert) puts the history row's `user_id` on the change of the
same transaction as its actor. `migrations/versions/0006_change_capture.py`
installs them (`db/capture_triggers.py` holds their SQL).
"""

from sqlalchemy import BigInteger, Column, DateTime, Index, Integer, String, Table, func

from db.metadata import metadata
from db.tables.columns import serial_id
from db.types import json_document

bot_ticket_changes = Table(
    "bot_ticket_changes",
    metadata,
    serial_id(),
    # No foreign key: the writer's insert must never fail because of this table, and a
    # change of a ticket deleted meanwhile is simply dropped when it is read.
    Column("ticket_id", Integer, nullable=False),
    # created | updated | commented
    Column("kind", String(20), nullable=False),
    Column("comment_id", Integer),
    # The task_history row's user, or the comment's author; NULL when nobody said.
    Column("actor_id", String),
    # The watched fields before and after (description and notes cut to 1000 characters).
    Column("old_values", json_document()),
    Column("new_values", json_document()),
    # PostgreSQL's transaction id: ties history rows to the change and lets this
    # service drop the rows its own (already notified) transactions captured.
    Column("txid", BigInteger),
    Column("created_at", DateTime, nullable=False, server_default=func.now()),
    Index(None, "txid"),
)
