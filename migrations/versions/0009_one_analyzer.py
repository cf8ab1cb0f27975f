"""Help search reads text analysed once, the same way for PostgreSQL and SQLite.

`help_document_chunks` gains `search_title`, `search_heading`, `search_text` and
`search_related`: the chunk as `knowledge.analysis` reads it (accents and case
folded, function words dropped, Snowball stems) and its related words
(`knowledge.vocabulary`). The full-text index is rebuilt over those columns with
no stemming of its own: PostgreSQL's generated `search` tsvector uses the
`simple` configuration (text A, heading B, title C, related words D), SQLite's
FTS5 table the `unicode61` tokenizer. Existing chunks are analysed here, with
the everyday related words; `docs reindex` then re-indexes every document
(the index format changed), adding the words each document defines itself.

Revision ID: 0009_one_analyzer
Revises: 0008_channel_digests
"""

from alembic import op
from sqlalchemy import select, update

from db.tables.knowledge import (
    FTS_TABLE,
    FTS_TRIGGERS,
    SEARCH_COLUMN,
    SEARCH_FIELDS,
    SEARCH_INDEX,
    help_document_chunks,
)
from migrations.adoption import abandon, adopt

revision = "0009_one_analyzer"
down_revision = "0008_channel_digests"
branch_labels = None
depends_on = None

CHUNKS = help_document_chunks.name
BATCH = 500
TITLE, HEADING, TEXT, RELATED = SEARCH_FIELDS


def _postgresql_search(title: str, heading: str, text: str, related: str | None,
                       config: str) -> str:
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, coalesce({title}, '')), 'C')",
        f"setweight(to_tsvector('{config}'::regconfig, coalesce({heading}, '')), 'B')",
        f"setweight(to_tsvector('{config}'::regconfig, {text_column(text, related)}), 'A')",
    ]
    if related:
        parts.append(
            f"setweight(to_tsvector('{config}'::regconfig, coalesce({related}, '')), 'D')"
        )
    return (
        f"ALTER TABLE {CHUNKS} ADD COLUMN {SEARCH_COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({' || '.join(parts)}) STORED"
    )


def text_column(text: str, related: str | None) -> str:
    """0004 indexed the required `text` as it is; the analysed column may be NULL."""
    return f"coalesce({text}, '')" if related else text


def _postgresql(search: str) -> tuple[str, ...]:
    return (
        f"DROP INDEX IF EXISTS {SEARCH_INDEX}",
        f"ALTER TABLE {CHUNKS} DROP COLUMN IF EXISTS {SEARCH_COLUMN}",
        search,
        f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON {CHUNKS} USING gin ({SEARCH_COLUMN})",
    )


def _sqlite(columns: tuple[str, ...], tokenizer: str) -> tuple[str, ...]:
    insert, delete, change = FTS_TRIGGERS
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    add = f"INSERT INTO {FTS_TABLE}(rowid, {names}) VALUES (new.id, {new});"
    remove = (
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {names}) VALUES ('delete', old.id, {old});"
    )
    return (
        *(f"DROP TRIGGER IF EXISTS {trigger}" for trigger in FTS_TRIGGERS),
        f"DROP TABLE IF EXISTS {FTS_TABLE}",
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({names}, content='{CHUNKS}', "
        f"content_rowid='id', tokenize='{tokenizer}')",
        f"CREATE TRIGGER {insert} AFTER INSERT ON {CHUNKS} BEGIN {add} END",
        f"CREATE TRIGGER {delete} AFTER DELETE ON {CHUNKS} BEGIN {remove} END",
        f"CREATE TRIGGER {change} AFTER UPDATE ON {CHUNKS} BEGIN {remove} {add} END",
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
    )


POSTGRESQL_UPGRADE = _postgresql(_postgresql_search(TITLE, HEADING, TEXT, RELATED, "simple"))
POSTGRESQL_DOWNGRADE = _postgresql(_postgresql_search("title", "heading", "text", None, "english"))
SQLITE_UPGRADE = _sqlite(SEARCH_FIELDS, "unicode61")
SQLITE_DOWNGRADE = _sqlite(("title", "heading", "text"), "porter unicode61 remove_diacritics 2")


def upgrade() -> None:
    adopt((help_document_chunks,), revision=revision)
    _analyse_existing_chunks()
    _execute(POSTGRESQL_UPGRADE if _dialect() == "postgresql" else SQLITE_UPGRADE)


def downgrade() -> None:
    _execute(POSTGRESQL_DOWNGRADE if _dialect() == "postgresql" else SQLITE_DOWNGRADE)
    abandon(revision=revision)


def _analyse_existing_chunks() -> None:
    bind = op.get_bind()
    c = help_document_chunks.c
    if bind.execute(select(c.id).where(c.search_text.is_(None)).limit(1)).first() is None:
        return  # a new database: the analyzer need not load
    from knowledge.analysis import analyse, search_form
    from knowledge.vocabulary import everyday_synonyms, related_terms

    synonyms = everyday_synonyms()
    last = 0
    while True:
        rows = bind.execute(
            select(c.id, c.title, c.heading, c.text)
            .where(c.id > last, c.search_text.is_(None))
            .order_by(c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for row in rows:
            terms = analyse(f"{row.title}\n{row.heading or ''}\n{row.text}")
            bind.execute(
                update(help_document_chunks)
                .where(c.id == row.id)
                .values(
                    search_title=search_form(row.title),
                    search_heading=search_form(row.heading),
                    search_text=search_form(row.text),
                    search_related=" ".join(related_terms(terms, synonyms)),
                )
            )
        last = rows[-1].id


def _dialect() -> str:
    return str(op.get_bind().dialect.name)


def _execute(statements: tuple[str, ...]) -> None:
    for statement in statements:
        op.execute(statement)
