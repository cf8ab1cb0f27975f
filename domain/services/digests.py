"""Channel digests: a manager opts a channel in to a daily list of due tickets, or out.

The schedule and the list are the rules of `domain.digests`; these use cases store
the channel's choice in the one unit of work.
"""

from __future__ import annotations

from dataclasses import asdict

from domain.access import Viewer
from domain.actors import use_case
from domain.chat import TeamsChannel
from domain.clock import utcnow
from domain.digests import ChannelDigest, parse_schedule
from domain.notifications import SUBSCRIPTION_MANAGERS
from domain.ports import UnitOfWork
from domain.services.lookup import authorise


@use_case
async def subscribe_digest(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    channel: TeamsChannel,
    at: str | None,
    zone: str | None,
) -> ChannelDigest:
    """Sends this channel a digest every day at `at` in `zone`; managers and admins only.
    A time or zone that does not parse is refused before anything is saved."""
    schedule = parse_schedule(at, zone)
    async with uow:
        await authorise(uow, actor, *SUBSCRIPTION_MANAGERS)
        saved = await uow.digests.save(
            ChannelDigest(owner_id=actor.id, schedule=schedule, **asdict(channel)),
            now=utcnow(),
        )
        await uow.commit()
    return saved


@use_case
async def unsubscribe_digest(*, uow: UnitOfWork, actor: Viewer, channel: TeamsChannel) -> bool:
    """Stops the channel's digest; returns whether there was one."""
    async with uow:
        await authorise(uow, actor, *SUBSCRIPTION_MANAGERS)
        removed = await uow.digests.remove(channel.msteams_team_id, channel.channel_id)
        await uow.commit()
    return removed > 0
