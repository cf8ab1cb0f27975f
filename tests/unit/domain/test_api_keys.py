"""API keys: made once, stored as a hash, refused alike whatever is wrong with them."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from domain.api_keys import (
    KEY_MARK,
    PREFIX_LENGTH,
    ApiKeyNotFound,
    InvalidApiKey,
    MissingPermission,
    Permission,
    ensure_permission,
    hash_key,
    matches,
    parse_expiry,
    parse_permissions,
)
from domain.services.api_keys import (
    authenticate,
    create_api_key,
    list_api_keys,
    revoke_api_key,
)
from domain.errors import InvalidValue, NotAllowed, UserNotFound
from domain.people import User
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase
from tests.actors import OPERATOR, as_actor

NOW = datetime(2026, 5, 4, 12, 0)
BOTH = "tickets:read,tickets:write"


async def make_key(db: FakeDatabase, owner: User, permissions: str = BOTH,
                   expires: object = None) -> str:
    _, plaintext = await create_api_key(
        uow=db.unit_of_work(), actor=OPERATOR, user_email=owner.email, name="Monitoring",
        permissions=permissions, expires=expires, now=NOW,
    )
    return plaintext


async def test_a_new_key_is_shown_once_and_only_its_hash_is_kept(
    db: FakeDatabase, org: Organisation
) -> None:
    key, plaintext = await create_api_key(
        uow=db.unit_of_work(), actor=OPERATOR, user_email=f" {str(org.agent.email).upper()}",
        name="  Grafana alerts ", permissions="tickets:write, tickets:read", now=NOW,
    )
    assert plaintext.startswith(KEY_MARK) and len(plaintext) == 47
    assert key.key_prefix == plaintext[:PREFIX_LENGTH] and len(key.key_prefix) == 10
    assert db.committed.api_keys[key.id].key_hash == hashlib.sha256(plaintext.encode()).hexdigest()
    assert plaintext not in repr(db.committed.api_keys[key.id])
    assert (key.user_id, key.name, key.is_active) == (org.agent.id, "Grafana alerts", True)
    assert key.permissions == {Permission.TICKETS_READ, Permission.TICKETS_WRITE}


async def test_two_keys_are_never_the_same(
    db: FakeDatabase, org: Organisation
) -> None:
    made = {await make_key(db, org.agent) for _ in range(5)}
    assert len(made) == 5


async def refusal(db: FakeDatabase, plaintext: str, *, now: datetime = NOW) -> str:
    """Why `authenticate` refuses `plaintext`; it must refuse."""
    with pytest.raises(InvalidApiKey) as refused:
        await authenticate(uow=db.unit_of_work(), plaintext=plaintext, now=now)
    return refused.value.reason


async def test_the_right_key_authenticates_as_its_owner(
    db: FakeDatabase, org: Organisation
) -> None:
    plaintext = await make_key(db, org.customer, "tickets:read")
    key = await authenticate(uow=db.unit_of_work(), plaintext=f" {plaintext} ", now=NOW)
    assert key.user_id == org.customer.id and key.permissions == {Permission.TICKETS_READ}


@pytest.mark.parametrize("wrong", ["", "tfk_", "Bearer", "x" * 47, "tfk_" + "é" * 43])
async def test_malformed_keys_are_refused(
    db: FakeDatabase, org: Organisation, wrong: str
) -> None:
    await make_key(db, org.agent)
    assert await refusal(db, wrong) == "malformed"


async def test_a_key_sharing_the_prefix_but_not_the_rest_is_refused(
    db: FakeDatabase, org: Organisation
) -> None:
    plaintext = await make_key(db, org.agent)
    forged = plaintext[:-1] + ("A" if plaintext[-1] != "A" else "B")
    assert await refusal(db, forged) == "unknown"


async def test_an_expired_key_is_refused_from_its_expiry_on(
    db: FakeDatabase, org: Organisation
) -> None:
    plaintext = await make_key(db, org.agent, expires="2026-06-01")
    assert await authenticate(uow=db.unit_of_work(), plaintext=plaintext, now=datetime(2026, 5, 31, 23, 59))
    assert await refusal(db, plaintext, now=datetime(2026, 6, 1)) == "expired"


async def test_a_revoked_key_is_refused(
    db: FakeDatabase, org: Organisation
) -> None:
    plaintext = await make_key(db, org.agent)
    revoked = await revoke_api_key(uow=db.unit_of_work(), actor=OPERATOR, key_id=1)
    assert revoked.is_active is False
    assert await refusal(db, plaintext) == "revoked"


async def test_the_key_of_a_deactivated_owner_is_refused(
    db: FakeDatabase, org: Organisation
) -> None:
    plaintext = await make_key(db, org.agent)
    db.committed.users[org.agent.id] = replace(org.agent, is_active=False)
    assert await refusal(db, plaintext) == "owner deactivated"


async def test_every_refusal_reads_the_same_to_the_caller(
    db: FakeDatabase, org: Organisation
) -> None:
    expired = await make_key(db, org.agent, expires="2026-06-01")
    revoked = await make_key(db, org.manager)
    await revoke_api_key(uow=db.unit_of_work(), actor=OPERATOR, key_id=2)
    messages = set()
    for plaintext in (expired, revoked, "tfk_" + "a" * 43, "nonsense"):
        with pytest.raises(InvalidApiKey) as refused:
            await authenticate(uow=db.unit_of_work(), plaintext=plaintext, now=datetime(2027, 1, 1))
        messages.add(str(refused.value))
    assert len(messages) == 1


async def test_use_is_noted_at_most_once_a_minute(
    db: FakeDatabase, org: Organisation
) -> None:
    plaintext = await make_key(db, org.agent)
    commits = db.commits
    first = await authenticate(uow=db.unit_of_work(), plaintext=plaintext, now=NOW)
    for seconds in (1, 30, 59):
        again = await authenticate(uow=db.unit_of_work(), plaintext=plaintext,
                                   now=NOW + timedelta(seconds=seconds))
        assert again.last_used_at == NOW
    later = await authenticate(uow=db.unit_of_work(), plaintext=plaintext, now=NOW + timedelta(minutes=1))
    assert (first.last_used_at, later.last_used_at) == (NOW, NOW + timedelta(minutes=1))
    assert db.commits - commits == 2


def test_read_permission_does_not_grant_writing() -> None:
    from domain.api_keys import ApiKey

    key = ApiKey(1, "u", "n", "tfk_abcdef", frozenset({Permission.TICKETS_READ}))
    ensure_permission(key, Permission.TICKETS_READ)
    with pytest.raises(MissingPermission, match="tickets:write"):
        ensure_permission(key, Permission.TICKETS_WRITE)
    assert isinstance(MissingPermission(Permission.TICKETS_WRITE), NotAllowed)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("tickets:read", {Permission.TICKETS_READ}),
        (" Tickets:Write ,, tickets:read", {Permission.TICKETS_READ, Permission.TICKETS_WRITE}),
        (["tickets:write"], {Permission.TICKETS_WRITE}),
    ],
)
def test_permissions_are_read_from_a_list_or_commas(
    given: object, expected: set[Permission]
) -> None:
    assert parse_permissions(given) == expected


@pytest.mark.parametrize("given", ["", " , ", "tickets:delete", "admin", 3, None])
def test_unknown_or_missing_permissions_are_refused(given: object) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_permissions(given)
    assert refused.value.field == "permissions"


def test_an_expiry_is_a_future_date_or_time_in_utc() -> None:
    assert parse_expiry("2027-01-01", now=NOW) == datetime(2027, 1, 1)
    assert parse_expiry("2027-01-01T10:00:00+02:00", now=NOW) == datetime(2027, 1, 1, 8)
    assert parse_expiry(None, now=NOW) is None and parse_expiry(" ", now=NOW) is None
    for wrong in ("2026-05-04T12:00", "2020-01-01", "next year", "0001-01-01T00:00+14:00"):
        with pytest.raises(InvalidValue) as refused:
            parse_expiry(wrong, now=NOW)
        assert refused.value.field == "expires"


def test_hashes_are_compared_whatever_their_case() -> None:
    key = "tfk_" + "k" * 43
    assert matches(key, hash_key(key)) and matches(key, hash_key(key).upper())
    assert not matches(key, hash_key(key + "x")) and not matches(key, "")


async def test_keys_are_made_only_for_active_known_users(
    db: FakeDatabase, org: Organisation
) -> None:
    with pytest.raises(UserNotFound):
        await make_key(db, replace(org.agent, email="nobody@example.com"))
    db.committed.users[org.agent.id] = replace(org.agent, is_active=False)
    with pytest.raises(NotAllowed, match="deactivated"):
        await make_key(db, org.agent)
    assert db.committed.api_keys == {}


async def test_people_manage_their_own_keys_and_admins_everyone_s(
    db: FakeDatabase, org: Organisation
) -> None:
    async def create(actor: User, owner: User) -> None:
        await create_api_key(uow=db.unit_of_work(), user_email=owner.email,
                             name="k", permissions="tickets:read", now=NOW, actor=as_actor(actor.id))

    await create(org.agent, org.agent)
    await create(org.admin, org.customer)
    with pytest.raises(NotAllowed):
        await create(org.agent, org.manager)
    with pytest.raises(NotAllowed):
        await revoke_api_key(uow=db.unit_of_work(), key_id=2, actor=as_actor(org.agent.id))
    mine = await list_api_keys(uow=db.unit_of_work(), actor=as_actor(org.agent.id))
    everyone = await list_api_keys(uow=db.unit_of_work(), actor=as_actor(org.admin.id))
    assert [k.user_id for k in mine] == [org.agent.id]
    assert [k.user_id for k in everyone] == [org.agent.id, org.customer.id]
    with pytest.raises(NotAllowed):
        await list_api_keys(uow=db.unit_of_work(), actor=as_actor(org.agent.id),
                            user_email=org.customer.email)
    by_owner = await list_api_keys(uow=db.unit_of_work(), actor=OPERATOR, user_email=org.customer.email)
    assert [k.id for k in by_owner] == [2]


async def test_revoking_twice_changes_nothing_and_unknown_ids_are_not_found(
    db: FakeDatabase, org: Organisation
) -> None:
    await make_key(db, org.agent)
    await revoke_api_key(uow=db.unit_of_work(), actor=OPERATOR, key_id=1)
    again = await revoke_api_key(uow=db.unit_of_work(), actor=OPERATOR, key_id=1)
    assert again.is_active is False
    with pytest.raises(ApiKeyNotFound):
        await revoke_api_key(uow=db.unit_of_work(), actor=OPERATOR, key_id=7)
