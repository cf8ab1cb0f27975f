"""`bot_state`: JSON documents guarded by e-tags, the storage behind the bot's dialog state.

Each call runs its own short transaction: state is loaded at the start of a turn and
saved at its end, outside any ticket unit of work.

E-tag rules (botbuilder's `Storage` contract, expressed on the port):
- `expected_e_tag` None or `*` writes unconditionally (insert or overwrite).
- Any other value must equal the stored e-tag; the update is one conditional
  `UPDATE … WHERE key = :key AND e_tag = :expected`, so of two writers holding the
  same e-tag exactly one succeeds.
- A specific e-tag for a key that is not stored is stale too: the document it was
  read from has been deleted since. botbuilder's `MemoryStorage` would treat that as
  a fresh write; its durable storages (Blob, Cosmos DB) send the e-tag as an
  If-Match condition, which a missing document fails. We follow the durable ones,
  so a conversation reset by one process is not resurrected by a late writer.
- Every write gets a new random e-tag; a batch is written all or nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.connections import checkout, transaction
from db.lists import one_of
from db.tables import bot_state
from db.upserts import insert_into
from domain.chat import DocumentWrite, StoredDocument
from domain.clock import utcnow
from domain.errors import StaleDocument

UNCONDITIONAL = (None, "*")
@cache
def _read(dialect: str) -> Select[tuple[str, Any, str]]:
    """Built once per dialect: every turn reads its conversation's state."""
    return select(bot_state.c.key, bot_state.c.document, bot_state.c.e_tag).where(
        one_of(bot_state.c.key, "keys", dialect))


def new_e_tag() -> str:
    """Random rather than a counter: several processes write the same table."""
    return secrets.token_hex(16)


class SqlStateDocuments:
    def __init__(
        self,
        engine: AsyncEngine,
        *,
        clock: Callable[[], datetime] = utcnow,
        reader: AsyncEngine | None = None,
    ) -> None:
        """`reader` serves `read` (one SELECT), e.g. an autocommit engine without BEGIN/ROLLBACK."""
        self._engine = engine
        self._reader = reader or engine
        self._clock = clock

    async def read(self, keys: Sequence[str]) -> dict[str, StoredDocument]:
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return {}
        async with checkout(self._reader) as connection:
            rows = (await connection.execute(_read(connection.dialect.name), {"keys": wanted})).all()
        found = {row.key: StoredDocument(document=row.document, e_tag=row.e_tag) for row in rows}
        return {key: found[key] for key in wanted if key in found}

    async def write(self, writes: Mapping[str, DocumentWrite]) -> dict[str, str]:
        if not writes:
            return {}
        e_tags = {key: new_e_tag() for key in writes}
        now = self._clock()
        async with transaction(self._engine) as connection:
            # A fixed order keeps two overlapping batches from deadlocking each other.
            for key in sorted(writes):
                await self._write_one(connection, key, writes[key], e_tags[key], now)
        return e_tags

    async def merge(self, key: str, values: Mapping[str, str]) -> str:
        """One statement, so a card's button says which ticket "it" is without reading the
        conversation's state first (a turn that holds it then sees a new e-tag)."""
        e_tag = new_e_tag()
        async with transaction(self._engine) as connection:
            statement = insert_into(bot_state, connection.dialect.name).values(
                key=key, document=dict(values), e_tag=e_tag, updated_at=self._clock()
            )
            merged = (bot_state.c.document.op("||")(statement.excluded.document)
                      if connection.dialect.name == "postgresql"
                      else func.json_patch(bot_state.c.document, statement.excluded.document))
            await connection.execute(statement.on_conflict_do_update(
                index_elements=[bot_state.c.key],
                set_={"document": merged, "e_tag": statement.excluded.e_tag,
                      "updated_at": statement.excluded.updated_at},
            ))
        return e_tag

    async def delete(self, keys: Sequence[str]) -> None:
        doomed = list(dict.fromkeys(keys))
        if not doomed:
            return
        async with transaction(self._engine) as connection:
            await connection.execute(delete(bot_state).where(bot_state.c.key.in_(doomed)))

    async def _write_one(
        self, connection: AsyncConnection, key: str, write: DocumentWrite, e_tag: str,
        now: datetime,
    ) -> None:
        document = dict(write.document)
        if write.expected_e_tag in UNCONDITIONAL:
            await connection.execute(_upsert(connection, key, document, e_tag, now))
            return
        result = await connection.execute(
            update(bot_state)
            .where(bot_state.c.key == key, bot_state.c.e_tag == write.expected_e_tag)
            .values(document=document, e_tag=e_tag, updated_at=now)
        )
        if result.rowcount != 1:
            raise StaleDocument(key)


def _upsert(
    connection: AsyncConnection, key: str, document: dict[str, object], e_tag: str, now: datetime
) -> postgresql.Insert | sqlite.Insert:
    """One atomic statement, so two unconditional writers of a new key cannot collide."""
    statement = insert_into(bot_state, connection.dialect.name).values(
        key=key, document=document, e_tag=e_tag, updated_at=now
    )
    return statement.on_conflict_do_update(
        index_elements=[bot_state.c.key],
        set_={
            "document": statement.excluded.document,
            "e_tag": statement.excluded.e_tag,
            "updated_at": statement.excluded.updated_at,
        },
    )
