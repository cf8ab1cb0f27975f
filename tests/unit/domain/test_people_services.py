"""Users, teams and departments: admins manage people; nobody changes their own standing."""

from __future__ import annotations

import pytest

from domain.errors import Conflict, NotAllowed, TeamNotFound, UserNotFound
from domain.people import Role, TeamRole
from domain.services.people import (
    add_team_member,
    add_user,
    create_team,
    find_user,
    list_users,
    remove_team_member,
    set_active,
    set_role,
    team_members,
    team_roster,
)
from domain.services.queries import list_tickets
from domain.tickets import Assignee
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase
from tests.actors import OPERATOR, as_actor


async def test_an_admin_adds_a_user_with_a_role(db: FakeDatabase, org: Organisation) -> None:
    user = await add_user(uow=db.unit_of_work(), email=" Kim@Example.com", role="manager",
                          first_name="Kim", department="IT", actor=as_actor(org.admin.id))
    assert (user.email, user.role, user.department, user.is_active) == (
        "kim@example.com", Role.MANAGER, "IT", True)
    assert db.user(user.id) == user
    assert await find_user(uow=db.unit_of_work(), actor=OPERATOR, email="KIM@example.com") == user


async def test_an_operator_at_the_command_line_may_add_users(db: FakeDatabase) -> None:
    user = await add_user(uow=db.unit_of_work(), actor=OPERATOR, email="first@example.com", role="admin")
    assert db.user(user.id).role is Role.ADMIN


async def test_an_email_can_belong_to_one_user_only(db: FakeDatabase, org: Organisation) -> None:
    before = db.snapshot()
    with pytest.raises(Conflict, match="already exists"):
        await add_user(uow=db.unit_of_work(), email=str(org.agent.email).upper(),
                       actor=as_actor(org.admin.id))
    assert db.snapshot() == before


@pytest.mark.parametrize("actor", ["manager", "agent", "customer"])
async def test_only_an_admin_manages_users(db: FakeDatabase, org: Organisation, actor: str) -> None:
    actor_id = getattr(org, actor).id
    before = db.snapshot()
    with pytest.raises(NotAllowed, match="only admins can do that"):
        await add_user(uow=db.unit_of_work(), email="kim@example.com", actor=as_actor(actor_id))
    with pytest.raises(NotAllowed):
        await set_role(uow=db.unit_of_work(), user_id=org.customer.id, role="admin",
                       actor=as_actor(actor_id))
    with pytest.raises(NotAllowed):
        await set_active(uow=db.unit_of_work(), user_id=org.teammate.id, active=False,
                         actor=as_actor(actor_id))
    assert db.snapshot() == before


async def test_an_admin_cannot_deactivate_or_demote_themselves(
    db: FakeDatabase, org: Organisation
) -> None:
    before = db.snapshot()
    with pytest.raises(NotAllowed, match="deactivate yourself"):
        await set_active(uow=db.unit_of_work(), user_id=org.admin.id, active=False,
                         actor=as_actor(org.admin.id))
    with pytest.raises(NotAllowed, match="your own role"):
        await set_role(uow=db.unit_of_work(), user_id=org.admin.id, role="user",
                       actor=as_actor(org.admin.id))
    assert db.snapshot() == before


async def test_a_deactivated_user_loses_access_at_once(db: FakeDatabase, org: Organisation) -> None:
    db.seed_ticket(created_by=org.agent, assignee=Assignee.team(org.support.id))
    assert (await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.agent.id))).total == 1
    updated = await set_active(uow=db.unit_of_work(), user_id=org.agent.id, active=False,
                               actor=as_actor(org.admin.id))
    assert updated.is_active is False and db.user(org.agent.id).is_active is False
    with pytest.raises(NotAllowed, match="deactivated"):
        await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.agent.id))
    assert [u.id for u in await list_users(uow=db.unit_of_work(), actor=OPERATOR, include_inactive=False)
            if u.id == org.agent.id] == []


async def test_a_role_change_applies_to_the_next_request(
    db: FakeDatabase, org: Organisation
) -> None:
    hidden = db.seed_ticket(created_by=org.other_customer)
    await set_role(uow=db.unit_of_work(), user_id=org.customer.id, role="admin",
                   actor=as_actor(org.admin.id))
    page = await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.customer.id))
    assert hidden.id in [t.id for t in page.tickets]


async def test_changing_an_unknown_user_says_so(db: FakeDatabase, org: Organisation) -> None:
    with pytest.raises(UserNotFound):
        await set_role(uow=db.unit_of_work(), user_id="ghost", role="user", actor=as_actor(org.admin.id))


async def test_team_names_are_unique_whatever_their_case(
    db: FakeDatabase, org: Organisation
) -> None:
    team = await create_team(uow=db.unit_of_work(), name="Network", actor=as_actor(org.admin.id))
    assert (team.name, team.created_by) == ("Network", org.admin.id)
    before = db.snapshot()
    with pytest.raises(Conflict):
        await create_team(uow=db.unit_of_work(), name=" support ", actor=as_actor(org.admin.id))
    assert db.snapshot() == before


async def test_joining_a_team_opens_its_queue(db: FakeDatabase, org: Organisation) -> None:
    queued = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.billing.id))
    assert (await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.agent.id))).total == 0
    membership = await add_team_member(uow=db.unit_of_work(), team="billing",
                                       user_id=org.agent.id, role="admin",
                                       actor=as_actor(org.admin.id))
    assert membership.role is TeamRole.ADMIN
    page = await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.agent.id))
    assert [t.id for t in page.tickets] == [queued.id]
    again = await add_team_member(uow=db.unit_of_work(), team=org.billing.id,
                                  user_id=org.agent.id, actor=as_actor(org.admin.id))
    assert again == membership
    assert [m.user_id for m in await team_members(uow=db.unit_of_work(), actor=OPERATOR, team="Billing")] == [
        org.outsider.id, org.agent.id]


async def test_a_manager_changes_only_the_teams_they_belong_to(
    db: FakeDatabase, org: Organisation
) -> None:
    before = db.snapshot()
    with pytest.raises(NotAllowed, match="only their own teams"):
        await add_team_member(uow=db.unit_of_work(), team="billing", user_id=org.agent.id,
                              actor=as_actor(org.manager.id))
    assert db.snapshot() == before
    await add_team_member(uow=db.unit_of_work(), team="support", user_id=org.outsider.id,
                          actor=as_actor(org.manager.id))


async def test_agents_and_customers_cannot_change_teams(
    db: FakeDatabase, org: Organisation
) -> None:
    for actor in (org.agent, org.customer):
        with pytest.raises(NotAllowed, match="only admins or managers can do that"):
            await add_team_member(uow=db.unit_of_work(), team="Billing", user_id=actor.id,
                                  actor=as_actor(actor.id))


async def test_adding_to_an_unknown_team_or_an_unknown_user_says_which(
    db: FakeDatabase, org: Organisation
) -> None:
    with pytest.raises(TeamNotFound):
        await add_team_member(uow=db.unit_of_work(), actor=OPERATOR, team="Nowhere", user_id=org.agent.id)
    with pytest.raises(UserNotFound):
        await add_team_member(uow=db.unit_of_work(), actor=OPERATOR, team="Support", user_id="ghost")


@pytest.mark.parametrize(("actor", "sees"), [
    ("admin", {"support", "billing"}),
    ("manager", {"support"}),
    ("agent", {"support"}),
    ("outsider", {"billing"}),
    ("customer", set()),  # a member of Support, which gives a customer nothing
])
async def test_who_is_in_a_team_is_seen_by_its_members_and_admins(
    db: FakeDatabase, org: Organisation, actor: str, sees: set[str]
) -> None:
    seen = set()
    for name in ("support", "billing"):
        team = getattr(org, name)
        try:
            roster = await team_roster(uow=db.unit_of_work(), team=team.name.upper(),
                                       actor=as_actor(getattr(org, actor).id))
        except NotAllowed:
            continue
        assert roster.team == team
        assert {user.id for user, _ in roster.members} == {
            m.user_id for m in await team_members(uow=db.unit_of_work(), actor=OPERATOR,
                                                  team=team.id)}
        seen.add(name)
    assert seen == sees


async def test_a_customer_is_refused_team_members_before_the_team_is_looked_up(
    db: FakeDatabase, org: Organisation
) -> None:
    with pytest.raises(NotAllowed, match="only staff can see who is in a team"):
        await team_roster(uow=db.unit_of_work(), actor=as_actor(org.customer.id), team="nosuch")


async def test_leaving_a_team_closes_its_queue_and_only_its_managers_or_admins_may_do_it(
    db: FakeDatabase, org: Organisation
) -> None:
    queued = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id))
    assert [t.id for t in (await list_tickets(uow=db.unit_of_work(),
                                               actor=as_actor(org.agent.id))).tickets] == [queued.id]
    before = db.snapshot()
    for refused in (org.agent, org.customer):
        with pytest.raises(NotAllowed):
            await remove_team_member(uow=db.unit_of_work(), team="support", user_id=org.agent.id,
                                     actor=as_actor(refused.id))
    with pytest.raises(NotAllowed, match="only their own teams"):
        await remove_team_member(uow=db.unit_of_work(), team="billing",
                                 user_id=org.outsider.id, actor=as_actor(org.manager.id))
    assert db.snapshot() == before

    assert await remove_team_member(uow=db.unit_of_work(), team="Support",
                                    user_id=org.agent.id, actor=as_actor(org.manager.id))
    assert (await list_tickets(uow=db.unit_of_work(), actor=as_actor(org.agent.id))).total == 0
    assert not await remove_team_member(uow=db.unit_of_work(), team="support",
                                        user_id=org.agent.id, actor=as_actor(org.admin.id))
