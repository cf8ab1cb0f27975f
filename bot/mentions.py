"""@mentions in channel and group messages."""

from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, Mention


def strip_bot_mention(activity: Activity) -> str:
    """The message text without `<at>TicketFlow</at>`, so commands read the same everywhere."""
    text = TurnContext.remove_recipient_mention(activity) if activity.entities else activity.text
    return " ".join((text or "").split())


def mentioned_users(activity: Activity) -> list[Mention]:
    """People mentioned in the message, the bot itself left out."""
    bot_id = activity.recipient.id if activity.recipient else None
    found: list[Mention] = []
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        # Entity keeps `mentioned` and `text` among its additional properties.
        mention = Mention().deserialize(
            {**entity.serialize(), **(getattr(entity, "additional_properties", None) or {})}
        )
        if mention.mentioned and mention.mentioned.id != bot_id:
            found.append(mention)
    return found
