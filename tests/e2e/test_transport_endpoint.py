"""/api/messages over real HTTP: parsing, answers, invokes, local development mode."""

from __future__ import annotations

import asyncio
import gzip
import json
from typing import Any

import pytest
from yarl import URL
from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue
from botbuilder.schema.teams import (
    MessagingExtensionAction,
    MessagingExtensionActionResponse,
    TaskModuleContinueResponse,
    TaskModuleTaskInfo,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.transport.local_development import (
    LOCAL_DEVELOPMENT_NOTICE,
    NonLoopbackBind,
    bind_host,
    is_loopback_url,
)
from db.repositories.activity_receipts import SqlActivityReceipts
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import ServeBot
from tests.loopback import read_answer
from ticketflow.msteams import ReceiptDeduplicator

CARD = {
    "type": "AdaptiveCard",
    "version": "1.5",
    "body": [{"type": "TextBlock", "text": "TKT-2025-0001 assigned to you"}],
}


class EchoBot(ActivityHandler):
    """Replies to messages; answers Action.Execute with a fixed card."""

    def __init__(self) -> None:
        self.turns: list[Activity] = []

    async def on_turn(self, turn_context: TurnContext) -> None:
        self.turns.append(turn_context.activity)
        await super().on_turn(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(f"echo: {turn_context.activity.text}")

    async def on_adaptive_card_invoke(
        self, turn_context: TurnContext, invoke_value: AdaptiveCardInvokeValue
    ) -> AdaptiveCardInvokeResponse:
        return AdaptiveCardInvokeResponse(
            status_code=200, type="application/vnd.microsoft.card.adaptive", value=CARD
        )


class MessageActionBot(TeamsActivityHandler):
    async def on_teams_messaging_extension_fetch_task(
        self, turn_context: TurnContext, action: MessagingExtensionAction
    ) -> MessagingExtensionActionResponse:
        return MessagingExtensionActionResponse(
            task=TaskModuleContinueResponse(
                value=TaskModuleTaskInfo(title="Create ticket", card=None, height=300, width=400)
            )
        )


# Happy paths


async def test_a_personal_message_is_answered_through_the_connector(
    serve_bot: ServeBot, connector: ConnectorStandIn, teams: TeamsActivities
) -> None:
    bot = EchoBot()
    running = await serve_bot(bot)

    answer = await running.post(teams.personal_message("hello"))

    assert answer.status == 200
    assert connector.texts() == ["echo: hello"]
    reply = connector.successful("reply")[0]
    assert reply.conversation_id == teams.personal_conversation_id()


async def test_a_channel_message_keeps_its_teams_shape(
    serve_bot: ServeBot, connector: ConnectorStandIn, teams: TeamsActivities
) -> None:
    bot = EchoBot()
    running = await serve_bot(bot)

    answer = await running.post(teams.channel_message("new ticket"))

    assert answer.status == 200
    [activity] = bot.turns
    assert activity.channel_data["team"]["id"] == teams.team.id
    assert activity.channel_data["channel"]["name"] == teams.channel.name
    assert activity.from_property.aad_object_id == teams.user.aad_object_id
    mention = activity.entities[0]
    assert (mention.type, mention.additional_properties["mentioned"]["id"]) == (
        "mention",
        teams.bot.id,
    )
    assert (connector.successful("reply")[0].conversation_id or "").startswith(teams.channel.id)


async def test_an_action_execute_answers_exactly_the_invoke_body(
    serve_bot: ServeBot, teams: TeamsActivities
) -> None:
    running = await serve_bot(EchoBot())

    answer = await running.post(teams.card_action("assign_to_me", {"ticket": 1}))

    assert answer.status == 200
    assert answer.content_type == "application/json"
    assert answer.json == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.card.adaptive",
        "value": CARD,
    }


async def test_a_message_action_fetch_task_answers_its_task_module(
    serve_bot: ServeBot, teams: TeamsActivities
) -> None:
    running = await serve_bot(MessageActionBot())

    answer = await running.post(teams.fetch_task("createTicket", message_text="Printer jam"))

    assert answer.status == 200
    assert answer.json == {
        "task": {
            "type": "continue",
            "value": {"title": "Create ticket", "height": 300, "width": 400},
        }
    }


async def test_an_invoke_answer_built_by_hand_is_sent_as_is(
    serve_bot: ServeBot, teams: TeamsActivities
) -> None:
    async def logic(turn_context: TurnContext) -> None:
        await turn_context.send_activity(
            Activity(type="invokeResponse", value=InvokeResponse(status=202, body={"ok": True}))
        )

    running = await serve_bot(logic)

    answer = await running.post(teams.submit_action("createTicket", {"title": "Printer jam"}))

    assert (answer.status, answer.json) == (202, {"ok": True})


async def test_an_unhandled_invoke_is_answered_not_implemented(
    serve_bot: ServeBot, teams: TeamsActivities
) -> None:
    async def ignore(turn_context: TurnContext) -> None:
        return None

    running = await serve_bot(ignore)

    answer = await running.post(teams.card_action("anything"))

    assert answer.status == 501


@pytest.mark.parametrize(
    "build",
    [
        lambda t: t.bot_added_to_team(),
        lambda t: t.bot_removed_from_team(),
        lambda t: t.bot_added_to_personal_chat(),
        lambda t: t.installation_update("add"),
        lambda t: t.installation_update("remove", in_team=True),
    ],
)
async def test_membership_and_installation_updates_reach_the_bot(
    serve_bot: ServeBot, teams: TeamsActivities, build: Any
) -> None:
    bot = EchoBot()
    running = await serve_bot(bot)
    activity = build(teams)

    answer = await running.post(activity)

    assert answer.status == 200
    assert [a.type for a in bot.turns] == [activity["type"]]


# Bad input never reaches the bot and never becomes a 500


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 400, "invalid_json"),
        (b"\xff\xfe", 400, "invalid_json"),
        (b"[1, 2]", 400, "invalid_activity"),
        (b'"message"', 400, "invalid_activity"),
        (b"{}", 400, "invalid_activity"),
        (b'{"type": ""}', 400, "invalid_activity"),
        (b'{"type": 5}', 400, "invalid_activity"),
        (b'{"type": "message", "from": 5}', 400, "invalid_activity"),
        (b'{"type": "message", "timestamp": "yesterday"}', 400, "invalid_activity"),
        (b'{"type": "message", "serviceUrl": 7}', 400, "invalid_activity"),
        (b"[" * 100_000, 400, "invalid_json"),
    ],
)
async def test_a_malformed_body_is_a_json_400(
    serve_bot: ServeBot, body: bytes, status: int, code: str
) -> None:
    bot = EchoBot()
    running = await serve_bot(bot)

    answer = await running.post(raw=body)

    assert answer.status == status
    assert answer.json["error"] == code
    assert answer.json["message"]
    assert bot.turns == []


async def test_a_huge_body_is_a_json_413(serve_bot: ServeBot, teams: TeamsActivities) -> None:
    bot = EchoBot()
    running = await serve_bot(bot, max_body_bytes=4096)
    activity = teams.personal_message("x" * 5000)

    answer = await running.post(activity)

    assert answer.status == 413
    assert answer.json["error"] == "payload_too_large"
    assert bot.turns == []


async def test_a_huge_chunked_body_is_a_json_413(serve_bot: ServeBot) -> None:
    bot = EchoBot()
    running = await serve_bot(bot, max_body_bytes=4096)

    async def chunks() -> Any:
        for _ in range(10):
            yield b" " * 1024

    async with running.session.post(
        running.messages_url, data=chunks(), headers={"Content-Type": "application/json"}
    ) as response:
        assert response.status == 413
        assert (await response.json())["error"] == "payload_too_large"
    assert bot.turns == []


@pytest.mark.parametrize(("encoding", "body", "status", "error"), [
    ("gzip", b"\x1f\x8b not gzip at all", 400, "invalid_body"),
    ("deflate", b"not deflate", 400, "invalid_body"),
    ("gzip", gzip.compress(b'{"type": "message", "text": "' + b"a" * 20_000_000 + b'"}'),
     413, "payload_too_large"),
])
async def test_a_compressed_body_that_does_not_decode_or_expands_past_the_cap_is_refused(
    serve_bot: ServeBot, encoding: str, body: bytes, status: int, error: str
) -> None:
    bot = EchoBot()
    running = await serve_bot(bot)

    async with running.session.post(
        running.messages_url, data=body,
        headers={"Content-Type": "application/json", "Content-Encoding": encoding},
    ) as response:
        assert (response.status, (await response.json())["error"]) == (status, error)
    assert bot.turns == []


async def test_a_body_that_stops_arriving_is_a_408_and_the_connection_is_let_go(
    serve_bot: ServeBot,
) -> None:
    bot = EchoBot()
    running = await serve_bot(bot, body_seconds=0.5)
    url = URL(running.base_url)
    reader, writer = await asyncio.open_connection(url.host, url.port)
    writer.write(b"POST /api/messages HTTP/1.1\r\nHost: bot\r\n"
                 b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                 b'{"type": "mess')  # and then nothing more (slowloris)
    await writer.drain()

    head, body = await asyncio.wait_for(read_answer(reader), timeout=30)
    assert head.startswith(b"HTTP/1.1 408") and b"Connection: close" in head, head
    assert json.loads(body)["error"] == "request_timeout"
    assert bot.turns == []
    writer.close()


async def test_a_body_that_is_not_json_by_content_type_is_a_415(
    serve_bot: ServeBot, teams: TeamsActivities
) -> None:
    running = await serve_bot(EchoBot())

    answer = await running.post(teams.personal_message("hi"), content_type="text/plain")

    assert (answer.status, answer.json["error"]) == (415, "unsupported_media_type")


async def test_a_failing_turn_is_a_json_500_without_a_stack_trace(
    serve_bot: ServeBot, teams: TeamsActivities
) -> None:
    async def broken(turn_context: TurnContext) -> None:
        raise RuntimeError("secret internals")

    running = await serve_bot(broken)

    answer = await running.post(teams.personal_message("hi"))

    assert answer.status == 500
    assert answer.json["error"] == "internal_error"
    assert "secret" not in answer.text and "Traceback" not in answer.text


async def test_a_resent_message_is_processed_once(
    serve_bot: ServeBot, connector: ConnectorStandIn, teams: TeamsActivities, engine: AsyncEngine
) -> None:
    bot = EchoBot()
    running = await serve_bot(bot, deduplicator=ReceiptDeduplicator(SqlActivityReceipts(engine)))
    message = teams.personal_message("only once")

    first = await running.post(message)
    again = await running.post(message)

    assert (first.status, again.status) == (200, 200)
    assert len(bot.turns) == 1
    assert connector.texts() == ["echo: only once"]


# Local development mode


@pytest.mark.parametrize(
    "service_url",
    [
        "https://smba.trafficmanager.net/amer/",
        "http://10.0.0.8:3978/",
        "http://localhost.evil.example/",
        "http://127.0.0.1@evil.example/",
        "file:///etc/passwd",
        None,
    ],
)
async def test_local_development_refuses_a_service_url_off_this_machine(
    serve_bot: ServeBot,
    connector: ConnectorStandIn,
    teams: TeamsActivities,
    service_url: str | None,
) -> None:
    bot = EchoBot()
    running = await serve_bot(bot)
    message = teams.personal_message("hi")
    message["serviceUrl"] = service_url

    answer = await running.post(message)

    assert answer.status == 403
    assert answer.json["error"] == "service_url_not_allowed"
    assert bot.turns == []
    assert connector.calls == []


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:3978/", "https://localhost/x/", "http://[::1]:80/", "http://127.8.9.1/"],
)
def test_loopback_service_urls_are_recognised(url: str) -> None:
    assert is_loopback_url(url)


def test_local_development_binds_loopback_by_default() -> None:
    assert bind_host(None, local_development=True) == "127.0.0.1"
    assert bind_host("::1", local_development=True) == "::1"
    assert bind_host("0.0.0.0", local_development=False) == "0.0.0.0"


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "bot.example.com"])
def test_local_development_refuses_to_bind_a_reachable_address(host: str) -> None:
    with pytest.raises(NonLoopbackBind, match="loopback only"):
        bind_host(host, local_development=True)


async def test_local_development_mode_says_so_in_the_log(
    serve_bot: ServeBot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="bot.transport"):
        await serve_bot(EchoBot())

    assert LOCAL_DEVELOPMENT_NOTICE in caplog.text
    assert "Local development mode is on" in LOCAL_DEVELOPMENT_NOTICE
