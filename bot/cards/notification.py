"""Notification cards: what happened to a ticket, for channel webhooks and bot posts.

Webhook cards can carry only `Action.OpenUrl` (Teams drops Submit/Execute from
webhook posts), so they link to the web app and to a chat with the bot. Bot
cards are the ticket card itself, headed by what happened, with the buttons of
the user the notification is drawn for (the bot still checks each press).

Every piece of user text is bounded, and the card is redrawn with tighter
bounds until it fits the 28 KB Teams takes, whatever characters it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.cards.elements import (
    MAX_CARD_BYTES,
    JsonObject,
    adaptive_card,
    container,
    fact_set,
    open_url,
    text_block,
    wire_size,
)
from bot.cards.digest import digest_card
from bot.cards.labels import label, trimmed
from bot.cards.resolution import resolution_card
from bot.cards.ticket import ticket_card
from bot.cards.views import CompanyView, Notice, TicketView, Tone
from domain.digests import DigestNotice
from domain.disclosure import is_internal
from domain.notifications import TicketNotice
from domain.tickets import FieldChange

OPEN_IN_TICKETFLOW = "Open in TicketFlow"
OPEN_IN_TEAMS = "Open in Teams"
PERSONAL_COMMENT_MAX = 300


@dataclass(frozen=True, slots=True)
class _Bounds:
    """Characters kept of each piece of user text."""

    title: int = 255
    text: int = 600
    value: int = 200

    def tighter(self) -> _Bounds:
        return _Bounds(title=max(40, self.title // 2), text=self.text // 2, value=self.value // 2)


def webhook_card(notice: TicketNotice, *, max_bytes: int = MAX_CARD_BYTES) -> JsonObject:
    """The card posted to a channel webhook; fits `max_bytes` as msrest would send it."""
    bounds = _Bounds()
    card = _webhook_card(notice, bounds)
    while wire_size(card) > max_bytes and bounds.text > 0:
        bounds = bounds.tighter()
        card = _webhook_card(notice, bounds)
    return card


def _webhook_card(notice: TicketNotice, bounds: _Bounds) -> JsonObject:
    ticket = notice.ticket
    body: list[JsonObject] = [
        text_block(
            trimmed(f"{notice.company_name} · {ticket.ticket_number}", bounds.title),
            size="small",
            weight="bolder",
            color="accent",
        ),
        text_block(
            trimmed(ticket.title, bounds.title), size="large", weight="bolder", spacing="none"
        ),
        text_block(trimmed(notice.headline, bounds.title), weight="bolder", color=Tone.GOOD.value),
    ]
    if notice.comment_excerpt and bounds.text:
        body.append(
            container(
                [text_block(trimmed(notice.comment_excerpt, bounds.text))],
                style="emphasis",
                spacing="small",
            )
        )
    body.append(fact_set(_facts(notice, bounds)))
    if ticket.description and ticket.description.strip() and bounds.text:
        body.append(
            text_block(
                trimmed(ticket.description, bounds.text), separator=True, subtle=True, max_lines=6
            )
        )
    return adaptive_card(body, _links(notice))


def _facts(notice: TicketNotice, bounds: _Bounds) -> list[tuple[str, str]]:
    """The ticket's key facts; a fact that just changed reads "old → new", and other
    changed fields (title, due date…) come first the same way. Internal notes never: the
    channel's guests and customers read this card."""
    ticket = notice.ticket
    current = [
        ("Status", label(ticket.status)),
        ("Priority", label(ticket.priority)),
        ("Assignee", trimmed(notice.assignee_label or "Unassigned", bounds.value or 40)),
        ("Requester", trimmed(notice.requester_label, bounds.value or 40)),
    ]
    changed = {
        change.field.lower(): change for change in notice.changes if not is_internal(change.field)
    }
    shown = {title.lower() for title, _ in current}
    facts = [
        (trimmed(change.field.capitalize(), 40), _change(change, bounds))
        for field, change in changed.items()
        if field not in shown
    ]
    return facts + [
        (title, _change(changed[title.lower()], bounds) if title.lower() in changed else value)
        for title, value in current
    ]


def _change(change: FieldChange, bounds: _Bounds) -> str:
    return f"{_shown(change.old, bounds)} → {_shown(change.new, bounds)}"


def _shown(value: str | None, bounds: _Bounds) -> str:
    return "—" if not value else trimmed(value, max(bounds.value, 20))


def _links(notice: TicketNotice) -> Sequence[JsonObject]:
    links = [open_url(OPEN_IN_TICKETFLOW, notice.web_url)]
    if notice.teams_url:
        links.append(open_url(OPEN_IN_TEAMS, notice.teams_url))
    return links


def ticket_view(notice: TicketNotice, *, now: datetime | None = None) -> TicketView:
    return TicketView.of(
        notice.ticket,
        actions=notice.actions,
        requester_label=notice.requester_label,
        assignee_label=notice.assignee_label,
        web_url=notice.web_url,
        now=now,
    )


class NotificationCardSet:
    """`notify.ports.NotificationCards` over these builders and the ticket card.

    With a `clock`, bot cards say how far the due date is when they are drawn.
    """

    def __init__(self, *, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock

    def _view(self, notice: TicketNotice) -> TicketView:
        return ticket_view(notice, now=self._clock() if self._clock else None)

    def webhook_card(self, notice: TicketNotice) -> JsonObject:
        return webhook_card(notice)

    def digest_card(self, notice: DigestNotice) -> JsonObject:
        return digest_card(notice)

    def channel_card(self, notice: TicketNotice) -> JsonObject:
        return ticket_card(
            ticket=self._view(notice),
            refresh_user_ids=notice.refresh_user_ids,
            company=CompanyView(name=notice.company_name),
        )

    def personal_card(self, notice: TicketNotice) -> JsonObject:
        said = notice.headline
        if notice.asks_requester:
            return resolution_card(
                ticket=self._view(notice), said=said, company=CompanyView(name=notice.company_name)
            )
        if notice.comment_excerpt:  # a comment notification carries the comment
            said = f"{said}: {trimmed(notice.comment_excerpt, PERSONAL_COMMENT_MAX)}"
        return ticket_card(
            ticket=self._view(notice),
            notice=Notice(said, Tone.DEFAULT),
            refresh_user_ids=notice.refresh_user_ids,
            company=CompanyView(name=notice.company_name),
        )
