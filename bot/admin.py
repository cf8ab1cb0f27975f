"""Admin commands in chat: invitations, roles, deactivation, teams and company settings.

The domain use cases decide who may do what (admins; managers for their own teams)
and raise NotAllowed with the reason, which the handler turns into words.
"""

from __future__ import annotations

from botbuilder.core import TurnContext

from bot import commands, presenter
from bot.context import BotDependencies
from bot.identity import MemberDirectory
from bot.mentions import mentioned_users
from bot.outgoing import reply_card
from bot.person_lookup import resolve_person
from domain.access import Viewer, ensure_role
from domain.people import Role
from domain.services import company, invitations, people

AdminCommand = (
    commands.Invite | commands.SetRole | commands.Deactivate | commands.CreateTeam
    | commands.AddToTeam | commands.ConfigureCompany
)


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
    if isinstance(command, commands.AddToTeam):
        ensure_role(viewer, Role.ADMIN, Role.MANAGER)
    else:
        ensure_role(viewer, Role.ADMIN)
    match command:
        case commands.Invite(email=email, role=role, department=department):
            invitation = await invitations.invite(
                uow=uow(), email=email, role=role, actor=viewer, department=department
            )
            await turn_context.send_activity(
                f"Invited {invitation.email} as {invitation.role.value}"
                + (f" in {invitation.department}" if invitation.department else "")
                + f". They get that role when they first talk to me in Teams "
                f"(until {invitation.expires_at:%d %b %Y})."
            )
        case commands.SetRole(person=person, role=role):
            user_id = await _person(turn_context, deps, directory, viewer, person)
            user = await people.set_role(uow=uow(), user_id=user_id, role=role,
                                         actor=viewer)
            await turn_context.send_activity(f"{user.display_name} is now {user.role.value}.")
        case commands.Deactivate(person=person):
            user_id = await _person(turn_context, deps, directory, viewer, person)
            user = await people.set_active(uow=uow(), user_id=user_id, active=False,
                                           actor=viewer)
            await turn_context.send_activity(
                f"{user.display_name} is deactivated: they can no longer see or change tickets."
            )
        case commands.CreateTeam(name=name):
            team = await people.create_team(uow=uow(), name=name, actor=viewer)
            await turn_context.send_activity(f"Team {team.name} is created.")
        case commands.AddToTeam(person=person, team=team_name):
            user_id = await _person(turn_context, deps, directory, viewer, person)
            membership = await people.add_team_member(uow=uow(), team=team_name,
                                                      user_id=user_id, actor=viewer)
            team = await people.find_team_by_name(uow=uow(), actor=viewer, name=team_name)
            await turn_context.send_activity(
                f"Added to team {team.name}; its queue is now in their lists "
                f"({membership.role.value})."
            )
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


async def _person(
    turn_context: TurnContext,
    deps: BotDependencies,
    directory: MemberDirectory,
    viewer: Viewer,
    person: str,
) -> str:
    return await resolve_person(
        turn_context, deps, directory, viewer, person, mentioned_users(turn_context.activity)
    )

