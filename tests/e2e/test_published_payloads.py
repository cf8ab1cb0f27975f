"""Teams activities in the shapes Microsoft publishes, replayed through the signed endpoint.

Each is posted to /api/messages with a token from the stand-in issuer, as the Bot
Connector posts it. Events the bot does not act on are answered 200 and change nothing;
invokes it does not serve get a 501; the message action works on the messages
Teams really hands it."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.replay import (
    Build,
    Shape,
    conversations,
    count,
    known_everywhere,
    posted_quietly,
    teams_service,
    writes,
)
from tests.e2e.service import Service, file_ticket, texts_in
from tests.e2e.teams_doubles import published as p
from tests.e2e.teams_doubles.activities import Channel, Team

__all__ = ["teams_service"]  # the fixture


IGNORED = [
    Shape("conversationUpdate-teamRenamed", p.team_event("teamRenamed")),
    Shape("conversationUpdate-channelCreated", p.channel_event("channelCreated")),
    Shape("conversationUpdate-channelRenamed", p.channel_event("channelRenamed")),
    Shape("conversationUpdate-channelShared", p.channel_shared),
    Shape("conversationUpdate-channelUnshared", p.channel_event("channelUnshared")),
    Shape("conversationUpdate-person-added-to-team", p.person_joined_team),
    Shape("conversationUpdate-channelMemberAdded", p.person_joined_channel("channelMemberAdded")),
    Shape("conversationUpdate-channelMemberRemoved",
          p.person_joined_channel("channelMemberRemoved")),
    Shape("conversationUpdate-person-removed-from-team", p.person_left_team),
    Shape("conversationUpdate-person-added-to-group-chat", p.person_added_to_group_chat),
    Shape("conversationUpdate-group-chat-topicName", p.group_chat_renamed),
    Shape("messageReaction-like-on-personal-card", p.reaction("reactionsAdded", "like",
                                                              in_channel=False)),
    Shape("messageReaction-heart-on-channel-card", p.reaction("reactionsAdded", "heart",
                                                              in_channel=True)),
    Shape("messageReaction-removed", p.reaction("reactionsRemoved", "laugh", in_channel=True)),
    Shape("messageUpdate-editMessage-personal", p.edited("messageUpdate", "editMessage",
                                                         in_channel=False)),
    Shape("messageUpdate-editMessage-channel", p.edited("messageUpdate", "editMessage",
                                                        in_channel=True)),
    Shape("messageUpdate-undeleteMessage", p.edited("messageUpdate", "undeleteMessage",
                                                    in_channel=False)),
    Shape("messageDelete-softDeleteMessage-personal", p.edited("messageDelete",
                                                               "softDeleteMessage",
                                                               in_channel=False)),
    Shape("messageDelete-softDeleteMessage-channel", p.edited("messageDelete",
                                                              "softDeleteMessage",
                                                              in_channel=True)),
    Shape("typing", p.typing),
    Shape("event-readReceipt", p.read_receipt),
    Shape("event-meetingStart", p.meeting_event("application/vnd.microsoft.meetingStart",
                                                p.MEETING_START)),
    Shape("event-meetingEnd", p.meeting_event("application/vnd.microsoft.meetingEnd",
                                              p.MEETING_END)),
    Shape("event-meetingParticipantJoin", p.meeting_event(
        "application/vnd.microsoft.meetingParticipantJoin", p.PARTICIPANTS)),
    Shape("event-meetingParticipantLeave", p.meeting_event(
        "application/vnd.microsoft.meetingParticipantLeave", p.PARTICIPANTS)),
    Shape("endOfConversation", p.end_of_conversation),
    Shape("installationUpdate-add-upgrade-personal", p.installed("add-upgrade",
                                                                 where="personal")),
    Shape("installationUpdate-add-upgrade-team", p.installed("add-upgrade", where="team")),
]

UNSUPPORTED = [
    Shape("invoke-composeExtension-query", p.invoke("composeExtension/query", {
        "commandId": "searchCmd", "parameters": [{"name": "searchKeyword", "value": "printer"}],
        "queryOptions": {"skip": 0, "count": 25}})),
    Shape("invoke-composeExtension-query-initialRun", p.invoke("composeExtension/query", {
        "commandId": "searchCmd", "parameters": [{"name": "initialRun", "value": "true"}],
        "queryOptions": {"skip": 0, "count": 25}})),
    Shape("invoke-composeExtension-selectItem", p.invoke("composeExtension/selectItem", {
        "id": "4", "title": "Printer jam"})),
    Shape("invoke-composeExtension-anonymousQueryLink", p.invoke(
        "composeExtension/anonymousQueryLink", {"url": "https://ticketflow.example.com/t/4"})),
    Shape("invoke-composeExtension-querySettingUrl", p.invoke(
        "composeExtension/querySettingUrl", {"commandId": "searchCmd", "parameters": []})),
    Shape("invoke-task-fetch", p.invoke("task/fetch", {
        "type": "task/fetch", "data": {"msteams": {"type": "task/fetch"}, "opendialogtype": "x"},
        "context": {"theme": "default"}, "tabContext": {"tabEntityId": "home"}})),
    Shape("invoke-task-submit", p.invoke("task/submit", {
        "type": "task/submit", "data": {"name": "Ada"}, "context": {"theme": "dark"}})),
    Shape("invoke-tab-fetch", p.invoke("tab/fetch", {
        "tabContext": {"tabEntityId": "home"}, "context": {"theme": "default"}})),
    Shape("invoke-config-fetch", p.invoke("config/fetch", {
        "data": {"type": "config/fetch"}, "context": {"theme": "default"}})),
    Shape("invoke-config-submit", p.invoke("config/submit", {
        "data": {"type": "config/submit"}, "context": {"theme": "default"}})),
    Shape("invoke-signin-verifyState", p.invoke("signin/verifyState", {"state": "824593"})),
    Shape("invoke-signin-tokenExchange", p.invoke("signin/tokenExchange", {
        "id": "x1", "connectionName": "graph", "token": "eyJ0eXAi.e30.sig"})),
    Shape("invoke-fileConsent-accept", p.invoke("fileConsent/invoke", {
        "type": "fileUpload", "action": "accept",
        "context": {"filename": "report.txt"},
        "uploadInfo": {"contentUrl": "https://contoso.sharepoint.com/report.txt",
                       "name": "report.txt", "uploadUrl": "https://upload.example/x",
                       "uniqueId": "1150D938", "fileType": "txt"}})),
    Shape("invoke-fileConsent-decline", p.invoke("fileConsent/invoke", {
        "type": "fileUpload", "action": "decline", "context": {"filename": "report.txt"}})),
    Shape("invoke-actionableMessage-executeAction", p.invoke(
        "actionableMessage/executeAction", {"body": "{\"comment\":\"ok\"}", "actionId": "a1"})),
    Shape("invoke-handoff-action", p.invoke("handoff/action", {"continuation": "c-123"})),
    Shape("invoke-tab-submit", p.invoke("tab/submit", {
        "tabContext": {"tabEntityId": "home"}, "data": {"type": "tab/submit"}})),
    Shape("invoke-message-submitAction-feedback", p.invoke("message/submitAction", {
        "actionName": "feedback",
        "actionValue": {"reaction": "like", "feedback": "{\"feedbackText\":\"ok\"}"}})),
    Shape("invoke-composeExtension-setting", p.invoke("composeExtension/setting", {
        "commandId": "searchCmd", "state": "saved"})),
    Shape("invoke-composeExtension-onCardButtonClicked", p.invoke(
        "composeExtension/onCardButtonClicked", {"key": "value"})),
    Shape("invoke-without-name-legacy-card-action", p.invoke(None, {"key": "value"})),
]


@pytest.mark.parametrize("build", [shape.param() for shape in IGNORED])
async def test_an_event_the_bot_does_not_act_on_is_200_and_changes_nothing(
    teams_service: Service, engine: AsyncEngine, build: Build
) -> None:
    await known_everywhere(teams_service, engine)

    answer = await posted_quietly(teams_service, engine, build(teams_service.teams))

    assert (answer.status, answer.text) == (200, ""), answer.text


@pytest.mark.parametrize("build", [shape.param() for shape in UNSUPPORTED])
async def test_an_invoke_the_bot_does_not_serve_is_a_501_and_changes_nothing(
    teams_service: Service, engine: AsyncEngine, build: Build
) -> None:
    await known_everywhere(teams_service, engine)
    activity = build(teams_service.teams)

    answer = await posted_quietly(teams_service, engine, activity)

    assert answer.status == 501, answer.text
    assert answer.json["error"] == "not_implemented"
    assert (activity.get("name") or "invokes without a name") in answer.json["message"]


async def test_a_link_query_as_teams_sends_it_is_answered_with_a_result_and_changes_nothing(
    teams_service: Service, engine: AsyncEngine
) -> None:
    await known_everywhere(teams_service, engine)
    activity = p.invoke("composeExtension/queryLink", {
        "url": "https://ticketflow.example.com/tickets/4"})(teams_service.teams)

    answer = await posted_quietly(teams_service, engine, activity)

    assert answer.status == 200, answer.text
    assert answer.json == {"composeExtension": {
        "type": "result", "attachmentLayout": "list", "attachments": []}}  # no ticket 4


async def test_a_deleted_channel_is_forgotten_and_a_restored_one_remembered(
    teams_service: Service, engine: AsyncEngine
) -> None:
    await known_everywhere(teams_service, engine)
    channel = teams_service.teams.channel.id
    assert channel in await conversations(engine)

    deleted = await teams_service.post(p.channel_event("channelDeleted", channel)(
        teams_service.teams))
    assert deleted.status == 200, deleted.text
    assert channel not in await conversations(engine)

    restored = await teams_service.post(p.channel_event("channelRestored", channel)(
        teams_service.teams))
    assert restored.status == 200, restored.text
    assert channel in await conversations(engine)
    assert teams_service.teams.team.id not in await conversations(engine)  # the event's


async def _installed_in_another_team(service: Service) -> str:
    """The bot is also in a second team; returns that team's channel."""
    teams = service.teams
    ours = (teams.team, teams.channel)
    teams.team = Team(id="19:finance-general@thread.tacv2", name="Finance",
                      aad_group_id="0d0f1a2b-0000-4000-8000-0000000000f2")
    teams.channel = Channel(id="19:finance-invoices@thread.tacv2", name="Invoices")
    try:
        assert (await service.post(p.installed("add", where="team")(teams))).status == 200
        return teams.channel.id
    finally:
        teams.team, teams.channel = ours


@pytest.mark.parametrize("gone", ["teamDeleted", "teamHardDeleted", "teamArchived"])
async def test_a_deleted_or_archived_team_forgets_all_its_channels_at_once(
    teams_service: Service, engine: AsyncEngine, gone: str
) -> None:
    await known_everywhere(teams_service, engine)
    teams = teams_service.teams
    general = teams.team.id
    restored = await teams_service.post(p.channel_event("channelRestored", general)(teams))
    assert restored.status == 200, restored.text
    other_team = await _installed_in_another_team(teams_service)
    known = await conversations(engine)
    assert {general, teams.channel.id, other_team} <= set(known)
    since = len(teams_service.connector.calls)

    answer = await teams_service.post(p.team_event(gone)(teams))

    assert (answer.status, answer.text) == (200, ""), answer.text
    assert writes(teams_service.connector, since) == []
    assert await conversations(engine) == sorted(
        set(known) - {general, teams.channel.id})  # the other team and the chats stay


@pytest.mark.parametrize("back", ["teamRestored", "teamrestored", "teamUnarchived"])
async def test_a_team_brought_back_takes_posts_in_its_general_channel_again(
    teams_service: Service, engine: AsyncEngine, back: str
) -> None:
    await known_everywhere(teams_service, engine)
    teams = teams_service.teams
    known = await conversations(engine)
    assert (await teams_service.post(p.team_event("teamDeleted")(teams))).status == 200
    assert teams.channel.id not in await conversations(engine)

    answer = await teams_service.post(p.team_event(back)(teams))

    assert (answer.status, answer.text) == (200, ""), answer.text
    assert await conversations(engine) == sorted(
        set(known) - {teams.channel.id} | {teams.team.id})
    await teams_service.say_in_channel("<at>TicketFlow</at> help")  # any other channel: when heard
    assert await conversations(engine) == sorted(set(known) | {teams.team.id})


@pytest.mark.parametrize("where", ["personal", "team", "groupChat"])
@pytest.mark.parametrize("removal", ["remove", "remove-upgrade"])
async def test_an_uninstall_forgets_the_conversation_and_add_upgrade_brings_it_back(
    teams_service: Service, engine: AsyncEngine, where: str, removal: str
) -> None:
    await known_everywhere(teams_service, engine)
    known = await conversations(engine)

    removed = await teams_service.post(p.installed(removal, where=where)(teams_service.teams))
    assert removed.status == 200, removed.text
    gone = set(known) - set(await conversations(engine))
    assert len(gone) == 1, gone

    added = await teams_service.post(p.installed("add-upgrade", where=where)(teams_service.teams))
    assert added.status == 200, added.text
    assert await conversations(engine) == known


@pytest.mark.parametrize("removal", [
    pytest.param(p.installed("remove", where="team"), id="installationUpdate-remove"),
    pytest.param(p.installed("remove-upgrade", where="team"), id="installationUpdate-remove-upgrade"),
    pytest.param(lambda t: t.bot_removed_from_team(), id="conversationUpdate-bot-in-membersRemoved"),
])
async def test_the_bot_taken_out_of_a_team_forgets_every_channel_of_it_once(
    teams_service: Service, engine: AsyncEngine, removal: Build
) -> None:
    """Only the channel the event names was forgotten: a channel the bot had been
    @mentioned in stayed, and took notifications Teams then refused one at a time."""
    await known_everywhere(teams_service, engine)
    teams = teams_service.teams
    ours = teams.channel
    teams.channel = Channel(id="19:escalations@thread.tacv2", name="Escalations")
    try:
        await teams_service.say_in_channel("help")
    finally:
        teams.channel = ours
    other_team = await _installed_in_another_team(teams_service)
    known = await conversations(engine)
    assert {ours.id, "19:escalations@thread.tacv2", other_team} <= set(known)
    activity, since = removal(teams), len(teams_service.connector.calls)

    answers = [await teams_service.post(activity) for _ in range(2)]  # and Teams' resend

    assert [(a.status, a.text) for a in answers] == [(200, "")] * 2
    assert writes(teams_service.connector, since) == []
    assert await conversations(engine) == sorted(
        set(known) - {ours.id, "19:escalations@thread.tacv2"})
    added = await teams_service.post(p.installed("add", where="team")(teams))
    assert added.status == 200, added.text
    assert await conversations(engine) == sorted(set(known) - {"19:escalations@thread.tacv2"})


@pytest.mark.parametrize("build", [
    pytest.param(p.bot_added_to_group_chat, id="conversationUpdate-bot-added-to-group-chat"),
    pytest.param(lambda t: t.bot_added_to_team(), id="conversationUpdate-bot-added-to-team"),
    pytest.param(p.bot_and_person_added_to_personal_chat,
                 id="conversationUpdate-bot-and-person-added-to-personal-chat"),
])
async def test_the_bot_added_to_a_conversation_says_hello_there_once(
    teams_service: Service, engine: AsyncEngine, build: Build
) -> None:
    turn = await teams_service.send(build(teams_service.teams))

    assert turn.answer.status == 200, turn.answer.text
    assert len(turn.cards) == 1
    assert len(await conversations(engine)) == 1


@pytest.mark.parametrize("build", [
    pytest.param(p.group_chat_mention("help"), id="message-group-chat-mention"),
    pytest.param(p.with_html_attachment("help"), id="message-with-text-html-attachment"),
    pytest.param(p.file_only, id="message-file-attachment-without-text"),
    pytest.param(p.inline_image_only, id="message-inline-image-without-text"),
])
async def test_a_message_as_teams_sends_it_is_answered(
    teams_service: Service, engine: AsyncEngine, build: Build
) -> None:
    await known_everywhere(teams_service, engine)

    turn = await teams_service.send(build(teams_service.teams))

    assert turn.answer.status == 200, turn.answer.text
    assert turn.texts or turn.cards
    assert await count(engine, tasks) == 0


async def test_a_card_refresh_and_a_foreign_verb_get_universal_action_answers(
    teams_service: Service, engine: AsyncEngine
) -> None:
    ada_id = await known_everywhere(teams_service, engine)
    ticket = await file_ticket(engine, ada_id)
    refresh = teams_service.teams.card_action("ticket.refresh", {"ticket_id": ticket.id})
    refresh["value"] = {"action": {"type": "Action.Execute", "verb": "ticket.refresh",
                                   "data": {"ticket_id": ticket.id}}, "trigger": "automatic"}
    foreign = teams_service.teams.card_action("personalDetailsFormSubmit", {"name": "Ada"})

    refreshed = await teams_service.post(refresh)
    refused = await teams_service.post(foreign)

    assert refreshed.status == 200 and refreshed.json["type"] == CARD, refreshed.text
    assert ticket.ticket_number in texts_in(refreshed.json["value"])
    assert refused.status == 200, refused.text
    assert refused.json["type"] == "application/vnd.microsoft.error"
    assert refused.json["statusCode"] == 400


CARD = "application/vnd.microsoft.card.adaptive"
HTML = ('<p><at id="0">Grace Hopper</at>&nbsp;the VPN drops every 10&nbsp;minutes '
        '&amp; Outlook <b>freezes</b> <emoji id="1f622_cryingface" alt="\U0001f622" '
        'title="Crying"></emoji></p><p>Started after the &lt;update&gt; on Monday.</p>')
CARD_MESSAGE = '<attachment id="a5b0c1d2e3f4"></attachment>'


def _form_inputs(answer: Any) -> dict[str, Any]:
    task = answer.json["task"]
    assert task["type"] == "continue", answer.text
    form = task["value"]["card"]["content"]
    return {e["id"]: e.get("value") for e in form["body"] if "id" in e and "value" in e}


@pytest.mark.parametrize(("payload", "title", "said"), [
    pytest.param(lambda t: p.message_payload(t, HTML, mentions=True),
                 "Grace Hopper the VPN drops every 10 minutes & Outlook freezes \U0001f622",
                 "Started after the <update> on Monday.", id="html-with-mention-and-entities"),
    pytest.param(lambda t: p.message_payload(t, "<div>Disk full on build agent 7</div>",
                                             author="application"),
                 "Disk full on build agent 7", "From a Teams message by Build Alerts.",
                 id="posted-by-an-app"),
    pytest.param(lambda t: p.message_payload(t, CARD_MESSAGE, author="application",
                                             attachments=[p.CARD_ATTACHMENT]),
                 "Build 1234 failed", "From a Teams message by Build Alerts.",
                 id="a-card-without-text"),
    pytest.param(lambda t: None, "Ticket from a Teams message", "From a Teams message.",
                 id="no-message-payload"),
    pytest.param(lambda t: {**p.message_payload(t, "<p>Since this morning tray 2 jams</p>"),
                            "subject": "Printer on floor 3 jams"},
                 "Printer on floor 3 jams", "Printer on floor 3 jams\nSince this morning tray 2 jams",
                 id="channel-post-with-a-subject"),
    pytest.param(lambda t: {**p.message_payload(t, "<p>Since this morning tray 2 jams</p>"),
                            "subject": "  "},
                 "Since this morning tray 2 jams", "Since this morning tray 2 jams",
                 id="channel-post-with-a-blank-subject"),
    pytest.param(lambda t: {**p.message_payload(t, "<p>Printer on floor 3 jams</p>"),
                            "subject": "Printer on floor 3 jams"},
                 "Printer on floor 3 jams", "Printer on floor 3 jams\n\nFrom a Teams message",
                 id="channel-post-whose-subject-is-its-text"),
])
async def test_create_ticket_opens_prefilled_on_the_messages_teams_hands_over(
    teams_service: Service, engine: AsyncEngine, payload: Any, title: str, said: str
) -> None:
    await known_everywhere(teams_service, engine)

    answer = await teams_service.post(p.message_action(
        "composeExtension/fetchTask", payload)(teams_service.teams))

    assert answer.status == 200, answer.text
    inputs = _form_inputs(answer)
    assert inputs["title"] == title
    assert said in inputs["description"]
    assert "<" not in inputs["title"] and "&amp;" not in inputs["description"]


@pytest.mark.parametrize("in_channel", [True, False], ids=["channel", "personal-chat"])
async def test_create_ticket_from_an_apps_message_files_the_ticket(
    teams_service: Service, engine: AsyncEngine, in_channel: bool
) -> None:
    await known_everywhere(teams_service, engine)
    payload = lambda t: p.message_payload(  # noqa: E731
        t, "<div>Disk full on build agent 7</div>", author="application")
    fetched = await teams_service.post(p.message_action(
        "composeExtension/fetchTask", payload, in_channel=in_channel)(teams_service.teams))
    inputs = _form_inputs(fetched)

    submitted = await teams_service.post(p.message_action(
        "composeExtension/submitAction", payload, in_channel=in_channel,
        data={"verb": "ticket.create", **inputs, "category": "incident"},
    )(teams_service.teams))

    assert submitted.status == 200, submitted.text
    assert submitted.json in ({}, None)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert row["title"] == "Disk full on build agent 7"
    assert "Build Alerts" in row["description"]
