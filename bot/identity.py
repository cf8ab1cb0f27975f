"""Who is talking: a Teams user mapped to a TicketFlow user, enrolled on first contact."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity
from msrest.exceptions import ClientRequestError, HttpOperationError

from bot.context import BotDependencies
from bot.transport.adapter import conversation_tenant
from domain.access import Viewer
from domain.chat import TeamsIdentity
from domain.errors import InvalidValue
from domain.services.invitations import enroll
from domain.services.overview import current_user

log = logging.getLogger(__name__)
VIEWER_KEY = "ticketflow.viewer"


class NotEnrolled(Exception):
    """The person has no TicketFlow account and may not get one automatically."""


@dataclass(frozen=True, slots=True)
class MemberProfile:
    email: str | None
    given_name: str | None = None
    surname: str | None = None
    name: str | None = None


class MemberDirectory(Protocol):
    async def profile(self, turn_context: TurnContext, member_id: str) -> MemberProfile | None:
        """A member's profile (the sender's, or someone mentioned), None when unknown."""
        ...


@runtime_checkable
class RecentViewers(Protocol):
    """A per-process memory of the viewers `identify` loaded lately, keyed by user id.

    `identify`'s viewer only routes a turn (which reply, which help card); every use
    case loads the viewer again inside its own transaction and applies the access rule
    there. So a viewer a few seconds old cannot grant anything, and remembering it
    saves a transaction per turn. The link store may offer this (see
    `ticketflow.caches.CachedUserLinks`); refusals are never remembered.
    """

    def recent_viewer(self, user_id: str) -> Viewer | None: ...

    def remember_viewer(self, viewer: Viewer) -> None: ...


class TeamsMemberDirectory:
    """Asks the Bot Connector (`TeamsInfo.get_member`) for the sender's email or UPN."""

    async def profile(self, turn_context: TurnContext, member_id: str) -> MemberProfile | None:
        try:
            member = await TeamsInfo.get_member(turn_context, member_id)
        except (HttpOperationError, ClientRequestError) as error:  # refused, or unreachable
            log.warning("member lookup failed for %s: %s", member_id, error)
            return None
        return MemberProfile(
            # The sign-in name first: it is what the tenant's directory vouches for.
            email=_address(member.user_principal_name) or member.email,
            given_name=member.given_name,
            surname=member.surname,
            name=member.name,
        )


def _address(value: str | None) -> str | None:
    return value if value and "@" in value and "#EXT#" not in value else None


def from_another_organisation(activity: Activity, allowed: frozenset[str]) -> bool:
    """Whether `allowed` tenants are set and the activity names another one, or none: the
    tenant in channelData and the conversation's tenant are both checked, since an
    activity naming ours in one and another in the other is not ours to act on."""
    if not allowed:
        return False
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant")
    named = [tenant.get("id") if isinstance(tenant, dict) else None,
             conversation_tenant(activity.conversation) if activity.conversation else None]
    named = [name for name in named if name]
    return not named or any(
        not isinstance(name, str) or name.lower() not in allowed for name in named)


def teams_identity(activity: Activity) -> TeamsIdentity:
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = (channel_data.get("tenant") or {}).get("id") or conversation_tenant(
        activity.conversation)
    sender = activity.from_property
    return TeamsIdentity(
        tenant_id=tenant or "",
        teams_user_id=sender.id,
        aad_object_id=getattr(sender, "aad_object_id", None),
    )


async def identify(
    turn_context: TurnContext, deps: BotDependencies, directory: MemberDirectory
) -> Viewer:
    """The TicketFlow viewer behind this turn; NotEnrolled or NotAllowed when refused."""
    cached = turn_context.turn_state.get(VIEWER_KEY)
    if isinstance(cached, Viewer):
        return cached
    identity = teams_identity(turn_context.activity)
    if from_another_organisation(turn_context.activity, deps.options.allowed_tenants):
        raise NotEnrolled("This TicketFlow bot serves another organisation.")
    user_id = await deps.links.user_for(identity)
    if user_id is None:
        user_id = await _enroll(turn_context, deps, directory, identity)
    viewer = await _routing_viewer(deps, user_id)
    turn_context.turn_state[VIEWER_KEY] = viewer
    return viewer


async def _routing_viewer(deps: BotDependencies, user_id: str) -> Viewer:
    recent = deps.links if isinstance(deps.links, RecentViewers) else None
    viewer = recent.recent_viewer(user_id) if recent is not None else None
    if viewer is None:
        viewer = await current_user(uow=deps.uow().reading(), user_id=user_id)
        if recent is not None:
            recent.remember_viewer(viewer)
    return viewer


async def _enroll(
    turn_context: TurnContext,
    deps: BotDependencies,
    directory: MemberDirectory,
    identity: TeamsIdentity,
) -> str:
    profile = await directory.profile(turn_context, identity.teams_user_id)
    if profile is None or not profile.email:
        raise NotEnrolled(
            "I couldn't read your email address from Teams, so I can't match you to a "
            "TicketFlow account. Please try again in a minute."
        )
    first, last = profile.given_name, profile.surname
    if not (first or last) and profile.name:
        first, _, last_part = profile.name.partition(" ")
        last = last_part or None
    try:
        user = await enroll(
            uow=deps.uow(), email=profile.email, first_name=first, last_name=last,
            default_role=deps.options.default_role,
        )
    except InvalidValue:
        raise NotEnrolled(f"'{profile.email}' doesn't look like an email address.") from None
    if user is None:
        raise NotEnrolled(
            f"You don't have a TicketFlow account yet ({profile.email}). "
            "Ask a TicketFlow admin to invite you, then say hi again."
        )
    await deps.links.link(identity, user.id)
    log.info("linked Teams user %s to TicketFlow user %s", identity.teams_user_id, user.id)
    return user.id
