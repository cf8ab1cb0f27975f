"""Change capture: `bot_ticket_changes` and the triggers that fill it from every writer;
`bot_due_reminders`, the due-date reminders already sent.

Revision ID: 0006_change_capture
Revises: 0007_help_audience
"""

from alembic import op

from db.capture_triggers import install_statements, remove_statements
from db.tables import bot_due_reminders, bot_ticket_changes
from migrations.adoption import abandon, adopt

revision = "0006_change_capture"
down_revision = "0007_help_audience"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((bot_ticket_changes, bot_due_reminders), revision=revision)
    for statement in install_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in remove_statements(op.get_bind().dialect.name):
        op.execute(statement)
    abandon(revision=revision)
