"""Turning claimed outbox rows into `TicketNotice`s: the ticket as it is now, and what happened.

Cards are drawn at delivery, from the current ticket, so a notification
delivered late never shows stale facts; the "what happened" line comes from the
payload written with the change. Names are read for the whole batch at once.

Access is checked again at delivery, for every kind of target: the person a
delivery is drawn for (the assignee, the requester, the subscription's owner) may
have lost sight of the ticket since the change, and then gets nothing; and a webhook
or channel gets nothing once its owner's subscription no longer points there. Internal
notes are left out of what customers are told, and of what is posted to a channel
(by the bot or a webhook), which everyone in it reads, guests and customers too,
whoever the subscription belongs to; a change only to them is not told there.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote

from domain.access import Viewer, available_actions, can_see
from domain.disclosure import changes_seen_by, is_internal, reads_internal_notes, ticket_seen_by
from domain.events import UNKNOWN_ACTOR, EventType
from domain.notifications import Reason, Subscription, TargetKind, TicketNotice, oldest_first
from domain.people import User
from domain.tickets import AssigneeType, FieldChange, Ticket, TicketStatus
from notify.deliveries import OutboxEntry
from notify.ports import NoticeFactsReader

TEAM_PREFIX = "team:"
_BOT_CARD_KINDS = (TargetKind.CHANNEL, TargetKind.PERSONAL)
_SEEN_BY_EVERYONE = (TargetKind.CHANNEL, TargetKind.WEBHOOK)
"""Posted where everyone in a channel reads it, not only the person it is drawn for."""
_SUBSCRIBED = (TargetKind.CHANNEL, TargetKind.WEBHOOK)
"""Sent because the owner's subscription points there: only while it still does."""
_ENUM_FIELDS = frozenset({"status", "priority", "severity", "category"})
_FIELD_LABELS = {
    "due_date": "due date",
    "estimated_hours": "estimate",
    "actual_hours": "hours spent",
}


@dataclass(frozen=True, slots=True)
class NoticeLinks:
    """Where a notification's buttons lead."""

    web_url: str
    bot_app_id: str | None = None

    def ticket_url(self, ticket_id: int) -> str:
        return f"{self.web_url.rstrip('/')}/tickets/{ticket_id}"

    def teams_url(self, ticket_number: str) -> str | None:
        """A chat with the bot, pre-filled with `ticket <NUMBER>`; None without an app id."""
        if not self.bot_app_id:
            return None
        return (
            "https://teams.microsoft.com/l/chat/0/0?users=28:"
            f"{quote(self.bot_app_id, safe='')}&message={quote('ticket ' + ticket_number, safe='')}"
        )


@dataclass(frozen=True, slots=True)
class Names:
    users: Mapping[str, User]
    teams: Mapping[int, str]

    def user(self, user_id: str | None) -> str:
        if user_id is None:
            return "nobody"
        if user_id == UNKNOWN_ACTOR:
            return "someone in TicketFlow"
        user = self.users.get(user_id)
        return user.display_name if user else "a former user"

    def assignee(self, label: str | None) -> str | None:
        """A history-style assignee (`user id` or `team:<id>`) as people read it."""
        if label is None:
            return None
        if label.startswith(TEAM_PREFIX) and label[len(TEAM_PREFIX) :].isdecimal():
            team_id = int(label[len(TEAM_PREFIX) :])
            return f"team {self.teams.get(team_id, team_id)}"
        return self.user(label)


async def load_notices(
    read_facts: NoticeFactsReader, entries: Sequence[OutboxEntry], *, links: NoticeLinks
) -> dict[int, TicketNotice]:
    """A notice per entry id; an entry about no ticket, or whose ticket no longer exists,
    or whose recipient may no longer see it or read anything that changed, has none."""
    if not entries:
        return {}
    async with read_facts() as facts:
        tickets = await facts.tickets({e.ticket_id for e in entries if e.ticket_id is not None})
        user_ids, team_ids = _people_named(entries, tickets.values())
        names = Names(await facts.users(user_ids), await facts.team_names(team_ids))
        company = await facts.company()
        recipients = {str(entry.payload.get("on_behalf_of")) for entry in entries}
        viewers = await facts.viewers(recipients)
        subscribed = [e for e in entries if e.target.kind in _SUBSCRIBED]
        subscriptions = await facts.subscriptions(
            {str(e.payload.get("on_behalf_of")) for e in subscribed}
        )
        holding = {
            (card.ticket_id, card.msteams_team_id, card.channel_id)
            for card in await facts.posted_cards(
                {e.ticket_id for e in subscribed
                 if e.target.kind is TargetKind.CHANNEL and e.ticket_id is not None}
            )
        }
        orphaned = [e for e in subscribed if not still_subscribed(e, subscriptions, holding)
                    and e.payload.get("reason") == Reason.SUBSCRIPTION.value]
        if orphaned:
            sharing = await facts.subscriptions_to({e.target for e in orphaned})
            subscriptions = {**{s.user_id: s for s in sharing}, **subscriptions}
            viewers = {**await facts.viewers({s.user_id for s in sharing} - set(viewers)),
                       **viewers}
            redrawn = {e.id: drawn for e in orphaned if (drawn := drawn_for_another(
                e, tickets, sharing, viewers, holding)) is not None}
            entries = [redrawn.get(e.id, e) for e in entries]
        bot_cards = {e.ticket_id for e in entries if e.target.kind in _BOT_CARD_KINDS}
        audiences = await facts.refresh_audiences(
            [ticket for ticket_id, ticket in tickets.items() if ticket_id in bot_cards]
        )
    notices: dict[int, TicketNotice] = {}
    for entry in entries:
        ticket = tickets.get(entry.ticket_id) if entry.ticket_id is not None else None
        if (
            ticket is not None
            and may_be_told(entry, ticket, viewers)
            and still_subscribed(entry, subscriptions, holding)
        ):
            notices[entry.id] = replace(
                notice_for(
                    entry,
                    ticket,
                    names=names,
                    viewers=viewers,
                    links=links,
                    company_name=company.company_name,
                ),
                refresh_user_ids=audiences.get(ticket.id, ()),
            )
    return notices


def may_be_told(entry: OutboxEntry, ticket: Ticket, viewers: Mapping[str, Viewer]) -> bool:
    """Whether the person this delivery is drawn for may still hear about the ticket now."""
    viewer = viewers.get(str(entry.payload.get("on_behalf_of")))
    if viewer is None or not can_see(viewer, ticket):
        return False
    shared = _shared(entry)
    if EventType(entry.event_type) is EventType.UPDATED and not reads_internal_notes(
        viewer, shared=shared
    ):
        return bool(changes_seen_by(viewer, _changes(entry.payload), shared=shared))
    return True


def still_subscribed(
    entry: OutboxEntry,
    subscriptions: Mapping[str, Subscription],
    holding: Collection[tuple[int, str | None, str]] = (),
) -> bool:
    """Whether a webhook or channel delivery is still asked for by its owner's subscription
    as it is now (`Subscription.still_asks_for`: the place, and the event's type); `holding`
    are the channels that hold a ticket's card (ticket id, team, channel), which are kept
    true whatever the types. Other kinds of delivery come from no subscription."""
    if entry.target.kind not in _SUBSCRIBED:
        return True
    subscription = subscriptions.get(str(entry.payload.get("on_behalf_of")))
    if subscription is None:
        return False
    try:
        reason = Reason(str(entry.payload.get("reason")))
    except ValueError:
        reason = Reason.SUBSCRIPTION
    place = (entry.ticket_id, entry.target.msteams_team_id, entry.target.key)
    return subscription.still_asks_for(
        entry.target, EventType(entry.event_type), reason=reason, holds_card=place in holding
    )


def drawn_for_another(
    entry: OutboxEntry,
    tickets: Mapping[int, Ticket],
    sharing: Sequence[Subscription],
    viewers: Mapping[str, Viewer],
    holding: Collection[tuple[int, str | None, str]],
) -> OutboxEntry | None:
    """A delivery whose owner's subscription no longer asks for it, drawn instead for the
    oldest other subscription to the same place that does, whose owner may see the ticket
    and did not make the change: who it would have been drawn for, had the first owner
    never asked. None when there is no one: it is not made."""
    ticket = tickets.get(entry.ticket_id) if entry.ticket_id is not None else None
    if ticket is None:
        return None
    drawn_for = str(entry.payload.get("on_behalf_of"))
    for subscription in oldest_first(sharing):
        if subscription.user_id in (drawn_for, str(entry.payload.get("actor_id"))):
            continue
        again = replace(entry, payload={**entry.payload, "on_behalf_of": subscription.user_id})
        if still_subscribed(again, {subscription.user_id: subscription}, holding) and (
                may_be_told(again, ticket, viewers)):
            return again
    return None


def _shared(entry: OutboxEntry) -> bool:
    return entry.target.kind in _SEEN_BY_EVERYONE


def notice_for(
    entry: OutboxEntry,
    ticket: Ticket,
    *,
    names: Names,
    viewers: Mapping[str, Viewer],
    links: NoticeLinks,
    company_name: str,
) -> TicketNotice:
    payload = entry.payload
    event_type = EventType(entry.event_type)
    actor = names.user(payload.get("actor_id"))
    viewer_id = payload.get("on_behalf_of")
    viewer = viewers.get(viewer_id) if isinstance(viewer_id, str) else None
    if viewer is None:  # drawn for nobody known: only what everyone may read
        seen = replace(ticket, notes=None)
        told: Sequence[FieldChange] = [c for c in _changes(payload) if not is_internal(c.field)]
    else:
        seen = ticket_seen_by(viewer, ticket, shared=_shared(entry))
        told = changes_seen_by(viewer, _changes(payload), shared=_shared(entry))
    changes = tuple(_shown(change, names) for change in told)
    personal = entry.target.kind in (TargetKind.PERSONAL, TargetKind.EMAIL)
    return TicketNotice(
        event_type=event_type,
        ticket=seen,
        headline=headline(
            event_type,
            actor=actor,
            changes=changes,
            reason=Reason(payload.get("reason", Reason.SUBSCRIPTION.value))
            if personal
            else Reason.SUBSCRIPTION,
        ),
        actor_label=actor,
        requester_label=names.user(ticket.created_by),
        assignee_label=names.assignee(_assignee_label(ticket)),
        company_name=company_name,
        web_url=links.ticket_url(ticket.id),
        teams_url=links.teams_url(ticket.ticket_number),
        changes=changes,
        comment_excerpt=payload.get("comment_excerpt"),
        actions=available_actions(viewer, ticket) if viewer else frozenset(),
        viewer_id=viewer_id if isinstance(viewer_id, str) else None,
        asks_requester=_asks_requester(entry, ticket),
    )


def _asks_requester(entry: OutboxEntry, ticket: Ticket) -> bool:
    """A chat message to the requester saying their ticket was resolved, and it still is."""
    payload = entry.payload
    resolved = any(
        field == "status" and new == TicketStatus.RESOLVED.value
        for field, _, new in payload.get("changes") or []
    )
    return (
        entry.target.kind is TargetKind.PERSONAL
        and EventType(entry.event_type) is EventType.STATUS_CHANGED
        and payload.get("reason") == Reason.REQUESTER.value
        and payload.get("on_behalf_of") == ticket.created_by
        and resolved
        and ticket.status is TicketStatus.RESOLVED
    )


def headline(
    event_type: EventType,
    *,
    actor: str,
    changes: Sequence[FieldChange] = (),
    reason: Reason = Reason.SUBSCRIPTION,
) -> str:
    """One line saying what happened, addressed to the reader when it is about them."""
    if event_type is EventType.CREATED:
        return f"New ticket from {actor}"
    if event_type is EventType.ASSIGNED:
        new = changes[0].new if changes else None
        if new is None:
            return f"Unassigned by {actor}"
        if reason is Reason.ASSIGNEE:
            return f"Assigned to you by {actor}"
        return f"Assigned to {new} by {actor}"
    if event_type is EventType.STATUS_CHANGED:
        status = changes[0].new if changes else "a new status"
        whose = "Your ticket was" if reason is Reason.REQUESTER else "Status"
        verb = "moved to" if reason is Reason.REQUESTER else "changed to"
        return f"{whose} {verb} {status} by {actor}"
    if event_type is EventType.COMMENTED:
        return (
            f"{actor} commented on your ticket"
            if reason is Reason.REQUESTER
            else f"{actor} commented"
        )
    if event_type is EventType.DUE_SOON:
        return "Reminder: due within 24 hours"
    if event_type is EventType.OVERDUE:
        return "Reminder: this ticket is overdue"
    fields = _joined([change.field for change in changes]) or "Details"
    return f"{fields[:1].upper()}{fields[1:]} changed by {actor}"


def _changes(payload: Mapping[str, Any]) -> list[FieldChange]:
    raw = payload.get("changes") or []
    return [FieldChange(str(field), old, new) for field, old, new in raw]


def _shown(change: FieldChange, names: Names) -> FieldChange:
    field = change.field
    if field == "assignee":
        return FieldChange(field, names.assignee(change.old), names.assignee(change.new))
    label = _FIELD_LABELS.get(field, field.replace("_", " "))
    if field in _ENUM_FIELDS:
        return FieldChange(label, _enum_label(change.old), _enum_label(change.new))
    if field == "due_date":
        return FieldChange(label, _day(change.old), _day(change.new))
    return FieldChange(label, change.old, change.new)


def _enum_label(value: str | None) -> str | None:
    return None if value is None else value.replace("_", " ").capitalize()


def _day(value: str | None) -> str | None:
    return None if value is None else value[:10]


def _joined(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _assignee_label(ticket: Ticket) -> str | None:
    assignee = ticket.assignee
    return None if assignee is None else assignee.label


def _people_named(
    entries: Iterable[OutboxEntry], tickets: Iterable[Ticket]
) -> tuple[set[str], set[int]]:
    user_ids: set[str] = set()
    team_ids: set[int] = set()

    def add(label: object) -> None:
        if not isinstance(label, str):
            return
        if label.startswith(TEAM_PREFIX) and label[len(TEAM_PREFIX) :].isdecimal():
            team_ids.add(int(label[len(TEAM_PREFIX) :]))
        else:
            user_ids.add(label)

    for entry in entries:
        add(entry.payload.get("actor_id"))
        add(entry.payload.get("on_behalf_of"))
        for field, old, new in entry.payload.get("changes") or []:
            if field == "assignee":
                add(old)
                add(new)
    for ticket in tickets:
        user_ids.add(ticket.created_by)
        if ticket.assignee_type is AssigneeType.TEAM and ticket.assignee_team_id is not None:
            team_ids.add(ticket.assignee_team_id)
        elif ticket.assignee_id is not None:
            user_ids.add(ticket.assignee_id)
    return user_ids, team_ids
