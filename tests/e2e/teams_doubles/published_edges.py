"""More activities in the shapes Microsoft publishes, at their edges: optional fields left
out, other conversation kinds, the values Teams sends for buttons of older cards, and the
invokes and events a Teams bot may get without asking for them. Written afresh for this
bot; each builder names the page its shape is taken from.

Sources (learn.microsoft.com/microsoftteams/platform/…):
- bots/how-to/conversations/subscribe-to-conversation-events (conversationUpdate, reactions,
  installationUpdate, messageUpdate/messageDelete with `channelData.eventType`)
- bots/how-to/conversations/conversation-messages (mentions, clientInfo, attachments)
- bots/how-to/bots-filesv4 (file download info, inline images)
- task-modules-and-cards/cards/cards-actions (Action.Submit / messageBack / imBack values)
- messaging-extensions/how-to/action-commands/respond-to-task-module-submit
  (`botMessagePreviewAction`, `botActivityPreview`)
- apps-in-teams-meetings/meeting-apps-apis (meeting events)
- concepts/build-and-test/shared-channels (channelShared / channelUnshared,
  `sharedWithTeams` / `unsharedFromTeams`)
"""

from __future__ import annotations

from typing import Any

from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.published import (
    MEETING_START,
    PARTICIPANTS,
    channel_event,
    edited,
    file_only,
    group_chat_conversation,
    invoke,
    meeting_event,
    reaction,
)

def without(*paths: str) -> Any:
    """Wraps a builder: the activity with the dotted `paths` left out (fields Teams or the
    Bot Framework emulator may omit)."""
    def wrap(build: Any) -> Any:
        def built(t: TeamsActivities) -> dict[str, Any]:
            activity: dict[str, Any] = build(t)
            for path in paths:
                *parents, leaf = path.split(".")
                holder = activity
                for name in parents:
                    holder = holder.get(name) or {}
                holder.pop(leaf, None)
            return activity
        return built
    return wrap


# Events the bot leaves alone


def reaction_in_group_chat(t: TeamsActivities) -> dict[str, Any]:
    activity: dict[str, Any] = reaction("reactionsAdded", "surprised", in_channel=False)(t)
    activity["conversation"] = group_chat_conversation(t)
    return activity


def reactions_added_and_removed(t: TeamsActivities) -> dict[str, Any]:
    """One reaction swapped for another: both lists in one activity."""
    activity: dict[str, Any] = reaction("reactionsAdded", "like", in_channel=False)(t)
    activity["reactionsRemoved"] = [{"type": "heart"}]
    return activity


def edited_in_group_chat(kind: str, event_type: str) -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        activity: dict[str, Any] = edited(kind, event_type, in_channel=False)(t)
        activity["conversation"] = group_chat_conversation(t)
        return activity
    return build


def person_added_to_group_chat_without_channel_data(t: TeamsActivities) -> dict[str, Any]:
    """What the Bot Framework schema allows and older payloads show: no channelData."""
    activity = t.envelope("conversationUpdate", conversation=group_chat_conversation(t))
    activity["membersAdded"] = [{"id": "29:1guest", "aadObjectId": "aad-guest"}]
    return activity


def person_left_group_chat_without_channel_data(t: TeamsActivities) -> dict[str, Any]:
    activity = t.envelope("conversationUpdate", conversation=group_chat_conversation(t))
    activity["membersRemoved"] = [{"id": "29:1guest"}]
    return activity


def guest_joined_team(t: TeamsActivities) -> dict[str, Any]:
    """A guest from another tenant joins the team: an id alone, no aadObjectId."""
    activity = t.envelope("conversationUpdate",
                          conversation={**t.channel_conversation(), "id": t.team.id})
    activity["from"] = {"id": t.user.id}
    activity["membersAdded"] = [{"id": "29:1external-guest-\u00e9\u00e8"}]
    activity["channelData"] = {"team": {"id": t.team.id}, "eventType": "teamMemberAdded",
                               "tenant": {"id": t.tenant_id}}
    return activity


def channel_unshared_from_teams(t: TeamsActivities) -> dict[str, Any]:
    activity: dict[str, Any] = channel_event("channelUnshared", t.channel.id)(t)
    activity["channelData"]["unsharedFromTeams"] = [
        {"id": "19:partner-team@thread.tacv2", "name": "Partners",
         "aadGroupId": "0d0f1a2b-0000-4000-8000-0000000000c3", "tenantId": t.tenant_id}]
    return activity


def team_renamed_in_unicode(t: TeamsActivities) -> dict[str, Any]:
    activity: dict[str, Any] = channel_event("teamRenamed")(t)
    activity["channelData"].pop("channel")
    activity["channelData"]["team"]["name"] = (
        "\u30b5\u30dd\u30fc\u30c8 \U0001f6e0\ufe0f " + "\u05e2" * 240)
    return activity


def typing_in(where: str) -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        if where == "channel":
            activity = t.envelope("typing", conversation=t.channel_conversation())
            activity["channelData"] = t.channel_data(in_team=True)
        else:
            activity = t.envelope("typing", conversation=group_chat_conversation(t))
            activity["channelData"] = {"tenant": {"id": t.tenant_id}}
        return activity
    return build


def end_of_conversation_without_code(t: TeamsActivities) -> dict[str, Any]:
    return t.envelope("endOfConversation", conversation=t.personal_conversation())


def token_response_event(t: TeamsActivities) -> dict[str, Any]:
    """Bot Framework OAuth: the token a sign-in card got, sent as a `tokens/response` event."""
    activity = t.envelope("event", conversation=t.personal_conversation())
    activity.update(name="tokens/response", channelData=t.channel_data(in_team=False),
                    value={"connectionName": "graph", "token": "eyJ0eXAi.e30.sig"})
    return activity


def meeting_start_in_channel(t: TeamsActivities) -> dict[str, Any]:
    """A channel meeting: the event comes in the channel's conversation."""
    activity: dict[str, Any] = meeting_event(
        "application/vnd.microsoft.meetingStart", MEETING_START)(t)
    activity["conversation"] = t.channel_conversation()
    activity["channelData"] = {**t.channel_data(in_team=True),
                               "meeting": activity["channelData"]["meeting"]}
    return activity


def participant_without_meeting_details(t: TeamsActivities) -> dict[str, Any]:
    member = {"user": PARTICIPANTS["members"][0]["user"]}
    activity: dict[str, Any] = meeting_event(
        "application/vnd.microsoft.meetingParticipantLeave", {"members": [member]})(t)
    return activity


# Messages the bot answers


def mention_of_renamed_bot(t: TeamsActivities) -> dict[str, Any]:
    """The app's name in the tenant differs from the bot's: the mention carries that name,
    and Teams ends a channel message with a line break."""
    activity = t.channel_message("help", mention_bot=False)
    mention = "<at>TicketFlow Bot</at>"
    activity["text"] = f"{mention} help\n"
    activity["entities"].insert(0, {"type": "mention", "text": mention,
                                    "mentioned": {"id": t.bot.id, "name": "TicketFlow Bot"}})
    return activity


def mention_after_the_words(t: TeamsActivities) -> dict[str, Any]:
    """The bot named at the end of the message: 'help <at>TicketFlow</at>'."""
    activity = t.channel_message("help", mention_bot=True)
    activity["text"] = f"help <at>{t.bot.name}</at>"
    return activity


def mention_in_group_chat_with_html(t: TeamsActivities) -> dict[str, Any]:
    activity = t.channel_message("help")
    activity["conversation"] = group_chat_conversation(t)
    activity["channelData"] = {"tenant": {"id": t.tenant_id}}
    activity["attachments"] = [{"contentType": "text/html", "content":
                                f"<div><div><span itemscope itemtype=\"http://schema.skype.com/"
                                f"Mention\" itemid=\"0\">{t.bot.name}</span> help</div></div>"}]
    return activity


def personal(text: str, **changes: Any) -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        activity = t.personal_message(text)
        activity.update(changes)
        return activity
    return build


def in_german(t: TeamsActivities) -> dict[str, Any]:
    """clientInfo of a German Teams desktop client; no `localTimezone` on the activity."""
    activity = t.personal_message("help")
    activity.pop("localTimezone")
    activity.update(locale="de-DE", entities=[{
        "type": "clientInfo", "locale": "de-DE", "country": "DE", "platform": "Windows"}])
    return activity


def long_unicode_name(t: TeamsActivities) -> dict[str, Any]:
    activity = t.personal_message("help")
    activity["from"]["name"] = ("Zo\u00eb \u0141ukasz-\u00d8stergaard \u674e\u5c0f\u9f99 "
                                "\U0001f469\u200d\U0001f4bb "
                                + "\u0627\u0644\u0639\u0631\u0628" * 120)
    return activity


def text_with_inline_image(t: TeamsActivities) -> dict[str, Any]:
    """A screenshot pasted under a line of text: hosted content and its HTML."""
    activity = t.personal_message("help")
    activity["attachments"] = [
        {"contentType": "image/*",
         "contentUrl": ("https://smba.trafficmanager.net/amer/v3/attachments/0-wus-d4/"
                        "views/original")},
        {"contentType": "text/html",
         "content": '<div><div>help</div><div><span><img height="250" src="https://us-api.asm.'
                    'skype.com/v1/objects/0-wus-d4/views/imgo" width="250" itemscope="png" '
                    'itemtype="http://schema.skype.com/AMSImage"></span></div></div>'},
    ]
    return activity


def text_with_file(t: TeamsActivities) -> dict[str, Any]:
    """A file sent with a line of text; its name not in ASCII."""
    activity = file_only(t)
    activity["text"] = "help"
    activity["attachments"][0]["name"] = "\u00e9cran d\u2019erreur.log"
    return activity


def channel_file_without_text(t: TeamsActivities) -> dict[str, Any]:
    """A file posted in a channel with the bot mentioned and nothing else written."""
    activity = t.channel_message("")
    activity["text"] = f"<at>{t.bot.name}</at>"
    activity["attachments"] = [{
        "contentType": "reference", "name": "crash.dmp",
        "contentUrl": "https://contoso.sharepoint.com/sites/Support/Shared%20Documents/crash.dmp"}]
    return activity


def submit_from_foreign_card(value: Any) -> Any:
    """An `Action.Submit` of an old card without our verb (say, a card another bot version
    drew): a message with no text whose `value` is the button's data."""
    def build(t: TeamsActivities) -> dict[str, Any]:
        activity = t.personal_message("")
        activity.pop("text")
        activity.update(value=value, replyToId="1700000000007")
        activity["channelData"] = {**activity["channelData"], "source": {"name": "message"},
                                   "legacy": {"replyToId": "1700000000007"}}
        return activity
    return build


def message_back(text: str, value: Any) -> Any:
    """`messageBack`: the `text` is sent as if typed, `value` rides along."""
    def build(t: TeamsActivities) -> dict[str, Any]:
        activity = t.personal_message(text)
        activity["value"] = value
        return activity
    return build


# Invokes


def card_action_value(value: Any, *, in_channel: bool = False) -> Any:
    def build(t: TeamsActivities) -> dict[str, Any]:
        activity = t.card_action("ticket.refresh", in_channel=in_channel)
        activity["value"] = value
        return activity
    return build


def preview_action(action: str) -> Any:
    """The user pressed Edit or Send on a bot message preview (`botMessagePreviewAction`)."""
    return invoke("composeExtension/submitAction", {
        "commandId": "createTicket", "commandContext": "compose",
        "context": {"theme": "default"}, "botMessagePreviewAction": action,
        "botActivityPreview": [{"type": "message", "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "content": {"type": "AdaptiveCard", "version": "1.4",
                        "body": [{"type": "TextBlock", "text": "Printer on fire"}]}}]}],
    }, in_channel=True)


def compose_fetch(context: str) -> Any:
    """The action command opened from the compose box or the command bar: no message."""
    return invoke("composeExtension/fetchTask", {
        "commandId": "createTicket", "commandContext": context,
        "context": {"theme": "contrast"}}, in_channel=context == "compose")


def bot_added_to_shared_channel(t: TeamsActivities) -> dict[str, Any]:
    """The app added to a shared channel: `channelMemberAdded` with the bot among the
    members, in the channel's conversation, the host team in `channelData.team`."""
    activity = t.envelope("conversationUpdate", conversation=t.channel_conversation())
    activity["from"] = {"id": t.user.id}
    activity["membersAdded"] = [{"id": t.bot.id}]
    activity["channelData"] = {**t.channel_data(in_team=True), "eventType": "channelMemberAdded"}
    return activity


def from_another_tenant(t: TeamsActivities) -> dict[str, Any]:
    """A shared channel's external member writes: their own tenant on `from`, the host's
    on the conversation and `channelData`."""
    activity = t.channel_message("help")
    activity["from"]["tenantId"] = "b28fdbfd-0000-4000-8000-0000000000f1"
    activity["channelData"]["channel"]["type"] = "shared"
    return activity
