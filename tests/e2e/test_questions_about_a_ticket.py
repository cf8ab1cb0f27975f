"""Over HTTP: a question about one fact of a ticket ("who has 40?", "is it done?", "who has
the printer ticket?") is answered in one sentence at the top of the ticket's card, from the
asker's side and with only what their card shows them. The card showed and said nothing
before; "who raised 40" opened its history, and "the printer ticket" asked "Do you mean this
ticket about “printer”?" first. A change, what should happen, or a question with no ticket
is not answered so."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.messages import notice_blocks
from domain.clock import utcnow
from tests.e2e.assistant import wait_for_answers
from tests.e2e.service import Service, person_in_teams, stored_ticket, texts_in, user_id_of
from tests.e2e.service import user_in_teams
from tests.e2e.teams_doubles.activities import TeamsUser, senders_today
from tests.integration.builders import insert_person, insert_ticket, this_years
from tests.integration.knowledge.answering_openai_stand_in import CompletionsStandIn

NUMBER = this_years(40)


def answer(card: dict[str, Any]) -> list[str]:
    """The lines above the ticket: the answer, and nothing else."""
    return [block["text"] for block in notice_blocks(card)]


async def ann_sam_and_cys_ticket(
    service: Service, engine: AsyncEngine, **ticket: Any
) -> tuple[TeamsUser, TeamsUser, int]:
    """Ann (admin) and Sam (agent) in Teams, and Cy Customer's ticket 40, which Sam has."""
    _, ann = await person_in_teams(service, engine, "Ann", "Admin", role="admin")
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Agent")
    cy_id = await insert_person(engine, "Cy", "Customer", role="customer")
    ticket_id = await insert_ticket(engine, created_by=cy_id, assignee_id=sam_id, number=NUMBER,
                                    title="VPN drops every hour", **ticket)
    return ann, sam, ticket_id


@pytest.mark.parametrize(("said", "expected"), [
    ("who has 40?", f"Sam Agent has {NUMBER}."),
    ("who's working on 40", f"Sam Agent has {NUMBER}."),
    ("is anyone on 40?", f"Yes, Sam Agent has {NUMBER}."),
    ("when is 40 due?", f"{NUMBER} has no due date."),
    ("what's the status of 40", f"{NUMBER} is open with Sam Agent, not started yet."),
    ("what priority is 40?", f"{NUMBER} is medium priority."),
    ("is 40 closed yet?", f"No, {NUMBER} is open with Sam Agent, not started yet."),
    ("who raised 40", f"Cy Customer raised {NUMBER} on {utcnow().day} {utcnow():%b}."),
    ("what category is 40", f"{NUMBER}'s category is Support."),
    ("when will 40 be fixed, the CEO is asking", f"{NUMBER} has no due date."),
    ("can you tell me the status of 40", f"{NUMBER} is open with Sam Agent, not started yet."),
    ("can u check if 40 is closed", f"No, {NUMBER} is open with Sam Agent, not started yet."),
])
async def test_a_question_about_one_fact_of_a_ticket_is_answered_above_its_card(
    service: Service, engine: AsyncEngine, said: str, expected: str
) -> None:
    ann, _, ticket_id = await ann_sam_and_cys_ticket(service, engine)
    before = await stored_ticket(engine, ticket_id)

    card = (await service.say(said, user=ann)).card

    assert answer(card) == [expected]
    assert "VPN drops every hour" in texts_in(card)  # the card to act on, as before
    assert await stored_ticket(engine, ticket_id) == before  # a question changes nothing


async def test_the_ticket_in_view_is_asked_about_as_it(
    service: Service, engine: AsyncEngine
) -> None:
    due = datetime.combine(senders_today() + timedelta(days=3), time())  # 3 days from Sam's today
    _, sam, _ = await ann_sam_and_cys_ticket(service, engine, due_date=due)
    await service.say("show 40", user=sam)

    assert answer((await service.say("who has it?", user=sam)).card) == [f"You have {NUMBER}."]
    year = f" {due.year}" if due.year != utcnow().year else ""  # late December: next year's
    assert answer((await service.say("when is it due?", user=sam)).card) == [
        f"{NUMBER} is due on {due.day} {due:%b}{year} (in 3 d)."]
    assert answer((await service.say("is it done?", user=sam)).card) == [
        f"No, {NUMBER} is open with you, not started yet."]


async def test_the_printer_ticket_is_answered_at_once_resolved_ones_too(
    service: Service, engine: AsyncEngine
) -> None:
    ann, _, _ = await ann_sam_and_cys_ticket(service, engine)
    ann_id = await user_id_of(engine, "ann.admin@example.com")
    printer = await insert_ticket(engine, created_by=ann_id, number=this_years(41),
                                  title="Printer on floor 3 jams", status="closed")

    asked = await service.say("is the printer ticket closed yet?", user=ann)

    assert answer(asked.card)[0].startswith(f"Yes, {this_years(41)} is closed")
    assert await stored_ticket(engine, printer, "status") == {"status": "closed"}
    who = await service.say("who has the vpn ticket", user=ann)
    assert answer(who.card) == [f"Sam Agent has {NUMBER}."]
    closing = await service.say("close the vpn ticket", user=ann)  # a change: asked first
    assert closing.texts == ["Do you mean this ticket about “vpn”?"]


async def test_a_customer_is_answered_with_what_their_card_shows_and_nothing_of_others(
    service: Service, engine: AsyncEngine
) -> None:
    await ann_sam_and_cys_ticket(service, engine)
    cy = service.person("cy.customer@example.com", "Cy Customer")
    await insert_ticket(engine, created_by=await insert_person(engine, "Oz", "Other"),
                        number=this_years(42), title="Payroll export fails")

    assert answer((await service.say("who has 40?", user=cy)).card) == [
        f"Sam Agent has {NUMBER}."]
    assert answer((await service.say("who raised 40", user=cy)).card)[0].startswith(
        f"You raised {NUMBER} on ")
    refused = await service.say("who has 42?", user=cy)
    assert not refused.cards  # as "show 42" answers them
    assert refused.texts == [f"I can't find ticket {this_years(42)}. Check the number, or say "
                             "`my tickets` to see yours."]


@pytest.mark.parametrize("said", ["who should take 40?", "show 40", "who can pick up 40?"])
async def test_what_should_happen_or_a_plain_show_gets_the_card_alone(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    ann, _, _ = await ann_sam_and_cys_ticket(service, engine)

    card = (await service.say(said, user=ann)).card

    assert answer(card) == [] and "VPN drops every hour" in texts_in(card)


async def test_an_assignment_is_made_not_answered(service: Service, engine: AsyncEngine) -> None:
    ann, _, ticket_id = await ann_sam_and_cys_ticket(service, engine)
    await insert_person(engine, "Lee", "Park")

    card = (await service.say("assign 40 to lee", user=ann)).card

    assert answer(card) == ["Assigned to Lee Park."]
    assert (await stored_ticket(engine, ticket_id, "assignee_id"))["assignee_id"] == (
        await user_id_of(engine, "lee.park@example.com"))


async def test_a_customer_asking_after_an_order_with_no_ticket_asks_the_assistant(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")

    asked = await helpdesk.say("what's the status of my order", user=cy)

    assert asked.texts == ["Looking that up in the help documents…"]
    await wait_for_answers(helpdesk)


@pytest.mark.parametrize(("said", "expected"), [
    ("is my vpn ticket done?", f"No, {NUMBER} is open with Sam Agent, not started yet."),
    ("who has my vpn ticket", f"Sam Agent has {NUMBER}."),
    ("what's the status of my vpn ticket", f"{NUMBER} is open with Sam Agent, not started yet."),
    ("is my ticket closed yet?", f"No, {NUMBER} is open with Sam Agent, not started yet."),
    ("who has my ticket", f"Sam Agent has {NUMBER}."),  # went to the help assistant
    ("who's handling my request?", f"Sam Agent has {NUMBER}."),
])
async def test_a_customer_asking_after_their_own_ticket_by_its_subject_is_answered(
    service: Service, engine: AsyncEngine, said: str, expected: str
) -> None:
    """"is my vpn ticket done?" listed their resolved tickets about "vpn" ("You have no ticket
    matching “vpn”" while it was open), and "who has my vpn ticket" found nothing."""
    await ann_sam_and_cys_ticket(service, engine)
    cy = service.person("cy.customer@example.com", "Cy Customer")

    card = (await service.say(said, user=cy)).card

    assert answer(card) == [expected]
    assert "VPN drops every hour" in texts_in(card)


async def test_in_a_channel_the_answer_names_people_as_everyone_there_reads_it(
    service: Service, engine: AsyncEngine
) -> None:
    """A card in a channel is read by everyone there: "You have …" would name each reader."""
    _, sam, _ = await ann_sam_and_cys_ticket(service, engine)

    in_channel = await service.say_in_channel(f"who has {NUMBER}?", user=sam)
    alone = await service.say(f"who has {NUMBER}?", user=sam)

    assert answer(in_channel.card) == [f"Sam Agent has {NUMBER}."]
    assert answer(alone.card) == [f"You have {NUMBER}."]


async def test_many_tickets_about_a_subject_are_not_called_open_when_closed_ones_count(
    service: Service, engine: AsyncEngine
) -> None:
    ann, _, _ = await ann_sam_and_cys_ticket(service, engine)
    ann_id = await user_id_of(engine, "ann.admin@example.com")
    for sequence in range(41, 47):
        await insert_ticket(engine, created_by=ann_id, number=this_years(sequence),
                            title=f"Printer {sequence} jams", status="closed")

    asked = await service.say("who has the printer ticket?", user=ann)

    assert asked.texts == ["Several tickets are about “printer”: say the ticket's number, or "
                           "`tickets about printer` to see them."]
