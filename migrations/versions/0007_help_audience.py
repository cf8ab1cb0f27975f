"""The help assistant's own records of how each answer came about.

`help_exchanges`: per stored answer, whether it was a follow-up of the exchange
before it and what was searched for, so that `docs stats` can tell follow-ups
from new questions (TicketFlow's `ai_chat_messages` keeps its columns).

Revision ID: 0007_help_audience
Revises: 0004_knowledge
"""

from db.tables import help_exchanges
from migrations.adoption import abandon, adopt

revision = "0007_help_audience"
down_revision = "0004_knowledge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((help_exchanges,), revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
