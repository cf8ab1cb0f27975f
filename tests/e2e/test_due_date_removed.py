"""Over HTTP: "remove the due date on 12" takes the due date off, and "push 12 out a week"
moves it a week from the day it is due (one press); both were free text, which the help
documents offered to file as a new ticket. A customer, who may not set due dates, is told
so and nothing changes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.assistant import button
from tests.e2e.service import Service, buttons_of, person_in_teams, texts_in
from tests.integration.builders import insert_ticket, this_years
from tests.e2e.teams_doubles.activities import senders_today

NUMBER = this_years(12)


async def _due(engine: AsyncEngine) -> object:
    async with engine.connect() as connection:
        return (await connection.execute(
            select(tasks.c.due_date).where(tasks.c.ticket_number == NUMBER))).scalar_one()


@pytest.mark.parametrize("said", [
    "remove the due date on 12", "no due date for 12 anymore", "12 doesn't need a deadline",
])
async def test_the_due_date_is_taken_off(service: Service, engine: AsyncEngine, said: str) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=senders_today())

    turn = await service.say(said, user=mia)

    assert "Saved: due date." in texts_in(turn.card), turn.texts
    assert await _due(engine) is None


async def test_the_due_date_of_the_ticket_in_view_is_taken_off(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=senders_today())
    await service.say("show 12", user=mia)

    await service.say("clear the deadline please", user=mia)

    assert await _due(engine) is None


async def test_a_customer_may_not_take_the_due_date_off(
    service: Service, engine: AsyncEngine
) -> None:
    customer, cy = await person_in_teams(service, engine, "Cy", "Customer", role="customer")
    await insert_ticket(engine, created_by=customer,
                        number=NUMBER, title="Renew the SSL cert", due_date=senders_today())

    turn = await service.say("remove the due date on 12", user=cy)

    assert "Only the service desk sets the due date." in texts_in(turn.card)
    assert await _due(engine) is not None


@pytest.mark.parametrize(("said", "days"), [
    ("push 12 out a week", 7), ("give 12 two more days", 2), ("extend the deadline of 12 by 3 days", 3),
])
async def test_the_due_date_pushed_out_is_proposed_from_the_day_it_is_due(
    service: Service, engine: AsyncEngine, said: str, days: int
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    due = senders_today() + timedelta(days=2)
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=due)

    offered = (await service.say(said, user=mia)).card
    assert buttons_of(offered) == ["Move it", "Cancel"]
    assert (await _due(engine)).date() == due  # nothing moved before the press
    await service.press("request.confirm", button(offered, "Move it")["data"], user=mia)

    assert (await _due(engine)).date() == due + timedelta(days=days)


async def test_a_ticket_with_no_due_date_is_asked_for_the_day_not_given_one(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert")

    turn = await service.say("push 12 out a week", user=mia)

    assert turn.texts == [f"{NUMBER} has no due date to push out. Say the day it is due, like "
                          f"`{NUMBER} due friday`."]
    assert await _due(engine) is None


async def test_a_number_said_again_after_a_push_proposed_asks_what_it_is(
    service: Service, engine: AsyncEngine
) -> None:
    """"make it 2 instead" under "Move the due date of 12 from … to …?" showed ticket 2 (read
    as "I meant 2"): now 2 days, 2 weeks or ticket 2 is asked, one press each."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    due = senders_today() + timedelta(days=2)
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=due)
    await insert_ticket(engine, created_by=manager, number=this_years(2), title="Printer jam")
    await service.say("push 12 out a week", user=mia)

    turn = await service.say("make it 2 instead", user=mia)

    assert turn.texts[0] == (f"Do you mean pushing the due date of {NUMBER} out by 2 days or 2 "
                             f"weeks, or ticket {this_years(2)}?")
    assert turn.buttons == [
        f"Push {NUMBER} out 2 days", f"Push {NUMBER} out 2 weeks", f"Show {this_years(2)}"]
    assert (await _due(engine)).date() == due


@pytest.mark.parametrize(("said", "days"), [
    ("make it 2 weeks instead", 14), ("actually make it 3 days", 3), ("make that two weeks", 14),
])
async def test_how_long_said_again_after_a_push_proposed_is_that_push(
    service: Service, engine: AsyncEngine, said: str, days: int
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    due = senders_today() + timedelta(days=2)
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=due)
    await service.say("push 12 out a week", user=mia)

    offered = (await service.say(said, user=mia)).card
    await service.press("request.confirm", button(offered, "Move it")["data"], user=mia)

    assert (await _due(engine)).date() == due + timedelta(days=days)


@pytest.mark.parametrize("said", ["delay 12 a few days", "push 12 out a couple of days pls"])
async def test_a_due_date_pushed_out_by_an_amount_not_said_asks_how_much(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    due = senders_today() + timedelta(days=2)
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=due)

    asked = await service.say(said, user=mia)
    assert asked.texts == [f"How much later should {NUMBER} be due? Pick one, or say it, like "
                           f"`push {NUMBER} out 4 days`."]
    assert asked.buttons == ["2 days later", "3 days later", "A week later", "2 weeks later"]
    offered = (await service.say(f"push {NUMBER} out 3 days", user=mia)).card  # as pressed
    assert (await _due(engine)).date() == due  # nothing moved before the press
    await service.press("request.confirm", button(offered, "Move it")["data"], user=mia)

    assert (await _due(engine)).date() == due + timedelta(days=3)


@pytest.mark.parametrize("said", ["push 12 and 13 out a week", "push 12 out a week, and 13 two days"])
async def test_two_due_dates_pushed_out_are_each_proposed(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    due = senders_today() + timedelta(days=2)
    for number in (NUMBER, this_years(13)):
        await insert_ticket(engine, created_by=manager, number=number, title="Renew the cert",
                            due_date=due)

    turn = await service.say(said, user=mia)

    assert [buttons_of(card) for card in turn.cards] == [["Move it", "Cancel"]] * 2
    assert (await _due(engine)).date() == due  # nothing moved before a press


@pytest.mark.parametrize(("due", "said"), [
    (date(9999, 12, 31), "push 12 out a week"),  # the web app's "no deadline" day
    (date(9999, 12, 29), "give 12 three more days"),
    (date(9999, 12, 20), "extend the deadline of 12 by 2 weeks"),
])
async def test_a_due_date_that_cannot_be_pushed_past_the_calendar_s_end_is_said_so(
    service: Service, engine: AsyncEngine, due: date, said: str
) -> None:
    """Moving it would pass 31 Dec 9999, the last day a date can be: that was a 500 (the
    traceback of an OverflowError) and "Sorry, something went wrong"."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=datetime.combine(due, time()))

    turn = await service.say(said, user=mia)  # `say` has checked the HTTP answer is 200

    assert not turn.cards, [texts_in(card) for card in turn.cards]
    assert turn.texts == [
        f"{NUMBER} is due {due:%a} {due.day} {due:%b} {due.year}, too close to the end of the "
        f"calendar to push out. Say the day it is due, like `{NUMBER} due friday`."]
    assert (await _due(engine)).date() == due


@pytest.mark.parametrize(("due", "said", "moved"), [
    (date(9999, 12, 24), "push 12 out a week", date(9999, 12, 31)),
    (date(9999, 12, 30), "give 12 one more day", date(9999, 12, 31)),
    (date(2027, 12, 30), "push 12 out a week", date(2028, 1, 6)),
])
async def test_a_due_date_pushed_to_the_calendar_s_last_day_or_into_next_year_is_proposed(
    service: Service, engine: AsyncEngine, due: date, said: str, moved: date
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=datetime.combine(due, time()))

    offered = (await service.say(said, user=mia)).card
    await service.press("request.confirm", button(offered, "Move it")["data"], user=mia)

    assert (await _due(engine)).date() == moved


async def test_of_two_tickets_pushed_out_the_one_at_the_calendar_s_end_is_said_so_alone(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    soon = senders_today() + timedelta(days=2)
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=datetime.combine(soon, time()))
    await insert_ticket(engine, created_by=manager, number=this_years(13), title="Archive logs",
                        due_date=datetime(9999, 12, 31))

    turn = await service.say("push 12 and 13 out a week", user=mia)

    assert [button(card, "Move it") for card in turn.cards], turn.texts
    assert len(turn.cards) == 1 and NUMBER in texts_in(turn.cards[0])
    assert turn.texts == [f"{this_years(13)} is due Fri 31 Dec 9999, too close to the end of the "
                          f"calendar to push out. Say the day it is due, like "
                          f"`{this_years(13)} due friday`."]
