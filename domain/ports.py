"""What the use cases need from storage, declared here and implemented in `db/`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

from domain.tickets import TicketOrder  # a default below: needed when the port is read

if TYPE_CHECKING:  # annotations only: a caller of a port need not load every domain value
    from domain.access import Scope, Viewer
    from domain.api_keys import ApiKey, NewApiKey, StoredApiKey
    from domain.chat import ConversationRef, DocumentWrite, StoredDocument, TeamsIdentity
    from domain.company import CompanySettings
    from domain.digests import ChannelDigest
    from domain.events import TicketEvent
    from domain.notifications import Subscription
    from domain.people import (
        Department,
        Invitation,
        Membership,
        NewUser,
        Role,
        Team,
        User,
    )
    from domain.tickets import (
        Attachment,
        Comment,
        DeliveredChange,
        HeldCount,
        HistoryEntry,
        Ticket,
        TicketDraft,
        TicketFilter,
        TicketPage,
    )


class UserRepository(Protocol):
    async def get(self, user_id: str) -> User | None: ...
    async def get_by_email(self, email: str) -> User | None: ...
    async def add(self, new: NewUser, *, now: datetime) -> User: ...
    async def save(self, user: User, *, now: datetime) -> None: ...
    async def all(self, *, include_inactive: bool = False) -> list[User]: ...
    async def assignable(self, *, text: str, limit: int, excluding: str | None = None
                         ) -> list[User]:
        """Active users who are not customers whose name or email contains `text` (any
        case), by name, at most `limit`: a bounded read, whatever the organisation's size."""
        ...
    async def viewer(self, user_id: str) -> Viewer | None:
        """The user with their team ids and (for the manager rule) their teammates' ids."""
        ...


class TeamRepository(Protocol):
    async def get(self, team_id: int) -> Team | None: ...
    async def get_by_name(self, name: str) -> Team | None:
        """Case-insensitive; the oldest team when the web app allowed duplicates."""
        ...
    async def add(self, *, name: str, description: str | None, created_by: str | None,
                  now: datetime) -> Team: ...
    async def all(self) -> list[Team]: ...
    async def named(self, *, text: str, limit: int, among: frozenset[int] | None = None
                    ) -> list[Team]:
        """Teams whose name contains `text` (any case), by name, at most `limit`; only
        those in `among` when it is given."""
        ...
    async def members(self, team_id: int) -> list[Membership]: ...
    async def membership(self, team_id: int, user_id: str) -> Membership | None: ...
    async def add_member(self, membership: Membership, *, now: datetime) -> None: ...
    async def remove_member(self, team_id: int, user_id: str) -> bool:
        """False when they were not in the team."""
        ...


class TicketRepository(Protocol):
    async def get(self, ticket_id: int, *, for_update: bool = False) -> Ticket | None: ...
    async def get_by_number(self, number: str, *, for_update: bool = False) -> Ticket | None: ...
    async def add(self, draft: TicketDraft, *, prefix: str, now: datetime) -> Ticket:
        """Stores the ticket under the next free number of its prefix and year.

        The number comes from the table itself (the web app writes it too), so two
        processes creating at once must not collide and must leave no gap.
        """
        ...
    async def save(self, ticket: Ticket) -> None: ...
    async def search(self, *, scope: Scope, filter: TicketFilter, limit: int, offset: int,
                     order: TicketOrder = TicketOrder.UPDATED) -> TicketPage:
        """A page of the visible tickets `filter` admits, in `order` (`TicketOrder.key`)."""
        ...
    async def count(self, *, scope: Scope, filter: TicketFilter) -> int:
        """How many visible tickets `filter` admits (a search's `total`, without the rows)."""
        ...
    async def counts(self, *, scope: Scope, filters: Sequence[TicketFilter]) -> list[int]:
        """`count` for each filter, in order, in one query."""
        ...
    async def held_counts(self, *, scope: Scope, filter: TicketFilter) -> list[HeldCount]:
        """The visible tickets `filter` admits, counted by who holds them (by the column
        `assignee_type` selects): one query, whatever their number; in no set order."""
        ...


class DeliveryTicketRepository(Protocol):
    """The ticket a delivery (a Teams activity or form, by its receipt key) filed, and the
    change it made to each ticket: a turn run again for a resend, after its process died
    past the commit, files, changes and comments no second time."""

    async def ticket_filed_by(self, delivery: str) -> int | None: ...
    async def add(self, delivery: str, ticket_id: int, *, now: datetime) -> None: ...
    async def change_made_by(self, delivery: str, ticket_id: int) -> DeliveredChange | None: ...
    async def add_change(
        self, delivery: str, ticket_id: int, change: DeliveredChange, *, now: datetime
    ) -> None: ...


class CommentRepository(Protocol):
    async def add(self, *, task_id: int, user_id: str, content: str, now: datetime) -> Comment: ...
    async def for_task(self, task_id: int) -> list[Comment]: ...
    async def latest(self, task_id: int, limit: int) -> tuple[list[Comment], int]:
        """The task's `limit` latest comments, oldest of them first, and how many it has."""
        ...


class HistoryRepository(Protocol):
    def add(self, entry: HistoryEntry) -> None: ...
    async def for_task(self, task_id: int) -> list[HistoryEntry]: ...
    async def latest(
        self, task_id: int, limit: int, *, hiding: frozenset[str] = frozenset()
    ) -> list[HistoryEntry]:
        """The task's `limit` latest history rows, newest first, without the rows about a
        field named in `hiding` (lower case; stored names are compared trimmed, any case)."""
        ...


class AttachmentRepository(Protocol):
    async def for_task(self, task_id: int) -> list[Attachment]: ...


class DepartmentRepository(Protocol):
    async def get(self, department_id: int) -> Department | None: ...
    async def get_by_name(self, name: str) -> Department | None: ...


class InvitationRepository(Protocol):
    async def add(self, *, email: str, role: Role, invited_by: str, token: str,
                  expires_at: datetime, first_name: str | None, last_name: str | None,
                  department: Department | None, now: datetime) -> Invitation: ...
    async def get_by_token(self, token: str) -> Invitation | None: ...
    async def pending_for(self, email: str) -> list[Invitation]:
        """Pending invitations for an email, newest first."""
        ...
    async def pending(self) -> list[Invitation]:
        """Every pending invitation (expired ones too), newest first."""
        ...
    async def save(self, invitation: Invitation) -> None: ...


class CompanySettingsRepository(Protocol):
    async def get(self) -> CompanySettings: ...
    async def save(self, settings: CompanySettings, *, updated_by: str, now: datetime) -> None: ...


class SubscriptionRepository(Protocol):
    """`teams_integration_settings`: each user's one choice of where notifications go."""

    async def for_user(self, user_id: str) -> Subscription | None: ...
    async def save(self, subscription: Subscription, *, now: datetime) -> Subscription:
        """Insert or replace the user's one row (`user_id` is unique)."""
        ...

    async def for_channel(self, msteams_team_id: str, channel_id: str) -> list[Subscription]: ...


class DigestRepository(Protocol):
    """`bot_channel_digests`: each channel's one daily digest."""

    async def for_channel(self, msteams_team_id: str, channel_id: str) -> ChannelDigest | None: ...

    async def save(self, digest: ChannelDigest, *, now: datetime) -> ChannelDigest:
        """Insert or replace the channel's one digest."""
        ...

    async def remove(self, msteams_team_id: str, channel_id: str) -> int: ...


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


class WebhookUrlCheck(Protocol):
    def __call__(self, url: str) -> str:
        """The URL in the form to store, or ValueError saying (fit to show) why not."""
        ...


class Outbox(Protocol):
    """Ticket events of this unit of work: written with its commit, or not at all."""

    def add(self, event: TicketEvent) -> None: ...


class EventSink(Protocol):
    """Where a unit of work hands its events at commit, inside the same transaction."""

    async def record(self, events: list[TicketEvent]) -> None: ...


class ReadOnlyWork(RuntimeError):
    """A write was tried in a unit of work opened for reading: a bug in the caller."""


class UnitOfWork(Protocol):
    """One transaction: repositories share it; nothing is stored until `commit`.

    `reading()` gives a unit of work for queries only (cards, lists): on PostgreSQL it
    runs without BEGIN/COMMIT round trips, and any write in it raises `ReadOnlyWork`.
    """

    @property
    def users(self) -> UserRepository: ...
    @property
    def teams(self) -> TeamRepository: ...
    @property
    def tickets(self) -> TicketRepository: ...
    @property
    def comments(self) -> CommentRepository: ...
    @property
    def deliveries(self) -> DeliveryTicketRepository: ...
    @property
    def history(self) -> HistoryRepository: ...
    @property
    def attachments(self) -> AttachmentRepository: ...
    @property
    def departments(self) -> DepartmentRepository: ...
    @property
    def invitations(self) -> InvitationRepository: ...
    @property
    def company(self) -> CompanySettingsRepository: ...
    @property
    def subscriptions(self) -> SubscriptionRepository: ...
    @property
    def digests(self) -> DigestRepository: ...
    @property
    def api_keys(self) -> ApiKeyRepository: ...
    @property
    def outbox(self) -> Outbox: ...

    def reading(self) -> UnitOfWork:
        """A fresh unit of work on the same storage that only reads."""
        ...
    async def commit(self) -> None: ...
    async def rollback(self) -> None: ...
    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None: ...


class StateDocuments(Protocol):
    """JSON documents with e-tags: what the bot's dialog state needs from storage."""

    async def read(self, keys: Sequence[str]) -> dict[str, StoredDocument]: ...
    async def write(self, writes: Mapping[str, DocumentWrite]) -> dict[str, str]:
        """Stores all or nothing; returns each key's new e-tag; raises StaleDocument."""
        ...
    async def delete(self, keys: Sequence[str]) -> None: ...
    async def merge(self, key: str, values: Mapping[str, str]) -> str:
        """Sets these top-level values of the document (a new one if none is stored), keeping
        the rest, unconditionally and in one step; returns the new e-tag."""
        ...


class ConversationRefRepository(Protocol):
    """Where the bot can post proactively; refreshed on every turn."""

    async def upsert(self, ref: ConversationRef) -> None: ...
    async def remove(self, conversation_id: str) -> None: ...
    async def remove_team(self, msteams_team_id: str) -> list[str]:
        """Forgets the team's channels and threads; returns the conversation ids forgotten."""
        ...
    async def get(self, conversation_id: str) -> ConversationRef | None: ...
    async def personal_for(self, user_id: str) -> ConversationRef | None: ...
    async def channel(self, msteams_team_id: str, channel_id: str) -> ConversationRef | None: ...


class UserLinkRepository(Protocol):
    """Teams identities of TicketFlow users."""

    async def user_for(self, identity: TeamsIdentity) -> str | None: ...
    async def link(self, identity: TeamsIdentity, user_id: str) -> None: ...
    async def identities_of(self, user_id: str) -> list[TeamsIdentity]: ...


class ActivityReceipts(Protocol):
    """Activity ids already taken, so a redelivered activity is not acted on twice."""

    async def claim(self, activity_id: str, conversation_id: str | None) -> bool:
        """True the first time an id is seen; False for a redelivery."""
        ...
    async def release(self, activity_id: str) -> None:
        """Forget a claim whose turn failed, so Teams' retry can run it."""
        ...
    async def forget_older_than(self, cutoff: datetime) -> int: ...
