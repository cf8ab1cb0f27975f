"""Hostile chat input is answered plainly and cheaply: long numbers, walls of search words,
invisible titles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, texts_in, user_in_teams

DIGITS_4301 = "9" * 4301
INVISIBLE_TITLE = "\u200b\u2060\ufeff\u200b"


async def _count_tickets(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return (await connection.execute(select(func.count()).select_from(tasks))).scalar_one()


@pytest.mark.parametrize(("said", "echoed"), [
    (f"ticket {DIGITS_4301}", "99999999999999999999999…"),
    (f"assign {DIGITS_4301} to me", "99999999999999999999999…"),
    (f"please close #{DIGITS_4301}", "#9999999999999999999999…"),
    ("ticket 12345678901234", "12345678901234"),
    ("#99999999999", "TKT-2026-99999999999"),
    (f"what's up with tkt-2026-{DIGITS_4301}?", "TKT-2026-99999999999999…"),
])
async def test_a_ticket_reference_longer_than_any_ticket_number_is_a_ticket_i_cannot_find(
    service: Service, engine: AsyncEngine, said: str, echoed: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    turn = await service.say(said, user=ada)  # `say` has checked the HTTP answer is 200

    assert len(turn.texts) == 1 and not turn.cards, turn.texts
    answer = turn.texts[0]
    expected = echoed.replace("-2026-", f"-{datetime.now(UTC).year}-")  # a bare #N is this year's
    assert answer.startswith(f"I can't find ticket {expected}."), answer
    assert len(answer) < 200


async def test_a_card_action_about_a_ticket_id_of_thousands_of_digits_is_refused_plainly(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    for verb in ("ticket.refresh", "ticket.status"):
        turn = await service.send(service.teams.card_action(
            verb, {"ticket_id": "7" * 4400, "status": "resolved"}, user=ada))
        assert turn.answer.status == 200, turn.answer.text
        body = turn.answer.json
        # Universal Actions' error answer: the client keeps its card and shows why.
        assert body["type"] == "application/vnd.microsoft.error"
        assert 400 <= body["statusCode"] < 500
        assert "ticket" in body["value"]["message"] and len(turn.answer.text) < 400


async def test_a_chat_search_longer_than_the_rest_cap_is_refused_with_the_limit(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    words = " ".join(f"w{index}" for index in range(10_000))

    turn = await service.say(f"tickets {words}", user=ada)

    assert turn.texts[0].startswith("That search won't work: keep it to 200 characters")


async def test_a_chat_search_of_200_characters_still_searches(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    turn = await service.say(f"tickets {'printer ' * 24}{'x' * 7}", user=ada)

    assert not turn.texts or "won't work" not in turn.texts[0]
    assert turn.cards


async def test_a_title_of_invisible_characters_creates_no_ticket_from_chat(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    await service.say(f"new ticket {INVISIBLE_TITLE}", user=ada)
    form = await service.press("ticket.create", {"title": INVISIBLE_TITLE,
                                                 "category": "support"}, user=ada)

    assert "title" in texts_in(form).lower()
    assert await _count_tickets(engine) == 0
