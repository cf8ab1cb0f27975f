"""Where TicketFlow meets Teams: identities, conversations the bot can post to, bot state.

These are values the notification and bot layers share; the SDK-specific shape of a
conversation reference stays an opaque JSON document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class ConversationKind(StrEnum):
    PERSONAL = "personal"
    CHANNEL = "channel"
    GROUPCHAT = "groupchat"


@dataclass(frozen=True, slots=True)
class TeamsIdentity:
    """A Teams user as the Bot Connector names them, within their tenant."""

    tenant_id: str
    teams_user_id: str
    aad_object_id: str | None = None


@dataclass(frozen=True, slots=True)
class ConversationRef:
    conversation_id: str
    kind: ConversationKind
    service_url: str
    reference: Mapping[str, Any]
    tenant_id: str | None = None
    msteams_team_id: str | None = None
    channel_id: str | None = None
    user_id: str | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    document: Mapping[str, Any]
    e_tag: str


@dataclass(frozen=True, slots=True)
class DocumentWrite:
    """A document to store; `expected_e_tag` None or `*` overwrites, anything else must match."""

    document: Mapping[str, Any]
    expected_e_tag: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)
