"""Answers to asks for what TicketFlow lacks: said plainly, with what can be done instead.

Both tickets named are looked up for the viewer first (one they cannot see is "I can't
find it", as anywhere). What is offered changes nothing until pressed: a comment or a
closing on a confirmation card (its nonce and the ticket's version make a double tap or a
stale card one change, or none), on hold or a due date as buttons that say the change
(pressed twice, made once: the second finds it made).
"""

from __future__ import annotations

from typing import assert_never

from bot.actions import notices
from bot.actions.confirmation import propose_instead
from bot.actions.phrasing import phrase
from bot.actions.reply import Option, Reply
from bot.actions.tickets import ensure_visible
from bot.context import BotDependencies
from bot.understanding.context import Conversation
from bot.understanding.requests import (
    ChangeStatus, CommentOnTicket, EditTicket, Lacking, NotInTicketFlow, ShowTicket,
)
from domain.access import Viewer, editable_fields, sets_any_status
from domain.errors import DomainError
from domain.tickets import TicketStatus


async def lacking_reply(
    deps: BotDependencies, viewer: Viewer, asked: NotInTicketFlow, conversation: Conversation
) -> Reply:
    ticket, other = asked.ticket, asked.other
    if asked.lacking is Lacking.METRICS:  # what can be counted instead, one press each
        return Reply(text=notices.lacking(asked.lacking, None, None), options=(
            Option("This week's summary", "weekly summary"), Option("Workload", "workload")))
    if ticket is None:
        return Reply(text=notices.lacking(asked.lacking, None, None))
    await ensure_visible(deps, viewer, ticket)
    if other is not None:
        await ensure_visible(deps, viewer, other)
    told = notices.lacking(asked.lacking, ticket, other)
    match asked.lacking:
        case Lacking.LINK:
            assert other is not None
            return await _offered(deps, viewer, told, (CommentOnTicket(
                ticket, notices.related_to(other)),))
        case Lacking.MERGE:
            assert other is not None
            return await _offered(deps, viewer, told, (
                ChangeStatus(ticket, TicketStatus.CLOSED, reason=notices.duplicate_of(other)),
                CommentOnTicket(ticket, notices.duplicate_of(other))))
        case Lacking.WATCH:
            return Reply(text=told, options=(Option(f"Show {ticket}", phrase(
                ShowTicket(ticket), conversation)),))
        case Lacking.ATTACH:  # the card's "Open in TicketFlow" is where files are added
            return Reply(text=told, options=(Option(f"Show {ticket}", phrase(
                ShowTicket(ticket), conversation)),))
        case Lacking.UNDO:
            return Reply(text=told, options=(Option(f"History of {ticket}", phrase(
                ShowTicket(ticket, history=True), conversation)),))
        case Lacking.METRICS:
            raise AssertionError("answered above: it names no ticket")
        case Lacking.SPLIT:  # the other part filed anew, and named on this one
            return Reply(text=told, options=(
                Option("New ticket", "new ticket"),
                Option(f"Comment on {ticket}", phrase(CommentOnTicket(ticket), conversation))))
        case Lacking.APPROVE:  # the verdict as a comment, whoever holds it then sees it
            return await _offered(deps, viewer, told, (
                CommentOnTicket(ticket, notices.approval(asked.approved)),))
        case Lacking.SNOOZE:
            options = [Option("Put it on hold", phrase(
                ChangeStatus(ticket, TicketStatus.ON_HOLD), conversation))] if sets_any_status(
                viewer) else []
            if asked.until and "due_date" in editable_fields(viewer):
                options.append(Option(f"Make it due {asked.until:%a} {asked.until.day} "
                                      f"{asked.until:%b}", phrase(EditTicket(ticket, due=asked.until),
                                                                  conversation)))
            return Reply(text=told, options=tuple(options), ticket=str(ticket))
        case _:
            assert_never(asked.lacking)


async def _offered(
    deps: BotDependencies, viewer: Viewer, told: str,
    instead: tuple[ChangeStatus | CommentOnTicket, ...],
) -> Reply:
    """The first of `instead` the viewer may make, on a confirmation card headed by what
    TicketFlow lacks; only the line when they may make none."""
    for change in instead:
        try:
            proposed = await propose_instead(deps, viewer, change, f"{told} "
                                             f"{notices.offered_instead(change)}",
                                             confirm_label=notices.confirm_instead(change))
        except DomainError:
            continue  # a customer may not close it: a comment, then
        return proposed
    return Reply(text=told)
