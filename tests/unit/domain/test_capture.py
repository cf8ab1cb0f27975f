"""Captured rows become the events our own use cases publish, with old and new values."""

from __future__ import annotations

from datetime import datetime

from domain.capture import CapturedChange, ChangeKind, assignee_of, events_of
from domain.events import UNKNOWN_ACTOR, EventType
from domain.tickets import Assignee, Category, Comment, FieldChange, Ticket

AT = datetime(2026, 3, 1, 9, 30)
TICKET = Ticket(
    id=7,
    ticket_number="TKT-2026-0007",
    title="Printer jams",
    category=Category.BUG,
    created_by="requester",
    created_at=AT,
    updated_at=AT,
)
BEFORE = {
    "status": "open",
    "priority": "medium",
    "assignee_type": "user",
    "assignee_id": None,
    "assignee_team_id": None,
    "title": "Printer jams",
    "due_date": None,
    "tags": ["printer"],
}


def updated(actor: str | None = "agent", **after: object) -> CapturedChange:
    return CapturedChange(
        id=1,
        ticket_id=TICKET.id,
        kind=ChangeKind.UPDATED,
        captured_at=AT,
        actor_id=actor,
        old=BEFORE,
        new={**BEFORE, **after},
    )


def test_a_status_change_reads_old_and_new_status() -> None:
    [event] = events_of(updated(status="in_progress"), ticket=TICKET)

    assert event.type is EventType.STATUS_CHANGED
    assert event.changes == (FieldChange("status", "open", "in_progress"),)
    assert (event.actor_id, event.occurred_at, event.ticket) == ("agent", AT, TICKET)


def test_a_change_without_a_history_row_has_the_unknown_actor() -> None:
    [event] = events_of(updated(actor=None, priority="high"), ticket=TICKET)

    assert event.actor_id == UNKNOWN_ACTOR
    assert event.changes == (FieldChange("priority", "medium", "high"),)


def test_queueing_to_a_team_is_an_assignment_from_the_previous_assignee() -> None:
    change = CapturedChange(
        id=1,
        ticket_id=7,
        kind=ChangeKind.UPDATED,
        captured_at=AT,
        old={**BEFORE, "assignee_id": "dana"},
        new={**BEFORE, "assignee_id": "dana", "assignee_type": "team", "assignee_team_id": 4},
    )

    [event] = events_of(change, ticket=TICKET)

    assert event.type is EventType.ASSIGNED
    assert event.changes == (FieldChange("assignee", "dana", "team:4"),)
    assert event.previous_assignee == Assignee.user("dana")


def test_a_stale_assignee_column_is_no_assignment() -> None:
    assert assignee_of({"assignee_type": "team", "assignee_id": "dana"}) is None
    assert assignee_of({"assignee_type": "user", "assignee_team_id": 3}) is None


def test_several_fields_at_once_are_one_event_per_kind_of_change() -> None:
    events = events_of(
        updated(status="resolved", assignee_id="dana", title="Printer fixed", tags=["a", "b"]),
        ticket=TICKET,
    )

    assert [(e.type, e.changes) for e in events] == [
        (EventType.STATUS_CHANGED, (FieldChange("status", "open", "resolved"),)),
        (EventType.ASSIGNED, (FieldChange("assignee", None, "dana"),)),
        (
            EventType.UPDATED,
            (
                FieldChange("title", "Printer jams", "Printer fixed"),
                FieldChange("tags", "printer", "a, b"),
            ),
        ),
    ]


def test_due_dates_from_either_database_read_as_iso_timestamps() -> None:
    [sqlite] = events_of(updated(due_date="2026-03-02 17:00:00.000000"), ticket=TICKET)
    [postgresql] = events_of(updated(due_date="2026-03-02T17:00:00"), ticket=TICKET)

    assert sqlite.changes == postgresql.changes == (
        FieldChange("due_date", None, "2026-03-02T17:00:00"),
    )


def test_a_captured_update_with_nothing_different_is_no_event() -> None:
    assert events_of(updated(), ticket=TICKET) == []


def test_a_new_ticket_without_a_history_row_comes_from_its_requester() -> None:
    change = CapturedChange(id=1, ticket_id=7, kind=ChangeKind.CREATED, captured_at=AT)

    [event] = events_of(change, ticket=TICKET)

    assert (event.type, event.actor_id) == (EventType.CREATED, "requester")


def test_a_comment_is_told_by_its_author_and_a_deleted_one_is_not_told() -> None:
    change = CapturedChange(
        id=1, ticket_id=7, kind=ChangeKind.COMMENTED, captured_at=AT, comment_id=3
    )
    comment = Comment(id=3, task_id=7, user_id="dana", content="Fixed", created_at=AT)

    [event] = events_of(change, ticket=TICKET, comment=comment)

    assert (event.type, event.actor_id, event.comment) == (EventType.COMMENTED, "dana", comment)
    assert events_of(change, ticket=TICKET, comment=None) == []
