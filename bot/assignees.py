"""Turning "me", "team Network", an email or an @mention into an assignee."""

from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.schema import Mention

from bot.context import BotDependencies
from bot.identity import MemberDirectory, teams_identity
from domain.access import Viewer
from domain.chat import TeamsIdentity
from domain.errors import InvalidValue, UserNotFound
from domain.services.people import find_team_by_name, find_user
from domain.tickets import Assignee

NOBODY = frozenset({"nobody", "none", "no one", "unassigned"})


async def resolve_assignee(
    turn_context: TurnContext,
    deps: BotDependencies,
    directory: MemberDirectory,
    viewer: Viewer,
    target: str,
    mentions: list[Mention],
) -> Assignee | None:
    wanted = target.strip()
    lowered = wanted.lower()
    if lowered in ("me", "myself"):
        return Assignee.user(viewer.id)
    if lowered in NOBODY:
        return None
    if lowered.startswith("team "):
        team = await find_team_by_name(uow=deps.uow(), actor=viewer, name=wanted[5:].strip())
        return Assignee.team(team.id)
    if ("@" in wanted and " " not in wanted) or mentions:
        return Assignee.user(
            await resolve_person(turn_context, deps, directory, viewer, wanted, mentions)
        )
    raise InvalidValue(
        "assignee", "say `to me`, `to team NAME`, an email address, or @mention the person"
    )


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
