"""The buttons a ticket card offers follow the same rules the actions themselves check."""

from __future__ import annotations

import pytest

from domain.access import TicketAction, Viewer, available_actions
from domain.services.overview import assignee_choices, ticket_overview
from domain.tickets import Assignee, TicketStatus
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase
from tests.actors import as_actor

T = TicketAction
S = TicketStatus


async def _viewer(db: FakeDatabase, user_id: str) -> Viewer:
    async with db.unit_of_work() as uow:
        viewer = await uow.users.viewer(user_id)
    assert viewer is not None
    return viewer


@pytest.mark.parametrize(("actor", "status", "queue", "expected"), [
    ("customer", S.OPEN, False, {T.COMMENT, T.EDIT}),
    ("customer", S.RESOLVED, False, {T.COMMENT, T.REOPEN}),
    ("customer", S.CLOSED, False, {T.COMMENT, T.REOPEN}),
    ("agent", S.OPEN, True, {T.ASSIGN_TO_ME, T.ASSIGN, T.START, T.HOLD, T.RESOLVE, T.CLOSE,
                             T.COMMENT}),
    ("agent", S.RESOLVED, True, {T.ASSIGN_TO_ME, T.ASSIGN, T.CLOSE, T.REOPEN, T.COMMENT}),
    ("manager", S.IN_PROGRESS, True, {T.ASSIGN_TO_ME, T.ASSIGN, T.HOLD, T.RESOLVE, T.CLOSE,
                                      T.COMMENT, T.EDIT}),
    ("outsider", S.OPEN, True, set()),
])
async def test_a_card_offers_exactly_the_actions_the_viewer_may_take(
    db: FakeDatabase, org: Organisation, actor: str, status: S, queue: bool,
    expected: set[TicketAction],
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, status=status,
                            assignee=Assignee.team(org.support.id) if queue else None)
    viewer = await _viewer(db, getattr(org, actor).id)
    assert available_actions(viewer, ticket) == expected


async def test_a_ticket_already_yours_offers_no_assign_to_me(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.user(org.agent.id))
    assert T.ASSIGN_TO_ME not in available_actions(await _viewer(db, org.agent.id), ticket)


async def test_a_deactivated_viewer_is_offered_nothing(db: FakeDatabase, org: Organisation) -> None:
    gone = db.seed_user(active=False)
    ticket = db.seed_ticket(created_by=gone)
    assert available_actions(await _viewer(db, gone.id), ticket) == frozenset()


async def test_an_overview_names_the_requester_and_the_queue(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.team(org.support.id))
    overview = await ticket_overview(uow=db.unit_of_work(), actor=as_actor(org.agent.id),
                                     ticket=ticket.ticket_number)
    assert (overview.ticket, overview.requester, overview.assignee) == (
        ticket, org.customer.display_name, "Team Support")
    assert T.ASSIGN_TO_ME in overview.actions


async def test_an_agent_may_choose_only_themselves_and_their_teams(
    db: FakeDatabase, org: Organisation
) -> None:
    choices = await assignee_choices(uow=db.unit_of_work(), actor=as_actor(org.agent.id))
    assert [c.assignee for c in choices] == [Assignee.user(org.agent.id),
                                             Assignee.team(org.support.id)]
    assert await assignee_choices(uow=db.unit_of_work(), actor=as_actor(org.customer.id)) == []


async def test_a_manager_may_choose_any_team_and_any_active_staff_member(
    db: FakeDatabase, org: Organisation
) -> None:
    gone = db.seed_user(active=False)
    choices = [c.assignee for c in await assignee_choices(uow=db.unit_of_work(),
                                                          actor=as_actor(org.manager.id))]
    assert choices[0] == Assignee.user(org.manager.id)
    assert set(choices[1:3]) == {Assignee.team(org.support.id), Assignee.team(org.billing.id)}
    people = {a.user_id for a in choices[3:]}
    assert people == {org.admin.id, org.agent.id, org.teammate.id, org.outsider.id}
    assert gone.id not in people and org.customer.id not in people
