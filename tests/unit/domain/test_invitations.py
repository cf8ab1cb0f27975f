"""Invitations: an admin invites an email with a role; the first contact from Teams accepts it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.clock import utcnow
from domain.errors import (
    Conflict,
    DepartmentNotFound,
    InvalidValue,
    InvitationNotFound,
    InvitationUnusable,
    NotAllowed,
)
from domain.people import InvitationStatus, Role
from domain.services.invitations import (
    accept_invitation,
    enroll,
    invite,
    invited_not_joined,
)
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase
from tests.actors import as_actor

PENDING, ACCEPTED, EXPIRED = InvitationStatus


async def test_an_invitation_is_pending_with_an_unguessable_token_for_a_week(
    db: FakeDatabase, org: Organisation
) -> None:
    db.seed_department("Finance")
    before = utcnow()
    invitation = await invite(uow=db.unit_of_work(), email=" Dana@Example.com ", role="manager",
                              actor=as_actor(org.admin.id), department="finance", first_name="Dana")
    assert (invitation.email, invitation.role, invitation.status) == (
        "dana@example.com", Role.MANAGER, PENDING)
    assert (invitation.department, invitation.first_name) == ("Finance", "Dana")
    assert len(invitation.token) >= 40
    assert before + timedelta(days=7) <= invitation.expires_at <= utcnow() + timedelta(days=7)
    assert db.invitations == [invitation]


async def test_enrolling_accepts_the_invitation_with_its_role_and_department(
    db: FakeDatabase, org: Organisation
) -> None:
    db.seed_department("Finance")
    invitation = await invite(uow=db.unit_of_work(), email="dana@example.com", role="manager",
                              actor=as_actor(org.admin.id), department="Finance")
    user = await enroll(uow=db.unit_of_work(), email="DANA@example.com", first_name="Dana",
                        last_name="Lee", default_role=None)
    assert user is not None
    assert (user.email, user.role, user.department, user.display_name) == (
        "dana@example.com", Role.MANAGER, "Finance", "Dana Lee")
    assert db.user(user.id) == user
    [accepted] = db.invitations
    assert (accepted.id, accepted.status) == (invitation.id, ACCEPTED)
    assert accepted.accepted_at is not None


async def test_enrolling_uses_the_newest_invitation_and_a_new_invite_expires_older_ones(
    db: FakeDatabase, org: Organisation
) -> None:
    first = await invite(uow=db.unit_of_work(), email="dana@example.com", role="user",
                         actor=as_actor(org.admin.id))
    second = await invite(uow=db.unit_of_work(), email="dana@example.com", role="manager",
                          actor=as_actor(org.admin.id))
    statuses = {i.id: i.status for i in db.invitations}
    assert statuses == {first.id: EXPIRED, second.id: PENDING}
    user = await enroll(uow=db.unit_of_work(), email="dana@example.com", first_name=None,
                        last_name=None, default_role=Role.CUSTOMER)
    assert user is not None and user.role is Role.MANAGER


async def test_an_expired_invitation_is_not_used(db: FakeDatabase, org: Organisation) -> None:
    stale = db.seed_invitation(email="dana@example.com", invited_by=org.admin, role=Role.ADMIN,
                               expires_at=utcnow() - timedelta(days=1))
    user = await enroll(uow=db.unit_of_work(), email="dana@example.com", first_name="Dana",
                        last_name=None, default_role=Role.CUSTOMER)
    assert user is not None and user.role is Role.CUSTOMER
    assert db.committed.user_invitations[stale.id] == stale


async def test_an_invitation_expired_by_an_earlier_invite_is_not_used(
    db: FakeDatabase, org: Organisation
) -> None:
    db.seed_invitation(email="dana@example.com", invited_by=org.admin, role=Role.ADMIN,
                       status=EXPIRED)
    user = await enroll(uow=db.unit_of_work(), email="dana@example.com", first_name=None,
                        last_name=None, default_role=Role.USER)
    assert user is not None and user.role is Role.USER


async def test_without_self_sign_up_an_uninvited_person_is_not_enrolled(
    db: FakeDatabase, org: Organisation
) -> None:
    before = db.snapshot()
    user = await enroll(uow=db.unit_of_work(), email="stranger@example.com", first_name="S",
                        last_name=None, default_role=None)
    assert user is None
    assert db.snapshot() == before


async def test_with_self_sign_up_an_uninvited_person_gets_the_default_role(
    db: FakeDatabase, org: Organisation
) -> None:
    user = await enroll(uow=db.unit_of_work(), email="Sam@Example.com", first_name="Sam",
                        last_name=None, default_role=Role.CUSTOMER)
    assert user is not None
    assert (user.email, user.role, user.is_active) == ("sam@example.com", Role.CUSTOMER, True)
    assert db.user(user.id) == user


async def test_an_existing_user_is_returned_as_they_are(
    db: FakeDatabase, org: Organisation
) -> None:
    db.seed_invitation(email=str(org.agent.email), invited_by=org.admin, role=Role.ADMIN)
    before = db.snapshot()
    user = await enroll(uow=db.unit_of_work(), email=str(org.agent.email).upper(),
                        first_name="Other", last_name=None, default_role=Role.CUSTOMER)
    assert user == org.agent
    assert db.snapshot() == before
    assert db.writes_opened == 0, "an existing user is read without a write transaction"


async def test_inviting_someone_who_is_already_a_user_is_a_conflict(
    db: FakeDatabase, org: Organisation
) -> None:
    before = db.snapshot()
    with pytest.raises(Conflict, match="already a TicketFlow user"):
        await invite(uow=db.unit_of_work(), email=str(org.agent.email).upper(), role="user",
                     actor=as_actor(org.admin.id))
    assert db.snapshot() == before


@pytest.mark.parametrize("inviter", ["manager", "agent", "customer"])
async def test_only_an_admin_may_invite(db: FakeDatabase, org: Organisation, inviter: str) -> None:
    before = db.snapshot()
    with pytest.raises(NotAllowed, match="only admins can do that"):
        await invite(uow=db.unit_of_work(), email="dana@example.com", role="user",
                     actor=as_actor(getattr(org, inviter).id))
    assert db.snapshot() == before


@pytest.mark.parametrize(("values", "error"), [
    ({"email": "not-an-email"}, InvalidValue),
    ({"role": "superuser"}, InvalidValue),
    ({"department": "Nowhere"}, DepartmentNotFound),
    ({"first_name": "x" * 256}, InvalidValue),
])
async def test_a_bad_invitation_writes_nothing(
    db: FakeDatabase, org: Organisation, values: dict[str, str], error: type[Exception]
) -> None:
    earlier = db.seed_invitation(email="dana@example.com", invited_by=org.admin)
    before = db.snapshot()
    arguments = {"email": "dana@example.com", "role": "user", **values}
    with pytest.raises(error):
        await invite(uow=db.unit_of_work(), actor=as_actor(org.admin.id), **arguments)  # type: ignore[arg-type]
    assert db.snapshot() == before
    assert db.committed.user_invitations[earlier.id].status is PENDING


async def test_an_invitation_link_can_be_used_once(db: FakeDatabase, org: Organisation) -> None:
    invitation = await invite(uow=db.unit_of_work(), email="dana@example.com", role="user",
                              actor=as_actor(org.admin.id), first_name="Dana")
    user = await accept_invitation(uow=db.unit_of_work(), token=invitation.token,
                                   first_name="Ignored", last_name="Lee")
    assert (user.first_name, user.last_name, user.role) == ("Dana", "Lee", Role.USER)
    before = db.snapshot()
    with pytest.raises(InvitationUnusable, match="already used"):
        await accept_invitation(uow=db.unit_of_work(), token=invitation.token)
    assert db.snapshot() == before


async def test_an_expired_or_unknown_invitation_link_is_refused(
    db: FakeDatabase, org: Organisation
) -> None:
    expired = db.seed_invitation(email="dana@example.com", invited_by=org.admin,
                                 expires_at=utcnow() - timedelta(minutes=1))
    before = db.snapshot()
    with pytest.raises(InvitationUnusable, match="is expired"):
        await accept_invitation(uow=db.unit_of_work(), token=expired.token)
    with pytest.raises(InvitationNotFound):
        await accept_invitation(uow=db.unit_of_work(), token="guess")
    assert db.snapshot() == before


async def test_accepting_an_invitation_for_an_existing_user_changes_their_role(
    db: FakeDatabase, org: Organisation
) -> None:
    invitation = db.seed_invitation(email=str(org.customer.email), invited_by=org.admin,
                                    role=Role.USER)
    user = await accept_invitation(uow=db.unit_of_work(), token=invitation.token)
    assert (user.id, user.role) == (org.customer.id, Role.USER)
    assert db.user(org.customer.id).role is Role.USER


@pytest.mark.parametrize("said", ["Dana", "dana", "  DANA  ", "Dana Scully", "dana.scully",
                                  "dana scully", "dana.scully@example.com"])
async def test_an_admin_finds_an_invitee_not_joined_by_name_or_email(
    db: FakeDatabase, org: Organisation, said: str
) -> None:
    invitation = db.seed_invitation(email="dana.scully@example.com", invited_by=org.admin,
                                    role=Role.USER)
    found = await invited_not_joined(uow=db.unit_of_work(), actor=as_actor(org.admin.id),
                                     said=said)
    assert found == [invitation]


@pytest.mark.parametrize("said", ["Dana", "dana.scully", "dana.scully@example.com",
                                  "nobody@example.com"])
async def test_a_manager_learns_of_an_invitee_what_of_someone_never_invited(
    db: FakeDatabase, org: Organisation, said: str
) -> None:
    db.seed_invitation(email="dana.scully@example.com", invited_by=org.admin, role=Role.MANAGER)
    db.seed_invitation(email="dana@example.com", invited_by=org.manager, role=Role.USER)
    found = await invited_not_joined(uow=db.unit_of_work(), actor=as_actor(org.manager.id),
                                     said=said)
    assert found == []


async def test_an_invitee_is_not_found_by_agents_customers_other_names_or_once_expired(
    db: FakeDatabase, org: Organisation
) -> None:
    db.seed_invitation(email="dana.scully@example.com", invited_by=org.admin, role=Role.USER)
    db.seed_invitation(email="fox@example.com", invited_by=org.admin, role=Role.USER,
                       expires_at=utcnow() - timedelta(days=1))

    async def found(who: str, said: str) -> list[object]:
        return list(await invited_not_joined(uow=db.unit_of_work(), actor=as_actor(who),
                                             said=said))

    assert await found(org.agent.id, "Dana") == []
    assert await found(org.customer.id, "Dana") == []
    assert await found(org.admin.id, "Dan") == []
    assert await found(org.admin.id, "Scully Dana") == []
    assert await found(org.admin.id, "Fox") == []
    assert await found(org.admin.id, "") == []
