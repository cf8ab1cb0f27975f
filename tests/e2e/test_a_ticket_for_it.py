""""make a ticket for it" under a question the assistant could not answer: "it" is that
question, so the ticket is titled with it, whether said as the next message or a little
later, after another message; a ticket asked for with a title of its own keeps that title."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service
from tests.e2e.test_help_offer_replies import filed, offered

UNANSWERED = "how do I connect to the vpn from the coffee machine?"
UNANSWERED_TITLE = "How do I connect to the vpn from the coffee machine?"


@pytest.mark.parametrize("reply", [
    "yes make a ticket for it", "can you raise that as a ticket", "ok file it",
    "put that in a ticket", "ticket it", "new ticket for it", "open one for it",
])
async def test_a_ticket_asked_for_it_right_after_is_titled_with_the_question(
    helpdesk: Service, engine: AsyncEngine, reply: str
) -> None:
    ada = await offered(helpdesk, engine, UNANSWERED)

    turn = await helpdesk.say(reply, user=ada)

    assert turn.card is not None and "Filed TKT-" in str(turn.card)
    [ticket] = await filed(engine)
    assert ticket["title"] == UNANSWERED_TITLE


@pytest.mark.parametrize(("between", "reply"), [
    ("no thanks", "actually yes make a ticket for it"),
    ("my tickets", "can you raise that as a ticket"),
    ("hmm", "ok file it"),
    ("my tickets", "open one for it"),
])
async def test_a_ticket_asked_for_it_after_another_message_is_titled_with_the_question(
    helpdesk: Service, engine: AsyncEngine, between: str, reply: str
) -> None:
    ada = await offered(helpdesk, engine, UNANSWERED)
    await helpdesk.say(between, user=ada)

    turn = await helpdesk.say(reply, user=ada)

    assert f"Let's file “{UNANSWERED_TITLE}” as a ticket." in turn.texts
    for answer in ("skip", "Support", "Low"):
        await helpdesk.say(answer, user=ada)
    [ticket] = await filed(engine)
    assert ticket["title"] == UNANSWERED_TITLE


@pytest.mark.parametrize("reply", [
    "make a ticket: vpn drops every hour", "new ticket vpn drops every hour",
])
async def test_a_ticket_asked_for_with_its_own_title_keeps_it(
    helpdesk: Service, engine: AsyncEngine, reply: str
) -> None:
    ada = await offered(helpdesk, engine, UNANSWERED)
    await helpdesk.say("no thanks", user=ada)

    await helpdesk.say(reply, user=ada)
    for answer in ("skip", "Support", "Low"):
        await helpdesk.say(answer, user=ada)

    [ticket] = await filed(engine)
    assert ticket["title"] == "Vpn drops every hour"


@pytest.mark.parametrize("reply", ["make a ticket", "open one for me", "log a ticket please"])
async def test_a_ticket_asked_for_later_without_pointing_back_asks_its_title(
    helpdesk: Service, engine: AsyncEngine, reply: str
) -> None:
    ada = await offered(helpdesk, engine, UNANSWERED)
    await helpdesk.say("my tickets", user=ada)

    turn = await helpdesk.say(reply, user=ada)

    assert "What's the problem, in one line?" in turn.texts
    assert await filed(engine) == []
