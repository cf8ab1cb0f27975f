"""Lists by when tickets were filed or finished, and "my X ticket", over HTTP: "tickets I opened last week"
is that week (Monday to Monday) on every page of the card; "what came in since Monday" is
everyone's the viewer may see; "my outlook ticket" shows the one ticket it finds, lists
several, and says plainly when there is none, offering the wider lists."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.clock import day_in, start_of_day, utcnow
from tests.e2e.service import Service, data, texts_in
from tests.e2e.teams_doubles.activities import SENDER_ZONE
from tests.integration.builders import insert_person, insert_ticket


def _monday(now: datetime) -> datetime:
    """When this week began for the sender (their Teams client's zone), as stored."""
    today = day_in(SENDER_ZONE, now)
    return start_of_day(today - timedelta(days=today.weekday()), SENDER_ZONE)


def _day(moment: datetime) -> date:
    """The sender's day of a stored moment."""
    return day_in(SENDER_ZONE, moment)


def _offered(card: dict[str, Any]) -> dict[str, str]:
    return {action["title"]: action["data"]["msteams"]["value"]
            for action in card.get("actions", []) if "msteams" in action.get("data", {})}


async def test_tickets_i_opened_last_week_are_that_weeks_on_every_page_of_the_card(
    service: Service, engine: AsyncEngine
) -> None:
    jo = await insert_person(engine, "Jo", "Agent")
    max_ = await insert_person(engine, "Max", "Admin", role="admin")
    monday = _monday(utcnow())
    last_monday = start_of_day(_day(monday) - timedelta(days=7), SENDER_ZONE)
    for day in range(10):  # more than a page (8), Monday 00:00 to Sunday late
        await insert_ticket(engine, created_by=jo, title=f"Last week {day}",
                            created_at=last_monday + timedelta(hours=16 * day),
                            status="resolved" if day == 0 else "open")
    await insert_ticket(engine, created_by=jo, title="Before it",
                        created_at=last_monday - timedelta(minutes=1))
    await insert_ticket(engine, created_by=jo, title="This week", created_at=monday)
    await insert_ticket(engine, created_by=max_, title="Someone else's",
                        created_at=monday - timedelta(days=3))
    person = service.person("jo.agent@example.com", "Jo Agent")

    first = await service.say("tickets i opened last week", user=person)
    shown = texts_in(first.card)
    title = f"Tickets you filed · in the week of {_day(last_monday):%a %d %b}"
    assert title in shown and "1–8 of 10" in shown
    second = await service.press("tickets.page", data(first.card, "tickets.page"), user=person)
    both = shown + texts_in(second)
    assert "9–10 of 10" in texts_in(second) and title in texts_in(second)
    assert {f"Last week {day}" for day in range(10)} <= set(both.splitlines())  # resolved too
    assert not {"Before it", "This week", "Someone else's"} & set(both.splitlines())


async def test_what_came_in_since_monday_is_everyones_filed_since_then(
    service: Service, engine: AsyncEngine
) -> None:
    jo = await insert_person(engine, "Jo", "Agent")
    await insert_person(engine, "Max", "Admin", role="admin")
    monday = _monday(utcnow())
    if _day(utcnow()) == _day(monday):
        monday = start_of_day(_day(monday) - timedelta(days=7), SENDER_ZONE)  # said on a Monday
    await insert_ticket(engine, created_by=jo, title="Came in Monday", created_at=monday)
    await insert_ticket(engine, created_by=jo, title="Came in before",
                        created_at=monday - timedelta(seconds=1))
    turn = await service.say("what came in since monday?",
                             user=service.person("max.admin@example.com", "Max Admin"))
    shown = texts_in(turn.card)
    assert "Came in Monday" in shown and "Came in before" not in shown
    assert f"Tickets · filed since {_day(monday):%a %d %b}" in shown


async def test_my_outlook_ticket_shows_the_one_lists_several_and_says_when_there_is_none(
    service: Service, engine: AsyncEngine
) -> None:
    jo = await insert_person(engine, "Jo", "Agent")
    sam = await insert_person(engine, "Sam", "Rivera")
    await insert_ticket(engine, created_by=jo, assignee_id=sam, title="Outlook keeps crashing")
    await insert_ticket(engine, created_by=sam, title="Outlook calendar sync")  # not hers
    await insert_ticket(engine, created_by=sam, assignee_id=jo, title="VPN drops at noon")
    await insert_ticket(engine, created_by=sam, assignee_id=jo, title="VPN slow from hotel")
    person = service.person("jo.agent@example.com", "Jo Agent")

    one = await service.say("what's the status of my outlook ticket", user=person)
    assert "Outlook keeps crashing" in texts_in(one.card)
    assert "Outlook calendar sync" not in texts_in(one.card)
    assert "Your tickets" not in texts_in(one.card)  # the ticket's own card, not a list

    several = await service.say("any news on my vpn ticket?", user=person)
    shown = texts_in(several.card)
    assert "Your tickets" in shown and "1–2 of 2" in shown
    assert "VPN drops at noon" in shown and "VPN slow from hotel" in shown

    none = await service.say("where is my printer ticket at", user=person)
    assert "You have no ticket matching “printer”." in texts_in(none.card)
    assert _offered(none.card) == {"All tickets matching “printer”": "find printer",
                                   "Tickets you filed": "tickets I created",
                                   "Assigned to you": "my tickets"}
    wider = await service.say(_offered(none.card)["All tickets matching “printer”"], user=person)
    assert "matching “printer”" in texts_in(wider.card)


async def test_a_time_the_list_cannot_apply_is_said_back_not_dropped(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_person(engine, "Max", "Admin", role="admin")
    max_ = await insert_person(engine, "Max", "Other", role="admin")
    await insert_ticket(engine, created_by=max_, title="Started one", status="in_progress")
    turn = await service.say("tickets started last week",
                             user=service.person("max.admin@example.com", "Max Admin"))
    shown = texts_in(turn.card)  # when work began is kept nowhere a list can read
    assert "I can't filter by “last week”" in shown and "Started one" in shown


async def test_a_customers_my_x_ticket_is_one_they_filed_resolved_or_not(
    service: Service, engine: AsyncEngine
) -> None:
    cleo = await insert_person(engine, "Cleo", "Customer", role="customer")
    sam = await insert_person(engine, "Sam", "Rivera")
    await insert_ticket(engine, created_by=cleo, assignee_id=sam, title="Outlook keeps crashing",
                        status="resolved")
    await insert_ticket(engine, created_by=sam, title="Outlook calendar sync")  # not hers
    person = service.person("cleo.customer@example.com", "Cleo Customer")

    one = await service.say("whats the status of my outlook ticket?", user=person)
    shown = texts_in(one.card)
    assert "Outlook keeps crashing" in shown and "Resolved" in shown
    assert "Outlook calendar sync" not in shown

    none = await service.say("my printer ticket", user=person)
    assert "You have no ticket matching “printer”." in texts_in(none.card)
    assert _offered(none.card) == {"Tickets you filed": "tickets I created"}


async def test_tickets_filed_by_someone_are_theirs_only_and_only_those_the_viewer_may_see(
    service: Service, engine: AsyncEngine
) -> None:
    """"tickets filed by Cy" listed the asker's own tickets matching "by cy" (nothing); it is
    Cy's, on every page of the card, and an agent still sees only what the access rule lets."""
    cy = await insert_person(engine, "Cy", "Customer", role="customer")
    jo = await insert_person(engine, "Jo", "Agent")
    await insert_person(engine, "Max", "Admin", role="admin")
    for n in range(9):  # more than a page (8)
        await insert_ticket(engine, created_by=cy, title=f"Cy's problem {n}",
                            assignee_id=jo if n == 0 else None,
                            assignee_type="user" if n == 0 else None)
    await insert_ticket(engine, created_by=jo, title="Jo's own")
    max_ = service.person("max.admin@example.com", "Max Admin")

    first = await service.say("tickets filed by cy customer", user=max_)
    shown = texts_in(first.card)
    assert "Tickets · filed by Cy Customer · not yet resolved" in shown and "1–8 of 9" in shown
    second = await service.press("tickets.page", data(first.card, "tickets.page"), user=max_)
    both = set((shown + "\n" + texts_in(second)).splitlines())
    assert {f"Cy's problem {n}" for n in range(9)} <= both and "Jo's own" not in both

    by_agent = await service.say("what tickets has Cy Customer raised",
                                 user=service.person("jo.agent@example.com", "Jo Agent"))
    seen = texts_in(by_agent.card)
    assert "Cy's problem 0" in seen and "Cy's problem 1" not in seen  # unassigned: not theirs


@pytest.mark.parametrize("said", ["any tickets from cy?", "tickets from Cy Customer",
                                  "anything from cy this week"])
async def test_tickets_from_someone_are_the_ones_they_filed(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """Found trying the bot as an agent: "any tickets from cus?" searched for the word."""
    cy = await insert_person(engine, "Cy", "Customer", role="customer")
    jo = await insert_person(engine, "Jo", "Agent")
    await insert_ticket(engine, created_by=cy, title="Badge does not open the side door")
    await insert_ticket(engine, created_by=jo, title="Cy asked about the side door")
    max_ = service.person("max.admin@example.com", "Max Admin")
    await insert_person(engine, "Max", "Admin", role="admin")

    shown = texts_in((await service.say(said, user=max_)).card)

    assert "filed by Cy Customer" in shown, shown
    assert "Badge does not open the side door" in shown and "Cy asked about" not in shown


@pytest.mark.parametrize(("said", "status", "words"), [
    ("what did we close last week?", "closed", "closed"),
    ("tickets resolved last week", "resolved", "resolved"),
    ("what did the team get done last week", None, "resolved or closed"),
])
async def test_what_was_finished_last_week_is_what_was_resolved_or_closed_in_that_week(
    service: Service, engine: AsyncEngine, said: str, status: str | None, words: str
) -> None:
    """"tickets closed last week" listed every closed ticket ("I can't filter by 'last
    week'"): TicketFlow keeps when each was resolved and closed, so the week is that week,
    Monday to Monday, on the card and its pages; nothing the asker may not see."""
    jo = await insert_person(engine, "Jo", "Agent")
    max_ = await insert_person(engine, "Max", "Admin", role="admin")
    monday = _monday(utcnow())
    last_monday = start_of_day(_day(monday) - timedelta(days=7), SENDER_ZONE)
    for state in ("resolved", "closed"):
        finished = {"resolved_at": last_monday} if state == "resolved" else {
            "closed_at": monday - timedelta(seconds=1)}
        await insert_ticket(engine, created_by=jo, title=f"Last week {state}", status=state,
                            created_at=last_monday - timedelta(days=20), **finished)
        earlier = {f"{state}_at": last_monday - timedelta(seconds=1)}
        await insert_ticket(engine, created_by=jo, title=f"Before it {state}", status=state,
                            updated_at=utcnow(), **earlier)  # touched since: still not in it
        await insert_ticket(engine, created_by=jo, title=f"This week {state}", status=state,
                            **{f"{state}_at": monday})
    await insert_ticket(engine, created_by=jo, title="Reopened since", status="open",
                        updated_at=utcnow())
    await insert_ticket(engine, created_by=max_, assignee_id=max_, title="Not for Jo",
                        status="closed", closed_at=last_monday + timedelta(days=1))

    turn = await service.say(said, user=service.person("jo.agent@example.com", "Jo Agent"))

    shown = texts_in(turn.card).splitlines()
    assert f"TicketFlow · Tickets · {words} in the week of {_day(last_monday):%a %d %b}" in shown
    titles = {f"{when} {state}" for when in ("Last week", "Before it", "This week")
              for state in ("resolved", "closed")} | {"Reopened since", "Not for Jo"}
    assert set(shown) & titles == {
        f"Last week {state}" for state in ("resolved", "closed") if status in (None, state)}
