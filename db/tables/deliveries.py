"""What a Teams delivery wrote, so that the turn run again for a resend writes it not again."""

from sqlalchemy import Column, ForeignKey, Integer, String, Table

from db.metadata import metadata
from db.tables.columns import created_at
from db.tables.tickets import task_comments, tasks

bot_delivery_tickets = Table(
    "bot_delivery_tickets",
    metadata,
    # `bot.transport.dedupe.delivery_key`: the activity (or form) the receipt names.
    Column("delivery_key", String(64), primary_key=True),
    Column("ticket_id", Integer, ForeignKey(tasks.c.id, ondelete="CASCADE"), nullable=False),
    created_at(nullable=False),
)

bot_delivery_changes = Table(
    "bot_delivery_changes",
    metadata,
    # A delivery changes or comments on each ticket it names once ("comment on 4 and 5").
    Column("delivery_key", String(64), primary_key=True),
    Column("ticket_id", Integer, ForeignKey(tasks.c.id, ondelete="CASCADE"), primary_key=True),
    # The comment it wrote, if any: a comment deleted since is written again by a resend.
    Column("comment_id", Integer, ForeignKey(task_comments.c.id, ondelete="CASCADE")),
    created_at(nullable=False),
)
