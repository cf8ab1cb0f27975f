"""The assign picker: a card carries the viewer and their teams; everyone else is searched."""

from __future__ import annotations

from dataclasses import replace

import pytest

from domain.people import Role
from domain.services.overview import assignee_search, ticket_overview
from domain.tickets import Assignee
from tests.actors import as_actor
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase


async def _found(db: FakeDatabase, actor_id: str, text: str, **page: int) -> list[str]:
    choices = await assignee_search(uow=db.unit_of_work(), actor=as_actor(actor_id), text=text,
                                    **page)
    return [choice.title for choice in choices]


async def test_a_ticket_card_for_a_manager_carries_only_them_and_their_teams(
    db: FakeDatabase, org: Organisation
) -> None:
    for n in range(30):
        db.seed_user(first_name=f"Colleague{n}")
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.user(org.manager.id))
    overview = await ticket_overview(uow=db.unit_of_work(), actor=as_actor(org.manager.id),
                                     ticket=ticket.ticket_number)
    assert [c.assignee for c in overview.assignees] == [
        Assignee.user(org.manager.id), Assignee.team(org.support.id)]


async def test_an_admin_in_no_team_gets_only_themselves_on_the_card(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    overview = await ticket_overview(uow=db.unit_of_work(), actor=as_actor(org.admin.id),
                                     ticket=ticket.ticket_number)
    assert [c.title for c in overview.assignees] == [f"Me ({org.admin.display_name})"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("lee", ["Lee Okafor", "Leena Park"]),
    ("LEE", ["Lee Okafor", "Leena Park"]),
    ("  okafor ", ["Lee Okafor"]),
    ("lee oka", ["Lee Okafor"]),
    ("lpark@", ["Leena Park"]),
    ("Ørsted", ["Åsa Ørsted"]),
    ("100%", []),
    ("sup", ["Team Support"]),
    ("ill", ["Team Billing"]),
    ("zzz", []),
])
async def test_a_manager_finds_colleagues_and_teams_by_any_part_of_a_name_or_email(
    db: FakeDatabase, org: Organisation, typed: str, expected: list[str]
) -> None:
    for first, last, email in [("Lee", "Okafor", "lee.okafor@example.com"),
                               ("Leena", "Park", "lpark@example.com"),
                               ("Åsa", "Ørsted", "asa@example.com")]:
        user = db.seed_user(email=email, first_name=first)
        db.committed.users[user.id] = replace(user, last_name=last)
    assert await _found(db, org.manager.id, typed) == expected


async def test_the_viewer_finds_themselves_as_me(db: FakeDatabase, org: Organisation) -> None:
    assert await _found(db, org.manager.id, "me") == [f"Me ({org.manager.display_name})"]


async def test_an_agent_finds_only_themselves_and_their_own_teams(
    db: FakeDatabase, org: Organisation
) -> None:
    assert await _found(db, org.agent.id, "") == [f"Me ({org.agent.display_name})", "Team Support"]
    assert await _found(db, org.agent.id, "bill") == []
    assert await _found(db, org.agent.id, org.teammate.display_name) == []


async def test_a_customer_finds_no_one(db: FakeDatabase, org: Organisation) -> None:
    assert await _found(db, org.customer.id, "") == []
    assert await _found(db, org.customer.id, "support") == []


async def test_deactivated_people_and_customers_are_never_found(
    db: FakeDatabase, org: Organisation
) -> None:
    db.seed_user(first_name="Gone", active=False)
    db.seed_user(first_name="Gonzo", role=Role.CUSTOMER)
    db.seed_user(first_name="Gondor")
    assert await _found(db, org.admin.id, "gon") == ["Gondor " + _last_of(db, "Gondor")]


def _last_of(db: FakeDatabase, first: str) -> str:
    return next(u.last_name or "" for u in db.committed.users.values() if u.first_name == first)


async def test_a_search_returns_one_page_at_a_time(db: FakeDatabase, org: Organisation) -> None:
    for n in range(40):
        db.seed_user(first_name="Pat", email=f"pat{n:02}@example.com")
    first = await _found(db, org.admin.id, "pat", limit=15)
    second = await _found(db, org.admin.id, "pat", limit=15, skip=15)
    assert len(first) == len(second) == 15
    assert not set(first) & set(second)
