"""The outbox also keeps a turn's replies that Teams did not take at once: those rows are
about no ticket, so `notification_outbox.ticket_id` may be null.

Revision ID: 0010_queued_replies
Revises: 0009_one_analyzer
"""

from alembic import op
from sqlalchemy import Integer, delete

from db.metadata import DRIZZLE_NAMING
from db.tables import notification_outbox

revision = "0010_queued_replies"
down_revision = "0009_one_analyzer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _ticket_id(nullable=True)


def downgrade() -> None:
    op.execute(delete(notification_outbox).where(notification_outbox.c.ticket_id.is_(None)))
    _ticket_id(nullable=False)


def _ticket_id(*, nullable: bool) -> None:
    # SQLite cannot change a column's nullability in place: the batch copies the table,
    # from its definition (`copy_from`), so the partial claim index keeps its predicate.
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table(
        notification_outbox.name,
        recreate="always" if sqlite else "auto",
        copy_from=notification_outbox if sqlite else None,
        naming_convention=DRIZZLE_NAMING,
    ) as batch:
        batch.alter_column("ticket_id", existing_type=Integer(), nullable=nullable)
