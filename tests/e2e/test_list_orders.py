"""Lists in the order people ask for, over HTTP: "the oldest open tickets", "by due date",
"top 3 most urgent"; "all tickets" in every status; the next page keeps the order.
Before, every list was newest-updated first and the order words were searched for."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.clock import utcnow
from tests.e2e.service import Service, data, person_in_teams, texts_in
from tests.e2e.teams_doubles.activities import TeamsUser, senders_today
from tests.integration.builders import insert_ticket

PRIORITIES = ("low", "urgent", "medium", "high")
UPDATED_DAYS_AGO = (3, 9, 1, 7, 0, 5, 10, 2, 8, 4)
"""How long ago each open case was updated, the first filed first: no order follows another."""
DUE_IN_DAYS = (None, 6, 2, None, 9, 2, 4, None, 1, 7)
SEVERITIES = ("major", None, "minor", "critical", "normal", "major", "minor", "critical", None,
              "normal")


def case(index: int) -> str:
    return f"Case {index:02d}"


OPEN = [case(i) for i in range(10)]  # filed in this order, a day apart


@pytest.fixture
async def max_(service: Service, engine: AsyncEngine) -> TeamsUser:
    admin, max_ = await person_in_teams(service, engine, "Max", "Admin", role="admin")
    now = utcnow()
    today = datetime.combine(senders_today(), time())
    await insert_ticket(engine, created_by=admin, title="Closed long ago", status="closed",
                        created_at=now - timedelta(days=40), updated_at=now - timedelta(days=30),
                        priority="urgent")
    for index, title in enumerate(OPEN):
        due = DUE_IN_DAYS[index]
        await insert_ticket(
            engine, created_by=admin, title=title, priority=PRIORITIES[index % 4],
            created_at=now - timedelta(days=20 - index),
            updated_at=now - timedelta(days=UPDATED_DAYS_AGO[index], hours=1),
            due_date=today + timedelta(days=due) if due is not None else None,
            severity=SEVERITIES[index])
    return max_


def shown(card: dict[str, object]) -> list[str]:
    """The cases on the card, top to bottom."""
    text = texts_in(card)
    return sorted((t for t in [*OPEN, "Closed long ago"] if t in text), key=text.index)


def by_priority() -> list[str]:
    rank = {"urgent": 0, "high": 1, "medium": 2, "low": 3}
    return sorted(OPEN, key=lambda t: (rank[PRIORITIES[OPEN.index(t) % 4]], OPEN.index(t)))


def by_severity() -> list[str]:
    """Critical to minor, none last; the most urgent, then the first filed, within one."""
    rank = {"critical": 0, "major": 1, "normal": 2, "minor": 3, None: 4}
    urgency = {"urgent": 0, "high": 1, "medium": 2, "low": 3}
    return sorted(OPEN, key=lambda t: (rank[SEVERITIES[OPEN.index(t)]],
                                       urgency[PRIORITIES[OPEN.index(t) % 4]], OPEN.index(t)))


def by_due() -> list[str]:
    def due(title: str) -> tuple[bool, int, int]:
        days = DUE_IN_DAYS[OPEN.index(title)]
        return days is None, days or 0, OPEN.index(title)
    return sorted(OPEN, key=due)


async def test_the_oldest_open_tickets_come_oldest_first_and_the_next_page_goes_on(
    service: Service, max_: TeamsUser
) -> None:
    first = await service.say("show me the oldest open tickets", user=max_)
    assert "TicketFlow · Tickets · open · oldest first" in texts_in(first.card)
    assert "1–8 of 10" in texts_in(first.card)
    assert shown(first.card) == OPEN[:8]
    typed = await service.say("more", user=max_)
    assert shown(typed.card) == OPEN[8:]
    pressed = await service.press("tickets.page", data(first.card, "tickets.page"), user=max_)
    assert shown(pressed) == OPEN[8:] and "oldest first" in texts_in(pressed)


@pytest.mark.parametrize(("said", "expected", "header"), [
    ("tickets by due date", by_due(), "due soonest first"),
    ("whats due soonest?", by_due(), "due soonest first"),
    ("most urgent tickets pls", by_priority(), "most urgent first"),
    ("tickets by priority", by_priority(), "most urgent first"),
    ("morning! what needs attention today", by_priority(), "most urgent first"),
    ("anything on fire?", by_priority(), "most urgent first"),
    ("sort by severity", by_severity(), "most severe first"),
    ("most severe first pls", by_severity(), "most severe first"),
    ("newest tickets first", OPEN[::-1], "newest first"),
    ("tickets sorted by date desc", OPEN[::-1], "newest first"),
    ("pls show tickets from old to new", OPEN, "oldest first"),
    ("stale tickets", sorted(OPEN, key=lambda t: -UPDATED_DAYS_AGO[OPEN.index(t)]),
     "least recently updated first"),
    ("tickets", sorted(OPEN, key=lambda t: UPDATED_DAYS_AGO[OPEN.index(t)]), "not yet resolved"),
])
async def test_each_order_said_lists_the_tickets_in_it(
    service: Service, max_: TeamsUser, said: str, expected: list[str], header: str
) -> None:
    first = await service.say(said, user=max_)
    following = await service.say("next", user=max_)
    assert shown(first.card) + shown(following.card) == expected, said
    assert header in texts_in(first.card) and header in texts_in(following.card), said


async def test_top_three_most_urgent_lists_three(service: Service, max_: TeamsUser) -> None:
    turn = await service.say("top 3 most urgent tickets", user=max_)
    assert shown(turn.card) == by_priority()[:3]
    assert "1–3 of 3" in texts_in(turn.card)
    assert "top 3, most urgent first" in texts_in(turn.card)
    assert (await service.say("more", user=max_)).texts == ["That's the whole list: 3 tickets."]
    for said, expected in (("5 oldest tickets", OPEN[:5]), ("last 2 tickets", OPEN[:-3:-1])):
        turn = await service.say(said, user=max_)
        assert shown(turn.card) == expected, said


async def test_all_tickets_lists_every_status_and_tickets_alone_the_ones_not_resolved(
    service: Service, max_: TeamsUser
) -> None:
    usual = await service.say("tickets", user=max_)
    assert "1–8 of 10" in texts_in(usual.card)
    for said in ("all tickets", "open or closed tickets", "tickets in any status",
                 "oldest tickets including closed ones"):
        every = await service.say(said, user=max_)
        assert "of 11" in texts_in(every.card) and "every status" in texts_in(every.card), said
    oldest = await service.say("all tickets, oldest first", user=max_)
    assert shown(oldest.card) == ["Closed long ago", *OPEN[:7]]


async def test_an_order_word_that_is_the_topic_is_searched_for(
    service: Service, max_: TeamsUser
) -> None:
    for said in ("tickets mentioning latest firmware", "latest firmware tickets"):
        turn = await service.say(said, user=max_)
        assert "matching “latest firmware”" in texts_in(turn.card), said
        assert "I can't filter by" not in texts_in(turn.card), said
