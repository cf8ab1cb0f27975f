"""Admin commands in chat: invitations, roles, deactivation, teams and company settings.

The domain use cases decide who may do what (admins; managers for their own teams)
and raise NotAllowed with the reason, which the handler turns into words. A role change
or a deactivation asked in everyday words is proposed first: its "Yes" button says the
exact command, which is safe to resend.
"""

from __future__ import annotations

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import ActionTypes, CardAction, HeroCard

from bot import commands, presenter
from bot.actions import notices
from bot.actions.option import Option
from bot.admin_names import Which, named_team, named_user
from bot.context import BotDependencies
from bot.identity import MemberDirectory
from bot.outgoing import reply_card
from domain.access import Viewer, ensure_manages_team, ensure_role, ensure_sees_team_members
from domain.errors import InvalidValue, NotAllowed, TeamNotFound
from domain.people import Role, Team, TeamRole, User
from domain.services import company, invitations, people
from domain.validation import parse_email

OFFERED = "ticketflow.admin_offered"
"""The buttons this turn's question offered (in `turn_state`): typed next, "yes", "no",
"agent" or "2" picks one (`MessageRouter`)."""

AdminCommand = (
    commands.Invite | commands.SetRole | commands.Deactivate | commands.Reactivate
    | commands.KeepAsIs
    | commands.CreateTeam | commands.AddToTeam | commands.RemoveFromTeam | commands.TeamMembers
    | commands.ListTeams | commands.ListPeople | commands.ConfigureCompany
)


async def answers(deps: BotDependencies, viewer: Viewer, command: AdminCommand) -> bool:
    """Whether the command is one to run here. "who's on call?" reads like "who's on
    networking?", "add me to the watchers" like "put Sam in networking", "take Sam off the
    laptop ticket" like "take Sam off networking": they are about a team only when a team
    has that name, and never from a customer, who sees no team (the message is then read
    as any other)."""
    if not isinstance(command, (commands.TeamMembers, commands.AddToTeam,
                                commands.RemoveFromTeam)) or command.named:
        return True
    if viewer.role is Role.CUSTOMER or not viewer.user.is_active:
        return False
    try:
        await named_team(deps, viewer, command.team, "")
    except TeamNotFound:
        return False
    return True


async def run_admin(
    turn_context: TurnContext,
    deps: BotDependencies,
    directory: MemberDirectory,
    viewer: Viewer,
    command: AdminCommand,
) -> None:
    uow = deps.uow
    # Refuse before looking anybody up, so the answer never tells who or what exists.
    # (The use cases check again, against the freshly loaded viewer.)
    if isinstance(command, (commands.AddToTeam, commands.RemoveFromTeam)):
        ensure_role(viewer, Role.ADMIN, Role.MANAGER)
    elif isinstance(command, (commands.TeamMembers, commands.ListTeams)):
        ensure_sees_team_members(viewer)
    else:
        ensure_role(viewer, Role.ADMIN)
    if isinstance(command, commands.Invite) and command.role is None:
        parse_email(command.email)  # a mistyped address is said now, not after the role
        await _ask(turn_context, _which_role(command.email))
        return
    if isinstance(command, (commands.Invite, commands.SetRole)) and command.role not in _ROLES:
        raise InvalidValue("role", f"“{command.role}” is not a role: say admin, manager, "
                           "agent (the user role) or customer")
    match command:
        case commands.Invite(email=email, role=role, department=department):
            invitation = await invitations.invite(
                uow=uow(), email=email, role=role, actor=viewer, department=department
            )
            await turn_context.send_activity(
                f"Invited {invitation.email} as {_as_role(invitation.role)}"
                + (f" in {invitation.department}" if invitation.department else "")
                + f". They get that role when they first talk to me in Teams "
                f"(until {invitation.expires_at:%d %b %Y})."
            )
        case commands.SetRole(person=person, role=role, confirmed=confirmed):
            again = "make {email} " + _a_role(role)
            found = await named_user(turn_context, deps, directory, viewer, person, again)
            if isinstance(found, Which):
                await _ask(turn_context, found)
            elif not confirmed:
                await _propose_role(turn_context, viewer, found, role)
            else:
                user = await people.set_role(uow=uow(), user_id=found.id, role=role,
                                             actor=viewer)
                await turn_context.send_activity(
                    f"{user.display_name} is now {_as_role(user.role)}.")
        case commands.Deactivate(person=person, confirmed=confirmed):
            found = await named_user(turn_context, deps, directory, viewer, person,
                                     "please deactivate {email}")
            if isinstance(found, Which):
                await _ask(turn_context, found)
            elif not confirmed:
                await _propose_deactivation(turn_context, viewer, found)
            else:
                user = await people.set_active(uow=uow(), user_id=found.id, active=False,
                                               actor=viewer)
                await turn_context.send_activity(
                    f"{user.display_name} is deactivated: they can no longer see or change "
                    "tickets.")
        case commands.Reactivate(person=person, confirmed=confirmed):
            found = await named_user(turn_context, deps, directory, viewer, person,
                                     "please reactivate {email}", deactivated_too=True)
            if isinstance(found, Which):
                await _ask(turn_context, found)
            elif found.is_active:
                await turn_context.send_activity(
                    f"{found.display_name} is active already: nothing to change.")
            elif not confirmed:
                await _propose_reactivation(turn_context, viewer, found)
            else:
                user = await people.set_active(uow=uow(), user_id=found.id, active=True,
                                               actor=viewer)
                await turn_context.send_activity(
                    f"{user.display_name} is active again: they can see and change tickets.")
        case commands.KeepAsIs():
            await turn_context.send_activity("OK, I changed nothing.")
        case commands.CreateTeam(name=name):
            team = await people.create_team(uow=uow(), name=name, actor=viewer)
            await turn_context.send_activity(f"Team {team.name} is created.")
        case commands.AddToTeam(person=person, team=team_said):
            await _add_to_team(turn_context, deps, directory, viewer, person, team_said)
        case commands.RemoveFromTeam(person=person, team=team_said):
            await _remove_from_team(turn_context, deps, directory, viewer, person, team_said)
        case commands.TeamMembers(team=team_said):
            await _team_members(turn_context, deps, viewer, team_said)
        case commands.ListTeams():
            await _list_teams(turn_context, deps, viewer)
        case commands.ListPeople(role=role):
            await _list_people(turn_context, deps, viewer, role)
        case commands.ConfigureCompany(field=None):
            settings = await company.company_settings(uow=uow(), actor=viewer)
            facts = [("Company name", settings.company_name),
                     ("Ticket prefix", settings.ticket_prefix),
                     ("Colour", settings.primary_color)]
            card = presenter.facts_card(
                "Company settings", facts,
                "Change one with: settings name Acme · settings prefix OPS · settings colour #0f6cbd",
            )
            await reply_card(turn_context, card)
        case commands.ConfigureCompany(field=field, value=value):
            assert field is not None
            updated = await company.update_company_settings(
                uow=uow(), actor=viewer, **{field: value}
            )
            await turn_context.send_activity(
                f"Saved. Company: {updated.company_name} · prefix: {updated.ticket_prefix} "
                f"(new tickets only) · colour: {updated.primary_color}."
            )


async def _team_and_person(
    turn_context: TurnContext, deps: BotDependencies, directory: MemberDirectory,
    viewer: Viewer, person: str, team_said: str, *, again: str, by_email: str,
) -> tuple[Team, User] | None:
    """The team first (a manager is refused another team before anyone is looked up), then
    the person; None when either was asked about (the name fits no one or several).
    `again` / `by_email`: the command a button says, with `{team}` / `{email}` to fill in."""
    # A picked @mention cannot be said again by a button: that question has none.
    team = await named_team(deps, viewer, team_said, "" if person == "mention" else again)
    if isinstance(team, Which):
        await _ask(turn_context, team)
        return None
    ensure_manages_team(viewer, team_id=team.id, team_name=team.name)
    found = await named_user(turn_context, deps, directory, viewer, person,
                             by_email.replace("{team}", team.name))
    if isinstance(found, Which):
        await _ask(turn_context, found)
        return None
    return team, found


async def _add_to_team(
    turn_context: TurnContext, deps: BotDependencies, directory: MemberDirectory,
    viewer: Viewer, person: str, team_said: str,
) -> None:
    named = await _team_and_person(
        turn_context, deps, directory, viewer, person, team_said,
        again=f"add {person} to the {{team}} team", by_email="team add {email} {team}")
    if named is None:
        return
    team, found = named
    roster = await people.team_roster(uow=deps.uow().reading(), actor=viewer, team=team.id)
    if any(user.id == found.id for user, _ in roster.members):
        await turn_context.send_activity(f"{found.display_name} is already in team {team.name}.")
        return
    await people.add_team_member(uow=deps.uow(), team=team.id, user_id=found.id, actor=viewer)
    await turn_context.send_activity(
        f"Added {found.display_name} to team {team.name}; its queue is now in their lists.")


async def _remove_from_team(
    turn_context: TurnContext, deps: BotDependencies, directory: MemberDirectory,
    viewer: Viewer, person: str, team_said: str,
) -> None:
    named = await _team_and_person(
        turn_context, deps, directory, viewer, person, team_said,
        again=f"remove {person} from the {{team}} team",
        by_email="remove {email} from the {team} team")
    if named is None:
        return
    team, found = named
    removed = await people.remove_team_member(uow=deps.uow(), team=team.id, user_id=found.id,
                                              actor=viewer)
    await turn_context.send_activity(
        f"Removed {found.display_name} from team {team.name}; its queue has left their lists."
        if removed else f"{found.display_name} is not in team {team.name}.")


async def _list_teams(turn_context: TurnContext, deps: BotDependencies, viewer: Viewer) -> None:
    """Every team for an admin; the teams they are in for anyone else (the access rule)."""
    teams = await people.list_teams(uow=deps.uow().reading(), actor=viewer)
    seen = sorted((team.name for team in teams
                   if viewer.role is Role.ADMIN or team.id in viewer.team_ids), key=str.casefold)
    if not seen:
        await turn_context.send_activity(
            "There are no teams yet: say `create team Network` to add one."
            if viewer.role is Role.ADMIN else "You are not in any team.")
        return
    heading = "Teams" if viewer.role is Role.ADMIN else "Your teams"
    await turn_context.send_activity(
        f"{heading} ({len(seen)}):\n\n" + "\n".join(f"- {name}" for name in seen)
        + f"\n\nSay `who is in {seen[0]}` to see a team's members.")


PEOPLE_SHOWN = 40
"""People listed in a chat answer; past that, the count and where to see everyone."""


async def _list_people(
    turn_context: TurnContext, deps: BotDependencies, viewer: Viewer, role: str | None
) -> None:
    """Everyone in TicketFlow, or everyone of one role, by name (admins only: refused before)."""
    users = await people.list_users(uow=deps.uow().reading(), actor=viewer)
    chosen = sorted((user for user in users if role is None or user.role.value == role),
                    key=lambda user: (not user.is_active, user.display_name.casefold()))
    kind = "people" if role is None else _plural(role)
    if not chosen:
        await turn_context.send_activity(f"There are no {kind} in TicketFlow yet.")
        return
    lines = [f"- {user.display_name} · {user.email}"
             + ("" if role is not None else f" · {_role_name(user.role.value)}")
             + ("" if user.is_active else " · deactivated")
             for user in chosen[:PEOPLE_SHOWN]]
    if (rest := len(chosen) - PEOPLE_SHOWN) > 0:
        lines.append(f"- and {rest} more: `ticketflow users list` shows everyone")
    await turn_context.send_activity(
        f"{kind.capitalize()} in TicketFlow ({len(chosen)}):\n\n" + "\n".join(lines))


def _role_name(role: str) -> str:
    """A role as people call it: the stored `user` is an agent."""
    return "agent" if role == Role.USER.value else role


def _plural(role: str) -> str:
    return f"{_role_name(role)}s"


async def _team_members(
    turn_context: TurnContext, deps: BotDependencies, viewer: Viewer, team_said: str
) -> None:
    team = await named_team(deps, viewer, team_said, "who is in the {team} team")
    if isinstance(team, Which):
        await _ask(turn_context, team)
        return
    roster = await people.team_roster(uow=deps.uow().reading(), actor=viewer, team=team.id)
    if not roster.members:
        await turn_context.send_activity(f"Nobody is in team {roster.team.name} yet.")
        return
    lines = [f"- {user.display_name}" + (f" ({user.email})" if user.email else "")
             + f" · {notices.role_name(user.role)}"
             + (" · team admin" if role is TeamRole.ADMIN else "")
             + ("" if user.is_active else " · deactivated")
             for user, role in roster.members]
    count = len(roster.members)
    await turn_context.send_activity(
        f"Team {roster.team.name} has {count} member{'s' if count != 1 else ''}:\n\n"
        + "\n".join(lines))


async def _propose_role(turn_context: TurnContext, viewer: Viewer, user: User, role: str) -> None:
    if user.id == viewer.id:
        raise NotAllowed("you cannot change your own role or deactivate yourself")
    wanted = Role(role)
    if user.role is wanted:
        await turn_context.send_activity(
            f"{user.display_name} is already {_a_role(role)}: nothing to change.")
        return
    email = _email_of(user)
    await _ask(turn_context, Which(
        f"Make {user.display_name} ({email}) {_a_role(role)}"
        + (" (user role)" if wanted is Role.USER else "") + "? "
        f"They are {_as_role(user.role)} now.",
        (Option(f"Yes, make them {_a_role(role)}", f"role {email} {role}"),
         Option("No, keep it", f"keep {email} as {user.role.value}"))))


async def _propose_deactivation(turn_context: TurnContext, viewer: Viewer, user: User) -> None:
    if user.id == viewer.id:
        raise NotAllowed("you cannot change your own role or deactivate yourself")
    if not user.is_active:
        await turn_context.send_activity(f"{user.display_name} is already deactivated.")
        return
    email = _email_of(user)
    await _ask(turn_context, Which(
        f"Deactivate {user.display_name} ({email})? They will no longer see or change tickets.",
        (Option("Yes, deactivate", f"deactivate {email}"),
         Option("No, keep them", f"keep {email} active"))))


async def _propose_reactivation(turn_context: TurnContext, viewer: Viewer, user: User) -> None:
    email = _email_of(user)
    await _ask(turn_context, Which(
        f"Reactivate {user.display_name} ({email})? They will see and change tickets again, "
        f"as {_as_role(user.role).removesuffix(' (user role)')}.",
        (Option("Yes, reactivate", f"reactivate {email}"),
         Option("No, keep them deactivated", f"keep {email} deactivated"))))


def _email_of(user: User) -> str:
    if not user.email:
        raise InvalidValue("person", f"{user.display_name} has no email address in TicketFlow, "
                           "so I can't confirm a change for them here")
    return user.email


async def _ask(turn_context: TurnContext, which: Which) -> None:
    if not which.options:
        await turn_context.send_activity(which.question)
        return
    buttons = [CardAction(type=ActionTypes.im_back, title=o.label, value=o.says)
               for o in which.options]
    hero = HeroCard(text=which.question, buttons=buttons)
    await turn_context.send_activity(MessageFactory.attachment(CardFactory.hero_card(hero)))
    turn_context.turn_state[OFFERED] = which.options


_ROLES = frozenset(role.value for role in Role)
_INVITED_AS = ((Role.USER, "Agent"), (Role.MANAGER, "Manager"), (Role.ADMIN, "Admin"),
               (Role.CUSTOMER, "Customer"))


def _which_role(email: str) -> Which:
    """An invitation without a role: each button says the whole command, so it also reads
    as typed ("invite sam@ex.com as manager")."""
    return Which(
        f"Which role should {email} get? Agents work tickets, managers also assign them "
        "and manage their teams, admins run everything, customers file and follow their own.",
        tuple(Option(label, f"invite {email} as {notices.role_name(role)}")
              for role, label in _INVITED_AS))


def _a_role(role: str) -> str:
    name = _role_name(role)
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


def _as_role(role: Role) -> str:
    """How a role is said back, with its article: the user role is what people call an
    agent ("is now a manager", "They are an agent (user role) now")."""
    said = _a_role(role.value)
    return f"{said} (user role)" if role is Role.USER else said
