"""Over HTTP, "tomorrow" and "due today" are the sender's days: someone in Seattle at 17:10
on Monday 7 December (already Tuesday 01:10 in UTC) who says "due tomorrow" means Tuesday,
in a message and from a list card's button alike.

The bot's clock is pinned at that moment, where it reads the day (`bot.sender_day`) and
where a list is drawn (`bot.presenter`): nothing here depends on the machine's clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import presenter, sender_day
from tests.e2e.service import Service, texts_in, user_id_of, user_in_teams
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.e2e.test_filing_for_a_team import finish_the_dialog, stored
from tests.integration.builders import insert_ticket

MONDAY_EVENING_IN_SEATTLE = datetime(2026, 12, 8, 1, 10)  # UTC
SEATTLE = {"localTimezone": "America/Los_Angeles", "localTimestamp": "2026-12-07T17:10:00-08:00"}


@pytest.fixture(autouse=True)
def _monday_evening_in_seattle(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (sender_day, presenter):
        monkeypatch.setattr(module, "utcnow", lambda: MONDAY_EVENING_IN_SEATTLE)


def from_seattle(activity: dict[str, Any], **zone: Any) -> dict[str, Any]:
    activity.update(zone or SEATTLE)
    return activity


async def say(service: Service, text: str, user: TeamsUser, **zone: Any) -> Any:
    turn = await service.send(from_seattle(service.teams.personal_message(text, user=user), **zone))
    assert turn.answer.status == 200, turn.answer.text
    return turn


async def test_a_ticket_filed_due_tomorrow_in_the_evening_is_due_the_next_local_day(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await say(service, "new ticket due tomorrow: renew the certificate", ada)
    for answer in ("skip", "Incident", "High"):  # the questions left, from Seattle too
        await say(service, answer, ada)
    [row] = await stored(engine)
    assert row["title"] == "Renew the certificate"
    assert row["due_date"] == datetime(2026, 12, 8)  # Tuesday, all day; UTC's would be Wednesday


@pytest.mark.parametrize(("zone", "due"), [
    (SEATTLE, datetime(2026, 12, 8)),
    ({"localTimezone": "Nowhere/Else", "localTimestamp": "2026-12-07T17:10:00-08:00"},
     datetime(2026, 12, 8)),  # the offset still says where
    ({"localTimezone": None, "localTimestamp": None}, datetime(2026, 12, 9)),  # UTC, as before
    ({"localTimezone": "../../etc/localtime"}, datetime(2026, 12, 9)),
], ids=["seattle", "unknown-zone-with-offset", "neither", "a-path-for-a-zone"])
async def test_a_due_date_changed_to_tomorrow_is_the_senders_tomorrow(
    service: Service, engine: AsyncEngine, zone: dict[str, Any], due: datetime
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number="TKT-2026-0008")
    turn = await say(service, "make TKT-2026-0008 due tomorrow", max_, **zone)
    assert any("TKT-2026-0008" in text for text in turn.texts + [texts_in(c) for c in turn.cards])
    [row] = [r for r in await stored(engine) if r["id"] == ticket]
    assert row["due_date"] == due


async def test_a_list_button_for_what_is_due_today_lists_the_senders_today(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    max_id = await user_id_of(engine, "max@example.com")
    await insert_ticket(engine, created_by=max_id, title="Due Monday",
                        due_date=datetime(2026, 12, 7))
    await insert_ticket(engine, created_by=max_id, title="Due Tuesday",
                        due_date=datetime(2026, 12, 8))
    asked = await say(service, "what's due today?", max_)
    assert "Due Monday" in texts_in(asked.card) and "Due Tuesday" not in texts_in(asked.card)

    pressed = from_seattle(service.teams.card_action(
        "tickets.page", {"query": {"kind": "search", "due": "today"}, "offset": 0}, user=max_))
    shown = texts_in((await service.send(pressed)).card)
    assert "Due Monday" in shown and "Due Tuesday" not in shown

    utc = service.teams.card_action(
        "tickets.page", {"query": {"kind": "search", "due": "today"}, "offset": 0}, user=max_)
    utc.pop("localTimezone")
    utc.pop("localTimestamp")
    shown = texts_in((await service.send(utc)).card)  # no zone sent: UTC's Tuesday
    assert "Due Tuesday" in shown and "Due Monday" not in shown


@pytest.mark.parametrize("zone", [
    {"localTimestamp": "garbage"},
    {"localTimestamp": "2026-12-07T17:10:00+99:00"},
    {"localTimestamp": 1765156200},
    {"localTimestamp": {"at": "2026-12-07T17:10:00-08:00"}},
    {"localTimezone": "Nowhere/Else", "localTimestamp": "2026-12-07T17:10:00+15:00"},
    {"localTimezone": "localtime", "localTimestamp": "not a time"},
    {"localTimezone": 5},
    {"localTimezone": "x" * 5000},
], ids=["garbage", "offset-of-99-hours", "a-number", "an-object", "15-hours-ahead",
        "the-servers-zone", "a-number-for-a-zone", "a-long-zone"])
async def test_a_local_time_that_says_nothing_usable_is_utcs_day_and_still_answered(
    service: Service, engine: AsyncEngine, zone: dict[str, Any]
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number="TKT-2026-0008")
    activity = service.teams.personal_message("make TKT-2026-0008 due tomorrow", user=max_)
    activity.pop("localTimezone")
    turn = await service.send(from_seattle(activity, **zone))
    assert turn.answer.status == 200, turn.answer.text
    [row] = [r for r in await stored(engine) if r["id"] == ticket]
    assert row["due_date"] == datetime(2026, 12, 9)  # UTC's tomorrow, as before
