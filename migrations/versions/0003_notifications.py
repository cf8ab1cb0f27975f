"""Notification tables: the delivery outbox and where each ticket's card was posted.

Revision ID: 0003_notifications
Revises: 0002_bot_service
"""

from db.tables import bot_ticket_cards, notification_outbox
from migrations.adoption import abandon, adopt

revision = "0003_notifications"
down_revision = "0002_bot_service"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((notification_outbox, bot_ticket_cards), revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
