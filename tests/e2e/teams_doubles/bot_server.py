"""Our transport and a given bot, served on 127.0.0.1:<ephemeral> for a test."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web
from botbuilder.core import Bot
from botframework.connector.auth import ServiceClientCredentialsFactory

from bot.transport.adapter import TeamsAdapter, create_adapter
from bot.transport.clock import Clock
from bot.transport.dedupe import ActivityDeduplicator
from bot.transport.endpoint import (
    DEFAULT_BODY_SECONDS,
    DEFAULT_MAX_BODY_BYTES,
    DEFAULT_RESEND_WAIT,
    MessagesEndpoint,
    TurnLogic,
    add_messages_route,
)
from bot.transport.local_development import bind_host
from bot.transport.sending import PacedSender
from bot.transport.settings import TransportSettings
from tests.loopback import serving


@dataclass(frozen=True)
class BotAnswer:
    status: int
    text: str
    content_type: str

    @property
    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


@dataclass
class RunningBot:
    base_url: str
    adapter: TeamsAdapter
    session: aiohttp.ClientSession

    @property
    def messages_url(self) -> str:
        return f"{self.base_url}/api/messages"

    async def post(
        self,
        activity: dict[str, Any] | None = None,
        *,
        token: str | None = None,
        raw: bytes | None = None,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> BotAnswer:
        """POST like the Bot Connector does: JSON body, `Authorization: Bearer <token>`."""
        all_headers = {"Content-Type": content_type, **(headers or {})}
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        data = raw if raw is not None else json.dumps(activity).encode()
        async with self.session.post(self.messages_url, data=data, headers=all_headers) as response:
            return BotAnswer(
                status=response.status,
                text=await response.text(),
                content_type=response.content_type,
            )

    async def get(self, path: str) -> BotAnswer:
        async with self.session.get(self.base_url + path) as response:
            return BotAnswer(response.status, await response.text(), response.content_type)


@asynccontextmanager
async def running_bot(
    bot: Bot | TurnLogic,
    *,
    settings: TransportSettings,
    credentials_factory: ServiceClientCredentialsFactory | None = None,
    clock: Clock | None = None,
    sender: PacedSender | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    deduplicator: ActivityDeduplicator | None = None,
    extra_routes: Callable[[web.Application], None] | None = None,
    resend_wait: float = DEFAULT_RESEND_WAIT,
    body_seconds: float = DEFAULT_BODY_SECONDS,
) -> AsyncIterator[RunningBot]:
    adapter = create_adapter(
        settings, credentials_factory=credentials_factory, sender=sender, clock=clock
    )
    app = web.Application()
    add_messages_route(app, MessagesEndpoint(
        adapter, bot, max_body_bytes=max_body_bytes, deduplicator=deduplicator,
        resend_wait=resend_wait, body_seconds=body_seconds,
    ))
    if extra_routes is not None:
        extra_routes(app)
    host = bind_host("127.0.0.1", local_development=settings.local_development)
    async with serving(app, host=host) as base_url, aiohttp.ClientSession() as session:
        yield RunningBot(base_url=base_url, adapter=adapter, session=session)
