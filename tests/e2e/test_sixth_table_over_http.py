"""Over HTTP, what the sixth held-out table found: a reminder asked for is told what does
remind people, changes nothing, and offers the day said as a due date (pressed twice, set
once); "who closed 90?" opens the ticket's history; "high priority?" about the ticket shown
shows it and changes nothing; "who's overloaded?" counts open tickets per person, of those
the asker may see."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_history
from tests.e2e.service import Service, presses, stored_ticket, texts_in, user_id_of, user_in_teams
from tests.integration.builders import insert_team, insert_ticket, insert_user, this_years


async def _due_changes(engine: AsyncEngine, ticket: int) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(
            select(func.count()).select_from(task_history).where(
                task_history.c.task_id == ticket, task_history.c.field == "due_date"))).scalar_one())


async def test_a_reminder_asked_for_is_told_plainly_and_its_day_offered_as_a_due_date(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(91))

    turn = await service.say("remind me about 91 tomorrow", user=max_)
    assert len(turn.texts) == 1 and turn.texts[0].startswith("I can't set reminders.")
    assert this_years(91) in turn.texts[0] and not turn.cards  # no wall of help
    assert (await stored_ticket(engine, ticket))["due_date"] is None  # told, nothing changed

    [(label, press)] = presses(turn).items()
    assert label.startswith("Make it due ")
    await service.say(press, user=max_)
    await service.say(press, user=max_)  # pressed again: due that day already
    assert (await stored_ticket(engine, ticket))["due_date"] is not None
    assert await _due_changes(engine, ticket) == 1

    asked = await service.say("can you ping me when 91 is fixed", user=max_)
    assert asked.texts[0].startswith("I can't set reminders.") and not presses(asked)
    assert (await stored_ticket(engine, ticket))["status"] == "open"  # never a condition read


async def test_a_requester_asking_for_a_reminder_is_offered_no_due_date_they_cannot_set(
    service: Service, engine: AsyncEngine
) -> None:
    cleo = await user_in_teams(service, engine, "cleo@example.com", "Cleo Customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cleo@example.com"),
                                 number=this_years(93))

    turn = await service.say("remind me about 93 tomorrow", user=cleo)

    assert len(turn.texts) == 1 and turn.texts[0].startswith("I can't set reminders.")
    assert not presses(turn)  # a requester edits only the title and description
    assert "once it is due within a day" in turn.texts[0]  # a whole day: reminded on it
    assert (await stored_ticket(engine, ticket))["due_date"] is None


def _visible_history(element: Any) -> list[str]:
    """The lines of the card's history container when it is drawn open."""
    if isinstance(element, list):
        return [line for item in element for line in _visible_history(item)]
    if not isinstance(element, dict):
        return []
    if str(element.get("id", "")).startswith("history-") and element.get("isVisible"):
        return [item["text"] for item in element["items"]]
    return [line for value in element.values() for line in _visible_history(value)]


async def test_who_closed_a_ticket_opens_its_history_and_a_priority_asked_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(92))
    await service.say("close 92", user=max_)

    turn = await service.say("who closed 92?", user=max_)
    [card] = turn.cards
    assert any("status: open → closed" in line for line in _visible_history(card)), texts_in(card)

    await service.say("priority high?", user=max_)
    assert (await stored_ticket(engine, ticket))["priority"] == "medium"


async def test_a_manager_asking_whos_overloaded_gets_open_counts_of_their_teams_people_only(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ids = {email: await insert_user(engine, email=email, name=name) for email, name in (
        ("sam@example.com", "Sam Rivera"), ("lee@example.com", "Lee Park"),
        ("otto@example.com", "Otto Outside"))}
    max_id = await user_id_of(engine, "max@example.com")
    await insert_team(engine, "Network", max_id, ids["sam@example.com"], ids["lee@example.com"])
    admin = await insert_user(engine, role="admin")
    for holder, status in (("sam@example.com", "open"), ("sam@example.com", "in_progress"),
                           ("sam@example.com", "resolved"), ("lee@example.com", "on_hold"),
                           ("otto@example.com", "open")):
        await insert_ticket(engine, created_by=admin, assignee_id=ids[holder], status=status)

    turn = await service.say("who's overloaded?", user=max_)
    assert turn.texts == ["Open tickets you can see, by who holds them:\n"
                          "- Sam Rivera: 2\n- Lee Park: 1"]  # not Otto: no team shared
    sams = presses(turn)["Sam Rivera"]
    listed = await service.say(sams, user=max_)
    assert "Sam Rivera" in "\n".join(texts_in(card) for card in listed.cards)


async def test_a_ticket_said_first_then_closing_closes_it_once(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    max_id = await user_id_of(engine, "max@example.com")
    first = await insert_ticket(engine, created_by=max_id, number=this_years(93))
    second = await insert_ticket(engine, created_by=max_id, number=this_years(94))

    await service.say("93 not fixed yet, closing", user=max_)
    assert (await stored_ticket(engine, first))["status"] == "open"  # denied: nothing changes
    await service.say("93 lgtm, closing", user=max_)
    await service.say("93 and 94 are duplicates, close both", user=max_)
    await service.say("93 and 94 are duplicates, close both", user=max_)  # resent: closed once
    assert [(await stored_ticket(engine, t))["status"] for t in (first, second)] == ["closed"] * 2


async def test_a_status_dictated_with_its_reason_sets_it_and_adds_the_reason_once(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(95))

    said = "put ticket 95 on hold were waiting for the vendor"
    await service.say(said, user=max_)
    await service.say(said, user=max_)  # said again: on hold already, the reason added once
    stored = await stored_ticket(engine, ticket, "status", "comments")
    assert stored == {"status": "on_hold", "comments": ["were waiting for the vendor"]}


async def test_the_last_one_with_no_list_shown_is_asked_about_and_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(96))
    await service.say("show 96", user=max_)  # a card, no list

    turn = await service.say("the last one, make it low", user=max_)
    shown = "\n".join(turn.texts + [texts_in(card) for card in turn.cards])
    assert "priority → low?" in shown  # their one open ticket is proposed, to confirm
    assert (await stored_ticket(engine, ticket))["priority"] == "medium"  # not guessed
