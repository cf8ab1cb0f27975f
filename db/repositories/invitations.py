"""`user_invitations`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.records import to_row, to_value
from db.tables import user_invitations
from domain.people import Department, Invitation, InvitationStatus, Role

_COLUMNS = {"token": "invitation_token"}


class SqlInvitationRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    def _value(self, row: object) -> Invitation:
        return to_value(Invitation, row, **_COLUMNS)  # type: ignore[arg-type]

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
        result = await self._db.execute(
            user_invitations.insert()
            .values(
                email=email,
                role=role.value,
                invited_by=invited_by,
                invitation_token=token,
                status=InvitationStatus.PENDING.value,
                expires_at=expires_at,
                first_name=first_name,
                last_name=last_name,
                department=department.name if department else None,
                department_id=department.id if department else None,
                created_at=now,
            )
            .returning(user_invitations)
        )
        return self._value(result.mappings().one())

    async def get_by_token(self, token: str) -> Invitation | None:
        query = select(user_invitations).where(user_invitations.c.invitation_token == token)
        row = (await self._db.execute(query)).mappings().first()
        return self._value(row) if row else None

    async def pending_for(self, email: str) -> list[Invitation]:
        query = (
            select(user_invitations)
            .where(
                func.lower(user_invitations.c.email) == email.lower(),
                user_invitations.c.status == InvitationStatus.PENDING.value,
            )
            .order_by(user_invitations.c.created_at.desc(), user_invitations.c.id.desc())
        )
        return [self._value(row) for row in (await self._db.execute(query)).mappings()]

    async def pending(self) -> list[Invitation]:
        query = (
            select(user_invitations)
            .where(user_invitations.c.status == InvitationStatus.PENDING.value)
            .order_by(user_invitations.c.created_at.desc(), user_invitations.c.id.desc())
        )
        return [self._value(row) for row in (await self._db.execute(query)).mappings()]

    async def save(self, invitation: Invitation) -> None:
        values = to_row(invitation, user_invitations, exclude=frozenset({"id"}), **_COLUMNS)
        await self._db.execute(
            user_invitations.update().where(user_invitations.c.id == invitation.id).values(**values)
        )

