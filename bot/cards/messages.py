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
