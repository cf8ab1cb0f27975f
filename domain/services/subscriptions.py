"""Channel subscriptions and webhooks: where a manager's ticket notifications go.

The rules (who may subscribe, which event types exist, who hears about an event)
are in `domain.notifications`; these use cases store the choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace

from domain.access import Viewer
from domain.actors import use_case
from domain.chat import TeamsChannel
from domain.clock import utcnow
from domain.digests import ChannelDigest
from domain.errors import InvalidValue
from domain.notifications import SUBSCRIPTION_MANAGERS, Subscription, parse_event_types
from domain.ports import UnitOfWork, WebhookUrlCheck
from domain.services.lookup import authorise


@use_case
async def subscribe_channel(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    channel: TeamsChannel,
    types: Iterable[object] = (),
) -> Subscription:
    """Points the actor's one subscription at this channel; managers and admins only."""
    chosen = parse_event_types(types)
    async with uow:
        await authorise(uow, actor, *SUBSCRIPTION_MANAGERS)
        current = await uow.subscriptions.for_user(actor.id) or Subscription(user_id=actor.id)
        saved = await uow.subscriptions.save(
            replace(current, enabled=True, notification_types=chosen, **asdict(channel)),
            now=utcnow(),
        )
        await uow.commit()
    return saved


@use_case
async def own_subscription(*, uow: UnitOfWork, actor: Viewer) -> Subscription | None:
    """The actor's one subscription (webhook and channel), as TicketFlow keeps it per person."""
    async with uow:
        await authorise(uow, actor, *SUBSCRIPTION_MANAGERS)
        return await uow.subscriptions.for_user(actor.id)


@use_case
async def unsubscribe_channel(*, uow: UnitOfWork, actor: Viewer, channel: TeamsChannel) -> int:
    """Stops bot posts to this channel, whoever subscribed it; returns how many rows pointed here.

    The channel is what people asked to quiet, so every subscription to it lets go;
    a row that also has a webhook keeps it (and stays enabled for it).
    """
    async with uow:
        await authorise(uow, actor, *SUBSCRIPTION_MANAGERS)
        rows = await uow.subscriptions.for_channel(channel.msteams_team_id, channel.channel_id)
        now = utcnow()
        for row in rows:
            await uow.subscriptions.save(
                replace(
                    row,
                    msteams_team_id=None,
                    msteams_team_name=None,
                    channel_id=None,
                    channel_name=None,
                    enabled=row.enabled and bool(row.webhook_url),
                ),
                now=now,
            )
        await uow.commit()
    return len(rows)


@dataclass(frozen=True, slots=True)
class ChannelNotifications:
    """What a channel gets: the subscriptions posting to it and its daily digest."""

    subscriptions: list[Subscription]
    digest: ChannelDigest | None
    owners: dict[str, str]
    """Each subscriber's name by user id: whose access decides what the channel is shown."""


@use_case
async def channel_notifications(
    *, uow: UnitOfWork, actor: Viewer, channel: TeamsChannel
) -> ChannelNotifications:
    """Everything this channel is sent, read in one unit of work; managers and admins only."""
    place = (channel.msteams_team_id, channel.channel_id)
    async with uow:
        await authorise(uow, actor, *SUBSCRIPTION_MANAGERS)
        subscriptions = await uow.subscriptions.for_channel(*place)
        digest = await uow.digests.for_channel(*place)
        owners: dict[str, str] = {}
        owner_ids = [row.user_id for row in subscriptions] + ([digest.owner_id] if digest else [])
        for user_id in owner_ids:
            user = await uow.users.get(user_id)
            owners[user_id] = user.display_name if user else "a former user"
        return ChannelNotifications(subscriptions=subscriptions, digest=digest, owners=owners)


@use_case
async def set_webhook(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    url: str | None,
    check: WebhookUrlCheck,
    types: Iterable[object] = (),
) -> Subscription:
    """Sets (or with None clears) the actor's channel webhook; a refused URL saves nothing."""
    stored: str | None = None
    if url is not None and url.strip():
        try:
            stored = check(url)
        except ValueError as refusal:
            raise InvalidValue("webhook_url", str(refusal)) from None
    chosen = parse_event_types(types)
    async with uow:
        await authorise(uow, actor, *SUBSCRIPTION_MANAGERS)
        current = await uow.subscriptions.for_user(actor.id) or Subscription(user_id=actor.id)
        if stored is None and current.notification_types:
            # The row's types also choose what its channel gets: removing the webhook must
            # not widen them (`webhook off` set every type on a channel subscribed to one).
            chosen = current.notification_types
        enabled = stored is not None or (current.enabled and current.has_channel)
        saved = await uow.subscriptions.save(
            replace(current, webhook_url=stored, enabled=enabled, notification_types=chosen),
            now=utcnow(),
        )
        await uow.commit()
    return saved
