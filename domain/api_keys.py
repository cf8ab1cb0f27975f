"""API keys: how an integration (a monitoring system, a script) acts as a TicketFlow user.

A key is shown once, when it is made; `api_keys` keeps only its SHA-256 and its
first characters, so a leaked table does not leak working keys. Every way a key
can fail — unknown, wrong, expired, revoked, its owner deactivated — raises the
same `InvalidApiKey`, so a caller cannot probe which keys exist.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from domain.access import Viewer
from domain.actors import Actor, use_case
from domain.errors import DomainError, InvalidValue, NotAllowed, NotFound, UserNotFound
from domain.people import Role
from domain.ports import UnitOfWork
from domain.services.lookup import authorise
from domain.validation import parse_email, require_text

KEY_MARK = "tfk_"
PREFIX_LENGTH = 10  # `api_keys.key_prefix` is varchar(10)
KEY_LENGTH = len(KEY_MARK) + 43  # token_urlsafe(32) is 43 characters
TOUCH_INTERVAL = timedelta(minutes=1)
NAME_MAX = 255


class Permission(StrEnum):
    """What a key may do; `tickets:write` does not include reading lists."""

    TICKETS_READ = "tickets:read"
    TICKETS_WRITE = "tickets:write"


class InvalidApiKey(DomainError):
    """The key cannot be used; `reason` is for logs only, never for the caller."""

    def __init__(self, reason: str) -> None:
        super().__init__("the API key is missing, unknown, expired or revoked")
        self.reason = reason


class MissingPermission(NotAllowed):
    def __init__(self, permission: Permission) -> None:
        super().__init__(f"this API key lacks the {permission.value} permission")
        self.permission = permission


class ApiKeyNotFound(NotFound):
    kind = "API key"


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A stored key without its secret: what listings show and requests act with."""

    id: int
    user_id: str
    name: str
    key_prefix: str
    permissions: frozenset[Permission] = field(default_factory=frozenset)
    last_used_at: datetime | None = None
    expires_at: datetime | None = None
    is_active: bool = True
    created_at: datetime | None = None

    def allows(self, permission: Permission) -> bool:
        return permission in self.permissions

    def is_expired(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= now

    def needs_touch(self, now: datetime) -> bool:
        """`last_used_at` is a hint for people, not an audit log: one write a minute is plenty."""
        return self.last_used_at is None or now - self.last_used_at >= TOUCH_INTERVAL


@dataclass(frozen=True, slots=True)
class NewApiKey:
    user_id: str
    name: str
    key_hash: str
    key_prefix: str
    permissions: frozenset[Permission]
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class StoredApiKey:
    """A key as authentication needs it: with its hash and whether its owner is active."""

    key: ApiKey
    key_hash: str
    owner_active: bool


class ApiKeyRepository(Protocol):
    async def add(self, new: NewApiKey, *, now: datetime) -> ApiKey: ...
    async def get(self, key_id: int) -> ApiKey | None: ...
    async def with_prefix(self, key_prefix: str) -> list[StoredApiKey]:
        """Every key sharing these first characters (a prefix is not unique)."""
        ...
    async def all(self, *, user_id: str | None = None) -> list[ApiKey]:
        """Oldest first; only `user_id`'s keys when given."""
        ...
    async def deactivate(self, key_id: int) -> bool: ...
    async def touch(self, key_id: int, *, now: datetime, unless_used_after: datetime) -> bool:
        """Sets `last_used_at` to `now` unless it is already later than `unless_used_after`.

        Conditional in storage, so several processes serving one key write at
        most once per interval between them.
        """
        ...


def generate_key() -> str:
    return KEY_MARK + secrets.token_urlsafe(32)


def prefix_of(plaintext: str) -> str:
    return plaintext[:PREFIX_LENGTH]


def hash_key(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode("utf-8", "surrogateescape")).hexdigest()


def matches(plaintext: str, key_hash: str) -> bool:
    """Constant-time, so response times do not reveal how much of a hash was right."""
    return hmac.compare_digest(hash_key(plaintext).encode(), key_hash.strip().lower().encode())


def looks_like_key(plaintext: str) -> bool:
    return (
        len(plaintext) == KEY_LENGTH
        and plaintext.startswith(KEY_MARK)
        and plaintext.isascii()
        and all(c.isalnum() or c in "-_" for c in plaintext[len(KEY_MARK):])
    )


def parse_permissions(value: object) -> frozenset[Permission]:
    """`tickets:read,tickets:write` or a list of them; at least one is required."""
    items: Iterable[object]
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list | tuple | set | frozenset):
        items = value
    else:
        raise InvalidValue("permissions", "give permissions like tickets:read,tickets:write")
    permissions: set[Permission] = set()
    allowed = ", ".join(p.value for p in Permission)
    for item in items:
        text = str(item).strip().lower()
        if not text:
            continue
        try:
            permissions.add(Permission(text))
        except ValueError:
            raise InvalidValue("permissions", f"'{text}' is not one of: {allowed}") from None
    if not permissions:
        raise InvalidValue("permissions", f"choose at least one of: {allowed}")
    return frozenset(permissions)


def parse_expiry(value: object, *, now: datetime) -> datetime | None:
    """`2027-01-01` (midnight UTC) or ISO 8601 with a time; must lie in the future."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, date):
            moment = datetime.combine(value, time())
        else:
            text = str(value).strip()
            moment = (
                datetime.combine(date.fromisoformat(text), time())
                if len(text) == 10
                else datetime.fromisoformat(text)
            )
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise InvalidValue("expires", f"'{value}' is not a date like 2027-01-01") from None
    if moment <= now:
        raise InvalidValue("expires", "the expiry must lie in the future")
    return moment


async def _authorise(uow: UnitOfWork, actor: Actor, owner_id: str) -> None:
    """Admins and operators manage every key; other people only their own."""
    found = await authorise(uow, actor)
    if isinstance(found, Viewer) and found.role is not Role.ADMIN and found.id != owner_id:
        raise NotAllowed("only admins can manage other people's API keys")


@use_case
async def create_api_key(
    *,
    keys: ApiKeyRepository,
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
    key = await keys.add(
        NewApiKey(owner.id, key_name, hash_key(plaintext), prefix_of(plaintext), granted,
                  expires_at),
        now=now,
    )
    return key, plaintext


async def authenticate(*, keys: ApiKeyRepository, plaintext: str, now: datetime) -> ApiKey:
    """The active key this plaintext belongs to, its use noted at most once a minute."""
    candidate = plaintext.strip()
    if not looks_like_key(candidate):
        raise InvalidApiKey("malformed")
    found: StoredApiKey | None = None
    for stored in await keys.with_prefix(prefix_of(candidate)):
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
    if key.needs_touch(now) and await keys.touch(
        key.id, now=now, unless_used_after=now - TOUCH_INTERVAL
    ):
        key = replace(key, last_used_at=now)
    return key


def ensure_permission(key: ApiKey, permission: Permission) -> None:
    if not key.allows(permission):
        raise MissingPermission(permission)


@use_case
async def list_api_keys(
    *,
    keys: ApiKeyRepository,
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
    return await keys.all(user_id=owner_id)


@use_case
async def revoke_api_key(
    *, keys: ApiKeyRepository, uow: UnitOfWork, actor: Actor, key_id: int
) -> ApiKey:
    """Turns the key off for good; revoking a revoked key changes nothing."""
    key = await keys.get(key_id)
    if key is None:
        raise ApiKeyNotFound(key_id)
    async with uow:
        await _authorise(uow, actor, key.user_id)
    if key.is_active:
        await keys.deactivate(key_id)
    return replace(key, is_active=False)
