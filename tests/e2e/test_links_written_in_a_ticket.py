"""What people write in a ticket (its title, description, comments) is shown on the bot's
cards as written: markdown link syntax in it never becomes a link whose words hide where it
goes, as the comments quoted in a card's thread are already shown plain
(`test_a_comment_quoted_in_the_thread_is_plain_text_not_a_link_or_mention`)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from domain.services.tickets import create_ticket
from domain.tickets import Assignee
from tests.actors import as_actor
from tests.e2e.service import Service, texts_in, user_id_of, user_in_teams
from tests.unit.bot.cards.reading import walk

DISGUISED = "[Reset your password here](https://evil.example/login)"
PICTURE = "![status](https://evil.example/pixel.png?who=you)"


def _shown(card: dict[str, Any]) -> list[str]:
    """Every text a client renders as markdown: text blocks and fact values."""
    found = [node["text"] for node in walk(card) if node.get("type") == "TextBlock"]
    return found + [fact["value"] for node in walk(card) if node.get("type") == "FactSet"
                    for fact in node["facts"]]


async def _ticket(engine: AsyncEngine, owner: str, title: str, description: str) -> str:
    ticket = await create_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(owner), title=title,
                                 category="support", description=description,
                                 assignee=Assignee.user(owner))  # in "my tickets"
    return ticket.ticket_number


@pytest.mark.parametrize("written", [
    DISGUISED,
    PICTURE,
    "VPN drops, log in [here]( https://evil.example/vpn ) first",
])
async def test_a_link_written_in_a_ticket_shows_as_written_not_as_a_link_on_its_card(
    service: Service, engine: AsyncEngine, written: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    number = await _ticket(engine, await user_id_of(engine, "ada@example.com"),
                           title=written, description=f"Tried this: {written}")
    await service.say(f"comment {number} {written}", user=ada)

    shown = (await service.say(f"show {number}", user=ada)).card
    listed = (await service.say("my tickets", user=ada)).card

    for card in (shown, listed):
        texts = _shown(card)
        assert not [text for text in texts if "](" in text], texts
        assert any(written in text.replace("\u200b", "") for text in texts), texts
    assert texts_in(shown).replace("\u200b", "").count(written) >= 3  # title, description, comment


@pytest.mark.parametrize("written", [
    "Printer [floor 3] (east wing) jams",
    "Laptop **will not** boot after update",
    "See https://intranet.example/vpn for the setup",
    "Printer jams, see [the log] (https://intranet.example/log)",
])
async def test_brackets_bold_and_bare_links_in_a_ticket_are_shown_unchanged(
    service: Service, engine: AsyncEngine, written: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    number = await _ticket(engine, await user_id_of(engine, "ada@example.com"),
                           title=written, description=written)

    shown = (await service.say(f"show {number}", user=ada)).card

    assert _shown(shown).count(written) == 2, _shown(shown)
