"""The help assistant's own records: who may read each document, how each answer came about.

- `help_document_audiences`: the roles a help document or user guide is for
  (`docs add --audience staff`); a source without rows is for everyone, so the
  documents the web app already has stay readable by all.
- `help_exchanges`: per stored answer, whether it was a follow-up of the
  exchange before it and what was searched for, so that `docs stats` can tell
  follow-ups from new questions (TicketFlow's `ai_chat_messages` keeps its columns).

Revision ID: 0007_help_audience
Revises: 0004_knowledge
"""

from db.tables import help_document_audiences, help_exchanges
from migrations.adoption import abandon, adopt

revision = "0007_help_audience"
down_revision = "0004_knowledge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((help_document_audiences, help_exchanges), revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
