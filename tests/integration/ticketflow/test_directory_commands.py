"""`ticketflow teams add-member`, run as the CLI runs it: it says which team, as it is named."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.builders import insert_team, insert_user
from tests.integration.commands import run_command
from ticketflow.settings import Settings


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url)


async def test_adding_a_member_names_the_team_as_it_is_stored_whatever_was_typed(
    engine: AsyncEngine, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    name = f"Network {uuid.uuid4().hex[:6]}"
    team_id = await insert_team(engine, name)
    email = f"sam-{uuid.uuid4().hex[:6]}@example.com"
    await insert_user(engine, email=email)

    for typed in (name.lower(), str(team_id)):
        assert await run_command(settings, "teams", "add-member", typed, email) == 0
        assert capsys.readouterr().out == f"{email} is in team {name} (id {team_id}) as member\n"


async def test_adding_someone_already_in_the_team_keeps_and_says_their_role(
    engine: AsyncEngine, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    email = f"lee-{uuid.uuid4().hex[:6]}@example.com"
    member = await insert_user(engine, email=email)
    name = f"Desk {uuid.uuid4().hex[:6]}"
    team_id = await insert_team(engine, name, member)

    assert await run_command(settings, "teams", "add-member", name, email, "--role", "admin") == 0
    assert capsys.readouterr().out == f"{email} is in team {name} (id {team_id}) as member\n"


async def test_a_user_added_with_a_department_is_listed_with_it(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    email = f"dana-{uuid.uuid4().hex[:6]}@example.com"
    assert await run_command(settings, "users", "add", email, "--role", "manager",
                             "--name", "Dana Scully", "--department", "Field IT") == 0
    assert await run_command(settings, "users", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[1].split()
    assert header == ["EMAIL", "NAME", "ROLE", "DEPARTMENT", "ACTIVE", "ID"]
    row = next(line for line in lines if line.startswith(email))
    assert " Dana Scully " in row and " manager " in row and " Field IT " in row
