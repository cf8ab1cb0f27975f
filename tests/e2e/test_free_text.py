"""Free text that is neither a command nor a question: the help assistant looks, and when it
finds nothing the card offers "File this as a ticket?" with the message filled in."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.elements import card_actions
from db.tables import ai_chat_messages, tasks
from tests.e2e.assistant import button, wait_for_answers
from tests.e2e.service import Service, texts_in, user_in_teams
from tests.unit.bot.cards.schema import assert_valid_card


async def filed(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        return [dict(row) for row in (await connection.execute(select(tasks))).mappings()]


async def test_free_text_nobody_documented_is_offered_as_a_ticket_and_filed_once(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    said = "printer on floor 3 jams again"
    await helpdesk.say(said, user=ada)
    [card] = await wait_for_answers(helpdesk)
    assert_valid_card(card)
    assert "File this as a ticket?" in texts_in(card)
    assert [a["title"] for a in card_actions(card)] == ["File it", "Edit first"]
    data = button(card, "File it")["data"]
    press = helpdesk.teams.card_action("ticket.create", data, user=ada)
    first = await helpdesk.send(press)
    again = await helpdesk.send(helpdesk.teams.card_action("ticket.create", data, user=ada))
    assert "Filed TKT-" in first.answer.text and "Printer on floor 3 jams again" in first.answer.text
    assert again.answer.text == first.answer.text  # a double tap files nothing more
    [ticket] = await filed(engine)
    assert (ticket["title"], ticket["description"], ticket["category"]) == (
        "Printer on floor 3 jams again", None, "support")  # as typed, with a title's capital


async def test_a_longer_message_becomes_the_title_and_the_description(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    said = "VPN keeps dropping on hotel wifi\nEvery 10 minutes since Monday, error 809."
    await helpdesk.say(said, user=ada)
    [card] = await wait_for_answers(helpdesk)
    data = button(card, "File it")["data"]
    await helpdesk.press("ticket.create", data, user=ada)
    [ticket] = await filed(engine)
    assert ticket["title"] == "VPN keeps dropping on hotel wifi"
    assert ticket["description"] == said


async def test_a_message_sent_here_by_mistake_is_answered_in_kind_and_never_searched(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    """"sorry wrong chat" went to the help assistant, which looked it up in the help
    documents and offered to file it as a ticket."""
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    for said in ("sorry wrong chat", "ignore my last message", "that wasn't for you"):
        answered = await helpdesk.say(said, user=ada)
        assert answered.texts == ["👍"], (said, answered.texts)
    async with engine.connect() as connection:
        assert (await connection.execute(select(ai_chat_messages))).first() is None
    assert await filed(engine) == []
