"""The one access rule as a table: every role, active or not, against every kind of ticket.

Each cell is checked twice — through `can_see` and through the repository's
`search` with the viewer's scope — because lists and single reads must agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from domain.access import can_see, scope_for
from domain.people import Role, Team, User
from domain.tickets import Assignee, AssigneeType, Ticket, TicketFilter
from tests.unit.fakes import FakeDatabase

VISIBILITY = """
ticket       admin  manager  agent  customer  inactive
created      yes    yes      yes    yes       no
assigned     yes    yes      yes    no        no
my_queue     yes    yes      yes    no        no
other_queue  yes    no       no     no        no
teammate     yes    yes      no     no        no
stranger     yes    no       no     no        no
stale_id     yes    no       no     no        no
stale_team   yes    no       no     no        no
stale_mate   yes    no       no     no        no
unassigned   yes    no       no     no        no
"""
"""Rows, for a viewer who belongs to Support (`agent` is the `user` role; `inactive` is
each of the four roles, deactivated):

created      filed by the viewer, unassigned
assigned     filed by a requester, assigned to the viewer
my_queue     queued to Support
other_queue  queued to Billing
teammate     assigned to an agent who is in Support with the viewer
stranger     assigned to an agent in Billing only
stale_id     queued to Billing, with a leftover assignee_id naming the viewer
stale_team   assigned to the stranger, with a leftover assignee_team_id naming Support
stale_mate   queued to Billing, with a leftover assignee_id naming the teammate
unassigned   filed by a requester, assigned to nobody
"""
ROLES = ("admin", "manager", "agent", "customer")


def _parse(table: str) -> list[tuple[str, str, bool]]:
    """(viewer, ticket kind, visible) for every cell, `inactive` expanded to each role."""
    header, *rows = (line.split() for line in table.strip().splitlines())
    cells = []
    for kind, *answers in rows:
        assert set(answers) <= {"yes", "no"}
        for viewer, answer in zip(header[1:], answers, strict=True):
            viewers = [f"inactive_{role}" for role in ROLES] if viewer == "inactive" else [viewer]
            cells += [(v, kind, answer == "yes") for v in viewers]
    return cells


CELLS = _parse(VISIBILITY)
TICKET_KINDS = [line.split()[0] for line in VISIBILITY.strip().splitlines()[1:]]


@dataclass(frozen=True)
class World:
    viewer: User
    teammate: User
    stranger: User
    requester: User
    support: Team
    billing: Team


def _world(db: FakeDatabase, viewer_kind: str) -> World:
    inactive, _, role_name = viewer_kind.rpartition("_")
    role = {"admin": Role.ADMIN, "manager": Role.MANAGER, "agent": Role.USER,
            "customer": Role.CUSTOMER}[role_name]
    viewer = db.seed_user(role=role, active=not inactive)
    teammate = db.seed_user(role=Role.USER)
    stranger = db.seed_user(role=Role.USER)
    requester = db.seed_user(role=Role.CUSTOMER)
    support = db.seed_team("Support", viewer, teammate)
    billing = db.seed_team("Billing", stranger)
    return World(viewer, teammate, stranger, requester, support, billing)


TICKETS: dict[str, Callable[[FakeDatabase, World], Ticket]] = {
    "created": lambda db, w: db.seed_ticket(created_by=w.viewer),
    "assigned": lambda db, w: db.seed_ticket(
        created_by=w.requester, assignee=Assignee.user(w.viewer.id)),
    "my_queue": lambda db, w: db.seed_ticket(
        created_by=w.requester, assignee=Assignee.team(w.support.id)),
    "other_queue": lambda db, w: db.seed_ticket(
        created_by=w.requester, assignee=Assignee.team(w.billing.id)),
    "teammate": lambda db, w: db.seed_ticket(
        created_by=w.requester, assignee=Assignee.user(w.teammate.id)),
    "stranger": lambda db, w: db.seed_ticket(
        created_by=w.requester, assignee=Assignee.user(w.stranger.id)),
    "stale_id": lambda db, w: db.seed_ticket(
        created_by=w.requester, assignee_type=AssigneeType.TEAM,
        assignee_team_id=w.billing.id, assignee_id=w.viewer.id),
    "stale_team": lambda db, w: db.seed_ticket(
        created_by=w.requester, assignee_type=AssigneeType.USER,
        assignee_id=w.stranger.id, assignee_team_id=w.support.id),
    "stale_mate": lambda db, w: db.seed_ticket(
        created_by=w.requester, assignee_type=AssigneeType.TEAM,
        assignee_team_id=w.billing.id, assignee_id=w.teammate.id),
    "unassigned": lambda db, w: db.seed_ticket(created_by=w.requester),
}


def test_the_table_covers_every_kind_of_ticket() -> None:
    assert TICKET_KINDS == list(TICKETS)


@pytest.mark.parametrize(("viewer_kind", "ticket_kind", "visible"), CELLS,
                         ids=[f"{v}-{t}" for v, t, _ in CELLS])
async def test_who_sees_which_ticket_follows_the_access_table(
    db: FakeDatabase, viewer_kind: str, ticket_kind: str, visible: bool
) -> None:
    world = _world(db, viewer_kind)
    ticket = TICKETS[ticket_kind](db, world)
    async with db.unit_of_work() as uow:
        viewer = await uow.users.viewer(world.viewer.id)
        assert viewer is not None
        page = await uow.tickets.search(
            scope=scope_for(viewer), filter=TicketFilter(), limit=50, offset=0
        )

    assert can_see(viewer, ticket) is visible
    assert [t.id for t in page.tickets] == ([ticket.id] if visible else [])
    assert page.total == int(visible)


@pytest.mark.parametrize("viewer_kind", sorted({v for v, _, _ in CELLS}))
async def test_a_search_lists_exactly_the_tickets_the_viewer_may_see(
    db: FakeDatabase, viewer_kind: str
) -> None:
    world = _world(db, viewer_kind)
    tickets = {kind: make(db, world) for kind, make in TICKETS.items()}
    expected = {tickets[t].id for v, t, visible in CELLS if v == viewer_kind and visible}
    async with db.unit_of_work() as uow:
        viewer = await uow.users.viewer(world.viewer.id)
        assert viewer is not None
        page = await uow.tickets.search(
            scope=scope_for(viewer), filter=TicketFilter(), limit=50, offset=0
        )

    assert {t.id for t in page.tickets} == expected
    assert {t.id for t in tickets.values() if can_see(viewer, t)} == expected
    assert page.total == len(expected)
