"""A question about one fact of a ticket is answered in one sentence, from the asker's side,
with only what their card shows them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from bot.actions.answers import answered
from bot.cards.views import Tone
from bot.understanding.requests import Asked, Fact
from domain.access import Viewer, available_actions
from domain.people import Role, User
from domain.services.overview import TicketOverview
from domain.tickets import AssigneeType, Category, Priority, Severity, Ticket, TicketStatus

NOW = datetime(2026, 12, 6, 10, 30)
TODAY = date(2026, 12, 6)
ANN = Viewer(User("u-ann", "ann@example.com", "Ann", "Admin", role=Role.ADMIN))
SAM = Viewer(User("u-sam", "sam@example.com", "Sam", "Agent", role=Role.USER))
CY = Viewer(User("u-cy", "cy@example.com", "Cy", "Customer", role=Role.CUSTOMER))
TICKET = Ticket(
    id=2, ticket_number="TKT-2026-0002", title="VPN drops", category=Category.INCIDENT,
    created_by=CY.id, created_at=datetime(2026, 12, 1, 9, 0),
    updated_at=datetime(2026, 12, 5, 16, 4),
    priority=Priority.HIGH, assignee_type=AssigneeType.USER, assignee_id=SAM.id,
)
NAMES = {SAM.id: "Sam Agent", CY.id: "Cy Customer"}


def seen_by(viewer: Viewer, **changes: object) -> TicketOverview:
    ticket = replace(TICKET, **changes)  # type: ignore[arg-type]
    assignee = ticket.assignee
    label = (None if assignee is None else "Team Network" if assignee.kind is AssigneeType.TEAM
             else NAMES[assignee.user_id or ""])
    return TicketOverview(ticket=ticket, viewer=viewer,
                          actions=available_actions(viewer, ticket),
                          requester=NAMES[ticket.created_by], assignee=label)


def said(asked: Asked, overview: TicketOverview) -> str:
    notice = answered(asked, overview, now=NOW, today=TODAY)
    assert notice.tone is Tone.DEFAULT  # an answer, not a change made
    return notice.text


ASSIGNEE = Asked(Fact.ASSIGNEE)
ANYONE = Asked(Fact.ASSIGNEE, yes_no=True)


@pytest.mark.parametrize(("asked", "viewer", "changes", "expected"), [
    (ASSIGNEE, ANN, {}, "Sam Agent has TKT-2026-0002."),
    (ASSIGNEE, SAM, {}, "You have TKT-2026-0002."),
    (ASSIGNEE, CY, {}, "Sam Agent has TKT-2026-0002."),  # as the customer's card shows it
    (ASSIGNEE, ANN, {"assignee_id": None}, "Nobody has TKT-2026-0002 yet."),
    (ASSIGNEE, ANN, {"assignee_id": None, "status": TicketStatus.CLOSED},
     "Nobody had TKT-2026-0002."),
    (ASSIGNEE, ANN, {"assignee_type": AssigneeType.TEAM, "assignee_team_id": 3},
     "TKT-2026-0002 is in the queue of Team Network; no one person has it yet."),
    (ASSIGNEE, ANN, {"assignee_type": AssigneeType.TEAM, "assignee_team_id": None},
     "Nobody has TKT-2026-0002 yet."),  # a stale user id on a team ticket grants nothing
    (ANYONE, ANN, {}, "Yes, Sam Agent has TKT-2026-0002."),
    (ANYONE, SAM, {}, "Yes, you have TKT-2026-0002."),
    (ANYONE, ANN, {"assignee_id": None}, "No, nobody has TKT-2026-0002 yet."),
])
def test_who_has_it_is_answered_by_name_or_as_you(
    asked: Asked, viewer: Viewer, changes: dict[str, object], expected: str
) -> None:
    assert said(asked, seen_by(viewer, **changes)) == expected


STATUS = Asked(Fact.STATUS)
DONE = Asked(Fact.STATUS, yes_no=True, values=frozenset({"resolved", "closed"}))
CLOSED = Asked(Fact.STATUS, yes_no=True, values=frozenset({"closed"}))
STILL_OPEN = Asked(Fact.STATUS, yes_no=True,
                   values=frozenset({"open", "in_progress", "on_hold"}))


@pytest.mark.parametrize(("asked", "viewer", "changes", "expected"), [
    (STATUS, ANN, {"assignee_id": None},
     "TKT-2026-0002 is still open — nobody has picked it up yet."),
    (STATUS, ANN, {}, "TKT-2026-0002 is open with Sam Agent, not started yet."),
    (STATUS, ANN, {"status": TicketStatus.IN_PROGRESS},
     "TKT-2026-0002 is in progress with Sam Agent."),
    (STATUS, SAM, {"status": TicketStatus.IN_PROGRESS}, "TKT-2026-0002 is in progress with you."),
    (STATUS, ANN, {"status": TicketStatus.ON_HOLD, "assignee_id": None},
     "TKT-2026-0002 is on hold."),
    (STATUS, CY, {"status": TicketStatus.RESOLVED, "resolved_at": datetime(2026, 12, 3, 8)},
     "TKT-2026-0002 was resolved on 3 Dec."),
    (STATUS, ANN, {"status": TicketStatus.CLOSED, "closed_at": None}, "TKT-2026-0002 is closed."),
    (STATUS, ANN, {"status": TicketStatus.CLOSED, "closed_at": datetime(2025, 12, 30, 8)},
     "TKT-2026-0002 was closed on 30 Dec 2025."),
    (CLOSED, ANN, {"status": TicketStatus.CLOSED, "closed_at": datetime(2026, 12, 3, 8)},
     "Yes, TKT-2026-0002 was closed on 3 Dec."),
    (CLOSED, ANN, {"status": TicketStatus.RESOLVED, "resolved_at": datetime(2026, 12, 3, 8)},
     "No, TKT-2026-0002 was resolved on 3 Dec."),
    (DONE, ANN, {"status": TicketStatus.RESOLVED, "resolved_at": datetime(2026, 12, 3, 8)},
     "Yes, TKT-2026-0002 was resolved on 3 Dec."),
    (DONE, ANN, {"assignee_id": None},
     "No, TKT-2026-0002 is still open — nobody has picked it up yet."),
    (STILL_OPEN, ANN, {"status": TicketStatus.ON_HOLD},
     "Yes, TKT-2026-0002 is on hold with Sam Agent."),
])
def test_the_status_is_said_with_who_has_it_and_when_it_was_finished(
    asked: Asked, viewer: Viewer, changes: dict[str, object], expected: str
) -> None:
    assert said(asked, seen_by(viewer, **changes)) == expected


DUE = Asked(Fact.DUE)
OVERDUE = Asked(Fact.DUE, yes_no=True)


@pytest.mark.parametrize(("asked", "changes", "expected"), [
    (DUE, {}, "TKT-2026-0002 has no due date."),
    (DUE, {"due_date": datetime(2026, 12, 9)}, "TKT-2026-0002 is due on 9 Dec (in 3 d)."),
    (DUE, {"due_date": datetime(2026, 12, 6)}, "TKT-2026-0002 is due on 6 Dec (today)."),
    (DUE, {"due_date": datetime(2026, 12, 4)},
     "TKT-2026-0002 was due on 4 Dec: it is overdue by 2 d."),
    (DUE, {"due_date": datetime(2026, 12, 4), "status": TicketStatus.RESOLVED,
           "resolved_at": datetime(2026, 12, 3, 8)},
     "TKT-2026-0002 was resolved on 3 Dec; it was due on 4 Dec."),
    (OVERDUE, {"due_date": datetime(2026, 12, 4)},
     "Yes, TKT-2026-0002 was due on 4 Dec: it is overdue by 2 d."),
    (OVERDUE, {"due_date": datetime(2027, 1, 9)},
     "No, TKT-2026-0002 is due on 9 Jan 2027 (in 34 d)."),
    (OVERDUE, {}, "No, TKT-2026-0002 has no due date."),
])
def test_the_due_date_is_said_with_how_far_it_is(
    asked: Asked, changes: dict[str, object], expected: str
) -> None:
    assert said(asked, seen_by(ANN, **changes)) == expected


@pytest.mark.parametrize(("asked", "viewer", "changes", "expected"), [
    (Asked(Fact.PRIORITY), ANN, {}, "TKT-2026-0002 is high priority."),
    (Asked(Fact.PRIORITY, yes_no=True, values=frozenset({"urgent"})), CY, {},
     "No, TKT-2026-0002 is high priority."),
    (Asked(Fact.PRIORITY, yes_no=True, values=frozenset({"high"})), ANN, {},
     "Yes, TKT-2026-0002 is high priority."),
    (Asked(Fact.SEVERITY), ANN, {"severity": Severity.MAJOR},
     "TKT-2026-0002's severity is Major."),
    (Asked(Fact.SEVERITY), ANN, {"severity": None}, "TKT-2026-0002 has no severity set."),
    (Asked(Fact.SEVERITY, yes_no=True, values=frozenset({"critical"})), ANN, {"severity": None},
     "No, TKT-2026-0002 has no severity set."),
    (Asked(Fact.CATEGORY), ANN, {}, "TKT-2026-0002's category is Incident."),
    (Asked(Fact.CATEGORY, yes_no=True, values=frozenset({"bug"})), ANN, {},
     "No, TKT-2026-0002's category is Incident."),
    (Asked(Fact.REQUESTER), ANN, {}, "Cy Customer raised TKT-2026-0002 on 1 Dec."),
    (Asked(Fact.REQUESTER), CY, {}, "You raised TKT-2026-0002 on 1 Dec."),
    (Asked(Fact.UPDATED), SAM, {}, "TKT-2026-0002 was last updated on 5 Dec at 16:04 UTC."),
])
def test_every_other_fact_is_said_as_the_card_shows_it(
    asked: Asked, viewer: Viewer, changes: dict[str, object], expected: str
) -> None:
    assert said(asked, seen_by(viewer, **changes)) == expected


@pytest.mark.parametrize(("asked", "changes", "expected"), [
    (ASSIGNEE, {}, "Sam Agent has TKT-2026-0002."),
    (STATUS, {"status": TicketStatus.IN_PROGRESS}, "TKT-2026-0002 is in progress with Sam Agent."),
    (Asked(Fact.REQUESTER), {"created_by": SAM.id}, "Sam Agent raised TKT-2026-0002 on 1 Dec."),
])
def test_a_card_everyone_in_a_channel_reads_names_people_not_you(
    asked: Asked, changes: dict[str, object], expected: str
) -> None:
    overview = seen_by(SAM, **changes)
    assert answered(asked, overview, now=NOW, today=TODAY, shared=True).text == expected
