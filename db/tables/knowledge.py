"""The help assistant's own tables: searchable chunks, what was indexed, and answer feedback.

The full-text index itself differs per database and is not on the MetaData:
PostgreSQL gets a generated `search` tsvector column with a GIN index, SQLite an
FTS5 table kept in step by triggers. Revision 0004 creates them with DDL of their
own, and `DIALECT_OBJECTS` names them, so that a schema comparison can leave
exactly those objects out.
"""

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from db.metadata import metadata
from db.tables.auth import user_reference
from db.tables.columns import created_at, serial_id
from db.tables.help import ai_chat_messages

help_document_chunks = Table(
    "help_document_chunks",
    metadata,
    serial_id(),
    # help_document | user_guide: which table `document_id` points into (so no foreign key).
    Column("source", String(20), nullable=False),
    Column("document_id", Integer, nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("page", Integer),
    # The document title at indexing time: searched (weighted low) and cited without a join.
    Column("title", Text, nullable=False),
    Column("heading", Text),
    Column("text", Text, nullable=False),
    # float32 little-endian, from `help_indexed_sources.embedding_model`; NULL without a model.
    Column("embedding", LargeBinary),
    created_at(nullable=False),
    # What the full-text index holds: title, heading and text as `knowledge.analysis` reads
    # them (stems, space-separated), and the chunk's related words (`knowledge.vocabulary`).
    # NULL only on rows written before revision 0009, which fills them.
    Column("search_title", Text),
    Column("search_heading", Text),
    Column("search_text", Text),
    Column("search_related", Text),
    UniqueConstraint("source", "document_id", "ordinal"),
)

help_indexed_sources = Table(
    "help_indexed_sources",
    metadata,
    # One row per help document or user guide the indexer has read, whether it gave
    # chunks or was refused: a refused upload is not retried on every start.
    Column("source", String(20), nullable=False),
    Column("document_id", Integer, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("status", String(20), nullable=False),  # indexed | rejected
    Column("chunk_count", Integer, nullable=False),
    Column("page_count", Integer),
    Column("error", Text),
    Column("embedding_model", String(200)),
    Column("indexed_at", DateTime, nullable=False),
    # sha256 of the `help_documents.content` this service wrote (`docs add`, `docs reindex`);
    # NULL when the web app wrote it. Only a text that still has this digest is rewritten
    # when the document is read again: the web app's own text is never replaced.
    Column("content_sha256", String(64)),
    PrimaryKeyConstraint("source", "document_id"),
)

help_answer_feedback = Table(
    "help_answer_feedback",
    metadata,
    serial_id(),
    Column(
        "message_id",
        Integer,
        ForeignKey(ai_chat_messages.c.id, ondelete="CASCADE"),
        nullable=False,
    ),
    user_reference("user_id", nullable=False, ondelete="CASCADE"),
    Column("helpful", Boolean, nullable=False),
    created_at(nullable=False),
    UniqueConstraint("message_id", "user_id"),
)

help_exchanges = Table(
    "help_exchanges",
    metadata,
    # One row per answer the assistant stored in `ai_chat_messages`: how it came about.
    # Rows of `ai_chat_messages` without one were written before this table, or by the
    # web app; `ai_chat_messages` itself keeps TicketFlow's columns unchanged.
    Column(
        "answer_id",
        Integer,
        ForeignKey(ai_chat_messages.c.id, ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    # Answered as a follow-up of the session's previous exchange.
    Column("follow_up", Boolean, nullable=False),
    # What was searched for: the question, or the topic it followed up on and the question.
    Column("topic", Text, nullable=False),
)

help_document_audiences = Table(
    "help_document_audiences",
    metadata,
    # The roles that may read a help document or user guide. A source without rows is
    # for everyone (every document the web app wrote before, and every new one unless
    # `docs add --audience` says otherwise).
    Column("source", String(20), nullable=False),
    Column("document_id", Integer, nullable=False),
    Column("role", String(20), nullable=False),
    PrimaryKeyConstraint("source", "document_id", "role"),
)

help_file_digests = Table(
    "help_file_digests",
    metadata,
    # sha256 of each help document's `file_data` as stored, so that `docs add` finds a file
    # the library holds in one indexed lookup instead of reading every stored file. A row
    # exists only while it is true: triggers on `help_documents` (`db.file_digests`) delete
    # it when any writer, the web app too, inserts, rewrites or deletes the document's file;
    # documents without one are hashed when a file is next added.
    Column("document_id", Integer, primary_key=True, autoincrement=False),
    Column("file_sha256", String(64), nullable=False),
    Index(None, "file_sha256"),
)

SEARCH_COLUMN = "search"
SEARCH_INDEX = "help_document_chunks_search_idx"
FTS_TABLE = "help_document_chunks_fts"
FTS_TRIGGERS = (
    "help_document_chunks_fts_insert",
    "help_document_chunks_fts_delete",
    "help_document_chunks_fts_update",
)
FTS_SHADOW_TABLES = tuple(f"{FTS_TABLE}_{suffix}" for suffix in ("data", "idx", "docsize", "config"))

SEARCH_FIELDS = ("search_title", "search_heading", "search_text", "search_related")
"""The analysed columns the full-text index reads (revision 0009), in FTS5 column order."""

DIALECT_OBJECTS: dict[str, frozenset[tuple[str, str]]] = {
    "postgresql": frozenset(
        {("column", f"{help_document_chunks.name}.{SEARCH_COLUMN}"), ("index", SEARCH_INDEX)}
    ),
    "sqlite": frozenset({("table", name) for name in (FTS_TABLE, *FTS_SHADOW_TABLES)}),
}
"""Per dialect, the (kind, name) of every object revisions 0004 and 0009 create outside the MetaData;
a column is named `table.column`."""
