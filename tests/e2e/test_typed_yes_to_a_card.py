"""Over HTTP: a typed "yes" under a confirmation card ("Add what you said as a comment?",
"Start work on …?") does what its confirm button does, once, checked the same way; any
other next message ends the question. Before, the bot answered "Sorry, I didn't get “yes”"
to its own question."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, file_ticket, person_in_teams, stored_ticket, texts_in
from tests.e2e.service import user_id_of, user_in_teams
from tests.e2e.test_on_it import status_and_assignee
from tests.integration.builders import insert_ticket, this_years

NUMBER = this_years(40)  # a bare 40 is this year's


async def a_customers_offer(service: Service, engine: AsyncEngine) -> tuple[object, int]:
    """Cy's ticket in view, and "actually it's urgent" offered as a comment."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=NUMBER, title="Printer on floor 3 jams")
    await service.say(f"show {NUMBER}", user=cy)
    offered = await service.say("actually it's urgent", user=cy)
    assert "Add what you said as a comment, so they see it?" in texts_in(offered.card)
    return cy, ticket


@pytest.mark.parametrize("yes", ["yes", "Yes please!", "yep", "ok", "go ahead", "👍"])
async def test_a_typed_yes_adds_the_comment_on_offer_once(
    service: Service, engine: AsyncEngine, yes: str
) -> None:
    cy, ticket = await a_customers_offer(service, engine)

    said = service.teams.personal_message(yes, user=cy)
    added = await service.send(said)
    await service.send(said)  # Teams resends it: nothing more happens

    assert "Comment added." in texts_in(added.card)
    assert (await stored_ticket(engine, ticket, "priority", "comments")) == {
        "priority": "medium", "comments": ["actually it's urgent"]}
    later = await service.say("yes", user=cy)  # the question was answered: no second comment
    assert not later.cards or "Comment added." not in texts_in(later.card)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [
        "actually it's urgent"]


@pytest.mark.parametrize("other", ["no", "no thanks", "my tickets", "actually never mind"])
async def test_anything_else_ends_the_question_and_a_later_yes_adds_nothing(
    service: Service, engine: AsyncEngine, other: str
) -> None:
    cy, ticket = await a_customers_offer(service, engine)

    await service.say(other, user=cy)
    await service.say("yes", user=cy)

    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == []


async def test_a_typed_yes_on_a_ticket_changed_since_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    cy, ticket = await a_customers_offer(service, engine)
    async with engine.begin() as connection:  # the web app renames it meanwhile
        await connection.execute(update(tasks).where(tasks.c.id == ticket).values(
            title="Printer on floor 3 jams on every job"))

    turn = await service.say("yes", user=cy)

    assert "changed since" in texts_in(turn.card)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == []


async def test_a_typed_yes_to_on_it_with_no_ticket_shown_starts_and_takes_it(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Printer jams")

    asked = await service.say("on it", user=mia)  # Mia's only open ticket: asked, on a card
    assert "and take it if no one has it?" in texts_in(asked.card)
    turn = await service.say("yep", user=mia)

    assert f"{ticket.ticket_number} is now in progress and assigned to you." in texts_in(turn.card)
    assert await status_and_assignee(engine, ticket.ticket_number) == ("in_progress", manager)


@pytest.mark.parametrize(("said", "comment"), [
    ("approve 40", "Approved."), ("40 is approved from my side", "Approved."),
    ("reject 40", "Not approved."), ("40 is declined, sorry", "Not approved."),
])
async def test_an_approval_is_offered_as_a_comment_and_a_yes_adds_it(
    service: Service, engine: AsyncEngine, said: str, comment: str
) -> None:
    """"approve 40" was "Sorry, I didn't get “approve 40”": TicketFlow keeps no approval on a
    ticket, so it is said so and the verdict offered as a comment; nothing else changes."""
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=NUMBER)

    offered = await service.say(said, user=max_)
    assert "TicketFlow keeps no approval on a ticket." in texts_in(offered.card)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == []
    await service.say("yes", user=max_)
    assert (await stored_ticket(engine, ticket, "status", "comments")) == {
        "status": "open", "comments": [comment]}
