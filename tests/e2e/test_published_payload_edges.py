"""Teams activities at the edges of what Microsoft publishes, replayed through the signed
endpoint: optional fields left out, group chats and channels where the first replay file
used personal chats, the values older cards send, names no one typed in ASCII, and
serviceUrls of other clouds. The shapes are in `teams_doubles.published_edges`, each
with the page it is taken from.

Whatever comes, the answer is never a 500 and never a hang: events the bot does not act
on are 200 and change nothing; messages get a reply; invokes get the answer their kind
calls for."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_conversation_refs, tasks
from tests.e2e.replay import (
    Build,
    Shape,
    changes,
    conversations,
    count,
    known_everywhere,
    posted_quietly,
    state,
    teams_service,
    writes,
)
from tests.e2e.service import WEB_URL, Service, card_of, file_ticket, texts_in
from tests.e2e.teams_doubles import published as p
from tests.e2e.teams_doubles import published_edges as e
from tests.e2e.teams_doubles.tokens import TokenSigner

__all__ = ["teams_service"]  # the fixture

IGNORED = [
    Shape("messageReaction-in-group-chat", e.reaction_in_group_chat),
    Shape("messageReaction-added-and-removed-at-once", e.reactions_added_and_removed),
    Shape("messageReaction-without-replyToId", e.without("replyToId", "legacy")(
        p.reaction("reactionsAdded", "like", in_channel=True))),
    Shape("messageUpdate-editMessage-group-chat",
          e.edited_in_group_chat("messageUpdate", "editMessage")),
    Shape("messageDelete-softDeleteMessage-group-chat",
          e.edited_in_group_chat("messageDelete", "softDeleteMessage")),
    Shape("messageUpdate-without-eventType", e.without("channelData.eventType")(
        p.edited("messageUpdate", "editMessage", in_channel=False))),
    Shape("messageDelete-without-channelData", e.without("channelData")(
        p.edited("messageDelete", "softDeleteMessage", in_channel=False))),
    Shape("conversationUpdate-person-added-to-group-chat-without-channelData",
          e.person_added_to_group_chat_without_channel_data),
    Shape("conversationUpdate-person-left-group-chat-without-channelData",
          e.person_left_group_chat_without_channel_data),
    Shape("conversationUpdate-guest-joined-team-without-aadObjectId", e.guest_joined_team),
    Shape("conversationUpdate-channelUnshared-unsharedFromTeams", e.channel_unshared_from_teams),
    Shape("conversationUpdate-teamRenamed-long-unicode-name", e.team_renamed_in_unicode),
    Shape("conversationUpdate-channelCreated-without-tenant", e.without(
        "channelData.tenant", "conversation.tenantId")(p.channel_event("channelCreated"))),
    Shape("typing-in-channel", e.typing_in("channel")),
    Shape("typing-in-group-chat", e.typing_in("groupChat")),
    Shape("typing-without-channelData", e.without("channelData")(p.typing)),
    Shape("endOfConversation-without-code", e.end_of_conversation_without_code),
    Shape("event-tokens-response", e.token_response_event),
    Shape("event-meetingStart-channel-meeting", e.meeting_start_in_channel),
    Shape("event-meetingParticipantLeave-without-meeting", e.participant_without_meeting_details),
    Shape("event-meetingEnd-without-value", e.without("value")(p.meeting_event(
        "application/vnd.microsoft.meetingEnd", p.MEETING_END))),
    Shape("event-readReceipt-without-value", e.without("value")(p.read_receipt)),
]


@pytest.mark.parametrize("build", [shape.param() for shape in IGNORED])
async def test_an_event_at_the_edges_is_200_and_changes_nothing(
    teams_service: Service, engine: AsyncEngine, build: Build
) -> None:
    await known_everywhere(teams_service, engine)

    answer = await posted_quietly(teams_service, engine, build(teams_service.teams))

    assert (answer.status, answer.text) == (200, ""), answer.text


ANSWERED = [
    Shape("channel-mention-of-the-app-under-another-name", e.mention_of_renamed_bot),
    Shape("channel-mention-after-the-words", e.mention_after_the_words),
    Shape("group-chat-mention-with-html-attachment", e.mention_in_group_chat_with_html),
    Shape("channel-mention-with-a-file-and-no-words", e.channel_file_without_text),
    Shape("personal-german-client-without-timezone", e.in_german),
    Shape("personal-long-unicode-sender-name", e.long_unicode_name),
    Shape("personal-text-with-inline-image", e.text_with_inline_image),
    Shape("personal-text-with-file", e.text_with_file),
    Shape("personal-without-entities-locale-or-local-time", e.without(
        "entities", "locale", "localTimestamp", "localTimezone")(e.personal("help"))),
    Shape("personal-without-from-aadObjectId", e.without("from.aadObjectId")(
        e.personal("help"))),
    Shape("personal-without-from-name", e.without("from.name")(e.personal("help"))),
    Shape("personal-without-conversation-tenantId", e.without("conversation.tenantId")(
        e.personal("help"))),
    Shape("personal-without-channelData", e.without("channelData")(e.personal("help"))),
    Shape("personal-without-conversationType", e.without("conversation.conversationType")(
        e.personal("help"))),
    Shape("personal-without-recipient-name", e.without("recipient.name")(e.personal("help"))),
    Shape("personal-textFormat-xml", e.personal("help", textFormat="xml")),
    Shape("messageBack-text-with-value", e.message_back("help", {"source": "welcome"})),
    Shape("messageBack-text-with-string-value", e.message_back("help", "welcome-card")),
    Shape("imBack-from-a-list-row", e.personal("ticket TKT-2026-9999")),
    Shape("Action.Submit-of-a-card-without-our-verb", e.submit_from_foreign_card(
        {"action": "acknowledge", "incident": "INC0042"})),
    Shape("channel-message-from-a-shared-channel-guest-tenant", e.from_another_tenant),
]


@pytest.mark.parametrize("build", [shape.param() for shape in ANSWERED])
async def test_a_message_at_the_edges_is_answered_and_files_nothing(
    teams_service: Service, engine: AsyncEngine, build: Build
) -> None:
    await known_everywhere(teams_service, engine)

    turn = await teams_service.send(build(teams_service.teams))

    assert turn.answer.status == 200, turn.answer.text
    assert turn.texts or turn.cards, "no reply"
    assert await count(engine, tasks) == 0


NOT_OUR_BUTTONS = [
    pytest.param({"verb": 7}, "not one I know", id="verb-not-a-string"),
    pytest.param({"verb": "poll.vote", "choice": "b"}, "poll.vote", id="unknown-verb"),
    pytest.param({"verb": "ticket.status", "status": "closed"}, "which ticket",
                 id="ticket-verb-without-ticket"),
    pytest.param({"verb": "ticket.refresh", "ticket_id": "the printer one"}, "which ticket",
                 id="ticket-verb-with-words-for-ticket"),
    pytest.param({"verb": "ticket.comment", "ticket_id": [1], "comment": "hi"}, "which ticket",
                 id="ticket-verb-with-a-list-for-ticket"),
]


@pytest.mark.parametrize(("value", "said"), NOT_OUR_BUTTONS)
@pytest.mark.parametrize("in_channel", [False, True], ids=["personal", "channel"])
async def test_an_action_submit_the_bot_cannot_run_is_answered_and_leaves_the_card(
    teams_service: Service, engine: AsyncEngine, value: dict[str, Any], said: str,
    in_channel: bool,
) -> None:
    """What the invoke path answers with a 400 (the client keeps its card), the message
    path says in a reply: the card the button was on is not replaced by a notice."""
    await known_everywhere(teams_service, engine)
    before, since = await state(engine), len(teams_service.connector.calls)
    activity = teams_service.teams.card_submit(value, in_channel=in_channel,
                                               card_activity_id="1700000000007")

    turn = await teams_service.send(activity)

    assert turn.answer.status == 200, turn.answer.text
    assert writes(teams_service.connector, since) in (["send"], ["reply"])
    assert said in " ".join(turn.texts), turn.texts
    assert changes(before, await state(engine)) == {}


@pytest.mark.parametrize("in_channel", [False, True], ids=["personal", "channel"])
async def test_an_empty_create_form_submitted_by_an_older_client_comes_back_marked(
    teams_service: Service, engine: AsyncEngine, in_channel: bool
) -> None:
    await known_everywhere(teams_service, engine)
    since = len(teams_service.connector.calls)
    activity = teams_service.teams.card_submit(
        {"verb": "ticket.create"}, inputs={"title": "", "description": ""},
        in_channel=in_channel, card_activity_id="1700000000007")

    answer = await teams_service.post(activity)

    assert answer.status == 200, answer.text
    written = [call for call in teams_service.connector.calls[since:]
               if call.operation in ("send", "reply", "update")]
    assert len(written) == 1, written
    assert "title" in texts_in(card_of(written[0].body) or {}).lower()
    assert await count(engine, tasks) == 0


async def test_help_from_a_sender_without_aad_object_id_is_the_same_help(
    teams_service: Service, engine: AsyncEngine
) -> None:
    await known_everywhere(teams_service, engine)
    usual = await teams_service.send(e.personal("help")(teams_service.teams))

    bare = await teams_service.send(e.without("from.aadObjectId")(e.personal("help"))(
        teams_service.teams))

    assert [texts_in(card) for card in bare.cards] == [texts_in(card) for card in usual.cards]
    assert bare.texts == usual.texts


BAD_CARD_ACTIONS = [
    pytest.param(None, id="no-value"),
    pytest.param({"trigger": "manual"}, id="no-action"),
    pytest.param({"action": {"type": "Action.Execute", "verb": "ticket.refresh"}},
                 id="ticket-verb-without-data"),
    pytest.param({"action": {"type": "Action.Execute", "verb": "ticket.status",
                             "data": None}}, id="data-null"),
    pytest.param({"action": {"type": "Action.Execute", "data": {"ticket_id": 1}}},
                 id="no-verb"),
    pytest.param({"action": {"type": "Action.Execute", "verb": "", "data": {}}},
                 id="empty-verb"),
    pytest.param({"action": {"type": "Action.Execute", "verb": "ticket.status",
                             "data": {"ticket_id": "TKT-2026-0001"}}},
                 id="ticket-number-for-id"),
    pytest.param({"action": {"type": "Action.Submit", "data": {"msteams": {
        "type": "messageBack", "text": "hi"}}}}, id="Action.Submit-type"),
    pytest.param("refresh", id="value-a-string"),
]


@pytest.mark.parametrize("value", BAD_CARD_ACTIONS)
@pytest.mark.parametrize("in_channel", [False, True], ids=["personal", "channel"])
async def test_a_card_action_without_what_it_needs_gets_a_400_error_body(
    teams_service: Service, engine: AsyncEngine, value: Any, in_channel: bool
) -> None:
    await known_everywhere(teams_service, engine)

    activity = e.card_action_value(value, in_channel=in_channel)(teams_service.teams)

    answer = await posted_quietly(teams_service, engine, activity)

    assert answer.status == 200, answer.text
    assert answer.json["statusCode"] == 400, answer.text
    assert answer.json["type"] == "application/vnd.microsoft.error"
    assert answer.json["value"]["message"]


async def test_a_refresh_in_a_channel_with_the_ticket_id_as_text_is_the_card(
    teams_service: Service, engine: AsyncEngine
) -> None:
    ada_id = await known_everywhere(teams_service, engine)
    ticket = await file_ticket(engine, ada_id)
    value = {"action": {"type": "Action.Execute", "id": "refreshCard", "verb": "ticket.refresh",
                        "data": {"ticket_id": str(ticket.id)}}, "trigger": "automatic"}

    answer = await teams_service.post(e.card_action_value(value, in_channel=True)(
        teams_service.teams))

    assert answer.status == 200 and answer.json["statusCode"] == 200, answer.text
    assert ticket.ticket_number in texts_in(answer.json["value"])


@pytest.mark.parametrize("context", ["compose", "commandbox"])
async def test_create_ticket_from_the_compose_box_or_command_bar_opens_an_empty_form(
    teams_service: Service, engine: AsyncEngine, context: str
) -> None:
    await known_everywhere(teams_service, engine)

    answer = await teams_service.post(e.compose_fetch(context)(teams_service.teams))

    assert answer.status == 200, answer.text
    task = answer.json["task"]
    assert task["type"] == "continue"
    assert task["value"]["card"]["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert await count(engine, tasks) == 0


@pytest.mark.parametrize("action", ["edit", "send"])
async def test_a_bot_message_preview_button_files_nothing_and_answers_with_a_task(
    teams_service: Service, engine: AsyncEngine, action: str
) -> None:
    """The bot never answers with a preview, so Edit or Send on one is not ours to post:
    the answer is the form again (edit) or a message saying what to do (send)."""
    await known_everywhere(teams_service, engine)
    since = len(teams_service.connector.calls)

    answer = await teams_service.post(e.preview_action(action)(teams_service.teams))

    assert answer.status == 200, answer.text
    assert answer.json["task"]["type"] in ("continue", "message"), answer.text
    assert writes(teams_service.connector, since) == []
    assert await count(engine, tasks) == 0


@pytest.mark.parametrize("data", [None, "title=Printer", [], {}],
                         ids=["null", "a-string", "a-list", "empty"])
async def test_a_create_ticket_submit_without_usable_data_shows_the_form_again(
    teams_service: Service, engine: AsyncEngine, data: Any
) -> None:
    await known_everywhere(teams_service, engine)
    activity = p.invoke("composeExtension/submitAction", {
        "commandId": "createTicket", "commandContext": "message", "data": data,
        "context": {"theme": "default"}}, in_channel=True)(teams_service.teams)

    answer = await teams_service.post(activity)

    assert answer.status == 200, answer.text
    assert answer.json["task"]["type"] == "continue", answer.text
    assert await count(engine, tasks) == 0


UNREADABLE_INVOKES = [
    Shape("composeExtension-query-value-null", p.invoke("composeExtension/query", None)),
    Shape("composeExtension-query-value-a-list", p.invoke("composeExtension/query", [])),
    Shape("composeExtension-selectItem-value-null", p.invoke("composeExtension/selectItem", None)),
    Shape("task-fetch-value-null", p.invoke("task/fetch", None)),
    Shape("task-submit-value-a-string", p.invoke("task/submit", "done")),
    Shape("config-fetch-value-null", p.invoke("config/fetch", None)),
    Shape("tab-fetch-value-null", p.invoke("tab/fetch", None)),
    Shape("signin-verifyState-value-null", p.invoke("signin/verifyState", None)),
    Shape("signin-tokenExchange-value-null", p.invoke("signin/tokenExchange", None)),
    Shape("fileConsent-value-null", p.invoke("fileConsent/invoke", None)),
    Shape("handoff-action-value-null", p.invoke("handoff/action", None)),
    Shape("composeExtension-queryLink-value-null", p.invoke("composeExtension/queryLink", None)),
    Shape("composeExtension-fetchTask-value-null", p.invoke("composeExtension/fetchTask", None)),
    Shape("composeExtension-submitAction-value-null",
          p.invoke("composeExtension/submitAction", None)),
    Shape("application-search-value-null", p.invoke("application/search", None)),
    Shape("unknown-invoke-name", p.invoke("vendor/somethingNew", {"key": "value"})),
]


@pytest.mark.parametrize("build", [shape.param() for shape in UNREADABLE_INVOKES])
async def test_an_invoke_with_a_value_the_bot_cannot_use_is_never_a_500(
    teams_service: Service, engine: AsyncEngine, build: Build
) -> None:
    await known_everywhere(teams_service, engine)

    answer = await posted_quietly(teams_service, engine, build(teams_service.teams))

    assert answer.status in (200, 400, 501), answer.text
    assert answer.content_type == "application/json", answer.text


async def test_a_link_query_without_a_link_is_an_empty_result(
    teams_service: Service, engine: AsyncEngine
) -> None:
    await known_everywhere(teams_service, engine)

    answer = await teams_service.post(p.invoke("composeExtension/queryLink", {})(
        teams_service.teams))

    assert answer.status == 200, answer.text
    assert answer.json == {"composeExtension": {
        "type": "result", "attachmentLayout": "list", "attachments": []}}


INSTALLS = [
    Shape("installationUpdate-add-personal-without-channelData",
          e.without("channelData")(p.installed("add", where="personal"))),
    Shape("installationUpdate-add-group-chat-tenant-on-conversation-only",
          e.without("channelData")(p.installed("add", where="groupChat"))),
    Shape("installationUpdate-add-team-without-settings",
          e.without("channelData.settings", "channelData.source")(
              p.installed("add", where="team"))),
    Shape("conversationUpdate-bot-added-to-group-chat-without-channelData",
          e.without("channelData")(p.bot_added_to_group_chat)),
    Shape("conversationUpdate-bot-added-to-shared-channel", e.bot_added_to_shared_channel),
]


@pytest.mark.parametrize("build", [shape.param() for shape in INSTALLS])
async def test_an_install_without_optional_fields_is_remembered(
    teams_service: Service, engine: AsyncEngine, build: Build
) -> None:
    answer = await teams_service.post(build(teams_service.teams))

    assert answer.status == 200, answer.text
    assert len(await conversations(engine)) == 1


SOVEREIGN_SERVICE_URLS = [
    "https://smba.infra.gcc.teams.microsoft.com/",
    "https://smba.infra.gov.teams.microsoft.us/",
    "https://smba.infra.dod.teams.microsoft.us/",
    "https://smba.trafficmanager.net/emea/",
    "https://smba.trafficmanager.net/teams/",
]


@pytest.mark.parametrize("service_url", SOVEREIGN_SERVICE_URLS)
async def test_an_install_from_another_cloud_is_remembered_with_its_service_url(
    teams_service: Service, engine: AsyncEngine, token_signer: TokenSigner, service_url: str
) -> None:
    """The serviceUrl is the activity's and the token's, whichever cloud: the conversation
    is remembered with it, and an event there is answered without a post."""
    teams = teams_service.teams
    teams.service_url = service_url
    signed = {"Authorization": f"Bearer {token_signer.valid(service_url=service_url)}"}

    async def post(activity: dict[str, Any]) -> tuple[int, str]:
        async with teams_service.session.post(
            f"{teams_service.base_url}/api/messages", json=activity, headers=signed
        ) as response:
            return response.status, await response.text()

    installed = await post(p.installed("add", where="team")(teams))
    typing = await post(p.typing(teams))
    reacted = await post(p.reaction("reactionsAdded", "like", in_channel=True)(teams))

    assert (installed[0], typing, reacted) == (200, (200, ""), (200, "")), installed
    async with engine.connect() as connection:
        stored = (await connection.execute(select(
            bot_conversation_refs.c.conversation_id, bot_conversation_refs.c.service_url))).all()
    assert len(stored) == 2  # the team, and the personal chat someone typed in
    assert {url for _, url in stored} == {service_url}
    assert teams_service.connector.calls == []


GROUP_CHAT_INVOKES = [
    pytest.param("refresh", id="adaptiveCard-action-refresh"),
    pytest.param("status", id="adaptiveCard-action-status"),
    pytest.param("search", id="application-search"),
    pytest.param("unfurl", id="composeExtension-queryLink"),
]


@pytest.mark.parametrize("kind", GROUP_CHAT_INVOKES)
async def test_a_card_invoke_in_a_group_chat_is_answered_as_in_a_personal_chat(
    teams_service: Service, engine: AsyncEngine, kind: str
) -> None:
    """The same invokes from a group chat (conversationType `groupChat`, tenant only in
    channelData): the ticket card, the people found, the link's card."""
    ada_id = await known_everywhere(teams_service, engine)
    ticket = await file_ticket(engine, ada_id)
    teams = teams_service.teams
    activity = {
        "refresh": lambda: teams.card_action("ticket.refresh", {"ticket_id": ticket.id}),
        "status": lambda: teams.card_action("ticket.status", {
            "ticket_id": ticket.id, "version": ticket.version,
            "status": "in_progress"}),
        "search": lambda: teams.search("ada"),
        "unfurl": lambda: teams.link_pasted(f"{WEB_URL}/tickets/{ticket.id}"),
    }[kind]()
    activity["conversation"] = p.group_chat_conversation(teams)
    activity["channelData"] = {"tenant": {"id": teams.tenant_id}}

    answer = await teams_service.post(activity)

    assert answer.status == 200, answer.text
    assert "error" not in answer.json.get("type", ""), answer.text
    assert ticket.ticket_number in answer.text or kind == "search", answer.text
    assert await count(engine, tasks) == 1


UNUSUAL_TEXT = [
    pytest.param("new ticket printer\u0000 jams on floor 3", id="nul-character"),
    pytest.param("new ticket printer jams \ud83d on floor 3", id="lone-surrogate"),
    pytest.param("new ticket \u202eprinter jams\u202c on floor 3 \u200b\u200d",
                 id="bidi-and-zero-width"),
]


@pytest.mark.parametrize("text", UNUSUAL_TEXT)
async def test_text_with_characters_no_keyboard_types_is_answered(
    teams_service: Service, engine: AsyncEngine, text: str
) -> None:
    """JSON may spell NUL and lone surrogates; PostgreSQL stores neither (the turn failed,
    a 500, until the endpoint cleaned them as it reads the activity)."""
    await known_everywhere(teams_service, engine)

    turn = await teams_service.send(e.personal(text)(teams_service.teams))

    assert turn.answer.status == 200, turn.answer.text
    assert turn.texts or turn.cards, "no reply"
    async with engine.connect() as connection:
        stored = (await connection.execute(select(tasks.c.title, tasks.c.description))).all()
    assert not any(
        "\x00" in field or "\ud83d" in field for row in stored for field in row if field)


@pytest.mark.parametrize("region", ["amer", "emea", "apac", "teams"])
async def test_replies_go_under_the_region_path_of_the_service_url(
    teams_service: Service, engine: AsyncEngine, token_signer: TokenSigner, region: str
) -> None:
    """Teams' serviceUrls carry a path (`https://smba.trafficmanager.net/amer/`): the reply,
    the card button's answer and the stored conversation keep it."""
    ada_id = await known_everywhere(teams_service, engine)
    ticket = await file_ticket(engine, ada_id)
    teams = teams_service.teams
    teams.service_url = f"{teams_service.connector.service_url}{region}/"
    signed = {"Authorization": f"Bearer {token_signer.valid(service_url=teams.service_url)}"}
    since = len(teams_service.connector.calls)

    async def post(activity: dict[str, Any]) -> int:
        async with teams_service.session.post(
            f"{teams_service.base_url}/api/messages", json=activity, headers=signed
        ) as response:
            return response.status

    said = await post(e.personal(f"ticket {ticket.ticket_number}")(teams))
    pressed = await post(teams.card_action("ticket.refresh", {"ticket_id": ticket.id}))

    assert (said, pressed) == (200, 200)
    replies = [call for call in teams_service.connector.calls[since:]
               if call.operation in ("send", "reply")]
    assert replies and all(call.path.startswith(f"/{region}/v3/conversations/")
                           for call in replies), [call.path for call in replies]
    async with engine.connect() as connection:
        stored = (await connection.execute(select(bot_conversation_refs.c.service_url).where(
            bot_conversation_refs.c.conversation_id == teams.personal_conversation_id()
        ))).scalar_one()
    assert stored == teams.service_url
