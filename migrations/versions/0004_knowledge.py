"""Help search: chunks with their full-text index, what was indexed, answer feedback.

The full-text index is built per database, beside the MetaData (see
`db.tables.knowledge`): on PostgreSQL a stored generated tsvector column — title
weighted C, heading B, text A, so ranking can prefer a word in the body — with a
GIN index; on SQLite an external-content FTS5 table with the Porter stemmer,
which triggers keep in step with every insert, update and delete, so no writer
can forget it. Everything uses IF NOT EXISTS: a re-run changes nothing.

Revision ID: 0004_knowledge
Revises: 0003_notifications
"""

from alembic import op

from db.tables.knowledge import (
    FTS_TABLE,
    FTS_TRIGGERS,
    SEARCH_COLUMN,
    SEARCH_INDEX,
    help_answer_feedback,
    help_document_chunks,
    help_indexed_sources,
)
from migrations.adoption import abandon, adopt

revision = "0004_knowledge"
down_revision = "0003_notifications"
branch_labels = None
depends_on = None

CHUNKS = help_document_chunks.name

POSTGRESQL_UPGRADE = (
    f"""
    ALTER TABLE {CHUNKS} ADD COLUMN IF NOT EXISTS {SEARCH_COLUMN} tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'C')
        || setweight(to_tsvector('english'::regconfig, coalesce(heading, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, text), 'A')
    ) STORED
    """,
    f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON {CHUNKS} USING gin ({SEARCH_COLUMN})",
)

_INSERT, _DELETE, _UPDATE = FTS_TRIGGERS
_FTS_ADD = f"INSERT INTO {FTS_TABLE}(rowid, title, heading, text) VALUES (new.id, new.title, new.heading, new.text);"
_FTS_REMOVE = (
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, heading, text) "
    "VALUES ('delete', old.id, old.title, old.heading, old.text);"
)
SQLITE_UPGRADE = (
    f"""
    CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title, heading, text,
        content='{CHUNKS}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    f"CREATE TRIGGER IF NOT EXISTS {_INSERT} AFTER INSERT ON {CHUNKS} BEGIN {_FTS_ADD} END",
    f"CREATE TRIGGER IF NOT EXISTS {_DELETE} AFTER DELETE ON {CHUNKS} BEGIN {_FTS_REMOVE} END",
    (
        f"CREATE TRIGGER IF NOT EXISTS {_UPDATE} AFTER UPDATE ON {CHUNKS} "
        f"BEGIN {_FTS_REMOVE} {_FTS_ADD} END"
    ),
    # Rows written before the index existed (none on a fresh database) become searchable.
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
)
SQLITE_DOWNGRADE = (
    *(f"DROP TRIGGER IF EXISTS {trigger}" for trigger in FTS_TRIGGERS),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)
POSTGRESQL_DOWNGRADE = (
    f"DROP INDEX IF EXISTS {SEARCH_INDEX}",
    f"ALTER TABLE {CHUNKS} DROP COLUMN IF EXISTS {SEARCH_COLUMN}",
)


def upgrade() -> None:
    adopt((help_document_chunks, help_indexed_sources, help_answer_feedback), revision=revision)
    _execute(POSTGRESQL_UPGRADE if _dialect() == "postgresql" else SQLITE_UPGRADE)


def downgrade() -> None:
    _execute(POSTGRESQL_DOWNGRADE if _dialect() == "postgresql" else SQLITE_DOWNGRADE)
    abandon(revision=revision)


def _dialect() -> str:
    return str(op.get_bind().dialect.name)


def _execute(statements: tuple[str, ...]) -> None:
    for statement in statements:
        op.execute(statement)
