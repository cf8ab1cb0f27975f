"""The person or team an admin request names: an email, an @mention, or a name resolved the
way assignment resolves it (bot.understanding.targets). A name that fits no one, or
several, is asked about with buttons that say the request again with the email: never
guessed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from botbuilder.core import TurnContext

from bot.actions.option import Option
from bot.context import BotDependencies
from bot.identity import MemberDirectory
from bot.mentions import mentioned_users
from bot.person_lookup import resolve_person
from bot.sender_day import sender_today
from bot.understanding.context import Conversation, Person, TeamEntry
from bot.understanding.message import read_message
from bot.understanding.requests import TeamTarget, UserTarget
from bot.understanding.targets import Ambiguous, find_target
from domain.access import Viewer
from domain.errors import TeamNotFound
from domain.people import Role, Team, User
from domain.services.people import find_team_by_name, list_teams, list_users


@dataclass(frozen=True, slots=True)
class Which:
    """The question to ask instead of acting: "Which Lee?" and the choices."""

    question: str
    options: tuple[Option, ...] = ()


async def named_user(
    turn_context: TurnContext,
    deps: BotDependencies,
    directory: MemberDirectory,
    viewer: Viewer,
    said: str,
    again: str,
    *,
    deactivated_too: bool = False,
) -> User | Which:
    """The user `said` names. `again`: the request with `{email}` where the person goes,
    said by the buttons under "Which Lee?"; `deactivated_too`: a name may be someone
    deactivated (to reactivate them)."""
    users = await list_users(uow=deps.uow().reading(), actor=viewer, include_inactive=True)
    if said == "mention" or "@" in said:
        user_id = await resolve_person(
            turn_context, deps, directory, viewer, said, mentioned_users(turn_context.activity))
        return next(u for u in users if u.id == user_id)
    # Named: among the active people this viewer may name (customers only for admins).
    named = [u for u in users if (u.is_active or deactivated_too) and (
        viewer.role is Role.ADMIN or u.role is not Role.CUSTOMER)]
    conversation = Conversation(
        viewer_id=viewer.id, today=sender_today(),
        people=tuple(Person(u.id, u.display_name, u.email) for u in named))
    found = find_target(read_message(said, conversation).words, conversation)
    if isinstance(found, UserTarget):
        return next(u for u in named if u.id == found.user_id)
    if isinstance(found, Ambiguous):
        choices = [u for c in found.choices if isinstance(c.value, UserTarget)
                   for u in named if u.id == c.value.user_id and u.email]
        return Which(f"Which {said.title()}?", tuple(
            Option(f"{u.display_name} ({u.email})", again.format(email=u.email))
            for u in choices if again))
    return Which(f"I couldn't find “{said}” among the people in TicketFlow. Say their email "
                 "address, or @mention them.")


async def named_team(deps: BotDependencies, viewer: Viewer, said: str, again: str) -> Team | Which:
    """The team `said` names as stored: "networking" is Network; two that fit are asked
    about. `again`: the request with `{team}` where the team goes."""
    teams = await list_teams(uow=deps.uow().reading(), actor=viewer)
    conversation = Conversation(viewer_id=viewer.id, today=sender_today(),
                                teams=tuple(TeamEntry(t.id, t.name) for t in teams))
    phrase = said if said.lower().split()[-1:] == ["team"] else f"{said} team"
    found = find_target(read_message(phrase, conversation).words, conversation)
    if isinstance(found, TeamTarget):
        return next(t for t in teams if t.id == found.team_id)
    if isinstance(found, Ambiguous):
        return Which(f"Which team: {_either(c.label for c in found.choices)}?", tuple(
            Option(c.label, again.format(team=c.value.name)) for c in found.choices
            if isinstance(c.value, TeamTarget) and again))
    try:  # the stored name exactly, whatever the words around it
        return await find_team_by_name(uow=deps.uow().reading(), actor=viewer, name=said)
    except TeamNotFound:
        raise TeamNotFound(said) from None


def _either(labels: Iterable[str]) -> str:
    names = list(labels)
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)
