"""The coloured lines at the top of a card: what just happened, and what went wrong."""

from __future__ import annotations

from bot.cards.elements import JsonObject, text_block
from bot.cards.views import Notice, Tone


def message_blocks(*, notice: Notice | None = None, error: str | None = None) -> list[JsonObject]:
    blocks = []
    if notice is not None:
        blocks.append(text_block(notice.text, weight="bolder", color=notice.tone.value))
    if error is not None:
        blocks.append(text_block(error, weight="bolder", color=Tone.ATTENTION.value))
    return blocks


def notice_blocks(card: JsonObject) -> list[JsonObject]:
    """The lines `message_blocks` put at the top of `card`."""
    blocks = []
    for element in card.get("body", []):
        if element.get("type") != "TextBlock" or element.get("weight") != "bolder" \
                or "size" in element:
            break
        blocks.append(element)
    return blocks


def with_earlier_notices(card: JsonObject, earlier: JsonObject) -> JsonObject:
    """`card` headed by `earlier`'s notices too, first: the card that replaces `earlier`
    tells everything both said ("Saved: priority." then "Assigned to Max.")."""
    own = notice_blocks(card)
    kept = [block for block in notice_blocks(earlier) if block not in own]
    return {**card, "body": [*kept, *card.get("body", [])]}
