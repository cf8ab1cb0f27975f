"""The committed state several fake units of work share, and rows seeded before a test."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

import pytest

from domain.clock import utcnow
from domain.company import CompanySettings
from domain.events import TicketEvent
from domain.people import (
    Department,
    Invitation,
    InvitationStatus,
    Membership,
    Role,
    Team,
    TeamRole,
    User,
)
from domain.tickets import Assignee, AssigneeType, Category, HistoryEntry, Ticket
from tests.unit.fakes.tables import CompanyRow, Tables, check_unique
from tests.unit.fakes.unit_of_work import FakeUnitOfWork

E = TypeVar("E", bound=Exception)

SEEDED_AT = datetime(2024, 3, 4, 9, 0)
"""When seeded rows were written: well before anything a use case writes with `utcnow()`,
so a change made by a use case always makes a seeded ticket newer (and its card stale)."""


class FakeDatabase:
    """The committed state, shared by every unit of work opened on it (like several processes)."""

    def __init__(self) -> None:
        self.committed = Tables()
        self.commits = 0
        self.writes_opened = 0
        """Units of work entered for writing (a write transaction on a real database)."""
        self._sequences: dict[str, int] = {}
        self._locks: dict[Hashable, asyncio.Lock] = {}

    def unit_of_work(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)

    def next_id(self, table: str) -> int:
        """Like a serial column: never reused, and not rolled back."""
        self._sequences[table] = self._sequences.get(table, 0) + 1
        return self._sequences[table]

    def lock(self, key: Hashable) -> asyncio.Lock:
        return self._locks.setdefault(key, asyncio.Lock())

    def snapshot(self) -> Tables:
        return self.committed.copy()

    async def refuses(self, error: type[E], call: Callable[[], Awaitable[object]]) -> E:
        """Runs `call`, which must raise `error` and leave every committed row as it was."""
        before = self.snapshot()
        with pytest.raises(error) as failed:
            await call()
        assert self.snapshot() == before
        return failed.value

    # Reading committed rows in assertions.

    def ticket(self, ticket_id: int) -> Ticket:
        return self.committed.tasks[ticket_id]

    def user(self, user_id: str) -> User:
        return self.committed.users[user_id]

    def history(self, task_id: int) -> list[HistoryEntry]:
        return [e for e in self.committed.task_history.values() if e.task_id == task_id]

    @property
    def events(self) -> list[TicketEvent]:
        return list(self.committed.outbox.values())

    @property
    def invitations(self) -> list[Invitation]:
        return list(self.committed.user_invitations.values())

    # Seeding rows that exist before the use case under test runs.

    def seed_user(
        self,
        *,
        role: Role = Role.USER,
        active: bool = True,
        email: str | None = None,
        first_name: str | None = None,
        department: str | None = None,
    ) -> User:
        n = self.next_id("users")
        user = User(
            id=f"user-{n}",
            email=email or f"{role.value}{n}@example.com",
            first_name=first_name or role.value.title(),
            last_name=str(n),
            role=role,
            department=department,
            is_active=active,
            created_at=SEEDED_AT,
        )
        self.committed.users[user.id] = user
        check_unique(self.committed)
        return user

    def seed_team(self, name: str, *members: User) -> Team:
        team = Team(self.next_id("teams"), name)
        self.committed.teams[team.id] = team
        for member in members:
            self.seed_member(team, member)
        return team

    def seed_member(self, team: Team, user: User, role: TeamRole = TeamRole.MEMBER) -> None:
        self.committed.team_members[(team.id, user.id)] = Membership(team.id, user.id, role)

    def seed_ticket(
        self, *, created_by: User, assignee: Assignee | None = None, **values: Any
    ) -> Ticket:
        """A ticket as the web app might have stored it; raw column `values` win, stale or not."""
        ticket_id = self.next_id("tasks")
        at = SEEDED_AT + timedelta(minutes=ticket_id)
        ticket = Ticket(
            id=ticket_id,
            ticket_number=f"TKT-{SEEDED_AT.year}-{ticket_id:04d}",
            title=f"Printer {ticket_id} is jammed",
            category=Category.SUPPORT,
            created_by=created_by.id,
            created_at=at,
            updated_at=at,
            assignee_type=assignee.kind if assignee else AssigneeType.USER,
            assignee_id=assignee.user_id if assignee else None,
            assignee_team_id=assignee.team_id if assignee else None,
        )
        ticket = replace(ticket, **values)
        self.committed.tasks[ticket.id] = ticket
        check_unique(self.committed)
        return ticket

    def seed_department(self, name: str) -> Department:
        department = Department(self.next_id("departments"), name)
        self.committed.departments[department.id] = department
        return department

    def seed_invitation(
        self,
        *,
        email: str,
        invited_by: User,
        role: Role = Role.USER,
        expires_at: datetime | None = None,
        status: InvitationStatus = InvitationStatus.PENDING,
        token: str | None = None,
    ) -> Invitation:
        invitation_id = self.next_id("user_invitations")
        invitation = Invitation(
            id=invitation_id,
            email=email,
            role=role,
            invited_by=invited_by.id,
            token=token or f"token-{invitation_id}",
            status=status,
            expires_at=expires_at or utcnow() + timedelta(days=7),
        )
        self.committed.user_invitations[invitation.id] = invitation
        return invitation

    def seed_company(self, settings: CompanySettings) -> None:
        self.committed.company_settings[1] = CompanyRow(settings, None, None)
