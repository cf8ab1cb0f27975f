"""`help_indexed_sources.content_sha256`: the digest of the `help_documents.content` this
service wrote, so that `docs reindex` rewrites that text with a repaired extraction, and
never a text the web app wrote (rows indexed before this revision have none: their text
is left as it is).

Revision ID: 0014_content_owner
Revises: 0013_delivery_changes
"""

from db.tables.knowledge import help_indexed_sources
from migrations.adoption import abandon, adopt

revision = "0014_content_owner"
down_revision = "0013_delivery_changes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((help_indexed_sources,), revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
