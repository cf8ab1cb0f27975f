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

from domain.errors import InvalidValue


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
class TeamsChannel:
    """A channel of a Microsoft Teams team, as a subscription or a digest is pointed at it.

    Both ids are needed to post there; the names are only shown back to people. The
    fields are named as `Subscription` and `ChannelDigest` name theirs (`asdict` fills them).
    """

    msteams_team_id: str
    channel_id: str
    msteams_team_name: str | None = None
    channel_name: str | None = None

    def __post_init__(self) -> None:
        if not self.msteams_team_id.strip() or not self.channel_id.strip():
            raise InvalidValue("channel", "say this in the Teams channel that should get the posts")


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
