"""Bot Framework token validation over real HTTP, against a local OpenID/JWKS stand-in."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import web
from botbuilder.core import TurnContext

from bot.transport.service_urls import ServiceUrlPolicy, ServiceUrlRefused
from bot.transport.settings import InvalidTransportSettings, TransportSettings
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsUser
from tests.e2e.teams_doubles.bot_server import RunningBot
from tests.e2e.teams_doubles.clock import ManualClock
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.credentials import StaticTokenCredentialsFactory
from tests.e2e.teams_doubles.fixtures import BOT, ServeBot
from tests.e2e.teams_doubles.openid import OpenIdStandIn
from tests.e2e.teams_doubles.tokens import TokenSigner
from tests.waiting import until


class CountingBot:
    """The smallest bot: counts its turns and says hi."""

    def __init__(self) -> None:
        self.turns = 0

    async def __call__(self, turn_context: TurnContext) -> None:
        self.turns += 1
        await turn_context.send_activity("hi")


@dataclass
class Gate:
    """A counting bot served as in production (every incoming token checked against the
    OpenID stand-in), with the signer that makes good and bad tokens for it."""

    bot: CountingBot
    teams: TeamsActivities
    signer: TokenSigner
    openid: OpenIdStandIn
    connector: ConnectorStandIn
    serve_authenticated: ServeBot

    async def serve(self, **options: Any) -> RunningBot:
        return await self.serve_authenticated(self.bot, **options)

    def valid_token(self) -> str:
        return self.signer.valid(service_url=self.teams.service_url)

    def forged_key_id(self) -> str:
        return self.signer.unknown_key(service_url=self.teams.service_url)


@pytest.fixture
def gate(
    serve_authenticated: ServeBot,
    teams: TeamsActivities,
    token_signer: TokenSigner,
    openid: OpenIdStandIn,
    connector: ConnectorStandIn,
) -> Gate:
    return Gate(CountingBot(), teams, token_signer, openid, connector, serve_authenticated)


async def test_a_valid_teams_token_is_processed_and_replies_carry_the_bots_token(
    gate: Gate, outbound_credentials: StaticTokenCredentialsFactory
) -> None:
    running = await gate.serve()

    answer = await running.post(gate.teams.personal_message("hello"), token=gate.valid_token())

    assert answer.status == 200
    assert gate.bot.turns == 1
    [reply] = gate.connector.successful("reply")
    assert reply.authorization == outbound_credentials.authorization


BAD_TOKENS: dict[str, Callable[[TokenSigner, str], str | None]] = {
    "missing header": lambda signer, url: None,
    "garbage": lambda signer, url: "not.a.jwt",
    "wrong audience": lambda signer, url: signer.wrong_audience(service_url=url),
    "wrong issuer": lambda signer, url: signer.wrong_issuer(service_url=url),
    "expired": lambda signer, url: signer.expired(service_url=url),
    "unknown key id": lambda signer, url: signer.unknown_key(service_url=url),
    "no key id": lambda signer, url: signer.without_key_id(service_url=url),
    "someone else's signature": lambda signer, url: signer.foreign_signature(service_url=url),
    "HS256 keyed with the public key": lambda signer, url: signer.hs256_with_public_key(
        service_url=url
    ),
    "alg none": lambda signer, url: signer.unsigned(service_url=url),
    "another service url": lambda signer, url: signer.other_service_url(service_url=url),
}


@pytest.mark.parametrize("case", list(BAD_TOKENS))
async def test_a_bad_token_is_refused_with_401_and_the_bot_never_runs(gate: Gate, case: str) -> None:
    running = await gate.serve()
    token = BAD_TOKENS[case](gate.signer, gate.teams.service_url)

    answer = await running.post(gate.teams.personal_message("hello"), token=token)

    assert answer.status == 401
    assert answer.json["error"] == "unauthorized"
    assert gate.bot.turns == 0
    assert gate.connector.calls == []


async def test_a_wrong_scheme_is_refused(gate: Gate) -> None:
    running = await gate.serve()

    answer = await running.post(
        gate.teams.personal_message("hello"),
        headers={"Authorization": f"Basic {gate.valid_token()}"},
    )

    assert answer.status == 401
    assert gate.bot.turns == 0


async def test_a_key_not_endorsed_for_teams_is_refused(gate: Gate) -> None:
    gate.openid.keys = [{**gate.signer.jwk(), "endorsements": ["webchat"]}]
    running = await gate.serve()

    answer = await running.post(gate.teams.personal_message("hello"), token=gate.valid_token())

    assert answer.status == 401
    assert gate.bot.turns == 0


async def test_an_invoke_with_a_bad_token_is_refused_before_the_bot_answers(gate: Gate) -> None:
    running = await gate.serve()

    answer = await running.post(
        gate.teams.card_action("resolve", {"ticket": 7}),
        token=gate.signer.expired(service_url=gate.teams.service_url),
    )

    assert answer.status == 401
    assert gate.bot.turns == 0


@pytest.mark.parametrize("outage", ["answers 503", "refuses connections"])
async def test_a_metadata_outage_is_401_not_500(gate: Gate, outage: str) -> None:
    if outage == "answers 503":
        gate.openid.available = False
    else:
        gate.openid.stop()
    running = await gate.serve()

    answer = await running.post(gate.teams.personal_message("hello"), token=gate.valid_token())

    assert answer.status == 401
    assert answer.json == {
        "error": "unauthorized",
        "message": "signing keys are unavailable; refusing",
    }
    assert gate.bot.turns == 0


async def test_keys_the_start_could_not_fetch_are_fetched_by_the_first_request(
    gate: Gate, caplog: pytest.LogCaptureFixture
) -> None:
    """The download at start-up timed out once on a loaded machine, and every request for
    the next ten seconds was refused as if the issuer were down."""
    gate.openid.available = False
    with caplog.at_level(logging.WARNING, logger="bot.transport.signing_keys"):
        running = await gate.serve()
        await until(lambda: "signing keys not available yet" in caplog.text,
                    what="the download at start to fail")
    gate.openid.available = True

    answer = await running.post(gate.teams.personal_message("hello"), token=gate.valid_token())

    assert answer.status == 200, answer.json
    assert gate.bot.turns == 1


async def test_signing_keys_are_downloaded_once_for_many_concurrent_requests(gate: Gate) -> None:
    running = await gate.serve()
    token = gate.valid_token()

    users = [TeamsUser(id=f"29:user-{i}", aad_object_id=f"aad-{i}") for i in range(10)]

    answers = await asyncio.gather(
        *(running.post(gate.teams.personal_message("hi", user=user), token=token) for user in users)
    )

    assert [a.status for a in answers] == [200] * 10
    assert (gate.openid.metadata_requests, gate.openid.keys_requests) == (1, 1)


async def test_forged_key_ids_cost_at_most_one_download_per_hour(gate: Gate) -> None:
    clock = ManualClock()
    running = await gate.serve(clock=clock)
    forged = gate.forged_key_id()

    for _ in range(5):
        assert (await running.post(gate.teams.personal_message("x"), token=forged)).status == 401
    clock.advance(3601)
    for _ in range(5):
        assert (await running.post(gate.teams.personal_message("x"), token=forged)).status == 401

    assert gate.openid.keys_requests == 2


async def test_a_hanging_key_download_does_not_stall_the_event_loop(gate: Gate) -> None:
    """While a forged request waits for keys, the same server still answers others.

    The stock SDK downloads keys with a blocking `requests.get` on the loop: the
    second request below could not be answered until the download was released.
    """

    async def ping(_: web.Request) -> web.Response:
        return web.Response(text="pong")

    with gate.openid.hold() as download_waiting:
        running = await gate.serve(extra_routes=lambda app: app.router.add_get("/ping", ping))
        forged = asyncio.create_task(
            running.post(gate.teams.personal_message("x"), token=gate.forged_key_id())
        )
        await asyncio.to_thread(download_waiting.wait, 10)

        pong = await running.get("/ping")

        assert pong.text == "pong"
        assert not forged.done()
    assert (await forged).status == 401


async def test_conversations_with_valid_tokens_continue_while_forged_ids_refresh_keys(
    gate: Gate,
) -> None:
    clock = ManualClock()
    running = await gate.serve(clock=clock)
    valid = gate.valid_token()
    assert (await running.post(gate.teams.personal_message("warm"), token=valid)).status == 200
    clock.advance(3601)

    with gate.openid.hold() as download_waiting:
        forged = asyncio.create_task(
            running.post(gate.teams.personal_message("x"), token=gate.forged_key_id())
        )
        await asyncio.to_thread(download_waiting.wait, 10)

        answer = await running.post(gate.teams.personal_message("still here"), token=valid)

        assert answer.status == 200
        assert not forged.done()
    assert (await forged).status == 401
    assert gate.bot.turns == 2


async def test_signing_keys_older_than_a_day_are_downloaded_again(gate: Gate) -> None:
    clock = ManualClock()
    running = await gate.serve(clock=clock)
    token = gate.valid_token()
    assert (await running.post(gate.teams.personal_message("a"), token=token)).status == 200

    clock.advance(24 * 3600 + 1)
    assert (await running.post(gate.teams.personal_message("b"), token=token)).status == 200

    assert gate.openid.keys_requests == 2


async def test_a_failed_daily_refresh_keeps_the_keys_it_had(gate: Gate) -> None:
    clock = ManualClock()
    running = await gate.serve(clock=clock)
    token = gate.valid_token()
    assert (await running.post(gate.teams.personal_message("a"), token=token)).status == 200

    gate.openid.available = False
    clock.advance(24 * 3600 + 1)
    answer = await running.post(gate.teams.personal_message("b"), token=token)

    assert answer.status == 200
    assert gate.bot.turns == 2


@pytest.mark.parametrize(
    ("settings", "variable"),
    [
        ({"app_id": "x"}, "MicrosoftAppPassword"),
        ({"app_id": "x", "app_password": "p", "app_type": "SingleTenant"}, "MicrosoftAppTenantId"),
        ({"app_id": "x", "app_type": "UserAssignedMSI"}, "MicrosoftAppTenantId"),
        ({"app_type": "Anything"}, "MicrosoftAppType"),
        ({"openid_metadata_url": "ftp://keys"}, "OpenID metadata URL"),
    ],
)
def test_an_incomplete_registration_is_refused_naming_the_variable(
    settings: dict[str, str], variable: str
) -> None:
    with pytest.raises(InvalidTransportSettings, match=variable):
        TransportSettings(**settings)


@pytest.mark.parametrize("body", [
    b'{"type": "message", "text": "' + b"x" * 200_000,  # not even JSON
    b'{"type": "message", "text": "' + b"x" * 300_000 + b'"}',  # over the size limit
])
async def test_a_forged_request_is_refused_before_its_body_is_read(
    gate: Gate, body: bytes
) -> None:
    running = await gate.serve()
    forged = gate.signer.foreign_signature(service_url=gate.teams.service_url)

    answer = await running.post(raw=body, token=forged)
    unsigned = await running.post(raw=body)

    assert (answer.status, answer.json["error"]) == (401, "unauthorized")
    assert (unsigned.status, unsigned.json["error"]) == (401, "unauthorized")
    assert gate.bot.turns == 0


async def test_a_valid_token_still_gets_its_body_checked(gate: Gate) -> None:
    running = await gate.serve()
    token = gate.valid_token()

    broken = await running.post(raw=b'{"type": "message", "text": "', token=token)
    elsewhere = gate.teams.personal_message("hi")
    elsewhere["serviceUrl"] = "https://smba.trafficmanager.net/evil/"
    moved = await running.post(elsewhere, token=token)

    assert (broken.status, broken.json["error"]) == (400, "invalid_json")
    assert (moved.status, moved.json["error"]) == (401, "unauthorized")
    assert gate.bot.turns == 0


@pytest.mark.parametrize("service_url", [
    "http://169.254.169.254/latest/meta-data/",  # a cloud metadata endpoint
    "https://10.0.0.7/",
    "https://smba.trafficmanager.net.attacker.example/amer/",  # a look-alike name
    "http://smba.trafficmanager.net/amer/",  # the right host without TLS
    "https://tickets.internal.example.com/",
    "LOCALHOST",  # a loopback name that is not in TICKETFLOW_CONNECTOR_HOSTS
])
async def test_a_signed_activity_naming_a_service_url_off_the_bot_connector_hosts_is_refused(
    gate: Gate, service_url: str
) -> None:
    """A token binds the serviceUrl it names (`serviceurl` claim), but the bot keeps to the
    Bot Connector's hosts whoever signed it: an activity naming another is a 403, no turn runs
    and nothing is posted there."""
    async with ConnectorStandIn() as elsewhere:
        if service_url == "LOCALHOST":  # a live listener, to see that nothing reaches it
            service_url = elsewhere.service_url.replace("127.0.0.1", "localhost")
        running = await gate.serve()
        activity = {**gate.teams.personal_message("hello"), "serviceUrl": service_url}

        answer = await running.post(activity, token=gate.signer.valid(service_url=service_url))

        assert answer.status == 403, answer.text
        assert answer.json["error"] == "service_url_not_allowed"
        assert "Bot Connector" in answer.json["message"]
        assert gate.bot.turns == 0
        assert gate.connector.calls == [] and elsewhere.calls == []


async def test_a_connector_client_for_a_host_off_the_bot_connector_hosts_is_never_built(
    gate: Gate
) -> None:
    """A conversation reference stored before (or written by hand) cannot send elsewhere."""
    running = await gate.serve()
    connectors = running.adapter.authentication.connectors

    with pytest.raises(ServiceUrlRefused):
        await connectors.get(service_url="https://169.254.169.254/", app_id=BOT.app_id)
    assert await connectors.get(service_url=gate.teams.service_url, app_id=BOT.app_id)


def test_the_bot_connector_hosts_are_its_own_https_hosts_and_those_configured() -> None:
    policy = ServiceUrlPolicy.for_bot(local_development=False, extra_hosts=("*.example.net",))
    allowed = ["https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/emea/",
               "https://smba.infra.gcc.teams.microsoft.com/", "https://webchat.botframework.com/",
               "https://SMBA.TrafficManager.net./apac/", "https://connector.example.net/"]
    refused = ["http://smba.trafficmanager.net/amer/", "https://evil.smba.trafficmanager.net/",
               "https://smba.trafficmanager.net.example.com/", "https://botframework.com.evil/",
               "https://user@smba.trafficmanager.net/", "https://smba.trafficmanager.net:99999/",
               "https://example.net/", "http://127.0.0.1:3978/", "ftp://smba.trafficmanager.net/",
               "", None, 7]
    assert [url for url in allowed if not policy.allows(url)] == []
    assert [url for url in refused if policy.allows(url)] == []
    local = ServiceUrlPolicy.for_bot(local_development=True)
    assert local.allows("http://127.0.0.1:3978/") and not local.allows(allowed[0])
