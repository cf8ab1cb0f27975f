"""Admin commands in chat: invitations, roles, deactivation, teams, company settings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import company_settings, team_members, teams, user_invitations, users
from tests.e2e.service import Service, texts_in, user_id_of, user_in_teams
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.integration.builders import insert_ticket, insert_user, this_years


async def _rita_the_admin_and_lee(
    service: Service, engine: AsyncEngine
) -> tuple[TeamsUser, TeamsUser, str]:
    """Rita, an admin, and Lee, an agent, both in Teams; and Lee's user id."""
    await insert_user(engine, role="admin", email="root@example.com")
    lee_id = await insert_user(engine, role="user", email="lee@example.com")
    return (service.person("root@example.com", "Rita Root"),
            service.person("lee@example.com", "Lee Agent"), lee_id)


async def test_an_admin_runs_the_organisation_from_chat(
    service: Service, engine: AsyncEngine
) -> None:
    root, lee, lee_id = await _rita_the_admin_and_lee(service, engine)
    await service.say("help", user=lee)  # Lee is known to the bot

    invited = await service.say("invite dana@example.com as manager", user=root)
    assert invited.texts[0].startswith("Invited dana@example.com as a manager")
    assert (await service.say("team create Network", user=root)).texts == ["Team Network is created."]
    added = await service.say("team add lee@example.com Network", user=root)
    assert added.texts == [f"Added User {await _last_name(engine, lee_id)} to team Network; "
                           "its queue is now in their lists."]
    promoted = await service.say("role lee@example.com manager", user=root)
    assert promoted.texts == ["User " + (await _last_name(engine, lee_id)) + " is now a manager."]
    prefix = await service.say("settings prefix ops", user=root)
    assert "prefix: OPS" in prefix.texts[0]
    shown = await service.say("settings", user=root)
    assert "OPS" in texts_in(shown.card)
    gone = await service.say("deactivate lee@example.com", user=root)
    assert gone.texts[0].endswith("is deactivated: they can no longer see or change tickets.")
    assert (await service.say("my tickets", user=lee)).texts == [
        "Sorry, you can't do that: your TicketFlow account is deactivated."]

    async with engine.connect() as connection:
        invitation = (await connection.execute(select(user_invitations))).mappings().one()
        lee_row = (await connection.execute(select(users).where(users.c.id == lee_id))).mappings()
        member = (await connection.execute(select(team_members.c.user_id).join(teams))).scalar()
        prefix_value = (await connection.execute(select(company_settings.c.ticket_prefix))).scalar()
    assert (invitation["email"], invitation["role"], invitation["status"]) == (
        "dana@example.com", "manager", "pending")
    row = lee_row.one()
    assert (row["role"], row["is_active"]) == ("manager", False)
    assert member == lee_id and prefix_value == "OPS"


async def _last_name(engine: AsyncEngine, user_id: str) -> str:
    async with engine.connect() as connection:
        return str((await connection.execute(
            select(users.c.last_name).where(users.c.id == user_id))).scalar_one())


async def test_admin_commands_are_refused_for_other_roles_with_the_reason(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="manager", email="mona@example.com")
    await insert_user(engine, role="customer", email="cleo@example.com")
    mona = service.person("mona@example.com", "Mona Manager")
    cleo = service.person("cleo@example.com", "Cleo Customer")
    refusal = "Sorry, you can't do that: only admins can do that."
    assert (await service.say("invite x@example.com as admin", user=mona)).texts == [refusal]
    assert (await service.say("settings prefix HACK", user=cleo)).texts == [refusal]
    assert (await service.say("team create Shadow", user=cleo)).texts == [refusal]
    managers_own = await service.say("team add cleo@example.com Shadow", user=mona)
    assert managers_own.texts == [
        "I can't find the team Shadow: say `list teams` to see the teams."]
    listed = await service.say("list teams", user=mona)  # what the hint says works
    assert listed.texts == ["You are not in any team."]
    async with engine.connect() as connection:
        assert (await connection.execute(select(user_invitations))).first() is None
        assert (await connection.execute(select(teams))).first() is None


async def test_an_admin_names_people_by_mentioning_them(
    service: Service, engine: AsyncEngine
) -> None:
    root, lee, lee_id = await _rita_the_admin_and_lee(service, engine)
    activity = service.teams.channel_message("role <at>Lee Agent</at> manager", user=root)
    activity["entities"].append(
        {"type": "mention", "text": "<at>Lee Agent</at>", "mentioned": lee.account()})
    turn = await service.send(activity)  # Lee never talked to the bot: looked up by email
    assert turn.texts[0].endswith("is now a manager.")
    async with engine.connect() as connection:
        role = (await connection.execute(select(users.c.role).where(users.c.id == lee_id)))
    assert role.scalar_one() == "manager"


async def test_someone_invited_but_not_joined_is_named_as_such_when_assigned_and_joins_to_take_it(
    service: Service, engine: AsyncEngine
) -> None:
    root, lee, _ = await _rita_the_admin_and_lee(service, engine)
    await service.say("invite sam.lee@example.com as user", user=root)
    await service.say("invite pat.o-neil@example.com as manager", user=root)
    await insert_ticket(engine, created_by=await user_id_of(engine, "root@example.com"),
                        number=this_years(90), title="Badge reader beeps red")
    number, short = this_years(90).removeprefix("TKT-"), "90"

    for said, who in [("Sam", "sam.lee@example.com is invited as an agent"),
                      ("sam lee", "sam.lee@example.com is invited as an agent"),
                      ("pat o neil", "pat.o-neil@example.com is invited as a manager")]:
        asked = await service.say(f"assign {short} to {said}", user=root)
        assert asked.texts[0].startswith(who), asked.texts
        assert "hasn't joined TicketFlow yet" in asked.texts[0]
        assert asked.texts[0].endswith(f"Who should take TKT-{number}?"), asked.texts
        await service.say("cancel", user=root)
    unknown = await service.say(f"assign {short} to Zed", user=root)
    assert unknown.texts[0] == f"I couldn't find “Zed”. Who should take TKT-{number}?"
    answered = await service.say("Sam", user=root)  # the answer to "Who should take …?"
    assert answered.texts[0] == (
        "sam.lee@example.com is invited as an agent but hasn't joined TicketFlow yet, so nothing "
        "can be assigned to them until they do (they join when they first message me). "
        f"Who should take TKT-{number}?"), answered.texts
    await service.say("cancel", user=root)
    agent = await service.say(f"assign {short} to Sam", user=lee)  # agents learn nothing of it
    assert "invited" not in " ".join(agent.texts)
    mo_id = await insert_user(engine, role="manager", email="mo@example.com", name="Mo Manager")
    mo = service.person("mo@example.com", "Mo Manager")
    await insert_ticket(engine, created_by=mo_id, number=this_years(91), title="Door sticks")
    heard = {}
    for said in ("sam.lee@example.com", "never.asked@example.com", "Sam", "Zed"):
        heard[said] = (await service.say(f"assign 91 to {said}", user=mo)).texts
        await service.say("cancel", user=mo)
    assert heard["sam.lee@example.com"] == [  # managers learn of invitees what of no one
        f"I couldn't find “sam.lee@example.com”. Who should take {this_years(91)}?"]
    assert heard["never.asked@example.com"] == [
        f"I couldn't find “never.asked@example.com”. Who should take {this_years(91)}?"]
    assert heard["Sam"] == [f"I couldn't find “Sam”. Who should take {this_years(91)}?"]
    assert heard["Zed"] == [f"I couldn't find “Zed”. Who should take {this_years(91)}?"]

    sam = service.person("sam.lee@example.com", "Sam Lee")
    await service.say("hi", user=sam)  # first contact accepts the invitation
    assigned = await service.say(f"assign {short} to Sam", user=root)
    assert "Assigned to Sam Lee" in texts_in(assigned.card), assigned.texts


async def test_an_invitation_without_a_role_asks_for_the_role_with_buttons_and_stores_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    root, lee, _ = await _rita_the_admin_and_lee(service, engine)

    asked = await service.say("Invite dana@example.com", user=root)

    assert asked.texts == [
        "Which role should dana@example.com get? Agents work tickets, managers also assign "
        "them and manage their teams, admins run everything, customers file and follow their "
        "own."]
    assert asked.buttons == ["Agent", "Manager", "Admin", "Customer"]
    async with engine.connect() as connection:
        assert (await connection.execute(select(user_invitations))).all() == []
    refused = await service.say("invite x@example.com", user=lee)
    assert refused.texts == ["Sorry, you can't do that: only admins can do that."]

    picked = await service.say("invite dana@example.com as manager", user=root)  # "Manager"
    assert picked.texts[0].startswith("Invited dana@example.com as a manager")
    async with engine.connect() as connection:
        invitation = (await connection.execute(select(user_invitations))).mappings().one()
    assert (invitation["email"], invitation["role"]) == ("dana@example.com", "manager")


async def test_an_admin_removes_someone_from_a_team_in_words(
    service: Service, engine: AsyncEngine
) -> None:
    root, lee, lee_id = await _rita_the_admin_and_lee(service, engine)
    await service.say("team create Network", user=root)
    await service.say("team add lee@example.com Network", user=root)
    name = f"User {await _last_name(engine, lee_id)}"

    removed = await service.say("remove lee@example.com from network", user=root)
    again = await service.say("take lee@example.com off the Network team", user=root)
    refused = await service.say("remove root@example.com from network", user=lee)

    assert removed.texts == [f"Removed {name} from team Network; its queue has left their lists."]
    assert again.texts == [f"{name} is not in team Network."]
    assert refused.texts == ["Sorry, you can't do that: only admins or managers can do that."]
    async with engine.connect() as connection:
        assert (await connection.execute(select(team_members))).all() == []
    # Without "team", and no team by that name: not about a team, read as any other message.
    for said in ("take me off the watchers list", "take rita off the laptop ticket"):
        other = " ".join((await service.say(said, user=lee)).texts)
        assert other and "only admins" not in other and "team" not in other.lower(), other


async def test_the_teams_listed_are_every_team_for_an_admin_and_ones_own_for_others(
    service: Service, engine: AsyncEngine
) -> None:
    """"list teams" was a list of tickets matching “teams”."""
    root = await user_in_teams(service, engine, "root@example.com", "Ro Admin", role="admin")
    await user_in_teams(service, engine, "max@example.com", "Max Power", role="manager")
    max_ = service.person("max@example.com", "Max Power")
    cara = await user_in_teams(service, engine, "cara@example.com", "Cara Diaz", role="customer")
    for said in ("create team Network", "create team Facilities", "add max@example.com to network"):
        await service.say(said, user=root)

    everyone = await service.say("list teams", user=root)
    own = await service.say("what teams am I in?", user=max_)
    none = await service.say("list teams", user=cara)

    assert everyone.texts[0].startswith("Teams (2):\n\n- Facilities\n- Network")
    assert own.texts[0].startswith("Your teams (1):\n\n- Network")
    assert none.texts[0].startswith("Sorry, you can't do that")


async def test_an_admin_lists_the_people_in_ticketflow_and_others_are_refused(
    service: Service, engine: AsyncEngine
) -> None:
    """"list users" was a list of tickets matching “users”."""
    root = await user_in_teams(service, engine, "root@example.com", "Ro Admin", role="admin")
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Power", role="manager")
    await insert_user(engine, role="customer", email="cara@example.com")

    everyone = await service.say("list users", user=root)
    managers = await service.say("who are the managers?", user=root)
    refused = await service.say("list users", user=max_)

    assert everyone.texts[0].startswith("People in TicketFlow (3):\n\n")
    listed = everyone.texts[0].splitlines()[2:]
    names = [line.removeprefix("- ").split(" · ")[0] for line in listed]
    assert names == sorted(names, key=str.casefold)
    assert {line.split(" · ", 1)[1] for line in listed} == {
        "root@example.com · admin", "max@example.com · manager", "cara@example.com · customer"}
    assert managers.texts[0].startswith("Managers in TicketFlow (1):\n\n- ")
    assert managers.texts[0].endswith(" · max@example.com")
    assert refused.texts == ["Sorry, you can't do that: only admins can do that."]
