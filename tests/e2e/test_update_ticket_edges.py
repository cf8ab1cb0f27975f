"""REST PATCH, the edit card, card buttons and chat all change a ticket through `update_ticket`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_history, tasks
from db.uow import SqlUnitOfWork
from domain.clock import utcnow
from domain.services import tickets as ticket_services
from domain.services.api_keys import create_api_key
from domain.services.tickets import UNCHANGED
from tests.actors import OPERATOR
from tests.e2e.service import Service, data, file_ticket, texts_in
from tests.integration.builders import insert_team, insert_user

Call = dict[str, Any]


@pytest.fixture
def updates(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Call]]:
    """Each call of the one change use case (which still runs), with what it was given:
    `change_ticket`, which `update_ticket` wraps for callers that need only the ticket."""
    calls: list[Call] = []
    real = ticket_services.change_ticket

    async def recorded(**kwargs: Any) -> Any:
        calls.append({
            "fields": dict(kwargs.get("fields") or {}),
            "status": kwargs.get("status"),
            "assigns": kwargs.get("assignee", UNCHANGED) is not UNCHANGED,
        })
        return await real(**kwargs)

    monkeypatch.setattr(ticket_services, "change_ticket", recorded)
    yield calls


async def _history(engine: AsyncEngine, ticket_id: int) -> list[tuple[str, str | None]]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(task_history.c.action, task_history.c.field)
            .where(task_history.c.task_id == ticket_id).order_by(task_history.c.id)
        )
        return [(row.action, row.field) for row in rows]


async def test_a_rest_patch_applies_every_part_in_one_update(
    service: Service, engine: AsyncEngine, updates: list[Call]
) -> None:
    agent = await insert_user(engine, role="user", email="rest-agent@example.com")
    ticket = await file_ticket(engine, agent, "Badge reader dead", category="incident")
    _, key = await create_api_key(uow=SqlUnitOfWork(engine), actor=OPERATOR,
                                  user_email="rest-agent@example.com", name="script",
                                  permissions="tickets:read,tickets:write", now=utcnow())
    async with service.session.patch(
        f"{service.base_url}/api/v1/tickets/{ticket.id}",
        json={"status": "resolved", "description": "Replaced the reader", "assignee": "me"},
        headers={"Authorization": f"Bearer {key}"},
    ) as response:
        assert response.status == 200, await response.text()
        body = await response.json()
    assert (body["status"], body["assignee_id"]) == ("resolved", agent)
    assert updates == [{"fields": {"description": "Replaced the reader"}, "status": "resolved",
                        "assigns": True}]
    assert await _history(engine, ticket.id) == [
        ("created", None), ("assigned", "assignee"), ("updated", "description"),
        ("status_changed", "status"),
    ]


async def test_card_buttons_and_the_edit_card_go_through_update_ticket(
    service: Service, engine: AsyncEngine, updates: list[Call]
) -> None:
    agent_id = await insert_user(engine, role="user", email="ada@example.com")
    await insert_team(engine, "Desk", agent_id)
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, agent_id, "Laptop will not boot")

    card = (await service.say(f"ticket {ticket.ticket_number}", user=ada)).card
    card = await service.press("ticket.assign", {**data(card, "ticket.assign"), "assignee": "me"},
                               user=ada)
    card = await service.press("ticket.status", data(card, "ticket.status"), user=ada)
    form = await service.press("ticket.edit", data(card, "ticket.edit"), user=ada)
    card = await service.press(
        "ticket.edit", {**data(form, "ticket.edit"), "title": "Laptop boots after SSD swap",
                        "description": "Fixed"}, user=ada)
    assert "Saved." in texts_in(card)
    assert [(bool(c["fields"]), c["status"] is not None, c["assigns"]) for c in updates] == [
        (False, False, True), (False, True, False), (True, False, False),
    ]
    assert updates[-1]["fields"] == {"title": "Laptop boots after SSD swap",
                                     "description": "Fixed"}


async def test_chat_changes_go_through_update_ticket(
    service: Service, engine: AsyncEngine, updates: list[Call]
) -> None:
    admin_id = await insert_user(engine, role="admin", email="grace@example.com")
    grace = service.person("grace@example.com", "Grace Hopper")
    ticket = await file_ticket(engine, admin_id, "VPN drops every hour", category="incident")
    number = ticket.ticket_number
    for said in (f"I'll take {number}", f"start {number}", f"make {number} urgent"):
        await service.say(said, user=grace)
    assert [(c["assigns"], c["status"], c["fields"]) for c in updates] == [
        (True, None, {}), (False, "in_progress", {}), (False, None, {"priority": "urgent"}),
    ]
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks).where(tasks.c.id == ticket.id))).mappings().one()
    assert (row["assignee_id"], row["status"], row["priority"]) == (
        admin_id, "in_progress", "urgent")
