"""Who may edit which fields, assign, change status and comment — and that a refusal
changes nothing: no ticket change, no history row, no event."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

import pytest

from domain.access import Viewer, assign_refusal, edit_refusal, status_refusal
from domain.errors import NotAllowed, TicketNotFound
from domain.people import Role, User
from domain.services.tickets import comment_on_ticket, update_ticket
from domain.tickets import Assignee, HistoryAction, Ticket, TicketStatus
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase
from tests.actors import as_actor

Setup = Callable[[FakeDatabase, Organisation], Ticket]
S = TicketStatus

TICKETS: dict[str, Setup] = {
    "customer's open ticket": lambda db, o: db.seed_ticket(created_by=o.customer),
    "customer's in-progress ticket": lambda db, o: db.seed_ticket(
        created_by=o.customer, status=S.IN_PROGRESS),
    "customer's resolved ticket": lambda db, o: db.seed_ticket(
        created_by=o.customer, status=S.RESOLVED),
    "customer's closed ticket": lambda db, o: db.seed_ticket(
        created_by=o.customer, status=S.CLOSED),
    "agent's own ticket": lambda db, o: db.seed_ticket(created_by=o.agent),
    "Support queue ticket": lambda db, o: db.seed_ticket(
        created_by=o.other_customer, assignee=Assignee.team(o.support.id)),
    "ticket assigned to the agent": lambda db, o: db.seed_ticket(
        created_by=o.other_customer, assignee=Assignee.user(o.agent.id)),
    "Billing queue ticket": lambda db, o: db.seed_ticket(
        created_by=o.other_customer, assignee=Assignee.team(o.billing.id)),
    "closed Support queue ticket": lambda db, o: db.seed_ticket(
        created_by=o.other_customer, assignee=Assignee.team(o.support.id), status=S.CLOSED),
}


def _actor(org: Organisation, name: str) -> User:
    return getattr(org, name)  # type: ignore[no-any-return]


async def _refused_without_a_trace(
    db: FakeDatabase, ticket: Ticket, call: Awaitable[object], message: str
) -> None:
    before = db.snapshot()
    with pytest.raises(NotAllowed) as refused:
        await call
    assert message in str(refused.value)
    assert db.snapshot() == before
    assert db.ticket(ticket.id) == ticket
    assert db.history(ticket.id) == []
    assert db.events == []


EDITS = [
    ("customer", "customer's open ticket", {"title": "Printer still jammed"}, None),
    ("customer", "customer's open ticket", {"description": "Tray 2 as well"}, None),
    ("customer", "customer's in-progress ticket", {"title": "Printer still jammed"}, None),
    ("customer", "customer's open ticket", {"priority": "urgent"},
     "you can edit only the title and description of your own tickets"),
    ("customer", "customer's open ticket", {"title": "Jammed", "notes": "call me"},
     "you can edit only the title and description of your own tickets"),
    ("customer", "customer's resolved ticket", {"title": "Jammed again"}, "reopen it to edit it"),
    ("customer", "customer's closed ticket", {"description": "Again"}, "reopen it to edit it"),
    ("agent", "agent's own ticket", {"title": "Monitor flickers"}, None),
    ("agent", "Support queue ticket", {"title": "Renamed"},
     "only managers and admins can edit tickets other people filed"),
    ("agent", "ticket assigned to the agent", {"priority": "high"},
     "only managers and admins can edit tickets other people filed"),
    ("manager", "Support queue ticket", {"priority": "high", "notes": "vendor called"}, None),
    ("manager", "closed Support queue ticket", {"title": "Toner"}, None),
    ("admin", "Billing queue ticket", {"category": "incident", "actual_hours": "3"}, None),
]


@pytest.mark.parametrize(("actor", "ticket_name", "changes", "refusal"), EDITS)
async def test_who_may_edit_which_fields(
    db: FakeDatabase, org: Organisation, actor: str, ticket_name: str,
    changes: Mapping[str, object], refusal: str | None,
) -> None:
    ticket = TICKETS[ticket_name](db, org)
    call = update_ticket(uow=db.unit_of_work(), actor=as_actor(_actor(org, actor).id),
                       ticket=ticket.id, fields=changes)
    if refusal is not None:
        await _refused_without_a_trace(db, ticket, call, refusal)
        return
    await call
    assert {e.field for e in db.history(ticket.id)} == set(changes)
    assert all(e.action is HistoryAction.UPDATED for e in db.history(ticket.id))


ASSIGNMENTS: list[tuple[str, str, Callable[[Organisation], Assignee | None], str | None]] = [
    ("agent", "Support queue ticket", lambda o: Assignee.user(o.agent.id), None),
    ("agent", "ticket assigned to the agent", lambda o: Assignee.team(o.support.id), None),
    ("agent", "ticket assigned to the agent", lambda o: None, None),
    ("agent", "agent's own ticket", lambda o: Assignee.team(o.support.id), None),
    ("agent", "Support queue ticket", lambda o: Assignee.team(o.billing.id),
     "you can assign tickets only to yourself or to a team you belong to"),
    ("agent", "Support queue ticket", lambda o: Assignee.user(o.teammate.id),
     "you can assign tickets only to yourself or to a team you belong to"),
    ("agent", "Support queue ticket", lambda o: None, "you can only unassign yourself"),
    ("customer", "customer's open ticket", lambda o: Assignee.user(o.customer.id),
     "customers cannot assign tickets"),
    ("customer", "customer's open ticket", lambda o: Assignee.team(o.support.id),
     "customers cannot assign tickets"),
    ("customer", "customer's open ticket", lambda o: None, "customers cannot assign tickets"),
    ("manager", "Support queue ticket", lambda o: Assignee.team(o.billing.id), None),
    ("manager", "Support queue ticket", lambda o: Assignee.user(o.outsider.id), None),
    ("manager", "ticket assigned to the agent", lambda o: None, None),
    ("admin", "Billing queue ticket", lambda o: Assignee.user(o.teammate.id), None),
]


@pytest.mark.parametrize(("actor", "ticket_name", "to", "refusal"), ASSIGNMENTS)
async def test_who_may_assign_to_whom(
    db: FakeDatabase, org: Organisation, actor: str, ticket_name: str,
    to: Callable[[Organisation], Assignee | None], refusal: str | None,
) -> None:
    ticket = TICKETS[ticket_name](db, org)
    call = update_ticket(uow=db.unit_of_work(), actor=as_actor(_actor(org, actor).id),
                         ticket=ticket.id, assignee=to(org))
    if refusal is not None:
        await _refused_without_a_trace(db, ticket, call, refusal)
        return
    updated = await call
    assert isinstance(updated, Ticket)
    assert updated.assignee == to(org)
    assert db.ticket(ticket.id).assignee == to(org)


STATUS_CHANGES = [
    ("customer", "customer's resolved ticket", S.OPEN, None),
    ("customer", "customer's closed ticket", S.OPEN, None),
    ("customer", "customer's open ticket", S.RESOLVED,
     "customers can only reopen their own resolved or closed tickets"),
    ("customer", "customer's open ticket", S.CLOSED,
     "customers can only reopen their own resolved or closed tickets"),
    ("customer", "customer's in-progress ticket", S.OPEN,
     "customers can only reopen their own resolved or closed tickets"),
    ("customer", "customer's resolved ticket", S.CLOSED,
     "customers can only reopen their own resolved or closed tickets"),
    ("agent", "Support queue ticket", S.IN_PROGRESS, None),
    ("agent", "ticket assigned to the agent", S.RESOLVED, None),
    ("agent", "closed Support queue ticket", S.OPEN, None),
    ("manager", "Support queue ticket", S.CLOSED, None),
    ("admin", "Billing queue ticket", S.ON_HOLD, None),
]


@pytest.mark.parametrize(("actor", "ticket_name", "to", "refusal"), STATUS_CHANGES)
async def test_who_may_change_a_status(
    db: FakeDatabase, org: Organisation, actor: str, ticket_name: str,
    to: TicketStatus, refusal: str | None,
) -> None:
    ticket = TICKETS[ticket_name](db, org)
    call = update_ticket(uow=db.unit_of_work(), actor=as_actor(_actor(org, actor).id),
                         ticket=ticket.id, status=to)
    if refusal is not None:
        await _refused_without_a_trace(db, ticket, call, refusal)
        return
    await call
    assert db.ticket(ticket.id).status is to


@pytest.mark.parametrize(("actor", "ticket_name"), [
    ("customer", "customer's closed ticket"),
    ("agent", "Support queue ticket"),
    ("manager", "ticket assigned to the agent"),
    ("admin", "Billing queue ticket"),
])
async def test_anyone_who_sees_a_ticket_may_comment_on_it(
    db: FakeDatabase, org: Organisation, actor: str, ticket_name: str
) -> None:
    ticket = TICKETS[ticket_name](db, org)
    await comment_on_ticket(uow=db.unit_of_work(), actor=as_actor(_actor(org, actor).id),
                            ticket=ticket.id, content="Any news?")
    assert [e.action for e in db.history(ticket.id)] == [HistoryAction.COMMENTED]


@pytest.mark.parametrize(("actor", "ticket_name"), [
    ("customer", "Support queue ticket"),
    ("agent", "Billing queue ticket"),
    ("outsider", "Support queue ticket"),
])
async def test_a_ticket_you_cannot_see_cannot_be_commented_on_and_looks_missing(
    db: FakeDatabase, org: Organisation, actor: str, ticket_name: str
) -> None:
    ticket = TICKETS[ticket_name](db, org)
    before = db.snapshot()
    with pytest.raises(TicketNotFound):
        await comment_on_ticket(uow=db.unit_of_work(), actor=as_actor(_actor(org, actor).id),
                                ticket=ticket.id, content="Any news?")
    assert db.snapshot() == before


@pytest.mark.parametrize("role", list(Role))
async def test_a_deactivated_user_may_do_nothing_at_all(db: FakeDatabase, role: Role) -> None:
    user = db.seed_user(role=role, active=False)
    ticket = db.seed_ticket(created_by=user, assignee=Assignee.user(user.id))
    uow = db.unit_of_work()
    attempts: list[Callable[[], Awaitable[object]]] = [
        lambda: update_ticket(uow=uow, actor=as_actor(user.id), ticket=ticket.id, fields={"title": "New"}),
        lambda: update_ticket(uow=uow, actor=as_actor(user.id), ticket=ticket.id, assignee=None),
        lambda: update_ticket(uow=uow, actor=as_actor(user.id), ticket=ticket.id, status="resolved"),
        lambda: comment_on_ticket(uow=uow, actor=as_actor(user.id), ticket=ticket.id, content="Hello"),
    ]
    for attempt in attempts:
        await _refused_without_a_trace(db, ticket, attempt(), "account is deactivated")


async def test_someone_unknown_to_ticketflow_is_told_so(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    call = comment_on_ticket(uow=db.unit_of_work(), actor=as_actor("nobody"), ticket=ticket.id,
                             content="Hello")
    await _refused_without_a_trace(db, ticket, call, "you are not a TicketFlow user")


def test_every_rule_refuses_a_ticket_the_viewer_cannot_see(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.other_customer, assignee=Assignee.team(org.billing.id))
    manager = Viewer(org.manager, frozenset({org.support.id}), frozenset({org.agent.id}))
    refusals = [
        edit_refusal(manager, ticket, frozenset({"title"})),
        assign_refusal(manager, ticket, Assignee.user(org.manager.id)),
        status_refusal(manager, ticket, S.CLOSED),
    ]
    assert refusals == ["you cannot see this ticket"] * 3


def test_a_refusal_reads_as_a_sentence_naming_the_ticket(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, status=S.CLOSED)
    customer = Viewer(org.customer, frozenset({org.support.id}))
    refusal = edit_refusal(customer, ticket, frozenset({"title"}))
    assert refusal == f"{ticket.ticket_number} is closed; reopen it to edit it"


def test_an_agent_may_unassign_only_an_assignment_that_counts_as_theirs(
    db: FakeDatabase, org: Organisation
) -> None:
    """A leftover assignee_id on a team-queued ticket is not the agent's assignment."""
    ticket = db.seed_ticket(created_by=org.agent, assignee=Assignee.team(org.support.id),
                            assignee_id=org.agent.id)
    agent = Viewer(org.agent, frozenset({org.support.id}))
    assert assign_refusal(agent, ticket, None) == "you can only unassign yourself"
