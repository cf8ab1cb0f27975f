"""`bot_user_links`: which TicketFlow user a Teams identity is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.connections import checkout, transaction
from db.tables import bot_user_links as links
from db.upserts import insert_into
from domain.chat import TeamsIdentity
from domain.clock import utcnow


class SqlUserLinks:
    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._engine = engine
        self._clock = clock

    async def user_for(self, identity: TeamsIdentity) -> str | None:
        """By the Teams user id first; else by the Entra object id in the same tenant.

        The Teams id (`29:…`) differs per bot registration while the object id does
        not, so a user linked through one bot is still known to another.
        """
        async with checkout(self._engine) as connection:
            user_id = (
                await connection.execute(
                    select(links.c.user_id).where(
                        links.c.tenant_id == identity.tenant_id,
                        links.c.teams_user_id == identity.teams_user_id,
                    )
                )
            ).scalar()
            if user_id is None and identity.aad_object_id:
                user_id = (
                    await connection.execute(
                        select(links.c.user_id)
                        .where(
                            links.c.tenant_id == identity.tenant_id,
                            links.c.aad_object_id == identity.aad_object_id,
                        )
                        .order_by(links.c.updated_at.desc(), links.c.id.desc())
                        .limit(1)
                    )
                ).scalar()
        return user_id

    async def link(self, identity: TeamsIdentity, user_id: str) -> None:
        """Insert or re-point; an object id once known is kept when a later turn lacks it."""
        now = self._clock()
        statement = insert_into(links, self._engine.dialect.name).values(
            tenant_id=identity.tenant_id,
            teams_user_id=identity.teams_user_id,
            aad_object_id=identity.aad_object_id,
            user_id=user_id,
            created_at=now,
            updated_at=now,
        )
        new = statement.excluded
        statement = statement.on_conflict_do_update(
            index_elements=[links.c.tenant_id, links.c.teams_user_id],
            set_={
                "user_id": new.user_id,
                "aad_object_id": func.coalesce(new.aad_object_id, links.c.aad_object_id),
                "updated_at": new.updated_at,
            },
        )
        async with transaction(self._engine) as connection:
            await connection.execute(statement)

    async def identities_of(self, user_id: str) -> list[TeamsIdentity]:
        query = select(links.c.tenant_id, links.c.teams_user_id, links.c.aad_object_id).where(
            links.c.user_id == user_id
        ).order_by(links.c.id)
        async with checkout(self._engine) as connection:
            rows = (await connection.execute(query)).all()
        return [
            TeamsIdentity(
                tenant_id=row.tenant_id,
                teams_user_id=row.teams_user_id,
                aad_object_id=row.aad_object_id,
            )
            for row in rows
        ]
