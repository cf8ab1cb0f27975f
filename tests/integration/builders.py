"""Rows for integration tests, written straight to the tables (as the web app would)."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import team_members, tasks, teams, users
from domain.clock import utcnow

_numbers = itertools.count(1)


def this_years(sequence: int, *, prefix: str = "TKT") -> str:
    """The ticket number a bare `sequence` ("close 80") names when the bot reads it: this year's.
    A test that says a bare number must not write the year out; the CI's date is unknown."""
    return f"{prefix}-{utcnow().year}-{sequence:04d}"


async def insert_user(
    engine: AsyncEngine,
    *,
    role: str = "user",
    active: bool = True,
    email: str | None = None,
    name: str | None = None,
) -> str:
    """A user row; `name` is "First Last" (else the role and a few letters of the id)."""
    user_id = str(uuid.uuid4())
    first, _, last = (name or f"{role.title()} {user_id[:4]}").partition(" ")
    async with engine.begin() as connection:
        await connection.execute(
            users.insert().values(
                id=user_id,
                email=email or f"{role}-{user_id[:8]}@example.com",
                first_name=first,
                last_name=last,
                role=role,
                is_active=active,
            )
        )
    return user_id


async def insert_person(
    engine: AsyncEngine, first: str, last: str, *, role: str = "user", active: bool = True
) -> str:
    """A user known by name, at `first.last@example.com`."""
    email = f"{first}.{last}@example.com".lower()
    return await insert_user(engine, role=role, active=active, email=email, name=f"{first} {last}")


async def insert_team(engine: AsyncEngine, name: str, *members: str) -> int:
    async with engine.begin() as connection:
        team_id = (
            await connection.execute(teams.insert().values(name=name).returning(teams.c.id))
        ).scalar_one()
        for member in members:
            await connection.execute(team_members.insert().values(team_id=team_id, user_id=member))
    return int(team_id)


async def insert_ticket(
    engine: AsyncEngine,
    *,
    created_by: str,
    assignee_type: str | None = "user",
    assignee_id: str | None = None,
    assignee_team_id: int | None = None,
    number: str | None = None,
    title: str = "Printer on floor 3 jams",
    updated_at: datetime | None = None,
    created_at: datetime | None = None,
    due_date: datetime | None = None,
    status: str = "open",
    priority: str = "medium",
    severity: str | None = "normal",
    resolved_at: datetime | None = None,
    closed_at: datetime | None = None,
) -> int:
    async with engine.begin() as connection:
        result = await connection.execute(
            tasks.insert()
            .values(
                ticket_number=number or f"WEB-2020-{next(_numbers):04d}",
                title=title,
                category="support",
                created_by=created_by,
                assignee_type=assignee_type,
                assignee_id=assignee_id,
                assignee_team_id=assignee_team_id,
                due_date=due_date,
                status=status,
                priority=priority,
                severity=severity,
                created_at=created_at or utcnow(),
                updated_at=updated_at or utcnow(),
                resolved_at=resolved_at,
                closed_at=closed_at,
            )
            .returning(tasks.c.id)
        )
        return int(result.scalar_one())
