"""A name that matched no one but an invitation not yet accepted: say who it is."""

from __future__ import annotations

from bot.actions import notices
from bot.context import BotDependencies
from bot.understanding.requests import Clarify
from domain.access import Viewer
from domain.services.invitations import invited_not_joined


async def question_naming_the_invited(
    deps: BotDependencies, viewer: Viewer, clarify: Clarify
) -> str:
    """`clarify`'s question, saying first that the person named is invited but has not
    joined (so cannot hold a ticket yet) instead of "I couldn't find" them."""
    if clarify.unknown is None:
        return clarify.question
    invited = await invited_not_joined(uow=deps.uow(), actor=viewer, said=clarify.unknown)
    if not invited:
        return clarify.question
    newest = invited[0]
    name = " ".join(part for part in (newest.first_name, newest.last_name) if part)
    _, found, asked = clarify.question.partition("”. ")
    return f"{notices.not_joined(name or newest.email, newest.email, newest.role.value)} " + (
        asked if found else clarify.question)
