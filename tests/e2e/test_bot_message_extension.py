"""The "Create ticket" message action: a prefilled form, then the ticket card in the chat."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.elements import MAX_CARD_BYTES, wire_size
from db.tables import bot_conversation_refs, tasks
from tests.e2e.queued_replies import wait_for_statuses
from tests.e2e.service import Service, card_of, texts_in, user_in_teams
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.published import group_chat_conversation
from tests.unit.bot.cards.reading import walk


def _cards_sent(connector: ConnectorStandIn) -> list[dict[str, Any]]:
    return [card for activity in connector.sent_activities() if (card := card_of(activity))]


async def test_create_ticket_from_a_message_prefills_files_and_posts_the_card(
    service: Service, engine: AsyncEngine
) -> None:
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    message = "Wifi in the Berlin office is down<br>Since 9am, all floors."

    fetched = await service.send(service.teams.fetch_task("createTicket", message_text=message))
    task = fetched.answer.json["task"]
    assert task["type"] == "continue"
    form = task["value"]["card"]["content"]
    inputs = {e["id"]: e.get("value") for e in form["body"] if "id" in e and "value" in e}
    assert inputs["title"] == "Wifi in the Berlin office is down"
    assert "Since 9am, all floors." in inputs["description"]
    assert "From a Teams message by Ada Lovelace" in inputs["description"]

    bad = await service.send(service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": "", "category": "incident"}))
    assert bad.answer.json["task"]["type"] == "continue"
    assert "a title is required" in texts_in(bad.answer.json["task"]["value"]["card"]["content"])

    submitted = await service.send(service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", **inputs, "category": "incident",
                         "priority": "urgent"}))
    assert submitted.answer.status == 200 and submitted.answer.json in ({}, None)
    await service.connector.wait_until(lambda c: len(_cards_sent(c)) == 1)  # after the answer
    assert "Filed TKT-" in texts_in(_cards_sent(service.connector)[0])
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["priority"]) == ("Wifi in the Berlin office is down", "urgent")


async def test_the_submit_is_answered_while_the_connector_hangs_and_the_card_follows_once(
    service: Service, engine: AsyncEngine
) -> None:
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    connector = service.connector
    connector.hold(operations=("send", "reply"))
    submit = service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": "Badge reader at door 2 is dead",
                         "description": "Red light only", "category": "incident"})

    first = await service.send(submit)

    # Answered, although the card's post has not been answered by the connector yet.
    assert first.answer.status == 200 and first.answer.json in ({}, None)
    assert not _cards_sent(connector)
    await connector.wait_until(lambda c: c.holding == 1)  # the worker's post, waiting
    connector.release()
    await connector.wait_until(lambda c: len(_cards_sent(c)) == 1)

    again = await service.send(submit)  # Teams resends the same invoke

    assert (again.answer.status, again.answer.text) == (first.answer.status, first.answer.text)
    await wait_for_statuses(engine, ["delivered"])
    assert len(_cards_sent(connector)) == 1
    assert "Badge reader at door 2 is dead" in texts_in(_cards_sent(connector)[0])
    async with engine.connect() as connection:
        assert len((await connection.execute(select(tasks))).all()) == 1


async def test_a_429_with_retry_after_6_never_holds_the_submit_answer(
    service: Service, engine: AsyncEngine
) -> None:
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    connector = service.connector
    connector.hold(operations=("send", "reply"))
    connector.fail_next(429, retry_after=6, operations=("send", "reply"))

    submitted = await service.send(service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": "Projector in room 4 flickers",
                         "category": "support"},
        in_channel=False))

    assert submitted.answer.status == 200 and submitted.answer.json in ({}, None)
    await connector.wait_until(lambda c: c.holding == 1)
    connector.release()  # the post is answered 429 Retry-After: 6, and tried again after it
    await connector.wait_until(lambda c: len(_cards_sent(c)) == 1, timeout=30)
    posts = [c.status for c in connector.calls if c.operation in ("send", "reply")]
    assert posts == [429, 200]
    await wait_for_statuses(engine, ["delivered"])


@pytest.mark.parametrize(("message", "title"), [
    ("Hi, " * 2_000 + "the badge reader at door 2 is dead", "The badge reader at door 2 is dead"),
    ("Hi, " * 7_000, "Hi, " * 63 + "Hi…"),  # only greetings: the first line, cut
])
async def test_a_message_of_thousands_of_greetings_is_titled_by_what_follows_them(
    service: Service, engine: AsyncEngine, message: str, title: str
) -> None:
    # Read one greeting per nested call, a thousand of them overflowed the stack: a 500.
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    fetched = await service.send(service.teams.fetch_task("createTicket", message_text=message))

    assert fetched.answer.status == 200, fetched.answer.text
    form = fetched.answer.json["task"]["value"]["card"]["content"]
    inputs = {e["id"]: e.get("value") for e in form["body"] if "id" in e and "value" in e}
    assert inputs["title"] == title


_LOG_LINE = "2026-12-05T09:14:07Z vpn-gw-2 tunnel 17 renegotiated after DPD timeout (peer 10.4.0.1)\n"


@pytest.mark.parametrize("message", [
    "Outlook freezes whenever I open a shared calendar " + "and then nothing responds " * 1400,
    "Le VPN se coupe toutes les heures, réseau très lent : " + "ça décroche encore… " * 900,
    "Το VPN πέφτει κάθε ώρα και δεν μπορώ να δουλέψω. " * 300,
    "Pasted the gateway log:\n" + _LOG_LINE * 400,
    "crash dump " + "0x7ffde4a1c0" * 2600,  # no space to cut at
], ids=["english", "french", "greek", "log", "hex"])
async def test_a_long_message_is_cut_to_fit_the_form_not_left_out(
    service: Service, engine: AsyncEngine, message: str
) -> None:
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    html_message = message.replace("\n", "<br>")

    fetched = await service.send(service.teams.fetch_task("createTicket", message_text=html_message))

    form = fetched.answer.json["task"]["value"]["card"]["content"]
    assert wire_size(form) <= MAX_CARD_BYTES
    assert "too long to show" not in texts_in(form)
    inputs = {e["id"]: e.get("value") for e in form["body"] if "id" in e and "value" in e}
    description = inputs["description"]
    kept, _, tail = description.partition(" …\n\n(Cut to fit: the whole message is at the "
                                          "original below.) From a Teams message by Ada Lovelace. "
                                          "Original: https://teams.microsoft.com/l/message/")
    assert tail, description[-300:]
    assert len(kept) > 2000 and message.replace("\n\n", "\n").startswith(kept)
    assert len(description) <= 20_000

    submitted = await service.send(service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", **inputs, "category": "support"}))
    assert submitted.answer.json in ({}, None), submitted.answer.text
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks.c.title, tasks.c.description))).one()
    assert row.description == description
    assert row.title == inputs["title"] and message.startswith(row.title.removesuffix("…"))


def _in_a_group_chat(service: Service, activity: dict[str, Any]) -> dict[str, Any]:
    activity["conversation"] = group_chat_conversation(service.teams)
    activity["channelData"] = {"tenant": {"id": service.teams.tenant_id}}
    return activity


@pytest.mark.parametrize("where", ["group chat", "channel"])
async def test_a_ticket_filed_in_a_chat_without_the_bot_reaches_its_filer_in_their_own_chat(
    service: Service, engine: AsyncEngine, where: str
) -> None:
    ada = service.teams.user = await user_in_teams(
        service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("hi", user=ada)  # she has a chat with the bot
    connector = service.connector
    connector.fail_next(403, code="BotNotInConversationRoster", operations=("send", "reply"))
    submit = service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": "Projector in room 4 flickers",
                         "category": "support"})
    if where == "group chat":
        submit = _in_a_group_chat(service, submit)
    chat = submit["conversation"]["id"]

    submitted = await service.send(submit)

    assert submitted.answer.status == 200 and submitted.answer.json in ({}, None)
    [row] = await wait_for_statuses(engine, ["delivered"])
    refused = [c for c in connector.calls if c.operation in ("send", "reply") and c.status == 403]
    assert [c.conversation_id for c in refused] == [chat]
    mine = service.teams.personal_conversation_id(ada)
    posted = [c.body for c in connector.successful("send", "reply") if c.conversation_id == mine
              and c.body.get("replyToId") is None]
    note, card = posted[-2:]
    async with engine.connect() as connection:
        number = (await connection.execute(select(tasks.c.ticket_number))).scalar_one()
    assert note["text"] == (
        f"TicketFlow isn't in the chat where you used Create ticket, so {number} is here "
        "instead. Add TicketFlow to that chat to have its tickets posted there.")
    assert f"Filed {number}" in texts_in(card_of(card) or {})
    assert "Projector in room 4 flickers" in texts_in(card_of(card) or {})


async def test_a_chat_the_bot_was_removed_from_is_forgotten_and_the_card_kept_as_not_sent(
    service: Service, engine: AsyncEngine
) -> None:
    ada = service.teams.user = await user_in_teams(
        service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("hi", user=ada)  # her chat with the bot, which she later removes
    mine = service.teams.personal_conversation_id(ada)
    service.connector.fail_next(403, code="BotNotInConversationRoster",
                                operations=("send", "reply"), times=2)

    await service.send(_in_a_group_chat(service, service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": "Projector in room 4 flickers",
                         "category": "support"})))

    [row] = await wait_for_statuses(engine, ["disabled"])
    assert "in their chat with the bot" in row["last_error"]
    refused = [c.conversation_id for c in service.connector.calls if c.status == 403]
    assert refused == ["19:meeting-or-chat-3f2a@thread.v2", mine]
    async with engine.connect() as connection:
        assert (await connection.execute(select(bot_conversation_refs.c.conversation_id).where(
            bot_conversation_refs.c.conversation_id == mine))).first() is None


async def test_without_a_chat_with_the_bot_the_card_is_kept_as_not_sent(
    service: Service, engine: AsyncEngine
) -> None:
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    service.connector.fail_next(403, code="BotNotInConversationRoster",
                                operations=("send", "reply"))

    submitted = await service.send(_in_a_group_chat(service, service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": "Projector in room 4 flickers",
                         "category": "support"})))

    assert submitted.answer.json in ({}, None)
    [row] = await wait_for_statuses(engine, ["disabled"])
    assert "403" in row["last_error"]
    assert not service.connector.successful("send", "reply")


@pytest.mark.parametrize(("message", "title"), [
    ("<p>Hi team,</p><p>Outlook keeps crashing when I open the calendar.</p>",
     "Outlook keeps crashing when I open the calendar."),
    ('<p>Hi <at id="0">Sam Lee</at>, the VPN drops every hour</p>', "The VPN drops every hour"),
    ("<p>Dear IT Support,</p><p></p><p>My laptop will not boot since the update.</p>",
     "My laptop will not boot since the update."),
    ("<p>hey all 👋 hope you're well, the printer on floor 3 jams again</p>",
     "The printer on floor 3 jams again"),
    ("<p>Good morning Dr. Okafor!</p><p>Badge reader at door 2 is dead</p>",
     "Badge reader at door 2 is dead"),
    ("<p>Hello world program fails to compile on the build server</p>",
     "Hello world program fails to compile on the build server"),
    ("<p>Printer on floor 3 jams</p><p>Hi Sam, can you look?</p>", "Printer on floor 3 jams"),
    ("<p>Hi all</p>", "Hi all"),
], ids=["greeting line", "greeting and name", "dear", "greeting and wishes", "good morning",
        "hello world", "greeting later", "only a greeting"])
async def test_the_title_is_the_first_line_that_says_something_not_a_greeting(
    service: Service, engine: AsyncEngine, message: str, title: str
) -> None:
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    opened = service.teams.fetch_task("createTicket", message_text="")
    opened["value"]["messagePayload"]["body"]["content"] = message

    fetched = await service.send(opened)

    form = fetched.answer.json["task"]["value"]["card"]["content"]
    inputs = {e["id"]: e.get("value") for e in form["body"] if "id" in e and "value" in e}
    assert inputs["title"] == title


_ALERT_CARD = {
    "type": "AdaptiveCard", "version": "1.4",
    "body": [
        {"type": "TextBlock", "text": "Backup job nightly-db failed", "weight": "bolder"},
        {"type": "FactSet", "facts": [{"title": "Server", "value": "db-02"},
                                      {"title": "Exit code", "value": "137"}]},
        {"type": "ColumnSet", "columns": [{"type": "Column", "items": [
            {"type": "RichTextBlock", "inlines": [
                {"type": "TextRun", "text": "Out of memory while compressing"}]}]}]},
        {"type": "Input.Text", "id": "reason", "placeholder": "Why are you snoozing this?"},
    ],
    "actions": [{"type": "Action.OpenUrl", "title": "Open runbook", "url": "https://runbook"}],
}


@pytest.mark.parametrize(("body", "attachments", "title", "said"), [
    ('<attachment id="c1"></attachment>',
     [{"id": "c1", "contentType": "application/vnd.microsoft.card.adaptive",
       "content": json.dumps(_ALERT_CARD), "contentUrl": None, "name": None}],
     "Backup job nightly-db failed",
     "Backup job nightly-db failed\nServer: db-02\nExit code: 137\n"
     "Out of memory while compressing\n\nFrom a Teams message by Ada Lovelace."),
    ("<p>Payments are failing, see below</p>",
     [{"contentType": "application/vnd.microsoft.card.hero",
       "content": {"title": "Incident 4711", "text": "Checkout API answers 500",
                   "buttons": [{"type": "imBack", "title": "Acknowledge"}]}}],
     "Payments are failing, see below",
     "Payments are failing, see below\nIncident 4711\nCheckout API answers 500\n\n"),
    ('<p>Hi all,</p><p>VPN log and a screenshot attached</p><attachment id="f1"></attachment>'
     '<attachment id="f2"></attachment>',
     [{"id": "f1", "contentType": "reference", "name": "vpn client.log",
       "contentUrl": "https://contoso.sharepoint.com/sites/IT/Shared%20Documents/vpn%20client.log"},
      {"id": "f2", "contentType": "reference", "name": "error.png",
       "contentUrl": "https://contoso-my.sharepoint.com/personal/ada/Documents/error.png"}],
     "VPN log and a screenshot attached",
     "VPN log and a screenshot attached\n\nAttached:\n"
     "- vpn client.log: https://contoso.sharepoint.com/sites/IT/Shared%20Documents/vpn%20client.log\n"
     "- error.png: https://contoso-my.sharepoint.com/personal/ada/Documents/error.png\n\n"
     "From a Teams message by Ada Lovelace."),
    ('<p>Error when I print:</p><p><img src="https://graph.microsoft.com/v1.0/chats/19:x/'
     'messages/1/hostedContents/aa/$value" alt="image" width="300"></p><p>Printer '
     '<img alt="\U0001f622" itemtype="http://schema.skype.com/Emoji" src="https://statics.'
     'teams.cdn.office.net/evergreen-assets/skype/v2/cry/50.png"> says E05</p>', [],
     "Error when I print:",
     "Error when I print:\nPrinter \U0001f622 says E05\n\nAttached:\n"
     "- 1 picture, in the original message\n\nFrom a Teams message by Ada Lovelace."),
], ids=["an app's alert card", "a hero card under text", "two files", "a pasted picture"])
async def test_what_cards_say_and_the_files_attached_go_into_the_ticket(
    service: Service, engine: AsyncEngine, body: str, attachments: list[dict[str, Any]],
    title: str, said: str,
) -> None:
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    opened = service.teams.fetch_task("createTicket", message_text="")
    opened["value"]["messagePayload"].update(
        body={"contentType": "html", "content": body}, attachments=attachments)

    fetched = await service.send(opened)

    form = fetched.answer.json["task"]["value"]["card"]["content"]
    inputs = {e["id"]: e.get("value") for e in form["body"] if "id" in e and "value" in e}
    assert inputs["title"] == title
    assert said in inputs["description"]
    assert "snoozing" not in inputs["description"] and "runbook" not in inputs["description"]
    submitted = await service.send(service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", **inputs, "category": "incident"}))
    assert submitted.answer.json in ({}, None), submitted.answer.text
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks.c.title, tasks.c.description))).one()
    assert (row.title, row.description) == (title, inputs["description"])


TEAMS_LINK = "https://teams.microsoft.com/l/message/19:general@thread.tacv2/1704103200000"


@pytest.mark.parametrize("link", [
    pytest.param("file:///etc/passwd", id="file"),
    pytest.param("javascript:alert(1)", id="javascript"),
    pytest.param("http://169.254.169.254/latest/meta-data", id="http-private-address"),
    pytest.param(12, id="a-number"),
    pytest.param({"href": TEAMS_LINK}, id="an-object"),
])
async def test_a_message_link_that_is_no_web_link_is_neither_a_button_nor_in_the_description(
    service: Service, engine: AsyncEngine, link: object
) -> None:
    """The create form's "Made from a Teams message" button opened whatever the payload's
    `linkToMessage` held, and the description quoted it ("Original: {'href': …}"), while the
    files attached were already kept to https links. The form opens without either."""
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    activity = service.teams.fetch_task("createTicket", message_text="Wifi in Berlin is down")
    activity["value"]["messagePayload"]["linkToMessage"] = link

    task = (await service.send(activity)).answer.json["task"]

    form = task["value"]["card"]["content"]
    opened = [node["url"] for node in walk(form) if node.get("type") == "Action.OpenUrl"]
    description = next(e["value"] for e in form["body"] if e.get("id") == "description")
    assert task["type"] == "continue" and opened == []
    assert "Original:" not in description and "Wifi in Berlin is down" in description


async def test_a_teams_message_link_is_the_forms_button_and_in_the_description(
    service: Service, engine: AsyncEngine
) -> None:
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    activity = service.teams.fetch_task("createTicket", message_text="Wifi in Berlin is down")
    activity["value"]["messagePayload"]["linkToMessage"] = TEAMS_LINK

    form = (await service.send(activity)).answer.json["task"]["value"]["card"]["content"]

    opened = [node["url"] for node in walk(form) if node.get("type") == "Action.OpenUrl"]
    description = next(e["value"] for e in form["body"] if e.get("id") == "description")
    assert opened == [TEAMS_LINK] and f"Original: {TEAMS_LINK}" in description
