"""The list query and the single-read rule must agree, ticket by ticket, on both backends."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from domain.access import can_see
from domain.errors import NotAllowed, TicketNotFound
from domain.services.queries import get_ticket, list_tickets
from tests.integration.builders import insert_team, insert_ticket, insert_user
from tests.actors import as_actor


@dataclass
class World:
    people: dict[str, str]
    tickets: dict[str, int]


async def build_world(engine: AsyncEngine) -> World:
    people = {
        name: await insert_user(engine, role=role, active=active)
        for name, role, active in [
            ("admin", "admin", True),
            ("manager", "manager", True),
            ("agent", "user", True),
            ("teammate", "user", True),
            ("outsider", "user", True),
            ("customer", "customer", True),
            ("other_customer", "customer", True),
            ("inactive_admin", "admin", False),
            ("inactive_agent", "user", False),
        ]
    }
    support = await insert_team(
        engine, "Support", people["manager"], people["agent"], people["teammate"],
        people["inactive_agent"],
    )
    network = await insert_team(engine, "Network", people["outsider"])
    p = people
    tickets = {
        "by_customer": await insert_ticket(engine, created_by=p["customer"]),
        "by_other_customer": await insert_ticket(engine, created_by=p["other_customer"]),
        "assigned_agent": await insert_ticket(engine, created_by=p["admin"], assignee_id=p["agent"]),
        "assigned_teammate": await insert_ticket(
            engine, created_by=p["admin"], assignee_id=p["teammate"]
        ),
        "assigned_outsider": await insert_ticket(
            engine, created_by=p["admin"], assignee_id=p["outsider"]
        ),
        "queued_support": await insert_ticket(
            engine, created_by=p["admin"], assignee_type="team", assignee_team_id=support
        ),
        "queued_network": await insert_ticket(
            engine, created_by=p["admin"], assignee_type="team", assignee_team_id=network
        ),
        "team_queue_with_stale_agent": await insert_ticket(
            engine, created_by=p["admin"], assignee_type="team", assignee_team_id=network,
            assignee_id=p["agent"],
        ),
        "user_assigned_with_stale_team": await insert_ticket(
            engine, created_by=p["admin"], assignee_type="user", assignee_id=p["outsider"],
            assignee_team_id=support,
        ),
        "null_type_assigned_agent": await insert_ticket(
            engine, created_by=p["admin"], assignee_type=None, assignee_id=p["agent"]
        ),
        "unassigned_by_admin": await insert_ticket(engine, created_by=p["admin"]),
        "by_agent": await insert_ticket(engine, created_by=p["agent"]),
    }
    return World(people, tickets)


EXPECTED = {
    "admin": "all",
    # Not "by_agent": an unassigned ticket a teammate filed is outside the manager rule.
    "manager": {"assigned_agent", "assigned_teammate", "queued_support", "null_type_assigned_agent"},
    "agent": {"assigned_agent", "queued_support", "null_type_assigned_agent", "by_agent"},
    "teammate": {"assigned_teammate", "queued_support"},
    "outsider": {"assigned_outsider", "queued_network", "team_queue_with_stale_agent",
                 "user_assigned_with_stale_team"},
    "customer": {"by_customer"},
    "other_customer": {"by_other_customer"},
    "inactive_admin": set(),
    "inactive_agent": set(),
}


async def test_the_list_query_returns_exactly_what_the_single_read_rule_allows(
    engine: AsyncEngine,
) -> None:
    world = await build_world(engine)
    everything = set(world.tickets)
    names = {ticket_id: name for name, ticket_id in world.tickets.items()}
    for person, expected in EXPECTED.items():
        actor = world.people[person]
        wanted = everything if expected == "all" else expected
        async with SqlUnitOfWork(engine) as uow:
            viewer = await uow.users.viewer(actor)
            assert viewer is not None
            by_rule = set()
            for name, ticket_id in world.tickets.items():
                ticket = await uow.tickets.get(ticket_id)
                assert ticket is not None
                if can_see(viewer, ticket):
                    by_rule.add(name)
        assert by_rule == wanted, person
        if not viewer.user.is_active:
            with pytest.raises(NotAllowed):
                await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(actor), limit=100)
            continue
        page = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(actor), limit=100)
        assert {names[t.id] for t in page.tickets} == wanted, person
        assert page.total == len(wanted)


async def test_a_ticket_you_may_not_see_reads_as_not_found(engine: AsyncEngine) -> None:
    world = await build_world(engine)
    hidden = world.tickets["by_other_customer"]
    with pytest.raises(TicketNotFound):
        await get_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(world.people["customer"]), ticket=hidden)
    with pytest.raises(TicketNotFound):
        await get_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(world.people["customer"]), ticket=99999)
    seen = await get_ticket(
        uow=SqlUnitOfWork(engine), actor=as_actor(world.people["admin"]), ticket=hidden
    )
    assert seen.id == hidden
