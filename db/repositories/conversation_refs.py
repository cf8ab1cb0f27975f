"""`bot_conversation_refs`: where the bot can post proactively, refreshed on every turn."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.connections import checkout, transaction
from db.records import to_value
from db.tables import bot_conversation_refs as refs
from db.upserts import insert_into
from domain.chat import ConversationKind, ConversationRef
from domain.clock import utcnow


class SqlConversationRefs:
    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._engine = engine
        self._clock = clock

    async def upsert(self, ref: ConversationRef) -> None:
        """Insert or refresh by conversation id.

        The service URL and the reference change under the bot's feet (Teams moves
        conversations between regions), so they are always replaced. Tenant, team,
        channel and user are kept when a turn does not know them, so an activity that
        arrives before the user is linked does not unlink the conversation.
        """
        now = ref.updated_at or self._clock()
        statement = insert_into(refs, self._engine.dialect.name).values(
            conversation_id=ref.conversation_id,
            kind=ref.kind.value,
            service_url=ref.service_url,
            tenant_id=ref.tenant_id,
            team_id=ref.msteams_team_id,
            channel_id=ref.channel_id,
            user_id=ref.user_id,
            reference=dict(ref.reference),
            created_at=now,
            updated_at=now,
        )
        new = statement.excluded
        statement = statement.on_conflict_do_update(
            index_elements=[refs.c.conversation_id],
            set_={
                "kind": new.kind,
                "service_url": new.service_url,
                "reference": new.reference,
                "updated_at": new.updated_at,
                "tenant_id": func.coalesce(new.tenant_id, refs.c.tenant_id),
                "team_id": func.coalesce(new.team_id, refs.c.team_id),
                "channel_id": func.coalesce(new.channel_id, refs.c.channel_id),
                "user_id": func.coalesce(new.user_id, refs.c.user_id),
            },
        )
        async with transaction(self._engine) as connection:
            await connection.execute(statement)

    async def remove(self, conversation_id: str) -> None:
        """Forgets the conversation, with the threads under it when it is a channel."""
        threads = conversation_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        async with transaction(self._engine) as connection:
            await connection.execute(
                delete(refs).where(
                    or_(
                        refs.c.conversation_id == conversation_id,
                        refs.c.conversation_id.like(f"{threads};messageid=%", escape="\\"),
                    )
                )
            )

    async def remove_team(self, msteams_team_id: str) -> list[str]:
        """Forgets every channel and thread of the team; returns the conversations forgotten."""
        async with transaction(self._engine) as connection:
            removed = await connection.execute(
                delete(refs).where(refs.c.team_id == msteams_team_id)
                .returning(refs.c.conversation_id)
            )
            return list(removed.scalars())

    async def get(self, conversation_id: str) -> ConversationRef | None:
        return await self._first(select(refs).where(refs.c.conversation_id == conversation_id))

    async def personal_for(self, user_id: str) -> ConversationRef | None:
        """The most recently active one: a user reinstalling the bot gets a new conversation."""
        return await self._first(
            select(refs)
            .where(refs.c.user_id == user_id, refs.c.kind == ConversationKind.PERSONAL.value)
            .order_by(refs.c.updated_at.desc(), refs.c.id.desc())
        )

    async def channel(self, msteams_team_id: str, channel_id: str) -> ConversationRef | None:
        """The channel itself before any thread in it (a thread's id adds `;messageid=…`)."""
        return await self._first(
            select(refs)
            .where(
                refs.c.kind == ConversationKind.CHANNEL.value,
                refs.c.team_id == msteams_team_id,
                refs.c.channel_id == channel_id,
            )
            .order_by(
                case((refs.c.conversation_id == channel_id, 0), else_=1),
                refs.c.updated_at.desc(),
                refs.c.id.desc(),
            )
        )

    async def _first(self, query: Select[Any]) -> ConversationRef | None:
        async with checkout(self._engine) as connection:
            row = (await connection.execute(query.limit(1))).mappings().first()
        return to_value(ConversationRef, row, msteams_team_id="team_id") if row else None

