"""Ticket use cases: each change writes its task_history rows and publishes its event in
the same unit of work — and a failed one writes and publishes nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
import time_machine

from domain.errors import (
    InvalidTransition,
    InvalidValue,
    NotAllowed,
    StaleTicket,
    TeamNotFound,
    TicketNotFound,
    UserNotFound,
)
from domain.access import Viewer
from domain.events import EventType
from domain.people import Role, User
from domain.services.queries import get_ticket
from domain.services.tickets import (
    REPEATED_PRESS,
    Version,
    assignment_refusal_when_filing,
    comment_on_ticket,
    create_ticket,
    parse_assignee,
    update_ticket,
)
from domain.tickets import (
    Assignee,
    AssigneeType,
    Category,
    FieldChange,
    HistoryAction,
    Priority,
    Severity,
    TicketStatus,
)
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase
from tests.actors import as_actor

A = HistoryAction


Row = tuple[str, str, str | None, str | None, str | None]


def _rows(db: FakeDatabase, ticket_id: int) -> list[Row]:
    """(user, action, field, old, new) of each task_history row, oldest first."""
    return [(e.user_id, e.action.value, e.field, e.old_value, e.new_value)
            for e in db.history(ticket_id)]


async def test_creating_a_ticket_numbers_it_records_it_and_announces_it(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = await create_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.customer.id), title="  VPN   drops ",
        category="Incident", description="Every hour", priority="HIGH", severity="major",
        due_date="2026-12-31", tags="vpn, remote", estimated_hours="4",
    )
    assert ticket.ticket_number == f"TKT-{ticket.created_at.year}-0001"
    assert db.ticket(ticket.id) == ticket
    assert (ticket.title, ticket.category, ticket.priority, ticket.severity) == (
        "VPN drops", Category.INCIDENT, Priority.HIGH, Severity.MAJOR)
    assert (ticket.status, ticket.created_by, ticket.tags, ticket.estimated_hours) == (
        TicketStatus.OPEN, org.customer.id, ("vpn", "remote"), 4)
    assert ticket.due_date == datetime(2026, 12, 31)
    assert ticket.assignee is None
    assert _rows(db, ticket.id) == [(org.customer.id, "created", None, None, ticket.ticket_number)]
    [event] = db.events
    assert (event.type, event.ticket, event.actor_id) == (
        EventType.CREATED, ticket, org.customer.id)


async def test_the_next_ticket_takes_the_next_number(db: FakeDatabase, org: Organisation) -> None:
    first = await create_ticket(uow=db.unit_of_work(), actor=as_actor(org.agent.id), title="One",
                                category="bug")
    second = await create_ticket(uow=db.unit_of_work(), actor=as_actor(org.agent.id), title="Two",
                                 category="bug")
    assert first.ticket_number.endswith("-0001")
    assert second.ticket_number == first.ticket_number[:-4] + "0002"


async def test_a_ticket_takes_the_default_priority_and_severity(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = await create_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id), title="Jam",
                                 category="support", priority=None, severity="")
    assert (ticket.priority, ticket.severity) == (Priority.MEDIUM, None)


@pytest.mark.parametrize("who", ["nobody", "inactive"])
async def test_only_an_active_ticketflow_user_can_file_a_ticket(db: FakeDatabase, who: str) -> None:
    actor = "nobody" if who == "nobody" else db.seed_user(active=False).id
    await db.refuses(NotAllowed, lambda: create_ticket(
        uow=db.unit_of_work(), actor=as_actor(actor), title="Jam", category="support"))


async def _viewer(db: FakeDatabase, user_id: str) -> Viewer:
    async with db.unit_of_work() as uow:
        viewer = await uow.users.viewer(user_id)
    assert viewer is not None
    return viewer


async def test_a_ticket_filed_for_a_team_is_queued_there_with_one_event_and_its_history(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = await create_ticket(uow=db.unit_of_work(), actor=as_actor(org.agent.id),
                                 title="Switch in room 4 is down", category="incident",
                                 assignee=Assignee.team(org.support.id))
    assert db.ticket(ticket.id) == ticket
    assert (ticket.assignee_type, ticket.assignee_team_id, ticket.assignee_id) == (
        AssigneeType.TEAM, org.support.id, None)
    assert _rows(db, ticket.id) == [
        (org.agent.id, "created", None, None, ticket.ticket_number),
        (org.agent.id, "assigned", "assignee", None, f"team:{org.support.id}"),
    ]
    [event] = db.events  # the new ticket's own event names its assignee
    assert (event.type, event.ticket) == (EventType.CREATED, ticket)


@pytest.mark.parametrize(("who", "to", "why"), [
    ("customer", "self", "customers cannot assign tickets"),
    ("customer", "support", "customers cannot assign tickets"),
    ("agent", "billing", "you can assign tickets only to yourself or to a team you belong to"),
    ("agent", "teammate", "you can assign tickets only to yourself or to a team you belong to"),
])
async def test_an_assignment_the_rule_refuses_refuses_the_filing_and_says_why_beforehand(
    db: FakeDatabase, org: Organisation, who: str, to: str, why: str
) -> None:
    actor = getattr(org, who)
    assignee = {"self": Assignee.user(actor.id), "support": Assignee.team(org.support.id),
                "billing": Assignee.team(org.billing.id),
                "teammate": Assignee.user(org.teammate.id)}[to]
    viewer = await _viewer(db, actor.id)
    assert assignment_refusal_when_filing(viewer, assignee) == why
    refused = await db.refuses(NotAllowed, lambda: create_ticket(
        uow=db.unit_of_work(), actor=as_actor(actor.id), title="Jam", category="support",
        assignee=assignee))
    assert str(refused) == why


@pytest.mark.parametrize(("who", "to"), [
    ("agent", "self"), ("agent", "support"), ("manager", "teammate"), ("manager", "billing"),
    ("admin", "outsider"),
])
async def test_an_agent_files_for_themselves_or_their_team_and_staff_for_anyone(
    db: FakeDatabase, org: Organisation, who: str, to: str
) -> None:
    actor = getattr(org, who)
    assignee = {"self": Assignee.user(actor.id), "support": Assignee.team(org.support.id),
                "billing": Assignee.team(org.billing.id),
                "teammate": Assignee.user(org.teammate.id),
                "outsider": Assignee.user(org.outsider.id)}[to]
    viewer = await _viewer(db, actor.id)
    assert assignment_refusal_when_filing(viewer, assignee) is None
    ticket = await create_ticket(uow=db.unit_of_work(), actor=as_actor(actor.id), title="Jam",
                                 category="support", assignee=assignee)
    assert ticket.assignee == assignee


async def test_a_ticket_is_not_filed_for_a_missing_team_or_a_customer(
    db: FakeDatabase, org: Organisation
) -> None:
    await db.refuses(TeamNotFound, lambda: create_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.admin.id), title="Jam", category="support",
        assignee=Assignee.team(999)))
    await db.refuses(NotAllowed, lambda: create_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.admin.id), title="Jam", category="support",
        assignee=Assignee.user(org.customer.id)))


async def test_a_tag_added_again_in_another_case_changes_nothing_and_keeps_its_spelling(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id),
                            title="Jam", tags=("VPN",))
    same = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.manager.id),
                               ticket=ticket.ticket_number, fields={"tags": "VPN, vpn"})
    assert same.tags == ("VPN",) and _rows(db, ticket.id) == []
    added = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.manager.id),
                                ticket=ticket.ticket_number, fields={"tags": "vpn, Printer"})
    assert added.tags == ("VPN", "Printer")
    assert _rows(db, ticket.id) == [
        (org.manager.id, "updated", "tags", "VPN", "VPN, Printer")]


async def test_an_edit_records_one_history_row_per_changed_field(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id),
                            title="Jam", priority=Priority.LOW, tags=("printer",))
    updated = await update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.manager.id), ticket=ticket.ticket_number,
        fields={"title": "Jam", "priority": "urgent", "tags": "printer, floor 3",
                 "due_date": "2026-12-01", "notes": "vendor visit"},
    )
    assert (updated.priority, updated.tags, updated.notes) == (
        Priority.URGENT, ("printer", "floor 3"), "vendor visit")
    assert updated.updated_at > ticket.updated_at
    assert db.ticket(ticket.id) == updated
    changes = [
        FieldChange("priority", "low", "urgent"),
        FieldChange("tags", "printer", "printer, floor 3"),
        FieldChange("due_date", None, "2026-12-01T00:00:00"),
        FieldChange("notes", None, "vendor visit"),
    ]
    assert _rows(db, ticket.id) == [
        (org.manager.id, "updated", c.field, c.old, c.new) for c in changes
    ]
    [event] = db.events
    assert (event.type, event.ticket, event.actor_id, event.changes) == (
        EventType.UPDATED, updated, org.manager.id, tuple(changes))


async def test_an_edit_that_changes_nothing_writes_nothing(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, title="Jam")
    before = db.snapshot()
    same = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=ticket.id,
                             fields={"title": " Jam "})
    assert same == ticket
    assert db.snapshot() == before


async def test_assigning_to_a_person_records_and_announces_it(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id))
    updated = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.agent.id), ticket=ticket.id,
                                  assignee=Assignee.user(org.agent.id))
    assert (updated.assignee_type, updated.assignee_id, updated.assignee_team_id) == (
        AssigneeType.USER, org.agent.id, None)
    assert _rows(db, ticket.id) == [
        (org.agent.id, "assigned", "assignee", f"team:{org.support.id}", org.agent.id)]
    [event] = db.events
    assert (event.type, event.ticket, event.previous_assignee) == (
        EventType.ASSIGNED, updated, Assignee.team(org.support.id))
    assert event.changes == (FieldChange("assignee", f"team:{org.support.id}", org.agent.id),)


async def test_queueing_to_a_team_clears_the_person_and_a_stale_column(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.user(org.teammate.id),
                            assignee_team_id=org.billing.id)
    updated = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.manager.id),
                                  ticket=ticket.id, assignee=Assignee.team(org.support.id))
    assert (updated.assignee_type, updated.assignee_id, updated.assignee_team_id) == (
        AssigneeType.TEAM, None, org.support.id)
    assert _rows(db, ticket.id) == [
        (org.manager.id, "assigned", "assignee", org.teammate.id, f"team:{org.support.id}")]


async def test_unassigning_records_it_and_announces_the_previous_assignee(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.user(org.agent.id))
    updated = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.agent.id), ticket=ticket.id,
                                  assignee=None)
    assert updated.assignee is None
    assert (updated.assignee_id, updated.assignee_team_id) == (None, None)
    assert _rows(db, ticket.id) == [(org.agent.id, "unassigned", "assignee", org.agent.id, None)]
    [event] = db.events
    assert (event.type, event.previous_assignee) == (EventType.ASSIGNED,
                                                     Assignee.user(org.agent.id))


async def test_assigning_to_the_current_assignee_writes_nothing(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.user(org.agent.id))
    before = db.snapshot()
    same = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.agent.id), ticket=ticket.id,
                               assignee=Assignee.user(org.agent.id))
    assert same == ticket
    assert db.snapshot() == before


@pytest.mark.parametrize(("to", "error", "message"), [
    (lambda o, gone: Assignee.user("ghost"), UserNotFound, "user ghost not found"),
    (lambda o, gone: Assignee.team(999), TeamNotFound, "team 999 not found"),
    (lambda o, gone: Assignee.user(o.customer.id), NotAllowed,
     "is a customer and cannot take tickets"),
    (lambda o, gone: Assignee.user(gone.id), NotAllowed,
     "is deactivated and cannot take tickets"),
])
async def test_a_ticket_goes_only_to_an_existing_team_or_an_active_staff_member(
    db: FakeDatabase, org: Organisation, to: Callable[[Organisation, User], Assignee],
    error: type[Exception], message: str,
) -> None:
    gone = db.seed_user(role=Role.USER, active=False)
    ticket = db.seed_ticket(created_by=org.customer)
    failure = await db.refuses(error, lambda: update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id, assignee=to(org, gone)))
    assert message in str(failure)


async def test_a_status_change_records_and_announces_it(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id))
    updated = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.agent.id), ticket=ticket.id,
                                  status="Resolved")
    assert updated.status is TicketStatus.RESOLVED
    assert updated.resolved_at == updated.updated_at
    assert db.ticket(ticket.id) == updated
    assert _rows(db, ticket.id) == [(org.agent.id, "status_changed", "status", "open", "resolved")]
    [event] = db.events
    assert (event.type, event.ticket, event.changes) == (
        EventType.STATUS_CHANGED, updated, (FieldChange("status", "open", "resolved"),))


async def test_a_move_the_lifecycle_forbids_writes_nothing(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.admin, status=TicketStatus.CLOSED)
    await db.refuses(InvalidTransition, lambda: update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id, status="in_progress"))
    await db.refuses(InvalidTransition, lambda: update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id, status="closed"))


async def test_a_comment_is_stored_recorded_and_announced(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    comment = await comment_on_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id),
                                      ticket=ticket.id, content="  Still broken  ")
    assert (comment.task_id, comment.user_id, comment.content) == (
        ticket.id, org.customer.id, "Still broken")
    assert list(db.committed.task_comments.values()) == [comment]
    assert _rows(db, ticket.id) == [(org.customer.id, "commented", "comment", None,
                                     "Still broken")]
    [event] = db.events
    assert (event.type, event.ticket, event.comment) == (EventType.COMMENTED, ticket, comment)
    assert db.ticket(ticket.id) == ticket  # a comment does not make a card stale


async def test_a_delivery_run_again_comments_and_changes_each_ticket_once(
    db: FakeDatabase, org: Organisation
) -> None:
    first = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id))
    second = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id))
    agent = as_actor(org.agent.id)
    comment = await comment_on_ticket(uow=db.unit_of_work(), actor=agent, ticket=first.id,
                                      content="Vendor comes Tuesday", delivery="turn-1")
    started = await update_ticket(uow=db.unit_of_work(), actor=agent, ticket=first.id,
                                  status="in_progress", expected_version=first.version,
                                  delivery="turn-2")
    before = db.snapshot()

    # the process died after these commits: the turns run again for Teams' resends
    assert await comment_on_ticket(uow=db.unit_of_work(), actor=agent, ticket=first.id,
                                   content="Vendor comes Tuesday", delivery="turn-1") == comment
    again = await update_ticket(uow=db.unit_of_work(), actor=agent, ticket=first.id,
                                status="in_progress", expected_version=first.version,
                                delivery="turn-2")
    assert again == started  # not "already in progress", nor a stale version
    assert db.snapshot() == before
    # the same turn's change to a ticket it had not reached yet is made
    await comment_on_ticket(uow=db.unit_of_work(), actor=agent, ticket=second.id,
                            content="Vendor comes Tuesday", delivery="turn-1")
    assert [c.task_id for c in db.committed.task_comments.values()] == [first.id, second.id]
    # another delivery saying the same moments later is the message sent twice: one comment
    await comment_on_ticket(uow=db.unit_of_work(), actor=agent, ticket=first.id,
                            content="Vendor comes Tuesday", delivery="turn-3")
    assert len(db.committed.task_comments) == 2
    with time_machine.travel(REPEATED_PRESS + timedelta(minutes=1), tick=True):  # later: a second
        await comment_on_ticket(uow=db.unit_of_work(), actor=agent, ticket=first.id,
                                content="Vendor comes Tuesday", delivery="turn-4")
    assert len(db.committed.task_comments) == 3


async def test_a_long_comment_is_shortened_in_history_but_kept_whole(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    text = "word " * 100
    comment = await comment_on_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id),
                                      ticket=ticket.id, content=text)
    [entry] = db.history(ticket.id)
    assert comment.content == text.strip()
    assert entry.new_value is not None and len(entry.new_value) == 200
    assert entry.new_value.endswith("…")


@pytest.mark.parametrize("content", ["", "   ", None, "x" * 10_001])
async def test_an_empty_or_huge_comment_is_refused(
    db: FakeDatabase, org: Organisation, content: object
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    failure = await db.refuses(InvalidValue, lambda: comment_on_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=ticket.id, content=content))
    assert isinstance(failure, InvalidValue) and failure.field == "comment"


async def _edit(db: FakeDatabase, org: Organisation, ticket_id: int, version: Version) -> object:
    return await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket_id,
                             fields={"title": "New"}, expected_version=version)


async def _assign(db: FakeDatabase, org: Organisation, ticket_id: int, version: Version) -> object:
    return await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket_id,
                               assignee=Assignee.user(org.agent.id), expected_version=version)


async def _hold(db: FakeDatabase, org: Organisation, ticket_id: int, version: Version) -> object:
    return await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket_id,
                               status="on_hold", expected_version=version)


STALE_CHANGES = {"edit": _edit, "assign": _assign, "status": _hold}


@pytest.mark.parametrize("change", list(STALE_CHANGES))
async def test_a_change_computed_from_an_older_version_is_refused(
    db: FakeDatabase, org: Organisation, change: str
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    card_version = ticket.version
    await comment_on_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id,
                            content="comments keep the version")
    await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id,
                        status="in_progress")
    failure = await db.refuses(
        StaleTicket, lambda: STALE_CHANGES[change](db, org, ticket.id, card_version))
    assert str(failure) == f"{ticket.ticket_number} changed since you last saw it"


@pytest.mark.parametrize("change", list(STALE_CHANGES))
async def test_a_change_from_the_current_version_goes_through(
    db: FakeDatabase, org: Organisation, change: str
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    await STALE_CHANGES[change](db, org, ticket.id, ticket.version)
    assert db.ticket(ticket.id).updated_at > ticket.updated_at


async def test_the_version_may_be_given_as_the_datetime_it_encodes(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id,
                      fields={"title": "New"}, expected_version=ticket.updated_at)
    assert db.ticket(ticket.id).title == "New"


@pytest.mark.parametrize("written", [
    lambda moment: moment.isoformat() + "Z",
    lambda moment: moment.isoformat() + "+00:00",
    lambda moment: moment.replace(tzinfo=UTC).astimezone(timezone(timedelta(hours=2))).isoformat(),
    lambda moment: f" {moment.isoformat()} ",
])
async def test_the_version_may_be_written_as_any_form_of_the_same_instant(
    db: FakeDatabase, org: Organisation, written: Callable[[datetime], str]
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    await _edit(db, org, ticket.id, written(ticket.updated_at))
    assert db.ticket(ticket.id).title == "New"


@pytest.mark.parametrize("version", ["garbage", "", "2026-13-01T00:00:00", "1"])
async def test_a_version_that_names_no_instant_is_stale_and_changes_nothing(
    db: FakeDatabase, org: Organisation, version: str
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    await db.refuses(StaleTicket, lambda: _edit(db, org, ticket.id, version))
    assert db.ticket(ticket.id) == ticket


@pytest.mark.parametrize("ref", ["missing", "invisible"])
async def test_a_missing_and_an_invisible_ticket_look_the_same(
    db: FakeDatabase, org: Organisation, ref: str
) -> None:
    hidden = db.seed_ticket(created_by=org.other_customer, ticket_number="TKT-2026-0500")
    number = hidden.ticket_number if ref == "invisible" else "TKT-2026-0501"
    calls: list[Callable[[], Awaitable[object]]] = [
        lambda: get_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=number),
        lambda: update_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=number,
                            fields={"title": "Mine now"}),
        lambda: update_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=number,
                              status="closed"),
        lambda: comment_on_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id),
                                  ticket=number, content="hello"),
        lambda: update_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=number,
                              assignee=None),
    ]
    for call in calls:
        failure = await db.refuses(TicketNotFound, call)
        assert str(failure) == f"ticket {number} not found"


@pytest.mark.parametrize("ref", ["tkt-2024-7", " TKT-2024-0007 ", "7", 7])
async def test_a_ticket_is_found_by_id_or_by_number_as_people_type_it(
    db: FakeDatabase, org: Organisation, ref: int | str
) -> None:
    for _ in range(7):
        ticket = db.seed_ticket(created_by=org.customer)
    assert ticket.ticket_number == "TKT-2024-0007"
    found = await get_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=ref)
    assert found == ticket


@pytest.mark.parametrize("ref", ["seven", "#7", "TKT-7", "", "²"])
async def test_a_reference_that_names_no_ticket_is_not_found(
    db: FakeDatabase, org: Organisation, ref: str
) -> None:
    db.seed_ticket(created_by=org.customer)
    with pytest.raises(TicketNotFound):
        await get_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=ref)


@pytest.mark.parametrize(("text", "assignee"), [
    ("me", Assignee.user("user-3")), ("ME", Assignee.user("user-3")),
    ("user-9", Assignee.user("user-9")), ("team:4", Assignee.team(4)),
    (" Team: 4 ", Assignee.team(4)), ("", None), (None, None), ("unassigned", None),
])
def test_an_assignee_is_read_from_card_and_api_forms(
    text: object, assignee: Assignee | None
) -> None:
    assert parse_assignee(text, actor_id="user-3") == assignee


@pytest.mark.parametrize("text", ["team:", "team:x", "team:-1", "team:²"])
def test_a_malformed_team_assignee_names_the_field(text: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_assignee(text, actor_id="user-3")
    assert refused.value.field == "assignee"


async def test_an_update_applies_fields_status_and_assignee_in_one_commit(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id))
    commits = db.commits
    updated = await update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.manager.id), ticket=ticket.ticket_number,
        fields={"priority": "high", "description": "Roller replaced"}, status="resolved",
        assignee=Assignee.user(org.agent.id), expected_version=ticket.version,
    )
    assert db.commits - commits == 1
    assert db.ticket(ticket.id) == updated
    assert (updated.priority, updated.description, updated.status, updated.assignee) == (
        Priority.HIGH, "Roller replaced", TicketStatus.RESOLVED, Assignee.user(org.agent.id))
    assert updated.resolved_at == updated.updated_at
    assert _rows(db, ticket.id) == [
        (org.manager.id, "assigned", "assignee", f"team:{org.support.id}", org.agent.id),
        (org.manager.id, "updated", "priority", "medium", "high"),
        (org.manager.id, "updated", "description", None, "Roller replaced"),
        (org.manager.id, "status_changed", "status", "open", "resolved"),
    ]
    assert [(e.type, e.ticket) for e in db.events] == [
        (EventType.ASSIGNED, updated), (EventType.UPDATED, updated),
        (EventType.STATUS_CHANGED, updated),
    ]
    assert db.events[0].previous_assignee == Assignee.team(org.support.id)


async def test_an_update_from_a_stale_version_changes_nothing(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    old = ticket.version
    await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id,
                        fields={"title": "Printer fixed?"})
    await db.refuses(StaleTicket, lambda: update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id,
        fields={"priority": "urgent"}, status="in_progress", assignee=None, expected_version=old))


async def test_a_refused_last_part_undoes_the_earlier_parts(
    db: FakeDatabase, org: Organisation
) -> None:
    """The agent sees the ticket through the Support queue: giving it to Billing comes last,
    after the status, and being refused it takes the status back with it."""
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id))
    await db.refuses(NotAllowed, lambda: update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.agent.id), ticket=ticket.id,
        status="on_hold", assignee=Assignee.team(org.billing.id)))
    await db.refuses(TeamNotFound, lambda: update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id,
        fields={"priority": "low"}, assignee=Assignee.team(4242)))


async def test_a_resent_idempotent_update_writes_nothing_but_a_person_hears_it_was_done(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    change = {"fields": {"priority": "high"}, "status": "in_progress",
              "assignee": Assignee.user(org.agent.id)}
    first = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id),
                                ticket=ticket.id, idempotent=True, **change)  # type: ignore[arg-type]
    events, commits = len(db.events), db.commits
    again = await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id),
                                ticket=ticket.id, idempotent=True, **change)  # type: ignore[arg-type]
    assert again == first and (len(db.events), db.commits) == (events, commits)
    await db.refuses(InvalidTransition, lambda: update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id,
        status="in_progress"))


async def test_a_requester_reopens_and_edits_in_one_update(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, status=TicketStatus.CLOSED)
    updated = await update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=ticket.id,
        fields={"title": "Still jams"}, status="open")
    assert (updated.status, updated.title, updated.closed_at) == (
        TicketStatus.OPEN, "Still jams", None)
    assert [row[1] for row in _rows(db, ticket.id)] == ["status_changed", "updated"]


def test_every_field_staff_may_edit_has_a_parser() -> None:
    from domain.access import EDITABLE_BY_REQUESTER, EDITABLE_BY_STAFF
    from domain.services.tickets import EDIT_PARSERS

    assert set(EDIT_PARSERS) == EDITABLE_BY_STAFF and EDITABLE_BY_REQUESTER < EDITABLE_BY_STAFF
