"""The triggers that keep `help_file_digests` true whoever writes `help_documents`.

They only delete a digest (the web app inserts, rewrites and deletes help documents
too, and neither database can be relied on to hash a file in a trigger: SQLite has no
sha256); the service writes digests itself when it stores a file, and hashes any
document without one before it looks a file up. Installing them reads no row of the
web app's tables, and removing them leaves TicketFlow as it was.
"""

from __future__ import annotations

import hashlib

_TRIGGERS = (
    ("help_file_digest_insert", "AFTER INSERT", "NEW"),
    ("help_file_digest_update", "AFTER UPDATE OF file_data", "NEW"),
    ("help_file_digest_delete", "AFTER DELETE", "OLD"),
)
_PG_FUNCTION = "help_file_digest_forget()"


def file_digest(file_data: str) -> str:
    """The digest kept of a stored file: sha256 of its `file_data` text (base64)."""
    return hashlib.sha256(file_data.encode("utf-8")).hexdigest()


def install_statements(dialect: str) -> list[str]:
    """Idempotent: replaces what an earlier install left."""
    if dialect == "postgresql":
        return [*remove_statements(dialect), *_postgresql()]
    return [*remove_statements(dialect), *_sqlite()]


def remove_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [*(f"DROP TRIGGER IF EXISTS {name} ON help_documents" for name, _, _ in _TRIGGERS),
                f"DROP FUNCTION IF EXISTS {_PG_FUNCTION}"]
    return [f"DROP TRIGGER IF EXISTS {name}" for name, _, _ in _TRIGGERS]


def _postgresql() -> list[str]:
    return [
        f"""
        CREATE FUNCTION {_PG_FUNCTION} RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM help_file_digests WHERE document_id = OLD.id;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                DELETE FROM help_file_digests WHERE document_id = NEW.id;
            END IF;
            RETURN NULL;
        END
        $$""",
        *(f"""
        CREATE TRIGGER {name} {when} ON help_documents
        FOR EACH ROW EXECUTE FUNCTION {_PG_FUNCTION}""" for name, when, _ in _TRIGGERS),
    ]


def _sqlite() -> list[str]:
    statements = []
    for name, when, row in _TRIGGERS:
        forget = f"DELETE FROM help_file_digests WHERE document_id = {row}.id;"
        if row == "NEW" and "UPDATE" in when:
            forget += " DELETE FROM help_file_digests WHERE document_id = OLD.id;"
        statements.append(
            f"CREATE TRIGGER {name} {when} ON help_documents FOR EACH ROW BEGIN {forget} END")
    return statements
