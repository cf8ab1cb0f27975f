"""Which schema revision a database is at, and the newest one, without loading alembic.

Every command opens the database through this check, and alembic costs more to
import than the rest of a short command; `db.migrate` runs alembic only when the
database is actually behind.
"""

import ast
from importlib.resources import files

from sqlalchemy import Connection, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

VERSION_TABLE = "alembic_version"


class UnclearHead(RuntimeError):
    """The migration scripts do not end in exactly one revision."""


def head_revision() -> str:
    """The newest revision the scripts in `migrations/versions` know (alembic agrees: a test)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in files("migrations").joinpath("versions").iterdir():
        if script.name.endswith(".py") and script.name != "__init__.py":
            revision, down = _declared(script.read_text(encoding="utf-8"))
            if revision is not None:
                revisions.add(revision)
                parents.update(down)
    heads = revisions - parents
    if len(heads) != 1:
        raise UnclearHead(f"the migration scripts have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def _declared(source: str) -> tuple[str | None, tuple[str, ...]]:
    revision: str | None = None
    down: tuple[str, ...] = ()
    for statement in ast.parse(source).body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                value = ast.literal_eval(statement.value)
                if target.id == "revision":
                    revision = value
                elif isinstance(value, str):
                    down = (value,)
                elif value is not None:
                    down = tuple(value)
    return revision, down


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at; None when it was never migrated (or is branched)."""
    async with engine.connect() as connection:
        return await connection.run_sync(_current_revision)


def _current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    versions = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return versions[0] if len(versions) == 1 else None
