"""The help card: what the bot does, and the commands this viewer may use."""

from __future__ import annotations

from collections.abc import Sequence

from bot.cards.about import capability_blocks
from bot.cards.elements import JsonObject, adaptive_card, fact_set, text_block
from bot.cards.views import CompanyView


def help_card(
    *, commands: Sequence[tuple[str, str]], company: CompanyView | None = None
) -> JsonObject:
    """`commands` are (command, what it does) pairs, already filtered for the viewer's role."""
    name = company.name if company else "TicketFlow"
    body = [
        text_block(f"{name} help", size="large", weight="bolder"),
        text_block("What I do", size="medium", weight="bolder", spacing="medium"),
        *capability_blocks(),
        text_block("What you can say", size="medium", weight="bolder", separator=True),
    ]
    if commands:
        body.append(fact_set(commands))
    else:
        body.append(text_block("Ask me anything about your help documents.", subtle=True))
    return adaptive_card(body)
