"""`bot_delivery_changes`: the change or comment a Teams delivery made to each ticket, written
in the change's own transaction, so that a turn run again after its process died (killed
after the commit, before the answer) comments no second time and answers as the first run
would have ("is now in progress", not "is already in progress").

Revision ID: 0013_delivery_changes
Revises: 0012_delivery_tickets
"""

from db.tables import bot_delivery_changes
from migrations.adoption import abandon, adopt

revision = "0013_delivery_changes"
down_revision = "0012_delivery_tickets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((bot_delivery_changes,), revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
