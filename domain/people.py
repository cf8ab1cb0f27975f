"""Users, teams, memberships, departments and invitations as TicketFlow keeps them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    USER = "user"
    CUSTOMER = "customer"


class TeamRole(StrEnum):
    ADMIN = "admin"
    MEMBER = "member"


class InvitationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class User:
    id: str
    email: str | None
    first_name: str | None = None
    last_name: str | None = None
    role: Role = Role.USER
    department: str | None = None
    is_active: bool = True
    created_at: datetime | None = None

    @property
    def display_name(self) -> str:
        name = " ".join(part for part in (self.first_name, self.last_name) if part)
        return name or self.email or self.id


@dataclass(frozen=True, slots=True)
class NewUser:
    email: str
    first_name: str | None
    last_name: str | None
    role: Role
    department: str | None = None


@dataclass(frozen=True, slots=True)
class Team:
    id: int
    name: str
    description: str | None = None
    created_by: str | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    team_id: int
    user_id: str
    role: TeamRole = TeamRole.MEMBER


@dataclass(frozen=True, slots=True)
class Department:
    id: int
    name: str
    description: str | None = None
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class Invitation:
    id: int
    email: str
    role: Role
    invited_by: str
    token: str
    status: InvitationStatus
    expires_at: datetime
    first_name: str | None = None
    last_name: str | None = None
    department: str | None = None
    department_id: int | None = None
    accepted_at: datetime | None = None

    def is_usable(self, now: datetime) -> bool:
        return self.status is InvitationStatus.PENDING and self.expires_at > now
