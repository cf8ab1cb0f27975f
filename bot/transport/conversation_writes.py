"""The connector writes a turn makes (send, reply, update, delete), over aiohttp.

botbuilder's `ConnectorClient` sends through msrest: `requests` on a worker thread per
call, its serializer, its pipeline. For the writes on every turn that is most of a
reply's cost, so they go out here on the event loop instead, with one pooled aiohttp
session. Everything that decides *what* is sent stays msrest's: the same URL and
headers, the same JSON (`activity_json`), and the bearer token from the same
credentials object (`signed_session`, which in local development mode adds none).
Other connector calls (member lookup, conversation creation) keep the SDK client.

Errors keep the shape `PacedSender` retries on: an error status raises
`ConnectorAnswered`, a connector that cannot be reached `ConnectorUnreachable`.
Like msrest's urllib3 policy, a connection that could not be opened is tried up to
three more times (after 0, 1.6 and 3.2 s), and so is a dropped connection for the
idempotent update and delete -- never a POST that may have arrived.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin, urlparse
from urllib.request import getproxies, proxy_bypass

import aiohttp
from botbuilder.schema import Activity, ResourceResponse
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import AppCredentials
from msrest.serialization import Serializer
from yarl import URL

from bot.transport.activity_json import activity_json
from bot.transport.clock import Clock, SystemClock
from bot.transport.sending import ConnectorAnswered, ConnectorUnreachable

ACTIVITIES = "/v3/conversations/{conversationId}/activities"
ACTIVITY = "/v3/conversations/{conversationId}/activities/{activityId}"
CONNECT_RETRIES = 3
CONNECT_BACKOFF = 0.8
REQUEST_TIMEOUT = 100.0
"""msrest's default, per connect and per read."""


class _Headers:
    """What `AppCredentials.signed_session` writes the Authorization header into."""

    __slots__ = ("headers",)

    def __init__(self) -> None:
        self.headers: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class ConnectorTarget:
    """Where a connector client writes and how it signs: read off the client's config."""

    base_url: str
    credentials: AppCredentials
    user_agent: str
    serializer: Serializer

    @classmethod
    def of(cls, client: ConnectorClient) -> ConnectorTarget | None:
        """None for credentials whose signing this module does not know (msrest sends)."""
        config = client.config
        credentials = getattr(config, "credentials", None)
        if not isinstance(credentials, AppCredentials):
            return None
        return cls(
            base_url=config.base_url,
            credentials=credentials,
            user_agent=config.user_agent,
            serializer=client.conversations._serialize,
        )

    def authorization(self) -> str | None:
        carrier = _Headers()
        self.credentials.signed_session(carrier)
        return carrier.headers.get("Authorization")


class ConversationWrites:
    def __init__(self, *, clock: Clock | None = None) -> None:
        self._clock = clock or SystemClock()
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, str] = {}

    async def send(
        self, target: ConnectorTarget, conversation_id: str, activity: Activity
    ) -> ResourceResponse | None:
        url = _url(target, ACTIVITIES, conversationId=conversation_id)
        return await self._write(target, "POST", url, activity=activity)

    async def reply(
        self, target: ConnectorTarget, conversation_id: str, reply_to_id: str, activity: Activity
    ) -> ResourceResponse | None:
        url = _url(target, ACTIVITY, conversationId=conversation_id, activityId=reply_to_id)
        return await self._write(
            target, "POST", url, activity=activity, conversation_header=conversation_id
        )

    async def update(
        self, target: ConnectorTarget, conversation_id: str, activity: Activity
    ) -> ResourceResponse | None:
        url = _url(target, ACTIVITY, conversationId=conversation_id, activityId=activity.id)
        return await self._write(target, "PUT", url, activity=activity)

    async def delete(self, target: ConnectorTarget, conversation_id: str, activity_id: str) -> None:
        url = _url(target, ACTIVITY, conversationId=conversation_id, activityId=activity_id)
        await self._write(target, "DELETE", url, ok=frozenset({200, 202}))

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    async def _write(
        self,
        target: ConnectorTarget,
        method: str,
        url: URL,
        *,
        activity: Activity | None = None,
        conversation_header: str | None = None,
        ok: frozenset[int] = frozenset({200, 201, 202}),
    ) -> ResourceResponse | None:
        headers = {"User-Agent": target.user_agent}
        body: bytes | None = None
        if activity is not None:
            headers["Accept"] = "application/json"
            headers["Content-Type"] = "application/json; charset=utf-8"
            body = json.dumps(activity_json(activity, target.serializer)).encode()
        if conversation_header is not None:
            headers["x-ms-conversation-id"] = conversation_header
        authorization = target.authorization()
        if authorization:
            headers["Authorization"] = authorization
        status, answer_headers, text = await self._exchange(method, url, headers, body)
        if status not in ok:
            raise ConnectorAnswered(
                status, code=_error_code(text), retry_after=answer_headers.get("Retry-After")
            )
        if method == "DELETE" or status == 202:
            return None
        answer = _json(text)
        return ResourceResponse(id=answer.get("id")) if isinstance(answer, dict) else None

    async def _exchange(
        self, method: str, url: URL, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, dict[str, str], str]:
        idempotent = method != "POST"
        retries = 0
        while True:
            try:
                session = self._open()
                async with session.request(
                    method, url, headers=headers, data=body, **self._proxy_for(url)
                ) as answer:
                    return answer.status, dict(answer.headers), await answer.text()
            except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as error:
                failure: Exception = error  # nothing was sent: always safe to try again
            except (aiohttp.ClientConnectionError, asyncio.TimeoutError) as error:
                if not idempotent:
                    raise ConnectorUnreachable(f"{method} {url.host}: {error!r}") from error
                failure = error
            except aiohttp.ClientError as error:
                raise ConnectorUnreachable(f"{method} {url.host}: {error!r}") from error
            if retries == CONNECT_RETRIES:
                raise ConnectorUnreachable(f"{method} {url.host}: {failure!r}") from failure
            retries += 1
            await self._clock.sleep(0.0 if retries == 1 else CONNECT_BACKOFF * 2 ** (retries - 1))

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            # Not `trust_env`: it reads ~/.netrc in a worker thread on every request.
            # Proxies from the environment are read once here instead, as msrest's
            # `requests` session would honour them.
            self._proxies = getproxies()
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(
                    total=None, sock_connect=REQUEST_TIMEOUT, sock_read=REQUEST_TIMEOUT
                ),
            )
        return self._session

    def _proxy_for(self, url: URL) -> dict[str, Any]:
        if not self._proxies or url.host is None or proxy_bypass(url.host):
            return {}
        proxy = self._proxies.get(url.scheme)
        if not proxy:
            return {}
        address = URL(proxy)
        return {"proxy": address.with_user(None), "proxy_auth": aiohttp.BasicAuth.from_url(address)}


def _url(target: ConnectorTarget, template: str, **ids: str | None) -> URL:
    """msrest's `format_url`: ids quoted whole, joined under the service URL."""
    quoted = {}
    for name, value in ids.items():
        if value is None:
            raise ValueError(f"{name} is required for a connector write")
        quoted[name] = quote(str(value), safe="")
    path = template.format(**quoted)
    parsed = urlparse(path)
    if not parsed.scheme or not parsed.netloc:
        base = target.base_url.format(**quoted).rstrip("/")
        path = urljoin(base + "/", path.lstrip("/"))
    return URL(path, encoded=True)


def _json(text: str) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def _error_code(text: str) -> str | None:
    """`{"error": {"code": …}}`, the Bot Connector's ErrorResponse."""
    answer = _json(text)
    error = answer.get("error") if isinstance(answer, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else None
