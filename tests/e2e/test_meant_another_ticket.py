"""Another ticket meant than the one just changed ("sorry not 2, i meant 3"), over HTTP
against the database: the same change is made of the ticket meant, the first is left as
the change left it and said so, with the press that puts it back; when the change is not
known for certain the bot asks, and with none just made it only shows the ticket."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, tasks
from tests.e2e.service import Service, a_ticket, data, person_in_teams, presses


def short(number: str) -> str:
    return str(int(number.rsplit("-", 1)[1]))


async def _tickets(engine: AsyncEngine) -> dict[str, tuple[str, str | None]]:
    async with engine.connect() as connection:
        rows = (await connection.execute(
            select(tasks.c.ticket_number, tasks.c.status, tasks.c.assignee_id))).all()
    return {number: (status, holder) for number, status, holder in rows}


@pytest.mark.parametrize("typed", [
    "sorry not {wrong}, i meant {meant}",
    "oops, wrong ticket, I meant {meant}",
    "no, the other one: {meant}",
    "sry wrong one, should have been #{meant} 🙈",
])
async def test_a_ticket_meant_instead_gets_the_change_and_the_first_is_said_to_stay(
    service: Service, engine: AsyncEngine, typed: str
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, other, meant = (await a_ticket(engine, mia_id), await a_ticket(engine, mia_id),
                           await a_ticket(engine, mia_id))
    await service.say(f"close {short(first)}", user=mia)
    said = await service.say(typed.format(wrong=short(first), meant=short(meant)), user=mia)
    assert f"{meant} is now closed." in "\n".join(said.texts + [str(said.card)])
    assert said.texts[-1] == (f"{first} is still closed: say “set {first} to open” to put it "
                              "back.")
    assert await _tickets(engine) == {first: ("closed", None), other: ("open", None),
                                      meant: ("closed", None)}
    await service.say(presses(said)[f"Put {first} back"], user=mia)
    assert (await _tickets(engine))[first] == ("open", None)


async def test_an_assignment_meant_for_another_ticket_is_made_there(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, meant = await a_ticket(engine, mia_id), await a_ticket(engine, mia_id)
    await service.say(f"assign {short(first)} to me", user=mia)
    said = await service.say(f"not {short(first)}, {short(meant)}", user=mia)
    assert said.texts[-1] == (f"{first} is still with Mia Manager: say “unassign {first}” to "
                              "put it back.")
    assert await _tickets(engine) == {first: ("open", mia_id), meant: ("open", mia_id)}


async def test_a_comment_meant_for_another_ticket_is_added_there_and_said_to_stay(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, meant = await a_ticket(engine, mia_id), await a_ticket(engine, mia_id)
    await service.say(f"comment on {short(first)}: vendor comes Tuesday", user=mia)
    said = await service.say(f"oops, wrong ticket, I meant {short(meant)}", user=mia)
    assert said.texts[-1] == f"The comment stays on {first} as well: I can't take a comment back."
    async with engine.connect() as connection:
        added = (await connection.execute(
            select(tasks.c.ticket_number, task_comments.c.content)
            .join(tasks, tasks.c.id == task_comments.c.task_id))).all()
    assert sorted(added) == sorted([(first, "vendor comes Tuesday"),
                                    (meant, "vendor comes Tuesday")])


async def test_a_change_not_known_for_certain_is_asked_about_and_not_made(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, other, meant = (await a_ticket(engine, mia_id), await a_ticket(engine, mia_id),
                           await a_ticket(engine, mia_id))
    await service.say(f"close {short(first)}", user=mia)
    said = await service.say(f"sorry not {short(other)}, i meant {short(meant)}", user=mia)
    assert said.texts == [f"Do you want me to close {meant} too?"]  # it was not 2 that closed
    assert await _tickets(engine) == {first: ("closed", None), other: ("open", None),
                                      meant: ("open", None)}
    closed = await service.say(f"close {short(other)}", user=mia)
    await service.press("ticket.assign", {**data(closed.card, "ticket.assign"), "assignee": "me"},
                        user=mia)  # a button pressed since the change: which is meant is unsure
    asked = await service.say(f"i meant {short(meant)}", user=mia)
    assert asked.texts == [f"Do you want me to close {meant} too?"]
    assert (await _tickets(engine))[meant] == ("open", None)
    await service.say(presses(asked)["Yes"], user=mia)
    assert await _tickets(engine) == {first: ("closed", None), other: ("closed", mia_id),
                                      meant: ("closed", None)}


async def test_with_no_change_just_made_the_ticket_meant_is_only_shown(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, second, meant = (await a_ticket(engine, mia_id), await a_ticket(engine, mia_id),
                            await a_ticket(engine, mia_id))
    await service.say(f"show {short(first)}", user=mia)
    shown = await service.say(f"sorry not {short(first)}, i meant {short(meant)}", user=mia)
    assert meant in str(shown.card) and shown.texts == []
    await service.say(f"close {short(first)}", user=mia)
    await service.say(f"show {short(second)}", user=mia)  # a message since the change
    again = await service.say(f"oops, wrong ticket, I meant {short(meant)}", user=mia)
    assert meant in str(again.card) and again.texts == []
    assert await _tickets(engine) == {first: ("closed", None), second: ("open", None),
                                      meant: ("open", None)}


@pytest.mark.parametrize(("typed", "status"), [
    ("i meant to close {meant}", "closed"),
    ("sorry, I meant to resolve {meant} not {wrong}", "resolved"),
    ("my bad - meant to put {meant} on hold", "on_hold"),
])
async def test_i_meant_to_change_another_ticket_makes_the_change_said_of_it(
    service: Service, engine: AsyncEngine, typed: str, status: str
) -> None:
    """Before: "i meant to close 3" went to the help assistant, and 3 stayed open."""
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, meant = await a_ticket(engine, mia_id), await a_ticket(engine, mia_id)
    await service.say(f"close {short(first)}", user=mia)
    said = await service.say(typed.format(wrong=short(first), meant=short(meant)), user=mia)
    assert said.texts[-1] == (f"{first} is still closed: say “set {first} to open” to put it "
                              "back.")
    assert await _tickets(engine) == {first: ("closed", None), meant: (status, None)}


async def test_i_meant_to_with_nothing_to_correct_or_a_day_gone_by_is_asked_not_made(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, meant = await a_ticket(engine, mia_id), await a_ticket(engine, mia_id)

    asked = await service.say(f"i meant to close {short(meant)}", user=mia)  # nothing just made
    assert asked.texts == [f"Do you want me to close {meant} now?"]
    assert await _tickets(engine) == {first: ("open", None), meant: ("open", None)}

    await service.say(f"close {short(first)}", user=mia)
    told = await service.say(f"i meant to close {short(meant)} yesterday but forgot", user=mia)
    assert told.texts == [f"Do you want me to close {meant} now?"]  # no correction of the close
    assert await _tickets(engine) == {first: ("closed", None), meant: ("open", None)}

    await service.say(presses(told)["Yes"], user=mia)
    assert await _tickets(engine) == {first: ("closed", None), meant: ("closed", None)}


@pytest.mark.parametrize("undo", ["undo that", "oops, undo", "can you revert that please",
                                  "oops wrong ticket", "sorry, that was the wrong one",
                                  "i closed the wrong ticket", "closed {ticket} by mistake",
                                  "I didn't mean to close that"])
async def test_undo_right_after_a_change_offers_the_press_that_puts_it_back(
    service: Service, engine: AsyncEngine, undo: str
) -> None:
    """"undo that" right after "close 4" was only told "I can't undo a change"; it is told
    what 4 is now and offered the press that puts it back (TicketFlow keeps no undo: the
    press is a change of its own). Nothing is put back unasked."""
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first = await a_ticket(engine, mia_id)
    await service.say(f"close {short(first)}", user=mia)

    said = await service.say(undo.format(ticket=short(first)), user=mia)

    assert said.texts[-1] == (f"{first} is still closed: say “set {first} to open” to put it "
                              "back.")
    assert await _tickets(engine) == {first: ("closed", None)}
    await service.say(presses(said)[f"Put {first} back"], user=mia)
    assert await _tickets(engine) == {first: ("open", None)}


async def test_undo_after_something_else_or_of_another_ticket_says_it_cannot(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, other = await a_ticket(engine, mia_id), await a_ticket(engine, mia_id)
    await service.say(f"close {short(first)}", user=mia)
    named = await service.say(f"undo the last change on {short(other)}", user=mia)
    assert named.texts[0].startswith("I can't undo a change")
    await service.say(f"close {short(first)}", user=mia)  # already closed: nothing made
    later = await service.say("undo that", user=mia)
    assert later.texts[0].startswith("I can't undo a change")
    assert await _tickets(engine) == {first: ("closed", None), other: ("open", None)}


@pytest.mark.parametrize("undo", ["oops wrong person", "sorry, wrong team",
                                  "i gave it to the wrong person"])
async def test_wrong_person_right_after_a_hand_over_offers_the_press_that_puts_it_back(
    service: Service, engine: AsyncEngine, undo: str
) -> None:
    """"oops wrong person" right after "assign 4 to me" went to the help assistant (or, with
    the ticket in view, was offered as a comment on it)."""
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first = await a_ticket(engine, mia_id)
    await service.say(f"assign {short(first)} to me", user=mia)

    said = await service.say(undo, user=mia)

    assert said.texts[-1] == (f"{first} is still with Mia Manager: say “unassign {first}” to "
                              "put it back.")
    assert await _tickets(engine) == {first: ("open", mia_id)}
    await service.say(presses(said)[f"Put {first} back"], user=mia)
    assert await _tickets(engine) == {first: ("open", None)}


@pytest.mark.parametrize("typed", ["and {meant} too", "same for {meant} pls", "{meant} as well"])
async def test_another_ticket_said_with_too_gets_the_same_change_and_the_first_stands(
    service: Service, engine: AsyncEngine, typed: str
) -> None:
    """Found trying the bot as an agent: "and the vpn one too" after "i'll take the monitor
    one" showed the VPN ticket, and it was not taken."""
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, other, meant = (await a_ticket(engine, mia_id), await a_ticket(engine, mia_id),
                           await a_ticket(engine, mia_id))
    await service.say(f"assign {short(first)} to me", user=mia)

    said = await service.say(typed.format(meant=short(meant)), user=mia)

    assert f"Assigned to Mia Manager." in "\n".join(said.texts + [str(said.card)])
    assert not any("put it back" in text for text in said.texts), said.texts
    assert await _tickets(engine) == {first: ("open", mia_id), other: ("open", None),
                                      meant: ("open", mia_id)}


async def test_too_with_no_change_just_made_shows_the_ticket_and_after_a_press_asks(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, other, meant = (await a_ticket(engine, mia_id), await a_ticket(engine, mia_id),
                           await a_ticket(engine, mia_id))
    shown = await service.say(f"and {short(meant)} too", user=mia)
    assert meant in str(shown.card) and shown.texts == []

    await service.say(f"close {short(first)}", user=mia)
    closed = await service.say(f"close {short(other)}", user=mia)
    await service.press("ticket.assign", {**data(closed.card, "ticket.assign"), "assignee": "me"},
                        user=mia)  # a button pressed since: which change is meant is unsure
    asked = await service.say(f"same for {short(meant)}", user=mia)
    assert asked.texts == [f"Do you want me to close {meant} too?"]
    assert (await _tickets(engine))[meant] == ("open", None)


@pytest.mark.parametrize("typed", ["and {meant} too?", "same for {meant}?", "{meant} as well?!"])
async def test_another_ticket_asked_about_with_too_is_asked_and_made_only_on_yes(
    service: Service, engine: AsyncEngine, typed: str
) -> None:
    """"and 4 too?" just after a change made it of 4 unasked: the question mark went unread."""
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, meant = await a_ticket(engine, mia_id), await a_ticket(engine, mia_id)
    await service.say(f"close {short(first)}", user=mia)

    asked = await service.say(typed.format(meant=short(meant)), user=mia)

    assert asked.texts == [f"Do you want me to close {meant} too?"]
    assert (await _tickets(engine))[meant] == ("open", None)
    await service.say(presses(asked)["Yes"], user=mia)
    assert await _tickets(engine) == {first: ("closed", None), meant: ("closed", None)}
