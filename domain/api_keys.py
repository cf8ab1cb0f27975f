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
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from domain.errors import DomainError, InvalidValue, NotAllowed, NotFound

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


def ensure_permission(key: ApiKey, permission: Permission) -> None:
    if not key.allows(permission):
        raise MissingPermission(permission)
