"""A work note an agent types with no ticket in view ("called the user, they are out till
monday") went to the help assistant, which quoted unrelated guides (and "spoke to the vendor,
parts due thursday" listed the tickets due Thursday): it is asked which of their open tickets
it goes on, one press adding it as a comment. A customer's words, a problem of one's own
and a question still go to the help assistant."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.clock import utcnow
from tests.e2e.assistant import wait_for_answers
from tests.e2e.service import Service, presses, stored_ticket, user_id_of, user_in_teams
from tests.integration.builders import insert_ticket, insert_user, this_years
from tests.integration.knowledge.answering_openai_stand_in import CompletionsStandIn

ASKED = "Which ticket is this note for? I'll add it as a comment."


@pytest.mark.parametrize("said", [
    "called the user, they are out till monday",
    "spoke to the vendor, parts due thursday",
    "replaced the toner",
    "Rang the caller back - no answer, will try again after lunch",
    "emailed supplier for an RMA number",
    "still waiting on the vendor",
])
async def test_a_work_note_with_no_ticket_in_view_asks_which_of_their_open_tickets(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str
) -> None:
    ann = await user_in_teams(helpdesk, engine, "ann@example.com", "Ann Agent")
    ann_id = await user_id_of(engine, "ann@example.com")
    someone = await insert_user(engine)
    now = utcnow()
    laptop = await insert_ticket(engine, created_by=someone, assignee_id=ann_id,
                                 number=this_years(11), title="Laptop battery dies fast",
                                 updated_at=now - timedelta(days=2))
    printer = await insert_ticket(engine, created_by=someone, assignee_id=ann_id,
                                  number=this_years(12), title="Printer on floor 3 jams",
                                  updated_at=now - timedelta(hours=1))
    await insert_ticket(engine, created_by=someone, assignee_id=ann_id, number=this_years(13),
                        title="Old monitor", status="resolved")
    await insert_ticket(engine, created_by=someone, assignee_id=someone, number=this_years(14),
                        title="Someone else's VPN")

    asked = await helpdesk.say(said, user=ann)

    assert asked.texts == [ASKED], asked.texts
    choices = presses(asked)
    assert list(choices) == [f"{this_years(12)} · Printer on floor 3 jams",
                             f"{this_years(11)} · Laptop battery dies fast"]
    assert model.requests == []
    await helpdesk.say(choices[f"{this_years(12)} · Printer on floor 3 jams"], user=ann)
    assert (await stored_ticket(engine, printer, "comments"))["comments"] == [said]
    assert (await stored_ticket(engine, laptop, "comments"))["comments"] == []


async def test_one_open_ticket_is_asked_about_and_a_typed_yes_adds_the_note(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    ann = await user_in_teams(helpdesk, engine, "ann@example.com", "Ann Agent")
    ann_id = await user_id_of(engine, "ann@example.com")
    ticket = await insert_ticket(engine, created_by=await insert_user(engine), assignee_id=ann_id,
                                 number=this_years(21), title="Wifi slow in room 4")

    asked = await helpdesk.say("rebooted the access point in room 4, monitoring", user=ann)

    assert asked.texts == ["Add this note to this ticket as a comment?"]
    assert list(presses(asked)) == [f"{this_years(21)} · Wifi slow in room 4"]
    await helpdesk.say("yes", user=ann)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [
        "rebooted the access point in room 4, monitoring"]
    assert model.requests == []


async def test_with_no_open_ticket_it_says_so_and_how_to_name_one(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    ann = await user_in_teams(helpdesk, engine, "ann@example.com", "Ann Agent", role="manager")

    told = await helpdesk.say("called the user, they are out till monday", user=ann)

    assert told.texts == ["That reads like a note on a ticket, but you have no open tickets. "
                          "Say which one, like `comment on 4: called the user`."]
    assert model.requests == []


@pytest.mark.parametrize(("said", "role"), [
    ("replaced the toner", "customer"),
    ("i replaced my toner but it still jams", "user"),
    ("called the user, what do I do next?", "user"),
    ("my printer is jammed again", "user"),
])
async def test_a_customers_words_a_problem_of_ones_own_and_a_question_go_to_the_assistant(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str, role: str
) -> None:
    ann = await user_in_teams(helpdesk, engine, "ann@example.com", "Ann", role=role)
    ann_id = await user_id_of(engine, "ann@example.com")
    ticket = await insert_ticket(engine, created_by=ann_id, assignee_type=None,
                                 number=this_years(31), title="Printer on floor 3 jams")

    asked = await helpdesk.say(said, user=ann)

    assert asked.texts == ["Looking that up in the help documents…"], asked.texts
    await wait_for_answers(helpdesk)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == []


async def test_a_number_typed_under_the_tickets_offered_is_that_ticket_never_a_place(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    """Teams shows the buttons unnumbered: "2" typed under two tickets offered added the note
    to the second of them, where ticket 2 was meant."""
    ann = await user_in_teams(helpdesk, engine, "ann@example.com", "Ann Agent")
    ann_id = await user_id_of(engine, "ann@example.com")
    someone = await insert_user(engine)
    now = utcnow()
    two = await insert_ticket(engine, created_by=someone, assignee_id=ann_id,
                              number=this_years(2), title="Laptop battery dies fast",
                              updated_at=now - timedelta(hours=1))
    forty = await insert_ticket(engine, created_by=someone, assignee_id=ann_id,
                                number=this_years(40), title="Printer on floor 3 jams",
                                updated_at=now - timedelta(days=1))
    asked = await helpdesk.say("replaced the toner", user=ann)
    assert list(presses(asked)) == [f"{this_years(2)} · Laptop battery dies fast",
                                    f"{this_years(40)} · Printer on floor 3 jams"]

    await helpdesk.say("2", user=ann)

    assert (await stored_ticket(engine, two, "comments"))["comments"] == ["replaced the toner"]
    assert (await stored_ticket(engine, forty, "comments"))["comments"] == []
