"""Searching people and teams for the assign picker, on both backends: bounded, any case,
and what is typed is text, never a pattern."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import users
from db.uow import SqlUnitOfWork
from domain.services.overview import assignee_search, ticket_overview
from tests.actors import as_actor
from tests.integration.builders import insert_team, insert_ticket, insert_user


async def _named(engine: AsyncEngine, first: str, last: str, email: str, *,
                 role: str = "user", active: bool = True) -> str:
    return await insert_user(engine, role=role, active=active, email=email, name=f"{first} {last}")


async def _titles(engine: AsyncEngine, actor: str, text: str, **page: int) -> list[str]:
    found = await assignee_search(uow=SqlUnitOfWork(engine), actor=as_actor(actor), text=text,
                                  **page)
    return [choice.title for choice in found]


async def test_people_and_teams_are_found_by_part_of_a_name_or_email_in_any_case(
    engine: AsyncEngine,
) -> None:
    admin = await _named(engine, "Root", "Admin", "root@example.com", role="admin")
    await _named(engine, "Lee", "Okafor", "lee.okafor@example.com")
    await _named(engine, "Leena", "Park", "LPark@Example.com", role="manager")
    await _named(engine, "Lee", "Gone", "gone@example.com", active=False)
    await _named(engine, "Lee", "Client", "client@example.com", role="customer")
    await insert_team(engine, "Network Leeds")
    await insert_team(engine, "Billing")

    assert await _titles(engine, admin, "LEE") == ["Team Network Leeds", "Lee Okafor",
                                                     "Leena Park"]
    assert await _titles(engine, admin, "lee oka") == ["Lee Okafor"]
    assert await _titles(engine, admin, "lpark@example") == ["Leena Park"]
    assert await _titles(engine, admin, "bill") == ["Team Billing"]


async def test_wildcards_typed_are_matched_as_text(engine: AsyncEngine) -> None:
    admin = await _named(engine, "Root", "Admin", "root@example.com", role="admin")
    await _named(engine, "Sam", "Percent", "sam_100%@example.com")
    await _named(engine, "Kim", "Plain", "kim1000@example.com")
    await insert_team(engine, "Tier_2")
    await insert_team(engine, "Tier 2 overflow")

    assert await _titles(engine, admin, "100%") == ["Sam Percent"]
    assert await _titles(engine, admin, "_2") == ["Team Tier_2"]
    assert await _titles(engine, admin, "%") == ["Sam Percent"]


async def test_an_agent_finds_only_their_own_teams(engine: AsyncEngine) -> None:
    agent = await _named(engine, "Ada", "Agent", "ada@example.com")
    await _named(engine, "Bo", "Other", "bo@example.com")
    await insert_team(engine, "Support", agent)
    await insert_team(engine, "Support Billing")
    assert await _titles(engine, agent, "") == ["Me (Ada Agent)", "Team Support"]
    assert await _titles(engine, agent, "bo") == []


async def test_a_large_organisation_is_read_a_page_at_a_time(engine: AsyncEngine) -> None:
    admin = await _named(engine, "Root", "Admin", "root@example.com", role="admin")
    async with engine.begin() as connection:
        await connection.execute(users.insert(), [
            {"id": f"bulk-{n:04}", "email": f"person{n:04}@example.com", "first_name": "Person",
             "last_name": f"{n:04}", "role": "user", "is_active": True}
            for n in range(300)
        ])
    first = await _titles(engine, admin, "person", limit=15)
    second = await _titles(engine, admin, "person", limit=15, skip=15)
    assert first == [f"Person {n:04}" for n in range(15)]
    assert second == [f"Person {n:04}" for n in range(15, 30)]


async def test_a_card_for_a_manager_carries_them_and_their_teams_not_the_whole_company(
    engine: AsyncEngine,
) -> None:
    manager = await _named(engine, "Mona", "Manager", "mona@example.com", role="manager")
    for n in range(20):
        await _named(engine, "Staff", str(n), f"staff{n}@example.com")
    support = await insert_team(engine, "Support", manager)
    await insert_team(engine, "Elsewhere")
    ticket = await insert_ticket(engine, created_by=manager, assignee_id=manager)
    overview = await ticket_overview(uow=SqlUnitOfWork(engine), actor=as_actor(manager),
                                     ticket=ticket)
    assert [(c.assignee.label, c.title) for c in overview.assignees] == [
        (manager, "Me (Mona Manager)"), (f"team:{support}", "Team Support")]
