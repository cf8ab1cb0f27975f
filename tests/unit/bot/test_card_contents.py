"""What a queued reply shows, read off the bot's real cards: the tickets a card is about,
the rows of a list, and nothing for a card or text that shows no ticket."""

from __future__ import annotations

from typing import Any

from botbuilder.core import CardFactory, MessageFactory

from bot.cards.help import help_card
from bot.cards.notice import notice_card
from bot.cards.ticket import ticket_card
from bot.cards.ticket_list import ticket_list_card
from bot.cards.views import TicketRow
from bot.card_contents import CardContents
from notify.reply_contents import Shown
from tests.unit.bot.cards.builders import AGENT, a_ticket, view_for


def _message(card: dict[str, Any]) -> dict[str, Any]:
    activity: dict[str, Any] = MessageFactory.attachment(CardFactory.adaptive_card(card)).serialize()
    return activity


def _list_of(*ids: int) -> dict[str, Any]:
    tickets = [a_ticket(id=ticket_id, ticket_number=f"TKT-2026-{ticket_id:04d}") for ticket_id in ids]
    return ticket_list_card(
        title="My tickets", rows=[TicketRow.of(ticket) for ticket in tickets], total=len(ids) + 20,
        offset=0, limit=max(len(ids), 1), query={"kind": "mine", "status": None, "text": None},
    )


def test_a_ticket_card_shows_its_ticket_as_a_whole() -> None:
    card = ticket_card(ticket=view_for(AGENT, a_ticket(id=41)), refresh_user_ids=("29:arun",))

    assert CardContents().shown(_message(card)) == Shown(tickets=(41,))


def test_a_ticket_list_shows_each_ticket_in_its_own_row_and_no_ticket_as_a_whole() -> None:
    shown = CardContents().shown(_message(_list_of(7, 1234, 41)))

    assert shown.tickets == ()
    assert sorted(shown.rows.values()) == [7, 41, 1234]
    assert all(element.endswith(str(ticket)) for element, ticket in shown.rows.items())


def test_text_and_cards_about_no_ticket_show_nothing() -> None:
    reader = CardContents()

    assert not reader.shown(MessageFactory.text("Cancelled. Nothing was saved.").serialize()).anything
    assert not reader.shown(_message(help_card(commands=[("my tickets", "your tickets")]))).anything
    assert not reader.shown(_message(notice_card(text="Nothing to cancel."))).anything
    assert not reader.shown(_message(_list_of())).anything
