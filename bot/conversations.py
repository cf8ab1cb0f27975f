"""Conversation references: where the bot can post later (notifications, slow answers)."""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.transport.activity_json import model_json
from domain.chat import ConversationKind, ConversationRef

_KINDS = {
    "personal": ConversationKind.PERSONAL,
    "channel": ConversationKind.CHANNEL,
    "groupChat": ConversationKind.GROUPCHAT,
    "groupchat": ConversationKind.GROUPCHAT,
}


def _channel_data(activity: Activity) -> dict[str, Any]:
    return activity.channel_data if isinstance(activity.channel_data, dict) else {}


def conversation_ref(activity: Activity, *, user_id: str | None) -> ConversationRef | None:
    """The reference to store for this activity's conversation, or None if it has none.

    A channel is stored once, under the channel's own id: messages in a thread carry
    `;messageid=…` in the conversation id, but notifications start new threads.
    """
    conversation = activity.conversation
    if activity.channel_id != "msteams" or conversation is None or not conversation.id:
        return None  # the terminal client and other channels cannot be posted to later
    if not activity.service_url:
        return None
    kind = _KINDS.get(conversation.conversation_type or "personal", ConversationKind.PERSONAL)
    data = _channel_data(activity)
    msteams_team = data.get("team") or {}
    channel = data.get("channel") or {}
    conversation_id = conversation.id
    if kind is ConversationKind.CHANNEL:
        conversation_id = channel.get("id") or conversation.id.split(";messageid=", 1)[0]
    reference = model_json(TurnContext.get_conversation_reference(activity))
    reference.setdefault("conversation", {})["id"] = conversation_id
    tenant = (data.get("tenant") or {}).get("id") or conversation.tenant_id
    return ConversationRef(
        conversation_id=conversation_id,
        kind=kind,
        service_url=activity.service_url,
        reference=reference,
        tenant_id=tenant,
        msteams_team_id=msteams_team.get("id"),
        channel_id=channel.get("id"),
        user_id=user_id if kind is ConversationKind.PERSONAL else None,
    )


def bot_uninstalled(activity: Activity) -> bool:
    """`remove`, or `remove-upgrade` when an app update took the bot out."""
    return activity.type == ActivityTypes.installation_update and str(
        activity.action or "").startswith("remove")


def teams_event(activity: Activity) -> str | None:
    """The Teams event of a conversation update (`channelDeleted`, `teamRenamed`, …)."""
    if activity.type != ActivityTypes.conversation_update:
        return None
    event = _channel_data(activity).get("eventType")
    return event if isinstance(event, str) else None


# Teams spells the restore event both ways: the docs say `teamrestored`, the SDK `teamRestored`.
_TEAM_GONE = frozenset({"teamDeleted", "teamHardDeleted", "teamArchived"})
_TEAM_BACK = frozenset({"teamRestored", "teamrestored", "teamUnarchived"})


def team_gone(activity: Activity) -> str | None:
    """The team id when the team was deleted or archived: none of its channels takes a post."""
    if teams_event(activity) not in _TEAM_GONE:
        return None
    team = _channel_data(activity).get("team") or {}
    return team.get("id") or None


def team_back(activity: Activity) -> bool:
    """A deleted team restored or an archived one unarchived: its general channel, whose id
    is the team's (the event's conversation), takes posts again."""
    return teams_event(activity) in _TEAM_BACK


def takes_part_in(activity: Activity) -> bool:
    """Whether the activity's conversation is one the bot takes part in. A conversation
    update tells of the team, its channels or other people (in the team's conversation,
    naming a channel created or renamed): only the bot's own arrival, or a channel or team
    brought back, says where it can post."""
    if activity.type != ActivityTypes.conversation_update:
        return True
    return (bot_installed(activity) or teams_event(activity) == "channelRestored"
            or team_back(activity))


def bot_installed(activity: Activity) -> bool:
    """Installed (`add`, `add-upgrade`), or among the members a conversation update added."""
    if activity.type == ActivityTypes.installation_update:
        return str(activity.action or "").startswith("add")
    if activity.type == ActivityTypes.conversation_update:
        bot_id = activity.recipient.id if activity.recipient else None
        return any(member.id == bot_id for member in activity.members_added or [])
    return False
