"""Conversation references: where the bot can post later (notifications, slow answers)."""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

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
