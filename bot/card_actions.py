"""Card verbs (Action.Execute, or Action.Submit from older clients): data in, the next card out.

Every verb answers with a card for the person who pressed the button: the ticket
as it is now, with a notice of what happened, or with the reason nothing happened.
A verb that acts on a ticket also names it, so "it" in the next message means that
ticket, as after a change made in words.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from bot import help_verbs, presenter
from bot.actions import confirmation, notices
from bot.actions import tickets as actions
from bot.actions.reply import Reply
from bot.cards.answer import HELP_FEEDBACK
from bot.cards.forms import DUE_WAS
from bot.cards.verbs import Verb
from bot.cards.views import Notice, Tone
from bot.context import BotDependencies
from bot.delivery import current_delivery
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
from domain.numbering import MAX_TICKET_ID
from domain.resolution import ResolutionSettled
from domain.services.queries import get_ticket
from domain.services.resolution import confirm_fixed, report_still_broken
from domain.services.tickets import parse_assignee
from domain.tickets import TicketStatus

Card = dict[str, Any]
UNDATED = ("Nothing was changed: that button's card does not say which version of the ticket "
           "it showed. Here is the ticket as it is now; press again if you still want the change.")
Handler = Callable[[BotDependencies, Viewer, Mapping[str, Any]], Awaitable[Card | Reply]]
CREATE_FIELDS = ("title", "description", "category", "priority", "severity", "due_date", "tags")


async def run(deps: BotDependencies, viewer: Viewer, verb: str, data: Mapping[str, Any]) -> Reply:
    """The card to answer with, and the ticket the verb acted on (None: it moves no "it")."""
    handler = _HANDLERS.get(verb)
    if handler is None:
        unknown = f"This button ({verb or 'unknown'}) is not one I know."
        return Reply(card=presenter.notice_card(unknown))
    try:
        answer = await handler(deps, viewer, data)
    except _Undated:
        return Reply(card=await _ticket_or_notice(
            deps, viewer, data, notice=Notice(UNDATED, Tone.ATTENTION)))
    except StaleTicket as stale:
        return Reply(card=await _ticket_or_notice(
            deps, viewer, data, notice=Notice(explain(stale), Tone.ATTENTION)
        ))
    except (NotAllowed, InvalidTransition, InvalidValue) as refused:
        return Reply(card=await _ticket_or_notice(deps, viewer, data, error=explain(refused)))
    except TicketNotFound:
        raise  # not this viewer's ticket: the caller answers without drawing a card
    except DomainError as failed:
        return Reply(card=presenter.notice_card(explain(failed)))
    if isinstance(answer, Reply):
        return Reply(card=_card(answer), ticket=answer.ticket, listed=answer.listed,
                     page=answer.page)
    return Reply(card=answer)


async def _ticket_or_notice(
    deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any], *,
    notice: Notice | None = None, error: str | None = None,
) -> Card:
    """The ticket card with the message, or just the message when there is no ticket.

    A ticket that moved out of this viewer's sight raises `TicketNotFound`.
    """
    ref = _ref(data)
    message = notice.text if notice else error or ""
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


class _Undated(Exception):
    """A change pressed on a card that names no version of the ticket (a forged or very old
    card: ours always carry one), so whether it was drawn from the ticket as it is now is
    unknown: it changes nothing, and the ticket is shown as it is, to press again."""


def _drawn(data: Mapping[str, Any]) -> str:
    """The version a change's card was drawn from; a garbled one is stale when checked."""
    version = data.get("version")
    if isinstance(version, str) and version.strip():
        return version
    raise _Undated


async def refresh(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    return await presenter.ticket_card(deps, viewer, _ticket(data))


def _card(reply: Reply) -> Card:
    if reply.card is None:  # an assignment that took the ticket out of the presser's sight
        return presenter.notice_card(reply.text or "Done.", tone=Tone.GOOD)
    return reply.card


async def change_status(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Reply:
    return await actions.set_status(
        deps, viewer, _ticket(data), data.get("status"), expected_version=_drawn(data),
        pressed=True)


async def assign(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Reply:
    to = parse_assignee(data.get("assignee"), actor_id=viewer.id)
    return await actions.assign_to(
        deps, viewer, _ticket(data), to, expected_version=_drawn(data), pressed=True)


async def comment(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Reply:
    return await actions.add_comment(deps, viewer, _ticket(data), data.get("comment"),
                                     drawn=_version(data))


async def edit(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card | Reply:
    fields = presenter.editable_fields(viewer)
    changes = {str(name): data.get(name) for name in fields if name in data}
    if not changes:
        return await presenter.edit_form(deps, viewer, _ticket(data))
    if (past := actions.unconfirmed_past_due(changes.get("due_date"), data,
                                             was=data.get(DUE_WAS))) is not None:
        return await presenter.edit_form(
            deps, viewer, _ticket(data), values=changes,
            errors={"due_date": notices.past_due_on_form(past)}, past_due=True)
    try:
        return await actions.save_fields(
            deps, viewer, _ticket(data), changes, expected_version=_drawn(data), pressed=True)
    except InvalidValue as invalid:
        return await presenter.edit_form(
            deps, viewer, _ticket(data), values=changes, errors={invalid.field: invalid.message}
        )


async def create(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card | Reply:
    values = {name: data.get(name) for name in CREATE_FIELDS}
    if (past := actions.unconfirmed_past_due(values.get("due_date"), data)) is not None:
        return presenter.create_form(
            values=values, errors={"due_date": notices.past_due_on_form(past)}, past_due=True)
    try:
        return await actions.file_ticket(deps, viewer, values)
    except InvalidValue as invalid:
        return presenter.create_form(values=values, errors={invalid.field: invalid.message})


async def confirm(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Reply:
    return await confirmation.confirm(deps, viewer, data)


async def cancel(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    return _card(await confirmation.cancel(deps, viewer, data))


async def page(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Reply:
    """The page on show is the list "the second one" picks from next."""
    offset = data.get("offset")
    # No list is longer than there can be tickets; past that, the database refuses the offset.
    start = min(offset, MAX_TICKET_ID) if isinstance(offset, int) and offset >= 0 else 0
    card, rows, shown = await presenter.listed_card(
        deps, viewer, ListQuery.from_data(data.get("query")), start)
    return Reply(card=card, listed=tuple((row.number, row.title) for row in rows), page=shown)


async def fixed(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    """"It's fixed" on the requester's card: closes the resolved ticket."""
    ref = _ticket(data)
    try:
        closed = await confirm_fixed(uow=deps.uow(), actor=viewer, ticket=ref,
                                     expected_version=_drawn(data), pressed=True,
                                     delivery=current_delivery())
    except ResolutionSettled as settled:
        return await presenter.ticket_card(
            deps, viewer, ref, notice=Notice(f"{settled}.", Tone.ATTENTION)
        )
    except (StaleTicket, _Undated) as stale:
        return await _asked_again(deps, viewer, ref, stale)
    return await presenter.ticket_card(
        deps, viewer, ref,
        notice=Notice(f"Thanks for confirming: {closed.ticket_number} is closed.", Tone.GOOD),
    )


async def still_broken(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    """"Still broken" on the requester's card: reopens the ticket with their comment."""
    ref = _ticket(data)
    typed = data.get("comment")
    try:
        reopened = await report_still_broken(
            uow=deps.uow(), actor=viewer, ticket=ref, comment=typed,
            expected_version=_drawn(data), pressed=True, delivery=current_delivery(),
        )
    except ResolutionSettled as settled:
        return await presenter.ticket_card(
            deps, viewer, ref, notice=Notice(f"{settled}.", Tone.ATTENTION)
        )
    except (StaleTicket, _Undated) as stale:
        return await _asked_again(deps, viewer, ref, stale,
                                  comment=typed if isinstance(typed, str) else None)
    except InvalidValue as invalid:
        return await presenter.resolution_card(
            deps, viewer, ref, said="Tell us what is still wrong, then reopen.",
            error=invalid.message, comment=typed if isinstance(typed, str) else None,
        )
    return await presenter.ticket_card(
        deps, viewer, ref,
        notice=Notice(
            f"Reopened {reopened.ticket_number} with your comment; the team will pick it up.",
            Tone.GOOD,
        ),
    )


async def _asked_again(
    deps: BotDependencies, viewer: Viewer, ref: int, stale: StaleTicket | _Undated,
    *, comment: str | None = None,
) -> Card:
    """An answer pressed on a card drawn from another version of the ticket changed nothing:
    the current card, which still asks while the ticket waits for the requester's answer
    (what they typed kept), so they answer on what the ticket is now."""
    said = explain(stale) if isinstance(stale, StaleTicket) else UNDATED
    current = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=ref)
    if current.status is TicketStatus.RESOLVED and current.created_by == viewer.id:
        return await presenter.resolution_card(deps, viewer, ref, said=said, comment=comment,
                                               tone=Tone.ATTENTION)
    return await presenter.ticket_card(deps, viewer, ref, notice=Notice(said, Tone.ATTENTION))


_HANDLERS: dict[str, Handler] = {
    Verb.TICKET_REFRESH: refresh,
    Verb.TICKET_STATUS: change_status,
    Verb.TICKET_ASSIGN: assign,
    Verb.TICKET_COMMENT: comment,
    Verb.TICKET_EDIT: edit,
    Verb.TICKET_FIXED: fixed,
    Verb.TICKET_STILL_BROKEN: still_broken,
    Verb.TICKET_CREATE: create,
    Verb.TICKETS_PAGE: page,
    Verb.REQUEST_CONFIRM: confirm,
    Verb.REQUEST_CANCEL: cancel,
    HELP_FEEDBACK: help_verbs.rate_answer,
    Verb.HELP_ESCALATE: help_verbs.escalate,
}
