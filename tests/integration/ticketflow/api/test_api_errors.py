"""Errors: one JSON shape, the right status, never a stack trace or a 500 for bad input."""

from __future__ import annotations

import asyncio
import gzip
import json

import aiohttp
from aiohttp import web
from yarl import URL
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.integration.ticketflow.api.conftest import AdminTicket, Api
from tests.integration.builders import insert_ticket
from tests.loopback import read_answer, serving
from ticketflow.api.bodies import BODY_SECONDS
from ticketflow.api.errors import json_errors
from ticketflow.api.schemas.openapi import openapi_document


async def test_a_request_without_a_usable_key_is_challenged(api: Api, engine: AsyncEngine) -> None:
    for headers in ({}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer "}):
        response = await api.raw("GET", "/tickets", headers=headers)
        async with response:
            assert response.status == 401
            assert response.headers["WWW-Authenticate"] == 'Bearer realm="TicketFlow API"'
            assert (await response.json())["error"] == "missing_api_key"
    response = await api.raw("GET", "/tickets", key="tfk_" + "x" * 43)
    async with response:
        assert response.status == 401
        assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
        assert (await response.json())["error"] == "invalid_api_key"


async def test_every_operation_but_the_document_itself_needs_a_key(
    api: Api, engine: AsyncEngine
) -> None:
    admin = await api.person(engine, "admin")
    ticket = await insert_ticket(engine, created_by=admin.id)
    document = openapi_document()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            url = path.replace("{ticket}", str(ticket))
            status, _ = await api.call(method.upper(), url, json={} if method != "get" else None)
            expected = 200 if operation.get("security") == [] else 401
            assert status == expected, (method, path)


async def test_bad_json_and_bad_parameters_are_400(api: Api, engine: AsyncEngine) -> None:
    key = await api.key(await api.person(engine, "admin"))
    bodies = (b"{", b"[1, 2]", b"", b"{\"title\": NaN}", b"[" * 30000, b"\xff\xfe",
              b'{"n": ' + b"9" * 5000 + b"}")
    for body in bodies:
        status, error = await api.call("POST", "/tickets", key=key, data=body,
                                       headers={"Content-Type": "application/json"})
        assert (status, error["error"]) == (400, "invalid_json"), body[:20]
    for params in ({"limit": "0"}, {"limit": "101"}, {"limit": "ten"}, {"offset": "-1"},
                   {"status": "lost"}, {"team": "99999999999"}, {"q": "x" * 201},
                   {"assignee": ""}, {"limit": ["1", "2"]}):
        status, error = await api.call("GET", "/tickets", key=key, params=params)
        assert (status, error["error"]) == (400, "invalid_parameter"), params
        assert error["field"] in params


async def test_a_body_naming_a_field_twice_is_400_and_changes_nothing(
    api: Api, engine: AsyncEngine, admin_ticket: AdminTicket
) -> None:
    _, key, ticket_id = admin_ticket
    status, ticket = await api.call("GET", f"/tickets/{ticket_id}", key=key)
    assert status == 200
    for method, path, body in (
        ("POST", "/tickets", '{"title": "one", "category": "bug", "title": "two"}'),
        ("PATCH", f"/tickets/{ticket_id}",
         f'{{"version": "{ticket["version"]}", "status": "resolved", "status": "closed"}}'),
        ("POST", f"/tickets/{ticket_id}/comments", '{"content": "a", "content": "b"}'),
    ):
        status, error = await api.call(method, path, key=key, data=body,
                                       headers={"Content-Type": "application/json"})
        assert (status, error["error"]) == (400, "invalid_json"), (path, error)
        assert "appears twice" in error["message"]

    assert await api.call("GET", f"/tickets/{ticket_id}", key=key) == (200, ticket)
    _, comments = await api.call("GET", f"/tickets/{ticket_id}/comments", key=key)
    assert comments["items"] == []
    async with engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar() == 1


async def test_invalid_values_are_422_and_name_the_field(api: Api, engine: AsyncEngine) -> None:
    key = await api.key(await api.person(engine, "user"))
    cases = {
        "title": {"category": "bug"},
        "category": {"title": "t", "category": "Bug"},
        "colour": {"title": "t", "category": "bug", "colour": "red"},
        "estimated_hours": {"title": "t", "category": "bug", "estimated_hours": 1.5},
        "tags": {"title": "t", "category": "bug", "tags": ["ok", 3]},
        "due_date": {"title": "t", "category": "bug", "due_date": "0001-01-01T00:00:00+14:00"},
        "description": {"title": "t", "category": "bug", "description": "nul \u0000 byte"},
    }
    for field, body in cases.items():
        status, error = await api.call("POST", "/tickets", key=key, json=body)
        assert (status, error["error"], error.get("field")) == (422, "invalid_value", field), body
    status, error = await api.call("POST", "/tickets", key=key,
                                   json={"title": "   ", "category": "bug"})
    assert (status, error["field"]) == (422, "title")
    lone_surrogate = b'{"title": "\\ud800", "category": "bug"}'
    status, error = await api.call("POST", "/tickets", key=key, data=lone_surrogate,
                                   headers={"Content-Type": "application/json"})
    assert (status, error["field"]) == (422, "title")


async def test_a_title_of_invisible_characters_is_refused_like_an_empty_one(
    api: Api, admin_ticket: AdminTicket
) -> None:
    _, key, ticket = admin_ticket
    invisible = "\u200b\u2060\ufeff"

    status, error = await api.call("POST", "/tickets", key=key,
                                   json={"title": invisible, "category": "bug"})
    assert (status, error["field"], error["message"]) == (422, "title", "a title is required")
    status, error = await api.call("PATCH", f"/tickets/{ticket}", key=key,
                                   json={"title": invisible})
    assert (status, error["field"]) == (422, "title")
    _, page = await api.call("GET", "/tickets", key=key)
    assert page["total"] == 1 and page["items"][0]["title"] != invisible


async def test_bodies_over_64_kib_are_refused_even_without_a_length(
    api: Api, engine: AsyncEngine
) -> None:
    key = await api.key(await api.person(engine, "user"))
    big = json.dumps({"title": "t", "category": "bug", "description": "x" * 70_000}).encode()
    status, error = await api.call("POST", "/tickets", key=key, data=big,
                                   headers={"Content-Type": "application/json"})
    assert (status, error["error"]) == (413, "payload_too_large")

    async def chunks():  # type: ignore[no-untyped-def]
        for start in range(0, len(big), 8192):
            yield big[start:start + 8192]

    status, error = await api.call("POST", "/tickets", key=key, data=chunks(),
                                   headers={"Content-Type": "application/json"})
    assert (status, error["error"]) == (413, "payload_too_large")


async def test_a_body_that_does_not_decode_as_its_content_encoding_says_is_400(
    api: Api, engine: AsyncEngine
) -> None:
    key = await api.key(await api.person(engine, "user"))
    for encoding, body in (("gzip", b"\x1f\x8b" + b"x" * 100), ("deflate", b"not deflate")):
        status, error = await api.call(
            "POST", "/tickets", key=key, data=body,
            headers={"Content-Type": "application/json", "Content-Encoding": encoding},
        )
        assert (status, error["error"]) == (400, "invalid_body")
    bomb = gzip.compress(json.dumps({"title": "t", "category": "bug",
                                     "description": "x" * 20_000_000}).encode())
    status, error = await api.call(
        "POST", "/tickets", key=key, data=bomb,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert (status, error["error"]) == (413, "payload_too_large")
    async with engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar() == 0


async def test_a_body_that_stops_arriving_is_a_408_and_creates_nothing(
    api: Api, engine: AsyncEngine
) -> None:
    key = await api.key(await api.person(engine, "user"))
    url = URL(api.base_url)
    reader, writer = await asyncio.open_connection(url.host, url.port)
    writer.write(f"POST {url.path}/tickets HTTP/1.1\r\nHost: api\r\n"
                 f"Authorization: Bearer {key}\r\nContent-Type: application/json\r\n"
                 "Content-Length: 1000\r\n\r\n".encode() + b'{"title": "slow", ')
    await writer.drain()

    head, body = await asyncio.wait_for(read_answer(reader), timeout=BODY_SECONDS + 30)
    assert head.startswith(b"HTTP/1.1 408") and b"Connection: close" in head, head
    assert json.loads(body)["error"] == "request_timeout"
    writer.close()
    async with engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar() == 0


async def test_only_json_bodies_are_read(api: Api, engine: AsyncEngine) -> None:
    key = await api.key(await api.person(engine, "user"))
    status, error = await api.call("POST", "/tickets", key=key, data="title=t&category=bug",
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert (status, error["error"]) == (415, "unsupported_media_type")


async def test_unknown_routes_methods_and_references_answer_json(
    api: Api, admin_ticket: AdminTicket
) -> None:
    _, key, ticket = admin_ticket
    status, error = await api.call("GET", "/nothing-here", key=key)
    assert (status, error["error"]) == (404, "not_found")
    response = await api.raw("DELETE", f"/tickets/{ticket}", key=key)
    async with response:
        assert response.status == 405 and "PATCH" in response.headers["Allow"]
        assert (await response.json())["error"] == "method_not_allowed"
    refs = ("99999999999", "4294967296", "0", "TKT-20-1", "%00", "1%0A", "TKT-٢٠٢٦-1", "-1")
    for ref in refs:
        status, error = await api.call("GET", f"/tickets/{ref}", key=key)
        assert (status, error["error"]) == (404, "not_found"), ref


async def test_an_unexpected_failure_is_a_bare_500() -> None:
    async def broken(request: web.Request) -> web.Response:
        raise RuntimeError("secret detail in a stack trace")

    app = web.Application(middlewares=[json_errors])
    app.router.add_get("/broken", broken)
    async with serving(app) as base_url, aiohttp.ClientSession() as session:
        async with session.get(f"{base_url}/broken") as response:
            text = await response.text()
            assert response.status == 500
    assert json.loads(text)["error"] == "internal_error"
    assert "secret" not in text and "Traceback" not in text
