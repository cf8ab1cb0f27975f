"""Over HTTP, what the fifth held-out table and its leftovers found: "close 80 and assign 81
to Sam" changes two tickets, each as if asked alone; "it not open" about a closed ticket
offers to reopen it, never "I'll leave … as it is"; "priority urgent" with a ticket shown
sets its priority. Every resend changes nothing twice."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, presses, stored_ticket, texts_in, user_id_of, user_in_teams
from tests.integration.builders import insert_ticket, insert_user, this_years


async def test_two_changes_of_two_tickets_are_both_made_once(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    await insert_user(engine, email="sam@example.com", name="Sam Rivera")
    max_id = await user_id_of(engine, "max@example.com")
    sam_id = await user_id_of(engine, "sam@example.com")
    closing = await insert_ticket(engine, created_by=max_id, number=this_years(80))
    giving = await insert_ticket(engine, created_by=max_id, number=this_years(81))

    said = "close 80 and assign 81 to sam"
    turn = await service.say(said, user=max_)
    shown = "\n".join(texts_in(card) for card in turn.cards) + "\n".join(turn.texts)
    assert f"{this_years(80)} is now closed." in shown
    assert (await stored_ticket(engine, closing))["status"] == "closed"
    assert (await stored_ticket(engine, giving))["assignee_id"] == sam_id

    await service.say(said, user=max_)  # said again: each is as it was asked, nothing more
    assert (await stored_ticket(engine, closing))["status"] == "closed"
    assert (await stored_ticket(engine, giving))["assignee_id"] == sam_id
    assert (await stored_ticket(engine, giving))["status"] == "open"

    asked = await service.say("close 81 and assign 80 to Bob", user=max_)
    assert f"{this_years(81)} is now closed." in "\n".join(texts_in(card) for card in asked.cards)
    assert f"I couldn't find “Bob”. Who should take {this_years(80)}?" in asked.texts


async def test_it_not_open_offers_to_reopen_the_ticket_shown(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(82), status="closed")
    await service.say("show 82", user=max_)

    turn = await service.say("it not open", user=max_)
    assert turn.texts == [f"Should {this_years(82)} be open?"]
    assert (await stored_ticket(engine, ticket))["status"] == "closed"  # asked, not guessed

    yes = presses(turn)["Yes"]
    await service.say(yes, user=max_)
    await service.say(yes, user=max_)  # pressed again: open already
    assert (await stored_ticket(engine, ticket))["status"] == "open"


async def test_a_priority_said_alone_is_the_shown_tickets(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(83))
    await service.say("show 83", user=max_)

    await service.say("priority urgent", user=max_)
    assert (await stored_ticket(engine, ticket))["priority"] == "urgent"
