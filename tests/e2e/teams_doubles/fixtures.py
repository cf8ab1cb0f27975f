"""Pytest fixtures over the Teams doubles.

Use them from a test module with `from tests.e2e.teams_doubles.fixtures import *`, or
register the module once with `pytest_plugins = ["tests.e2e.teams_doubles.fixtures"]`
in the top-level conftest.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack
from typing import Any

import pytest
import pytest_asyncio
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.transport.settings import TransportSettings
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsBot
from tests.e2e.teams_doubles.bot_server import RunningBot, running_bot
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.credentials import StaticTokenCredentialsFactory
from tests.e2e.teams_doubles.openid import OpenIdStandIn
from tests.e2e.teams_doubles.tokens import TokenSigner, new_rsa_key

BOT = TeamsBot()
CONNECTOR_HOSTS = ("127.0.0.1",)
"""The Bot Connector stand-in listens on loopback: a host the bot may reply to."""

__all__ = [
    "BOT",
    "ServeBot",
    "authenticated_settings",
    "connector",
    "openid",
    "outbound_credentials",
    "rsa_signing_key",
    "serve_authenticated",
    "serve_bot",
    "teams",
    "token_signer",
]

ServeBot = Callable[..., Awaitable[RunningBot]]


@pytest.fixture(scope="session")
def rsa_signing_key() -> rsa.RSAPrivateKey:
    """One RSA key per test session: generating 2048-bit keys is slow."""
    return new_rsa_key()


@pytest.fixture
def token_signer(rsa_signing_key: rsa.RSAPrivateKey) -> TokenSigner:
    return TokenSigner(app_id=BOT.app_id, private_key=rsa_signing_key)


@pytest.fixture
def openid(token_signer: TokenSigner) -> Iterator[OpenIdStandIn]:
    with OpenIdStandIn([token_signer.jwk()]) as stand_in:
        yield stand_in


@pytest_asyncio.fixture
async def connector() -> AsyncIterator[ConnectorStandIn]:
    async with ConnectorStandIn() as stand_in:
        yield stand_in


@pytest.fixture
def teams(connector: ConnectorStandIn) -> TeamsActivities:
    return TeamsActivities(service_url=connector.service_url, bot=BOT)


@pytest.fixture
def outbound_credentials(connector: ConnectorStandIn) -> StaticTokenCredentialsFactory:
    """Outbound credentials; the connector stand-in then insists on their token."""
    factory = StaticTokenCredentialsFactory(app_id=BOT.app_id)
    connector.expected_authorization = factory.authorization
    return factory


@pytest.fixture
def authenticated_settings(openid: OpenIdStandIn) -> TransportSettings:
    return TransportSettings(
        app_id=BOT.app_id, app_password="not-used", openid_metadata_url=openid.metadata_url,
        connector_hosts=CONNECTOR_HOSTS,
    )


@pytest_asyncio.fixture
async def serve_bot() -> AsyncIterator[ServeBot]:
    """`await serve_bot(bot, settings=..., ...)` -> a `RunningBot`, stopped after the test."""
    async with AsyncExitStack() as stack:

        async def start(bot: Any, **options: Any) -> RunningBot:
            options.setdefault("settings", TransportSettings())
            return await stack.enter_async_context(running_bot(bot, **options))

        yield start


@pytest.fixture
def serve_authenticated(
    serve_bot: ServeBot,
    authenticated_settings: TransportSettings,
    outbound_credentials: StaticTokenCredentialsFactory,
) -> ServeBot:
    """`await serve_authenticated(bot, ...)`: served as in production, checking every
    incoming token and calling the connector with real-looking credentials."""

    async def start(bot: Any, **options: Any) -> RunningBot:
        return await serve_bot(
            bot, settings=authenticated_settings, credentials_factory=outbound_credentials,
            **options,
        )

    return start
