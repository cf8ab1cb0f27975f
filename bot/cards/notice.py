"""A short card for confirmations and errors that need no buttons."""

from __future__ import annotations

from collections.abc import Sequence

from bot.cards.elements import JsonObject, adaptive_card, fact_set, text_block
from bot.cards.views import Tone


def notice_card(
    *,
    text: str,
    tone: Tone = Tone.DEFAULT,
    title: str | None = None,
    facts: Sequence[tuple[str, str]] = (),
) -> JsonObject:
    body: list[JsonObject] = []
    if title is not None:
        body.append(text_block(title, size="medium", weight="bolder", color=tone.value))
        body.append(text_block(text, spacing="small"))
    else:
        body.append(text_block(text, weight="bolder", color=tone.value))
    if facts:
        body.append(fact_set(facts))
    return adaptive_card(body, full_width=False)
