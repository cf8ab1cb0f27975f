"""Redelivery receipts keep the first delivery's answer, so a resent invoke gets it again.

Revision ID: 0005_receipt_answers
Revises: 0006_change_capture
"""

from db.tables import bot_activity_receipts
from migrations.adoption import abandon, adopt

revision = "0005_receipt_answers"
down_revision = "0006_change_capture"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((bot_activity_receipts,), revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
