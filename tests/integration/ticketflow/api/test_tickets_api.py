"""Every ticket route over real HTTP, acting as the key's owner."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.ticketflow.api.conftest import Api
from tests.integration.builders import insert_team, insert_ticket


async def test_a_monitoring_alert_files_a_ticket_and_reads_it_back(
    api: Api, engine: AsyncEngine
) -> None:
    owner = await api.person(engine, "user")
    key = await api.key(owner)
    response = await api.raw("POST", "/tickets", key=key, json={
        "title": "  Disk full on db-3 ", "category": "incident", "priority": "urgent",
        "description": "Alert from Grafana", "tags": ["disk", "db", "disk"],
        "due_date": "2030-01-31", "estimated_hours": 2.0,
    })
    async with response:
        created = await response.json()
        assert response.status == 201
        assert response.headers["Location"] == f"/api/v1/tickets/{created['id']}"
        assert response.headers["ETag"] == f'"{created["version"]}"'
    assert created["title"] == "Disk full on db-3"
    assert created["ticket_number"].startswith("TKT-") and created["status"] == "open"
    assert (created["created_by"], created["tags"], created["estimated_hours"]) == (
        owner.id, ["disk", "db"], 2)
    assert created["due_date"] == "2030-01-31T00:00:00Z"
    assert created["created_at"].endswith("Z") and created["severity"] == "normal"

    status, by_id = await api.call("GET", f"/tickets/{created['id']}", key=key)
    assert status == 200 and by_id == created
    status, by_number = await api.call("GET", f"/tickets/{created['ticket_number'].lower()}",
                                       key=key)
    assert status == 200 and by_number == created


async def test_the_list_filters_pages_and_counts(api: Api, engine: AsyncEngine) -> None:
    admin = await api.person(engine, "admin")
    agent = await api.person(engine, "user")
    team = await insert_team(engine, "Network", agent.id)
    key = await api.key(admin)
    mine = await insert_ticket(engine, created_by=admin.id, assignee_id=admin.id,
                               title="VPN drops")
    queued = await insert_ticket(engine, created_by=agent.id, assignee_type="team",
                                 assignee_team_id=team, title="Switch port dead")
    for n in range(3):
        await insert_ticket(engine, created_by=agent.id, title=f"Printer {n}")

    status, page = await api.call("GET", "/tickets", key=key, params={"limit": "2"})
    assert status == 200
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (5, 2, 0, 2)
    _, rest = await api.call("GET", "/tickets", key=key, params={"limit": "2", "offset": "4"})
    assert len(rest["items"]) == 1

    async def ids(**params: str) -> list[int]:
        status, found = await api.call("GET", "/tickets", key=key, params=params)
        assert status == 200, found
        return [t["id"] for t in found["items"]]

    assert await ids(assignee="me") == [mine]
    assert await ids(assignee=admin.id) == [mine]
    assert await ids(team=str(team)) == [queued]
    assert await ids(q="switch dead") == [queued]
    assert await ids(status="open,in_progress", category="support", priority="medium",
                     q="VPN") == [mine]
    assert await ids(status="resolved") == []


async def test_the_list_comes_in_the_order_sort_names_and_a_bad_one_is_400(
    api: Api, engine: AsyncEngine
) -> None:
    admin = await api.person(engine, "admin")
    key = await api.key(admin)
    start = datetime(2026, 11, 2, 9, 0)
    filed = {  # title: (filed days after start, updated days after, priority, due, severity)
        "Old low": (0, 9, "low", None, "critical"),
        "Urgent": (1, 2, "urgent", datetime(2026, 12, 9), "minor"),
        "High due soon": (2, 5, "high", datetime(2026, 12, 3), None),
        "New medium": (3, 1, "medium", None, "minor"),
    }
    for title, (created, updated, priority, due, severity) in filed.items():
        await insert_ticket(engine, created_by=admin.id, title=title, priority=priority,
                            created_at=start + timedelta(days=created), due_date=due,
                            updated_at=start + timedelta(days=updated), severity=severity)

    async def titles(**params: str) -> list[str]:
        status, found = await api.call("GET", "/tickets", key=key, params=params)
        assert status == 200, found
        return [t["title"] for t in found["items"]]

    updated = ["Old low", "High due soon", "Urgent", "New medium"]
    assert await titles() == await titles(sort="updated") == updated
    assert await titles(sort="stale") == updated[::-1]
    assert await titles(sort="oldest") == list(filed)
    assert await titles(sort="newest") == list(filed)[::-1]
    assert await titles(sort="priority") == ["Urgent", "High due soon", "New medium", "Old low"]
    assert await titles(sort="due") == ["High due soon", "Urgent", "Old low", "New medium"]
    assert await titles(sort="severity") == ["Old low", "Urgent", "New medium", "High due soon"]
    assert await titles(sort="oldest", limit="2", offset="2") == list(filed)[2:]
    assert await titles(sort="priority", priority="low,urgent") == ["Urgent", "Old low"]
    for bad in ("Oldest", "by_date", "", "oldest,newest"):
        status, error = await api.call("GET", "/tickets", key=key, params={"sort": bad})
        assert (status, error["error"], error["field"]) == (400, "invalid_parameter", "sort")
        assert "updated, stale, newest, oldest, priority, due, severity" in error["message"]
    status, error = await api.call("GET", "/tickets", key=key,
                                   params={"sort": ["oldest", "newest"]})
    assert (status, error["field"]) == (400, "sort")


async def test_comments_are_added_and_listed_oldest_first(api: Api, engine: AsyncEngine) -> None:
    owner = await api.person(engine, "customer")
    key = await api.key(owner)
    ticket = await insert_ticket(engine, created_by=owner.id)
    for text in ("First", "Second"):
        status, comment = await api.call("POST", f"/tickets/{ticket}/comments", key=key,
                                         json={"content": f"  {text} "})
        assert status == 201
        assert (comment["task_id"], comment["user_id"], comment["content"]) == (
            ticket, owner.id, text)
    status, comments = await api.call("GET", f"/tickets/{ticket}/comments", key=key)
    assert status == 200
    assert [c["content"] for c in comments["items"]] == ["First", "Second"]


async def test_history_records_every_change_made_through_the_api(
    api: Api, engine: AsyncEngine
) -> None:
    agent = await api.person(engine, "user")
    key = await api.key(agent)
    _, ticket = await api.call("POST", "/tickets", key=key,
                               json={"title": "Laptop fan loud", "category": "support"})
    number = ticket["ticket_number"]
    status, _ = await api.call("PATCH", f"/tickets/{number}", key=key, json={
        "status": "in_progress", "assignee": "me", "title": "Laptop fan very loud",
    })
    assert status == 200
    await api.call("POST", f"/tickets/{number}/comments", key=key, json={"content": "Ordered"})

    status, history = await api.call("GET", f"/tickets/{number}/history", key=key)
    assert status == 200
    rows = [(h["action"], h["field"], h["old_value"], h["new_value"], h["user_id"])
            for h in history["items"]]
    assert rows == [
        ("created", None, None, number, agent.id),
        ("assigned", "assignee", None, agent.id, agent.id),
        ("updated", "title", "Laptop fan loud", "Laptop fan very loud", agent.id),
        ("status_changed", "status", "open", "in_progress", agent.id),
        ("commented", "comment", None, "Ordered", agent.id),
    ]
    assert all(h["created_at"].endswith("Z") for h in history["items"])


async def test_the_openapi_document_is_served_without_a_key(api: Api) -> None:
    status, document = await api.call("GET", "/openapi.json")
    assert status == 200 and document["openapi"] == "3.1.0"


async def test_updated_before_lists_the_tickets_left_alone_since_and_a_bad_value_is_400(
    api: Api, engine: AsyncEngine
) -> None:
    admin = await api.person(engine, "admin")
    key = await api.key(admin)
    for title, updated in (("Quiet since Nov", datetime(2026, 11, 20, 17, 0)),
                           ("Touched on the 25th", datetime(2026, 11, 25, 8, 30)),
                           ("Busy", datetime(2026, 12, 1, 12, 0))):
        await insert_ticket(engine, created_by=admin.id, title=title, updated_at=updated,
                            created_at=datetime(2026, 11, 1))

    async def titles(**params: str) -> list[str]:
        status, found = await api.call("GET", "/tickets", key=key, params=params)
        assert status == 200, found
        return [t["title"] for t in found["items"]]

    assert await titles(updated_before="2026-11-25", sort="stale") == ["Quiet since Nov"]
    assert await titles(updated_before="2026-11-26") == ["Touched on the 25th", "Quiet since Nov"]
    assert await titles(updated_before="2026-11-25T09:00:00Z") == [
        "Touched on the 25th", "Quiet since Nov"]
    assert await titles(updated_before="2026-11-25T10:00:00+02:00") == [
        "Quiet since Nov"]  # 08:00 UTC, before the 08:30 update
    assert await titles(updated_before="2026-12-02", q="busy") == ["Busy"]
    for bad in ("last week", "2026-13-01", "25/11/2026", "2026-11-25T09:00", ""):
        status, error = await api.call("GET", "/tickets", key=key,
                                       params={"updated_before": bad})
        assert (status, error["error"], error["field"]) == (400, "invalid_parameter",
                                                            "updated_before"), bad
        assert "is not a date like 2026-11-25" in error["message"], bad
