"""Daily channel digests on an injected clock: once per local day, across restarts and workers."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.notification import NotificationCardSet
from db.engine import create_engine
from db.repositories.conversation_refs import SqlConversationRefs
from db.repositories.digests import SqlDigestStore
from db.repositories.notification_facts import notice_facts_reader
from db.uow import SqlUnitOfWork
from db.tables import bot_channel_digests, bot_digest_runs, tasks
from domain.chat import TeamsChannel
from domain.services.digests import subscribe_digest, unsubscribe_digest
from domain.services.subscriptions import channel_notifications
from domain.errors import InvalidValue, NotAllowed
from notify.digests import DailyDigests
from notify.ports import SendFailed
from tests.actors import as_actor
from tests.integration.builders import insert_team, insert_ticket, insert_user
from tests.integration.notify.conftest import LINKS, TEAM, Clock, RecordingMessenger, bot_in_channel
from tests.unit.bot.cards.reading import texts
from tests.unit.bot.cards.schema import assert_valid_card

CHANNEL = "19:desk@thread.tacv2"
WINTER_MORNING = datetime(2026, 12, 2, 7, 0)  # 08:00 in Paris (UTC+1)
SUMMER_MORNING = datetime(2026, 7, 2, 6, 0)  # 08:00 in Paris (UTC+2)


def a_process(
    engine: AsyncEngine, clock: Clock, messenger: RecordingMessenger
) -> DailyDigests:
    """What each `serve` or `ticketflow worker` runs (a new one is a restart)."""
    return DailyDigests(
        store=SqlDigestStore(engine),
        facts=notice_facts_reader(engine),
        messenger=messenger,
        refs=SqlConversationRefs(engine),
        cards=NotificationCardSet(),
        links=LINKS,
        clock=clock,
    )


async def _subscribe(engine: AsyncEngine, user: str, at: str, zone: str) -> None:
    await subscribe_digest(
        uow=SqlUnitOfWork(engine), actor=as_actor(user),
        channel=TeamsChannel(TEAM, CHANNEL, msteams_team_name="Acme", channel_name="Service desk"),
        at=at, zone=zone,
    )


async def _due(engine: AsyncEngine, ticket: int, when: datetime, status: str = "open") -> None:
    async with engine.begin() as connection:
        await connection.execute(
            update(tasks).where(tasks.c.id == ticket).values(due_date=when, status=status)
        )


async def _desk(engine: AsyncEngine, clock: Clock) -> dict[str, int]:
    """The Desk team's manager subscribes; tickets due around `clock.now`, some not theirs."""
    manager = await insert_user(engine, role="manager")
    agent = await insert_user(engine, role="user")
    outsider = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    team = await insert_team(engine, "Desk", manager, agent)
    await bot_in_channel(engine, channel=CHANNEL)
    await _subscribe(engine, manager, "09:00", "Europe/Paris")
    now = clock.now
    tickets = {
        "overdue": await insert_ticket(
            engine, created_by=customer, assignee_id=agent, title="VPN drops on hotel wifi"
        ),
        "today": await insert_ticket(
            engine, created_by=customer, assignee_type="team", assignee_team_id=team,
            title="Printer on floor 3 jams",
        ),
        "tomorrow": await insert_ticket(engine, created_by=customer, assignee_id=agent),
        "resolved": await insert_ticket(engine, created_by=customer, assignee_id=agent),
        "hidden": await insert_ticket(engine, created_by=customer, assignee_id=outsider),
    }
    await _due(engine, tickets["overdue"], now - timedelta(days=2))
    await _due(engine, tickets["today"], now + timedelta(hours=6))
    await _due(engine, tickets["tomorrow"], now + timedelta(days=1, hours=2))
    await _due(engine, tickets["resolved"], now - timedelta(hours=3), status="resolved")
    await _due(engine, tickets["hidden"], now - timedelta(hours=1))
    return tickets


async def _numbers(engine: AsyncEngine, ids: list[int]) -> list[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(tasks.c.ticket_number).where(tasks.c.id.in_(ids)).order_by(tasks.c.id)
        )
        return list(rows.scalars())


async def test_a_channel_gets_its_overdue_and_due_today_tickets_once_at_its_local_time(
    engine: AsyncEngine,
) -> None:
    clock = Clock(WINTER_MORNING)
    tickets = await _desk(engine, clock)
    messenger = RecordingMessenger()

    assert await a_process(engine, clock, messenger).run_once() == 0  # 08:00 in Paris
    clock.advance(timedelta(minutes=59).total_seconds())
    assert await a_process(engine, clock, messenger).run_once() == 0  # 08:59
    clock.advance(60)
    assert await a_process(engine, clock, messenger).run_once() == 1  # 09:00

    [(kind, where, card)] = messenger.calls
    assert (kind, where) == ("post", CHANNEL)
    assert_valid_card(card)
    text = "\n".join(texts(card))
    overdue, today = await _numbers(engine, [tickets["overdue"], tickets["today"]])
    assert "Due tickets for Wednesday 2 December 2026" in text
    assert text.index("Overdue (1)") < text.index(overdue) < text.index("Due today (1)")
    assert text.index("Due today (1)") < text.index(today)
    assert "overdue by 2 d" in text and "due in 5 h" in text and "team Desk" in text
    for left_out in await _numbers(
        engine, [tickets["tomorrow"], tickets["resolved"], tickets["hidden"]]
    ):
        assert left_out not in text

    clock.advance(timedelta(hours=5).total_seconds())
    assert await a_process(engine, clock, messenger).run_once() == 0, "once a day, even restarted"
    clock.advance(timedelta(hours=19).total_seconds())  # 09:00 the next day
    assert await a_process(engine, clock, messenger).run_once() == 1
    assert len(messenger.calls) == 2


async def test_two_workers_at_the_same_minute_post_one_digest(engine: AsyncEngine) -> None:
    clock = Clock(WINTER_MORNING + timedelta(hours=1))
    await _desk(engine, clock)
    messenger = RecordingMessenger()
    other_engine = create_engine(str(engine.url.render_as_string(hide_password=False)))
    try:
        posted = await asyncio.gather(
            a_process(engine, clock, messenger).run_once(),
            a_process(other_engine, clock, messenger).run_once(),
        )
    finally:
        await other_engine.dispose()

    assert sorted(posted) == [0, 1]
    assert [kind for kind, _, _ in messenger.calls] == ["post"]


async def test_the_time_follows_daylight_saving_in_the_channels_zone(engine: AsyncEngine) -> None:
    clock = Clock(SUMMER_MORNING + timedelta(minutes=59))  # 08:59 in Paris in July
    await _desk(engine, clock)
    messenger = RecordingMessenger()

    assert await a_process(engine, clock, messenger).run_once() == 0
    clock.advance(60)  # 07:00 UTC, 09:00 in Paris
    assert await a_process(engine, clock, messenger).run_once() == 1


async def test_a_day_with_nothing_due_sends_nothing_and_is_not_tried_again(
    engine: AsyncEngine,
) -> None:
    clock = Clock(WINTER_MORNING + timedelta(hours=2))
    manager = await insert_user(engine, role="manager")
    await bot_in_channel(engine, channel=CHANNEL)
    await _subscribe(engine, manager, "9am", "europe/paris")
    messenger = RecordingMessenger()

    assert await a_process(engine, clock, messenger).run_once() == 0
    assert await a_process(engine, clock, messenger).run_once() == 0
    assert messenger.calls == []
    async with engine.connect() as connection:
        assert list(await connection.execute(select(bot_digest_runs.c.status))) == [("empty",)]


async def test_a_post_teams_refuses_for_now_is_tried_again_later_the_same_day(
    engine: AsyncEngine,
) -> None:
    clock = Clock(WINTER_MORNING + timedelta(hours=2))
    await _desk(engine, clock)
    messenger = RecordingMessenger(fail_next={"post": SendFailed("throttled", retry_after=120)})

    assert await a_process(engine, clock, messenger).run_once() == 0
    clock.advance(60)
    assert await a_process(engine, clock, messenger).run_once() == 0, "Retry-After not over"
    clock.advance(120)
    assert await a_process(engine, clock, messenger).run_once() == 1
    assert [kind for kind, _, _ in messenger.calls] == ["post"]


async def test_a_process_that_died_while_posting_leaves_the_day_to_another_after_its_lease(
    engine: AsyncEngine,
) -> None:
    clock = Clock(WINTER_MORNING + timedelta(hours=2))
    await _desk(engine, clock)
    store = SqlDigestStore(engine)
    [digest] = await store.schedules()
    day = clock.now.date()
    assert await store.claim(
        digest, day, now=clock.now, lease_until=clock.now + timedelta(minutes=5), max_attempts=5
    )  # …and the process dies here
    messenger = RecordingMessenger()

    assert await a_process(engine, clock, messenger).run_once() == 0
    clock.advance(timedelta(minutes=5).total_seconds())
    assert await a_process(engine, clock, messenger).run_once() == 1


@pytest.mark.parametrize(
    ("at", "zone", "field"),
    [
        ("25:00", "Europe/Paris", "time"),
        ("9:75", "Europe/Paris", "time"),
        ("noonish", "Europe/Paris", "time"),
        ("13pm", "Europe/Paris", "time"),
        ("09:00", "Mars/Olympus_Mons", "time_zone"),
        ("09:00", "CEST", "time_zone"),
        ("09:00", None, "time_zone"),
        (None, "Europe/Paris", "time"),
    ],
)
async def test_a_bad_time_or_zone_is_refused_and_saves_nothing(
    engine: AsyncEngine, at: str | None, zone: str | None, field: str
) -> None:
    manager = await insert_user(engine, role="manager")

    with pytest.raises(InvalidValue) as refused:
        await _subscribe(engine, manager, at or "", zone or "")

    assert refused.value.field == field
    async with engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(bot_channel_digests)) == 0


async def test_only_managers_and_admins_subscribe_a_channel_and_unsubscribing_stops_it(
    engine: AsyncEngine,
) -> None:
    agent = await insert_user(engine, role="user")
    admin = await insert_user(engine, role="admin")
    with pytest.raises(NotAllowed):
        await _subscribe(engine, agent, "09:00", "Europe/Paris")

    await _subscribe(engine, admin, "17:30", "America/New_York")
    await _subscribe(engine, admin, "08:15", "Asia/Kolkata")  # a second one replaces it
    digest = (await channel_notifications(
        uow=SqlUnitOfWork(engine), actor=as_actor(admin), channel=TeamsChannel(TEAM, CHANNEL)
    )).digest
    assert digest is not None and digest.schedule.label() == "08:15 Asia/Kolkata"
    assert await unsubscribe_digest(
        uow=SqlUnitOfWork(engine), actor=as_actor(admin), channel=TeamsChannel(TEAM, CHANNEL)
    )
    assert not await unsubscribe_digest(
        uow=SqlUnitOfWork(engine), actor=as_actor(admin), channel=TeamsChannel(TEAM, CHANNEL)
    )


async def test_an_unexpected_failure_while_posting_is_logged_and_tried_again_a_minute_later(
    engine: AsyncEngine,
) -> None:
    clock = Clock(WINTER_MORNING + timedelta(hours=2))
    await _desk(engine, clock)
    messenger = RecordingMessenger(fail_next={"post": RuntimeError("connector client broke")})

    assert await a_process(engine, clock, messenger).run_once() == 0
    async with engine.connect() as connection:
        [(status, error)] = list(
            await connection.execute(select(bot_digest_runs.c.status, bot_digest_runs.c.last_error))
        )
    assert (status, error) == ("sending", "RuntimeError: connector client broke")
    clock.advance(60)
    assert await a_process(engine, clock, messenger).run_once() == 1
