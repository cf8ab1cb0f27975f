"""A channel opts in to a daily digest in chat; a bad time or zone is refused and saves nothing."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_channel_digests
from tests.e2e.service import Service
from tests.integration.builders import insert_user


async def _digests(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int(await connection.scalar(select(func.count()).select_from(bot_channel_digests)))


async def test_a_manager_subscribes_a_channel_to_a_daily_digest_and_stops_it(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="manager", email="mona@example.com")
    await insert_user(engine, role="user", email="ada@example.com")
    mona = service.person("mona@example.com", "Mona Manager")
    ada = service.person("ada@example.com", "Ada Lovelace")

    refused = await service.say_in_channel("subscribe digest 09:00 Europe/Paris", user=ada)
    assert "only admins or managers" in refused.texts[0]
    for bad, says in (
        ("subscribe digest 9:00 Paris", "'Paris' is not a time zone I know"),
        ("subscribe digest 25:00 Europe/Paris", "'25:00' is not a time of day"),
        ("subscribe digest Europe/Paris", "say when"),
        ("subscribe to the daily digest at 9am", "say which time zone"),
    ):
        answer = await service.say_in_channel(bad, user=mona)
        assert says in answer.texts[0], bad
    assert await _digests(engine) == 0

    done = await service.say_in_channel(
        "subscribe to the daily digest at 9 am europe/paris", user=mona
    )
    assert "every day at 09:00 Europe/Paris" in done.texts[0]
    assert "nothing on a day with nothing due" in done.texts[0]
    listed = await service.say_in_channel("subscriptions", user=mona)
    assert "daily digest at 09:00 Europe/Paris" in listed.texts[0]
    moved = await service.say_in_channel("subscribe digest 17:30 America/New_York", user=mona)
    assert "17:30 America/New_York" in moved.texts[0]
    assert await _digests(engine) == 1

    stopped = await service.say_in_channel("unsubscribe digest", user=mona)
    assert stopped.texts == ["#Printers gets no more daily digests."]
    assert await _digests(engine) == 0
    again = await service.say_in_channel("unsubscribe digest", user=mona)
    assert again.texts == ["#Printers had no daily digest."]
