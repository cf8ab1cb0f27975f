"""PATCH: fields, status and assignee in a sensible order, checked before anything is saved."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.ticketflow.api.conftest import AdminTicket, Api
from tests.integration.builders import insert_team, insert_ticket


async def history(api: Api, key: str, ticket: int) -> list[tuple[Any, ...]]:
    _, found = await api.call("GET", f"/tickets/{ticket}/history", key=key)
    return [(h["action"], h["field"], h["old_value"], h["new_value"]) for h in found["items"]]


async def test_a_stale_version_is_refused_and_changes_nothing(
    api: Api, admin_ticket: AdminTicket
) -> None:
    _, key, ticket = admin_ticket
    _, seen = await api.call("GET", f"/tickets/{ticket}", key=key)
    status, _ = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                               json={"priority": "high", "version": seen["version"]})
    assert status == 200

    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                   json={"title": "Changed", "version": seen["version"]})
    assert (status, error["error"]) == (409, "stale_ticket")
    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key, json={"title": "X"},
                                   headers={"If-Match": f'"{seen["version"]}"'})
    assert (status, error["error"]) == (409, "stale_ticket")
    _, now = await api.call("GET", f"/tickets/{ticket}", key=key)
    assert now["title"] == seen["title"]


async def test_the_updated_at_of_a_read_is_its_version_too(
    api: Api, admin_ticket: AdminTicket
) -> None:
    _, key, ticket = admin_ticket
    _, seen = await api.call("GET", f"/tickets/{ticket}", key=key)
    assert seen["updated_at"].endswith("Z") and not seen["version"].endswith("Z")
    status, changed = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                     json={"priority": "high", "version": seen["updated_at"]})
    assert (status, changed["priority"]) == (200, "high")
    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                   json={"title": "Changed", "version": seen["updated_at"]})
    assert (status, error["error"]) == (409, "stale_ticket")
    status, changed = await api.call(
        "PATCH", f"/tickets/{ticket}", key=key, headers={"If-Match": f'"{changed["version"]}"'},
        json={"severity": "major", "version": changed["updated_at"]})
    assert (status, changed["severity"]) == (200, "major")


async def test_a_version_that_is_no_version_is_a_bad_request_not_a_stale_ticket(
    api: Api, admin_ticket: AdminTicket
) -> None:
    _, key, ticket = admin_ticket
    for request in ({"json": {"title": "X", "version": "garbage"}},
                    {"json": {"title": "X"}, "headers": {"If-Match": 'W/"abc"'}}):
        status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key, **request)
        assert (status, error["error"], error["field"]) == (400, "invalid_parameter", "version")
        assert "is not a ticket version" in error["message"]
    _, now = await api.call("GET", f"/tickets/{ticket}", key=key)
    assert now["title"] == "Printer on floor 3 jams"


async def test_the_etag_of_a_read_lets_a_change_through(
    api: Api, admin_ticket: AdminTicket
) -> None:
    _, key, ticket = admin_ticket
    response = await api.raw("GET", f"/tickets/{ticket}", key=key)
    async with response:
        etag = response.headers["ETag"]
    status, changed = await api.call(
        "PATCH", f"/tickets/{ticket}", key=key, headers={"If-Match": etag},
        json={"status": "on_hold", "notes": "waiting for the vendor", "severity": None},
    )
    assert status == 200
    assert (changed["status"], changed["notes"], changed["severity"]) == (
        "on_hold", "waiting for the vendor", None)
    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                   headers={"If-Match": etag}, json={"version": "other"})
    assert (status, error["error"], error["field"]) == (400, "invalid_parameter", "version")


async def test_a_forbidden_transition_fails_the_whole_request(
    api: Api, admin_ticket: AdminTicket
) -> None:
    _, key, ticket = admin_ticket
    await api.call("PATCH", f"/tickets/{ticket}", key=key, json={"status": "closed"})
    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                   json={"status": "resolved", "title": "Renamed",
                                         "assignee": "me"})
    assert (status, error["error"]) == (409, "invalid_transition")
    assert "applied" not in error
    _, now = await api.call("GET", f"/tickets/{ticket}", key=key)
    assert (now["title"], now["assignee_id"], now["status"]) == (
        "Printer on floor 3 jams", None, "closed")


async def test_a_customer_reopens_and_edits_their_ticket_in_one_request(
    api: Api, engine: AsyncEngine
) -> None:
    customer = await api.person(engine, "customer")
    admin = await api.person(engine, "admin")
    ticket = await insert_ticket(engine, created_by=customer.id)
    await api.call("PATCH", f"/tickets/{ticket}", key=await api.key(admin),
                   json={"status": "resolved"})
    key = await api.key(customer)
    status, reopened = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                      json={"title": "Still jams", "status": "open"})
    assert status == 200 and (reopened["status"], reopened["title"]) == ("open", "Still jams")
    assert (await history(api, key, ticket))[-2:] == [
        ("status_changed", "status", "resolved", "open"),
        ("updated", "title", "Printer on floor 3 jams", "Still jams"),
    ]


async def test_an_agent_edits_before_resolving_their_own_ticket(
    api: Api, engine: AsyncEngine
) -> None:
    agent = await api.person(engine, "user")
    key = await api.key(agent)
    ticket = await insert_ticket(engine, created_by=agent.id)
    status, done = await api.call("PATCH", f"/tickets/{ticket}", key=key, json={
        "status": "resolved", "description": "Replaced the roller", "assignee": "me"})
    assert status == 200 and done["resolved_at"] is not None
    assert [row[0] for row in await history(api, key, ticket)] == [
        "assigned", "updated", "status_changed"]


async def test_a_refused_part_changes_nothing(api: Api, engine: AsyncEngine) -> None:
    customer = await api.person(engine, "customer")
    key = await api.key(customer)
    ticket = await insert_ticket(engine, created_by=customer.id)
    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                   json={"title": "Urgent!", "priority": "urgent"})
    assert (status, error["error"]) == (403, "not_allowed")
    _, now = await api.call("GET", f"/tickets/{ticket}", key=key)
    assert (now["title"], now["priority"]) == ("Printer on floor 3 jams", "medium")
    assert await history(api, key, ticket) == []


async def test_resending_what_the_ticket_already_says_changes_nothing(
    api: Api, engine: AsyncEngine
) -> None:
    customer = await api.person(engine, "customer")
    key = await api.key(customer)
    ticket = await insert_ticket(engine, created_by=customer.id)
    _, seen = await api.call("GET", f"/tickets/{ticket}", key=key)
    resend = {name: seen[name] for name in ("title", "priority", "category", "status")}
    status, same = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                  json=resend | {"assignee": None})
    assert status == 200 and same == seen
    status, same = await api.call("PATCH", f"/tickets/{ticket}", key=key, json={})
    assert status == 200 and same == seen


async def test_an_unknown_assignee_is_an_invalid_value(api: Api, admin_ticket: AdminTicket) -> None:
    _, key, ticket = admin_ticket
    for assignee in ("no-such-user", "team:4242", "team:99999999999", "team:x"):
        status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                       json={"assignee": assignee, "priority": "low"})
        assert (status, error["error"], error["field"]) == (422, "invalid_value", "assignee")
        assert "applied" not in error  # the assignment went first: nothing was saved
    _, now = await api.call("GET", f"/tickets/{ticket}", key=key)
    assert now["priority"] == "medium"


async def test_a_person_may_be_named_by_email_under_the_same_assign_rule(
    api: Api, engine: AsyncEngine
) -> None:
    admin, agent, other = (await api.person(engine, "admin"), await api.person(engine, "user"),
                           await api.person(engine, "user"))
    ticket = await insert_ticket(engine, created_by=admin.id)
    status, assigned = await api.call("PATCH", f"/tickets/{ticket}", key=await api.key(admin),
                                      json={"assignee": agent.email.upper()})
    assert status == 200 and (assigned["assignee_type"], assigned["assignee_id"]) == (
        "user", agent.id)
    again = await api.call("PATCH", f"/tickets/{ticket}", key=await api.key(admin),
                           json={"assignee": agent.email})
    assert again == (200, assigned)  # the same person: nothing changes, no history
    assert [row[0] for row in await history(api, await api.key(admin), ticket)] == ["assigned"]

    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=await api.key(agent),
                                   json={"assignee": other.email})
    assert (status, error["error"]) == (403, "not_allowed")  # an agent gives only to themselves
    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=await api.key(admin),
                                   json={"assignee": "nobody@example.com"})
    assert (status, error["field"], error["message"]) == (
        422, "assignee", "user nobody@example.com not found")


async def test_a_late_failure_saves_nothing_of_the_earlier_parts(
    api: Api, engine: AsyncEngine
) -> None:
    manager = await api.person(engine, "manager")
    requester = await api.person(engine, "customer")
    key = await api.key(manager)
    team = await insert_team(engine, "Desk", manager.id)
    ticket = await insert_ticket(engine, created_by=requester.id, assignee_type="team",
                                 assignee_team_id=team)
    # The manager sees the ticket through the team queue only: an assignment elsewhere
    # would hide it, so it runs last, after the priority; both share one transaction.
    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                   json={"assignee": "nobody-we-know", "priority": "high"})
    assert (status, error["error"], error["field"]) == (422, "invalid_value", "assignee")
    assert "applied" not in error
    _, now = await api.call("GET", f"/tickets/{ticket}", key=key)
    assert (now["priority"], now["assignee_team_id"]) == ("medium", team)
    assert await history(api, key, ticket) == []


async def test_assignment_to_a_team_and_back_to_nobody(api: Api, engine: AsyncEngine) -> None:
    admin = await api.person(engine, "admin")
    key = await api.key(admin)
    team = await insert_team(engine, "Desk")
    ticket = await insert_ticket(engine, created_by=admin.id)
    status, queued = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                    json={"assignee": f"team:{team}"})
    assert status == 200
    assert (queued["assignee_type"], queued["assignee_team_id"], queued["assignee_id"]) == (
        "team", team, None)
    status, nobody = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                    json={"assignee": None})
    assert status == 200 and (nobody["assignee_team_id"], nobody["assignee_id"]) == (None, None)
    assert [row[0] for row in await history(api, key, ticket)] == ["assigned", "unassigned"]
