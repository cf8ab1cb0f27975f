"""Activities in the shapes Microsoft publishes for Teams bots (msteams-docs, botbuilder and
Teams samples), written afresh for this bot, its user, team and channel.

What the published examples show, and the builders keep: team and channel events come
`from` an id alone (no name, no aadObjectId), in the team's conversation (its id is the
team's), with a bare `channelData.channel`; reactions carry `replyToId` and a top-level
`legacy`; edits are `messageUpdate` / `messageDelete` with `channelData.eventType`; a
message action's `messagePayload` is a Graph chatMessage (HTML body, `<at>` mentions,
`from.user` or `from.application`); meeting events are `event` activities whose value
uses PascalCase; invokes the bot never declared still arrive with their usual value.
"""

from __future__ import annotations

from typing import Any

from tests.e2e.teams_doubles.activities import TeamsActivities

TEAMS_APP = "f1a3b2c4-0000-4000-8000-00000000a9b9"


def _team_event(t: TeamsActivities, event_type: str, **channel_data: Any) -> dict[str, Any]:
    activity = t.envelope(
        "conversationUpdate", conversation={**t.channel_conversation(), "id": t.team.id}
    )
    activity["from"] = {"id": t.user.id}
    activity["channelData"] = {
        "team": t.team.data(), "eventType": event_type, "tenant": {"id": t.tenant_id},
        **channel_data,
    }
    return activity


def team_event(event_type: str) -> Any:
    return lambda t: _team_event(t, event_type)


def channel_event(event_type: str, channel_id: str = "19:escalations@thread.tacv2") -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        return _team_event(t, event_type, channel={"id": channel_id, "name": "Escalations"})
    return build


def channel_shared(t: TeamsActivities) -> dict[str, Any]:
    activity = _team_event(t, "channelShared", channel=t.channel.data())
    activity["channelData"]["sharedWithTeams"] = [
        {"id": "19:partner-team@thread.tacv2", "name": "Partners", "aadGroupId": "g-1",
         "tenantId": t.tenant_id}
    ]
    return activity


def person_joined_team(t: TeamsActivities) -> dict[str, Any]:
    activity = _team_event(t, "teamMemberAdded")
    activity["membersAdded"] = [{"id": "29:1new-person", "aadObjectId": "aad-new-person"}]
    return activity


def person_joined_channel(event_type: str) -> Any:
    """A member added to or removed from a shared or private channel of the team."""
    field = "membersAdded" if event_type.endswith("Added") else "membersRemoved"

    def build(t: TeamsActivities) -> dict[str, Any]:
        activity = _team_event(t, event_type, channel=t.channel.data())
        activity[field] = [{"id": "29:1shared-guest", "aadObjectId": "aad-shared-guest",
                            "tenantId": "b28fdbfd-0000-4000-8000-0000000000f1"}]
        return activity
    return build


def person_left_team(t: TeamsActivities) -> dict[str, Any]:
    activity = _team_event(t, "teamMemberRemoved")
    activity["membersRemoved"] = [{"id": "29:1gone-person", "aadObjectId": "aad-gone"}]
    return activity


def person_added_to_group_chat(t: TeamsActivities) -> dict[str, Any]:
    activity = t.envelope("conversationUpdate", conversation=group_chat_conversation(t))
    activity.update(membersAdded=[{"id": "29:1guest", "aadObjectId": "aad-guest"}],
                    channelData={"tenant": {"id": t.tenant_id}})
    return activity


def group_chat_renamed(t: TeamsActivities) -> dict[str, Any]:
    activity = t.envelope("conversationUpdate", conversation=group_chat_conversation(t))
    activity.update(topicName="Printer war room", channelData={"tenant": {"id": t.tenant_id}})
    return activity


def bot_added_to_group_chat(t: TeamsActivities) -> dict[str, Any]:
    activity = t.envelope("conversationUpdate", conversation=group_chat_conversation(t))
    activity.update(membersAdded=[{"id": t.bot.id}],
                    channelData={"tenant": {"id": t.tenant_id}})
    return activity


def bot_and_person_added_to_personal_chat(t: TeamsActivities) -> dict[str, Any]:
    """The first thing a person's install sends: the bot and the person, with ids alone."""
    activity = t.bot_added_to_personal_chat()
    activity["membersAdded"].append({"id": t.user.id, "aadObjectId": t.user.aad_object_id})
    activity["from"] = {"id": t.user.id, "aadObjectId": t.user.aad_object_id}
    return activity


def installed(action: str, *, where: str) -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        if where == "team":
            activity = t.installation_update(action, in_team=True)
            activity["channelData"]["source"] = {"name": "message"}
            return activity
        if where == "groupChat":
            activity = t.envelope("installationUpdate", conversation=group_chat_conversation(t))
            activity.update(action=action, channelData={"tenant": {"id": t.tenant_id}})
            return activity
        return t.installation_update(action)
    return build


def group_chat_conversation(t: TeamsActivities) -> dict[str, Any]:
    return {"isGroup": True, "conversationType": "groupChat", "tenantId": t.tenant_id,
            "id": "19:meeting-or-chat-3f2a@thread.v2"}


# Messages


def group_chat_mention(text: str) -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        activity = t.channel_message(text)
        activity["conversation"] = group_chat_conversation(t)
        activity["channelData"] = {"tenant": {"id": t.tenant_id}}
        return activity
    return build


def with_html_attachment(text: str) -> Any:
    """What the desktop client sends for a message with formatting: the plain text, and the
    HTML as a `text/html` attachment."""
    def build(t: TeamsActivities) -> dict[str, Any]:
        activity = t.personal_message(text)
        activity["attachments"] = [{"contentType": "text/html",
                                    "content": f"<div><div><b>{text}</b></div></div>"}]
        return activity
    return build


def file_only(t: TeamsActivities) -> dict[str, Any]:
    """A file dropped into the personal chat: no text, a download-info attachment."""
    activity = t.personal_message("")
    activity.pop("text")
    activity["attachments"] = [{
        "contentType": "application/vnd.microsoft.teams.file.download.info",
        "contentUrl": "https://contoso-my.sharepoint.com/personal/ada/Documents/error.log",
        "name": "error.log",
        "content": {"downloadUrl": "https://download.example/error.log",
                    "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C9D", "fileType": "log"},
    }]
    return activity


def inline_image_only(t: TeamsActivities) -> dict[str, Any]:
    """A pasted screenshot: the image as an attachment and as HTML, no text."""
    activity = t.personal_message("")
    activity.pop("text")
    activity["attachments"] = [
        {"contentType": "image/*",
         "contentUrl": "https://smba.trafficmanager.net/amer/v3/attachments/0-wus-d1/views/1"},
        {"contentType": "text/html",
         "content": '<div><div><span><img height="142" src="https://us-api.asm.skype.com/v1/'
                    'objects/0-wus-d1/views/imgo" width="300" itemscope="png"></span></div></div>'},
    ]
    return activity


# Reactions, edits and deletes


def reaction(field: str, kind: str, *, in_channel: bool) -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        conversation = t.channel_conversation() if in_channel else t.personal_conversation()
        activity = t.envelope("messageReaction", conversation=conversation)
        activity.update({
            field: [{"type": kind}],
            "replyToId": "1575667808184",
            "legacy": {"replyToId": "1:19uJ8TZA1cZcms7-legacy"},
            "channelData": t.channel_data(in_team=in_channel),
        })
        return activity
    return build


def edited(kind: str, event_type: str, *, in_channel: bool) -> Any:
    """A person edits, deletes or restores a message they sent the bot earlier."""

    def build(t: TeamsActivities) -> dict[str, Any]:
        if in_channel:
            activity = t.channel_message("new ticket printer jammed on floor 3")
        else:
            activity = t.personal_message("new ticket printer jammed on floor 3")
        activity.update(type=kind, id="1700000000042")
        activity["channelData"] = {**activity["channelData"], "eventType": event_type}
        if kind == "messageDelete":
            activity.pop("text")  # a soft delete carries no text
            activity.pop("textFormat")
        return activity
    return build


# Typing, events, meetings, read receipts


def typing(t: TeamsActivities) -> dict[str, Any]:
    activity = t.envelope("typing", conversation=t.personal_conversation())
    activity["channelData"] = t.channel_data(in_team=False)
    return activity


def meeting_event(name: str, value: dict[str, Any]) -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        activity = t.envelope("event", conversation=group_chat_conversation(t))
        activity.update(name=name, value=value, channelData={
            "tenant": {"id": t.tenant_id},
            "meeting": {"id": "MCMxOTptZWV0aW5nX05qQXlOMlEzWTJFdE1URTBNaTAwWWpSaUxUZzFOVEV0"},
        })
        return activity
    return build


MEETING_START = {
    "Id": "MCMxOTptZWV0aW5nX05qQXlOMlEzWTJFdE1URTBNaTAwWWpSaUxUZzFOVEV0",
    "JoinUrl": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0",
    "Title": "Printer post-mortem",
    "MeetingType": "Scheduled",
    "StartTime": "2026-12-03T16:17:17.4388966Z",
}
MEETING_END = {**{k: v for k, v in MEETING_START.items() if k != "StartTime"},
               "EndTime": "2026-12-03T16:47:17.4388966Z"}
PARTICIPANTS = {
    "members": [{
        "user": {"tenantId": "72f988bf-0000-4000-8000-000000000001", "objectId": "aad-guest",
                 "id": "29:1guest", "name": "Grace Hopper", "aadObjectId": "aad-guest"},
        "meeting": {"inMeeting": True, "role": "Attendee"},
    }]
}


def read_receipt(t: TeamsActivities) -> dict[str, Any]:
    activity = t.envelope("event", conversation=t.personal_conversation())
    activity.update(name="application/vnd.microsoft.readReceipt",
                    value={"lastReadMessageId": "1700000000001"},
                    channelData=t.channel_data(in_team=False))
    return activity


def end_of_conversation(t: TeamsActivities) -> dict[str, Any]:
    activity = t.envelope("endOfConversation", conversation=t.personal_conversation())
    activity.update(code="userCancelled", channelData=t.channel_data(in_team=False))
    return activity


# Invokes


def invoke(name: str | None, value: Any, *, in_channel: bool = False) -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        conversation = t.channel_conversation() if in_channel else t.personal_conversation()
        activity = t.envelope("invoke", conversation=conversation)
        activity.update(value=value, channelData=t.channel_data(in_team=in_channel))
        if name is not None:
            activity["name"] = name
        return activity
    return build


CARD_ATTACHMENT = {
    "id": "a5b0c1d2e3f4",
    "contentType": "application/vnd.microsoft.card.adaptive",
    "content": '{"type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock",'
               '"text":"Build 1234 failed"}]}',
    "contentUrl": None, "name": None, "thumbnailUrl": None,
}


def message_payload(
    t: TeamsActivities, html: str, *, author: str = "user", mentions: bool = False,
    attachments: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The message a message action was opened on, as Teams puts it in `messagePayload`."""
    payload = t.message_payload("x")
    payload["body"] = {"contentType": "html", "content": html}
    if author == "application":
        payload["from"] = {"user": None, "device": None, "conversation": None,
                           "application": {"applicationIdentityType": "bot",
                                           "id": TEAMS_APP, "displayName": "Build Alerts"}}
    if mentions:
        payload["mentions"] = [{"id": 0, "mentionText": "Grace Hopper", "mentioned": {
            "user": {"displayName": "Grace Hopper", "id": "aad-grace",
                     "userIdentityType": "aadUser"}}}]
    if attachments is not None:
        payload["attachments"] = attachments
    payload.update(subject=None, summary=None, policyViolation=None, deleted=False,
                   lastModifiedDateTime=None, deletedDateTime=None, etag="1700000000001")
    return payload


def message_action(
    name: str, payload: Any, *, data: dict[str, Any] | None = None, in_channel: bool = True,
    extra: dict[str, Any] | None = None,
) -> Any:
    """`composeExtension/fetchTask` or `submitAction` of "Create ticket" on a message."""

    def build(t: TeamsActivities) -> dict[str, Any]:
        value: dict[str, Any] = {
            "commandId": "createTicket", "commandContext": "message",
            "context": {"theme": "dark"}, "messagePayload": payload(t),
            **(extra or {}),
        }
        if data is not None:
            value["data"] = data
        return invoke(name, value, in_channel=in_channel)(t)
    return build
