"""The help assistant in Teams, end to end: a question is acknowledged within the turn and
answered later, proactively, through the Bot Connector; the answer card's buttons rate it
or turn it into a ticket. The model is a local OpenAI-compatible server reached over HTTP.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.elements import card_actions
from domain.people import Role
from knowledge.audience import STAFF_ROLES
from db.tables import ai_chat_messages, users
from db.tables.knowledge import help_answer_feedback
from knowledge.ingestion import Upload, add_help_document
from ticketflow.knowledge import build_knowledge
from tests.e2e.assistant import MODEL, add_documents, answer_cards, button, wait_for_answers
from tests.e2e.queued_replies import make_due, wait_for_statuses
from tests.e2e.service import (
    WEB_URL,
    Service,
    a_ticket,
    card_of,
    running_service,
    texts_in,
    user_in_teams,
)
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_user
from tests.integration.knowledge.answering_openai_stand_in import (
    Completion,
    CompletionsStandIn,
    Failure,
    Held,
)
from tests.waiting import eventually
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

QUESTION = "why does my phone get disconnected from the Staff-BYOD wifi?"
ANSWER = "Phones on FH-Staff-BYOD are disconnected after 8 hours and must sign in again [1]."


async def stored(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        rows = await connection.execute(select(ai_chat_messages).order_by(ai_chat_messages.c.id))
        return [dict(row) for row in rows.mappings()]


async def test_a_question_is_acknowledged_in_the_turn_and_answered_proactively(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    user_id = await insert_user(engine, role="user", email="ada@example.com")
    ada = helpdesk.person("ada@example.com", "Ada Lovelace")
    release = asyncio.Event()
    model.then(Held(release, then=Completion(ANSWER)))

    turn = await helpdesk.say(QUESTION, user=ada)

    # The turn is over and the model has not answered yet: only the acknowledgement went out.
    assert turn.answer.status == 200
    assert [a["type"] for a in turn.sent] == ["typing", "message"]
    assert turn.texts == ["Looking that up in the help documents…"]
    assert answer_cards(helpdesk) == []
    release.set()
    [card] = await wait_for_answers(helpdesk)

    shown = texts_in(card)
    assert QUESTION in shown and ANSWER in shown
    assert "[1] Wi-Fi Networks" in shown
    assert f"{WEB_URL}/help/" in str(card)
    assert [a["title"] for a in card_actions(card)] == ["Helpful", "Not helpful", "Create a ticket"]
    [request] = model.requests
    assert request.model == MODEL and QUESTION in request.last_user
    assert "disconnected after 8 hours" in request.last_user
    rows = await stored(engine)
    assert [(r["role"], r["user_id"]) for r in rows] == [("user", user_id),
                                                         ("assistant", user_id)]
    assert rows[0]["session_id"] == rows[1]["session_id"]
    assert button(card, "Helpful")["data"]["message_id"] == rows[1]["id"]


async def test_a_follow_up_in_the_same_chat_is_answered_with_the_previous_turn_in_mind(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    model.then(Completion(ANSWER), Completion("Sign in with your Fernhill email address and "
                                              "password [1]."))

    await helpdesk.say(QUESTION, user=ada)
    await wait_for_answers(helpdesk)
    await helpdesk.say("how do i sign in again?", user=ada)
    await wait_for_answers(helpdesk, 2)

    second = model.requests[1]
    assert [m["role"] for m in second.messages] == ["system", "user", "assistant", "user"]
    assert QUESTION in second.messages[1]["content"]
    sessions = {row["session_id"] for row in await stored(engine)}
    assert len(sessions) == 1


async def test_a_new_question_in_the_same_chat_does_not_carry_the_previous_topic(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    # The topic leak: a question no document answers, asked right after another one, used to
    # be searched with it and answered from the earlier question's passages.
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    model.then(Completion(ANSWER))

    await helpdesk.say(QUESTION, user=ada)
    await wait_for_answers(helpdesk)
    await helpdesk.say("when do my stock options vest", user=ada)
    second = (await wait_for_answers(helpdesk, 2))[1]

    shown = texts_in(second)
    assert "I couldn't find this in the help documents" in shown
    assert "Wi-Fi Networks" not in shown and ANSWER not in shown
    assert len(model.requests) == 1
    rows = await stored(engine)
    assert [r["related_document_ids"] for r in rows if r["role"] == "assistant"][1] in ([], None)


async def test_a_staff_only_runbook_reaches_the_model_for_staff_and_never_for_a_customer(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, database_url: str
) -> None:
    await _staff_runbook(engine, database_url)
    await insert_user(engine, role="customer", email="carol@example.com")
    await insert_user(engine, role="user", email="ada@example.com")
    carol = helpdesk.person("carol@example.com", "Carol Customer")
    ada = helpdesk.person("ada@example.com", "Ada Lovelace")
    model.then(Completion("Sign in to WLC-01 and choose Reboot controller [1]."))
    question = "how do i reboot the wireless controller WLC-01"

    await helpdesk.say(question, user=carol)
    [to_carol] = await wait_for_answers(helpdesk)
    await helpdesk.say(question, user=ada)
    to_ada = (await wait_for_answers(helpdesk, 2))[1]

    assert "runbook" not in texts_in(to_carol).casefold()
    assert "[1] Wireless controller runbook" in texts_in(to_ada)
    [request] = model.requests  # the customer's question never reached the model with it
    assert "WLC-01" in request.last_user and "carol" not in request.last_user.casefold()


async def test_a_staff_only_runbook_is_not_cited_in_a_channel_even_to_staff(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, database_url: str
) -> None:
    """Everyone in a channel reads the answer posted in its thread (guests, customers), so a
    question asked there is answered from what everyone may read, whoever asks; the same
    question in the agent's own chat is answered from the staff runbook."""
    await _staff_runbook(engine, database_url)
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    model.then(Completion("Sign in to WLC-01 and choose Reboot controller [1]."))
    question = "how do i reboot the wireless controller WLC-01"

    await helpdesk.say_in_channel(question, user=ada)
    [in_channel] = await wait_for_answers(helpdesk)
    await helpdesk.say(question, user=ada)
    alone = (await wait_for_answers(helpdesk, 2))[1]

    assert "runbook" not in texts_in(in_channel).casefold()
    assert "WLC-01 and choose" not in texts_in(in_channel)
    assert "[1] Wireless controller runbook" in texts_in(alone)
    assert len(model.requests) == 1, "the channel's question never reached the model with it"


async def test_helpful_is_stored_and_the_card_comes_back_without_the_feedback_buttons(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    user_id = await insert_user(engine, role="user", email="ada@example.com")
    ada = helpdesk.person("ada@example.com", "Ada Lovelace")
    model.then(Completion(ANSWER))
    await helpdesk.say(QUESTION, user=ada)
    [card] = await wait_for_answers(helpdesk)

    rated = await helpdesk.press("help.feedback", button(card, "Not helpful")["data"], user=ada)
    rated = await helpdesk.press("help.feedback", button(card, "Helpful")["data"], user=ada)

    assert "Thanks, glad it helped." in texts_in(rated) and ANSWER in texts_in(rated)
    assert [a["title"] for a in card_actions(rated)] == ["Create a ticket"]
    async with engine.connect() as connection:
        rows = (await connection.execute(
            select(help_answer_feedback.c.user_id, help_answer_feedback.c.helpful))).all()
    assert [tuple(row) for row in rows] == [(user_id, True)]


async def test_create_a_ticket_opens_the_form_with_the_question_and_the_answer(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    model.then(Completion(ANSWER))
    await helpdesk.say(QUESTION, user=ada)
    [card] = await wait_for_answers(helpdesk)

    form = await helpdesk.press("help.escalate", button(card, "Create a ticket")["data"], user=ada)

    inputs = {node["id"]: node for node in _walk(form)
              if str(node.get("type")).startswith("Input.")}
    assert inputs["title"]["value"] == QUESTION
    description = inputs["description"]["value"]
    assert description.startswith(QUESTION)
    assert ANSWER in description and "[1] Wi-Fi Networks" in description
    assert f"{WEB_URL}/help/" in description
    assert [a["verb"] for a in card_actions(form)] == ["ticket.create"]


async def test_someone_else_cannot_rate_or_escalate_the_answer(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    await insert_user(engine, role="user", email="bob@example.com")
    ada = helpdesk.person("ada@example.com", "Ada Lovelace")
    bob = helpdesk.person("bob@example.com", "Bob Moog")
    model.then(Completion(ANSWER))
    await helpdesk.say(QUESTION, user=ada)
    [card] = await wait_for_answers(helpdesk)

    refused = await helpdesk.press("help.escalate", button(card, "Create a ticket")["data"],
                                   user=bob)
    unrated = await helpdesk.press("help.feedback", button(card, "Helpful")["data"], user=bob)

    assert "only the person who asked" in texts_in(refused)
    assert "only the person who asked" in texts_in(unrated)
    async with engine.connect() as connection:
        assert (await connection.execute(select(help_answer_feedback))).first() is None


async def test_when_the_model_fails_the_answer_still_comes_and_the_exchange_is_stored(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    model.then(Failure(500), Failure(500))  # the client retries once

    await helpdesk.say(QUESTION, user=ada)
    [card] = await wait_for_answers(helpdesk)

    shown = texts_in(card)
    assert "The AI assistant isn't available right now" in shown
    assert "disconnected after 8 hours" in shown
    assert [r["role"] for r in await stored(engine)] == ["user", "assistant"]


async def test_a_redelivered_question_is_answered_once(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    model.then(Completion(ANSWER))
    activity = helpdesk.teams.personal_message(QUESTION, user=ada)

    first = await helpdesk.send(activity)
    # The answer is posted after the turn; wait for it so that what the resend posts is
    # told apart from it by the resend's own request, not by timing.
    await wait_for_answers(helpdesk)
    again = await helpdesk.send(activity)  # Teams thought the first attempt timed out

    assert first.answer.status == again.answer.status == 200 and again.sent == []
    assert len(model.requests) == 1
    assert len(await stored(engine)) == 2


async def test_without_a_key_the_documents_are_quoted(
    engine: AsyncEngine, database_url: str
) -> None:
    await add_documents(engine, database_url)
    await insert_user(engine, role="user", email="ada@example.com")
    async with ConnectorStandIn() as connector:
        teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
        async with running_service(database_url, connector, teams) as service:
            ada = service.person("ada@example.com", "Ada Lovelace")
            await service.say(QUESTION, user=ada)
            [card] = await wait_for_answers(service)

    shown = texts_in(card)
    assert "Here is what the help documents say:" in shown
    assert "disconnected after 8 hours" in shown and "[1] Wi-Fi Networks" in shown


async def test_a_question_in_a_channel_is_answered_in_its_thread(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    model.then(Completion(ANSWER))

    turn = await helpdesk.say_in_channel(QUESTION, user=ada)
    await wait_for_answers(helpdesk)

    thread = next(c for c in helpdesk.connector.successful("send", "reply")
                  if card_of(c.body) is not None)
    assert turn.texts == ["Looking that up in the help documents…"]
    assert (thread.conversation_id or "").startswith(helpdesk.teams.channel.id + ";messageid=")


def _walk(node: object) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for child in node.values():
            found += _walk(child)
    elif isinstance(node, list):
        for child in node:
            found += _walk(child)
    return found


async def test_a_what_if_question_with_a_ticket_in_view_is_for_the_assistant(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    """"what if it says error 691?" right after a ticket's card was answered "OK, I'll leave
    TKT-… as it is": the "if" was read as a request put off until something is true."""
    owner = await insert_user(engine, role="user", email="ada@example.com")
    ada = helpdesk.person("ada@example.com", "Ada Lovelace")
    number = await a_ticket(engine, owner, "VPN will not connect")
    model.then(Completion(ANSWER), Completion(ANSWER))

    await helpdesk.say(f"show {number}", user=ada)
    for answered, asked in enumerate(("what if it says error 691", "and if it asks for a code?")):
        turn = await helpdesk.say(asked, user=ada)
        assert turn.texts == ["Looking that up in the help documents…"], (asked, turn.texts)
        # The answer is posted after the turn: waited for, so it is not taken for a reply
        # to the next message.
        await wait_for_answers(helpdesk, answered + 1)
    asked_rows = [r["content"] for r in await stored(engine) if r["role"] == "user"]
    assert asked_rows == ["what if it says error 691", "and if it asks for a code?"]


LOST_STAFF_ACCESS = {
    "made-a-customer": {"role": "customer"},
    "deactivated": {"is_active": False},
    "made-a-manager": {"role": "manager"},
}


@pytest.mark.parametrize("change", list(LOST_STAFF_ACCESS))
async def test_a_staff_only_answer_worked_out_while_the_asker_lost_staff_access_is_not_posted(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, database_url: str,
    change: str,
) -> None:
    """The answer is posted a model's time after the question: an agent made a customer (or
    deactivated) meanwhile was shown the staff runbook's steps and title. Access is decided
    when the answer leaves: a customer's answer is drawn from what customers may read, a
    deactivated account gets the line any of its messages gets; a manager, staff still,
    gets the runbook answer as asked."""
    ada_id, release, before = await _agent_asks_the_runbook(
        helpdesk, model, engine, database_url)
    async with engine.begin() as connection:
        await connection.execute(
            update(users).where(users.c.id == ada_id).values(**LOST_STAFF_ACCESS[change]))
    release.set()

    def told(_: object) -> list[str]:
        return [texts_in(card_of(body) or {}) or str(body.get("text"))
                for body in helpdesk.connector.sent_activities()[before:]
                if body.get("type") == "message" and "Looking that up" not in str(body)]

    await helpdesk.connector.wait_until(told)
    [said] = told(None)
    if change == "made-a-manager":
        assert "[1] Wireless controller runbook" in said
    else:
        assert "runbook" not in said.casefold() and "WLC-01 and choose" not in said, said
    if change == "deactivated":
        assert "no longer active" in said or "deactivated" in said, said


async def _asked(model: CompletionsStandIn) -> bool:
    return len(model.requests) == 1


async def _agent_asks_the_runbook(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, database_url: str,
    audience: frozenset[Role] = STAFF_ROLES,
) -> tuple[str, asyncio.Event, int]:
    """An agent asks what the staff runbook answers, and the model holds its answer until
    `release` is set: the agent's id, the release, and how many activities were sent before."""
    await _staff_runbook(engine, database_url, audience)
    ada_id = await insert_user(engine, role="user", email="ada@example.com")
    release = asyncio.Event()
    model.then(Held(release, Completion("Sign in to WLC-01 and choose Reboot controller [1].")))
    before = len(helpdesk.connector.sent_activities())
    await helpdesk.say("how do i reboot the wireless controller WLC-01",
                       user=helpdesk.person("ada@example.com", "Ada Lovelace"))
    await eventually(lambda: _asked(model), what="the model working on the answer")
    return ada_id, release, before


async def _staff_runbook(
    engine: AsyncEngine, database_url: str, audience: frozenset[Role] = STAFF_ROLES
) -> None:
    knowledge = build_knowledge(Runtime(settings=Settings(database_url=database_url),
                                        engine=engine))
    try:
        await add_help_document(
            uow=knowledge.uow(), indexer=knowledge.indexer,
            title="Wireless controller runbook", audience=audience,
            upload=Upload("wlc.txt", b"Restarting the wireless controller: sign in to WLC-01 "
                                     b"and choose Maintenance, Reboot controller."),
        )
    finally:
        await knowledge.close()


@pytest.mark.parametrize("retry_after", ["60", "1"])
async def test_a_help_answer_teams_throttles_is_sent_once_teams_allows(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, retry_after: str
) -> None:
    """The answer is posted after the turn, so no resend brings it back: throttled for a
    minute (more than a send waits inline), it was dropped, and the asker was left with
    "Looking that up…". Now it waits in the outbox as a turn's reply does; throttled for a
    second, it is sent after that second, as before."""
    await insert_user(engine, role="user", email="ada@example.com")
    ada = helpdesk.person("ada@example.com", "Ada Lovelace")
    release = asyncio.Event()
    model.then(Held(release, Completion(ANSWER)))
    await helpdesk.say(QUESTION, user=ada)
    await eventually(lambda: _asked(model), what="the model working on the answer")
    helpdesk.connector.fail_next(429, retry_after=retry_after, operations=("send", "reply"))

    release.set()

    if retry_after == "60":
        await wait_for_statuses(engine, ["pending"])
        assert answer_cards(helpdesk) == []
        await make_due(engine)
        await wait_for_statuses(engine, ["delivered"])
    [card] = await wait_for_answers(helpdesk)
    assert "8 hours" in texts_in(card)
    assert len(answer_cards(helpdesk)) == 1


QUEUED_CHANGES = {**LOST_STAFF_ACCESS, "made-an-admin": {"role": "admin"},
                  "unchanged": {"first_name": "Ada"}}
STILL_STAFF = frozenset({"made-a-manager", "made-an-admin", "unchanged"})


@pytest.mark.parametrize("change", list(QUEUED_CHANGES))
async def test_a_throttled_staff_only_answer_is_not_posted_to_who_lost_staff_access_meanwhile(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, database_url: str,
    change: str,
) -> None:
    """Queued for Teams' Retry-After, the answer leaves a minute later: by then the agent
    may be a customer or deactivated, and the staff runbook's steps are not theirs to read.
    Access is decided when it leaves, as for a ticket: the roles that may read everything
    the answer drew on are recorded, so one made a manager or an admin (staff still, who
    may read the runbook) gets it as drawn, where before any other role was asked to ask
    again; a customer or a deactivated account is."""
    ada_id, release, before = await _agent_asks_the_runbook(
        helpdesk, model, engine, database_url)
    helpdesk.connector.fail_next(429, retry_after="60", operations=("send", "reply"))
    release.set()

    await wait_for_statuses(engine, ["pending"])
    async with engine.begin() as connection:
        await connection.execute(update(users).where(users.c.id == ada_id).values(
            **QUEUED_CHANGES[change]))
    await make_due(engine)
    await wait_for_statuses(engine, ["delivered"])

    said = " ".join(texts_in(card_of(body) or {}) or str(body.get("text"))
                    for body in helpdesk.connector.sent_activities()[before:])
    if change in STILL_STAFF:
        assert "[1] Wireless controller runbook" in said, said
    else:
        assert "runbook" not in said.casefold() and "WLC-01 and choose" not in said, said
        assert "ask again" in said, said


@pytest.mark.parametrize("role", ["manager", "admin", "customer"])
async def test_a_throttled_answer_from_an_agents_only_runbook_is_not_posted_to_another_role(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, database_url: str,
    role: str,
) -> None:
    """Access to a help document is by its audience, not by rank: a runbook for agents
    alone is not a manager's to read, so an agent made a manager meanwhile is asked to
    ask again, as one made a customer is."""
    ada_id, release, before = await _agent_asks_the_runbook(
        helpdesk, model, engine, database_url, frozenset({Role.USER}))
    helpdesk.connector.fail_next(429, retry_after="60", operations=("send", "reply"))
    release.set()

    await wait_for_statuses(engine, ["pending"])
    async with engine.begin() as connection:
        await connection.execute(update(users).where(users.c.id == ada_id).values(role=role))
    await make_due(engine)
    await wait_for_statuses(engine, ["delivered"])

    said = " ".join(texts_in(card_of(body) or {}) or str(body.get("text"))
                    for body in helpdesk.connector.sent_activities()[before:])
    assert "runbook" not in said.casefold() and "WLC-01 and choose" not in said, said
    assert "ask again" in said, said


@pytest.mark.parametrize("role", ["user", "manager", "customer"])
async def test_a_throttled_answer_for_everyone_is_posted_to_whoever_asked_in_their_new_role(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, role: str,
) -> None:
    """A customer's answer drawn from a document everyone may read: made an agent or a
    manager meanwhile, they may read it still, and get it (they were asked to ask again)."""
    carla_id = await insert_user(engine, role="customer", email="carla@example.com")
    carla = helpdesk.person("carla@example.com", "Carla Customer")
    release = asyncio.Event()
    model.then(Held(release, Completion(ANSWER)))
    await helpdesk.say(QUESTION, user=carla)
    await eventually(lambda: _asked(model), what="the model working on the answer")
    helpdesk.connector.fail_next(429, retry_after="60", operations=("send", "reply"))
    release.set()

    await wait_for_statuses(engine, ["pending"])
    async with engine.begin() as connection:
        await connection.execute(update(users).where(users.c.id == carla_id).values(role=role))
    await make_due(engine)
    await wait_for_statuses(engine, ["delivered"])

    [card] = await wait_for_answers(helpdesk)
    assert "8 hours" in texts_in(card)


@pytest.mark.parametrize("role", ["customer", "user"])
@pytest.mark.parametrize(("verb", "title"), [("help.feedback", "Not helpful"),
                                             ("help.feedback", "Helpful"),
                                             ("help.escalate", "Create a ticket")])
async def test_a_staff_only_answer_pressed_on_after_losing_staff_access_is_not_drawn_again(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, database_url: str,
    role: str, verb: str, title: str,
) -> None:
    """An answer drawn on the staff runbook, pressed on once its asker is a customer: the
    rated card was drawn again with the runbook's steps and source, and "Create a ticket"
    quoted them in the form, where a follow-up question or a queued answer already leaves
    them out (access is decided when the answer leaves). Still staff, the answer is kept."""
    ada_id, release, _ = await _agent_asks_the_runbook(helpdesk, model, engine, database_url)
    release.set()
    [card] = await wait_for_answers(helpdesk)
    async with engine.begin() as connection:
        await connection.execute(update(users).where(users.c.id == ada_id).values(role=role))

    drawn = await helpdesk.press(verb, button(card, title)["data"],
                                 user=helpdesk.users["ada@example.com"])

    said = texts_in(drawn) + " ".join(
        str(node.get("value")) for node in _walk(drawn) if node.get("id") == "description")
    if role == "customer":
        assert "WLC-01 and choose" not in said and "runbook" not in said.casefold(), said
    else:
        assert "WLC-01 and choose" in said and "runbook" in said.casefold(), said
