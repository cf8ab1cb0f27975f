"""A redelivery receipt names the process running its turn, so that when that process
dies mid-turn (killed, out of memory) Teams' resend runs the turn instead of being
answered as a duplicate of a turn that will never finish.

Revision ID: 0011_receipt_holders
Revises: 0010_queued_replies
"""

from db.tables import bot_activity_receipts
from migrations.adoption import abandon, adopt

revision = "0011_receipt_holders"
down_revision = "0010_queued_replies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((bot_activity_receipts,), revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
