"""Sends through the connector stand-in: pacing, retries on throttling, client reuse."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable

import pytest
from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationParameters,
)

from bot.transport.local_development import NonLoopbackServiceUrl
from bot.transport.pacing import TEAMS_CONVERSATION_LIMITS, ConversationPacer, RateWindow
from bot.transport.sending import (
    ConnectorCallFailed,
    ConnectorRetryPolicy,
    PacedSender,
    parse_retry_after,
)
from bot.transport.settings import TransportSettings
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsUser
from tests.e2e.teams_doubles.bot_server import RunningBot
from tests.e2e.teams_doubles.clock import ManualClock
from tests.e2e.teams_doubles.connector import ConnectorStandIn, TeamsMember
from tests.e2e.teams_doubles.credentials import StaticTokenCredentialsFactory
from tests.e2e.teams_doubles.fixtures import ServeBot
from tests.e2e.teams_doubles.tokens import TokenSigner

Logic = Callable[[TurnContext], Awaitable[None]]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sender(clock: ManualClock) -> PacedSender:
    return PacedSender(clock=clock, jitter=lambda delay: delay)


@pytest.fixture
def serve_paced(serve_bot: ServeBot, clock: ManualClock, sender: PacedSender) -> ServeBot:
    """`await serve_paced(bot)`: served with the test's clock and a sender without jitter."""

    async def start(bot: object) -> RunningBot:
        return await serve_bot(bot, clock=clock, sender=sender)

    return start


def replying(text: str = "on it") -> Logic:
    async def logic(turn_context: TurnContext) -> None:
        await turn_context.send_activity(text)

    return logic


class SendOutcome:
    """A bot that records what its one send did instead of failing the turn."""

    def __init__(self) -> None:
        self.error: ConnectorCallFailed | None = None

    async def __call__(self, turn_context: TurnContext) -> None:
        try:
            await turn_context.send_activity("on it")
        except ConnectorCallFailed as error:
            self.error = error


# Retries


async def test_a_429_with_retry_after_is_retried_after_exactly_that_wait(
    serve_paced: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    clock: ManualClock,
) -> None:
    connector.fail_next(429, retry_after=3)
    running = await serve_paced(replying())

    answer = await running.post(teams.personal_message("hi"))

    assert answer.status == 200
    assert [c.status for c in connector.calls] == [429, 200]
    assert clock.sleeps == [3.0]
    assert connector.texts() == ["on it"]


@pytest.mark.parametrize("status", [412, 502, 503, 504])
async def test_throttling_and_gateway_errors_are_retried_with_doubling_backoff(
    serve_paced: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    clock: ManualClock,
    status: int,
) -> None:
    connector.fail_next(status, times=2)
    running = await serve_paced(replying())

    answer = await running.post(teams.personal_message("hi"))

    assert answer.status == 200
    assert [c.status for c in connector.calls] == [status, status, 200]
    assert clock.sleeps == [1.0, 2.0]


async def test_retries_stop_after_the_last_attempt(
    serve_paced: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
) -> None:
    connector.fail_next(503, times=10)
    bot = SendOutcome()
    running = await serve_paced(bot)

    await running.post(teams.personal_message("hi"))

    assert len(connector.calls) == ConnectorRetryPolicy().attempts
    assert bot.error is not None
    assert (bot.error.status, bot.error.code, bot.error.attempts) == (503, "ServiceUnavailable", 4)


async def test_a_retry_after_beyond_the_budget_gives_up_and_says_when_to_come_back(
    serve_paced: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    clock: ManualClock,
) -> None:
    connector.fail_next(429, retry_after=120)
    bot = SendOutcome()
    running = await serve_paced(bot)

    await running.post(teams.personal_message("hi"))

    assert len(connector.calls) == 1
    assert bot.error is not None
    assert (bot.error.status, bot.error.retry_after) == (429, 120.0)
    assert clock.sleeps == []


@pytest.mark.parametrize("status", [400, 403, 404, 500])
async def test_other_errors_are_not_retried(
    serve_paced: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    status: int,
) -> None:
    connector.fail_next(status)
    bot = SendOutcome()
    running = await serve_paced(bot)

    await running.post(teams.personal_message("hi"))

    assert [c.status for c in connector.calls] == [status]
    assert bot.error is not None and bot.error.status == status


async def test_a_card_update_is_retried_by_us_alone(
    serve_paced: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    clock: ManualClock,
) -> None:
    """msrest would retry a PUT on 503 three more times in a worker thread; it must not."""

    async def update_card(turn_context: TurnContext) -> None:
        updated = Activity(
            type="message",
            id=turn_context.activity.reply_to_id,
            conversation=turn_context.activity.conversation,
            text="updated",
        )
        await turn_context.update_activity(updated)

    connector.fail_next(503, operations={"update"})
    running = await serve_paced(update_card)

    await running.post(teams.card_action("start", card_activity_id="activity-42"))

    updates = [c for c in connector.calls if c.operation == "update"]
    assert [(c.status, c.activity_id) for c in updates] == [
        (503, "activity-42"),
        (200, "activity-42"),
    ]
    assert clock.sleeps == [1.0]


# Pacing


async def test_a_burst_to_one_conversation_is_paced_within_teams_limits(
    serve_paced: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    clock: ManualClock,
) -> None:
    async def burst(turn_context: TurnContext) -> None:
        for n in range(10):
            await turn_context.send_activity(f"line {n}")

    running = await serve_paced(burst)

    await running.post(teams.personal_message("report"))

    assert connector.texts() == [f"line {n}" for n in range(10)]
    assert clock.sleeps == pytest.approx([1.1, 1.1])


def test_paced_send_times_never_exceed_any_teams_window() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))

    times = [pacer.reserve("19:chat", now=0.0) for _ in range(200)]

    for window in TEAMS_CONVERSATION_LIMITS:
        for start in times:
            in_window = [t for t in times if start <= t < start + window.seconds]
            assert len(in_window) <= window.limit, (window, start)
    assert times[:10] == pytest.approx([0.0] * 6 + [1.1, 2.2, 2.2, 2.2])
    assert times[54] <= 33.0 and times[55] >= 33.0


def test_a_throttled_conversation_waits_but_others_do_not() -> None:
    clock = ManualClock(start=0.0)
    pacer = ConversationPacer(clock=clock)

    pacer.hold("19:busy", seconds=5)

    assert pacer.reserve("19:busy", now=0.0) == 5.0
    assert pacer.reserve("19:quiet", now=0.0) == 0.0


def people(count: int, *, prefix: str = "person") -> list[TeamsUser]:
    return [
        TeamsUser(id=f"29:{prefix}-{n}", name=f"Person {n}", aad_object_id=f"aad-{prefix}-{n}")
        for n in range(count)
    ]


async def test_replies_in_many_chats_of_one_tenant_share_its_app_budget(
    serve_bot: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    clock: ManualClock,
) -> None:
    running = await serve_bot(replying(), clock=clock, sender=PacedSender(clock=clock))

    for person in people(41):
        await running.post(teams.personal_message("hi", user=person))

    assert len(connector.texts()) == 41
    assert clock.sleeps == pytest.approx([1.1])


async def test_replies_in_two_tenants_do_not_wait_for_each_other(
    serve_bot: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    clock: ManualClock,
) -> None:
    pacer = ConversationPacer(clock=clock, app_window=RateWindow(limit=2, seconds=1.1))
    running = await serve_bot(replying(), clock=clock, sender=PacedSender(pacer=pacer, clock=clock))
    other_tenant = dataclasses.replace(teams, tenant_id="0e3a51c2-0000-4000-8000-000000000002")
    in_one, in_other = people(3), people(2, prefix="other")

    for tenant, person in [(teams, in_one[0]), (teams, in_one[1]),
                           (other_tenant, in_other[0]), (other_tenant, in_other[1])]:
        await running.post(tenant.personal_message("hi", user=person))
    sleeps_within_budgets = list(clock.sleeps)
    await running.post(teams.personal_message("hi", user=in_one[2]))

    assert len(connector.texts()) == 5
    assert sleeps_within_budgets == []
    assert clock.sleeps == pytest.approx([1.1])


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("3", 3.0),
        ("0", 0.0),
        ("-4", 0.0),
        ("1.5", 1.5),
        ("Tue, 14 Nov 2023 22:13:30 GMT", 10.0),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_is_read_as_seconds_or_http_date(
    header: str | None, seconds: float | None
) -> None:
    assert parse_retry_after(header, now=1_700_000_000.0) == seconds


# Connector clients


async def test_connector_clients_and_credentials_are_built_once_for_many_turns(
    serve_bot: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    token_signer: TokenSigner,
    authenticated_settings: TransportSettings,
    outbound_credentials: StaticTokenCredentialsFactory,
) -> None:
    running = await serve_bot(
        replying(), settings=authenticated_settings, credentials_factory=outbound_credentials
    )
    token = token_signer.valid(service_url=teams.service_url)

    for n in range(5):
        assert (await running.post(teams.personal_message(f"m{n}"), token=token)).status == 200

    assert running.adapter.authentication.connectors.built == 1
    assert len(outbound_credentials.created) == 2  # connector + user token client, once
    assert len(connector.successful("reply")) == 5


async def test_a_member_lookup_is_answered_by_the_stand_in(
    serve_bot: ServeBot, connector: ConnectorStandIn, teams: TeamsActivities
) -> None:
    connector.members[teams.user.id] = TeamsMember(
        id=teams.user.id,
        name=teams.user.name,
        aad_object_id=teams.user.aad_object_id,
        email="ada@example.com",
        user_principal_name="ada@example.com",
    )

    async def who_am_i(turn_context: TurnContext) -> None:
        member = await TeamsInfo.get_member(turn_context, turn_context.activity.from_property.id)
        await turn_context.send_activity(f"{member.email} {member.aad_object_id}")

    running = await serve_bot(who_am_i)

    await running.post(teams.personal_message("who am I"))

    assert connector.texts() == [f"ada@example.com {teams.user.aad_object_id}"]


async def test_team_channels_are_listed_by_the_stand_in(
    serve_bot: ServeBot, connector: ConnectorStandIn, teams: TeamsActivities
) -> None:
    """`TeamsInfo.get_team_channels` is synchronous inside: call it from a worker thread."""
    connector.team_channels[teams.team.id] = [
        {"id": teams.team.id, "name": "General"},
        teams.channel.data(),
    ]

    async def list_channels(turn_context: TurnContext) -> None:
        channels = await asyncio.to_thread(
            asyncio.run, TeamsInfo.get_team_channels(turn_context, teams.team.id)
        )
        await turn_context.send_activity(", ".join(str(c.name) for c in channels))

    running = await serve_bot(list_channels)

    await running.post(teams.channel_message("channels"))

    assert connector.texts() == ["General, Printers"]


async def test_a_proactive_personal_chat_is_created_then_written_to(
    serve_bot: ServeBot, connector: ConnectorStandIn, teams: TeamsActivities
) -> None:
    running = await serve_bot(replying())
    parameters = ConversationParameters(
        is_group=False,
        bot=ChannelAccount(id=teams.bot.id),
        members=[ChannelAccount(id=teams.user.id)],
        tenant_id=teams.tenant_id,
        channel_data={"tenant": {"id": teams.tenant_id}},
    )

    async def greet(turn_context: TurnContext) -> None:
        reference = TurnContext.get_conversation_reference(turn_context.activity)
        await running.adapter.continue_conversation(reference, replying("Ticket TKT-1 resolved"))

    await running.adapter.create_conversation(
        None, greet, parameters, channel_id="msteams", service_url=connector.service_url
    )

    [created] = connector.successful("create_conversation")
    [sent] = connector.successful("send", "reply")
    assert created.body["members"] == [{"id": teams.user.id}]
    assert sent.body["text"] == "Ticket TKT-1 resolved"
    assert (sent.conversation_id or "").startswith("a:personal-")


async def test_local_development_never_builds_a_client_for_a_remote_service_url(
    serve_bot: ServeBot, teams: TeamsActivities
) -> None:
    running = await serve_bot(replying())
    reference = TurnContext.get_conversation_reference(
        Activity().deserialize(teams.personal_message("hi"))
    )
    reference.service_url = "https://smba.trafficmanager.net/amer/"

    with pytest.raises(NonLoopbackServiceUrl):
        await running.adapter.continue_conversation(reference, replying())
