"""Connector clients built once per (service URL, app id, audience), not once per turn.

Stock botbuilder builds a new `ConnectorClient` (and a `TokenApiClient`) for every turn.
Each one constructs msrest's `ClientRetryPolicy`, whose status list is a quadratic list
comprehension (~2.7 ms of CPU here, twice per turn: most of a simple turn's CPU), and
each gets fresh `MicrosoftAppCredentials`, hence an empty MSAL cache and a new token
request to Entra ID on the next send. Reusing the clients removes both costs; see
`bench/connector_clients.py` for the figures.

Reused clients also get two deliberate changes:
- msrest's urllib3 retries on HTTP status are switched off (they silently retried PUT
  and GET on 5xx inside a worker thread, without pacing); `sending.PacedSender` owns
  retries. Connection-level retries stay.
- the app's access token is fetched in a worker thread before the client is handed
  out, so msrest's synchronous `signed_session()` finds it in MSAL's cache instead of
  calling Entra ID from the event loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from dataclasses import dataclass

from botframework.connector.about import __version__ as connector_version
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticationConstants,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
)
from msrest.authentication import Authentication
from urllib3.util.retry import Retry

from bot.transport.clock import Clock, SystemClock
from bot.transport.service_urls import ServiceUrlPolicy

logger = logging.getLogger(__name__)

USER_AGENT = f"Microsoft-BotFramework/3.1 (BotBuilder Python/{connector_version})"


@dataclass(slots=True)
class _Entry:
    client: ConnectorClient
    credentials: Authentication
    token_checked_at: float | None = None


class ConnectorClients:
    def __init__(
        self,
        *,
        credentials_factory: ServiceClientCredentialsFactory,
        service_urls: ServiceUrlPolicy,
        oauth_scope: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
        login_endpoint: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX,
        max_clients: int = 256,
        token_check_interval: float = 300.0,
        clock: Clock | None = None,
    ) -> None:
        self._credentials_factory = credentials_factory
        self.service_urls = service_urls
        """Where clients may be built for: a stored reference to elsewhere is refused too."""
        self._oauth_scope = oauth_scope
        self._login_endpoint = login_endpoint
        self._max_clients = max_clients
        self._token_check_interval = token_check_interval
        self._clock = clock or SystemClock()
        self._entries: OrderedDict[tuple[str, str, str], _Entry] = OrderedDict()
        self.built = 0
        """How many clients were constructed (tests and the bench read it)."""

    def factory(self, app_id: str | None) -> ConnectorFactory:
        return _SharedConnectorFactory(self, app_id)

    async def get(
        self, *, service_url: str, app_id: str | None, audience: str | None = None
    ) -> ConnectorClient:
        self.service_urls.ensure_allowed(service_url)
        if not service_url:
            raise ValueError("a connector client needs the activity's serviceUrl")
        scope = audience or self._oauth_scope
        key = (service_url, app_id or "", scope)
        entry = self._entries.get(key)
        if entry is None:
            entry = await self._build(service_url=service_url, app_id=app_id, scope=scope)
            self._entries[key] = entry
            while len(self._entries) > self._max_clients:
                self._entries.popitem(last=False)
        else:
            self._entries.move_to_end(key)
        await self._keep_token_fresh(entry)
        return entry.client

    async def close(self) -> None:
        entries, self._entries = list(self._entries.values()), OrderedDict()
        for entry in entries:
            await entry.client.__aexit__(None, None, None)

    async def _build(self, *, service_url: str, app_id: str | None, scope: str) -> _Entry:
        credentials = await self._credentials_factory.create_credentials(
            app_id, scope, self._login_endpoint, True
        )
        client = ConnectorClient(credentials, base_url=service_url)
        client.config.add_user_agent(USER_AGENT)
        _without_status_retries(client.config.retry_policy.policy)
        self.built += 1
        return _Entry(client=client, credentials=credentials)

    async def _keep_token_fresh(self, entry: _Entry) -> None:
        if not getattr(entry.credentials, "microsoft_app_id", None):
            return
        now = self._clock.monotonic()
        checked = entry.token_checked_at
        if checked is not None and now - checked < self._token_check_interval:
            return
        entry.token_checked_at = now
        get_token = getattr(entry.credentials, "get_access_token", None)
        if get_token is None:
            return
        try:
            await asyncio.to_thread(get_token)
        except Exception:
            # Not swallowed: the send that needs the token raises the real error. A turn
            # that sends nothing (an invoke answered in the HTTP body) must not fail here.
            entry.token_checked_at = None
            logger.warning("could not fetch the bot's access token ahead of a send", exc_info=True)


def _without_status_retries(policy: Retry) -> None:
    """Edit msrest's urllib3 policy in place: the client's session already holds it."""
    policy.status_forcelist = frozenset()
    policy.respect_retry_after_header = False


class _SharedConnectorFactory(ConnectorFactory):  # type: ignore[misc]  # untyped SDK class
    def __init__(self, clients: ConnectorClients, app_id: str | None) -> None:
        self._clients = clients
        self._app_id = app_id

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        return await self._clients.get(
            service_url=service_url, app_id=self._app_id, audience=audience
        )
