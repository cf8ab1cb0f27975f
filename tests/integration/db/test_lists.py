"""`db.lists.one_of`: a list bound as one value, the same rows as `IN (…)` on both backends,
and a statement SQLAlchemy compiles once instead of rewriting it for each list's length."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.lists import one_of
from db.tables import team_members, teams, users
from tests.integration.builders import insert_person, insert_team


@pytest.mark.parametrize("wanted", [[], ["nobody"], ["a", "b"], ["b", "b", "nobody", "c"]])
async def test_text_keys_select_what_in_would(engine: AsyncEngine, wanted: list[str]) -> None:
    ids = {}
    for name in ("a", "b", "c"):
        ids[name] = await insert_person(engine, name.upper(), "Person", role="user")
    keys = [ids.get(name, name) for name in wanted]
    async with engine.connect() as connection:
        chosen = select(users.c.id).where(one_of(users.c.id, "keys", engine.dialect.name))
        found = set((await connection.scalars(chosen, {"keys": keys})).all())
        expected = set((await connection.scalars(
            select(users.c.id).where(users.c.id.in_(keys)))).all())
    assert found == expected == {ids[name] for name in wanted if name in ids}


async def test_whole_numbers_select_what_in_would(engine: AsyncEngine) -> None:
    lead = await insert_person(engine, "Lee", "Lead", role="agent")
    desk = await insert_team(engine, "Desk", lead)
    other = await insert_team(engine, "Network", lead)
    async with engine.connect() as connection:
        for wanted in ([desk], [desk, other], [other, 10**6], []):
            chosen = select(teams.c.id).where(one_of(teams.c.id, "ids", engine.dialect.name))
            assert set((await connection.scalars(chosen, {"ids": wanted})).all()) == {
                team for team in wanted if team in (desk, other)}


@pytest.mark.parametrize("dialect", ["postgresql", "sqlite"])
def test_the_statement_is_not_rewritten_for_each_list(dialect: str) -> None:
    """An expanding bind compiles to a POSTCOMPILE placeholder that every execution fills."""
    from sqlalchemy.dialects import postgresql, sqlite

    chosen = select(team_members.c.user_id).where(
        one_of(team_members.c.team_id, "ids", dialect))
    compiled = str(chosen.compile(
        dialect=postgresql.dialect() if dialect == "postgresql" else sqlite.dialect()))
    assert "POSTCOMPILE" not in compiled, compiled
    expanding = select(team_members.c.user_id).where(team_members.c.team_id.in_([1, 2]))
    assert "POSTCOMPILE" in str(expanding.compile(dialect=sqlite.dialect()))
