"""A new ticket due on a day already past is asked about before it is filed, as an edit is:
in chat ("new ticket due 2026-12-01: …"), and in the create and edit forms."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.forms import PAST_DUE_KEPT
from db.tables import tasks
from domain.clock import utcnow
from tests.e2e.service import Service, data, presses, texts_in, user_in_teams
from tests.integration.builders import insert_ticket, insert_user, this_years
from tests.unit.bot.cards.schema import assert_valid_card


async def _filed(engine: AsyncEngine) -> list[dict[str, object]]:
    async with engine.connect() as connection:
        return [dict(row) for row in (await connection.execute(select(tasks))).mappings()]


async def test_a_new_ticket_due_yesterday_is_asked_about_then_filed_due_then_once_confirmed(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    gone = utcnow().date() - timedelta(days=1)

    asked = await service.say(f"new ticket due {gone.isoformat()}: printer jams", user=ada)

    assert asked.texts[0].endswith("is in the past. Should the new ticket be due then?"), asked.texts
    assert await _filed(engine) == []
    [(label, press)] = presses(asked).items()
    assert label == "Yes"
    turn = await service.say(press, user=ada)
    assert any("Describe it" in text for text in turn.texts), turn.texts
    for answer in ("skip", "support", "low"):
        turn = await service.say(answer, user=ada)
    assert "Filed " in texts_in(turn.card)
    [row] = await _filed(engine)
    assert row["title"] == "Printer jams"
    due = row["due_date"]
    assert due is not None and due.date() == gone  # type: ignore[attr-defined]


async def test_no_to_a_past_due_date_files_nothing(service: Service, engine: AsyncEngine) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    gone = utcnow().date() - timedelta(days=3)

    await service.say(f"new ticket due {gone.isoformat()}: printer jams", user=ada)
    turn = await service.say("no", user=ada)

    assert turn.texts == ["OK, I won't change anything."], turn.texts
    assert await _filed(engine) == []


async def test_a_customer_filing_with_a_past_due_date_is_asked_too(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    gone = utcnow().date() - timedelta(days=2)

    asked = await service.say(f"new ticket due {gone.isoformat()}: vpn drops", user=cy)

    assert asked.texts[0].endswith("Should the new ticket be due then?"), asked.texts
    async with engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar_one() == 0


def _inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in card["body"] if str(e.get("type", "")).startswith("Input.")}


async def test_the_create_form_asks_about_a_past_due_date_and_its_box_keeps_it(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    gone = utcnow().date() - timedelta(days=4)
    values = {"title": "Badge reader at door 2 is dead", "category": "incident",
              "due_date": gone.isoformat()}

    form = await service.press("ticket.create", values, user=ada)

    assert "is in the past: tick the box to keep it, or pick another day." in texts_in(form)
    inputs = _inputs(form)
    assert inputs["due_date"]["value"] == gone.isoformat()
    assert inputs["title"]["value"] == "Badge reader at door 2 is dead"
    assert inputs[PAST_DUE_KEPT]["type"] == "Input.Toggle"
    assert_valid_card(form)
    assert await _filed(engine) == []

    card = await service.press("ticket.create", {**data(form, "ticket.create"), **values,
                                                 PAST_DUE_KEPT: "true"}, user=ada)
    assert "Filed " in texts_in(card)
    [row] = await _filed(engine)
    assert row["due_date"].date() == gone  # type: ignore[attr-defined]


async def test_the_create_form_files_a_due_date_still_ahead_without_asking(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    card = await service.press("ticket.create", {"title": "Projector in room 4",
                                                  "category": "request",
                                                  "due_date": (utcnow().date() + timedelta(
                                                      days=1)).isoformat()},
                               user=ada)

    assert "Filed " in texts_in(card)


async def test_create_ticket_from_a_message_asks_about_a_past_due_date_too(
    service: Service, engine: AsyncEngine
) -> None:
    service.teams.user = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    gone = utcnow().date() - timedelta(days=1)

    asked = await service.send(service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": "Wifi down", "category": "incident",
                         "due_date": gone.isoformat()}))

    task = asked.answer.json["task"]
    assert task["type"] == "continue"
    form = task["value"]["card"]["content"]
    assert "tick the box to keep it" in texts_in(form)
    assert PAST_DUE_KEPT in _inputs(form)
    assert await _filed(engine) == []


async def test_the_edit_form_asks_about_a_new_past_due_date_not_one_the_ticket_already_had(
    service: Service, engine: AsyncEngine
) -> None:
    ada_id = await insert_user(engine, role="admin", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    overdue = datetime.combine(utcnow().date() - timedelta(days=10), datetime.min.time())
    await insert_ticket(engine, created_by=ada_id, number=this_years(4), due_date=overdue)
    card = (await service.say(f"ticket {this_years(4)}", user=ada)).card
    form = await service.press("ticket.edit", data(card, "ticket.edit"), user=ada)
    save = data(form, "ticket.edit")

    kept = await service.press("ticket.edit", {**save, **_values(form),
                                               "title": "Printer jams on floor 4"}, user=ada)
    assert "Saved." in texts_in(kept)  # its own past due date is not asked about again

    form = await service.press("ticket.edit", data(kept, "ticket.edit"), user=ada)
    gone = (utcnow().date() - timedelta(days=2)).isoformat()
    asked = await service.press("ticket.edit", {**data(form, "ticket.edit"), **_values(form),
                                                "due_date": gone}, user=ada)
    assert "is in the past: tick the box to keep it" in texts_in(asked)
    assert PAST_DUE_KEPT in _inputs(asked) and _inputs(asked)["due_date"]["value"] == gone
    [row] = await _filed(engine)
    assert row["due_date"] == overdue and row["title"] == "Printer jams on floor 4"

    saved = await service.press("ticket.edit", {**data(asked, "ticket.edit"), **_values(asked),
                                                PAST_DUE_KEPT: "true"}, user=ada)
    assert "Saved." in texts_in(saved)
    [row] = await _filed(engine)
    assert row["due_date"].date().isoformat() == gone  # type: ignore[union-attr]


def _values(form: dict[str, Any]) -> dict[str, Any]:
    """What the form sends back as it is drawn (toggles unticked)."""
    return {key: e.get("value", "") for key, e in _inputs(form).items()
            if e["type"] != "Input.Toggle"}
