"""A proposed change, shown before anything happens: the question, what it is about, Confirm / Cancel."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.cards.elements import JsonObject, adaptive_card, execute, text_block
from bot.cards.labels import trimmed
from bot.cards.verbs import Verb

DETAIL_CHARS = 1_000


def confirmation_card(
    *,
    question: str,
    about: str,
    detail: str | None,
    confirm: Mapping[str, Any],
    cancel: Mapping[str, Any],
    confirm_label: str = "Confirm",
) -> JsonObject:
    """`about`: the ticket in a line; `detail`: the text the change would add (a comment);
    `confirm_label`: what pressing it does, when "Confirm" would not say."""
    body = [text_block(question, weight="bolder"), text_block(about, subtle=True, spacing="small")]
    if detail:
        body.append(text_block(f"“{trimmed(detail, DETAIL_CHARS)}”", spacing="small"))
    actions = [
        execute(confirm_label, Verb.REQUEST_CONFIRM, confirm, style="positive",
                without_inputs=True),
        execute("Cancel", Verb.REQUEST_CANCEL, cancel, without_inputs=True),
    ]
    return adaptive_card(body, actions, full_width=False)
