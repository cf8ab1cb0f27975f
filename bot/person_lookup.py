"""Turning an email address or an @mention into a TicketFlow user."""

from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.schema import Mention

from bot.context import BotDependencies
from bot.identity import MemberDirectory, teams_identity
from domain.access import Viewer
from domain.chat import TeamsIdentity
from domain.errors import InvalidValue, UserNotFound
from domain.services.people import find_user


async def resolve_person(
    turn_context: TurnContext,
    deps: BotDependencies,
    directory: MemberDirectory,
    viewer: Viewer,
    person: str,
    mentions: list[Mention],
) -> str:
    """The TicketFlow user id of an email address or of the first person @mentioned."""
    if "@" in person and not person.startswith(("@", "<at>")) and person != "mention":
        return (await find_user(uow=deps.uow(), actor=viewer, email=person)).id
    if not mentions:
        raise InvalidValue("person", "@mention the person, or give their email address")
    return await _mentioned_user(turn_context, deps, directory, viewer, mentions[0])


async def _mentioned_user(
    turn_context: TurnContext,
    deps: BotDependencies,
    directory: MemberDirectory,
    viewer: Viewer,
    mention: Mention,
) -> str:
    tenant = teams_identity(turn_context.activity).tenant_id
    member_id = mention.mentioned.id
    linked = await deps.links.user_for(TeamsIdentity(tenant_id=tenant, teams_user_id=member_id))
    if linked is not None:
        return linked
    profile = await directory.profile(turn_context, member_id)
    if profile is None or not profile.email:
        raise UserNotFound(mention.mentioned.name or member_id)
    return (await find_user(uow=deps.uow(), actor=viewer, email=profile.email)).id
