"""Admin and manager requests in everyday words, over HTTP: names resolved as for
assignment (asked about, never guessed), sensitive changes proposed before they are made."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import team_members, teams, user_invitations, users
from tests.e2e.service import Service, presses
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.integration.builders import insert_team, insert_user


async def _rita_the_admin(service: Service, engine: AsyncEngine) -> TeamsUser:
    await insert_user(engine, role="admin", email="rita@ex.com", name="Rita Root")
    return service.person("rita@ex.com", "Rita Root")


async def _role_and_active(engine: AsyncEngine, user_id: str) -> tuple[str, bool]:
    async with engine.connect() as connection:
        row = (await connection.execute(
            select(users.c.role, users.c.is_active).where(users.c.id == user_id))).one()
    return str(row.role), bool(row.is_active)


async def _members(engine: AsyncEngine, team_id: int) -> list[str]:
    async with engine.connect() as connection:
        return sorted(str(u) for u in (await connection.execute(
            select(team_members.c.user_id).where(team_members.c.team_id == team_id))).scalars())


async def test_an_admin_invites_an_agent_and_is_told_it_is_the_user_role(
    service: Service, engine: AsyncEngine
) -> None:
    rita = await _rita_the_admin(service, engine)
    invited = await service.say("Invite sam@ex.com as an Agent", user=rita)
    assert invited.texts[0].startswith("Invited sam@ex.com as an agent (user role).")
    async with engine.connect() as connection:
        row = (await connection.execute(select(user_invitations))).mappings().one()
    assert (row["email"], row["role"]) == ("sam@ex.com", "user")


async def test_a_mistyped_address_is_said_at_once_not_after_asking_for_a_role(
    service: Service, engine: AsyncEngine
) -> None:
    rita = await _rita_the_admin(service, engine)
    for said, typed in [("invite sam@ex", "sam@ex"), ("please invite sam@@ex.com", "sam@@ex.com"),
                        ("Invite sam@ex,com thanks", "sam@ex,com")]:
        refused = await service.say(said, user=rita)
        assert refused.texts == [f"That email won't work: '{typed}' is not an email address."]
        assert refused.buttons == []
    await insert_user(engine, role="customer", email="cleo@ex.com", name="Cleo Client")
    cleo = service.person("cleo@ex.com", "Cleo Client")
    assert (await service.say("invite sam@ex", user=cleo)).texts == [
        "Sorry, you can't do that: only admins can do that."]
    async with engine.connect() as connection:
        assert (await connection.execute(select(user_invitations))).first() is None


async def test_who_is_in_a_team_follows_the_access_rule(
    service: Service, engine: AsyncEngine
) -> None:
    rita = await _rita_the_admin(service, engine)
    lee = await insert_user(engine, email="lee@ex.com", name="Lee Adams")
    await insert_user(engine, email="kim@ex.com", name="Kim Outsider")
    await insert_user(engine, role="customer", email="cleo@ex.com", name="Cleo Client")
    mona = await insert_user(engine, role="manager", email="mona@ex.com", name="Mona Lisa")
    await insert_team(engine, "Network", lee, mona)
    await insert_team(engine, "Facilities")

    answer = "Team Network has 2 members:\n\n- Lee Adams (lee@ex.com) · agent\n" \
             "- Mona Lisa (mona@ex.com) · manager"
    assert (await service.say("who's on networking?", user=rita)).texts == [answer]
    assert (await service.say("members of the network team",
                              user=service.person("lee@ex.com", "Lee Adams"))).texts == [answer]
    assert (await service.say("Who is on the Network team?",
                              user=service.person("mona@ex.com", "Mona Lisa"))).texts == [answer]
    assert (await service.say("who is in the facilities team", user=rita)).texts == [
        "Nobody is in team Facilities yet."]
    kim = service.person("kim@ex.com", "Kim Outsider")
    assert (await service.say("who is in the network team", user=kim)).texts == [
        "Sorry, you can't do that: you can see the members only of the teams you belong to."]
    cleo = service.person("cleo@ex.com", "Cleo Client")
    for asked in ("who is in the network team", "who is in the nosuch team"):
        assert (await service.say(asked, user=cleo)).texts == [
            "Sorry, you can't do that: only staff can see who is in a team."]
    assert (await service.say("who is in the nosuch team", user=rita)).texts == [
        "I can't find the team nosuch: say `list teams` to see the teams."]
    # Without "team", a word no team is called is not asked after as one: read as any other
    # message; and a customer's "who's on networking?" is too (they see no team).
    for asked, who in (("who is on call?", rita), ("who is on call tonight?", rita),
                       ("who's on networking?", cleo)):
        other = " ".join((await service.say(asked, user=who)).texts)
        assert other and "team" not in other.lower() and "Lee Adams" not in other, other


async def test_a_team_named_it_something_is_a_team_in_everyday_words(
    service: Service, engine: AsyncEngine
) -> None:
    """"who is in it support" asked "Which ticket?" ("it" read as the ticket), and "add sam
    to it support" went to the help assistant: IT Support is a team like any other."""
    rita = await _rita_the_admin(service, engine)
    await insert_user(engine, email="sam@ex.com", name="Sam Agent")
    await insert_team(engine, "IT Support")

    added = await service.say("add sam to it support", user=rita)
    listed = await service.say("who is in IT Support?", user=rita)

    assert added.texts == ["Added Sam Agent to team IT Support; its queue is now in their lists."]
    assert "Sam Agent" in " ".join(listed.texts)


async def test_adding_by_name_asks_which_one_and_never_guesses(
    service: Service, engine: AsyncEngine
) -> None:
    rita = await _rita_the_admin(service, engine)
    sam = await insert_user(engine, email="sam@ex.com", name="Sam Agent")
    lee_a = await insert_user(engine, email="lee.a@ex.com", name="Lee Adams")
    await insert_user(engine, email="lee.b@ex.com", name="Lee Brown")
    network = await insert_team(engine, "Network")

    added = await service.say("put Sam in networking", user=rita)
    assert added.texts == ["Added Sam Agent to team Network; its queue is now in their lists."]
    again = await service.say("put Sam in networking", user=rita)  # a resend changes nothing
    assert again.texts == ["Sam Agent is already in team Network."]

    unknown = await service.say("add casey to the network team", user=rita)
    assert unknown.texts == ["I couldn't find “casey” among the people in TicketFlow. "
                             "Say their email address, or @mention them."]
    which = await service.say("add @Lee to Network", user=rita)
    assert which.texts == ["Which Lee?"]
    assert presses(which) == {"Lee Adams (lee.a@ex.com)": "team add lee.a@ex.com Network",
                              "Lee Brown (lee.b@ex.com)": "team add lee.b@ex.com Network"}
    assert await _members(engine, network) == [sam]
    await service.say(presses(which)["Lee Adams (lee.a@ex.com)"], user=rita)
    assert await _members(engine, network) == sorted([sam, lee_a])


async def test_a_role_change_in_words_is_proposed_then_made_once(
    service: Service, engine: AsyncEngine
) -> None:
    rita = await _rita_the_admin(service, engine)
    alex = await insert_user(engine, email="alex@ex.com", name="Alex Doe")

    proposed = await service.say("make alex a manager pls", user=rita)
    assert proposed.texts == [
        "Make Alex Doe (alex@ex.com) a manager? They are an agent (user role) now."]
    assert presses(proposed) == {"Yes, make them a manager": "role alex@ex.com manager",
                                 "No, keep it": "keep alex@ex.com as user"}
    assert await _role_and_active(engine, alex) == ("user", True)
    assert (await service.say("keep alex@ex.com as user", user=rita)).texts == [
        "OK, I changed nothing."]
    assert await _role_and_active(engine, alex) == ("user", True)

    for _ in range(2):  # pressed twice, or resent by Teams: the same one change
        made = await service.say("role alex@ex.com manager", user=rita)
        assert made.texts == ["Alex Doe is now a manager."]
    assert await _role_and_active(engine, alex) == ("manager", True)
    assert (await service.say("change Alex's role to manager", user=rita)).texts == [
        "Alex Doe is already a manager: nothing to change."]
    back = await service.say("demote alex to technician", user=rita)
    assert back.texts == [
        "Make Alex Doe (alex@ex.com) an agent (user role)? They are a manager now."]
    assert presses(back)["Yes, make them an agent"] == "role alex@ex.com user"
    for unknown in ("invite kim@ex.com as boss", "role alex@ex.com boss",
                    "change alex's role to boss"):
        assert (await service.say(unknown, user=rita)).texts == [
            "That role won't work: “boss” is not a role: say admin, manager, agent (the user "
            "role) or customer."]
    assert await _role_and_active(engine, alex) == ("manager", True)


async def test_deactivating_in_words_is_proposed_first(
    service: Service, engine: AsyncEngine
) -> None:
    rita = await _rita_the_admin(service, engine)
    sam = await insert_user(engine, email="sam@ex.com", name="Sam Agent")

    proposed = await service.say("deactivate Sam", user=rita)
    assert proposed.texts == [
        "Deactivate Sam Agent (sam@ex.com)? They will no longer see or change tickets."]
    assert await _role_and_active(engine, sam) == ("user", True)
    await service.say(presses(proposed)["Yes, deactivate"], user=rita)
    assert await _role_and_active(engine, sam) == ("user", False)
    assert (await service.say("please deactivate sam@ex.com", user=rita)).texts == [
        "Sam Agent is already deactivated."]
    assert (await service.say("deactivate Rita", user=rita)).texts == [
        "Sorry, you can't do that: you cannot change your own role or deactivate yourself."]


async def test_reactivating_is_never_read_as_deactivating_and_undoes_it(
    service: Service, engine: AsyncEngine
) -> None:
    """"reactivate sam@ex.com" was mended, as a slip, into "deactivate": it proposed to
    deactivate an active Sam, and told a deactivated one "already deactivated", with no way
    back in Teams."""
    rita = await _rita_the_admin(service, engine)
    sam = await insert_user(engine, email="sam@ex.com", name="Sam Agent")

    assert (await service.say("reactivate sam@ex.com", user=rita)).texts == [
        "Sam Agent is active already: nothing to change."]
    await service.say("deactivate sam@ex.com", user=rita)
    assert await _role_and_active(engine, sam) == ("user", False)

    proposed = await service.say("please reactivate Sam", user=rita)
    assert proposed.texts == ["Reactivate Sam Agent (sam@ex.com)? They will see and change "
                              "tickets again, as an agent."]
    assert await _role_and_active(engine, sam) == ("user", False)
    kept = await service.say(presses(proposed)["No, keep them deactivated"], user=rita)
    assert kept.texts == ["OK, I changed nothing."]
    assert await _role_and_active(engine, sam) == ("user", False)
    done = await service.say(presses(proposed)["Yes, reactivate"], user=rita)
    assert done.texts == ["Sam Agent is active again: they can see and change tickets."]
    assert await _role_and_active(engine, sam) == ("user", True)
    assert (await service.say(presses(proposed)["Yes, reactivate"], user=rita)).texts == [
        "Sam Agent is active already: nothing to change."]  # a resent Yes changes nothing


async def test_a_proposal_is_answered_by_typing_yes_or_no_too(
    service: Service, engine: AsyncEngine
) -> None:
    """"yes" typed under "Make Sam Agent a manager?" was "Sorry, I didn't get “yes”": only
    the buttons answered it. A typed answer picks a button the way a pressed one does."""
    rita = await _rita_the_admin(service, engine)
    sam = await insert_user(engine, email="sam@ex.com", name="Sam Agent")

    await service.say("make Sam a manager", user=rita)
    assert (await service.say("no", user=rita)).texts == ["OK, I changed nothing."]
    assert await _role_and_active(engine, sam) == ("user", True)
    assert (await service.say("yes", user=rita)).texts != ["Sam Agent is now a manager."]
    assert await _role_and_active(engine, sam) == ("user", True)  # that question was answered

    await service.say("make Sam a manager", user=rita)
    assert (await service.say("Yes please", user=rita)).texts == ["Sam Agent is now a manager."]
    await service.say("deactivate sam", user=rita)
    await service.say("1", user=rita)
    assert await _role_and_active(engine, sam) == ("manager", False)
    asked = await service.say("invite dana@ex.com", user=rita)
    assert asked.texts[0].startswith("Which role should dana@ex.com get?")
    assert (await service.say("agent", user=rita)).texts[0].startswith(
        "Invited dana@ex.com as an agent")


async def test_refusals_come_before_any_lookup(service: Service, engine: AsyncEngine) -> None:
    mona = await insert_user(engine, role="manager", email="mona@ex.com", name="Mona Lisa")
    await insert_user(engine, email="sam@ex.com", name="Sam Agent")
    await insert_user(engine, role="customer", email="cleo@ex.com", name="Cleo Client")
    network = await insert_team(engine, "Network", mona)
    await insert_team(engine, "Facilities")
    manager = service.person("mona@ex.com", "Mona Lisa")
    cleo = service.person("cleo@ex.com", "Cleo Client")

    for who in ("Sam", "nobody-by-this-name"):  # the same answer whoever is named
        refused = await service.say(f"add {who} to the facilities team", user=manager)
        assert refused.texts == ["Sorry, you can't do that: managers can change only their "
                                 "own teams, and Facilities is not one."]
    assert (await service.say("add Sam to the network team", user=manager)).texts == [
        "Added Sam Agent to team Network; its queue is now in their lists."]
    admins_only = "Sorry, you can't do that: only admins can do that."
    for asked in ("make sam a manager", "make nobody-by-this-name a manager",
                  "deactivate Sam", "create a team called Facilities"):
        assert (await service.say(asked, user=manager)).texts == [admins_only]
        assert (await service.say(asked, user=cleo)).texts == [admins_only]
    assert (await service.say("add Sam to the network team", user=cleo)).texts == [
        "Sorry, you can't do that: only admins or managers can do that."]
    # Without "team", and no team by that name: not about a team, so read as any other message.
    other = " ".join((await service.say("add me to the watchers please", user=manager)).texts)
    assert other and "only admins" not in other and "team" not in other.lower(), other
    assert len(await _members(engine, network)) == 2


async def test_an_admin_creates_a_team_in_words(service: Service, engine: AsyncEngine) -> None:
    rita = await _rita_the_admin(service, engine)
    assert (await service.say("create a team called Facilities", user=rita)).texts == [
        "Team Facilities is created."]
    assert (await service.say("new team Facilities", user=rita)).texts == [
        "A team named Facilities already exists."]
    async with engine.connect() as connection:
        assert list((await connection.execute(select(teams.c.name))).scalars()) == ["Facilities"]
