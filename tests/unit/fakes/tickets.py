"""Fake repositories for tickets and what hangs off them, and the outbox event sink."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.access import Scope
from domain.clock import utcnow
from domain.events import TicketEvent
from domain.numbering import next_number
from domain.tickets import (
    Assignee,
    AssigneeType,
    Attachment,
    Comment,
    deadline,
    DeliveredChange,
    HeldCount,
    HistoryEntry,
    Ticket,
    TicketDraft,
    TicketFilter,
    TicketOrder,
    TicketPage,
    TicketStatus,
)
from tests.unit.fakes.repository import Repository


class FakeTicketRepository(Repository):
    async def get(self, ticket_id: int, *, for_update: bool = False) -> Ticket | None:
        if for_update:
            await self._uow.lock(("tasks", ticket_id))
            self._uow.refresh("tasks", ticket_id)
        return self._tables.tasks.get(ticket_id)

    async def get_by_number(self, number: str, *, for_update: bool = False) -> Ticket | None:
        wanted = number.upper()
        found = next(
            (t for t in self._tables.tasks.values() if t.ticket_number.upper() == wanted), None
        )
        if found is None or not for_update:
            return found
        return await self.get(found.id, for_update=True)

    async def add(self, draft: TicketDraft, *, prefix: str, now: datetime) -> Ticket:
        series = f"{prefix}-{now.year}-"
        await self._uow.lock(("ticket_number", series))
        number = next_number(prefix, now.year, self._highest(series))
        ticket = Ticket(
            id=self._uow.database.next_id("tasks"),
            ticket_number=str(number),
            title=draft.title,
            category=draft.category,
            created_by=draft.created_by,
            created_at=now,
            updated_at=now,
            status=TicketStatus.OPEN,
            priority=draft.priority,
            severity=draft.severity,
            description=draft.description,
            assignee_type=AssigneeType.USER,
            due_date=draft.due_date,
            estimated_hours=draft.estimated_hours,
            tags=draft.tags,
        )
        self._uow.require("users", ticket.created_by)
        self._uow.insert("tasks", ticket.id, ticket)
        return ticket

    def _highest(self, series: str) -> int | None:
        """Numeric, not textual, maximum: TKT-2026-10000 comes after TKT-2026-9999.

        Reads committed rows too, as the real query does once it holds the series lock.
        """
        tickets = (*self._uow.database.committed.tasks.values(), *self._tables.tasks.values())
        sequences = [
            int(suffix)
            for t in tickets
            if t.ticket_number.startswith(series)
            and (suffix := t.ticket_number[len(series):]).isascii()
            and suffix.isdigit()
        ]
        return max(sequences, default=None)

    async def save(self, ticket: Ticket) -> None:
        """Like the SQL update: the number, creator and creation time never change."""
        stored = self._tables.tasks.get(ticket.id)
        if stored is None:
            raise LookupError(f"tasks: no row {ticket.id} to update")
        kept = replace(
            ticket,
            ticket_number=stored.ticket_number,
            created_by=stored.created_by,
            created_at=stored.created_at,
        )
        self._uow.update("tasks", ticket.id, kept)

    async def count(self, *, scope: Scope, filter: TicketFilter) -> int:
        return (await self.search(scope=scope, filter=filter, limit=1, offset=0)).total

    async def counts(self, *, scope: Scope, filters: Sequence[TicketFilter]) -> list[int]:
        return [await self.count(scope=scope, filter=f) for f in filters]

    async def search(
        self, *, scope: Scope, filter: TicketFilter, limit: int, offset: int,
        order: TicketOrder = TicketOrder.UPDATED,
    ) -> TicketPage:
        if limit < 1 or offset < 0:
            raise ValueError("LIMIT must be positive and OFFSET not negative")
        found = [
            t for t in self._tables.tasks.values() if scope.admits(t) and _matches(filter, t)
            and (filter.touched_by is None
                 or self._touched(t, filter.touched_by, filter.touched_from))
        ]
        found.sort(key=order.key)
        return TicketPage(tuple(found[offset : offset + limit]), len(found), offset, limit)

    async def held_counts(self, *, scope: Scope, filter: TicketFilter) -> list[HeldCount]:
        counts: dict[Assignee | None, int] = {}
        for ticket in self._tables.tasks.values():
            if scope.admits(ticket) and _matches(filter, ticket):
                counts[ticket.assignee] = counts.get(ticket.assignee, 0) + 1
        return [HeldCount(holder, count) for holder, count in counts.items()]


    def _touched(self, ticket: Ticket, user_id: str, since: datetime | None) -> bool:
        """Filed by, held by (as a person), commented on or changed by the user (since)."""
        def lately(at: datetime | None) -> bool:
            return since is None or at is not None and at >= since

        return (ticket.created_by == user_id and lately(ticket.created_at)
                or ticket.assignee == Assignee.user(user_id) and lately(ticket.updated_at)
                or any(c.task_id == ticket.id and c.user_id == user_id and lately(c.created_at)
                       for c in self._tables.task_comments.values())
                or any(e.task_id == ticket.id and e.user_id == user_id and lately(e.created_at)
                       for e in self._tables.task_history.values()))


def _matches(filter: TicketFilter, ticket: Ticket) -> bool:
    """Every field narrows; assignee and team filters read the column `assignee_type` selects."""
    assignee = ticket.assignee
    if filter.statuses and ticket.status not in filter.statuses:
        return False
    if filter.exclude_statuses and ticket.status in filter.exclude_statuses:
        return False
    if filter.categories and ticket.category not in filter.categories:
        return False
    if filter.priorities and ticket.priority not in filter.priorities:
        return False
    if filter.assignee_id is not None and assignee != Assignee.user(filter.assignee_id):
        return False
    if filter.team_id is not None and assignee != Assignee.team(filter.team_id):
        return False
    if filter.created_by is not None and ticket.created_by != filter.created_by:
        return False
    if filter.unassigned and assignee is not None:
        return False
    if filter.undated and ticket.due_date is not None:
        return False
    if filter.held_by and assignee not in filter.held_by:
        return False
    if not _due_within(filter, ticket.due_date):
        return False
    if filter.updated_from is not None and ticket.updated_at < filter.updated_from:
        return False
    if filter.updated_before is not None and ticket.updated_at >= filter.updated_before:
        return False
    if filter.created_from is not None and ticket.created_at < filter.created_from:
        return False
    if filter.created_before is not None and ticket.created_at >= filter.created_before:
        return False
    if not _finished_within(filter, ticket):
        return False
    if filter.filed_or_held_by is not None and filter.filed_or_held_by != ticket.created_by \
            and assignee != Assignee.user(filter.filed_or_held_by):
        return False
    return _each_word_in_one_field(filter.text, ticket)


def _finished_within(filter: TicketFilter, ticket: Ticket) -> bool:
    if filter.finished_from is None and filter.finished_before is None:
        return True
    finished = ticket.resolved_at or ticket.closed_at
    if ticket.status not in (TicketStatus.RESOLVED, TicketStatus.CLOSED) or finished is None:
        return False
    return (filter.finished_from is None or finished >= filter.finished_from) and (
        filter.finished_before is None or finished < filter.finished_before)


def _due_within(filter: TicketFilter, due: datetime | None) -> bool:
    if filter.due_from is None and filter.due_before is None and filter.overdue_at is None:
        return True
    if due is None:
        return False
    if filter.overdue_at is not None and not deadline(due) <= filter.overdue_at:
        return False
    after = filter.due_from is None or due >= filter.due_from
    return after and (filter.due_before is None or due < filter.due_before)


def _each_word_in_one_field(text: str | None, ticket: Ticket) -> bool:
    """Every word occurs, case-insensitively, in the title, description or number."""
    fields_ = (ticket.title, ticket.description or "", ticket.ticket_number)
    return all(
        any(word.lower() in f.lower() for f in fields_) for word in (text or "").split()
    )


class FakeDeliveryTickets(Repository):
    async def ticket_filed_by(self, delivery: str) -> int | None:
        return self._tables.bot_delivery_tickets.get(delivery)

    async def add(self, delivery: str, ticket_id: int, *, now: datetime) -> None:
        self._uow.require("tasks", ticket_id)
        self._uow.insert("bot_delivery_tickets", delivery, ticket_id)

    async def change_made_by(self, delivery: str, ticket_id: int) -> DeliveredChange | None:
        return self._tables.bot_delivery_changes.get((delivery, ticket_id))

    async def add_change(
        self, delivery: str, ticket_id: int, change: DeliveredChange, *, now: datetime
    ) -> None:
        self._uow.require("tasks", ticket_id)
        if change.comment_id is not None:
            self._uow.require("task_comments", change.comment_id)
        self._uow.insert("bot_delivery_changes", (delivery, ticket_id), change)


class FakeCommentRepository(Repository):
    async def add(self, *, task_id: int, user_id: str, content: str, now: datetime) -> Comment:
        self._uow.require("tasks", task_id)
        self._uow.require("users", user_id)
        comment_id = self._uow.database.next_id("task_comments")
        comment = Comment(comment_id, task_id, user_id, content, now)
        self._uow.insert("task_comments", comment.id, comment)
        return comment

    async def for_task(self, task_id: int) -> list[Comment]:
        return [c for c in self._tables.task_comments.values() if c.task_id == task_id]

    async def latest(self, task_id: int, limit: int) -> tuple[list[Comment], int]:
        comments = sorted(await self.for_task(task_id), key=lambda c: c.id)
        return comments[-limit:] if limit else [], len(comments)


class FakeHistoryRepository(Repository):
    def add(self, entry: HistoryEntry) -> None:
        self._uow.require("tasks", entry.task_id)
        self._uow.require("users", entry.user_id)
        entry_id = self._uow.database.next_id("task_history")
        stored = replace(entry, id=entry_id, created_at=entry.created_at or utcnow())
        self._uow.insert("task_history", entry_id, stored)

    async def for_task(self, task_id: int) -> list[HistoryEntry]:
        return [e for e in self._tables.task_history.values() if e.task_id == task_id]

    async def latest(
        self, task_id: int, limit: int, *, hiding: frozenset[str] = frozenset()
    ) -> list[HistoryEntry]:
        shown = [e for e in await self.for_task(task_id)
                 if e.field is None or e.field.strip().lower() not in hiding]
        return sorted(shown, key=lambda e: e.id or 0, reverse=True)[:limit]


class FakeAttachmentRepository(Repository):
    async def for_task(self, task_id: int) -> list[Attachment]:
        return [a for a in self._tables.task_attachments.values() if a.task_id == task_id]


class FakeOutbox(Repository):
    """`uow.outbox`: events become outbox rows inside the committing transaction."""

    def add(self, event: TicketEvent) -> None:
        self._uow.queue_event(event)

    def record(self, events: list[TicketEvent]) -> None:
        for event in events:
            self._uow.insert("outbox", self._uow.database.next_id("outbox"), event)
