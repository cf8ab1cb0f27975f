"""The stock botbuilder echo bot, as the samples build it: the baseline for turn costs.

CloudAdapter + ConfigurationBotFrameworkAuthentication with no app id, its own
`adapter.process(request, bot)` handler on aiohttp, replying to whatever `serviceUrl`
the activity names (point it at a local connector). `bench/turns.py` runs it next to
our ticket turn in the same process so the ratio is measured on the same machine.
Nothing is built at import time.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    aiohttp_error_middleware,
)


class StockEchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        text = turn_context.activity.text
        await turn_context.send_activity(MessageFactory.text(f"Echo: {text}"))


class _SampleConfig:
    """The samples' `DefaultConfig`, without credentials (local development)."""

    PORT = 3978
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


def create_stock_echo_app() -> web.Application:
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(_SampleConfig()))
    bot = StockEchoBot()

    async def messages(request: web.Request) -> web.Response:
        response: web.Response = await adapter.process(request, bot)
        return response

    app = web.Application(middlewares=[aiohttp_error_middleware])
    app.router.add_post("/api/messages", messages)
    return app


@asynccontextmanager
async def serve_stock_echo(*, host: str = "127.0.0.1", port: int = 0) -> AsyncIterator[str]:
    """Run the stock echo bot; yields its /api/messages URL."""
    runner = web.AppRunner(create_stock_echo_app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    try:
        yield f"http://{host}:{runner.addresses[0][1]}/api/messages"
    finally:
        await runner.cleanup()


def echo_activity(
    *, connector_url: str, text: str = "hello", conversation_id: str = "a:1bench-personal"
) -> dict[str, Any]:
    """A minimal Teams personal message whose replies go to `connector_url`."""
    return {
        "type": "message",
        "id": f"bench-{uuid.uuid4().hex}",
        "channelId": "msteams",
        "serviceUrl": connector_url,
        "from": {"id": "29:1bench-user", "name": "Bench User", "aadObjectId": "bench-aad"},
        "recipient": {"id": "28:bench-bot", "name": "Bench Bot"},
        "conversation": {"id": conversation_id, "conversationType": "personal"},
        "channelData": {"tenant": {"id": "bench-tenant"}},
        "text": text,
    }
