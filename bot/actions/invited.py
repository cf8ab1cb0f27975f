"""A name that matched no one but an invitation not yet accepted: say who it is."""

from __future__ import annotations

from bot.actions import notices
from bot.context import BotDependencies
from domain.access import Viewer
from domain.services.invitations import invited_not_joined


async def not_joined_yet(deps: BotDependencies, viewer: Viewer, said: str) -> str | None:
    """Why `said` cannot be assigned when it names someone invited who has not joined (so
    cannot hold a ticket yet); None when it names no such person, or `viewer` may not know."""
    invited = await invited_not_joined(uow=deps.uow(), actor=viewer, said=said)
    if not invited:
        return None
    newest = invited[0]
    name = " ".join(part for part in (newest.first_name, newest.last_name) if part)
    return notices.not_joined(name or newest.email, newest.email, newest.role)
