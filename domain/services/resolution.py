"""Closing the loop: the requester of a resolved ticket says "It's fixed" or "Still broken".

Both are `update_ticket` with the requester's answer in place of a status: the
rule is `domain.resolution`, the transaction, history and events are update_ticket's.
"""

from __future__ import annotations

from domain.access import Viewer
from domain.actors import use_case
from domain.ports import UnitOfWork
from domain.resolution import Resolution
from domain.services.lookup import TicketRef
from domain.services.tickets import Version, update_ticket
from domain.tickets import Ticket
from domain.validation import COMMENT_MAX, require_text


@use_case
async def confirm_fixed(
    *, uow: UnitOfWork, actor: Viewer, ticket: TicketRef, expected_version: Version = None,
    pressed: bool = False, delivery: str | None = None,
) -> Ticket:
    """The requester confirms the resolution: the ticket is closed.

    `expected_version`, `pressed` and `delivery` are `change_ticket`'s: an answer on a card
    drawn before the ticket changed changes nothing, and the same press again (a double tap,
    a resend, a turn run again) is answered as the first."""
    return await update_ticket(uow=uow, actor=actor, ticket=ticket, resolution=Resolution.FIXED,
                               expected_version=expected_version, pressed=pressed,
                               delivery=delivery)


@use_case
async def report_still_broken(
    *, uow: UnitOfWork, actor: Viewer, ticket: TicketRef, comment: object,
    expected_version: Version = None, pressed: bool = False, delivery: str | None = None,
) -> Ticket:
    """The requester says it is not fixed: the ticket is reopened with their comment,
    which is required (the words are what the assignee needs). The version, press and
    delivery as `confirm_fixed` takes them."""
    text = require_text("comment", comment, limit=COMMENT_MAX)
    return await update_ticket(uow=uow, actor=actor, ticket=ticket,
                               resolution=Resolution.STILL_BROKEN, comment=text,
                               expected_version=expected_version, pressed=pressed,
                               delivery=delivery)
