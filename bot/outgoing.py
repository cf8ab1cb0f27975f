"""Cards as messages; one card for a message that changed one ticket twice."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity

from bot.cards.messages import with_earlier_notices
from bot.cards.ticket import shown_ticket
from bot.transport.sending import ConnectorCallFailed

log = logging.getLogger(__name__)

_SHOWN = "ticketflow.card_shown"


@dataclass(frozen=True, slots=True)
class _Shown:
    ticket_id: int
    card: dict[str, Any]
    activity_id: str


def card_message(card: dict[str, Any]) -> Activity:
    return MessageFactory.attachment(CardFactory.adaptive_card(card))


@contextmanager
def one_card_per_ticket(turn_context: TurnContext) -> Iterator[None]:
    """Inside, a ticket card about the ticket the turn's last card showed redraws that
    card, headed by the notices of both, instead of sending another: "make 4 urgent and
    assign it to me" answers with one card showing the ticket after both changes. Any
    other card (a question, a proposal) is a message of its own."""
    turn_context.turn_state[_SHOWN] = None
    try:
        yield
    finally:
        turn_context.turn_state.pop(_SHOWN, None)


async def reply_card(turn_context: TurnContext, card: dict[str, Any]) -> None:
    if _SHOWN not in turn_context.turn_state:
        await turn_context.send_activity(card_message(card))
        return
    ticket_id = shown_ticket(card)
    shown: _Shown | None = turn_context.turn_state[_SHOWN]
    if shown is not None and ticket_id == shown.ticket_id:
        merged = with_earlier_notices(card, shown.card)
        redrawn = card_message(merged)
        redrawn.id = shown.activity_id
        try:
            await turn_context.update_activity(redrawn)
        except ConnectorCallFailed as failed:  # the card stays as it was: send the new one
            log.info("could not redraw card %s (%s); sending it anew", shown.activity_id, failed)
        else:
            turn_context.turn_state[_SHOWN] = replace(shown, card=merged)
            return
    response = await turn_context.send_activity(card_message(card))
    sent = response.id if response is not None else None  # none: queued for later
    turn_context.turn_state[_SHOWN] = (
        _Shown(ticket_id, card, sent) if sent and ticket_id is not None else None
    )
