"""What a turn's reply shows, read off its cards for the outbox: who it answers, which tickets.

A reply Teams throttles is queued and leaves later; the delivery worker checks it again
against the access rule then (`notify.reply_contents`). Cards say which tickets they
show by the verbs contract: every button or refresh of a card that shows a ticket
carries its `ticket_id`, and each row of a ticket list is a container named after its
ticket (`ticket_list.row_id`). Text alone names no ticket id and is recorded as
showing none.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from botbuilder.core import CardFactory, TurnContext

from bot.cards.ticket_list import row_ticket
from bot.cards.verbs import TICKET_ID
from bot.identity import VIEWER_KEY
from domain.access import Viewer
from notify.reply_contents import Shown


class CardContents:
    """`bot.transport.adapter.ReplyReader` over the bot's own cards and turn state."""

    def viewer_id(self, context: TurnContext) -> str | None:
        viewer = context.turn_state.get(VIEWER_KEY)
        return viewer.id if isinstance(viewer, Viewer) else None

    def shown(self, activity: Mapping[str, Any]) -> Shown:
        tickets: list[int] = []
        rows: dict[str, int] = {}
        for card in _adaptive_cards(activity):
            _read(card, tickets, rows)
        return Shown(tickets=tuple(dict.fromkeys(tickets)), rows=rows)


def _adaptive_cards(activity: Mapping[str, Any]) -> Iterator[Any]:
    attachments = activity.get("attachments")
    for attachment in attachments if isinstance(attachments, list) else []:
        if isinstance(attachment, Mapping) and attachment.get("contentType") == (
            CardFactory.content_types.adaptive_card
        ):
            yield attachment.get("content")


def _read(value: Any, tickets: list[int], rows: dict[str, int]) -> None:
    """Rows by their element id; every other `ticket_id` is a ticket the card is about."""
    if isinstance(value, list):
        for item in value:
            _read(item, tickets, rows)
        return
    if not isinstance(value, Mapping):
        return
    row = row_ticket(value.get("id"))
    if row is not None:
        rows[str(value["id"])] = row
        return  # what a row carries is the row's
    ticket = value.get(TICKET_ID)
    if isinstance(ticket, int) and not isinstance(ticket, bool):
        tickets.append(ticket)
    for item in value.values():
        _read(item, tickets, rows)
