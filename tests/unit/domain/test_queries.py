"""Listing and finding tickets: newest-updated first, filters narrow and never widen."""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

import pytest

from domain.errors import InvalidValue, NotAllowed, TicketNotFound
from domain.services.queries import get_ticket, list_tickets, ticket_comments, ticket_history
from domain.services.tickets import comment_on_ticket
from domain.tickets import (
    Assignee,
    AssigneeType,
    Category,
    Priority,
    Ticket,
    TicketFilter,
    TicketStatus,
)
from tests.unit.conftest import Organisation
from tests.unit.fakes import SEEDED_AT, FakeDatabase
from tests.actors import as_actor

S = TicketStatus


EVERYTHING = TicketFilter()
DUE = SEEDED_AT + timedelta(days=3)


async def _ids(db: FakeDatabase, actor: str, filter: TicketFilter = EVERYTHING,
               limit: int = 100, offset: int = 0) -> list[int]:
    page = await list_tickets(uow=db.unit_of_work(), actor=as_actor(actor), filter=filter,
                              limit=limit, offset=offset)
    return [t.id for t in page.tickets]


async def test_tickets_are_listed_newest_updated_first(db: FakeDatabase, org: Organisation) -> None:
    old = db.seed_ticket(created_by=org.customer, updated_at=SEEDED_AT)
    new = db.seed_ticket(created_by=org.customer, updated_at=SEEDED_AT + timedelta(days=2))
    middle = db.seed_ticket(created_by=org.customer, updated_at=SEEDED_AT + timedelta(days=1))
    assert await _ids(db, org.customer.id) == [new.id, middle.id, old.id]


async def test_tickets_updated_at_the_same_moment_come_newest_id_first(
    db: FakeDatabase, org: Organisation
) -> None:
    first = db.seed_ticket(created_by=org.customer, updated_at=SEEDED_AT)
    second = db.seed_ticket(created_by=org.customer, updated_at=SEEDED_AT)
    assert await _ids(db, org.customer.id) == [second.id, first.id]


async def test_a_page_tells_the_total_and_whether_more_follow(
    db: FakeDatabase, org: Organisation
) -> None:
    tickets = [db.seed_ticket(created_by=org.customer) for _ in range(5)]
    newest_first = [t.id for t in reversed(tickets)]
    page = await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.customer.id), limit=2, offset=2)
    assert [t.id for t in page.tickets] == newest_first[2:4]
    assert (page.total, page.offset, page.limit, page.has_more) == (5, 2, 2, True)
    last = await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.customer.id), limit=2, offset=4)
    assert ([t.id for t in last.tickets], last.has_more) == ([newest_first[4]], False)
    beyond = await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.customer.id), offset=10)
    assert (beyond.tickets, beyond.total) == ((), 5)


@pytest.mark.parametrize(("limit", "offset", "field"), [(0, 0, "limit"), (101, 0, "limit"),
                                                         (10, -1, "offset")])
async def test_a_page_must_be_of_a_sensible_size(
    db: FakeDatabase, org: Organisation, limit: int, offset: int, field: str
) -> None:
    with pytest.raises(InvalidValue) as refused:
        await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.admin.id), limit=limit,
                           offset=offset)
    assert refused.value.field == field


async def test_a_deactivated_user_gets_a_refusal_rather_than_an_empty_list(
    db: FakeDatabase,
) -> None:
    gone = db.seed_user(active=False)
    db.seed_ticket(created_by=gone)
    with pytest.raises(NotAllowed):
        await list_tickets(uow=db.unit_of_work(), actor=as_actor(gone.id))


def _filters(org: Organisation) -> dict[str, tuple[TicketFilter, set[str]]]:
    return {
        "statuses": (TicketFilter(statuses=(S.ON_HOLD, S.RESOLVED)), {"held", "resolved"}),
        "exclude_statuses": (TicketFilter(exclude_statuses=(S.RESOLVED, S.CLOSED)),
                             {"bug", "held", "queued", "mine", "stale", "vpn"}),
        "categories": (TicketFilter(categories=(Category.BUG,)), {"bug"}),
        "priorities": (TicketFilter(priorities=(Priority.URGENT, Priority.LOW)),
                       {"held", "closed"}),
        "assignee_id": (TicketFilter(assignee_id=org.agent.id), {"mine"}),
        "team_id": (TicketFilter(team_id=org.support.id), {"queued"}),
        "created_by": (TicketFilter(created_by=org.agent.id), {"vpn"}),
        "text": (TicketFilter(text="VPN drops"), {"vpn"}),
        "text in number": (TicketFilter(text="tkt-2026-0900"), {"closed"}),
        "text in description": (TicketFilter(text="TONER"), {"bug"}),
        "held_by": (TicketFilter(held_by=(Assignee.user(org.agent.id), Assignee.team(org.support.id))),
                    {"mine", "queued"}),
        "unassigned": (TicketFilter(unassigned=True), {"bug", "held", "resolved", "closed", "vpn"}),
        "due_from": (TicketFilter(due_from=DUE), {"held"}),
        "undated": (TicketFilter(undated=True),
                    {"resolved", "closed", "queued", "mine", "stale", "vpn"}),
        "touched_by": (TicketFilter(touched_by=org.agent.id), {"mine", "vpn"}),  # not "stale"
        "touched_from": (TicketFilter(touched_by=org.agent.id,  # "mine" moved before then
                                      touched_from=SEEDED_AT + timedelta(hours=1)), {"vpn"}),
        "updated_from": (TicketFilter(updated_from=SEEDED_AT + timedelta(hours=1)), {"held"}),
        "updated_before": (TicketFilter(updated_before=SEEDED_AT + timedelta(hours=1)),
                           {"bug", "resolved", "closed", "queued", "mine", "stale", "vpn"}),
        "created_from": (TicketFilter(created_from=SEEDED_AT + timedelta(hours=1)), {"vpn"}),
        "created_before": (TicketFilter(created_before=SEEDED_AT + timedelta(hours=1)),
                           {"bug", "held", "resolved", "closed", "queued", "mine", "stale"}),
        "filed_or_held_by": (TicketFilter(filed_or_held_by=org.agent.id), {"mine", "vpn"}),
        "finished_from": (TicketFilter(finished_from=SEEDED_AT + timedelta(minutes=150)),
                          {"closed"}),
        "finished_before": (TicketFilter(finished_before=SEEDED_AT + timedelta(minutes=150)),
                            {"resolved"}),
        "due_before": (TicketFilter(due_before=DUE), {"bug"}),
        "a due window": (TicketFilter(due_from=DUE - timedelta(days=1), due_before=DUE),
                         {"bug"}),
        "overdue_at": (TicketFilter(overdue_at=DUE - timedelta(minutes=30)), {"bug"}),
        "everything at once": (TicketFilter(statuses=(S.OPEN,), categories=(Category.SUPPORT,),
                                            exclude_statuses=(S.CLOSED,),
                                            priorities=(Priority.MEDIUM,),
                                            team_id=org.support.id,
                                            created_by=org.customer.id), {"queued"}),
        "nothing matches": (TicketFilter(statuses=(S.OPEN,), categories=(Category.FEATURE,)),
                            set()),
    }


def _seed_catalogue(db: FakeDatabase, org: Organisation) -> dict[str, Ticket]:
    c = org.customer
    return {
        "bug": db.seed_ticket(created_by=c, category=Category.BUG, description="Toner smears",
                              due_date=DUE - timedelta(hours=1)),
        "held": db.seed_ticket(created_by=c, status=S.ON_HOLD, priority=Priority.URGENT,
                               due_date=DUE, updated_at=SEEDED_AT + timedelta(days=1)),
        "resolved": db.seed_ticket(created_by=c, status=S.RESOLVED,
                                   resolved_at=SEEDED_AT + timedelta(hours=2)),
        "closed": db.seed_ticket(created_by=c, status=S.CLOSED, priority=Priority.LOW,
                                 ticket_number="TKT-2026-0900",
                                 closed_at=SEEDED_AT + timedelta(hours=3)),
        "queued": db.seed_ticket(created_by=c, assignee=Assignee.team(org.support.id)),
        "mine": db.seed_ticket(created_by=c, assignee=Assignee.user(org.agent.id)),
        "stale": db.seed_ticket(created_by=c, assignee_type=AssigneeType.TEAM,
                                assignee_team_id=org.billing.id, assignee_id=org.agent.id),
        "vpn": db.seed_ticket(created_by=org.agent, title="The VPN drops every hour",
                              created_at=SEEDED_AT + timedelta(days=1)),
    }


FILTER_NAMES = [
    "statuses", "exclude_statuses", "categories", "priorities", "assignee_id", "team_id",
    "created_by", "text", "text in number", "text in description", "unassigned", "undated", "due_from",
    "due_before", "a due window", "overdue_at", "held_by", "touched_by", "touched_from",
    "updated_from", "updated_before", "created_from", "created_before", "filed_or_held_by", "finished_from", "finished_before", "everything at once",
    "nothing matches",
]


def test_every_filter_field_has_a_case() -> None:
    assert {f.name for f in fields(TicketFilter)} <= set(FILTER_NAMES)


@pytest.mark.parametrize("name", FILTER_NAMES)
async def test_each_filter_field_narrows_the_list(
    db: FakeDatabase, org: Organisation, name: str
) -> None:
    tickets = _seed_catalogue(db, org)
    filter, expected = _filters(org)[name]
    found = await _ids(db, org.admin.id, filter)
    assert {k for k, t in tickets.items() if t.id in found} == expected


async def test_a_filter_never_widens_what_the_viewer_may_see(
    db: FakeDatabase, org: Organisation
) -> None:
    """The customer asks for the agent's tickets and the Billing queue: they see none."""
    tickets = _seed_catalogue(db, org)
    mine = {k for k, t in tickets.items() if t.created_by == org.customer.id}
    assert {k for k, t in tickets.items() if t.id in await _ids(db, org.customer.id)} == mine
    for filter in (TicketFilter(created_by=org.agent.id), TicketFilter(team_id=org.billing.id),
                   TicketFilter(assignee_id=org.agent.id)):
        found = await _ids(db, org.customer.id, filter)
        assert {t.created_by for t in tickets.values() if t.id in found} <= {org.customer.id}
    assert await _ids(db, org.customer.id, TicketFilter(created_by=org.agent.id)) == []


async def test_comments_and_history_are_read_under_the_same_rule(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    comment = await comment_on_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id),
                                      ticket=ticket.id, content="Hello")
    assert await ticket_comments(uow=db.unit_of_work(), actor=as_actor(org.customer.id),
                                 ticket=ticket.id) == [comment]
    history = await ticket_history(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id)
    assert [e.new_value for e in history] == ["Hello"]
    with pytest.raises(TicketNotFound):
        await ticket_comments(uow=db.unit_of_work(), actor=as_actor(org.other_customer.id),
                              ticket=ticket.id)
    with pytest.raises(TicketNotFound):
        await ticket_history(uow=db.unit_of_work(), actor=as_actor(org.outsider.id), ticket=ticket.id)


async def test_an_id_beyond_the_database_range_reads_as_not_found(
    db: FakeDatabase, org: Organisation
) -> None:
    for ref in (2**31, "99999999999999999999", -1):
        with pytest.raises(TicketNotFound):
            await get_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ref)
