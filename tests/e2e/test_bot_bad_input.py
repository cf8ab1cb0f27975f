"""Hostile chat input is answered plainly and cheaply: long numbers, walls of search words,
invisible titles."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, texts_in
from tests.integration.builders import insert_user

DIGITS_4301 = "9" * 4301
INVISIBLE_TITLE = "\u200b\u2060\ufeff\u200b"


async def _count_tickets(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return (await connection.execute(select(func.count()).select_from(tasks))).scalar_one()


async def test_a_ticket_reference_of_thousands_of_digits_gets_a_short_answer_not_an_error(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")

    shown = await service.say(f"ticket {DIGITS_4301}", user=ada)
    assigned = await service.say(f"assign {DIGITS_4301} to me", user=ada)

    for turn in (shown, assigned):  # `say` has checked the HTTP answer is 200
        assert turn.texts and "went wrong" not in turn.texts[0], turn.texts
        assert len(turn.texts[0]) < 200


async def test_a_card_action_about_a_ticket_id_of_thousands_of_digits_is_refused_plainly(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")

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
    await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    words = " ".join(f"w{index}" for index in range(10_000))

    turn = await service.say(f"tickets {words}", user=ada)

    assert turn.texts[0].startswith("That search won't work: keep it to 200 characters")


async def test_a_chat_search_of_200_characters_still_searches(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")

    turn = await service.say(f"tickets {'printer ' * 24}{'x' * 7}", user=ada)

    assert not turn.texts or "won't work" not in turn.texts[0]
    assert turn.cards


async def test_a_title_of_invisible_characters_creates_no_ticket_from_chat(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")

    await service.say(f"new ticket {INVISIBLE_TITLE}", user=ada)
    form = await service.press("ticket.create", {"title": INVISIBLE_TITLE,
                                                 "category": "support"}, user=ada)

    assert "title" in texts_in(form).lower()
    assert await _count_tickets(engine) == 0
