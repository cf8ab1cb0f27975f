"""API keys: made, listed, revoked, and turned back into the person a request acts for.

The values and rules (hashing, permissions, expiry) are in `domain.api_keys`; each use
case here reads and writes `api_keys` inside its one unit of work.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.access import Viewer
from domain.actors import Actor, use_case
from domain.api_keys import (
    NAME_MAX,
    TOUCH_INTERVAL,
    ApiKey,
    ApiKeyNotFound,
    InvalidApiKey,
    NewApiKey,
    StoredApiKey,
    generate_key,
    hash_key,
    looks_like_key,
    matches,
    parse_expiry,
    parse_permissions,
    prefix_of,
)
from domain.errors import NotAllowed, UserNotFound
from domain.people import Role
from domain.ports import UnitOfWork
from domain.services.lookup import authorise
from domain.validation import parse_email, require_text


async def _authorise(uow: UnitOfWork, actor: Actor, owner_id: str) -> None:
    """Admins and operators manage every key; other people only their own."""
    found = await authorise(uow, actor)
    if isinstance(found, Viewer) and found.role is not Role.ADMIN and found.id != owner_id:
        raise NotAllowed("only admins can manage other people's API keys")


@use_case
async def create_api_key(
    *,
    uow: UnitOfWork,
    user_email: object,
    name: object,
    permissions: object,
    expires: object = None,
    now: datetime,
    actor: Actor,
) -> tuple[ApiKey, str]:
    """A new key for the user; the plaintext is returned once and never stored."""
    email = parse_email(user_email)
    key_name = require_text("name", name, limit=NAME_MAX)
    granted = parse_permissions(permissions)
    expires_at = parse_expiry(expires, now=now)
    async with uow:
        owner = await uow.users.get_by_email(email)
        if owner is None:
            raise UserNotFound(email)
        await _authorise(uow, actor, owner.id)
        if not owner.is_active:
            raise NotAllowed(f"{owner.display_name} is deactivated and cannot own API keys")
        plaintext = generate_key()
        key = await uow.api_keys.add(
            NewApiKey(owner.id, key_name, hash_key(plaintext), prefix_of(plaintext), granted,
                      expires_at),
            now=now,
        )
        await uow.commit()
    return key, plaintext


async def authenticate(*, uow: UnitOfWork, plaintext: str, now: datetime) -> ApiKey:
    """The active key this plaintext belongs to, its use noted at most once a minute.

    Its own short unit of work, before the request's use case runs: noting a key's
    use is never rolled back with, nor waits for, the change the request makes.
    """
    candidate = plaintext.strip()
    if not looks_like_key(candidate):
        raise InvalidApiKey("malformed")
    async with uow:
        found: StoredApiKey | None = None
        for stored in await uow.api_keys.with_prefix(prefix_of(candidate)):
            if matches(candidate, stored.key_hash):
                found = stored
        if found is None:
            raise InvalidApiKey("unknown")
        key = found.key
        if not key.is_active:
            raise InvalidApiKey("revoked")
        if key.is_expired(now):
            raise InvalidApiKey("expired")
        if not found.owner_active:
            raise InvalidApiKey("owner deactivated")
        if key.needs_touch(now) and await uow.api_keys.touch(
            key.id, now=now, unless_used_after=now - TOUCH_INTERVAL
        ):
            await uow.commit()
            key = replace(key, last_used_at=now)
    return key


@use_case
async def list_api_keys(
    *,
    uow: UnitOfWork,
    actor: Actor,
    user_email: object = None,
) -> list[ApiKey]:
    """Every key, or one user's; people who are not admins see only their own."""
    owner_id: str | None = None
    async with uow:
        if user_email is not None:
            email = parse_email(user_email)
            owner = await uow.users.get_by_email(email)
            if owner is None:
                raise UserNotFound(email)
            owner_id = owner.id
        viewer = await authorise(uow, actor)
        if isinstance(viewer, Viewer) and viewer.role is not Role.ADMIN:
            if owner_id not in (None, viewer.id):
                raise NotAllowed("only admins can see other people's API keys")
            owner_id = viewer.id
        return await uow.api_keys.all(user_id=owner_id)


@use_case
async def revoke_api_key(*, uow: UnitOfWork, actor: Actor, key_id: int) -> ApiKey:
    """Turns the key off for good; revoking a revoked key changes nothing."""
    async with uow:
        key = await uow.api_keys.get(key_id)
        if key is None:
            raise ApiKeyNotFound(key_id)
        await _authorise(uow, actor, key.user_id)
        if key.is_active:
            await uow.api_keys.deactivate(key_id)
            await uow.commit()
    return replace(key, is_active=False)
