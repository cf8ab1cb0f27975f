"""`subscribe`, `unsubscribe`, `subscriptions`: which ticket events a channel hears about.

Said in a channel (with the bot @mentioned) by a manager or an admin; the domain
refuses other roles with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from botbuilder.core import TurnContext

from bot import commands
from bot.context import BotDependencies
from domain.access import Viewer
from domain.chat import TeamsChannel
from domain.notifications import Subscription, parse_event_types
from domain.services.digests import subscribe_digest, unsubscribe_digest
from domain.services.subscriptions import (
    channel_notifications,
    own_subscription,
    set_webhook,
    subscribe_channel,
    unsubscribe_channel,
)

SubscriptionCommand = (
    commands.Subscribe | commands.Unsubscribe | commands.Subscriptions | commands.Webhook
    | commands.WebhookShown | commands.SubscribeDigest | commands.UnsubscribeDigest
)
WEBHOOK_USAGE = ("`webhook URL [types]` sets a webhook (a Teams Workflows URL for a channel), "
                 "`webhook off` removes it.")


def _channel(turn_context: TurnContext) -> TeamsChannel:
    """The channel the message was said in; outside a channel, `TeamsChannel` refuses it."""
    data: dict[str, Any] = turn_context.activity.channel_data or {}
    msteams_team, channel = data.get("team") or {}, data.get("channel") or {}
    return TeamsChannel(
        msteams_team_id=msteams_team.get("id") or "",
        channel_id=channel.get("id") or "",
        msteams_team_name=msteams_team.get("name"),
        channel_name=channel.get("name"),
    )


def _in_a_channel(turn_context: TurnContext) -> bool:
    data: dict[str, Any] = turn_context.activity.channel_data or {}
    return bool((data.get("channel") or {}).get("id"))


def _moved_from(before: Subscription | None, channel: TeamsChannel) -> str:
    """Each person has one channel subscription (TicketFlow keeps one row per person): say
    which channel this one leaves, so nobody wonders why it went quiet."""
    if before is None or not before.has_channel or (
        before.msteams_team_id, before.channel_id
    ) == (channel.msteams_team_id, channel.channel_id):
        return ""
    left = f"#{before.channel_name}" if before.channel_name else "the channel you subscribed before"
    return (f" {left} gets no more ticket posts from you: each person subscribes one channel "
            "(another manager or an admin can subscribe it too).")


def _label(event_type: str) -> str:
    return event_type.removeprefix("ticket_").replace("_", " ")


def _kinds(event_types: Iterable[str]) -> str:
    return ", ".join(sorted(_label(t) for t in event_types))


def _host(url: str) -> str:
    """Where a webhook posts, without its path and query (the query is its secret)."""
    return urlsplit(url).hostname or "its address"


async def run_subscription(
    turn_context: TurnContext, deps: BotDependencies, viewer: Viewer, command: SubscriptionCommand
) -> None:
    if isinstance(command, commands.Webhook):
        await _set_webhook(turn_context, deps, viewer, command)
        return
    if isinstance(command, commands.WebhookShown):
        await _show_webhook(turn_context, deps, viewer)
        return
    if isinstance(command, commands.Subscriptions) and not _in_a_channel(turn_context):
        await _show_own(turn_context, deps, viewer)  # "subscriptions" in a personal chat
        return
    channel = _channel(turn_context)
    where = f"#{channel.channel_name}" if channel.channel_name else "this channel"
    place = where[0].upper() + where[1:]
    match command:
        case commands.Subscribe(types=types):
            before = await own_subscription(uow=deps.uow().reading(), actor=viewer)
            saved = await subscribe_channel(
                uow=deps.uow(), actor=viewer, channel=channel, types=types
            )
            kinds = _kinds(saved.notification_types)
            await turn_context.send_activity(
                f"Subscribed {where} to tickets you can see: {kinds}. New tickets are posted "
                "here with buttons; later changes update that card and reply in its thread."
                + _moved_from(before, channel)
            )
        case commands.Unsubscribe(types=types) if types:
            parse_event_types(types)  # a word that names no event type is refused as such
            await turn_context.send_activity(
                f"Nothing changed. `unsubscribe` stops every ticket post in {where}; to hear "
                "about fewer kinds of changes, say `subscribe` with the ones to keep, e.g. "
                "`subscribe created assigned`."
            )
        case commands.Unsubscribe():
            count = await unsubscribe_channel(uow=deps.uow(), actor=viewer, channel=channel)
            await turn_context.send_activity(
                f"{place} gets no more ticket posts." if count else f"{place} had no subscriptions."
            )
        case commands.SubscribeDigest(at=at, zone=zone):
            scheduled = await subscribe_digest(
                uow=deps.uow(), actor=viewer, channel=channel, at=at, zone=zone
            )
            await turn_context.send_activity(
                f"{place} gets a digest of overdue and due-today tickets "
                f"you can see every day at {scheduled.schedule.label()} (nothing on a day with "
                "nothing due). `unsubscribe digest` stops it."
            )
        case commands.UnsubscribeDigest():
            removed = await unsubscribe_digest(uow=deps.uow(), actor=viewer, channel=channel)
            await turn_context.send_activity(
                f"{place} gets no more daily digests." if removed
                else f"{place} had no daily digest."
            )
        case commands.Subscriptions():
            sent = await channel_notifications(
                uow=deps.uow().reading(), actor=viewer, channel=channel
            )
            rows, digest = sent.subscriptions, sent.digest
            if not rows and digest is None:
                await turn_context.send_activity(
                    f"Nobody has subscribed {where}. A manager can say `subscribe` here."
                )
                return
            lines = [
                f"- {'on' if row.enabled else 'off'}: "
                f"{_kinds(row.notification_types)} "
                f"(tickets {sent.owners[row.user_id]} may see)"
                for row in rows
            ]
            if digest is not None:
                lines.append(
                    f"- daily digest at {digest.schedule.label()} "
                    f"(tickets {sent.owners[digest.owner_id]} may see)"
                )
            await turn_context.send_activity(f"Subscriptions of {where}:\n\n" + "\n".join(lines))


async def _set_webhook(
    turn_context: TurnContext, deps: BotDependencies, viewer: Viewer, command: commands.Webhook
) -> None:
    """Your channel webhook (Teams Workflows or a legacy connector URL); refused URLs save nothing."""
    if deps.webhook_check is None:
        await turn_context.send_activity("Channel notifications are not set up on this server.")
        return
    if command.url is None and not _webhook_of(
            await own_subscription(uow=deps.uow().reading(), actor=viewer)):
        await turn_context.send_activity(
            f"You have no webhook, so nothing changed. {WEBHOOK_USAGE}")
        return
    saved = await set_webhook(
        uow=deps.uow(), actor=viewer, url=command.url,
        check=deps.webhook_check, types=command.types,
    )
    if saved.webhook_url is None:
        await turn_context.send_activity("Your webhook is removed.")
        return
    kinds = _kinds(saved.notification_types)
    await turn_context.send_activity(
        f"Saved your webhook: it gets tickets you can see ({kinds}). "
        "Check the channel for the next change."
    )


async def _show_webhook(turn_context: TurnContext, deps: BotDependencies, viewer: Viewer) -> None:
    """Where the person's webhook posts (its host only: the URL's query is its secret)."""
    current = await own_subscription(uow=deps.uow().reading(), actor=viewer)
    url = _webhook_of(current)
    if current is None or url is None:
        await turn_context.send_activity(f"You have no webhook. {WEBHOOK_USAGE}")
        return
    kinds = _kinds(current.notification_types)
    await turn_context.send_activity(
        f"Your webhook posts to {_host(url)}: tickets you can see ({kinds}). {WEBHOOK_USAGE}")


def _webhook_of(subscription: Subscription | None) -> str | None:
    return subscription.webhook_url if subscription is not None else None


async def _show_own(turn_context: TurnContext, deps: BotDependencies, viewer: Viewer) -> None:
    """The person's own subscription: the channel they subscribed, and their webhook."""
    current = await own_subscription(uow=deps.uow().reading(), actor=viewer)
    kinds = _kinds(current.notification_types) if current else ""
    lines = []
    if current is not None and current.has_channel and current.enabled:
        where = f"#{current.channel_name}" if current.channel_name else "a channel"
        lines.append(f"- {where} gets tickets you can see ({kinds})")
    if url := _webhook_of(current):
        lines.append(f"- your webhook posts to {_host(url)} ({kinds})")
    if not lines:
        await turn_context.send_activity(
            "You have no subscription. Say `subscribe` in a Teams channel to have its tickets "
            f"posted there; {WEBHOOK_USAGE}")
        return
    await turn_context.send_activity("Your subscriptions:\n\n" + "\n".join(lines)
                                     + "\n\nIn a channel, `subscriptions` lists everyone's there.")
