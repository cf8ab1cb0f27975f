"""How things stand: tickets filed and finished in a period and open now, counted under the
access rule (`domain.services.overview.standing`), with the lists behind the counts as
buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from bot.actions.phrasing import phrase
from bot.actions.reply import Option, Reply
from bot.context import BotDependencies
from bot.listing import utc_midnight
from bot.sender_day import sender_midnight
from bot.understanding.context import Conversation
from bot.understanding.requests import ListTickets, Nobody, StatsPeriod
from domain.access import Viewer
from domain.clock import utcnow
from domain.people import Role
from domain.services.overview import standing
from domain.tickets import DueWindow, Priority


def period_bounds(
    period: StatsPeriod, today: date, midnight: Callable[[date], datetime] = utc_midnight,
) -> tuple[datetime, datetime | None, str]:
    """From when until when (None: now), as tickets are stored (naive UTC), and its name:
    days as the asker lives them, `midnight` saying when one begins for them."""
    monday = today - timedelta(days=today.weekday())
    match period:
        case StatsPeriod.TODAY:
            return midnight(today), None, "Today so far"
        case StatsPeriod.THIS_WEEK:
            return midnight(monday), None, f"This week so far (since {_day(monday)})"
        case StatsPeriod.LAST_WEEK:
            start = monday - timedelta(weeks=1)
            return (midnight(start), midnight(monday),
                    f"Last week ({_day(start)} to {_day(monday - timedelta(days=1))})")
        case StatsPeriod.THIS_MONTH:
            first = today.replace(day=1)
            return midnight(first), None, f"This month so far (since {_day(first)})"


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


async def stats_reply(
    deps: BotDependencies, viewer: Viewer, period: StatsPeriod, conversation: Conversation
) -> Reply:
    start, end, named = period_bounds(period, conversation.today, sender_midnight)
    counts = await standing(uow=deps.uow().reading(), actor=viewer, start=start, end=end,
                            now=utcnow())
    whose = "you filed" if viewer.role is Role.CUSTOMER else "you can see"
    lines = [
        f"{named}, of the tickets {whose}:",
        f"- Filed: {counts.filed}",
        f"- Resolved or closed: {counts.finished}",
        f"- Open now: {counts.still_open}" + (
            f" ({counts.urgent} urgent, {counts.overdue} overdue, {counts.unassigned} with nobody)"
            if counts.still_open else ""),
    ]
    behind = (
        ("Urgent tickets", counts.urgent, ListTickets(priority=Priority.URGENT)),
        ("Overdue tickets", counts.overdue, ListTickets(due_window=DueWindow.OVERDUE)),
        ("Unassigned tickets", counts.unassigned, ListTickets(assignee=Nobody())),
    )
    return Reply(text="\n".join(lines), options=tuple(
        Option(title, phrase(listed, conversation)) for title, count, listed in behind if count))
