"""Alembic environment: runs on the connection that `db.migrate` opens.

Every revision inspects the live database before it changes anything, so there
is no offline (--sql) mode, and the alembic command line can list and write
revisions but not apply them: `ticketflow migrate` does that.
"""

from alembic import context
from alembic.util import CommandError
from sqlalchemy import Connection, text

from db.tables import metadata

# A constant key for pg_advisory_xact_lock: processes that start together migrate one at a time.
MIGRATION_LOCK = 7_404_143_512


def run_migrations(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if context.is_offline_mode() or connection is None:
    raise CommandError(
        "TicketFlow migrations inspect the live database: run `ticketflow migrate` "
        "(db.migrate.upgrade) rather than alembic's command line."
    )
run_migrations(connection)
