"""A Teams channel that hears about tickets: subscribed by an admin, worked by an agent."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.integration.builders import insert_team, insert_user


class SubscribedChannel(NamedTuple):
    """Rita Root (an admin) said "subscribe" in `channel`; Ada Lovelace (an agent) shares the
    Desk team with her: `root, ada, channel = ...`."""

    root: TeamsUser
    ada: TeamsUser
    channel: str


async def subscribed_channel(service: Service, engine: AsyncEngine) -> SubscribedChannel:
    admin_id = await insert_user(engine, role="admin", email="root@example.com")
    agent_id = await insert_user(engine, role="user", email="ada@example.com", name="Ada Lovelace")
    await insert_team(engine, "Desk", agent_id, admin_id)
    root = service.person("root@example.com", "Rita Root")
    ada = service.person("ada@example.com", "Ada Lovelace")
    await service.say_in_channel("subscribe", user=root)
    return SubscribedChannel(root, ada, service.teams.channel.id)


async def file_in_chat(service: Service, title: str, *, user: TeamsUser) -> None:
    """`user` files a low-priority request titled `title` through the new-ticket dialog."""
    for said in (f"new ticket {title}", "skip", "request", "low"):
        await service.say(said, user=user)
