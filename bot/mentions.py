"""@mentions in channel and group messages."""

from __future__ import annotations

from botbuilder.schema import Activity, Mention


def strip_bot_mention(activity: Activity) -> str:
    """The message text without the bot's `<at>…</at>`, so commands read the same everywhere.

    Only the mention markup is removed (the bot's name elsewhere in the text stays), and
    line breaks are kept: a comment keeps its lines.
    """
    text = activity.text or ""
    bot_id = activity.recipient.id if activity.recipient else None
    for mention in _mentions(activity):
        if mention.mentioned and mention.mentioned.id == bot_id and mention.text:
            text = text.replace(mention.text, "", 1)
    return text.strip()


def _mentions(activity: Activity) -> list[Mention]:
    found: list[Mention] = []
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        # Entity keeps `mentioned` and `text` among its additional properties.
        found.append(Mention().deserialize(
            {**entity.serialize(), **(getattr(entity, "additional_properties", None) or {})}
        ))
    return found


def mentioned_users(activity: Activity) -> list[Mention]:
    """People mentioned in the message, the bot itself left out."""
    bot_id = activity.recipient.id if activity.recipient else None
    return [m for m in _mentions(activity) if m.mentioned and m.mentioned.id != bot_id]
