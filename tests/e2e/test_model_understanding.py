"""The model path end to end: with a key, a message the deterministic understanding cannot
place goes to a tool-calling model (an OpenAI-compatible stand-in on loopback, over HTTP);
a change it reads is proposed on a confirmation card and applied once, when confirmed."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.handler import TicketFlowBot
from bot.terminal import TerminalChat, TerminalDirectory
from db.tables import task_comments, task_history, tasks
from tests.e2e.assistant import running_with_model
from tests.e2e.service import Service, buttons_of, file_ticket, running_service, texts_in
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsUser
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_ticket, insert_user
from tests.integration.knowledge.answering_openai_stand_in import (
    Calls,
    Completion,
    CompletionsStandIn,
    Failure,
    Hang,
    Raw,
    ToolBehaviour,
)
from ticketflow.runtime import open_runtime
from ticketflow.settings import Settings
from ticketflow.msteams import bot_dependencies, build_interpreter

MODEL = "tool-reader"


@pytest_asyncio.fixture
async def desk(
    engine: AsyncEngine, database_url: str, model: CompletionsStandIn, connector: ConnectorStandIn
) -> AsyncIterator[Service]:
    async with running_with_model(database_url, connector, model, model_name=MODEL) as running:
        yield running


async def staff(engine: AsyncEngine, desk: Service) -> tuple[TeamsUser, dict[str, str], str]:
    """Max (a manager, talking), Lee Park and Lee Chan; Max's printer ticket, and a printer
    ticket of someone else that Max may not see."""
    ids = {
        "max": await insert_user(
            engine, role="manager", email="max@example.com", name="Max Manager"
        ),
        "lee": await insert_user(engine, role="user", email="lee@example.com", name="Lee Park"),
        "chan": await insert_user(engine, role="user", email="chan@example.com", name="Lee Chan"),
        "eve": await insert_user(engine, role="user", email="eve@example.com", name="Eve Other"),
    }
    await insert_ticket(engine, created_by=ids["eve"], title="Payroll printer prints salaries",
                        number="TKT-2020-0099")
    ticket = await file_ticket(engine, ids["max"], "Printer on floor 3 jams")
    return desk.person("max@example.com", "Max Manager"), ids, ticket.ticket_number


def button_data(card: dict[str, Any], verb: str) -> dict[str, Any]:
    for action in card["body"][-1]["actions"]:
        if action.get("verb") == verb:
            return dict(action["data"])
    raise AssertionError(f"no {verb} button: {buttons_of(card)}")


async def row(engine: AsyncEngine, number: str) -> dict[str, Any]:
    async with engine.connect() as connection:
        found = await connection.execute(select(tasks).where(tasks.c.ticket_number == number))
        return dict(found.mappings().one())


async def history_count(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(select(func.count()).select_from(task_history)))
                   .scalar_one())


def tool_names(request_body: dict[str, Any]) -> set[str]:
    return {tool["function"]["name"] for tool in request_body["tools"]}


async def test_a_described_ticket_is_looked_up_and_the_change_proposed_then_applied_once(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, ids, number = await staff(engine, desk)
    model.then_tools(
        Calls((("find_tickets", json.dumps({"text": "printer"})),)),
        Calls((("assign_ticket", json.dumps({"ticket": number, "to": "Lee Park"})),)),
    )
    before = await history_count(engine)

    turn = await desk.say("Lee should probably own the printer thing", user=max_)

    card = turn.card
    assert texts_in(card).splitlines()[0] == f"Assign {number} to Lee Park?"
    assert "Printer on floor 3 jams" in texts_in(card)
    assert buttons_of(card) == ["Confirm", "Cancel"]
    assert (await row(engine, number))["assignee_id"] is None and await history_count(engine) == before
    first, second = model.tool_requests
    assert second.messages[-1]["role"] == "tool"
    assert number in second.messages[-1]["content"]
    assert "Payroll" not in json.dumps(second.body)  # the lookup answers under Max's access
    assert "Payroll" not in json.dumps(first.body)
    assert "Printer on floor 3" not in json.dumps(first.messages)  # no ticket data up front

    confirm = button_data(card, "request.confirm")
    applied = await desk.press("request.confirm", confirm, user=max_)
    again = await desk.press("request.confirm", confirm, user=max_)  # a double tap

    assert "Assigned to Lee Park." in texts_in(applied)
    assert again == applied
    assert (await row(engine, number))["assignee_id"] == ids["lee"]
    async with engine.connect() as connection:
        assigned = (await connection.execute(
            select(func.count()).select_from(task_history)
            .where(task_history.c.action == "assigned"))).scalar_one()
    assert assigned == 1


async def test_a_confirmation_after_the_ticket_changed_applies_nothing_and_says_so(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, _, number = await staff(engine, desk)
    model.then_tools(Calls((("change_status", json.dumps({"ticket": number,
                                                           "status": "resolved"})),)))
    proposal = (await desk.say("the printer one is sorted, wrap it up", user=max_)).card
    assert texts_in(proposal).splitlines()[0] == f"Resolve {number}?"

    await desk.say(f"start {number}", user=max_)
    stale = await desk.press("request.confirm", button_data(proposal, "request.confirm"),
                             user=max_)

    assert f"{number} changed since I asked, so nothing was applied" in texts_in(stale)
    assert (await row(engine, number))["status"] == "in_progress"


async def test_a_confirmed_status_change_carrying_a_reason_adds_it_as_a_comment(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    """A proposed status change keeps the reason said with it ("… it was a loose cable"),
    as a typed one does: confirming it resolves and comments in one change."""
    max_, _, number = await staff(engine, desk)
    model.then_tools(Calls((("change_status", json.dumps({"ticket": number,
                                                           "status": "resolved"})),)))
    proposal = (await desk.say("the printer one is sorted, wrap it up", user=max_)).card
    confirm = button_data(proposal, "request.confirm")
    confirm["request"] = {**confirm["request"], "reason": "it was a loose cable"}

    applied = await desk.press("request.confirm", confirm, user=max_)

    assert f"{number} is now resolved. Your comment was added." in texts_in(applied)
    assert (await row(engine, number))["status"] == "resolved"
    async with engine.connect() as connection:
        comments = list((await connection.execute(select(task_comments.c.content))).scalars())
    assert comments == ["it was a loose cable"]


async def test_cancel_changes_nothing_and_someone_else_cannot_confirm(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, ids, number = await staff(engine, desk)
    model.then_tools(Calls((("comment_on_ticket", json.dumps(
        {"ticket": number, "text": "Ordered a new fuser\nETA Friday"})),)))
    proposal = (await desk.say("tell them on the printer one that a new fuser is coming",
                               user=max_)).card
    assert texts_in(proposal).startswith(
        f"Add this comment to {number}?\n{number} · Printer on floor 3 jams\n"
        "“Ordered a new fuser\nETA Friday”")
    admin = desk.person("ada@example.com", "Ada Admin")
    await insert_user(engine, role="admin", email="ada@example.com", name="Ada Admin")

    foreign = await desk.press("request.confirm", button_data(proposal, "request.confirm"),
                               user=admin)
    cancelled = await desk.press("request.cancel", button_data(proposal, "request.cancel"),
                                 user=max_)

    assert "Only the person who asked for this change can confirm it" in texts_in(foreign)
    assert "OK, nothing was changed." in texts_in(cancelled)
    async with engine.connect() as connection:
        assert (await connection.execute(select(task_comments))).first() is None


async def test_a_read_only_request_runs_at_once_and_a_first_name_shared_by_two_is_asked(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, _, number = await staff(engine, desk)
    model.then_tools(
        Calls((("list_tickets", json.dumps({"scope": "created", "text": "printer"})),)),
        Calls((("assign_ticket", json.dumps({"ticket": number, "to": "Lee"})),)),
    )

    listed = await desk.say("the printer stuff from me, remind me", user=max_)
    asked = await desk.say("Lee should probably own the printer thing", user=max_)

    assert "Printer on floor 3 jams" in texts_in(listed.card)
    assert "Payroll" not in texts_in(listed.card)
    assert asked.texts == ["Which Lee do you mean?"]
    assert sorted(asked.buttons) == ["Lee Chan", "Lee Park"]
    assert (await row(engine, number))["assignee_id"] is None


async def test_a_choice_answering_the_models_question_is_proposed_not_applied(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, ids, number = await staff(engine, desk)
    model.then_tools(Calls((("assign_ticket", json.dumps({"ticket": number, "to": "Lee"})),)))
    await desk.say("Lee should probably own the printer thing", user=max_)
    before = await history_count(engine)

    chosen = await desk.say("lee p", user=max_)  # a unique prefix of "Lee Park"

    assert texts_in(chosen.card).splitlines()[0] == f"Assign {number} to Lee Park?"
    assert (await row(engine, number))["assignee_id"] is None
    assert await history_count(engine) == before
    applied = await desk.press("request.confirm", button_data(chosen.card, "request.confirm"),
                               user=max_)
    assert "Assigned to Lee Park." in texts_in(applied)
    assert (await row(engine, number))["assignee_id"] == ids["lee"]
    assert len(model.tool_requests) == 1  # the answer was read without the model


async def test_a_new_ticket_the_model_reads_is_proposed_then_filed_once(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, _, _ = await staff(engine, desk)
    model.then_tools(
        Calls((("create_ticket", json.dumps({"title": "Projector in room 2 is dead",
                                              "priority": "high"})),)),
        Calls((("create_ticket", json.dumps({"title": "Coffee machine leaks"})),)),
    )
    async with engine.connect() as connection:
        tickets_before = (await connection.execute(select(func.count()).select_from(tasks))).scalar_one()

    proposal = (await desk.say(  # "…, can you log that" files at once: no model needed
        "the projector in room 2 died again, this should be on record somewhere", user=max_)).card
    assert texts_in(proposal).splitlines()[:3] == [
        "File this as a new ticket?", "Support · high priority", "“Projector in room 2 is dead”"]
    assert buttons_of(proposal) == ["Confirm", "Cancel"]
    confirm = button_data(proposal, "request.confirm")
    filed = await desk.press("request.confirm", confirm, user=max_)
    again = await desk.press("request.confirm", confirm, user=max_)  # a double tap
    other = (await desk.say("coffee machine leaks all over, someone should know", user=max_)).card
    cancelled = await desk.press("request.cancel", button_data(other, "request.cancel"), user=max_)

    assert "Filed TKT-" in texts_in(filed) and again == filed
    assert "OK, nothing was changed." in texts_in(cancelled)
    async with engine.connect() as connection:
        found = (await connection.execute(
            select(tasks.c.title, tasks.c.priority, tasks.c.category)
            .where(tasks.c.title.like("Projector%")))).all()
        tickets_after = (await connection.execute(select(func.count()).select_from(tasks))).scalar_one()
    assert [tuple(r) for r in found] == [("Projector in room 2 is dead", "high", "support")]
    assert tickets_after == tickets_before + 1


async def test_a_change_the_person_may_not_make_is_refused_without_a_card(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, ids, number = await staff(engine, desk)
    cora_id = await insert_user(
        engine, role="customer", email="cora@example.com", name="Cora Customer"
    )
    cora = desk.person("cora@example.com", "Cora Customer")
    lee = desk.person("lee@example.com", "Lee Park")
    theirs = await file_ticket(engine, cora_id, "Invoice missing")
    model.then_tools(
        Calls((("assign_ticket", json.dumps({"ticket": theirs.ticket_number, "to": "Lee"})),)),
        Calls((("change_status", json.dumps({"ticket": theirs.ticket_number,
                                             "status": "resolved"})),)),
        Calls((("assign_ticket", json.dumps({"ticket": number, "to": "Max Manager"})),)),
    )
    await desk.say(f"assign {number} to Lee Park", user=max_)

    by_customer = await desk.say("Lee should sort my invoice thing", user=cora)
    resolving = await desk.say("my invoice thing is sorted I guess, wrap it", user=cora)
    by_user = await desk.say("the printer one should go to max", user=lee)

    assert by_customer.texts == ["Sorry, you can't do that: customers cannot assign tickets."]
    assert not by_customer.cards
    assert not resolving.cards and "customers can only reopen" in resolving.texts[0]
    assert not by_user.cards
    assert "you can assign tickets only to yourself or to a team you belong to" in by_user.texts[0]
    assert (await row(engine, theirs.ticket_number))["assignee_id"] is None
    assert (await row(engine, theirs.ticket_number))["status"] == "open"
    assert (await row(engine, number))["assignee_id"] == ids["lee"]
    assert len(model.tool_requests) == 3


async def test_a_status_the_ticket_cannot_move_to_is_refused_without_a_card(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, _, number = await staff(engine, desk)
    await desk.say(f"resolve {number}", user=max_)
    model.then_tools(
        Calls((("change_status", json.dumps({"ticket": number, "status": "in_progress"})),)),
        Calls((("change_status", json.dumps({"ticket": number, "status": "resolved"})),)),
    )
    before = await history_count(engine)

    backwards = await desk.say("the printer thing needs work again", user=max_)
    again = await desk.say("the printer one is sorted, wrap it up", user=max_)

    assert not backwards.cards
    assert backwards.texts == [f"{number} cannot go from resolved to in progress "
                               "(it can go to: closed, open)."]
    assert not again.cards and again.texts == [f"{number} is already resolved."]
    assert (await row(engine, number))["status"] == "resolved"
    assert await history_count(engine) == before
    assert len(model.tool_requests) == 2


FAILURES: dict[str, ToolBehaviour] = {
    "HTTP 500": Failure(500),
    "HTTP 429": Failure(429, {"Retry-After": "1"}),
    "a body that is not JSON": Raw("<html>gateway hiccup</html>", "text/html"),
    "a JSON body that is broken": Raw('{"choices": [', "application/json"),
    "a tool call without its function": Raw(json.dumps({
        "id": "chatcmpl-x", "object": "chat.completion", "created": 1, "model": MODEL,
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": None,
            "tool_calls": [{"id": "call_1", "type": "function"}]}}]}), "application/json"),
    "no choices": Raw(json.dumps({"id": "chatcmpl-x", "object": "chat.completion",
                                  "created": 1, "model": MODEL, "choices": []}),
                      "application/json"),
    "arguments that are not JSON": Calls((("assign_ticket", "{ticket: 1, to: lee"),)),
    "an unknown tool": Calls((("delete_ticket", json.dumps({"ticket": "1"})),)),
    "a status that does not exist": Calls((("change_status", json.dumps(
        {"ticket": "1", "status": "exploded"})),)),
    "an unknown argument": Calls((("show_ticket", json.dumps({"ticket": "1", "sudo": True})),)),
    "a ticket that is no number": Calls((("show_ticket", json.dumps(
        {"ticket": "the big one"})),)),
    "two actions at once": Calls((("change_status", json.dumps({"ticket": "1", "status": "closed"})),
                                  ("assign_ticket", json.dumps({"ticket": "1", "to": "me"})))),
    "no tool at all": Completion("I am not sure what you mean."),
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
async def test_when_the_model_fails_the_deterministic_answer_stands(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine, failure: str
) -> None:
    max_, _, number = await staff(engine, desk)
    model.then_tools(FAILURES[failure])
    before = await row(engine, number)

    turn = await desk.say("zork 1", user=max_)

    assert turn.texts == ["Sorry, I didn't get “zork 1”. Try one of these, or say `help`:"]
    assert len(turn.buttons) <= 3
    assert len(model.tool_requests) == 1
    assert await row(engine, number) == before


async def test_a_model_that_does_not_answer_in_time_falls_back(
    engine: AsyncEngine, database_url: str, model: CompletionsStandIn,
    connector: ConnectorStandIn,
) -> None:
    teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
    async with running_service(
        database_url, connector, teams, openai_api_key="sk-e2e",
        openai_base_url=model.base_url, openai_model=MODEL, understanding_timeout=0.2,
    ) as slow:
        max_, _, _ = await staff(engine, slow)
        model.then_tools(Hang())
        turn = await slow.say("zork 1", user=max_)
    assert turn.texts == ["Sorry, I didn't get “zork 1”. Try one of these, or say `help`:"]
    assert len(model.tool_requests) == 1


async def test_questions_negations_and_understood_messages_never_reach_the_model(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, _, number = await staff(engine, desk)
    for text in ("don't close 1 yet", f"why is {number} still open?", f"close {number}",
                 "my tickets", "help"):
        await desk.say(text, user=max_)
    assert model.tool_requests == []
    assert (await row(engine, number))["status"] == "closed"


async def test_free_text_the_model_places_nowhere_goes_to_the_help_assistant(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, _, _ = await staff(engine, desk)

    turn = await desk.say("the vpn keeps dropping on hotel wifi", user=max_)

    assert len(model.tool_requests) == 1
    assert turn.texts == ["Looking that up in the help documents…"]


async def test_what_is_sent_is_capped_and_tools_follow_the_role(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, _, _ = await staff(engine, desk)
    await insert_user(engine, role="customer", email="cora@example.com", name="Cora Customer")
    cora = desk.person("cora@example.com", "Cora Customer")
    model.then_tools(Completion("none"),
                     Calls((("assign_ticket", json.dumps({"ticket": "1", "to": "me"})),)))

    await desk.say("zork " * 1000, user=max_)
    turn = await desk.say("zork 1", user=cora)

    staff_request, customer_request = model.tool_requests
    assert len(staff_request.last_user) == 500
    assert {"assign_ticket", "change_status", "find_tickets"} <= tool_names(staff_request.body)
    assert "assign_ticket" not in tool_names(customer_request.body)
    assert turn.texts == ["Sorry, you can't do that: customers cannot assign tickets."]
    assert staff_request.authorization == "Bearer sk-e2e"


async def test_the_lookup_answers_in_the_order_and_the_number_the_model_asks_for(
    engine: AsyncEngine, desk: Service, model: CompletionsStandIn
) -> None:
    """The lookup listed newest-updated first whatever order the model asked for."""
    max_, ids, newest = await staff(engine, desk)
    oldest = await file_ticket(engine, ids["max"], "Scanner on floor 1 is slow")
    async with engine.begin() as connection:  # filed long ago, updated just now
        await connection.execute(tasks.update().where(tasks.c.id == oldest.id).values(
            created_at=func.datetime("2020-01-01") if engine.dialect.name == "sqlite"
            else func.to_timestamp(0)))
    model.then_tools(
        Calls((("find_tickets", json.dumps({"order": "oldest", "most": 1})),)),
        Calls((("show_ticket", json.dumps({"ticket": oldest.ticket_number})),)),
    )

    await desk.say("the thing from ages ago, what was its number", user=max_)

    answered = model.tool_requests[1].messages[-1]
    assert answered["role"] == "tool"
    assert answered["content"].startswith(oldest.ticket_number)
    assert newest not in answered["content"]


async def test_without_a_key_no_request_leaves(
    engine: AsyncEngine, database_url: str, model: CompletionsStandIn,
    connector: ConnectorStandIn,
) -> None:
    teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
    async with running_service(database_url, connector, teams,
                               openai_base_url=model.base_url) as keyless:
        max_, _, _ = await staff(engine, keyless)
        model.then_tools(Calls((("list_tickets", "{}"),)))
        turn = await keyless.say("zork 1", user=max_)
    assert turn.texts == ["Sorry, I didn't get “zork 1”. Try one of these, or say `help`:"]
    assert model.tool_requests == [] and model.requests == []


async def test_in_the_terminal_the_proposal_is_numbered_and_confirmed_by_its_number(
    engine: AsyncEngine, database_url: str, model: CompletionsStandIn
) -> None:
    ids = {
        "ada": await insert_user(engine, role="admin", email="ada@example.com", name="Ada Admin"),
        "lee": await insert_user(engine, role="user", email="lee@example.com", name="Lee Park"),
    }
    ticket = await file_ticket(engine, ids["ada"], "Printer on floor 3 jams")
    number = ticket.ticket_number
    settings = Settings(database_url=database_url, openai_api_key="sk-terminal",
                        openai_base_url=model.base_url, openai_model=MODEL)
    model.then_tools(Calls((("change_status", json.dumps({"ticket": number,
                                                           "status": "on_hold"})),)))
    runtime = await open_runtime(settings, migrate=False)
    interpreter = build_interpreter(settings)
    assert interpreter is not None
    try:
        bot = TicketFlowBot(bot_dependencies(runtime, interpreter=interpreter),
                            TerminalDirectory("ada@example.com"))
        chat = TerminalChat(bot=bot, email="ada@example.com")
        await chat.say(f"show {number}")
        proposal = "\n".join(await chat.say("that one can wait until the vendor calls back"))
        assert (await row(engine, number))["status"] == "open"
        confirm = next(c for c in chat.choices if c.label == "Confirm")
        applied = "\n".join(await chat.press(confirm, {}))
    finally:
        await interpreter.aclose()
        await runtime.close()
    assert f"Put {number} on hold?" in proposal
    assert f"{confirm.number}. Confirm" in proposal
    assert f"{number} is now on hold." in applied
    assert (await row(engine, number))["status"] == "on_hold"
    [request] = model.tool_requests
    assert f"\"It\" means {number}" in request.system


async def test_a_new_ticket_the_model_reads_for_a_person_says_so_and_is_filed_to_them(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, ids, _ = await staff(engine, desk)
    model.then_tools(Calls((("create_ticket", json.dumps(
        {"title": "Badge reader at door B is dead", "to": "Lee Park"})),)))
    proposal = (await desk.say("the badge reader at door B died, Lee Park ought to see to it",
                               user=max_)).card
    assert texts_in(proposal).splitlines()[:3] == [
        "File this as a new ticket?", "Support · medium priority · for Lee Park",
        "“Badge reader at door B is dead”"]
    filed = await desk.press("request.confirm", button_data(proposal, "request.confirm"),
                             user=max_)
    assert "Filed TKT-" in texts_in(filed)
    async with engine.connect() as connection:
        found = (await connection.execute(select(tasks.c.assignee_type, tasks.c.assignee_id)
                                          .where(tasks.c.title.like("Badge%")))).all()
    assert [tuple(r) for r in found] == [("user", ids["lee"])]


async def test_the_chat_command_reads_messages_with_the_configured_model(
    tmp_path: Path, model: CompletionsStandIn
) -> None:
    env = {**os.environ, "TICKETFLOW_DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}",
           "OPENAI_API_KEY": "sk-chat", "OPENAI_BASE_URL": model.base_url,
           "TICKETFLOW_OPENAI_MODEL": MODEL}
    env.pop("TICKETFLOW_TEST_DATABASE_URL", None)
    model.then_tools(Calls((("create_ticket", json.dumps({"title": "Projector in room 2 is dead"})),)),
                     Calls((("comment_on_ticket", json.dumps(
                         {"ticket": "1", "text": "Bulb ordered"})),)))
    chat = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "ticketflow.cli", "chat", "--as", "ada@example.com",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, env=env, cwd=tmp_path,
    )
    said = ("the projector in room 2 died again, this should be on record somewhere\n1\n"
            "let them know on ticket 1 that a bulb is ordered\n1\nquit\n")
    out, err = await asyncio.wait_for(chat.communicate(said.encode()), timeout=120)
    shown = out.decode()
    assert chat.returncode == 0, err.decode()
    assert "File this as a new ticket?" in shown
    assert "Filed TKT-" in shown and "Projector in room 2 is dead" in shown
    assert "Add this comment to TKT-" in shown and "Comment added." in shown
    assert len(model.tool_requests) == 2


async def test_once_a_proposal_is_confirmed_it_means_the_ticket_it_changed(
    desk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    max_, ids, number = await staff(engine, desk)
    other = await file_ticket(engine, ids["max"], "Badge reader blinks")
    model.then_tools(Calls((("assign_ticket", json.dumps({"ticket": number, "to": "Lee Park"})),)))
    proposal = (await desk.say("Lee should probably own the printer thing", user=max_)).card
    await desk.say(f"show {other.ticket_number}", user=max_)  # the chat shows another ticket

    await desk.press("request.confirm", button_data(proposal, "request.confirm"), user=max_)
    closed = await desk.say("close it", user=max_)

    assert f"{number} is now closed." in texts_in(closed.card)
    assert (await row(engine, other.ticket_number))["status"] == "open"
