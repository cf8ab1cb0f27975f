"""The one access rule and the key's permissions, seen through the API."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.ticketflow.api.conftest import Api
from tests.integration.builders import insert_ticket


async def test_a_customer_key_cannot_see_other_people_s_tickets(
    api: Api, engine: AsyncEngine
) -> None:
    customer = await api.person(engine, "customer")
    other = await api.person(engine, "customer")
    key = await api.key(customer)
    own = await insert_ticket(engine, created_by=customer.id)
    theirs = await insert_ticket(engine, created_by=other.id, number="WEB-2020-9000")

    _, page = await api.call("GET", "/tickets", key=key)
    assert [t["id"] for t in page["items"]] == [own] and page["total"] == 1
    for ref in (str(theirs), "WEB-2020-9000"):
        for method, path, body in (
            ("GET", f"/tickets/{ref}", None),
            ("GET", f"/tickets/{ref}/comments", None),
            ("GET", f"/tickets/{ref}/history", None),
            ("POST", f"/tickets/{ref}/comments", {"content": "hello?"}),
            ("PATCH", f"/tickets/{ref}", {"title": "mine now"}),
        ):
            status, error = await api.call(method, path, key=key, json=body)
            assert (status, error["error"]) == (404, "not_found"), (method, path)
    status, missing = await api.call("GET", "/tickets/999999", key=key)
    _, hidden = await api.call("GET", f"/tickets/{theirs}", key=key)
    assert status == 404 and missing["message"].replace("999999", "X") == hidden[
        "message"].replace(str(theirs), "X")


async def test_a_read_only_key_cannot_write(api: Api, engine: AsyncEngine) -> None:
    admin = await api.person(engine, "admin")
    key = await api.key(admin, "tickets:read")
    ticket = await insert_ticket(engine, created_by=admin.id)
    for method, path, body in (
        ("POST", "/tickets", {"title": "t", "category": "bug"}),
        ("PATCH", f"/tickets/{ticket}", {"title": "t"}),
        ("POST", f"/tickets/{ticket}/comments", {"content": "c"}),
    ):
        status, error = await api.call(method, path, key=key, json=body)
        assert (status, error["error"]) == (403, "insufficient_permission")
        assert "tickets:write" in error["message"]
    status, _ = await api.call("GET", f"/tickets/{ticket}", key=key)
    assert status == 200


async def test_a_write_only_key_files_tickets_but_cannot_list_them(
    api: Api, engine: AsyncEngine
) -> None:
    owner = await api.person(engine, "user")
    key = await api.key(owner, "tickets:write")
    status, created = await api.call("POST", "/tickets", key=key,
                                     json={"title": "CPU 100%", "category": "incident"})
    assert status == 201
    for path in ("/tickets", f"/tickets/{created['id']}", f"/tickets/{created['id']}/history"):
        status, error = await api.call("GET", path, key=key)
        assert (status, error["error"]) == (403, "insufficient_permission")


async def test_a_write_only_key_gets_a_receipt_not_the_ticket_from_create_and_update(
    api: Api, engine: AsyncEngine
) -> None:
    admin = await api.person(engine, "admin")
    writer = await api.key(admin, "tickets:write")
    other = await insert_ticket(engine, created_by=admin.id)

    status, created = await api.call("POST", "/tickets", key=writer, json={
        "title": "CPU 100%", "category": "incident", "description": "secret runbook"})
    assert status == 201
    assert set(created) == {"id", "ticket_number", "version"}
    for ticket in (created["id"], other):
        status, patched = await api.call("PATCH", f"/tickets/{ticket}", key=writer, json={})
        assert status == 200
        assert set(patched) == {"id", "ticket_number", "version"}, patched
    status, full = await api.call("PATCH", f"/tickets/{other}", json={},
                                  key=await api.key(admin))
    assert status == 200 and "title" in full and "description" in full


async def test_the_openapi_document_says_what_a_write_only_key_gets_back(api: Api) -> None:
    _, document = await api.call("GET", "/openapi.json")
    create = document["paths"]["/tickets"]["post"]
    update = document["paths"]["/tickets/{ticket}"]["patch"]
    for operation, status in ((create, "201"), (update, "200")):
        assert "without `tickets:read`" in operation["description"]
        body = operation["responses"][status]["content"]["application/json"]["schema"]
        assert {"$ref": "#/components/schemas/TicketReceipt"} in body["oneOf"]


async def test_what_the_owner_may_not_do_is_refused_plainly(
    api: Api, engine: AsyncEngine
) -> None:
    customer = await api.person(engine, "customer")
    agent = await api.person(engine, "user")
    key = await api.key(customer)
    ticket = await insert_ticket(engine, created_by=customer.id)
    for body in ({"status": "in_progress"}, {"assignee": agent.id}, {"notes": "internal"}):
        status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key, json=body)
        assert (status, error["error"]) == (403, "not_allowed"), body
        assert error["message"]
