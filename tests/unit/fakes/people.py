"""Fake repositories for users, teams, departments, invitations and company settings."""

from __future__ import annotations

from datetime import datetime

from domain.access import Viewer
from domain.company import CompanySettings
from domain.people import (
    Department,
    Invitation,
    InvitationStatus,
    Membership,
    NewUser,
    Role,
    Team,
    User,
)
from tests.unit.fakes.repository import Repository
from tests.unit.fakes.tables import CompanyRow


class FakeUserRepository(Repository):
    async def get(self, user_id: str) -> User | None:
        return self._tables.users.get(user_id)

    async def get_by_email(self, email: str) -> User | None:
        """Case-insensitive, like `db/`: the web app may have stored mixed-case addresses."""
        matches = [
            u for u in self._tables.users.values() if u.email and u.email.lower() == email.lower()
        ]
        return min(matches, key=lambda u: (u.created_at or datetime.min, u.id), default=None)

    async def add(self, new: NewUser, *, now: datetime) -> User:
        user = User(
            id=f"user-{self._uow.database.next_id('users')}",
            email=new.email,
            first_name=new.first_name,
            last_name=new.last_name,
            role=new.role,
            department=new.department,
            is_active=True,
            created_at=now,
        )
        self._uow.insert("users", user.id, user)
        return user

    async def save(self, user: User, *, now: datetime) -> None:
        self._uow.update("users", user.id, user)

    async def all(self, *, include_inactive: bool = False) -> list[User]:
        users = [u for u in self._tables.users.values() if include_inactive or u.is_active]
        return sorted(users, key=lambda u: (u.email or "", u.id))

    async def assignable(self, *, text: str, limit: int, excluding: str | None = None
                         ) -> list[User]:
        wanted = text.lower()
        by_name = sorted(await self.all(), key=lambda u: (
            (u.first_name or "").lower(), (u.last_name or "").lower(), u.id))
        found = [
            u for u in by_name
            if u.role is not Role.CUSTOMER and u.id != excluding
            and (wanted in f"{u.first_name or ''} {u.last_name or ''}".lower()
                 or wanted in (u.email or "").lower())
        ]
        return found[:limit]

    async def viewer(self, user_id: str) -> Viewer | None:
        user = self._tables.users.get(user_id)
        if user is None:
            return None
        memberships = self._tables.team_members.values()
        team_ids = frozenset(m.team_id for m in memberships if m.user_id == user_id)
        teammates = frozenset(m.user_id for m in memberships if m.team_id in team_ids)
        return Viewer(user=user, team_ids=team_ids, teammate_ids=teammates - {user_id})


class FakeTeamRepository(Repository):
    async def get(self, team_id: int) -> Team | None:
        return self._tables.teams.get(team_id)

    async def get_by_name(self, name: str) -> Team | None:
        wanted = name.strip().lower()
        matches = [t for t in self._tables.teams.values() if t.name.lower() == wanted]
        return min(matches, key=lambda t: t.id, default=None)

    async def add(
        self, *, name: str, description: str | None, created_by: str | None, now: datetime
    ) -> Team:
        team = Team(self._uow.database.next_id("teams"), name, description, created_by)
        self._uow.insert("teams", team.id, team)
        return team

    async def all(self) -> list[Team]:
        return sorted(self._tables.teams.values(), key=lambda t: (t.name, t.id))

    async def named(self, *, text: str, limit: int, among: frozenset[int] | None = None
                    ) -> list[Team]:
        found = [
            t for t in await self.all()
            if text.lower() in t.name.lower() and (among is None or t.id in among)
        ]
        return found[:limit]

    async def members(self, team_id: int) -> list[Membership]:
        return [m for m in self._tables.team_members.values() if m.team_id == team_id]

    async def membership(self, team_id: int, user_id: str) -> Membership | None:
        return self._tables.team_members.get((team_id, user_id))

    async def add_member(self, membership: Membership, *, now: datetime) -> None:
        """TicketFlow has no unique key here; a duplicate would be a use-case bug, so it raises."""
        self._uow.require("teams", membership.team_id)
        self._uow.require("users", membership.user_id)
        self._uow.insert("team_members", (membership.team_id, membership.user_id), membership)

    async def remove_member(self, team_id: int, user_id: str) -> bool:
        return self._uow.delete("team_members", (team_id, user_id))

class FakeDepartmentRepository(Repository):
    async def get(self, department_id: int) -> Department | None:
        return self._tables.departments.get(department_id)

    async def get_by_name(self, name: str) -> Department | None:
        wanted = name.strip().lower()
        matches = (d for d in self._tables.departments.values() if d.name.lower() == wanted)
        return next(matches, None)


class FakeInvitationRepository(Repository):
    async def add(
        self,
        *,
        email: str,
        role: Role,
        invited_by: str,
        token: str,
        expires_at: datetime,
        first_name: str | None,
        last_name: str | None,
        department: Department | None,
        now: datetime,
    ) -> Invitation:
        self._uow.require("users", invited_by)
        invitation = Invitation(
            id=self._uow.database.next_id("user_invitations"),
            email=email,
            role=role,
            invited_by=invited_by,
            token=token,
            status=InvitationStatus.PENDING,
            expires_at=expires_at,
            first_name=first_name,
            last_name=last_name,
            department=department.name if department else None,
            department_id=department.id if department else None,
        )
        self._uow.insert("user_invitations", invitation.id, invitation)
        return invitation

    async def get_by_token(self, token: str) -> Invitation | None:
        return next((i for i in self._newest_first() if i.token == token), None)

    async def pending_for(self, email: str) -> list[Invitation]:
        return [
            i for i in self._newest_first()
            if i.email.lower() == email.lower() and i.status is InvitationStatus.PENDING
        ]

    async def pending(self) -> list[Invitation]:
        return [i for i in self._newest_first() if i.status is InvitationStatus.PENDING]

    async def save(self, invitation: Invitation) -> None:
        self._uow.update("user_invitations", invitation.id, invitation)

    def _newest_first(self) -> list[Invitation]:
        """Ids grow with creation time here, so they order invitations as `created_at` would."""
        return sorted(self._tables.user_invitations.values(), key=lambda i: i.id, reverse=True)


class FakeCompanySettingsRepository(Repository):
    async def get(self) -> CompanySettings:
        row = self._tables.company_settings.get(1)
        return row.settings if row else CompanySettings()

    async def save(self, settings: CompanySettings, *, updated_by: str, now: datetime) -> None:
        self._uow.require("users", updated_by)
        row = CompanyRow(settings, updated_by, now)
        if 1 in self._tables.company_settings:
            self._uow.update("company_settings", 1, row)
        else:
            self._uow.insert("company_settings", 1, row)
