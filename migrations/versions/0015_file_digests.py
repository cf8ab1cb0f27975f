"""`help_file_digests`: the sha256 of each help document's file, kept true by triggers on
`help_documents`, so that `docs add` finds a file the library holds by one indexed lookup
rather than by reading every stored file. Existing documents are hashed here, a batch at
a time (the web app's later ones when a file is next added).

Revision ID: 0015_file_digests
Revises: 0014_content_owner
"""

from alembic import op
from sqlalchemy import insert, select

from db.file_digests import file_digest, install_statements, remove_statements
from db.tables import help_documents
from db.tables.knowledge import help_file_digests
from migrations.adoption import abandon, adopt

revision = "0015_file_digests"
down_revision = "0014_content_owner"
branch_labels = None
depends_on = None

_BATCH = 50  # files read at once: a few MB of base64, not the whole library


def upgrade() -> None:
    adopt((help_file_digests,), revision=revision)
    bind = op.get_bind()
    for statement in install_statements(bind.dialect.name):
        op.execute(statement)
    d, g = help_documents.c, help_file_digests.c
    undigested = select(d.id).outerjoin(help_file_digests, g.document_id == d.id).where(
        g.document_id.is_(None)).order_by(d.id)
    ids = [row.id for row in bind.execute(undigested)]
    for start in range(0, len(ids), _BATCH):
        rows = bind.execute(select(d.id, d.file_data).where(d.id.in_(ids[start:start + _BATCH])))
        digests = [{"document_id": row.id, "file_sha256": file_digest(row.file_data or "")}
                   for row in rows]
        if digests:
            bind.execute(insert(help_file_digests), digests)


def downgrade() -> None:
    for statement in remove_statements(op.get_bind().dialect.name):
        op.execute(statement)
    abandon(revision=revision)
