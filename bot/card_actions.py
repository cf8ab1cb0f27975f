"""Card verbs (Action.Execute, or Action.Submit from older clients): data in, the next card out.

Every verb answers with a card for the person who pressed the button: the ticket
as it is now, with a notice of what happened, or with the reason nothing happened.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from bot import assistant as help_assistant
from bot import presenter
from bot.cards.answer import HELP_FEEDBACK
from bot.cards.verbs import Verb
from bot.context import BotDependencies
from bot.listing import ListQuery
from bot.replies import explain
from domain.access import Viewer
from domain.errors import (
    DomainError,
    InvalidTransition,
    InvalidValue,
    NotAllowed,
    StaleTicket,
    TicketNotFound,
)
from domain.services import tickets as ticket_services
from domain.services.tickets import parse_assignee
from domain.tickets import Ticket

Card = dict[str, Any]
Handler = Callable[[BotDependencies, Viewer, Mapping[str, Any]], Awaitable[Card]]
CREATE_FIELDS = ("title", "description", "category", "priority", "severity", "due_date", "tags")


async def run(deps: BotDependencies, viewer: Viewer, verb: str, data: Mapping[str, Any]) -> Card:
    handler = _HANDLERS.get(verb)
    if handler is None:
        return presenter.notice_card(f"This button ({verb or 'unknown'}) is not one I know.")
    try:
        return await handler(deps, viewer, data)
    except StaleTicket as stale:
        return await _ticket_or_notice(deps, viewer, data, notice=explain(stale))
    except (NotAllowed, InvalidTransition, InvalidValue) as refused:
        return await _ticket_or_notice(deps, viewer, data, error=explain(refused))
    except TicketNotFound:
        raise  # not this viewer's ticket: the caller answers without drawing a card
    except DomainError as failed:
        return presenter.notice_card(explain(failed))


async def _ticket_or_notice(
    deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any], *,
    notice: str | None = None, error: str | None = None,
) -> Card:
    """The ticket card with the message, or just the message when there is no ticket.

    A ticket that moved out of this viewer's sight raises `TicketNotFound`.
    """
    ref = _ref(data)
    message = notice or error or ""
    if ref is None:
        return presenter.notice_card(message)
    return await presenter.ticket_card(deps, viewer, ref, notice=notice, error=error)


def _ref(data: Mapping[str, Any]) -> int | None:
    raw = data.get("ticket_id")
    if isinstance(raw, int):
        return raw
    return int(raw) if isinstance(raw, str) and raw.isdecimal() else None


def _ticket(data: Mapping[str, Any]) -> int:
    ref = _ref(data)
    if ref is None:
        raise InvalidValue("ticket_id", "the card did not say which ticket it is about")
    return ref


def _version(data: Mapping[str, Any]) -> str | None:
    version = data.get("version")
    return str(version) if version else None


async def refresh(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    return await presenter.ticket_card(deps, viewer, _ticket(data))


async def change_status(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    ticket = await ticket_services.change_status(
        uow=deps.uow(), actor=viewer, ticket=_ticket(data), to=data.get("status"),
        expected_version=_version(data),
    )
    label = ticket.status.value.replace("_", " ")
    return await presenter.ticket_card(deps, viewer, ticket.id,
                                       notice=f"{ticket.ticket_number} is now {label}.")


async def assign(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    to = parse_assignee(data.get("assignee"), actor_id=viewer.id)
    ticket = await ticket_services.assign_ticket(
        uow=deps.uow(), actor=viewer, ticket=_ticket(data), to=to,
        expected_version=_version(data),
    )
    return await presenter.ticket_card(
        deps, viewer, ticket.id,
        notice=lambda seen: f"Assigned to {seen.assignee}." if seen.assignee else "Unassigned.",
    )


async def comment(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    await ticket_services.comment_on_ticket(
        uow=deps.uow(), actor=viewer, ticket=_ticket(data), content=data.get("comment")
    )
    return await presenter.ticket_card(deps, viewer, _ticket(data), notice="Comment added.")


async def edit(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    fields = presenter.editable_fields(viewer)
    changes = {str(name): data.get(name) for name in fields if name in data}
    if not changes:
        return await presenter.edit_form(deps, viewer, _ticket(data))
    try:
        ticket = await ticket_services.edit_ticket(
            uow=deps.uow(), actor=viewer, ticket=_ticket(data), changes=changes,
            expected_version=_version(data),
        )
    except InvalidValue as invalid:
        return await presenter.edit_form(
            deps, viewer, _ticket(data), values=changes, errors={invalid.field: invalid.message}
        )
    return await presenter.ticket_card(deps, viewer, ticket.id, notice="Saved.")


async def file_ticket(
    deps: BotDependencies, viewer: Viewer, values: Mapping[str, Any]
) -> Ticket:
    """`ticket.create` inputs to a ticket; empty optional inputs take the defaults."""
    optional = {
        name: value for name, value in values.items()
        if name not in ("title", "category") and value not in (None, "")
    }
    return await ticket_services.create_ticket(
        uow=deps.uow(), actor=viewer, title=values.get("title"),
        category=values.get("category"), **optional,
    )


async def create(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    values = {name: data.get(name) for name in CREATE_FIELDS}
    try:
        ticket = await file_ticket(deps, viewer, values)
    except InvalidValue as invalid:
        return presenter.create_form(values=values, errors={invalid.field: invalid.message})
    return await presenter.ticket_card(deps, viewer, ticket.id,
                                       notice=f"Filed {ticket.ticket_number}.")


async def page(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    offset = data.get("offset")
    start = offset if isinstance(offset, int) and offset >= 0 else 0
    return await presenter.list_card(deps, viewer, ListQuery.from_data(data.get("query")), start)


_HANDLERS: dict[str, Handler] = {
    Verb.TICKET_REFRESH: refresh,
    Verb.TICKET_STATUS: change_status,
    Verb.TICKET_ASSIGN: assign,
    Verb.TICKET_COMMENT: comment,
    Verb.TICKET_EDIT: edit,
    Verb.TICKET_CREATE: create,
    Verb.TICKETS_PAGE: page,
    HELP_FEEDBACK: help_assistant.rate_answer,
    Verb.HELP_ESCALATE: help_assistant.escalate,
}
