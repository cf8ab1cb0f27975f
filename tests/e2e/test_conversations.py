"""Tickets worked by chatting as people phrase things, over HTTP with the stand-in connector."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, tasks
from tests.e2e.service import (
    Service, file_ticket, person_in_teams, presses, texts_in, ticket_row, user_in_teams,
)
from tests.integration.builders import insert_person, insert_team


async def test_it_means_the_ticket_the_conversation_last_showed(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Badge reader blinks red")
    shown = await service.say(f"Show me ticket {int(ticket.ticket_number[-4:])} please", user=mia)
    assert "Badge reader blinks red" in texts_in(shown.card)
    resolved = await service.say("mark it as resolved", user=mia)
    assert f"{ticket.ticket_number} is now resolved." in texts_in(resolved.card)
    assert (await ticket_row(engine))["status"] == "resolved"


async def test_a_first_name_shared_by_two_people_is_asked_about_then_the_choice_assigns(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_person(engine, "Lee", "Park")
    chen = await insert_person(engine, "Lee", "Chen")
    ticket = await file_ticket(engine, manager, "VPN drops")
    asked = await service.say(f"give {ticket.ticket_number} to Lee", user=mia)
    assert asked.texts == ["Which Lee do you mean?"]
    assert set(presses(asked)) == {"Lee Park", "Lee Chen"}
    assert (await ticket_row(engine))["assignee_id"] is None  # asked, never guessed
    done = await service.say(presses(asked)["Lee Chen"], user=mia)
    assert "Assigned to Lee Chen." in texts_in(done.card)
    assert (await ticket_row(engine))["assignee_id"] == chen


async def test_assign_without_a_person_offers_who_may_take_it(
    service: Service, engine: AsyncEngine
) -> None:
    agent, ada = await person_in_teams(service, engine, "Ada", "Agent")
    network = await insert_team(engine, "Network", agent)
    ticket = await file_ticket(engine, agent, "Switch port dead", category="incident")
    asked = await service.say(f"assign {ticket.ticket_number}", user=ada)
    assert asked.texts[0].startswith(f"Who should take {ticket.ticket_number}?")
    choices = presses(asked)
    assert list(choices) == ["Me (Ada Agent)", "Team Network"]
    done = await service.say(choices["Team Network"], user=ada)
    assert "Assigned to Team Network." in texts_in(done.card)
    row = await ticket_row(engine)
    assert (row["assignee_type"], row["assignee_team_id"]) == ("team", network)


async def test_change_the_status_offers_only_the_statuses_valid_from_where_it_is(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Projector flickers")
    await service.say(f"resolve {ticket.ticket_number}", user=mia)
    asked = await service.say(f"change the status of {ticket.ticket_number}", user=mia)
    assert list(presses(asked)) == ["Open", "Closed"]
    done = await service.say(presses(asked)["Closed"], user=mia)
    assert f"{ticket.ticket_number} is now closed." in texts_in(done.card)


async def test_questions_and_negations_change_nothing(service: Service, engine: AsyncEngine) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Printer jams")
    number = ticket.ticket_number
    declined = await service.say(f"don't close {number} yet", user=mia)
    assert declined.texts == [f"OK, I'll leave {number} as it is."]
    asked = await service.say(f"should I close {number}?", user=mia)
    assert "Printer jams" in texts_in(asked.card)
    status = await service.say(f"what's the status of {number.lower()}?", user=mia)
    assert "Printer jams" in texts_in(status.card)
    row = await ticket_row(engine)
    assert (row["status"], row["assignee_id"]) == ("open", None)


async def test_a_clear_command_while_filing_is_handled_not_taken_as_the_title(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    asked = await service.say("new ticket", user=ada)
    assert any("What's the problem" in text for text in asked.texts)
    listed = await service.say("my tickets", user=ada)
    assert "Assigned to you" in texts_in(listed.card)
    async with engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar_one() == 0
    filed = await service.say("please create a ticket for the broken printer", user=ada)
    assert any("Describe it" in text for text in filed.texts)  # the title was heard
    await service.say("new ticket", user=ada)
    answered = await service.say("Zed's tickets", user=ada)  # a list of someone unknown
    assert any("I couldn't find “Zed”" in text for text in answered.texts), answered.texts
    async with engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar_one() == 0


async def test_comment_without_text_asks_for_it_and_comment_with_text_adds_it(
    service: Service, engine: AsyncEngine
) -> None:
    agent, ada = await person_in_teams(service, engine, "Ada", "Agent")
    ticket = await file_ticket(engine, agent, "Mouse lost")
    asked = await service.say(f"comment on {ticket.ticket_number}", user=ada)
    assert asked.texts[0].startswith(f"What's your comment on {ticket.ticket_number}?")
    done = await service.say(f"add a note to {ticket.ticket_number} saying Found it\nunder the desk",
                             user=ada)
    assert "Comment added." in texts_in(done.card)
    async with engine.connect() as connection:
        comment = (await connection.execute(select(task_comments.c.content))).scalar_one()
    assert comment == "Found it\nunder the desk"
