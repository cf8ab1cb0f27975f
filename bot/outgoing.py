"""Cards as messages."""

from __future__ import annotations

from typing import Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity


def card_message(card: dict[str, Any]) -> Activity:
    return MessageFactory.attachment(CardFactory.adaptive_card(card))


async def reply_card(turn_context: TurnContext, card: dict[str, Any]) -> None:
    await turn_context.send_activity(card_message(card))
