"""Connector writes over aiohttp: the same JSON as msrest, the same errors, deletes too."""

from __future__ import annotations

import copy
import socket
from datetime import datetime, timezone
from typing import Any

import pytest
from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    ChannelAccount,
    HeroCard,
    Mention,
    SuggestedActions,
)
from botframework.connector import models
from msrest.serialization import Serializer

from bot.transport.activity_json import ActivityReader, activity_json, model_json
from bot.transport.sending import ConnectorCallFailed, PacedSender
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.clock import ManualClock
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import ServeBot


@pytest.fixture
def msrest() -> Serializer:
    return Serializer({k: v for k, v in models.__dict__.items() if isinstance(v, type)})


def a_reply(teams: TeamsActivities, reply: Activity) -> Activity:
    incoming = Activity().deserialize(teams.personal_message("hi"))
    return TurnContext.apply_conversation_reference(
        reply, TurnContext.get_conversation_reference(incoming)
    )


def outgoing(teams: TeamsActivities) -> list[Activity]:
    card = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock",
            "text": "TKT-2025-0001", "wrap": True, "spacing": None}], "actions": [
            {"type": "Action.Execute", "verb": "ticket.status", "data": {"ticket_id": 1}}]}
    mention = Mention(mentioned=ChannelAccount(id="29:ada", name="Ada"), text="<at>Ada</at>",
                      type="mention")
    suggested = MessageFactory.suggested_actions(
        [CardAction(type="imBack", title="Yes", value="yes")], "Sure?"
    )
    stamped = MessageFactory.text("at noon")
    stamped.timestamp = datetime(2025, 1, 2, 12, 0, tzinfo=timezone.utc)
    return [
        MessageFactory.attachment(Attachment(
            content_type="application/vnd.microsoft.card.adaptive", content=card)),
        Activity(type=ActivityTypes.message, text="hello <at>Ada</at>", entities=[mention]),
        suggested,
        MessageFactory.attachment(CardFactory.hero_card(HeroCard(title="Hero", buttons=[
            CardAction(type="openUrl", title="Open", value="https://example.com")]))),
        stamped,
        Activity(type="typing", channel_data={"notification": {"alert": True}, "n": [1, None]}),
    ]


def test_activities_are_written_exactly_as_msrest_writes_them(
    teams: TeamsActivities, msrest: Serializer
) -> None:
    for activity in outgoing(teams):
        reply = a_reply(teams, activity)
        assert activity_json(reply, msrest) == msrest.body(reply, "Activity")


def test_a_dict_where_a_model_belongs_is_left_to_msrest(
    teams: TeamsActivities, msrest: Serializer
) -> None:
    reply = a_reply(teams, Activity(type="message", text="hi"))
    reply.suggested_actions = SuggestedActions(actions=[{"type": "imBack", "title": "Go",
                                                         "value": "go"}])
    expected = msrest.body(copy.deepcopy(reply), "Activity")

    assert activity_json(reply, msrest) == expected
    assert expected["suggestedActions"]["actions"] == [{"type": "imBack", "title": "Go",
                                                        "value": "go"}]


def incoming(teams: TeamsActivities) -> list[dict[str, Any]]:
    return [
        teams.personal_message("TKT-2025-0001"),
        teams.channel_message("hi"),
        teams.card_action("ticket.status", {"ticket_id": 1, "version": "v", "status": "open"}),
        teams.installation_update("add", in_team=True),
        teams.bot_added_to_team(),
    ]


def test_requests_are_read_exactly_as_msrest_reads_them(teams: TeamsActivities) -> None:
    reader = ActivityReader()
    for payload in incoming(teams):
        assert reader.read(payload) == Activity().deserialize(payload)


def test_conversation_references_are_written_exactly_as_msrest_writes_them(
    teams: TeamsActivities,
) -> None:
    reader = ActivityReader()
    for payload in incoming(teams):
        reference = TurnContext.get_conversation_reference(reader.read(payload))
        assert model_json(reference) == reference.serialize()


def test_an_odd_request_is_read_by_msrest_itself(teams: TeamsActivities) -> None:
    payload = teams.personal_message("hi")
    payload["text"] = 42  # msrest turns it into "42"
    payload["timestamp"] = "2025-01-02T03:04:05.1234567Z"  # seven digits: msrest trims them

    activity = ActivityReader().read(payload)

    assert activity == Activity().deserialize(payload)
    assert activity.text == "42"


async def test_a_delete_goes_to_the_activity_it_names(
    serve_bot: ServeBot, connector: ConnectorStandIn, teams: TeamsActivities
) -> None:
    async def delete(turn_context: TurnContext) -> None:
        await turn_context.delete_activity("activity-7")

    running = await serve_bot(delete)

    await running.post(teams.personal_message("forget it"))

    [deleted] = connector.successful("delete")
    assert deleted.activity_id == "activity-7"


async def test_a_connector_nobody_listens_on_is_tried_four_times_then_reported(
    serve_bot: ServeBot, teams: TeamsActivities
) -> None:
    with socket.socket() as probe:  # a loopback port with nothing behind it
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    clock = ManualClock()
    failures: list[ConnectorCallFailed] = []

    async def reply(turn_context: TurnContext) -> None:
        try:
            await turn_context.send_activity("on it")
        except ConnectorCallFailed as error:
            failures.append(error)

    running = await serve_bot(reply, clock=clock,
                              sender=PacedSender(clock=clock, jitter=lambda d: d))
    payload = teams.personal_message("hi")
    payload["serviceUrl"] = f"http://127.0.0.1:{closed}/"

    await running.post(payload)

    [failure] = failures
    assert failure.status is None
    assert clock.sleeps == [0.0, 1.6, 3.2]
