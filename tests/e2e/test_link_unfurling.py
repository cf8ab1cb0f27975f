"""A TicketFlow ticket link pasted into Teams unfurls into the ticket's card for someone
who may see it, and into nothing for anyone else or any other link."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.elements import card_actions
from tests.e2e.service import (
    WEB_URL, Service, file_ticket, person_in_teams, texts_in, user_in_teams,
)
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.integration.builders import insert_person
from tests.unit.bot.cards.schema import assert_valid_card


async def pasted(service: Service, url: str, *, user: TeamsUser,
                 in_channel: bool = False) -> dict[str, Any]:
    answer = await service.post(service.teams.link_pasted(url, user=user, in_channel=in_channel))
    assert answer.status == 200, answer.text
    result: dict[str, Any] = answer.json["composeExtension"]
    assert (result["type"], result["attachmentLayout"]) == ("result", "list")
    return result


async def test_a_ticket_link_unfurls_into_what_the_sender_shares_and_a_link(
    service: Service, engine: AsyncEngine
) -> None:
    mia, sender = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, mia, "VPN drops every 10 minutes")

    result = await pasted(service, f"{WEB_URL}/tickets/{ticket.id}", user=sender, in_channel=True)

    [attachment] = result["attachments"]
    card = attachment["content"]
    assert_valid_card(card)
    shown = texts_in(card)
    assert ticket.ticket_number in shown and "VPN drops every 10 minutes" in shown
    assert "Open" in shown and "Unassigned" in shown
    assert [action["type"] for action in card_actions(card)] == ["Action.OpenUrl"]
    assert card_actions(card)[0]["url"] == f"{WEB_URL}/tickets/{ticket.id}"
    assert card["refresh"]["action"]["verb"] == "ticket.refresh"  # each viewer's own card
    assert attachment["preview"]["content"]["title"].startswith(ticket.ticket_number)


async def test_a_link_by_ticket_number_unfurls_too(service: Service, engine: AsyncEngine) -> None:
    mia, sender = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, mia)

    result = await pasted(service, f"{WEB_URL}/tickets/{ticket.ticket_number.lower()}/?tab=history",
                          user=sender)
    with_port = await pasted(service, f"{WEB_URL}:443/tickets/{ticket.id}", user=sender)

    [attachment] = result["attachments"]
    assert ticket.ticket_number in texts_in(attachment["content"])
    [same] = with_port["attachments"]  # the default port written out is the same site
    assert ticket.ticket_number in texts_in(same["content"])


async def test_a_ticket_the_sender_may_not_see_unfurls_into_nothing_like_no_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    mia = await insert_person(engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, mia, "Salary review for the whole team")
    cory = await user_in_teams(service, engine, "cory@example.com", "Cory Customer",
                               role="customer")

    hidden = await pasted(service, f"{WEB_URL}/tickets/{ticket.id}", user=cory)
    missing = await pasted(service, f"{WEB_URL}/tickets/999999", user=cory)

    assert hidden == missing == {"type": "result", "attachmentLayout": "list", "attachments": []}


@pytest.mark.parametrize("url", [
    "https://elsewhere.example.com/tickets/1", f"{WEB_URL}:8443/tickets/1",
    f"{WEB_URL}/tickets", f"{WEB_URL}/tickets/1/comments/2", f"{WEB_URL}/dashboard",
    f"{WEB_URL}/tickets/not-a-number", f"{WEB_URL}/tickets/{'9' * 5000}", "ftp://ticketflow.example.com/tickets/1",
    "https://ticketflow.example.com:99999/tickets/1", "https://[::1/tickets/1", "", "tickets/1",
])
async def test_any_other_link_unfurls_into_nothing(
    service: Service, engine: AsyncEngine, url: str
) -> None:
    mia, sender = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await file_ticket(engine, mia)

    result = await pasted(service, url, user=sender)

    assert result["attachments"] == []


@pytest.mark.parametrize("value", [None, "https://ticketflow.example.com/tickets/1", [], {"url": 7},
                                   {}])
async def test_a_malformed_query_is_answered_with_nothing(
    service: Service, engine: AsyncEngine, value: object
) -> None:
    mia, sender = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await file_ticket(engine, mia)
    activity = service.teams.link_pasted("x", user=sender)
    activity["value"] = value

    answer = await service.post(activity)

    assert answer.status == 200, answer.text
    assert answer.json["composeExtension"]["attachments"] == []
