"""`tasks`: tickets, their numbering, and the visibility rule as SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from typing import Any

from sqlalchemy import (
    BigInteger, ColumnElement, Select, and_, bindparam, case, cast, exists, false, func, or_, select,
    text, true,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from db.records import readable_values, to_row, to_value
from db.repositories.lane_locks import lock_lanes
from db.tables import task_comments, task_history, tasks
from domain.access import Scope
from domain.numbering import TicketNumber, next_number
from domain.tickets import (
    MOST_SEVERE_FIRST, MOST_URGENT_FIRST, Assignee, AssigneeType, HeldCount, Ticket, TicketDraft,
    TicketFilter, TicketOrder, TicketPage, TicketStatus,
)

NUMBERING_ATTEMPTS = 5
FINISHED = (TicketStatus.RESOLVED.value, TicketStatus.CLOSED.value)


class TicketNumberExhausted(RuntimeError):
    """Another writer (the web app) kept taking the number we computed."""


def visible_to(scope: Scope) -> ColumnElement[bool]:
    """`Scope.admits` as a WHERE clause; the integration tests hold the two equal."""
    if scope.everything:
        return true()
    user_assigned = _assigned_to_a_user()
    conditions: list[ColumnElement[bool]] = []
    if scope.created_by is not None:
        conditions.append(tasks.c.created_by == scope.created_by)
    if scope.assigned_users:
        conditions.append(and_(user_assigned, tasks.c.assignee_id.in_(scope.assigned_users)))
    if scope.queued_teams:
        conditions.append(
            and_(_queued_to_a_team(), tasks.c.assignee_team_id.in_(scope.queued_teams))
        )
    return or_(*conditions) if conditions else false()


def _assigned_to_a_user() -> ColumnElement[bool]:
    """`assignee_type` decides which column counts; NULL is the column default, `user`."""
    return func.coalesce(tasks.c.assignee_type, AssigneeType.USER.value) == AssigneeType.USER.value


def _queued_to_a_team() -> ColumnElement[bool]:
    return tasks.c.assignee_type == AssigneeType.TEAM.value


def _held_by(holder: Assignee) -> ColumnElement[bool]:
    if holder.kind is AssigneeType.TEAM:
        return and_(_queued_to_a_team(), tasks.c.assignee_team_id == holder.team_id)
    return and_(_assigned_to_a_user(), tasks.c.assignee_id == holder.user_id)


def _touched_by(user_id: str, since: datetime | None) -> ColumnElement[bool]:
    """Filed by, assigned to (as a person), commented on or changed by the user: what the
    web app's `task_comments` and `task_history` rows say they did; with `since`, done then."""
    def lately(column: ColumnElement[datetime]) -> ColumnElement[bool]:
        return true() if since is None else column >= since

    return or_(
        and_(tasks.c.created_by == user_id, lately(tasks.c.created_at)),
        and_(_assigned_to_a_user(), tasks.c.assignee_id == user_id, lately(tasks.c.updated_at)),
        exists().where(task_comments.c.task_id == tasks.c.id, task_comments.c.user_id == user_id,
                       lately(task_comments.c.created_at)),
        exists().where(task_history.c.task_id == tasks.c.id, task_history.c.user_id == user_id,
                       lately(task_history.c.created_at)),
    )


def _finished_at() -> ColumnElement[Any]:
    """When a finished ticket was first finished: resolved, else closed. A summary counts it
    once, in that period; a row finished before either was kept is in no period."""
    return func.coalesce(tasks.c.resolved_at, tasks.c.closed_at)


def matching(filter: TicketFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filter.statuses:
        conditions.append(tasks.c.status.in_([s.value for s in filter.statuses]))
    if filter.exclude_statuses:
        conditions.append(tasks.c.status.not_in([s.value for s in filter.exclude_statuses]))
    if filter.categories:
        conditions.append(tasks.c.category.in_([c.value for c in filter.categories]))
    if filter.priorities:
        conditions.append(tasks.c.priority.in_([p.value for p in filter.priorities]))
    if filter.assignee_id is not None:
        conditions.append(and_(_assigned_to_a_user(), tasks.c.assignee_id == filter.assignee_id))
    if filter.team_id is not None:
        conditions.append(and_(_queued_to_a_team(), tasks.c.assignee_team_id == filter.team_id))
    if filter.held_by:
        conditions.append(or_(*(_held_by(holder) for holder in filter.held_by)))
    if filter.created_by is not None:
        conditions.append(tasks.c.created_by == filter.created_by)
    if filter.unassigned:
        conditions.append(or_(
            and_(_assigned_to_a_user(), tasks.c.assignee_id.is_(None)),
            and_(_queued_to_a_team(), tasks.c.assignee_team_id.is_(None)),
        ))
    if filter.undated:
        conditions.append(tasks.c.due_date.is_(None))
    if filter.due_from is not None:
        conditions.append(tasks.c.due_date >= filter.due_from)
    if filter.due_before is not None:
        conditions.append(tasks.c.due_date < filter.due_before)
    if filter.overdue_at is not None:  # a whole day due today is stored as its midnight
        midnight = datetime.combine(filter.overdue_at.date(), time())
        conditions.append(and_(tasks.c.due_date <= filter.overdue_at, tasks.c.due_date != midnight))
    if filter.touched_by is not None:
        conditions.append(_touched_by(filter.touched_by, filter.touched_from))
    if filter.updated_from is not None:
        conditions.append(tasks.c.updated_at >= filter.updated_from)
    if filter.updated_before is not None:
        conditions.append(tasks.c.updated_at < filter.updated_before)
    if filter.created_from is not None:
        conditions.append(tasks.c.created_at >= filter.created_from)
    if filter.created_before is not None:
        conditions.append(tasks.c.created_at < filter.created_before)
    if filter.finished_from is not None or filter.finished_before is not None:
        finished = _finished_at()
        conditions.append(tasks.c.status.in_(FINISHED))
        if filter.finished_from is not None:
            conditions.append(finished >= filter.finished_from)
        if filter.finished_before is not None:
            conditions.append(finished < filter.finished_before)
    if filter.filed_or_held_by is not None:
        conditions.append(or_(
            tasks.c.created_by == filter.filed_or_held_by,
            and_(_assigned_to_a_user(), tasks.c.assignee_id == filter.filed_or_held_by),
        ))
    for word in (filter.text or "").split():
        conditions.append(
            or_(
                tasks.c.title.icontains(word, autoescape=True),
                tasks.c.description.icontains(word, autoescape=True),
                tasks.c.ticket_number.icontains(word, autoescape=True),
            )
        )
    return conditions


def _urgency() -> ColumnElement[int]:
    """A priority's place, most urgent first; a priority the web app wrote that the bot does
    not know goes after low."""
    return case(*((tasks.c.priority == p.value, rank) for rank, p in enumerate(MOST_URGENT_FIRST)),
                else_=len(MOST_URGENT_FIRST))


def _severity_rank() -> ColumnElement[int]:
    """A severity's place, most severe first; none (NULL), or one the web app wrote that the
    bot does not know, goes after minor."""
    return case(*((tasks.c.severity == s.value, rank)
                  for rank, s in enumerate(MOST_SEVERE_FIRST)), else_=len(MOST_SEVERE_FIRST))


def _no_due_date_last() -> ColumnElement[int]:
    """0 for a ticket with a due date, 1 without: written out, as SQLite and PostgreSQL put
    NULLs at opposite ends by default."""
    return case((tasks.c.due_date.is_(None), 1), else_=0)


_ORDERS: dict[TicketOrder, tuple[ColumnElement[object], ...]] = {
    TicketOrder.UPDATED: (tasks.c.updated_at.desc(), tasks.c.id.desc()),
    TicketOrder.STALE: (tasks.c.updated_at.asc(), tasks.c.id.asc()),
    TicketOrder.NEWEST: (tasks.c.created_at.desc(), tasks.c.id.desc()),
    TicketOrder.OLDEST: (tasks.c.created_at.asc(), tasks.c.id.asc()),
    TicketOrder.PRIORITY: (_urgency().asc(), tasks.c.created_at.asc(), tasks.c.id.asc()),
    TicketOrder.DUE: (_no_due_date_last().asc(), tasks.c.due_date.asc(), tasks.c.created_at.asc(),
                      tasks.c.id.asc()),
    TicketOrder.SEVERITY: (_severity_rank().asc(), _urgency().asc(), tasks.c.created_at.asc(),
                           tasks.c.id.asc()),
}
"""`TicketOrder.key` in SQL, the same on both backends; each ends on the id, so ties keep
one order from page to page."""


class _Lookup:
    """One way to find a ticket, its statements built once (like the tables): a card's
    read skips rebuilding them, and their cache keys, on every call."""

    def __init__(self, where: ColumnElement[bool]) -> None:
        self.read: Select[tuple[object, ...]] = select(tasks).where(where).limit(1)
        self.for_update = self.read.with_for_update()
        self.id_only = select(tasks.c.id).where(where).limit(1)


_BY_ID = _Lookup(tasks.c.id == bindparam("key"))
_BY_NUMBER = _Lookup(func.upper(tasks.c.ticket_number) == bindparam("key"))


class SqlTicketRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, ticket_id: int, *, for_update: bool = False) -> Ticket | None:
        return await self._one(_BY_ID, ticket_id, for_update=for_update)

    async def get_by_number(self, number: str, *, for_update: bool = False) -> Ticket | None:
        return await self._one(_BY_NUMBER, number.upper(), for_update=for_update)

    async def _one(self, lookup: _Lookup, key: object, *, for_update: bool) -> Ticket | None:
        query = lookup.read
        if for_update:
            await self._hold_lane(lookup, key)
            query = lookup.for_update
        found = readable_values(Ticket, (await self._db.execute(query, {"key": key})).mappings())
        return found[0] if found else None

    async def _hold_lane(self, lookup: _Lookup, key: object) -> None:
        """Take the ticket's outbox lane before its row: the commit that records the change's
        deliveries takes the lane too, and a delivery writer holds the lane while it waits for
        the row, so lane-then-row in every transaction is the order that cannot deadlock."""
        if self._db.dialect.name != "postgresql":
            return
        ticket_id = (await self._db.execute(lookup.id_only, {"key": key})).scalar()
        if ticket_id is not None:
            await lock_lanes(self._db, [ticket_id])

    async def add(self, draft: TicketDraft, *, prefix: str, now: datetime) -> Ticket:
        row = to_row(draft, tasks)
        row.update(status="open", assignee_type="user", created_at=now, updated_at=now)
        for _ in range(NUMBERING_ATTEMPTS):
            number = await self._next_number(prefix, now.year)
            try:
                async with self._db.begin_nested():
                    result = await self._db.execute(
                        tasks.insert().values(**row, ticket_number=str(number)).returning(tasks)
                    )
                    return to_value(Ticket, result.mappings().one())
            except IntegrityError:
                continue  # the web app took this number between our read and our insert
        raise TicketNumberExhausted(f"could not allocate a {prefix}-{now.year} number")

    async def _next_number(self, prefix: str, year: int) -> TicketNumber:
        """The highest number of the series plus one, read under a lock on PostgreSQL.

        The lock is held to the end of the transaction, so concurrent creators
        queue here and each sees the other's committed number: no duplicates and
        no gaps. SQLite serialises writers itself (see `db.engine`).
        """
        series = f"{prefix}-{year}-"
        dialect = self._db.dialect.name
        if dialect == "postgresql":
            await self._db.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
                {"key": f"ticketflow:ticket_number:{series}"},
            )
            numeric = tasks.c.ticket_number.regexp_match(f"^{series}[0-9]+$")
        else:
            numeric = and_(
                tasks.c.ticket_number.op("GLOB")(f"{series}[0-9]*"),
                tasks.c.ticket_number.op("NOT GLOB")(f"{series}*[^0-9]*"),
            )
        suffix = func.substr(tasks.c.ticket_number, len(series) + 1)
        highest = select(func.max(cast(suffix, BigInteger))).where(numeric)
        return next_number(prefix, year, (await self._db.execute(highest)).scalar())

    async def save(self, ticket: Ticket) -> None:
        values = to_row(ticket, tasks, exclude=frozenset({"id", "ticket_number", "created_at",
                                                          "created_by"}))
        await self._db.execute(tasks.update().where(tasks.c.id == ticket.id).values(**values))

    async def count(self, *, scope: Scope, filter: TicketFilter) -> int:
        where = and_(visible_to(scope), *matching(filter))
        total = await self._db.execute(select(func.count()).select_from(tasks).where(where))
        return int(total.scalar_one())

    async def counts(self, *, scope: Scope, filters: Sequence[TicketFilter]) -> list[int]:
        if not filters:
            return []
        figures = [
            func.count().filter(and_(*conditions)) if (conditions := matching(f)) else func.count()
            for f in filters
        ]
        row = (await self._db.execute(select(*figures).select_from(tasks)
                                      .where(visible_to(scope)))).one()
        return [int(value) for value in row]

    async def search(
        self, *, scope: Scope, filter: TicketFilter, limit: int, offset: int,
        order: TicketOrder = TicketOrder.UPDATED,
    ) -> TicketPage:
        where = and_(visible_to(scope), *matching(filter))
        total = (await self._db.execute(select(func.count()).select_from(tasks).where(where)))
        query = (
            select(tasks)
            .where(where)
            .order_by(*_ORDERS[order])
            .limit(limit)
            .offset(offset)
        )
        rows = (await self._db.execute(query)).mappings()
        return TicketPage(
            tickets=tuple(readable_values(Ticket, rows)),
            total=total.scalar_one(),
            offset=offset,
            limit=limit,
        )

    async def held_counts(self, *, scope: Scope, filter: TicketFilter) -> list[HeldCount]:
        team_queued = tasks.c.assignee_type == AssigneeType.TEAM.value
        user = case((team_queued, None), else_=tasks.c.assignee_id).label("user")
        team = case((team_queued, tasks.c.assignee_team_id), else_=None).label("team")
        count = func.count().label("count")
        query = (
            select(user, team, count)
            .where(and_(visible_to(scope), *matching(filter)))
            .group_by(user, team)
        )
        return [HeldCount(Assignee.team(row.team) if row.team is not None else (
                    Assignee.user(row.user) if row.user is not None else None), row.count)
                for row in (await self._db.execute(query))]
