"""A `ticketflow serve` killed in the middle of a turn: Teams' resend runs the turn once."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import aiohttp
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

import pytest

from db.tables import bot_activity_receipts, bot_ticket_cards, task_comments, task_history, tasks
from domain.clock import utcnow
from domain.tickets import Ticket
from tests.e2e.assistant import button, wait_for_answers
from tests.e2e.served import ROOT, free_port, serving, until_ready
from tests.e2e.service import Service, Turn, file_ticket, texts_in
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsUser
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_user
from tests.waiting import eventually, until

T = TypeVar("T")


@asynccontextmanager
async def _service_on_a_free_port() -> AsyncIterator[Service]:
    """Teams' stand-ins and a client for a `ticketflow serve` that `_served` starts (and a
    test may kill and start again) on a free port."""
    port = free_port()
    async with ConnectorStandIn() as connector, aiohttp.ClientSession() as session:
        yield Service(f"http://127.0.0.1:{port}", session, connector,
                      TeamsActivities(service_url=connector.service_url, bot=BOT))


@asynccontextmanager
async def _served(
    database_url: str, service: Service, *, settings: Mapping[str, str] | None = None
) -> AsyncIterator[subprocess.Popen[bytes]]:
    """`ticketflow serve` on the service's port, ready for requests."""
    port = int(service.base_url.rsplit(":", 1)[1])
    with serving(database_url, port, settings=settings) as process:
        await until_ready(service.session, port, process)
        yield process


async def _answered(engine: AsyncEngine) -> list[bool]:
    """Whether each redelivery receipt records an answer."""
    async with engine.connect() as connection:
        rows = await connection.execute(select(bot_activity_receipts.c.answered_at))
        return [answered is not None for (answered,) in rows]


async def _killed_when(
    service: Service, server: subprocess.Popen[bytes], activity: dict[str, Any], *,
    stopped: Callable[[], bool], where: str, then: Callable[[], Awaitable[T]] | None = None,
) -> T | None:
    """Posts `activity`, waits until its turn has `stopped()` at `where`, reads `then()` and
    kills the server with SIGKILL there, as a crash or the OOM killer would."""
    sending = asyncio.ensure_future(
        service.session.post(f"{service.base_url}/api/messages", json=activity))
    await until(stopped, what=where, seconds=30)
    seen = await then() if then is not None else None
    server.send_signal(signal.SIGKILL)
    server.wait(timeout=30)
    try:
        await sending
    except aiohttp.ClientError:
        pass  # the connection died with the server, as Teams would see it
    return seen


async def _killed_while_replying(
    service: Service, server: subprocess.Popen[bytes], activity: dict[str, Any],
    *, then: Callable[[], Awaitable[T]] | None = None,
) -> T | None:
    """`_killed_when` the turn's reply is held at the Bot Connector."""
    connector = service.connector
    connector.hold()
    seen = await _killed_when(service, server, activity, stopped=lambda: connector.holding >= 1,
                              where="the turn sending its reply", then=then)
    connector.release()
    await until(lambda: connector.holding == 0, what="the dead turn's reply let go")
    return seen


async def test_a_message_whose_server_was_killed_mid_turn_is_run_by_the_resend_once(
    engine: AsyncEngine, database_url: str
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    async with _service_on_a_free_port() as service:
        ada = service.person("ada@example.com", "Ada Lovelace")
        message = service.teams.personal_message("help", user=ada)

        async with _served(database_url, service) as first:
            # the turn has claimed the message and waits on its reply
            await _killed_while_replying(service, first, message)
        assert await _answered(engine) == [False]

        async with _served(database_url, service):
            resent = await service.send(message)
            assert resent.answer.status == 200
            assert resent.texts or resent.cards, "the resend was taken for a duplicate"

            again = await service.send(message)
            assert again.answer.status == 200
            assert again.sent == []
        assert await _answered(engine) == [True]


async def _tickets(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        return list((await connection.execute(select(tasks.c.ticket_number))).scalars())


async def test_a_ticket_filed_by_a_turn_killed_before_its_reply_is_not_filed_again_by_the_resend(
    engine: AsyncEngine, database_url: str
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    async with _service_on_a_free_port() as service:
        ada = service.person("ada@example.com", "Ada Lovelace")
        last_answer = service.teams.personal_message("high", user=ada)

        async with _served(database_url, service) as first:
            for said in ("new ticket", "Screen is black", "No signal on HDMI", "incident"):
                await service.say(said, user=ada)
            # the ticket is committed; its "Filed" reply waits on Teams
            filed = await _killed_while_replying(service, first, last_answer,
                                                 then=lambda: _tickets(engine))
        assert len(filed) == 1

        async with _served(database_url, service):
            resent = await service.send(last_answer)

        assert resent.answer.status == 200
        assert await _tickets(engine) == filed
        assert any(f"Filed {filed[0]}" in texts_in(card) for card in resent.cards), resent.texts


@dataclass(frozen=True)
class Desk:
    """Ada (a manager) in Teams, two tickets she filed, and the channel thread of the first
    one's bot-posted card."""

    ada: TeamsUser
    tickets: tuple[Ticket, Ticket]
    thread: str

    def number(self, which: int) -> str:
        return str(int(self.tickets[which].ticket_number.rsplit("-", 1)[1]))


async def _desk(service: Service, engine: AsyncEngine) -> Desk:
    ada_id = await insert_user(engine, role="manager", email="ada@example.com",
                               name="Ada Lovelace")
    tickets = (await file_ticket(engine, ada_id, "Toner low on floor 2"),
               await file_ticket(engine, ada_id, "Badge reader dead"))
    channel = service.teams.channel.id
    async with engine.begin() as connection:
        await connection.execute(bot_ticket_cards.insert().values(
            ticket_id=tickets[0].id, conversation_id=channel, activity_id="card-root-1",
            created_at=utcnow(), updated_at=utcnow()))
    return Desk(service.person("ada@example.com", "Ada Lovelace"), tickets,
                f"{channel};messageid=card-root-1")


def _thread_reply(service: Service, desk: Desk) -> dict[str, Any]:
    activity = service.teams.channel_message("Replaced the toner, works now", user=desk.ada)
    activity["conversation"]["id"] = desk.thread
    return activity


def _older_client_press(service: Service, desk: Desk, value: dict[str, Any]) -> dict[str, Any]:
    """An `Action.Submit` (a client without Universal Actions): a message whose reply updates
    the card through the Bot Connector, so the turn is killed while that update waits."""
    activity = service.teams.personal_message("", user=desk.ada,
                                              value={"ticket_id": desk.tickets[0].id, **value})
    activity["replyToId"] = "card-activity-7"
    return activity


WRITES: list[tuple[Callable[[Service, Desk], dict[str, Any]], str]] = [
    (lambda s, d: s.teams.personal_message(f"comment on {d.number(0)}: toner swapped",
                                           user=d.ada), "Comment added."),
    (lambda s, d: s.teams.personal_message(
        f"comment on {d.number(0)} and {d.number(1)}: vendor comes Tuesday", user=d.ada),
     "Comment added to"),
    (_thread_reply, "Added to the ticket as your comment."),
    (lambda s, d: _older_client_press(s, d, {"verb": "ticket.comment", "comment": "Ordered a drum"}),
     "Comment added."),
    (lambda s, d: _older_client_press(s, d, {"verb": "ticket.status", "status": "in_progress",
                                             "version": d.tickets[0].version}),
     "is now in progress"),
    (lambda s, d: s.teams.personal_message(f"please start {d.number(0)}", user=d.ada),
     "is now in progress"),
    (lambda s, d: s.teams.personal_message(f"put {d.number(1)} on hold", user=d.ada),
     "is now on hold"),
    (lambda s, d: s.teams.personal_message(
        f"change the priority of {d.number(0)} to urgent", user=d.ada), "Saved: priority."),
    (lambda s, d: s.teams.personal_message(f"assign {d.number(1)} to me", user=d.ada),
     "Assigned to Ada Lovelace."),
]


async def _footprint(engine: AsyncEngine) -> dict[str, int]:
    """How many tickets, comments and history rows there are: what a turn run twice repeats."""
    async with engine.connect() as connection:
        return {
            table.name: (await connection.execute(select(func.count()).select_from(table)))
            .scalar_one()
            for table in (tasks, task_comments, task_history)
        }


@pytest.mark.parametrize("asking, answered", WRITES, ids=[
    "comment", "several-ticket comment", "thread reply", "older client's comment button",
    "older client's status button", "start", "hold", "edit", "assign",
])
async def test_a_write_by_a_turn_killed_before_its_reply_is_not_made_again_by_the_resend(
    engine: AsyncEngine, database_url: str,
    asking: Callable[[Service, Desk], dict[str, Any]], answered: str,
) -> None:
    async with _service_on_a_free_port() as service:
        desk = await _desk(service, engine)
        activity = asking(service, desk)
        before = await _footprint(engine)

        async with _served(database_url, service) as first:
            await service.say("hi", user=desk.ada)  # Ada is known: no lookup in the turn
            # the write is committed; the turn's reply waits on Teams
            written = await _killed_while_replying(service, first, activity,
                                                   then=lambda: _footprint(engine))
        assert written != before, "the turn was killed before its write"

        async with _served(database_url, service):
            calls = len(service.connector.calls)
            resent = await service.send(activity)

        assert resent.answer.status == 200
        assert await _footprint(engine) == written
        replied = json.dumps([call.body for call in service.connector.calls[calls:]])
        assert answered in replied, replied


STALLING = ROOT / "tests" / "e2e" / "stalled_answers"


async def _filed_from_the_help_offer(service: Service, desk: Desk) -> dict[str, Any]:
    """Ada's question the help assistant has nothing for: its card's "File it"."""
    await service.say("the plotter in room 4 prints only stripes", user=desk.ada)
    [card] = await wait_for_answers(service)
    pressed = button(card, "File it")
    return service.teams.card_action(pressed["verb"], pressed["data"], user=desk.ada)


def _executed(verb: str, **data: Any) -> Callable[[Service, Desk], Awaitable[dict[str, Any]]]:
    """An `Action.Execute` on the card of Ada's first ticket."""

    async def press(service: Service, desk: Desk) -> dict[str, Any]:
        ticket = desk.tickets[0]
        return service.teams.card_action(
            verb, {"ticket_id": ticket.id, "version": ticket.version, **data}, user=desk.ada)

    return press


async def _created_from_a_message(service: Service, desk: Desk) -> dict[str, Any]:
    """"Create ticket" on a Teams message, its task module submitted."""
    return service.teams.submit_action("createTicket", {
        "verb": "ticket.create", "title": "Badge reader at door 2 is dead", "category": "incident",
    }, message_text="Badge reader at door 2 is dead", user=desk.ada)


async def _created_from_the_form(service: Service, desk: Desk) -> dict[str, Any]:
    """The new-ticket form's Create (`Action.Execute`, its form nonce in the data)."""
    return service.teams.card_action("ticket.create", {
        "title": "Badge reader at door 2 is dead", "category": "incident", "priority": "high",
        "nonce": "form-7f3a9c21",
    }, user=desk.ada)


def _answer_says(turn: Turn, words: str) -> bool:
    return words in json.dumps(turn.answer.json)


INVOKES: list[tuple[Callable[[Service, Desk], Awaitable[dict[str, Any]]], Callable[[Turn], bool]]] = [
    (_executed("ticket.comment", comment="Ordered a drum unit"),
     lambda turn: _answer_says(turn, "Comment added.")),
    (_executed("ticket.status", status="resolved"),
     lambda turn: _answer_says(turn, "is now resolved")),
    (_executed("ticket.assign", assignee="me"),
     lambda turn: _answer_says(turn, "Assigned to Ada Lovelace.")),
    (_executed("ticket.edit", title="Toner low on floor 2 and 3", priority="high"),
     lambda turn: _answer_says(turn, "Saved")),
    (_created_from_the_form, lambda turn: _answer_says(turn, "Filed TKT-")),
    (_created_from_a_message, lambda turn: turn.answer.json in ({}, None)),
    (_filed_from_the_help_offer, lambda turn: _answer_says(turn, "Filed TKT-")),
]


@pytest.mark.parametrize("pressing, answered", INVOKES, ids=[
    "comment button", "resolve button", "assign-to-me button", "edit form's save",
    "create form", "create ticket from a message",
    "help offer's File it",
])
async def test_an_invoke_killed_before_its_answer_is_not_repeated_by_the_resend(
    engine: AsyncEngine, database_url: str, tmp_path: Any,
    pressing: Callable[[Service, Desk], Awaitable[dict[str, Any]]],
    answered: Callable[[Turn], bool],
) -> None:
    marker = tmp_path / "stalled"
    stalling = {"PYTHONPATH": f"{ROOT}{os.pathsep}{STALLING}",
                "TICKETFLOW_TEST_STALLED_ANSWERS": str(marker)}
    async with _service_on_a_free_port() as service:
        desk = await _desk(service, engine)

        async with _served(database_url, service, settings=stalling) as first:
            await service.say("hi", user=desk.ada)
            invoke = await pressing(service, desk)
            before = await _footprint(engine)
            # the turn's writes are committed; its answer is neither kept nor sent
            written = await _killed_when(
                service, first, invoke, stopped=marker.exists,
                where="the invoke's turn done, its answer not kept",
                then=lambda: _footprint(engine))
        assert written != before, "the turn wrote nothing"

        async with _served(database_url, service):
            resent = await service.send(invoke)

        assert resent.answer.status == 200, resent.answer.text
        assert answered(resent), resent.answer.text
        assert await _footprint(engine) == written


async def test_a_message_of_two_changes_killed_between_them_makes_each_once_when_resent(
    engine: AsyncEngine, database_url: str
) -> None:
    """"make 4 urgent and assign it to me": the first change is committed and its reply waits
    on Teams when the process dies. The resend makes the second change and not the first
    again (each part is written under its own key); a further resend changes nothing."""
    async with _service_on_a_free_port() as service:
        desk = await _desk(service, engine)
        message = service.teams.personal_message(
            f"make {desk.number(1)} urgent and assign it to me", user=desk.ada)
        before = await _footprint(engine)

        async with _served(database_url, service) as first:
            await service.say("hi", user=desk.ada)  # Ada is known: no lookup in the turn
            written = await _killed_while_replying(service, first, message,
                                                   then=lambda: _footprint(engine))
        assert written == {**before, "task_history": before["task_history"] + 1}, (
            "the turn was not killed between its two changes")

        async with _served(database_url, service):
            resent = await service.send(message)
            again = await service.send(message)

        assert resent.answer.status == again.answer.status == 200
        assert again.sent == []
        assert await _footprint(engine) == {**before, "task_history": before["task_history"] + 2}
        async with engine.connect() as connection:
            row = (await connection.execute(select(tasks.c.priority, tasks.c.assignee_id).where(
                tasks.c.id == desk.tickets[1].id))).one()
            changes = list((await connection.execute(select(task_history.c.field).where(
                task_history.c.task_id == desk.tickets[1].id,
                task_history.c.action != "created"))).scalars())
        assert row.priority == "urgent" and row.assignee_id is not None
        assert sorted(changes) == ["assignee", "priority"]


@pytest.mark.parametrize("said", [
    "close {0} and {1}", "close {0} and {1} because the vendor fixed it",
    "comment on {0} and {1}: vendor comes Tuesday", "assign {0} and {1} to me",
    "make {0} and {1} urgent",
])
async def test_a_message_changing_two_tickets_killed_between_them_changes_each_once_when_resent(
    engine: AsyncEngine, database_url: str, backend: str, said: str
) -> None:
    """The second ticket's row is held (the test locks it, as a slow writer would), so the
    turn dies after the first ticket's change is committed and before the second's; the
    resend changes the second alone and answers as the first run would have."""
    if backend != "postgresql":
        pytest.skip("holds one ticket's row with SELECT … FOR UPDATE")
    async with _service_on_a_free_port() as service:
        desk = await _desk(service, engine)
        message = service.teams.personal_message(
            said.format(desk.number(0), desk.number(1)), user=desk.ada)
        before = await _footprint(engine)

        async with _served(database_url, service) as first, engine.connect() as holder:
            await service.say("hi", user=desk.ada)
            await holder.execute(select(tasks.c.id).where(
                tasks.c.id == desk.tickets[1].id).with_for_update())
            sending = asyncio.ensure_future(
                service.session.post(f"{service.base_url}/api/messages", json=message))
            await eventually(lambda: _changed(engine, desk.tickets[0].id),
                             what="the first ticket changed")
            written = await _footprint(engine)
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=30)
            try:
                await sending
            except aiohttp.ClientError:
                pass  # the connection died with the server
            await holder.rollback()

        async with _served(database_url, service):
            resent = await service.send(message)
            again = await service.send(message)

        assert resent.answer.status == again.answer.status == 200
        assert again.sent == []
        change = {name: written[name] - before[name] for name in before}
        assert change["task_history"] >= 1, "the turn was killed before its first change"
        assert await _footprint(engine) == {
            name: before[name] + 2 * change[name] for name in before}
        assert f"{desk.tickets[0].ticket_number} and {desk.tickets[1].ticket_number}" in (
            "\n".join(resent.texts)), resent.texts


async def _changed(engine: AsyncEngine, ticket_id: int) -> bool:
    async with engine.connect() as connection:
        return (await connection.execute(select(task_history.c.id).where(
            task_history.c.task_id == ticket_id, task_history.c.action != "created"))
        ).first() is not None
