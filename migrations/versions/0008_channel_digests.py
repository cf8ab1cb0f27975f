"""Daily channel digests: `bot_channel_digests` (the opt-ins) and `bot_digest_runs` (the days
sent, one row per channel and local date).

Revision ID: 0008_channel_digests
Revises: 0005_receipt_answers
"""

from db.tables import bot_channel_digests, bot_digest_runs
from migrations.adoption import abandon, adopt

revision = "0008_channel_digests"
down_revision = "0005_receipt_answers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((bot_channel_digests, bot_digest_runs), revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
