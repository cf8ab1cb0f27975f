"""Posting to a real webhook receiver on 127.0.0.1, and being refused where SSRF would start."""

from __future__ import annotations

import asyncio
import socket
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from notify.safe_http import RedirectRefused, create_webhook_session
from notify.webhook import DELIVERY_ID_HEADER, DeliveryOutcome, DeliveryResult, post_webhook
from notify.webhook_url import WebhookPolicy, WebhookUrl, WebhookUrlRefused, check_webhook_url
from tests.loopback import serving
from tests.waiting import SAFETY_NET

LOOPBACK_TESTS = WebhookPolicy(allow_loopback_for_tests=True)
PRODUCTION = WebhookPolicy()
PRODUCTION_TRUSTING_LOCALHOST = WebhookPolicy(extra_hosts=("localhost",))
CARD = {
    "type": "message",
    "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive"}],
}
CONNECTOR_THROTTLED = (
    "Webhook message delivery failed with error: Microsoft Teams endpoint returned "
    "HTTP error 429 with ContextId tcid=0,server=msgapi-production,cv=abc.0.."
)


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A stand-in for Teams: each path answers the way one kind of webhook does."""

    base_url: str = ""
    received: list[Received] = field(default_factory=list)
    release_slow: asyncio.Event = field(default_factory=asyncio.Event)
    endless_finished: asyncio.Event = field(default_factory=asyncio.Event)
    endless_bytes_sent: int = 0

    def url(self, path: str) -> str:
        return self.base_url + path

    @property
    def paths(self) -> list[str]:
        return [request.path for request in self.received]

    def app(self) -> web.Application:
        app = web.Application()
        answers: dict[str, Callable[[web.Request], Awaitable[web.StreamResponse]]] = {
            "/workflows/accepted": self.accepted,
            "/connector/ok": self.connector_ok,
            "/connector/throttled": self.connector_throttled,
            "/throttled/seconds": self.throttled_seconds,
            "/throttled/date": self.throttled_date,
            "/throttled/forever": self.throttled_forever,
            "/broken": self.broken,
            "/gone": self.gone,
            "/missing": self.missing,
            "/bad": self.bad,
            "/redirect": self.redirect,
            "/slow": self.slow,
            "/endless": self.endless,
            "/huge": self.huge,
            "/cookie": self.cookie,
            "/connector/throttled-gzip": self.connector_throttled_gzip,
            "/gzip-bomb": self.gzip_bomb,
        }
        for path, answer in answers.items():
            app.router.add_post(path, self.recording(answer))
        return app

    def recording(
        self, answer: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handle(request: web.Request) -> web.StreamResponse:
            body = await request.read()
            self.received.append(Received(request.path, dict(request.headers), body))
            return await answer(request)

        return handle

    async def accepted(self, request: web.Request) -> web.Response:
        return web.Response(status=202)

    async def connector_ok(self, request: web.Request) -> web.Response:
        return web.Response(status=200, text="1")

    async def connector_throttled(self, request: web.Request) -> web.Response:
        return web.Response(status=200, text=CONNECTOR_THROTTLED)

    async def throttled_seconds(self, request: web.Request) -> web.Response:
        return web.Response(status=429, headers={"Retry-After": "7"})

    async def throttled_date(self, request: web.Request) -> web.Response:
        later = datetime.now(UTC) + timedelta(seconds=120)
        return web.Response(
            status=429, headers={"Retry-After": format_datetime(later, usegmt=True)}
        )

    async def throttled_forever(self, request: web.Request) -> web.Response:
        return web.Response(status=429, headers={"Retry-After": "99999999"})

    async def broken(self, request: web.Request) -> web.Response:
        return web.Response(status=500, text="internal error")

    async def gone(self, request: web.Request) -> web.Response:
        return web.Response(status=410)

    async def missing(self, request: web.Request) -> web.Response:
        return web.Response(status=404)

    async def bad(self, request: web.Request) -> web.Response:
        return web.Response(status=400, text="card is invalid")

    async def redirect(self, request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": self.url("/workflows/accepted")})

    async def slow(self, request: web.Request) -> web.Response:
        await self.release_slow.wait()
        return web.Response(status=202)

    async def endless(self, request: web.Request) -> web.StreamResponse:
        """Writes until the client hangs up (or 256 MiB); flow control stalls it while unread."""
        response = web.StreamResponse(status=413)
        await response.prepare(request)
        try:
            for _ in range(4096):
                await response.write(b"x" * 65536)
                self.endless_bytes_sent += 65536
        except (ConnectionError, aiohttp.ClientConnectionResetError):
            pass
        finally:
            self.endless_finished.set()
        return response

    async def huge(self, request: web.Request) -> web.Response:
        return web.Response(status=404, body=b"y" * (1024 * 1024))

    async def connector_throttled_gzip(self, request: web.Request) -> web.Response:
        body = gzip_bytes(CONNECTOR_THROTTLED.encode())
        return web.Response(status=200, body=body, headers={"Content-Encoding": "gzip"})

    async def gzip_bomb(self, request: web.Request) -> web.Response:
        body = gzip_bytes(b"\0" * (20 * 1024 * 1024))
        return web.Response(status=413, body=body, headers={"Content-Encoding": "gzip"})

    async def cookie(self, request: web.Request) -> web.Response:
        response = web.Response(status=202)
        response.set_cookie("tracker", "1")
        return response


def gzip_bytes(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=zlib.MAX_WBITS | 16)
    return compressor.compress(data) + compressor.flush()


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    async with serving(receiver.app(), handler_cancellation=True) as receiver.base_url:
        try:
            yield receiver
        finally:
            receiver.release_slow.set()  # before the server stops: nothing waits on it


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with create_webhook_session(LOOPBACK_TESTS, timeout=SAFETY_NET) as session:
        yield session


@pytest.fixture
async def production_session() -> AsyncIterator[aiohttp.ClientSession]:
    async with create_webhook_session(PRODUCTION_TRUSTING_LOCALHOST, timeout=SAFETY_NET) as session:
        yield session


async def deliver(
    session: aiohttp.ClientSession,
    url: WebhookUrl | str,
    policy: WebhookPolicy = LOOPBACK_TESTS,
    *,
    payload: dict[str, Any] = CARD,
    delivery_id: str = "dlv-42",
    **limits: Any,
) -> DeliveryOutcome:
    return await post_webhook(
        session, url, payload, delivery_id=delivery_id, policy=policy, **limits
    )


@pytest.mark.parametrize(
    ("path", "result", "status"),
    [
        pytest.param(
            "/workflows/accepted", DeliveryResult.DELIVERED, 202,
            id="a Workflows webhook answering 202 is delivered",
        ),
        pytest.param(
            "/connector/ok", DeliveryResult.DELIVERED, 200,
            id="a legacy connector answering 200 with 1 is delivered",
        ),
        pytest.param(
            "/connector/throttled", DeliveryResult.RETRY_LATER, 200,
            id="a legacy connector hiding a 429 in a 200 is retried later",
        ),
        pytest.param("/gone", DeliveryResult.GONE, 410, id="a removed webhook (410) is gone"),
        pytest.param("/missing", DeliveryResult.GONE, 404, id="a removed webhook (404) is gone"),
        pytest.param("/bad", DeliveryResult.REJECTED, 400, id="a bad request is rejected"),
    ],
)
async def test_the_receivers_answer_decides_the_outcome(
    session: aiohttp.ClientSession,
    receiver: Receiver,
    path: str,
    result: DeliveryResult,
    status: int,
) -> None:
    outcome = await deliver(session, receiver.url(path))
    assert (outcome.result, outcome.http_status) == (result, status)


async def test_the_receiver_gets_the_json_payload_and_the_delivery_id(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    await deliver(session, receiver.url("/workflows/accepted"))
    (request,) = receiver.received
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers[DELIVERY_ID_HEADER] == "dlv-42"
    assert request.headers["User-Agent"].startswith("TicketFlow")
    assert (
        request.body
        == b'{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive"}]}'
    )


async def test_a_checked_webhook_url_can_be_posted_as_is(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    stored = check_webhook_url(receiver.url("/workflows/accepted"), policy=LOOPBACK_TESTS)
    outcome = await deliver(session, stored)
    assert outcome.result is DeliveryResult.DELIVERED


async def test_a_429_with_retry_after_seconds_is_retried_after_that_delay(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(session, receiver.url("/throttled/seconds"))
    assert (outcome.result, outcome.retry_after) == (DeliveryResult.RETRY_LATER, 7.0)


async def test_a_429_with_a_retry_after_date_is_retried_after_that_date(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(session, receiver.url("/throttled/date"))
    assert outcome.result is DeliveryResult.RETRY_LATER
    assert outcome.retry_after is not None and 100.0 < outcome.retry_after <= 120.0


async def test_an_absurd_retry_after_is_capped(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(session, receiver.url("/throttled/forever"))
    assert outcome.retry_after == 3600.0


async def test_a_server_error_is_retried_later(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(session, receiver.url("/broken"))
    assert (outcome.result, outcome.http_status) == (DeliveryResult.RETRY_LATER, 500)
    assert outcome.detail == "HTTP 500: internal error"


async def test_a_redirect_is_rejected_and_its_target_receives_nothing(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(session, receiver.url("/redirect"))
    assert (outcome.result, outcome.http_status) == (DeliveryResult.REJECTED, 302)
    assert receiver.paths == ["/redirect"]


async def test_the_session_refuses_redirects_even_when_a_caller_asks_to_follow_them(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    with pytest.raises(RedirectRefused):
        await session.post(receiver.url("/redirect"), json=CARD)
    assert receiver.paths == ["/redirect"]


async def test_a_webhook_that_does_not_answer_in_time_is_retried_later(
    receiver: Receiver,
) -> None:
    async with create_webhook_session(LOOPBACK_TESTS, timeout=0.3) as impatient:
        outcome = await deliver(impatient, receiver.url("/slow"))
    assert outcome.result is DeliveryResult.RETRY_LATER
    assert outcome.http_status is None
    assert receiver.paths == ["/slow"]


async def test_an_endless_body_is_read_only_up_to_the_cap(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(session, receiver.url("/endless"), max_body_bytes=1024)
    assert (outcome.result, outcome.http_status) == (DeliveryResult.REJECTED, 413)
    assert outcome.detail.startswith("HTTP 413: xxxx")
    assert outcome.detail.endswith("…")
    await asyncio.wait_for(receiver.endless_finished.wait(), timeout=SAFETY_NET)
    # The client hung up after the cap: only socket buffers' worth was ever sent, not 256 MiB.
    assert receiver.endless_bytes_sent < 32 * 1024 * 1024


async def test_a_body_declared_larger_than_the_cap_is_not_read(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(session, receiver.url("/huge"))
    assert (outcome.result, outcome.detail) == (DeliveryResult.GONE, "HTTP 404: …")


async def test_a_connector_failure_sent_gzipped_anyway_is_still_recognised(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(session, receiver.url("/connector/throttled-gzip"))
    assert (outcome.result, outcome.http_status) == (DeliveryResult.RETRY_LATER, 200)


async def test_a_compressed_body_is_not_expanded_past_the_cap(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(session, receiver.url("/gzip-bomb"), max_body_bytes=64 * 1024)
    assert (outcome.result, outcome.detail) == (DeliveryResult.REJECTED, "HTTP 413: …")


async def test_a_closed_port_is_retried_later(session: aiohttp.ClientSession) -> None:
    with socket.socket() as bound_but_not_listening:
        bound_but_not_listening.bind(("127.0.0.1", 0))
        port = bound_but_not_listening.getsockname()[1]
        outcome = await deliver(session, f"http://127.0.0.1:{port}/hook")
    assert outcome.result is DeliveryResult.RETRY_LATER
    assert "could not connect to 127.0.0.1" in outcome.detail


async def test_cookies_set_by_a_receiver_are_never_sent_back(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    await deliver(session, receiver.url("/cookie"))
    await deliver(session, receiver.url("/cookie"))
    assert all("Cookie" not in request.headers for request in receiver.received)


async def test_proxy_settings_in_the_environment_are_ignored(
    session: aiohttp.ClientSession, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    async with create_webhook_session(LOOPBACK_TESTS, timeout=SAFETY_NET) as fresh:
        outcome = await deliver(fresh, receiver.url("/workflows/accepted"))
    assert outcome.result is DeliveryResult.DELIVERED


async def test_localhost_by_name_is_reachable_with_the_test_flag(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    url = receiver.url("/workflows/accepted").replace("127.0.0.1", "localhost")
    assert (await deliver(session, url)).result is DeliveryResult.DELIVERED


async def test_without_the_test_flag_the_receiver_url_is_refused_and_never_called(
    production_session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    outcome = await deliver(
        production_session, receiver.url("/workflows/accepted"), PRODUCTION_TRUSTING_LOCALHOST
    )
    assert outcome.result is DeliveryResult.REJECTED
    assert outcome.detail == "URL refused: The webhook URL must use https."
    assert receiver.received == []


async def test_an_allowed_name_resolving_to_loopback_is_refused_at_connect_time(
    production_session: aiohttp.ClientSession,
) -> None:
    """Nothing listens on 443 here: without the resolver's refusal this would be a retryable connect error."""
    outcome = await deliver(
        production_session, "https://localhost/workflows/accepted", PRODUCTION_TRUSTING_LOCALHOST
    )
    assert outcome.result is DeliveryResult.REJECTED
    assert "127.0.0.1 is a loopback address" in outcome.detail


async def test_a_session_without_the_flag_refuses_loopback_whatever_policy_the_caller_passes(
    production_session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    url = receiver.url("/workflows/accepted").replace("127.0.0.1", "localhost")
    outcome = await deliver(production_session, url, LOOPBACK_TESTS)
    assert outcome.result is DeliveryResult.REJECTED
    assert receiver.received == []


async def test_a_session_without_the_flag_refuses_a_raw_loopback_request(
    production_session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    with pytest.raises(WebhookUrlRefused):
        await production_session.post(receiver.url("/workflows/accepted"), json=CARD)
    assert receiver.received == []


async def test_a_stored_url_that_the_policy_now_refuses_is_never_called(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    stored = check_webhook_url(receiver.url("/workflows/accepted"), policy=LOOPBACK_TESTS)
    outcome = await deliver(session, stored, PRODUCTION)
    assert outcome.result is DeliveryResult.REJECTED
    assert receiver.received == []


class RebindingDns(AbstractResolver):
    """An attacker's DNS: a public address first, then an internal one."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        return [
            ResolveResult(
                hostname=host, host=address, port=port, family=socket.AF_INET, proto=0, flags=0
            )
            for address in ("13.107.6.152", "10.0.0.7")
        ]

    async def close(self) -> None:
        pass


async def test_mixed_public_and_private_dns_answers_are_refused_before_dialing() -> None:
    """No network here: had anything been dialled, the outcome would be a retryable connect error."""
    policy = WebhookPolicy(extra_hosts=("hooks.example.test",))
    async with create_webhook_session(
        policy, timeout=5.0, inner_resolver=RebindingDns()
    ) as guarded:
        outcome = await deliver(guarded, "https://hooks.example.test/in", policy)
    assert outcome.result is DeliveryResult.REJECTED
    assert "10.0.0.7 is a private address" in outcome.detail


async def test_a_payload_that_is_not_json_is_a_programming_error(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    with pytest.raises(TypeError):
        await deliver(session, receiver.url("/workflows/accepted"), payload={"when": object()})
    assert receiver.received == []


async def test_a_delivery_id_that_could_split_headers_is_a_programming_error(
    session: aiohttp.ClientSession, receiver: Receiver
) -> None:
    with pytest.raises(ValueError):
        await deliver(
            session, receiver.url("/workflows/accepted"), delivery_id="dlv\r\nX-Evil: 1"
        )
    assert receiver.received == []
