"""API keys from the command line to a refused request, on the real database."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from db.tables import api_keys, users
from domain.api_keys import Permission
from domain.clock import utcnow
from tests.integration.commands import run_command
from tests.integration.ticketflow.api.conftest import Api
from ticketflow.settings import Settings


async def ticketflow(database_url: str, *argv: str) -> int:
    """Runs a `ticketflow` command in this process, as the console script would."""
    return await run_command(Settings(database_url=database_url), *argv)


async def stored_rows(engine: AsyncEngine) -> list[dict[str, object]]:
    async with engine.connect() as connection:
        return [dict(row) for row in (await connection.execute(select(api_keys))).mappings()]


async def status_with(api: Api, key: str) -> int:
    response = await api.raw("GET", "/tickets", key=key)
    async with response:
        return response.status


async def test_a_key_is_printed_once_stored_as_a_hash_listed_by_prefix_and_revoked(
    api: Api, engine: AsyncEngine, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    owner = await api.person(engine, "user")
    assert await ticketflow(database_url, "apikey", "create", "--user", owner.email, "--name",
                            "Grafana", "--permissions", "tickets:read,tickets:write",
                            "--expires", "2099-01-01") == 0
    created = capsys.readouterr().out
    plaintext = re.findall(r"tfk_[A-Za-z0-9_-]{43}", created)
    assert len(plaintext) == 1 and created.count(plaintext[0]) == 1
    assert "only time the key is shown" in created
    key = plaintext[0]

    [row] = await stored_rows(engine)
    assert row["key_hash"] == hashlib.sha256(key.encode()).hexdigest()
    assert row["key_prefix"] == key[:10]
    assert key not in repr(row)
    assert row["permissions"] == ["tickets:read", "tickets:write"]
    assert await status_with(api, key) == 200

    assert await ticketflow(database_url, "apikey", "list") == 0
    listing = capsys.readouterr().out
    assert key[:10] in listing and owner.email in listing and "active" in listing
    assert key not in listing and str(row["key_hash"]) not in listing

    assert await ticketflow(database_url, "apikey", "revoke", str(row["id"])) == 0
    assert "revoked" in capsys.readouterr().out
    assert await status_with(api, key) == 401


async def test_expired_keys_and_keys_of_deactivated_owners_are_refused(
    api: Api, engine: AsyncEngine
) -> None:
    expiring = await api.key(await api.person(engine, "user"))
    owner = await api.person(engine, "manager")
    orphaned = await api.key(owner)
    assert await status_with(api, expiring) == 200 and await status_with(api, orphaned) == 200
    async with engine.begin() as connection:
        await connection.execute(update(api_keys).where(api_keys.c.key_prefix == expiring[:10])
                                 .values(expires_at=utcnow() - timedelta(seconds=1)))
        await connection.execute(update(users).where(users.c.id == owner.id)
                                 .values(is_active=False))
    assert await status_with(api, expiring) == 401
    assert await status_with(api, orphaned) == 401


async def test_last_use_is_written_at_most_once_a_minute(api: Api, engine: AsyncEngine) -> None:
    key = await api.key(await api.person(engine, "user"))
    assert [row["last_used_at"] for row in await stored_rows(engine)] == [None]
    await status_with(api, key)
    [first] = [row["last_used_at"] for row in await stored_rows(engine)]
    assert first is not None
    for _ in range(3):
        await status_with(api, key)
    assert [row["last_used_at"] for row in await stored_rows(engine)] == [first]

    async with engine.begin() as connection:  # as if the last use was two minutes ago
        two_minutes_ago = utcnow() - timedelta(minutes=2)
        await connection.execute(update(api_keys).values(last_used_at=two_minutes_ago))
    await status_with(api, key)
    [later] = [row["last_used_at"] for row in await stored_rows(engine)]
    assert later > first  # type: ignore[operator]


async def test_noting_use_is_conditional_so_processes_do_not_all_write(
    api: Api, engine: AsyncEngine
) -> None:
    await api.key(await api.person(engine, "user"))
    async with SqlUnitOfWork(engine) as uow:
        [key] = await uow.api_keys.all()
        now = utcnow()
        cutoff = now - timedelta(minutes=1)
        assert await uow.api_keys.touch(key.id, now=now, unless_used_after=cutoff) is True
        await uow.commit()
    async with SqlUnitOfWork(engine) as uow:
        soon = now + timedelta(seconds=5)
        assert await uow.api_keys.touch(key.id, now=soon, unless_used_after=cutoff) is False
        assert (await uow.api_keys.get(key.id)).last_used_at == now  # type: ignore[union-attr]
        assert await uow.api_keys.get(2**40) is None


async def test_keys_the_web_app_made_with_other_permissions_still_load(
    api: Api, engine: AsyncEngine
) -> None:
    owner = await api.person(engine, "user")
    async with engine.begin() as connection:
        await connection.execute(api_keys.insert().values(
            user_id=owner.id, name="web", key_hash="0" * 64, key_prefix="tfk_webapp",
            permissions=["tickets:read", "users:admin"], is_active=None))
    async with SqlUnitOfWork(engine).reading() as uow:
        [key] = await uow.api_keys.all(user_id=owner.id)
    assert key.permissions == {Permission.TICKETS_READ} and key.is_active is True
