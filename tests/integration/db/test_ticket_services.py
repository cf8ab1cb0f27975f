"""Ticket use cases against a real database: history and changes commit together or not at all."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, task_history, tasks
from db.uow import SqlUnitOfWork
from domain.errors import InvalidValue, NotAllowed, StaleTicket, TeamNotFound
from domain.events import EventType, TicketEvent
from domain.services import tickets as ticket_services
from domain.services.queries import get_ticket, list_tickets, ticket_history
from domain.tickets import Assignee, TicketFilter, TicketStatus, deadline
from tests.integration.builders import insert_team, insert_ticket, insert_user
from tests.actors import as_actor


class RecordingSink:
    def __init__(self, seen: list[TicketEvent], *, fail: bool = False) -> None:
        self.seen, self.fail = seen, fail

    async def record(self, events: list[TicketEvent]) -> None:
        if self.fail:
            raise RuntimeError("the process died before commit")
        self.seen.extend(events)


async def count(engine: AsyncEngine, table: object) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(select(func.count()).select_from(table))).scalar_one())  # type: ignore[arg-type]


async def test_a_ticket_goes_through_its_life_with_history_and_events(engine: AsyncEngine) -> None:
    events: list[TicketEvent] = []

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, event_sink=lambda _c: RecordingSink(events))

    admin = await insert_user(engine, role="admin")
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    team = await insert_team(engine, "Desk", agent)

    ticket = await ticket_services.create_ticket(
        uow=uow(), actor=as_actor(customer), title="  VPN drops  every hour ", category="Incident",
        priority="high", due_date="2030-01-31", tags="vpn, network, vpn",
    )
    assert ticket.title == "VPN drops every hour"
    assert ticket.tags == ("vpn", "network")
    queued = await ticket_services.update_ticket(  # new tickets are triaged by an admin
        uow=uow(), actor=as_actor(admin), ticket=ticket.ticket_number, assignee=Assignee.team(team)
    )
    mine = await ticket_services.update_ticket(
        uow=uow(), actor=as_actor(agent), ticket=ticket.id, assignee=Assignee.user(agent),
        expected_version=queued.version,
    )
    assert mine.assignee_team_id is None and mine.assignee_id == agent
    resolved = await ticket_services.update_ticket(
        uow=uow(), actor=as_actor(agent), ticket=ticket.id, status="resolved"
    )
    assert resolved.resolved_at is not None
    await ticket_services.comment_on_ticket(
        uow=uow(), actor=as_actor(customer), ticket=ticket.id, content="Still broken on hotel wifi"
    )
    reopened = await ticket_services.update_ticket(
        uow=uow(), actor=as_actor(customer), ticket=ticket.id, status="open"
    )
    assert reopened.status is TicketStatus.OPEN and reopened.resolved_at is None

    history = await ticket_history(uow=uow(), actor=as_actor(agent), ticket=ticket.id)
    assert [(h.action.value, h.field, h.old_value, h.new_value) for h in history] == [
        ("created", None, None, ticket.ticket_number),
        ("assigned", "assignee", None, f"team:{team}"),  # by the admin
        ("assigned", "assignee", f"team:{team}", agent),
        ("status_changed", "status", "open", "resolved"),
        ("commented", "comment", None, "Still broken on hotel wifi"),
        ("status_changed", "status", "resolved", "open"),
    ]
    assert [e.type for e in events] == [
        EventType.CREATED, EventType.ASSIGNED, EventType.ASSIGNED, EventType.STATUS_CHANGED,
        EventType.COMMENTED, EventType.STATUS_CHANGED,
    ]
    mine_page = await list_tickets(
        uow=uow(), actor=as_actor(agent), filter=TicketFilter(assignee_id=agent, text="hotel vpn")
    )
    assert mine_page.total == 0  # "hotel" is in a comment, not the ticket
    found = await list_tickets(uow=uow(), actor=as_actor(agent), filter=TicketFilter(text="VPN HOUR"))
    assert [t.id for t in found.tickets] == [ticket.id]


async def test_a_crash_before_commit_leaves_no_ticket_and_no_history(engine: AsyncEngine) -> None:
    agent = await insert_user(engine, role="user")
    with pytest.raises(RuntimeError):
        await ticket_services.create_ticket(
            uow=SqlUnitOfWork(engine, event_sink=lambda _c: RecordingSink([], fail=True)),
            actor=as_actor(agent), title="Lost?", category="bug",
        )
    assert await count(engine, tasks) == 0
    assert await count(engine, task_history) == 0


async def test_refused_invalid_and_stale_changes_write_nothing(engine: AsyncEngine) -> None:
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    ticket = await ticket_services.create_ticket(
        uow=SqlUnitOfWork(engine), actor=as_actor(customer), title="Printer", category="support"
    )
    team = await insert_team(engine, "Desk", agent)
    admin = await insert_user(engine, role="admin")
    ticket = await ticket_services.update_ticket(
        uow=SqlUnitOfWork(engine), actor=as_actor(admin), ticket=ticket.id, assignee=Assignee.team(team)
    )
    before = await count(engine, task_history)
    with pytest.raises(NotAllowed):
        await ticket_services.update_ticket(
            uow=SqlUnitOfWork(engine), actor=as_actor(customer), ticket=ticket.id, assignee=Assignee.user(agent)
        )
    with pytest.raises(InvalidValue) as invalid:
        await ticket_services.update_ticket(
            uow=SqlUnitOfWork(engine), actor=as_actor(customer), ticket=ticket.id,
            fields={"title": "x" * 256},
        )
    assert invalid.value.field == "title"
    edited = await ticket_services.update_ticket(
        uow=SqlUnitOfWork(engine), actor=as_actor(customer), ticket=ticket.id,
        fields={"description": "Paper jam on tray 2"},
    )
    with pytest.raises(StaleTicket):
        await ticket_services.update_ticket(
            uow=SqlUnitOfWork(engine), actor=as_actor(agent), ticket=ticket.id, status="closed",
            expected_version=ticket.version,
        )
    with pytest.raises(InvalidValue):
        await ticket_services.comment_on_ticket(
            uow=SqlUnitOfWork(engine), actor=as_actor(customer), ticket=ticket.id, content="   "
        )
    assert await count(engine, task_history) == before + 1  # only the description edit
    assert await count(engine, task_comments) == 0
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert row["status"] == "open" and row["assignee_team_id"] == team
    assert row["description"] == "Paper jam on tray 2"
    assert row["updated_at"] == edited.updated_at


async def test_history_the_web_app_wrote_with_its_own_actions_stays_readable(
    engine: AsyncEngine,
) -> None:
    agent = await insert_user(engine, role="user")
    ticket = await ticket_services.create_ticket(
        uow=SqlUnitOfWork(engine), actor=as_actor(agent), title="Fan noise", category="bug"
    )
    async with engine.begin() as connection:
        await connection.execute(task_history.insert().values(
            task_id=ticket.id, user_id=agent, action="priority_changed", field="priority",
            old_value="medium", new_value="high"))
    history = await ticket_history(uow=SqlUnitOfWork(engine), actor=as_actor(agent), ticket=ticket.id)
    assert [entry.action.value for entry in history] == ["created", "priority_changed"]


async def test_one_update_is_one_transaction_with_its_history_and_events(
    engine: AsyncEngine,
) -> None:
    batches: list[list[TicketEvent]] = []

    class BatchSink:
        async def record(self, events: list[TicketEvent]) -> None:
            batches.append(list(events))

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, event_sink=lambda _c: BatchSink())

    admin = await insert_user(engine, role="admin")
    agent = await insert_user(engine, role="user")
    team = await insert_team(engine, "Desk", agent)
    ticket = await ticket_services.create_ticket(
        uow=uow(), actor=as_actor(admin), title="Scanner offline", category="incident")
    batches.clear()
    before = await count(engine, task_history)

    with pytest.raises(StaleTicket):  # one version check for every part
        await ticket_services.update_ticket(
            uow=uow(), actor=as_actor(admin), ticket=ticket.id, fields={"priority": "urgent"},
            status="in_progress", assignee=Assignee.team(team), expected_version="2020-01-01",
        )
    with pytest.raises(TeamNotFound):  # the last part fails: the first two are not kept
        await ticket_services.update_ticket(
            uow=uow(), actor=as_actor(admin), ticket=ticket.id, fields={"priority": "urgent"},
            status="in_progress", assignee=Assignee.team(team + 1000),
        )
    assert (await count(engine, task_history), batches) == (before, [])
    async with SqlUnitOfWork(engine).reading() as reading:
        assert await reading.tickets.get(ticket.id) == ticket

    updated = await ticket_services.update_ticket(
        uow=uow(), actor=as_actor(admin), ticket=ticket.id, fields={"priority": "urgent"},
        status="in_progress", assignee=Assignee.team(team), expected_version=ticket.version,
    )
    [batch] = batches  # handed to the outbox once, at the one commit
    assert [e.type for e in batch] == [
        EventType.ASSIGNED, EventType.UPDATED, EventType.STATUS_CHANGED]
    assert all(e.ticket == updated for e in batch)
    history = await ticket_history(uow=SqlUnitOfWork(engine).reading(), actor=as_actor(admin),
                                   ticket=ticket.id)
    assert [(h.action.value, h.field) for h in history][-3:] == [
        ("assigned", "assignee"), ("updated", "priority"), ("status_changed", "status")]
    assert await count(engine, task_history) == before + 3


async def test_tickets_held_by_any_of_several_count_only_the_column_their_type_selects(
    engine: AsyncEngine,
) -> None:
    admin = await insert_user(engine, role="admin")
    sam, lee = await insert_user(engine), await insert_user(engine)
    network, billing = await insert_team(engine, "Network"), await insert_team(engine, "Billing")
    sams = await insert_ticket(engine, created_by=admin, assignee_id=sam)
    lees = await insert_ticket(engine, created_by=admin, assignee_id=lee)
    queued = await insert_ticket(engine, created_by=admin, assignee_type="team",
                                 assignee_team_id=network)
    await insert_ticket(engine, created_by=admin, assignee_type="team", assignee_id=sam,
                        assignee_team_id=billing)  # a stale assignee_id grants nothing
    await insert_ticket(engine, created_by=admin)
    held = TicketFilter(held_by=(Assignee.user(sam), Assignee.user(lee), Assignee.team(network)))
    found = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(admin), filter=held)
    assert {t.id for t in found.tickets} == {sams, lees, queued}


async def test_a_delivery_files_one_ticket_however_often_its_turn_runs(engine: AsyncEngine) -> None:
    events: list[TicketEvent] = []

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, event_sink=lambda _c: RecordingSink(events))

    ada = as_actor(await insert_user(engine, role="user"))
    first = await ticket_services.create_ticket(
        uow=uow(), actor=ada, title="Screen is black", category="incident", delivery="d" * 64)
    again = await ticket_services.create_ticket(
        uow=uow(), actor=ada, title="Screen is black", category="incident", delivery="d" * 64)
    other = await ticket_services.create_ticket(
        uow=uow(), actor=ada, title="Screen is black", category="incident", delivery="e" * 64)
    unnamed = await ticket_services.create_ticket(
        uow=uow(), actor=ada, title="Screen is black", category="incident")

    assert again == first
    assert len({first.id, other.id, unnamed.id}) == 3
    assert await count(engine, tasks) == 3
    assert await count(engine, task_history) == 3
    assert [event.ticket.id for event in events] == [first.id, other.id, unnamed.id]


async def test_a_delivery_that_writes_twice_to_one_ticket_makes_each_write_once(
    engine: AsyncEngine
) -> None:
    """One turn resolving a ticket and then commenting on it, or assigning it and then
    moving it: the comment was a duplicate key in `bot_delivery_changes` (the turn failed
    after its first write) and the second change was skipped as made already. Run again
    (its process died after the commits), the turn writes nothing more."""
    admin = as_actor(await insert_user(engine, role="admin"))
    ticket = await ticket_services.create_ticket(
        uow=SqlUnitOfWork(engine), actor=admin, title="Screen is black", category="incident")
    turn = "t" * 64

    async def run_the_turn() -> None:
        await ticket_services.change_ticket(uow=SqlUnitOfWork(engine), actor=admin,
                                            ticket=ticket.id, status="resolved", delivery=turn)
        await ticket_services.comment_on_ticket(uow=SqlUnitOfWork(engine), actor=admin,
                                                ticket=ticket.id, content="Loose cable",
                                                delivery=turn)
        await ticket_services.change_ticket(uow=SqlUnitOfWork(engine), actor=admin,
                                            ticket=ticket.id, assignee=Assignee.user(admin.id),
                                            delivery=turn)
        await ticket_services.change_ticket(uow=SqlUnitOfWork(engine), actor=admin,
                                            ticket=ticket.id, status="closed",
                                            comment="Closing it", delivery=turn)
        # the same comment named twice ("comment on 4 and TKT-…-0004") is one comment
        await ticket_services.comment_on_ticket(uow=SqlUnitOfWork(engine), actor=admin,
                                                ticket=ticket.id, content="Loose cable",
                                                delivery=turn)

    await run_the_turn()
    written = (await count(engine, task_comments), await count(engine, task_history))
    await run_the_turn()

    stored = await get_ticket(uow=SqlUnitOfWork(engine), actor=admin, ticket=ticket.id)
    assert (stored.status.value, stored.assignee_id) == ("closed", admin.id)
    history = await ticket_history(uow=SqlUnitOfWork(engine), actor=admin, ticket=ticket.id)
    assert [(h.action.value, h.new_value) for h in history] == [
        ("created", ticket.ticket_number), ("status_changed", "resolved"),
        ("commented", "Loose cable"), ("assigned", admin.id), ("status_changed", "closed"),
        ("commented", "Closing it")]
    assert written == (2, 6)
    assert (await count(engine, task_comments), await count(engine, task_history)) == written


async def test_a_ticket_filed_for_a_team_is_stored_queued_with_its_history(
    engine: AsyncEngine
) -> None:
    events: list[TicketEvent] = []

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, event_sink=lambda _c: RecordingSink(events))

    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    network = await insert_team(engine, "Network", agent)
    filed = await ticket_services.create_ticket(
        uow=uow(), actor=as_actor(agent), title="Switch in room 4 is down", category="incident",
        assignee=Assignee.team(network), delivery="f" * 64)
    again = await ticket_services.create_ticket(  # the turn ran again after its commit
        uow=uow(), actor=as_actor(agent), title="Switch in room 4 is down", category="incident",
        assignee=Assignee.team(network), delivery="f" * 64)
    with pytest.raises(NotAllowed):
        await ticket_services.create_ticket(
            uow=uow(), actor=as_actor(customer), title="Printer jam", category="support",
            assignee=Assignee.team(network))

    assert again == filed
    stored = await get_ticket(uow=uow(), actor=as_actor(agent), ticket=filed.id)
    assert (stored.assignee_type.value, stored.assignee_team_id, stored.assignee_id) == (
        "team", network, None)
    history = await ticket_history(uow=uow(), actor=as_actor(agent), ticket=filed.id)
    assert [(h.action.value, h.field, h.new_value) for h in history] == [
        ("created", None, filed.ticket_number), ("assigned", "assignee", f"team:{network}")]
    assert await count(engine, tasks) == 1
    assert [(event.type, event.ticket.assignee) for event in events] == [
        (EventType.CREATED, Assignee.team(network))]


async def test_tickets_a_person_worked_on_are_those_they_filed_hold_commented_on_or_changed(
    engine: AsyncEngine,
) -> None:
    admin = await insert_user(engine, role="admin")
    jo, sam = await insert_user(engine), await insert_user(engine)
    network = await insert_team(engine, "Network", jo)
    recent, old = datetime(2026, 12, 1, 9), datetime(2026, 11, 20, 9)
    filed = await insert_ticket(engine, created_by=jo, updated_at=recent)
    held = await insert_ticket(engine, created_by=admin, assignee_id=jo, updated_at=recent)
    commented = await insert_ticket(engine, created_by=admin, assignee_id=sam, updated_at=recent)
    changed = await insert_ticket(engine, created_by=admin, assignee_id=sam, updated_at=recent)
    filed_long_ago = await insert_ticket(engine, created_by=jo, created_at=old, updated_at=old)
    # filed long ago, changed this week by someone else: not what she did this week
    moved_by_others = await insert_ticket(engine, created_by=jo, created_at=old, updated_at=recent)
    # commented on this week: a comment leaves the ticket's `updated_at` as it was
    commented_lately = await insert_ticket(engine, created_by=admin, assignee_id=sam,
                                           created_at=old, updated_at=old)
    commented_long_ago = await insert_ticket(engine, created_by=admin, assignee_id=sam,
                                             created_at=old, updated_at=recent)
    await insert_ticket(engine, created_by=admin, assignee_id=sam, updated_at=recent)  # not hers
    await insert_ticket(engine, created_by=admin, assignee_type="team", assignee_id=jo,
                        assignee_team_id=network, updated_at=recent)  # a stale assignee_id
    async with engine.begin() as connection:
        await connection.execute(task_comments.insert().values(
            task_id=commented, user_id=jo, content="rebooted it"))
        await connection.execute(task_comments.insert().values(
            task_id=commented_lately, user_id=jo, content="ordered the part"))
        await connection.execute(task_comments.insert().values(
            task_id=commented_long_ago, user_id=jo, content="looking", created_at=old))
        await connection.execute(task_history.insert().values(
            task_id=changed, user_id=jo, action="status_changed", field="status",
            old_value="open", new_value="resolved"))
        await connection.execute(task_history.insert().values(  # someone else's change
            task_id=held, user_id=sam, action="updated", field="priority"))
    ever = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(admin),
                              filter=TicketFilter(touched_by=jo))
    assert {t.id for t in ever.tickets} == {filed, held, commented, changed, filed_long_ago,
                                            moved_by_others, commented_lately,
                                            commented_long_ago}
    this_week = await list_tickets(
        uow=SqlUnitOfWork(engine), actor=as_actor(admin),
        filter=TicketFilter(touched_by=jo, touched_from=datetime(2026, 11, 30)))
    assert {t.id for t in this_week.tickets} == {filed, held, commented, changed,
                                                 commented_lately}
    seen_by_sam = await list_tickets(  # visibility still applies on top
        uow=SqlUnitOfWork(engine), actor=as_actor(sam), filter=TicketFilter(touched_by=jo))
    assert {t.id for t in seen_by_sam.tickets} == {commented, changed, commented_lately,
                                                   commented_long_ago}


async def test_tickets_filed_within_a_window_are_those_created_from_its_start_to_before_its_end(
    engine: AsyncEngine,
) -> None:
    """"tickets I opened last week": Monday 23 to Monday 30 November, by `created_at` alone."""
    admin = await insert_user(engine, role="admin")
    jo = await insert_user(engine)
    before = await insert_ticket(engine, created_by=jo, created_at=datetime(2026, 11, 22, 23, 59))
    first = await insert_ticket(engine, created_by=jo, created_at=datetime(2026, 11, 23),
                                updated_at=datetime(2026, 12, 1))
    last = await insert_ticket(engine, created_by=jo, created_at=datetime(2026, 11, 29, 23, 59))
    after = await insert_ticket(engine, created_by=jo, created_at=datetime(2026, 11, 30),
                                updated_at=datetime(2026, 11, 30))
    await insert_ticket(engine, created_by=admin, created_at=datetime(2026, 11, 24))  # not hers

    def filed(**window: datetime) -> TicketFilter:
        return TicketFilter(created_by=jo, **window)

    async def ids(filter: TicketFilter) -> set[int]:
        page = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(admin), filter=filter)
        return {t.id for t in page.tickets}

    last_week = filed(created_from=datetime(2026, 11, 23), created_before=datetime(2026, 11, 30))
    assert await ids(last_week) == {first, last}
    assert await ids(filed(created_from=datetime(2026, 11, 23))) == {first, last, after}
    assert await ids(filed(created_before=datetime(2026, 11, 23))) == {before}


async def test_a_persons_own_tickets_are_those_they_filed_or_hold_as_a_person(
    engine: AsyncEngine,
) -> None:
    admin = await insert_user(engine, role="admin")
    jo, sam = await insert_user(engine), await insert_user(engine)
    network = await insert_team(engine, "Network", jo)
    filed = await insert_ticket(engine, created_by=jo, assignee_id=sam, title="Outlook crashes")
    held = await insert_ticket(engine, created_by=admin, assignee_id=jo, title="Outlook search")
    await insert_ticket(engine, created_by=admin, assignee_id=sam, title="Outlook rules")
    await insert_ticket(engine, created_by=admin, assignee_type="team", assignee_id=jo,
                        assignee_team_id=network, title="Outlook add-in")  # a stale assignee_id
    await insert_ticket(engine, created_by=jo, title="Printer jam")
    page = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(jo),
                              filter=TicketFilter(filed_or_held_by=jo, text="outlook"))
    assert {t.id for t in page.tickets} == {filed, held}


@pytest.mark.parametrize("now", [
    datetime(2026, 12, 2, 15, 0), datetime(2026, 12, 2, 0, 0), datetime(2026, 12, 2, 23, 59),
], ids=str)
async def test_overdue_at_a_moment_is_what_its_card_calls_overdue(
    engine: AsyncEngine, now: datetime
) -> None:
    """"what's overdue?" at 15:00 left out a ticket due at 09:00, "overdue by 6 h" on its card."""
    admin = await insert_user(engine, role="admin")
    due = {
        "at nine": datetime(2026, 12, 2, 9, 0),
        "at midnight and a minute": datetime(2026, 12, 2, 0, 1),
        "all day today": datetime(2026, 12, 2), "all day yesterday": datetime(2026, 12, 1),
        "late yesterday": datetime(2026, 12, 1, 23, 59), "all day tomorrow": datetime(2026, 12, 3),
        "at six": datetime(2026, 12, 2, 18, 0),
    }
    ids = {await insert_ticket(engine, created_by=admin, title=title, due_date=when): title
           for title, when in due.items()}
    found = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(admin),
                               filter=TicketFilter(overdue_at=now))
    late = {title for title, when in due.items() if deadline(when) <= now}
    assert {ids[t.id] for t in found.tickets} == late
    assert {"all day yesterday", "late yesterday"} <= late and "all day today" not in late
