"""Domain overviews drawn as cards: the bot's only path from tickets to Adaptive Cards."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from bot.actions import table as command_table
from bot.actions.reply import ListPage
from bot.cards import forms
from bot.cards.help import help_card as draw_help
from bot.cards.notice import notice_card as draw_notice
from bot.cards.resolution import resolution_card as draw_resolution
from bot.cards.ticket import shared_ticket_card, shared_ticket_preview
from bot.cards.ticket import ticket_card as draw_ticket
from bot.cards.ticket_list import ticket_list_card
from bot.cards.verbs import ALL_FIELDS, TicketField
from bot.cards.activity import worded
from bot.cards.views import (
    ActivityView,
    AssigneeOption,
    ChangeView,
    CompanyView,
    Notice,
    SourceLink,
    TicketRow,
    TicketView,
    Tone,
)
from bot.cards.welcome import welcome_card as draw_welcome
from bot.context import BotDependencies
from bot.listing import FINISHED, ListQuery, team_holders
from bot.sender_day import sender_midnight, sender_today
from domain.access import Viewer, editable_fields as fields_editable_by
from domain.clock import utcnow
from domain.company import CompanySettings
from domain.disclosure import is_internal
from domain.people import Role
from domain.services.lookup import TicketRef
from domain.services.overview import (
    TicketActivity,
    TicketOverview,
    changed_ticket_overview,
    ticket_listing,
    ticket_overview,
)
from domain.services.tickets import TicketChange
from domain.tickets import TicketFilter

Card = dict[str, Any]
TicketNotice = Notice | Callable[[TicketOverview], Notice] | None

def commands_for(viewer: Viewer) -> list[tuple[str, str]]:
    return command_table.commands_for(viewer.role)


def help_card(viewer: Viewer) -> Card:
    return draw_help(commands=commands_for(viewer))


def welcome_card() -> Card:
    return draw_welcome()


def notice_card(text: str, *, tone: Tone = Tone.ATTENTION) -> Card:
    return draw_notice(text=text, tone=tone)


def facts_card(title: str, facts: list[tuple[str, str]], hint: str) -> Card:
    return draw_notice(text=hint, title=title, facts=facts, tone=Tone.DEFAULT)


def _view(overview: TicketOverview, deps: BotDependencies) -> TicketView:
    return TicketView.of(
        overview.ticket,
        actions=overview.actions,
        requester_label=overview.requester,
        assignee_label=overview.assignee,
        web_url=deps.options.ticket_url(overview.ticket.id),
        now=utcnow(),
    )


async def ticket_card(
    deps: BotDependencies,
    viewer: Viewer,
    ref: TicketRef,
    *,
    notice: TicketNotice = None,
    error: str | None = None,
    company: CompanySettings | None = None,
    history_open: bool = False,
) -> Card:
    """The ticket as the actor sees it now, with their buttons and an optional message;
    `company`: the settings this turn already read; `history_open`: its history shown."""
    overview = await ticket_overview(uow=deps.uow().reading(), actor=viewer, ticket=ref,
                                     company=company)
    return await _drawn(deps, overview, notice=notice, error=error, history_open=history_open)


async def link_preview(deps: BotDependencies, viewer: Viewer, ref: TicketRef) -> tuple[Card, Card]:
    """A pasted ticket link: the shared card and its compose-box thumbnail, as the sender
    sees the ticket (refused like a read when they may not)."""
    overview = await ticket_overview(uow=deps.uow().reading(), actor=viewer, ticket=ref)
    audience = deps.refresh_audience
    view = _view(overview, deps)
    card = shared_ticket_card(
        ticket=view, company=CompanyView.of(overview.company),
        refresh_user_ids=await audience.for_ticket(overview.ticket) if audience else (),
    )
    return card, shared_ticket_preview(view)


async def changed_ticket_card(
    deps: BotDependencies, change: TicketChange, *, notice: TicketNotice = None
) -> Card:
    """The ticket as a change this turn made left it, for the viewer the change checked."""
    overview = await changed_ticket_overview(
        uow=deps.uow().reading(), actor=change.viewer, ticket=change.ticket
    )
    return await _drawn(deps, overview, notice=notice)


async def _drawn(
    deps: BotDependencies, overview: TicketOverview, *, notice: TicketNotice,
    error: str | None = None, history_open: bool = False,
) -> Card:
    audience = deps.refresh_audience
    return draw_ticket(
        ticket=_view(overview, deps),
        assignees=[AssigneeOption(c.assignee.label, c.title) for c in overview.assignees],
        notice=notice(overview) if callable(notice) else notice,
        error=error,
        refresh_user_ids=await audience.for_ticket(overview.ticket) if audience else (),
        company=CompanyView.of(overview.company),
        activity=_activity(overview.activity),
        history_open=history_open,
    )


_FOR_EVERYONE: ContextVar[bool] = ContextVar("ticketflow_drawn_for_everyone", default=False)


@contextmanager
def drawn_for_everyone(shared: bool) -> Iterator[None]:
    """Cards drawn meanwhile are seen by everyone in the conversation (a channel or group
    chat, where a card a press updates changes for all, guests included), not only by the
    person they are drawn for: their history leaves out changes to internal notes, as a
    customer's does. Staff see those where the card is theirs alone: in a personal chat, and
    in the refresh Teams asks for each of them."""
    token = _FOR_EVERYONE.set(shared)
    try:
        yield
    finally:
        _FOR_EVERYONE.reset(token)


def seen_by_everyone() -> bool:
    """Whether cards drawn now are seen by everyone in the conversation (`drawn_for_everyone`):
    an answer on them names people, never "you"."""
    return _FOR_EVERYONE.get()


def _activity(activity: TicketActivity) -> ActivityView:
    shared = _FOR_EVERYONE.get()
    return ActivityView(
        comments=activity.comments,
        comment_count=activity.comment_count,
        changes=tuple(
            ChangeView(c.author, c.at, worded(c.action.value, c.field, c.old, c.new))
            for c in activity.changes if not (shared and is_internal(c.field))
        ),
    )


async def resolution_card(
    deps: BotDependencies,
    viewer: Viewer,
    ref: TicketRef,
    *,
    said: str,
    error: str | None = None,
    comment: str | None = None,
    tone: Tone = Tone.GOOD,
) -> Card:
    """The requester's "It's fixed" / "Still broken" card, drawn again (e.g. with an error)."""
    overview = await ticket_overview(uow=deps.uow().reading(), actor=viewer, ticket=ref)
    return draw_resolution(
        ticket=_view(overview, deps), said=said, company=CompanyView.of(overview.company),
        error=error, comment=comment, tone=tone,
    )


async def list_card(deps: BotDependencies, viewer: Viewer, query: ListQuery, offset: int) -> Card:
    card, _, _ = await listed_card(deps, viewer, query, offset)
    return card


async def listed_card(
    deps: BotDependencies, viewer: Viewer, query: ListQuery, offset: int,
    *, when_empty: str | None = None,
) -> tuple[Card, tuple[TicketRow, ...], ListPage]:
    """The list card, the rows it shows, in order, and where it is in the list;
    `when_empty` is said when none match."""
    limit = deps.options.page_size
    shown = query.rows_from(offset, page=limit)  # "top 5": five, on one page
    listing = await ticket_listing(
        uow=deps.uow().reading(), actor=viewer,
        filter=query.filter_for(viewer.id, today=sender_today(now := utcnow()), now=now,
                                midnight=sender_midnight,
                                teams=team_holders(viewer)),
        limit=max(shown, 1), offset=offset, order=query.sorted_by,
    )
    rows = [
        TicketRow.of(ticket, assignee_label=name)
        for ticket, name in zip(listing.page.tickets, listing.assignees, strict=True)
    ][:shown]
    total = query.counted(listing.page.total)
    said = when_empty if not total else None
    notice = query.unplaced_notice or said
    page = ListPage(query.to_data(), offset, len(rows), total, limit)
    return ticket_list_card(
        title=query.title, rows=rows, total=total, offset=offset, limit=limit,
        query=query.to_data(), company=CompanyView.of(listing.company),
        notice=Notice(notice, Tone.WARNING if query.unplaced else Tone.DEFAULT) if notice else None,
        elsewhere=query.elsewhere(customer=viewer.role is Role.CUSTOMER,
                                  in_a_team=bool(viewer.team_ids)),
    ), tuple(rows), page


async def open_tickets_about(
    deps: BotDependencies, viewer: Viewer, words: str, *, limit: int, finished: bool = False,
) -> tuple[tuple[str, str], ...]:
    """Open tickets the viewer may see whose title or description has every word, newest
    first, as (number, title): what "the laptop one" may mean when no list was shown.
    `finished`: resolved and closed ones too ("is the printer ticket done?")."""
    listing = await ticket_listing(
        uow=deps.uow().reading(), actor=viewer,
        filter=TicketFilter(text=words, exclude_statuses=() if finished else FINISHED),
        limit=limit, offset=0,
    )
    return tuple((t.ticket_number, t.title) for t in listing.page.tickets)


async def recent_open_tickets(
    deps: BotDependencies, viewer: Viewer, *, limit: int
) -> tuple[tuple[str, str], ...]:
    """The viewer's open tickets they filed, hold, commented on or changed, the most recently
    updated first, as (number, title): what a work note with no ticket in view is likely
    about ("called the user, they are out till monday")."""
    listing = await ticket_listing(
        uow=deps.uow().reading(), actor=viewer,
        filter=TicketFilter(touched_by=viewer.id, exclude_statuses=FINISHED),
        limit=limit, offset=0,
    )
    return tuple((t.ticket_number, t.title) for t in listing.page.tickets)


def editable_fields(viewer: Viewer) -> tuple[TicketField, ...]:
    """The form fields the domain lets this viewer's role edit, in form order."""
    allowed = fields_editable_by(viewer)
    return tuple(field for field in ALL_FIELDS if field.value in allowed)


async def edit_form(
    deps: BotDependencies,
    viewer: Viewer,
    ref: TicketRef,
    *,
    values: Mapping[str, object] | None = None,
    errors: Mapping[str, str] | None = None,
    past_due: bool = False,
) -> Card:
    overview = await ticket_overview(uow=deps.uow().reading(), actor=viewer, ticket=ref)
    return forms.edit_ticket_form(
        ticket=_view(overview, deps),
        fields=editable_fields(viewer),
        values=_as_text(values),
        errors=errors,
        company=CompanyView.of(overview.company),
        past_due=past_due,
    )


def create_form(
    *,
    values: Mapping[str, object] | None = None,
    errors: Mapping[str, str] | None = None,
    in_task_module: bool = False,
    source_url: str | None = None,
    past_due: bool = False,
) -> Card:
    source = SourceLink("Made from a Teams message", source_url) if source_url else None
    mode = forms.SubmitMode.SUBMIT if in_task_module else forms.SubmitMode.EXECUTE
    return forms.create_ticket_form(
        values=_as_text(values), errors=errors, submit=mode, source=source,
        nonce=secrets.token_urlsafe(12),  # a fresh form each time: one ticket per form
        past_due=past_due,
    )


def _as_text(values: Mapping[str, object] | None) -> dict[str, str] | None:
    if values is None:
        return None
    return {
        name: ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        for name, value in values.items()
        if value is not None
    }
