"""What drawing a batch of notification cards reads: tickets, people and team names.

One query per kind for the whole batch, so a worker delivering a hundred rows
reads the database a handful of times rather than a few hundred.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Collection, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.records import readable_values, to_value
from db.repositories.company import SqlCompanySettingsRepository
from db.repositories.posted_cards import posted_cards
from db.repositories.refresh_audience import refresh_audiences
from db.repositories.subscriptions import SqlAudience, subscription_of
from db.tables import tasks, teams, teams_integration_settings, users
from domain.access import Viewer
from domain.card_updates import PostedCard
from domain.company import CompanySettings
from domain.notifications import Subscription, Target, TargetKind
from domain.people import User
from domain.tickets import Ticket


class SqlNotificationFacts:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def tickets(self, ids: Collection[int]) -> dict[int, Ticket]:
        if not ids:
            return {}
        rows = await self._db.execute(select(tasks).where(tasks.c.id.in_(sorted(set(ids)))))
        return {ticket.id: ticket for ticket in readable_values(Ticket, rows.mappings())}

    async def users(self, ids: Collection[str]) -> dict[str, User]:
        if not ids:
            return {}
        rows = await self._db.execute(select(users).where(users.c.id.in_(sorted(set(ids)))))
        return {row["id"]: to_value(User, row) for row in rows.mappings()}

    async def team_names(self, ids: Collection[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = await self._db.execute(
            select(teams.c.id, teams.c.name).where(teams.c.id.in_(sorted(set(ids))))
        )
        return {team_id: name for team_id, name in rows.all()}

    async def company(self) -> CompanySettings:
        return await SqlCompanySettingsRepository(self._db).get()

    async def viewers(self, user_ids: Collection[str]) -> dict[str, Viewer]:
        return await SqlAudience(self._db).viewers(user_ids)

    async def subscriptions(self, user_ids: Collection[str]) -> dict[str, Subscription]:
        if not user_ids:
            return {}
        rows = await self._db.execute(select(teams_integration_settings).where(
            teams_integration_settings.c.user_id.in_(sorted(set(user_ids)))))
        return {row["user_id"]: subscription_of(row) for row in rows.mappings()}

    async def posted_cards(self, ticket_ids: Collection[int]) -> list[PostedCard]:
        return await posted_cards(self._db, ticket_ids)

    async def subscriptions_to(self, targets: Collection[Target]) -> list[Subscription]:
        settings = teams_integration_settings.c
        hooks = sorted({t.key for t in targets if t.kind is TargetKind.WEBHOOK})
        places = [and_(settings.team_id == t.msteams_team_id, settings.channel_id == t.key)
                  for t in targets if t.kind is TargetKind.CHANNEL]
        where = [*([settings.webhook_url.in_(hooks)] if hooks else []), *places]
        if not where:
            return []
        rows = await self._db.execute(select(teams_integration_settings).where(or_(*where)))
        return [subscription_of(row) for row in rows.mappings()]

    async def refresh_audiences(self, tickets: Iterable[Ticket]) -> dict[int, tuple[str, ...]]:
        return await refresh_audiences(self._db, tickets)


def notice_facts_reader(
    engine: AsyncEngine,
) -> Callable[[], AbstractAsyncContextManager[SqlNotificationFacts]]:
    """`notify.ports.NoticeFactsReader`: one connection for a whole batch of notices."""

    @asynccontextmanager
    async def read() -> AsyncIterator[SqlNotificationFacts]:
        async with engine.connect() as connection:
            yield SqlNotificationFacts(connection)

    return read
