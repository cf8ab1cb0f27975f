"""Company settings used on cards and in ticket numbers."""

from __future__ import annotations

import re
from dataclasses import replace

from domain.access import ensure_role
from domain.clock import utcnow
from domain.company import CompanySettings
from domain.errors import InvalidValue
from domain.numbering import validate_prefix
from domain.people import Role
from domain.ports import UnitOfWork
from domain.services.lookup import load_viewer
from domain.validation import require_text

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


async def company_settings(*, uow: UnitOfWork) -> CompanySettings:
    async with uow:
        return await uow.company.get()


async def update_company_settings(
    *,
    uow: UnitOfWork,
    actor_id: str,
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
        ensure_role(await load_viewer(uow, actor_id), Role.ADMIN)
        updated = replace(await uow.company.get(), **changes)
        await uow.company.save(updated, updated_by=actor_id, now=utcnow())
        await uow.commit()
    return updated
