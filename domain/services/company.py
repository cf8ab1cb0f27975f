"""Company settings used on cards and in ticket numbers."""

from __future__ import annotations

import re
from dataclasses import replace

from domain.access import Viewer
from domain.actors import Actor, use_case
from domain.clock import utcnow
from domain.company import CompanySettings
from domain.errors import InvalidValue
from domain.numbering import validate_prefix
from domain.people import Role
from domain.ports import UnitOfWork
from domain.services.lookup import authorise
from domain.validation import require_text

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@use_case
async def company_settings(*, uow: UnitOfWork, actor: Actor) -> CompanySettings:
    async with uow:
        await authorise(uow, actor)
        return await uow.company.get()


@use_case
async def company_for_turn(*, uow: UnitOfWork, actor: Viewer) -> CompanySettings:
    """The settings a chat turn reads once (one statement): the prefix a ticket number is
    read with, then the card's header, handed to `ticket_overview(company=...)`.

    Like `bot.identity`'s viewer it grants nothing by itself: the use case that shows
    anything loads the viewer again and applies the access rule, so the viewer is not
    reloaded here.
    """
    async with uow:
        return await uow.company.get()


@use_case
async def update_company_settings(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    company_name: object = None,
    ticket_prefix: object = None,
    primary_color: object = None,
) -> CompanySettings:
    """Admins only; a new prefix applies to tickets created from now on."""
    changes: dict[str, str] = {}
    if company_name is not None:
        changes["company_name"] = require_text("company_name", company_name, limit=255)
    if ticket_prefix is not None:
        changes["ticket_prefix"] = validate_prefix(str(ticket_prefix))
    if primary_color is not None:
        colour = str(primary_color).strip()
        if not _COLOUR.match(colour):
            raise InvalidValue("primary_color", f"'{colour}' is not a colour like #3b82f6")
        changes["primary_color"] = colour.lower()
    async with uow:
        await authorise(uow, actor, Role.ADMIN)
        updated = replace(await uow.company.get(), **changes)
        await uow.company.save(updated, updated_by=actor.id, now=utcnow())
        await uow.commit()
    return updated
