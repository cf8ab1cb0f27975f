"""Faults found by walking every field of the published Teams shapes
(`test_published_payload_sweep`), each kept here as the case that failed, replayed through
the signed endpoint."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.replay import changes, count, known_everywhere, state, teams_service
from tests.e2e.service import Service, file_ticket, running_service
from tests.e2e.teams_doubles import published as p
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.integration.builders import insert_user

__all__ = ["teams_service"]  # the fixture


def _in(where: str, text: str, t: TeamsActivities) -> dict[str, Any]:
    if where == "group-chat":
        return p.group_chat_mention(text)(t)
    if where == "meeting-chat":
        activity: dict[str, Any] = p.group_chat_mention(text)(t)
        activity["channelData"]["meeting"] = {"id": "MCMxOTptZWV0aW5nX05qQXlO"}
        return activity
    return t.channel_message(text)


@pytest.mark.parametrize("mentioned", [
    pytest.param({"name": "Grace Hopper"}, id="no-id"),
    pytest.param({"id": None, "name": "Grace Hopper"}, id="id-null"),
    pytest.param({"id": "", "name": "Grace Hopper"}, id="id-empty"),
    pytest.param({}, id="empty-account"),
])
@pytest.mark.parametrize("where", ["channel", "group-chat", "meeting-chat"])
async def test_a_mention_that_names_no_account_is_no_person_and_the_message_is_answered(
    teams_service: Service, engine: AsyncEngine, mentioned: dict[str, Any], where: str
) -> None:
    """botbuilder's member lookup raised TypeError on an empty member id: a 500 and no
    answer. A mention without an id names no one the bot could look up."""
    await known_everywhere(teams_service, engine)
    activity = _in(where, "help", teams_service.teams)
    activity["text"] += " <at>Grace Hopper</at>"
    activity["entities"].append({"type": "mention", "text": "<at>Grace Hopper</at>",
                                 "mentioned": mentioned})

    turn = await teams_service.send(activity)

    assert turn.answer.status == 200, turn.answer.text
    assert turn.texts or turn.cards, "no reply"
    assert await count(engine, tasks) == 0


OURS = "72f988bf-0000-4000-8000-000000000001"  # the stand-in Teams' tenant
FOREIGN = "b28fdbfd-0000-4000-8000-0000000000f1"


def _tenant(activity: dict[str, Any], where: str) -> dict[str, Any]:
    """`activity` naming the foreign tenant in `where`: channelData, the conversation, both."""
    if where in ("channelData", "both"):
        activity.setdefault("channelData", {})["tenant"] = {"id": FOREIGN}
    if where in ("conversation", "both"):
        activity["conversation"]["tenantId"] = FOREIGN
    return activity


FROM_ANOTHER_ORGANISATION = {
    "message": lambda t, ticket: t.personal_message(f"resolve {ticket.ticket_number}"),
    "channel-message": lambda t, ticket: t.channel_message(f"resolve {ticket.ticket_number}"),
    "Action.Execute": lambda t, ticket: t.card_action("ticket.status", {
        "ticket_id": ticket.id, "version": ticket.version, "status": "resolved"}),
    "Action.Submit": lambda t, ticket: t.card_submit({
        "verb": "ticket.status", "ticket_id": ticket.id, "version": ticket.version,
        "status": "resolved"}),
    "message-extension-submit": lambda t, ticket: t.submit_action("createTicket", {
        "verb": "ticket.create", "title": "Wifi down", "category": "incident"},
        message_text="Wifi down"),
    "link-unfurl": lambda t, ticket: t.link_pasted(
        f"https://ticketflow.example.com/tickets/{ticket.id}"),
}


@pytest.mark.parametrize("where", ["channelData", "conversation", "both"])
@pytest.mark.parametrize("kind", list(FROM_ANOTHER_ORGANISATION))
async def test_a_tenant_off_the_allowlist_anywhere_in_the_activity_is_refused_and_changes_nothing(
    engine: AsyncEngine, database_url: str, service: Service, kind: str, where: str
) -> None:
    """With `allowed_tenants`, an activity that names another tenant -- in channelData, on
    the conversation, or both -- acts on nothing and shows nothing, whoever it claims to be."""
    ada_id = await insert_user(engine, role="admin", email="ada@example.com")
    ticket = await file_ticket(engine, ada_id)
    async with running_service(database_url, service.connector, service.teams,
                               allowed_tenants=(OURS,)) as guarded:
        ada = guarded.person("ada@example.com", "Ada Lovelace")
        guarded.teams.user = ada
        await guarded.say("help", user=ada)  # known, in her own tenant
        before = await state(engine)
        activity = _tenant(FROM_ANOTHER_ORGANISATION[kind](guarded.teams, ticket), where)

        turn = await guarded.send(activity)

    assert turn.answer.status == 200, turn.answer.text
    assert ticket.ticket_number not in turn.answer.text + json.dumps(turn.cards)
    assert changes(before, await state(engine)) == {}


CHANGES = {
    "ticket.status": lambda open_, resolved: {**open_, "status": "in_progress"},
    "ticket.assign": lambda open_, resolved: {**open_, "assignee": "me"},
    "ticket.comment": lambda open_, resolved: {**open_, "comment": "Toner swapped"},
    "ticket.edit": lambda open_, resolved: {**open_, "title": "Printer jams on floor 4"},
    "ticket.fixed": lambda open_, resolved: resolved,
    "ticket.still_broken": lambda open_, resolved: {**resolved, "comment": "Still drops"},
    "ticket.create": lambda open_, resolved: {"title": "Mouse dead", "category": "support"},
}


@pytest.mark.parametrize("how", ["Action.Execute", "Action.Execute-in-a-channel",
                                 "Action.Submit"])
@pytest.mark.parametrize("verb", list(CHANGES))
async def test_each_change_a_button_makes_is_made_once_when_teams_resends_it(
    teams_service: Service, engine: AsyncEngine, verb: str, how: str
) -> None:
    """Teams resends an activity it got no answer to in time, with the same id: the change
    is made once, a resent invoke gets the first answer, a resent submit no second reply."""
    ada_id = await known_everywhere(teams_service, engine)
    open_ = await file_ticket(engine, ada_id, "Printer jams on floor 3")
    resolved = await file_ticket(engine, ada_id, "VPN drops", status="resolved")
    data = CHANGES[verb]({"ticket_id": open_.id, "version": open_.version},
                         {"ticket_id": resolved.id, "version": resolved.version})
    t = teams_service.teams
    activity = (t.card_submit({"verb": verb, **data}) if how == "Action.Submit"
                else t.card_action(verb, data, in_channel=how.endswith("channel")))
    before = await state(engine)

    first = await teams_service.post(activity)
    changed = await state(engine)
    since = len(teams_service.connector.calls)
    again = await teams_service.post(activity)

    assert (first.status, again.status) == (200, 200), (first.text, again.text)
    assert changes(before, changed), "the first delivery changed nothing"
    assert changes(changed, await state(engine)) == {}
    if how == "Action.Submit":
        assert again.text == ""
    else:
        assert again.text == first.text
    assert not any(call.activity_id == activity["id"] or (
        isinstance(call.body, dict) and call.body.get("replyToId") == activity["id"])
        for call in teams_service.connector.calls[since:])


@pytest.mark.parametrize("content", [
    pytest.param("[" * 50_000, id="unclosed-arrays"),
    pytest.param("[" * 5_000 + "]" * 5_000, id="arrays-5000-deep"),
    pytest.param('{"body":' * 5_000 + "1" + "}" * 5_000, id="objects-5000-deep"),
])
@pytest.mark.parametrize("name", ["composeExtension/fetchTask", "composeExtension/submitAction"])
async def test_create_ticket_on_a_message_whose_card_is_json_text_nested_thousands_deep(
    teams_service: Service, engine: AsyncEngine, content: str, name: str
) -> None:
    """A card in `messagePayload.attachments` may come as JSON text, which the bot parses to
    read what the card says: nested thousands deep, Python's parser raised RecursionError
    (a 500) where the activity's own depth is checked at the door. The card says nothing
    the bot can read; the message's own text is what the form starts from."""
    await known_everywhere(teams_service, engine)
    card = {**p.CARD_ATTACHMENT, "content": content}
    activity = p.message_action(name, lambda t: p.message_payload(
        t, "<p>Build 1234 failed</p>", attachments=[card]),
        data={"verb": "ticket.create", "title": "Build 1234 failed", "category": "support"}
        if name.endswith("submitAction") else None)(teams_service.teams)

    answer = await teams_service.post(activity)

    assert answer.status == 200, answer.text
    if name.endswith("fetchTask"):
        assert "Build 1234 failed" in answer.text
    else:
        async with engine.connect() as connection:
            assert (await connection.execute(select(tasks.c.title))).scalars().all() == [
                "Build 1234 failed"]
