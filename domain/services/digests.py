"""Channel digests: a manager opts a channel in to a daily list of due tickets, or out.

The schedule and the list are the rules of `domain.digests`; these use cases store
the channel's choice in the one unit of work.
"""

from __future__ import annotations

from domain.access import Viewer
from domain.actors import use_case
from domain.clock import utcnow
from domain.digests import ChannelDigest, parse_schedule
from domain.errors import InvalidValue
from domain.notifications import SUBSCRIPTION_MANAGERS
from domain.ports import UnitOfWork
from domain.services.lookup import authorise


@use_case
async def subscribe_digest(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    msteams_team_id: str,
    msteams_team_name: str | None,
    channel_id: str,
    channel_name: str | None,
    at: str | None,
    zone: str | None,
) -> ChannelDigest:
    """Sends this channel a digest every day at `at` in `zone`; managers and admins only.
    A time or zone that does not parse is refused before anything is saved."""
    schedule = parse_schedule(at, zone)
    if not msteams_team_id.strip() or not channel_id.strip():
        raise InvalidValue("channel", "say this in the Teams channel that should get the digest")
    async with uow:
        await authorise(uow, actor, *SUBSCRIPTION_MANAGERS)
        saved = await uow.digests.save(
            ChannelDigest(
                msteams_team_id=msteams_team_id,
                channel_id=channel_id,
                owner_id=actor.id,
                schedule=schedule,
                msteams_team_name=msteams_team_name,
                channel_name=channel_name,
            ),
            now=utcnow(),
        )
        await uow.commit()
    return saved


@use_case
async def unsubscribe_digest(
    *, uow: UnitOfWork, actor: Viewer, msteams_team_id: str, channel_id: str
) -> bool:
    """Stops the channel's digest; returns whether there was one."""
    async with uow:
        await authorise(uow, actor, *SUBSCRIPTION_MANAGERS)
        removed = await uow.digests.remove(msteams_team_id, channel_id)
        await uow.commit()
    return removed > 0
