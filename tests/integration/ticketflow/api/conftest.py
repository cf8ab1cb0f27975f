"""A real API server on 127.0.0.1 (ephemeral port) over the test database, and keys for it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import aiohttp
import pytest_asyncio
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.clock import utcnow
from domain.services.api_keys import create_api_key
from tests.actors import OPERATOR
from tests.integration.builders import insert_ticket, insert_user
from tests.loopback import serving
from ticketflow.api import add_api_routes
from ticketflow.runtime import Runtime, open_runtime
from ticketflow.settings import Settings


@dataclass(frozen=True)
class Person:
    id: str
    email: str


@dataclass
class Api:
    """A client of the running server; `call` returns the status and the decoded JSON."""

    base_url: str
    session: aiohttp.ClientSession
    runtime: Runtime

    async def call(self, method: str, path: str, *, key: str | None = None, json: Any = None,
                   headers: dict[str, str] | None = None, **kwargs: Any) -> tuple[int, Any]:
        response = await self.raw(method, path, key=key, json=json, headers=headers, **kwargs)
        async with response:
            assert response.content_type == "application/json", await response.text()
            return response.status, await response.json()

    async def raw(self, method: str, path: str, *, key: str | None = None, json: Any = None,
                  headers: dict[str, str] | None = None, **kwargs: Any
                  ) -> aiohttp.ClientResponse:
        sent = dict(headers or {})
        if key is not None:
            sent["Authorization"] = f"Bearer {key}"
        return await self.session.request(method, f"{self.base_url}{path}", json=json,
                                          headers=sent, **kwargs)

    async def person(self, engine: AsyncEngine, role: str = "user", *,
                     active: bool = True) -> Person:
        email = f"{role}-{uuid.uuid4().hex[:8]}@example.com"
        return Person(await insert_user(engine, role=role, active=active, email=email), email)

    async def key(self, owner: Person, permissions: str = "tickets:read,tickets:write",
                  *, expires: str | None = None) -> str:
        _, plaintext = await create_api_key(
            uow=self.runtime.uow(), actor=OPERATOR,
            user_email=owner.email, name="test", permissions=permissions, expires=expires,
            now=utcnow(),
        )
        return plaintext


class AdminTicket(NamedTuple):
    """An admin, their read-write key, and a ticket they filed: `admin, key, ticket = ...`."""

    admin: Person
    key: str
    ticket: int


@pytest_asyncio.fixture
async def admin_ticket(api: Api, engine: AsyncEngine) -> AdminTicket:
    admin = await api.person(engine, "admin")
    return AdminTicket(admin, await api.key(admin), await insert_ticket(engine, created_by=admin.id))


@pytest_asyncio.fixture
async def runtime(engine: AsyncEngine, database_url: str) -> AsyncIterator[Runtime]:
    """Requests `engine` so every table starts empty; the runtime has its own engine."""
    runtime = await open_runtime(Settings(database_url=database_url), migrate=False)
    yield runtime
    await runtime.close()


def api_app(runtime: Runtime) -> web.Application:
    app = web.Application()
    add_api_routes(app, runtime)
    return app


@pytest_asyncio.fixture
async def api(runtime: Runtime) -> AsyncIterator[Api]:
    async with serving(api_app(runtime)) as base_url, aiohttp.ClientSession() as session:
        yield Api(f"{base_url}/api/v1", session, runtime)
