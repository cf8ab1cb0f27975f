"""How different people write, over HTTP against the database: a pasted email files its
problem, a request in the second sentence is read, a favour asked of a colleague and a bare
"done" are confirmed first, and a hedge or a new problem never touches a ticket."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import (
    Service, a_ticket, mia_and_her_ticket, person_in_teams, presses, texts_in, ticket_row,
    user_in_teams,
)
from tests.integration.builders import insert_person


def short(number: str) -> str:
    """`TKT-2026-0001` as a terse manager types it: `1`."""
    return str(int(number.rsplit("-", 1)[1]))


async def test_a_pasted_email_files_its_problem_and_asks_only_for_what_is_missing(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    email = ("Hello IT,\n\nmy monitor is flickering since this morning.\nPlease create a ticket."
             "\n\nBest regards\nTom Baker\nFinance")
    first = await service.say(email, user=ada)
    assert any("Describe it" in text for text in first.texts), first.texts
    await service.say("skip", user=ada)
    await service.say("support", user=ada)
    filed = await service.say("low", user=ada)
    assert "Filed TKT-" in texts_in(filed.card)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["priority"]) == ("My monitor is flickering since this morning", "low")


async def test_a_request_for_a_ticket_before_its_problem_takes_the_problem_as_title(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    first = await service.say("Hi team, could you please open a ticket for me? "
                              "The scanner on floor 2 does not work.", user=ada)
    assert any("Describe it" in text for text in first.texts), first.texts
    for answer in ("It shows error 42 on every page.", "support", "medium"):
        await service.say(answer, user=ada)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["description"]) == (
        "The scanner on floor 2 does not work", "It shows error 42 on every page.")


async def test_a_favour_asked_of_a_colleague_is_confirmed_before_they_are_assigned(
    service: Service, engine: AsyncEngine
) -> None:
    alex = await insert_person(engine, "Alex", "Kim")
    mia, number = await mia_and_her_ticket(service, engine)
    asked = await service.say(f"Alex could you take a look at {short(number)}?", user=mia)
    assert asked.texts[0] == f"Should Alex Kim take {number}?"
    assert (await ticket_row(engine))["assignee_id"] is None
    done = await service.say("yes", user=mia)
    assert "Assigned to Alex Kim." in texts_in(done.card)
    assert (await ticket_row(engine))["assignee_id"] == alex


async def test_a_bare_done_after_a_ticket_is_asked_about_then_a_no_leaves_it(
    service: Service, engine: AsyncEngine
) -> None:
    mia, number = await mia_and_her_ticket(service, engine)
    await service.say(f"{short(number)}", user=mia)
    asked = await service.say("done", user=mia)
    assert asked.texts[0] == f"Should {number} be resolved?"
    assert list(presses(asked)) == ["Yes"]
    declined = await service.say("no", user=mia)
    assert declined.texts == [f"OK, I'll leave {number} as it is."]
    assert (await ticket_row(engine))["status"] == "open"
    closed = await service.say(f"put {short(number)} on hold,waiting for parts", user=mia)
    assert f"{number} is now on hold." in texts_in(closed.card)


async def test_a_hedge_about_a_ticket_that_is_not_there_says_so_and_asks_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_person(engine, "Cleo", "Customer", role="customer")
    mia, number = await mia_and_her_ticket(service, engine)
    missing = await service.say("I think 99 is fixed", user=mia)
    assert missing.texts[0].startswith("I can't find ticket TKT-"), missing.texts
    assert not presses(missing)
    cleo = service.person("cleo.customer@example.com", "Cleo Customer")
    not_hers = await service.say(f"I guess {number} can be closed", user=cleo)
    assert not_hers.texts[0].startswith(f"I can't find ticket {number}"), not_hers.texts
    yes = await service.say("yes", user=cleo)
    assert not any("resolved" in text or "closed" in text for text in yes.texts), yes.texts
    assert (await ticket_row(engine))["status"] == "open"


async def test_a_new_problem_told_about_it_does_not_touch_the_last_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    mia, number = await mia_and_her_ticket(service, engine)
    shown = await service.say(f"show {short(number)}", user=mia)
    assert number in texts_in(shown.card)
    told = await service.say("it keeps crashing, can someone look at it?", user=mia)
    assert not told.cards or number not in " ".join(texts_in(c) for c in told.cards)
    row = await ticket_row(engine)
    assert (row["status"], row["assignee_id"]) == ("open", None)


async def test_never_mind_then_a_command_drops_the_filing_and_runs_the_command_as_typed(
    service: Service, engine: AsyncEngine
) -> None:
    owner, ada = await person_in_teams(service, engine, "Ada", "Lovelace")
    await a_ticket(engine, owner, title="Printer jams on floor 3")
    await service.say("new ticket VPN drops every hour", user=ada)

    turned = await service.say("Never mind. Show the tickets I filed", user=ada)

    shown = " ".join(turned.texts) + texts_in(turned.card)
    assert "dropped the ticket" in shown, shown
    assert "Printer jams on floor 3" in shown and "matching" not in shown, shown
    async with engine.connect() as connection:
        assert len((await connection.execute(select(tasks))).all()) == 1


async def test_wont_fix_asks_for_a_status_and_closes_only_when_told(
    service: Service, engine: AsyncEngine
) -> None:
    mia, number = await mia_and_her_ticket(service, engine)
    asked = await service.say(f"close {short(number)} as won't fix", user=mia)
    assert asked.texts[0] == f"There is no “won't fix” status. Should {number} be closed?"
    declined = await service.say("no", user=mia)
    assert declined.texts == [f"OK, I'll leave {number} as it is."]
    assert (await ticket_row(engine))["status"] == "open"
    which = await service.say(f"wont fix {short(number)}", user=mia)
    assert which.texts[0] == f"There is no “won't fix” status. Which status should {number} get?"
    closed = await service.say("closed", user=mia)
    assert f"{number} is now closed." in texts_in(closed.card)
    assert (await ticket_row(engine))["status"] == "closed"
