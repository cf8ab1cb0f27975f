"""Tickets (`tasks`), their comments, attachments and history, as values."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from enum import Enum, StrEnum

from domain.validation import ensure_search_fits


class TicketStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def words(self) -> str:
        """As people write it: `in_progress` is "in progress"."""
        return self.value.replace("_", " ")


class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    URGENT = "urgent"


class Severity(StrEnum):
    MINOR = "minor"
    NORMAL = "normal"
    MAJOR = "major"
    CRITICAL = "critical"


class Category(StrEnum):
    BUG = "bug"
    FEATURE = "feature"
    SUPPORT = "support"
    ENHANCEMENT = "enhancement"
    INCIDENT = "incident"
    REQUEST = "request"


class AssigneeType(StrEnum):
    USER = "user"
    TEAM = "team"


class HistoryAction(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    ASSIGNED = "assigned"
    UNASSIGNED = "unassigned"
    STATUS_CHANGED = "status_changed"
    COMMENTED = "commented"
    ATTACHMENT_ADDED = "attachment_added"

    @classmethod
    def _missing_(cls, value: object) -> HistoryAction | None:
        """The web app records more kinds of history ("…" in the schema): keep them readable."""
        if not isinstance(value, str) or not value:
            return None
        other = str.__new__(cls, value)
        other._name_ = value.upper()
        other._value_ = value
        return other


@dataclass(frozen=True, slots=True)
class Assignee:
    """Who a ticket is assigned to: one user, or a team's queue."""

    kind: AssigneeType
    user_id: str | None = None
    team_id: int | None = None

    @classmethod
    def user(cls, user_id: str) -> Assignee:
        return cls(AssigneeType.USER, user_id=user_id)

    @classmethod
    def team(cls, team_id: int) -> Assignee:
        return cls(AssigneeType.TEAM, team_id=team_id)

    @property
    def label(self) -> str:
        """The form history rows and card inputs use: a user id, or `team:<id>`."""
        return f"team:{self.team_id}" if self.kind is AssigneeType.TEAM else str(self.user_id)


VERSION_SEPARATOR = "~"
"""Between the `updated_at` and the digest of a ticket's version."""


def _plain(value: object) -> object:
    """A field's value as the database gives it back, the same whichever way it was built."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


@dataclass(frozen=True, slots=True)
class Ticket:
    id: int
    ticket_number: str
    title: str
    category: Category
    created_by: str
    created_at: datetime
    updated_at: datetime
    status: TicketStatus = TicketStatus.OPEN
    priority: Priority = Priority.MEDIUM
    severity: Severity | None = Severity.NORMAL
    description: str | None = None
    notes: str | None = None
    assignee_type: AssigneeType = AssigneeType.USER
    assignee_id: str | None = None
    assignee_team_id: int | None = None
    due_date: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    estimated_hours: int | None = None
    actual_hours: int | None = None
    tags: tuple[str, ...] = ()

    @property
    def assignee(self) -> Assignee | None:
        """The assignment that counts: `assignee_type` decides which column is read."""
        if self.assignee_type is AssigneeType.TEAM:
            return Assignee.team(self.assignee_team_id) if self.assignee_team_id is not None else None
        return Assignee.user(self.assignee_id) if self.assignee_id is not None else None

    @property
    def version(self) -> str:
        """What a card remembers to detect that it was drawn from an older ticket: when it
        was last updated, and a digest of everything it holds. The web app, a script or a
        person at the SQL prompt may change a field without touching `updated_at`; the
        card drawn before is stale all the same, and its button must not overwrite it."""
        return f"{self.updated_at.isoformat()}{VERSION_SEPARATOR}{self.digest}"

    @property
    def digest(self) -> str:
        """A short digest of every field but `updated_at`: the part of the version that sees
        a change made without a new `updated_at`."""
        held = [_plain(getattr(self, f.name)) for f in fields(self) if f.name != "updated_at"]
        return hashlib.blake2b(repr(held).encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()

    @property
    def is_open_for_edits(self) -> bool:
        return self.status not in (TicketStatus.RESOLVED, TicketStatus.CLOSED)

    @property
    def held_by_a_person(self) -> bool:
        """Assigned to a user: not waiting in a team's queue, nor with nobody."""
        assignee = self.assignee
        return assignee is not None and assignee.kind is AssigneeType.USER


@dataclass(frozen=True, slots=True)
class TicketDraft:
    """A validated ticket not yet numbered or stored."""

    title: str
    category: Category
    created_by: str
    description: str | None = None
    priority: Priority = Priority.MEDIUM
    severity: Severity | None = Severity.NORMAL
    due_date: datetime | None = None
    estimated_hours: int | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    task_id: int
    user_id: str
    content: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DeliveredChange:
    """A Teams delivery changed or commented on a ticket: `comment_id` is the comment it
    wrote, if any."""

    comment_id: int | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    id: int
    task_id: int
    user_id: str
    file_name: str
    file_size: int
    file_type: str
    file_url: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One `task_history` row."""

    task_id: int
    user_id: str
    action: HistoryAction
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    created_at: datetime | None = None
    id: int | None = None


MOST_URGENT_FIRST = (Priority.URGENT, Priority.HIGH, Priority.MEDIUM, Priority.LOW)
"""The priorities in the order a list by priority puts them."""
MOST_SEVERE_FIRST = (Severity.CRITICAL, Severity.MAJOR, Severity.NORMAL, Severity.MINOR)
"""The severities in the order a list by severity puts them; a ticket with none goes last."""


class TicketOrder(StrEnum):
    """The order a list is in. Every order ends on the ticket's id (its number's order), so a
    page never repeats or skips a ticket that ties with another."""

    UPDATED = "updated"
    """Most recently updated first: what a list is in when nobody says."""
    STALE = "stale"
    """Least recently updated first: what nobody has touched for longest."""
    NEWEST = "newest"
    """Most recently filed first."""
    OLDEST = "oldest"
    """Filed longest ago first."""
    PRIORITY = "priority"
    """Urgent, high, medium, low; the oldest filed first within one priority."""
    DUE = "due"
    """Due soonest first, those with no due date last; the oldest filed first within a day."""
    SEVERITY = "severity"
    """Critical, major, normal, minor, none last; within one severity the most urgent, then
    the oldest filed first: severity is the impact, priority says which to take first."""

    def key(self, ticket: Ticket) -> tuple[object, ...]:
        """Where `ticket` sorts, ascending: the rule the SQL of each backend follows."""
        latest = datetime.max  # a later time sorts first as a smaller distance from the end
        match self:
            case TicketOrder.UPDATED:
                return latest - ticket.updated_at, -ticket.id
            case TicketOrder.STALE:
                return ticket.updated_at, ticket.id
            case TicketOrder.NEWEST:
                return latest - ticket.created_at, -ticket.id
            case TicketOrder.OLDEST:
                return ticket.created_at, ticket.id
            case TicketOrder.PRIORITY:
                return MOST_URGENT_FIRST.index(ticket.priority), ticket.created_at, ticket.id
            case TicketOrder.DUE:
                due = ticket.due_date
                return due is None, due or latest, ticket.created_at, ticket.id
            case TicketOrder.SEVERITY:
                severity = ticket.severity
                rank = MOST_SEVERE_FIRST.index(severity) if severity in MOST_SEVERE_FIRST \
                    else len(MOST_SEVERE_FIRST)
                return (rank, MOST_URGENT_FIRST.index(ticket.priority), ticket.created_at,
                        ticket.id)


@dataclass(frozen=True, slots=True)
class TicketFilter:
    """What a list or search asks for; visibility is applied on top, never instead."""

    statuses: tuple[TicketStatus, ...] = ()
    categories: tuple[Category, ...] = ()
    priorities: tuple[Priority, ...] = ()
    assignee_id: str | None = None
    team_id: int | None = None
    created_by: str | None = None
    text: str | None = None
    exclude_statuses: tuple[TicketStatus, ...] = field(default=())
    unassigned: bool = False
    """Neither a person nor a team has it (by the column `assignee_type` selects)."""
    undated: bool = False
    """It has no due date."""
    due_from: datetime | None = None
    """Due at or after (naive UTC); with `due_before`, a window of `due_date`."""
    due_before: datetime | None = None
    overdue_at: datetime | None = None
    """Overdue at this instant (naive UTC), as a card, a reminder and a digest say: due at a
    time of day already passed, or on a whole day already over (one due today is not late
    until the day ends)."""
    held_by: tuple[Assignee, ...] = ()
    """Any of these people or teams has it ("what are Sam and Lee working on")."""
    touched_by: str | None = None
    """This person filed it, holds it, commented on it or changed it ("what did I work on")."""
    touched_from: datetime | None = None
    """With `touched_by`: only what they did at or after (naive UTC), by the time of the
    filing, comment or change ("this week"); a ticket they hold counts once it was updated
    since. A comment leaves `updated_at` as it was, so that column alone cannot say."""
    updated_from: datetime | None = None
    """Updated at or after (naive UTC)."""
    updated_before: datetime | None = None
    """Last updated before (naive UTC): left alone since ("not updated in a week"), by
    `updated_at`, which every change sets (a comment alone leaves it as it was)."""
    created_from: datetime | None = None
    """Filed at or after (naive UTC); with `created_before`, a window of `created_at`."""
    created_before: datetime | None = None
    filed_or_held_by: str | None = None
    """This person filed it or holds it as a person ("my outlook ticket")."""
    finished_from: datetime | None = None
    """Resolved or closed now, and first finished (resolved, else closed) at or after."""
    finished_before: datetime | None = None

    def __post_init__(self) -> None:
        ensure_search_fits(self.text)


def whole_day(due: datetime) -> bool:
    """A due date with no time of day, as the bot and a date picker store one, is that whole
    UTC day (the lists read every due date so)."""
    return due.time() == time()


def deadline(due: datetime) -> datetime:
    """When a due date has passed: the end of its day, or the time of day it names."""
    return due + timedelta(days=1) if whole_day(due) else due


SOON_DAYS = 3
"""Days that "due soon" spans: today and the two after it."""


class DueWindow(StrEnum):
    """When a listed ticket is due: "overdue", "due today", "due tomorrow", "due soon" (today
    and the two days after), "due this week", "due next week", "due this month"; or never
    ("no due date")."""

    OVERDUE = "overdue"
    TODAY = "today"
    TOMORROW = "tomorrow"
    SOON = "soon"
    THIS_WEEK = "this_week"
    NEXT_WEEK = "next_week"
    THIS_MONTH = "this_month"
    NONE = "none"

    def bounds(self, today: date) -> tuple[datetime | None, datetime]:
        """`due_from` and `due_before` for `today` (UTC days, as `due_date` is stored).

        Overdue is due before today; soon is today and the two days after it (what is late
        is overdue, not soon), whatever day of the week it is; this week is from today until
        the end of Sunday (what is already late is overdue, not due); next week is Monday to
        Sunday after it; this month is from today until the end of its last day."""
        midnight = datetime.combine(today, time())
        match self:
            case DueWindow.OVERDUE:
                return None, midnight
            case DueWindow.TODAY:
                return midnight, midnight + timedelta(days=1)
            case DueWindow.TOMORROW:
                return midnight + timedelta(days=1), midnight + timedelta(days=2)
            case DueWindow.SOON:
                return midnight, midnight + timedelta(days=SOON_DAYS)
            case DueWindow.THIS_WEEK:
                return midnight, midnight + timedelta(days=7 - today.weekday())
            case DueWindow.NEXT_WEEK:
                monday = midnight + timedelta(days=7 - today.weekday())
                return monday, monday + timedelta(days=7)
            case DueWindow.THIS_MONTH:
                first_of_next = date(today.year + today.month // 12, today.month % 12 + 1, 1)
                return midnight, datetime.combine(first_of_next, time())
            case DueWindow.NONE:
                raise ValueError("no due date is no window of days")


@dataclass(frozen=True, slots=True)
class HeldCount:
    """How many of the tickets asked about one person or one team holds (None: nobody)."""

    holder: Assignee | None
    count: int


@dataclass(frozen=True, slots=True)
class TicketPage:
    tickets: tuple[Ticket, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.tickets) < self.total
