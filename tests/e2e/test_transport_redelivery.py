"""Resent activities over real HTTP: each runs once, a resent invoke gets the first answer,
a failed turn lets Teams' retry run -- with the receipts in the database."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.transport.dedupe import (
    MAX_ANSWER_BYTES,
    ActivityDeduplicator,
    Receipt,
    ReceiptState,
    RecordedAnswer,
)
from db.repositories.activity_receipts import SqlActivityReceipts
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsUser
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import ServeBot
from ticketflow.msteams import ReceiptDeduplicator

INVOKES = ("adaptiveCard/action", "composeExtension/submitAction", "task/submit")


@pytest.fixture
def receipts(engine: AsyncEngine) -> ActivityDeduplicator:
    return ReceiptDeduplicator(SqlActivityReceipts(engine))


class WatchedReceipts:
    """The receipts, telling when a resend has found the first delivery still running."""

    def __init__(self, receipts: ActivityDeduplicator) -> None:
        self._receipts = receipts
        self.found_running = asyncio.Event()

    async def claim(self, key: str, *, conversation_id: str | None) -> bool:
        return await self._receipts.claim(key, conversation_id=conversation_id)

    async def record(self, key: str, answer: RecordedAnswer) -> None:
        await self._receipts.record(key, answer)

    def finished(self, key: str) -> None:
        self._receipts.finished(key)

    async def release(self, key: str) -> None:
        await self._receipts.release(key)

    async def receipt(self, key: str) -> Receipt:
        receipt = await self._receipts.receipt(key)
        if receipt.state is ReceiptState.RUNNING:
            self.found_running.set()
        return receipt


class CountingBot(ActivityHandler):
    """Answers each invoke with how many changes it has made; can hold or fail a turn."""

    def __init__(self, *, hold: asyncio.Event | None = None, failures: int = 0,
                 answer_size: int = 0) -> None:
        self.changes = 0
        self.hold = hold
        self.failures = failures
        self.answer_size = answer_size
        self.started = asyncio.Event()

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        self._change()
        await turn_context.send_activity(f"change {self.changes}")

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        self.started.set()
        if self.hold is not None:
            await self.hold.wait()
        self._change()
        body: dict[str, Any] = {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive",
                                "value": {"change": self.changes, "padding": "x" * self.answer_size}}
        return InvokeResponse(status=200, body=body)

    def _change(self) -> None:
        if self.failures:
            self.failures -= 1
            raise RuntimeError("the database went away mid-turn")
        self.changes += 1


def invoke(teams: TeamsActivities, name: str, data: dict[str, Any] | None = None,
           *, user: TeamsUser | None = None) -> dict[str, Any]:
    data = data or {}
    if name == "adaptiveCard/action":
        return teams.card_action("ticket.create", data, user=user)
    if name == "composeExtension/submitAction":
        return teams.submit_action("createTicket", data)
    activity = teams.card_action("ticket.create", data, user=user)
    activity.update(name="task/submit", value={"data": data})
    return activity


@pytest.mark.parametrize("name", INVOKES)
async def test_a_resent_invoke_gets_the_first_answer_without_a_second_change(
    serve_bot: ServeBot, teams: TeamsActivities, receipts: ActivityDeduplicator, name: str
) -> None:
    bot = CountingBot()
    running = await serve_bot(bot, deduplicator=receipts)
    activity = invoke(teams, name)

    first = await running.post(activity)
    again = await running.post(activity)

    assert (first.status, again.status) == (200, 200)
    assert first.json["value"]["change"] == 1
    assert again.text == first.text
    assert bot.changes == 1


async def test_a_concurrent_resend_waits_for_the_first_answer(
    serve_bot: ServeBot, teams: TeamsActivities, receipts: ActivityDeduplicator
) -> None:
    hold = asyncio.Event()
    bot = CountingBot(hold=hold)
    watched = WatchedReceipts(receipts)
    running = await serve_bot(bot, deduplicator=watched)
    activity = invoke(teams, "adaptiveCard/action")

    first = asyncio.create_task(running.post(activity))
    await bot.started.wait()
    resent = asyncio.create_task(running.post(activity))
    await watched.found_running.wait()
    assert not resent.done()  # it waits for the first answer rather than running the turn
    hold.set()

    answers = await asyncio.gather(first, resent)
    assert [answer.status for answer in answers] == [200, 200]
    assert answers[0].text == answers[1].text
    assert bot.changes == 1


async def test_a_resend_that_outwaits_a_stuck_first_delivery_is_told_to_come_back(
    serve_bot: ServeBot, teams: TeamsActivities, receipts: ActivityDeduplicator
) -> None:
    hold = asyncio.Event()
    bot = CountingBot(hold=hold)
    running = await serve_bot(bot, deduplicator=receipts, resend_wait=0.3)
    activity = invoke(teams, "task/submit")

    first = asyncio.create_task(running.post(activity))
    await bot.started.wait()
    resent = await running.post(activity)
    hold.set()

    assert (resent.status, resent.json["error"]) == (503, "still_processing")
    assert (await first).status == 200
    assert bot.changes == 1


async def test_a_failed_turn_releases_its_receipt_so_the_resend_runs(
    serve_bot: ServeBot, connector: ConnectorStandIn, teams: TeamsActivities,
    receipts: ActivityDeduplicator,
) -> None:
    bot = CountingBot(failures=1)
    running = await serve_bot(bot, deduplicator=receipts)
    message = teams.personal_message("file it")
    card_action = invoke(teams, "adaptiveCard/action")

    assert (await running.post(message)).status == 500
    assert (await running.post(message)).status == 200
    bot.failures = 1
    assert (await running.post(card_action)).status == 500
    retried = await running.post(card_action)

    assert retried.status == 200 and retried.json["value"]["change"] == 2
    assert connector.texts() == ["change 1"]
    assert (await running.post(message)).status == 200  # and now it is a resend
    assert bot.changes == 2


@pytest.mark.parametrize("name", INVOKES)
async def test_a_double_tapped_form_runs_once_though_the_presses_have_different_ids(
    serve_bot: ServeBot, teams: TeamsActivities, receipts: ActivityDeduplicator, name: str
) -> None:
    bot = CountingBot()
    running = await serve_bot(bot, deduplicator=receipts)
    form = {"title": "Printer jam", "nonce": "form-5f1c2a9e"}

    first = await running.post(invoke(teams, name, form))
    second = await running.post(invoke(teams, name, form))

    assert first.status == 200 and second.text == first.text
    assert bot.changes == 1


async def test_the_same_form_submitted_by_two_people_runs_twice(
    serve_bot: ServeBot, teams: TeamsActivities, receipts: ActivityDeduplicator
) -> None:
    bot = CountingBot()
    running = await serve_bot(bot, deduplicator=receipts)
    form = {"title": "Printer jam", "nonce": "form-5f1c2a9e"}
    other = TeamsUser(id="29:other", name="Other Person", aad_object_id="aad-other")

    await running.post(invoke(teams, "adaptiveCard/action", form))
    await running.post(invoke(teams, "adaptiveCard/action", form, user=other))

    assert bot.changes == 2


async def test_an_answer_too_large_to_keep_is_replayed_as_done(
    serve_bot: ServeBot, teams: TeamsActivities, receipts: ActivityDeduplicator
) -> None:
    bot = CountingBot(answer_size=MAX_ANSWER_BYTES)
    running = await serve_bot(bot, deduplicator=receipts)
    activity = invoke(teams, "adaptiveCard/action")

    first = await running.post(activity)
    again = await running.post(activity)

    assert first.json["value"]["change"] == 1
    assert again.status == 200
    assert again.json["type"] == "application/vnd.microsoft.activity.message"
    assert len(again.text) < 1000
    assert bot.changes == 1
