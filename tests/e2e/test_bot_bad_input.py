"""Hostile chat input is answered plainly and cheaply: long numbers, walls of search words,
invisible titles."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.transport.endpoint import KEPT_IDS
from db.tables import task_comments, task_history, tasks
from domain.clock import utcnow
from tests.e2e.queued_replies import queued_replies
from tests.e2e.replay import changes, conversations, state
from tests.e2e.service import (
    Service, card_of, file_ticket, texts_in, user_id_of, user_in_teams,
)
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.e2e.teams_doubles.connector import TeamsMember
from tests.integration.builders import insert_user

DIGITS_4301 = "9" * 4301
INVISIBLE_TITLE = "\u200b\u2060\ufeff\u200b"


async def _count_tickets(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return (await connection.execute(select(func.count()).select_from(tasks))).scalar_one()


async def _ticket_rows(engine: AsyncEngine) -> list[int]:
    """Tickets, their comments and their history, counted."""
    async with engine.connect() as connection:
        return [(await connection.execute(select(func.count()).select_from(table))).scalar_one()
                for table in (tasks, task_comments, task_history)]


@pytest.mark.parametrize(("said", "echoed"), [
    (f"ticket {DIGITS_4301}", "99999999999999999999999…"),
    (f"assign {DIGITS_4301} to me", "99999999999999999999999…"),
    (f"please close #{DIGITS_4301}", "#9999999999999999999999…"),
    ("ticket 12345678901234", "12345678901234"),
    ("#99999999999", "TKT-{this year}-99999999999"),  # a bare #N is this year's
    (f"what's up with tkt-2026-{DIGITS_4301}?", "TKT-2026-99999999999999…"),
])
async def test_a_ticket_reference_longer_than_any_ticket_number_is_a_ticket_i_cannot_find(
    service: Service, engine: AsyncEngine, said: str, echoed: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    turn = await service.say(said, user=ada)  # `say` has checked the HTTP answer is 200

    assert len(turn.texts) == 1 and not turn.cards, turn.texts
    answer = turn.texts[0]
    expected = echoed.replace("{this year}", str(utcnow().year))
    assert answer.startswith(f"I can't find ticket {expected}."), answer
    assert len(answer) < 200


async def test_a_card_action_about_a_ticket_id_of_thousands_of_digits_is_refused_plainly(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    for verb in ("ticket.refresh", "ticket.status"):
        turn = await service.send(service.teams.card_action(
            verb, {"ticket_id": "7" * 4400, "status": "resolved"}, user=ada))
        assert turn.answer.status == 200, turn.answer.text
        body = turn.answer.json
        # Universal Actions' error answer: the client keeps its card and shows why.
        assert body["type"] == "application/vnd.microsoft.error"
        assert 400 <= body["statusCode"] < 500
        assert "ticket" in body["value"]["message"] and len(turn.answer.text) < 400


@pytest.mark.parametrize("verb", ["help.feedback", "help.escalate"])
@pytest.mark.parametrize(("answer_id", "said"), [
    pytest.param(DIGITS_4301, "the card did not say which answer", id="4301-digits"),
    pytest.param("9" * 11, "the card did not say which answer", id="past-any-id"),
    pytest.param("12", "I can't find the answer 12.", id="an-answer-not-kept"),
    pytest.param(12, "I can't find the answer 12.", id="a-number"),
])
async def test_a_help_answer_button_about_an_answer_id_no_answer_can_have_is_refused_plainly(
    service: Service, engine: AsyncEngine, verb: str, answer_id: object, said: str
) -> None:
    """Python reads no number of more than 4300 digits: "Helpful" or "Create a ticket" on an
    answer card whose answer id was 4301 nines failed the turn (a 500, "something went
    wrong"). An id longer than any answer's says the card names no answer, as a ticket
    id does; an answer not kept is still one the bot cannot find."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    data = {"message_id": answer_id, "helpful": True}

    pressed = await service.send(service.teams.card_action(verb, data, user=ada))
    since = len(service.connector.calls)
    submitted = await service.post(service.teams.card_submit({"verb": verb, **data}, user=ada))

    assert (pressed.answer.status, submitted.status) == (200, 200), pressed.answer.text
    assert said in texts_in(pressed.card) and len(pressed.answer.text) < 400
    updated = [card_of(call.body) for call in service.connector.calls[since:]
               if call.operation == "update"]  # the card pressed on, drawn again
    assert [said in texts_in(card) for card in updated if card] == [True], updated


async def test_a_chat_search_longer_than_the_rest_cap_is_refused_with_the_limit(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    words = " ".join(f"w{index}" for index in range(10_000))

    turn = await service.say(f"tickets {words}", user=ada)

    assert turn.texts[0].startswith("That search won't work: keep it to 200 characters")


async def test_a_message_longer_than_teams_allows_is_refused_before_it_is_read(
    service: Service, engine: AsyncEngine
) -> None:
    # Read, 240,000 characters of words held the event loop for 10-20 s (every other
    # conversation waited); one word that long took 23 GB.
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    turn = await service.say("new ticket " + "printer " * 30_000, user=ada)

    assert turn.texts == [
        "That message is too long for me to read: keep it to 64,000 characters."]
    assert await _count_tickets(engine) == 0
    assert (await service.say("new ticket " + "printer " * 3_000, user=ada)).texts != turn.texts


@pytest.mark.parametrize("phrase", [
    "title: Printer jams, priority: high, due: friday, ",
    "close 4 and 5, then assign 6 to me. ",
])
async def test_the_longest_message_of_one_change_said_over_and_over_is_answered_not_a_failure(
    service: Service, engine: AsyncEngine, phrase: str
) -> None:
    # Read once per label (or run of tickets), each reading nested in the one before, this
    # overflowed the stack: a 500 and "something went wrong", which Teams sends again.
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace", role="admin")
    ticket = await file_ticket(engine, await user_id_of(engine, "ada@example.com"))
    await service.say(ticket.ticket_number, user=ada)
    before = await _ticket_rows(engine)

    turn = await service.send(service.teams.personal_message(
        (phrase * 1_000)[:28_000], user=ada))

    assert turn.answer.status == 200, turn.answer.text
    assert not any("went wrong" in text for text in turn.texts), turn.texts
    assert await _ticket_rows(engine) == before


async def test_a_chat_search_of_200_characters_still_searches(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    turn = await service.say(f"tickets {'printer ' * 24}{'x' * 7}", user=ada)

    assert not turn.texts or "won't work" not in turn.texts[0]
    assert turn.cards


async def test_a_title_of_invisible_characters_creates_no_ticket_from_chat(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    await service.say(f"new ticket {INVISIBLE_TITLE}", user=ada)
    form = await service.press("ticket.create", {"title": INVISIBLE_TITLE,
                                                 "category": "support"}, user=ada)

    assert "title" in texts_in(form).lower()
    assert await _count_tickets(engine) == 0


def _without(activity: dict[str, Any], *path: str) -> dict[str, Any]:
    inner = activity
    for key in path[:-1]:
        inner = inner[key]
    del inner[path[-1]]
    return activity


def _with(activity: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    return {**activity, key: value}


@pytest.mark.parametrize(("break_it", "complaint"), [
    (lambda a: _without(a, "from"), "from.id"),
    (lambda a: _without(a, "from", "id"), "from.id"),
    (lambda a: _with(a, "from", {"id": "  ", "name": "Ada"}), "from.id"),
    (lambda a: _with(a, "from", {"id": 29}), "from.id"),
    (lambda a: _without(a, "conversation"), "conversation.id"),
    (lambda a: _with(a, "conversation", {"conversationType": "personal"}), "conversation.id"),
    (lambda a: _with(a, "channelData", "tenant"), "channelData"),
    (lambda a: _with(a, "channelData", [{"tenant": {"id": "t"}}]), "channelData"),
    (lambda a: _with(a, "channelData", {"tenant": "contoso"}), "channelData.tenant"),
    (lambda a: _with(a, "channelData", {"tenant": {"id": 72}}), "channelData.tenant"),
    (lambda a: _with(a, "channelData", {"team": ["19:team"]}), "channelData.team"),
    (lambda a: _with(a, "channelData", {"channel": "general"}), "channelData.channel"),
    (lambda a: _with(a, "channelData", {"eventType": {"name": "teamRenamed"}}),
     "channelData.eventType"),
    (lambda a: _with(a, "membersAdded", [{"name": "nobody"}]), "membersAdded"),
    (lambda a: _with(a, "membersRemoved", "everyone"), "membersRemoved"),
    # read as "new ticket 4" (ticket 4 asked about) and a reply no Bot Connector takes
    (lambda a: _with(a, "text", 4), "text must be a string"),
    (lambda a: _with(a, "text", ["new ticket"]), "text must be a string"),
    (lambda a: _with(a, "id", "7" * 100_000), "id must be a string of at most 1024"),
    (lambda a: _with(a, "id", 7), "id must be a string"),
    (lambda a: _with(a, "replyToId", {"id": "1"}), "replyToId must be a string"),
    (lambda a: _with(a, "entities", [None, *a["entities"]]), "entities must be a list of objects"),
    (lambda a: _with(a, "entities", [*a["entities"], "mention"]),
     "entities must be a list of objects"),
    # ids go into the connector's URLs: a control character in one was a 500
    (lambda a: _with(a, "conversation", {**a["conversation"], "id": "a:1personal\x11ada"}),
     "conversation.id must have no control characters"),
    (lambda a: _with(a, "conversation", {**a["conversation"], "id": "a:1\r\nX-Injected: 1"}),
     "conversation.id must have no control characters"),
    (lambda a: _with(a, "from", {**a["from"], "id": "29:ada\n"}),
     "from.id must have no control characters"),
    (lambda a: _with(a, "recipient", {**a["recipient"], "id": "28:bot\x7f"}),
     "recipient.id must have no control characters"),
    (lambda a: _with(a, "replyToId", "1704\r\n103"), "replyToId must have no control"),
    (lambda a: _with(a, "id", "1704\t103\x85"), "id must have no control"),
    # botbuilder keys the conversation state by the channel: these were a 500
    (lambda a: _with(a, "channelId", None), "channelId must be a non-empty string"),
    (lambda a: _without(a, "channelId"), "channelId must be a non-empty string"),
    (lambda a: _with(a, "channelId", " "), "channelId must be a non-empty string"),
    # msrest could not read these mentions: a 500 where the message's mentions were read
    (lambda a: _with(a, "entities", [{"type": "mention", "mentioned": 5, "text": 5}]),
     "mentioned"),
    (lambda a: _with(a, "entities", [{"type": "mention", "mentioned": "29:bot",
                                      "text": "<at>Bot</at>"}]), "mentioned"),
    (lambda a: _with(a, "entities", [{"type": "mention", "mentioned": {"id": ["28:b"]},
                                      "text": "<at>Bot</at>"}]), "mentioned"),
    (lambda a: _with(a, "entities", [{"type": "mention", "mentioned": {"id": "28:b"},
                                      "text": {"at": "Bot"}}]), "mention's text"),
])
async def test_an_activity_without_what_a_turn_needs_is_refused_and_changes_nothing(
    service: Service, engine: AsyncEngine, break_it: Any, complaint: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    broken = break_it(service.teams.personal_message("new ticket printer on fire", user=ada))

    answer = await service.post(broken)

    assert answer.status == 400, answer.text
    assert answer.json["error"] == "invalid_activity"
    assert complaint in answer.json["message"]
    assert service.connector.calls == []  # no member lookup, no reply
    assert await _count_tickets(engine) == 0
    assert (await service.say("my tickets", user=ada)).cards  # the service goes on


@pytest.mark.parametrize("recipient", [None, {"name": "TicketFlow"}, {"id": ""}],
                         ids=["none", "without-id", "empty-id"])
@pytest.mark.parametrize("build", [
    lambda t: t.personal_message("new ticket printer on fire"),
    lambda t: t.bot_added_to_team(),
    lambda t: t.bot_added_to_personal_chat(),
    lambda t: t.installation_update("add", in_team=True),
], ids=["message", "bot-added-to-team", "bot-added-to-personal-chat", "installationUpdate"])
async def test_an_activity_without_a_recipient_is_refused_and_changes_nothing(
    service: Service, engine: AsyncEngine, build: Any, recipient: dict[str, str] | None
) -> None:
    """The recipient is the bot, whom every reply is from: the welcome on "bot added" read
    its id and failed (a 500) without one. Found by generated activities."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    service.teams.user = ada
    activity = build(service.teams)
    if recipient is None:
        del activity["recipient"]
    else:
        activity["recipient"] = recipient

    answer = await service.post(activity)

    assert (answer.status, answer.json["error"]) == (400, "invalid_activity"), answer.text
    assert "recipient.id" in answer.json["message"]
    assert service.connector.calls == [] and await _count_tickets(engine) == 0
    assert await conversations(engine) == []


async def test_a_message_without_channel_data_is_answered_like_any_other(
    service: Service, engine: AsyncEngine
) -> None:
    """The Bot Framework Emulator and Direct Line send no channelData; botbuilder's Teams
    member lookup used to fail on it with a TypeError (a 500 and no answer)."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    turn = await service.send(_without(service.teams.personal_message("help", user=ada),
                                       "channelData"))

    assert turn.answer.status == 200, turn.answer.text
    assert turn.texts or turn.cards


async def test_a_message_extension_query_with_an_unreadable_value_is_not_served_nor_a_500(
    service: Service, engine: AsyncEngine
) -> None:
    """The bot serves no search command, whatever the value; botbuilder's reading of it is
    never reached (it raised on values it did not expect)."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    query = service.teams.personal_message("", user=ada)
    query.update(type="invoke", name="composeExtension/query",
                 value={"commandId": "searchTickets", "parameters": "printer"})

    answer = await service.post(query)

    assert answer.status == 501, answer.text
    assert answer.json["error"] == "not_implemented"
    assert "composeExtension/query" in answer.json["message"]


async def test_a_newcomer_whose_member_lookup_cannot_reach_teams_is_told_why(
    service: Service, engine: AsyncEngine
) -> None:
    """The enrolment lookup used to escape as a ClientRequestError: a 500 and no answer."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    unreachable = _with(service.teams.personal_message("help", user=ada),
                        "serviceUrl", "http://127.0.0.1:9/")

    answer = await service.post(unreachable)

    assert answer.status == 200, answer.text
    [queued] = await queued_replies(engine)  # the answer waits for the connector to come back
    assert "couldn't read your email address" in str(queued)


@pytest.mark.parametrize("said", ["help", "help\u0000"], ids=["plain", "with-a-nul-escape"])
async def test_a_body_nested_hundreds_deep_is_a_bad_request_whatever_its_text(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """An activity with a NUL escape is walked to clean it; 900 nested arrays made that
    walk overflow the stack (a 500) where the same body without the escape was a 400."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    message = service.teams.personal_message(said, user=ada)
    nested: object = said
    for _ in range(900):
        nested = [nested]
    message["channelData"]["nested"] = nested

    answer = await service.post(message)

    assert answer.status == 400, answer.text
    assert answer.json["error"] == "invalid_activity"
    assert await _count_tickets(engine) == 0


@pytest.mark.parametrize(("verb", "data", "complaint"), [
    ("ticket.comment", {"comment": ["Replaced the toner"]}, "must be text"),
    ("ticket.comment", {"comment": {"text": "Replaced the toner"}}, "must be text"),
    ("ticket.comment", {"comment": 42}, "must be text"),
    ("ticket.edit", {"title": ["Printer"]}, "must be text"),  # not "['Printer']"
    ("ticket.edit", {"description": {"$set": "x"}}, "must be text"),
    # beyond `teams.id`: PostgreSQL refused the query (HTTP 500), Python's int() too
    ("ticket.assign", {"assignee": "team:99999999999"}, "team"),
    ("ticket.assign", {"assignee": "team:" + "9" * 5000}, "team"),
])
async def test_a_card_value_of_the_wrong_kind_is_refused_and_changes_nothing(
    service: Service, engine: AsyncEngine, verb: str, data: dict[str, Any], complaint: str
) -> None:
    admin_id = await insert_user(engine, role="admin", email="root@example.com")
    ticket = await file_ticket(engine, admin_id)
    root = service.person("root@example.com", "Rita Root")
    await service.say("hi", user=root)
    before = await _rows(engine)

    turn = await service.send(service.teams.card_action(
        verb, {"ticket_id": ticket.id, "version": ticket.version, **data}, user=root))

    assert turn.answer.status == 200, turn.answer.text
    assert complaint in turn.answer.text, turn.answer.text
    assert await _rows(engine) == before


async def _rows(engine: AsyncEngine) -> list[object]:
    """Every ticket, comment and history row, as stored."""
    async with engine.connect() as connection:
        return [list((await connection.execute(select(table))).all())
                for table in (tasks, task_comments, task_history)]


@pytest.mark.parametrize("entry", [None, 7, "mention"])
async def test_a_channel_message_whose_entities_hold_no_object_is_refused(
    service: Service, engine: AsyncEngine, entry: object
) -> None:
    """A channel message's mentions are read before anything else: a null entry among its
    entities failed the turn (a 500). Found by generated activities on PostgreSQL."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    message = service.teams.channel_message("list my tickets", user=ada)
    message["entities"] = [entry, *message["entities"]]

    answer = await service.post(message)

    assert (answer.status, answer.json["error"]) == (400, "invalid_activity"), answer.text
    assert "entities must be a list of objects" in answer.json["message"]
    assert service.connector.calls == [] and await _count_tickets(engine) == 0


def _longer(activity: dict[str, Any], *path: str, by: int = 1) -> dict[str, Any]:
    """`activity` with the id at `path` as long as the bot keeps, plus `by` characters."""
    inner = activity
    for key in path[:-1]:
        inner = inner[key]
    inner[path[-1]] += "x" * (KEPT_IDS[path] - len(inner[path[-1]]) + by)
    return activity


@pytest.mark.parametrize(("build", "path"), [
    pytest.param(lambda t: t.personal_message("new ticket printer on fire"),
                 ("conversation", "id"), id="message-conversation.id"),
    pytest.param(lambda t: t.personal_message("help"), ("conversation", "tenantId"),
                 id="message-conversation.tenantId"),
    pytest.param(lambda t: t.personal_message("help"), ("channelData", "tenant", "id"),
                 id="message-channelData.tenant.id"),
    pytest.param(lambda t: t.personal_message("my tickets"), ("from", "id"),
                 id="message-from.id"),
    pytest.param(lambda t: t.personal_message("my tickets"), ("from", "aadObjectId"),
                 id="message-from.aadObjectId"),
    pytest.param(lambda t: t.channel_message("help"), ("channelData", "team", "id"),
                 id="channel-message-channelData.team.id"),
    pytest.param(lambda t: t.channel_message("help"), ("channelData", "channel", "id"),
                 id="channel-message-channelData.channel.id"),
    pytest.param(lambda t: t.installation_update("add", in_team=True),
                 ("channelData", "team", "id"), id="team-install-channelData.team.id"),
    pytest.param(lambda t: t.installation_update("add"), ("conversation", "id"),
                 id="personal-install-conversation.id"),
])
async def test_an_id_longer_than_the_bot_keeps_is_refused_and_changes_nothing(
    service: Service, engine: AsyncEngine, build: Any, path: tuple[str, ...]
) -> None:
    """Found replaying Teams' shapes on PostgreSQL: such ids failed the turn (a 500) after
    the reply had gone out, so Teams' resend answered again; a reinstall in a team with one
    lost the team's conversation reference on the way."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    service.teams.user = ada
    await service.say("hi", user=ada)
    assert (await service.post(service.teams.installation_update("add", in_team=True))).status \
        == 200
    before, calls = await state(engine), len(service.connector.calls)

    answer = await service.post(_longer(build(service.teams), *path))

    assert (answer.status, answer.json["error"]) == (400, "invalid_activity"), answer.text
    assert f"{'.'.join(path)} must be at most {KEPT_IDS[path]} characters" in \
        answer.json["message"]
    assert service.connector.calls[calls:] == []
    assert changes(before, await state(engine)) == {}
    assert (await service.say("my tickets", user=ada)).cards  # the service goes on


async def test_a_newcomer_whose_ids_are_as_long_as_the_bot_keeps_is_answered_and_known(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    long = TeamsUser(id="29:1" + "a" * (KEPT_IDS["from", "id"] - 4), name="Ada Lovelace",
                     aad_object_id="f" * KEPT_IDS["from", "aadObjectId"])
    service.connector.members[long.id] = TeamsMember(
        id=long.id, name=long.name, aad_object_id=long.aad_object_id,
        email="ada@example.com", user_principal_name="ada@example.com")
    message = service.teams.personal_message("my tickets", user=long)
    message["conversation"]["id"] = "a:1" + "c" * (KEPT_IDS["conversation", "id"] - 3)
    message["channelData"]["tenant"]["id"] = "e" * KEPT_IDS["channelData", "tenant", "id"]
    message["conversation"]["tenantId"] = "e" * KEPT_IDS["conversation", "tenantId"]

    turn = await service.send(message)

    assert turn.answer.status == 200, turn.answer.text
    assert turn.cards
    assert await conversations(engine) == [message["conversation"]["id"]]


def _encoded(encoding: str, *, raw_surrogate: bool = False) -> Any:
    """A message whose text holds a NUL and a lone surrogate as JSON escapes, in
    `encoding`; or (`raw_surrogate`) UTF-8 whose sender's name holds a surrogate written
    out as bytes, which no UTF-8 decoder takes."""
    def build(t: Any) -> bytes:
        if raw_surrogate:
            message = t.personal_message("new ticket printer on fire")
            message["from"]["name"] = "Ada SURROGATE"
            return json.dumps(message, ensure_ascii=False).encode(encoding).replace(
                b"SURROGATE", "\udc00".encode(encoding, "surrogatepass"))
        message = t.personal_message("new ticket printer\u0000 on fire \ud83d")
        return json.dumps(message).encode(encoding)
    return build


@pytest.mark.parametrize("encode", [
    pytest.param(_encoded("utf-8", raw_surrogate=True), id="utf-8-with-a-surrogate-as-bytes"),
    pytest.param(_encoded("utf-16-le"), id="utf-16-le"),
    pytest.param(_encoded("utf-16"), id="utf-16-with-bom"),
    pytest.param(_encoded("utf-32"), id="utf-32"),
])
async def test_a_body_not_in_utf8_is_refused_and_changes_nothing(
    service: Service, engine: AsyncEngine, encode: Any
) -> None:
    """Only UTF-8 bodies are cleaned of NUL and lone surrogates as they are read: these
    were read as they came and failed the turn on PostgreSQL (a 500, after a reply)."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    service.teams.user = ada
    await service.say("hi", user=ada)
    before, calls = await state(engine), len(service.connector.calls)

    async with service.session.post(
        f"{service.base_url}/api/messages", data=encode(service.teams),
        headers={"Content-Type": "application/json"},
    ) as answer:
        status, body = answer.status, await answer.json()

    assert (status, body["error"]) == (400, "invalid_json"), body  # UTF-16 of ASCII is
    # UTF-8 too, with a NUL byte after each character: JSON it is not
    assert service.connector.calls[calls:] == []
    assert changes(before, await state(engine)) == {}


async def test_a_utf8_body_that_starts_with_a_byte_order_mark_is_answered(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    message = service.teams.personal_message("my tickets", user=ada)

    async with service.session.post(
        f"{service.base_url}/api/messages", data=b"\xef\xbb\xbf" + json.dumps(message).encode(),
        headers={"Content-Type": "application/json"},
    ) as answer:
        assert answer.status == 200, await answer.text()
    assert service.connector.calls[-1].body["attachments"]
