"""The service's own tables: bot state, conversation references, identity links, receipts.

Revision ID: 0002_bot_service
Revises: 0001_ticketflow
"""

from db.tables import bot_activity_receipts, bot_conversation_refs, bot_state, bot_user_links
from migrations.adoption import abandon, adopt

revision = "0002_bot_service"
down_revision = "0001_ticketflow"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt(
        (bot_state, bot_conversation_refs, bot_user_links, bot_activity_receipts),
        revision=revision,
    )


def downgrade() -> None:
    abandon(revision=revision)
