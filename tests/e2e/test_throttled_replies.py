"""A turn's reply that Teams throttles for long, or that the connector fails, is queued in
the outbox: the inbound activity is answered 200, nothing is dropped, no apology is sent
into the throttled conversation, and the reply goes out when Teams allows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.queued_replies import make_due, queued_replies, wait_for_statuses
from tests.e2e.service import Service, card_of, texts_in, user_in_teams
from tests.e2e.teams_doubles.connector import ConnectorStandIn

REPLIES = ("send", "reply")


def _posts(connector: ConnectorStandIn) -> list[int]:
    return [call.status for call in connector.calls if call.operation in REPLIES]


def _apologies(connector: ConnectorStandIn) -> list[str]:
    return [text for text in connector.texts() if text and "went wrong" in text]


def _shown(activity: dict[str, Any]) -> tuple[str | None, str | None]:
    card = card_of(activity)
    return activity.get("text"), texts_in(card) if card else None


async def _answer_to(service: Service, text: str) -> list[tuple[str | None, str | None]]:
    """What the bot says to `text` when Teams takes it at once, for comparison."""
    turn = await service.say(text, user=service.users["ada@example.com"])
    assert turn.sent
    return [_shown(activity) for activity in turn.sent]


def _last_shown(
    connector: ConnectorStandIn, count: int
) -> list[tuple[str | None, str | None]]:
    return [_shown(activity) for activity in connector.sent_activities()[-count:]]


@pytest.mark.parametrize("retry_after", ["60", "3600"])
async def test_a_reply_throttled_for_a_minute_is_queued_and_sent_once_teams_allows(
    service: Service, engine: AsyncEngine, retry_after: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    expected = await _answer_to(service, "what can you do?")
    connector = service.connector
    before = len(connector.calls)
    connector.fail_next(429, retry_after=retry_after, operations=REPLIES)

    turn = await service.send(service.teams.personal_message("what can you do?", user=ada))

    assert turn.answer.status == 200, turn.answer.text
    assert _posts_since(connector, before) == [429]  # one try, no apology after it
    [queued] = await queued_replies(engine)
    assert queued["status"] == "pending" and queued["ticket_id"] is None
    assert queued["next_attempt_at"] - queued["created_at"] >= timedelta(
        seconds=float(retry_after) - 1
    )
    assert "429" in queued["last_error"]

    await make_due(engine)  # the Retry-After has passed
    await wait_for_statuses(engine, ["delivered"])

    assert _posts_since(connector, before) == [429, 200]
    assert _last_shown(connector, len(expected)) == expected
    assert not _apologies(connector)


async def test_a_queued_reply_keeps_its_tenant_so_it_is_paced_in_that_tenants_budget(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    service.connector.fail_next(429, retry_after="60", operations=REPLIES)

    await service.send(service.teams.personal_message("what can you do?", user=ada))

    [queued] = await queued_replies(engine)
    assert queued["payload"]["reference"]["conversation"]["tenantId"] == service.teams.tenant_id


@pytest.mark.parametrize(("status", "times"), [(500, 1), (503, 3), (502, 5)])
async def test_a_reply_the_connector_fails_is_queued_and_retried_until_it_is_taken(
    service: Service, engine: AsyncEngine, status: int, times: int
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    expected = await _answer_to(service, "help")
    connector = service.connector
    before = len(connector.calls)
    connector.fail_next(status, times=times, operations=REPLIES)

    turn = await service.send(service.teams.personal_message("help", user=ada))

    assert turn.answer.status == 200, turn.answer.text
    assert not _apologies(connector)
    while _posts_since(connector, before)[-1] != 200:
        seen = len(connector.calls)
        await make_due(engine)  # the backoff passes; the worker tries again
        await connector.wait_until(lambda c: len(c.calls) > seen, timeout=15)
    await wait_for_statuses(engine, ["delivered"])
    assert _posts_since(connector, before)[-1] == 200
    assert _last_shown(connector, len(expected)) == expected
    assert not _apologies(connector)


@pytest.mark.parametrize("status", [400, 413])
async def test_a_reply_teams_refuses_as_it_is_is_dead_lettered_and_not_retried(
    service: Service, engine: AsyncEngine, status: int
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    connector = service.connector
    connector.fail_next(status, operations=REPLIES)

    turn = await service.send(service.teams.personal_message("help", user=ada))

    assert turn.answer.status == 200, turn.answer.text
    assert _posts_since(connector, 0) == [status]
    [dead] = await queued_replies(engine)
    assert dead["status"] == "dead" and str(status) in dead["last_error"]
    assert dead["payload"]["activities"]  # kept, for the record
    await make_due(engine)  # only pending rows are ever due: a dead one stays dead
    assert (await queued_replies(engine))[0]["status"] == "dead"
    assert not _apologies(connector)


def _posts_since(connector: ConnectorStandIn, before: int) -> list[int]:
    return [c.status for c in connector.calls[before:] if c.operation in REPLIES]
