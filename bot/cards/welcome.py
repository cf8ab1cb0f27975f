"""The card sent when the bot is installed: what it does and what to try first."""

from __future__ import annotations

from bot.cards.about import capability_blocks
from bot.cards.elements import JsonObject, adaptive_card, im_back, text_block
from bot.cards.views import CompanyView

FIRST_THINGS_TO_TRY = ("new ticket", "my tickets", "help")


def welcome_card(*, user_name: str | None = None, company: CompanyView | None = None) -> JsonObject:
    name = company.name if company else "TicketFlow"
    greeting = f"Hi {user_name}, welcome to {name}" if user_name else f"Welcome to {name}"
    body = [
        text_block(greeting, size="large", weight="bolder"),
        text_block("I bring your tickets into Teams. Three things I do:"),
        *capability_blocks(),
        text_block("Try: " + ", ".join(FIRST_THINGS_TO_TRY), weight="bolder", separator=True),
    ]
    return adaptive_card(
        body, [im_back(command.capitalize(), command) for command in FIRST_THINGS_TO_TRY]
    )
