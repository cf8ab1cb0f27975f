"""`teams_integration_settings` as subscriptions, and the audience facts an event needs.

`SqlAudience` reads, on the ticket change's own connection, everything
`domain.notifications.recipients` decides from: enabled subscriptions, the
viewers (user, teams, teammates) of the people involved, and where the bot and
mail can reach. Each is one query for the whole set, whatever its size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncConnection

from db.repositories.posted_cards import posted_cards
from db.records import to_value
from db.tables import (
    bot_conversation_refs,
    smtp_settings,
    team_members,
    teams_integration_settings,
    users,
)
from db.upserts import upserted
from domain.card_updates import PostedCard
from domain.access import Viewer
from domain.chat import ConversationKind
from domain.notifications import Reach, Subscription
from domain.people import Role, User

settings = teams_integration_settings


class SqlSubscriptionRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def for_user(self, user_id: str) -> Subscription | None:
        row = (
            (await self._db.execute(select(settings).where(settings.c.user_id == user_id)))
            .mappings()
            .first()
        )
        return subscription_of(row) if row else None

    async def save(self, subscription: Subscription, *, now: datetime) -> Subscription:
        values = {
            "enabled": subscription.enabled,
            "notification_types": sorted(subscription.notification_types),
            "webhook_url": subscription.webhook_url,
            "team_id": subscription.msteams_team_id,
            "team_name": subscription.msteams_team_name,
            "channel_id": subscription.channel_id,
            "channel_name": subscription.channel_name,
            "updated_at": now,
        }
        row = await upserted(
            self._db, settings, key={"user_id": subscription.user_id}, values=values,
            created_at=now,
        )
        return subscription_of(row)

    async def for_channel(self, msteams_team_id: str, channel_id: str) -> list[Subscription]:
        query = (
            select(settings)
            .where(settings.c.team_id == msteams_team_id, settings.c.channel_id == channel_id)
            .order_by(settings.c.id)
        )
        return [subscription_of(row) for row in (await self._db.execute(query)).mappings()]

    async def disable_webhook(self, url: str) -> int:
        """Switches off every enabled subscription posting to `url` (it answered 404/410)."""
        result = await self._db.execute(
            update(settings)
            .where(settings.c.webhook_url == url, settings.c.enabled.is_(True))
            .values(enabled=False)
        )
        return int(result.rowcount)


class SqlAudience:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def posted_cards(self, ticket_ids: Collection[int]) -> list[PostedCard]:
        return await posted_cards(self._db, ticket_ids)

    async def enabled_subscriptions(self) -> list[Subscription]:
        query = select(settings).where(settings.c.enabled.is_(True)).order_by(settings.c.id)
        return [subscription_of(row) for row in (await self._db.execute(query)).mappings()]

    async def viewers(self, user_ids: Collection[str]) -> dict[str, Viewer]:
        """What `UserRepository.viewer` gives for each id, in three queries for all of them."""
        if not user_ids:
            return {}
        ids = sorted(set(user_ids))
        people = [
            to_value(User, row)
            for row in (await self._db.execute(select(users).where(users.c.id.in_(ids)))).mappings()
        ]
        teams_of: dict[str, set[int]] = defaultdict(set)
        query = select(team_members.c.user_id, team_members.c.team_id).where(
            team_members.c.user_id.in_(ids)
        )
        for user_id, team_id in (await self._db.execute(query)).all():
            teams_of[user_id].add(team_id)
        managed = {
            team_id for user in people if user.role is Role.MANAGER for team_id in teams_of[user.id]
        }
        members_of: dict[int, set[str]] = defaultdict(set)
        if managed:
            query = select(team_members.c.team_id, team_members.c.user_id).where(
                team_members.c.team_id.in_(sorted(managed))
            )
            for team_id, user_id in (await self._db.execute(query)).all():
                members_of[team_id].add(user_id)
        viewers: dict[str, Viewer] = {}
        for user in people:
            team_ids = frozenset(teams_of[user.id])
            teammates: frozenset[str] = frozenset()
            if user.role is Role.MANAGER:
                teammates = frozenset(m for team in team_ids for m in members_of[team])
            viewers[user.id] = Viewer(user=user, team_ids=team_ids, teammate_ids=teammates)
        return viewers

    async def reach(
        self, *, channels: Collection[tuple[str, str]], users: Collection[str]
    ) -> Reach:
        """Which of these channels and users the bot can post to, and whether mail is on."""
        bot_channels: set[tuple[str, str]] = set()
        bot_chats: set[str] = set()
        refs = bot_conversation_refs.c
        wanted = []
        if channels:
            wanted.append(
                and_(
                    refs.kind == ConversationKind.CHANNEL.value,
                    tuple_(refs.team_id, refs.channel_id).in_(sorted(set(channels))),
                )
            )
        if users:
            wanted.append(
                and_(refs.kind == ConversationKind.PERSONAL.value, refs.user_id.in_(sorted(users)))
            )
        if wanted:
            query = select(refs.kind, refs.team_id, refs.channel_id, refs.user_id).where(
                or_(*wanted)
            )
            for kind, team_id, channel_id, user_id in (await self._db.execute(query)).all():
                if kind == ConversationKind.CHANNEL.value:
                    bot_channels.add((team_id, channel_id))
                else:
                    bot_chats.add(user_id)
        return Reach(
            bot_channels=frozenset(bot_channels),
            bot_chats=frozenset(bot_chats),
            email=await self.mail_enabled() if users else False,
        )

    async def mail_enabled(self) -> bool:
        query = select(smtp_settings.c.id).where(
            smtp_settings.c.is_active.is_not(False),
            smtp_settings.c.host.is_not(None),
            smtp_settings.c.host != "",
        )
        return (await self._db.execute(query.limit(1))).first() is not None


def subscription_of(row: Mapping[str, Any]) -> Subscription:
    return Subscription(
        id=row["id"],
        user_id=row["user_id"],
        enabled=bool(row["enabled"]),
        notification_types=frozenset(row["notification_types"] or ()),
        webhook_url=row["webhook_url"],
        msteams_team_id=row["team_id"],
        msteams_team_name=row["team_name"],
        channel_id=row["channel_id"],
        channel_name=row["channel_name"],
    )
