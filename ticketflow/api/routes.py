"""REST API v1: tickets for integrations, acting as the API key's owner.

Handlers only translate HTTP to use cases and back; the rules (who sees what,
who may change what, the lifecycle, history) are the domain services', exactly
as in Teams.
"""

from __future__ import annotations

from aiohttp import web

from domain.api_keys import ApiKey, Permission
from domain.errors import InvalidValue, TicketNotFound
from domain.services import queries, tickets
from domain.tickets import Ticket
from ticketflow.api.auth import authorise, authorise_key
from ticketflow.api.bodies import read_body
from ticketflow.api.context import API, ApiContext, context
from ticketflow.api.errors import json_errors
from ticketflow.api.patching import apply_patch, parse_field, parse_patch
from ticketflow.api.query import ticket_query, ticket_ref
from ticketflow.api.representations import (
    comment_json,
    etag,
    history_json,
    page_json,
    receipt_json,
    ticket_json,
)
from ticketflow.api.schemas.openapi import (
    API_PREFIX,
    COMMENT_CREATE,
    TICKET_CREATE,
    TICKET_PATCH,
    openapi_document,
)
from ticketflow.runtime import Runtime

OPENAPI = web.AppKey("ticketflow_openapi", dict)


def add_api_routes(app: web.Application, runtime: Runtime) -> None:
    """Mounts /api/v1 as a sub-application, so its errors are JSON even for unknown routes."""
    api = web.Application(middlewares=[json_errors])
    api[API] = ApiContext(runtime=runtime)
    api[OPENAPI] = openapi_document()
    api.router.add_get("/openapi.json", openapi)
    api.router.add_get("/tickets", list_tickets)
    api.router.add_post("/tickets", create_ticket)
    api.router.add_get("/tickets/{ticket}", get_ticket)
    api.router.add_patch("/tickets/{ticket}", update_ticket)
    api.router.add_get("/tickets/{ticket}/comments", list_comments)
    api.router.add_post("/tickets/{ticket}/comments", add_comment)
    api.router.add_get("/tickets/{ticket}/history", ticket_history)
    app.add_subapp(API_PREFIX, api)


def _ticket_response(
    ticket: Ticket, *, status: int = 200, key: ApiKey | None = None
) -> web.Response:
    """The ticket, or only its receipt for a key that may write but not read."""
    headers = {"ETag": etag(ticket)}
    if status == 201:
        headers["Location"] = f"{API_PREFIX}/tickets/{ticket.id}"
    readable = key is None or key.allows(Permission.TICKETS_READ)
    body = ticket_json(ticket) if readable else receipt_json(ticket)
    return web.json_response(body, status=status, headers=headers)


def _ref(request: web.Request) -> str:
    ref = ticket_ref(request.match_info)
    if ref is None:
        raise TicketNotFound(request.match_info["ticket"])
    return ref


async def openapi(request: web.Request) -> web.Response:
    return web.json_response(request.app[OPENAPI])


async def list_tickets(request: web.Request) -> web.Response:
    viewer = await authorise(request, Permission.TICKETS_READ)
    query = ticket_query(request.query, actor_id=viewer.id)
    page = await queries.list_tickets(uow=context(request).uow().reading(), actor=viewer,
                                      filter=query.filter, limit=query.limit,
                                      offset=query.offset, order=query.order)
    return web.json_response(page_json(page))


async def create_ticket(request: web.Request) -> web.Response:
    viewer, key = await authorise_key(request, Permission.TICKETS_WRITE)
    body = await read_body(request, TICKET_CREATE)
    parse_field("due_date", body.get("due_date"))
    ticket = await tickets.create_ticket(uow=context(request).uow(), actor=viewer, **body)
    return _ticket_response(ticket, status=201, key=key)


async def get_ticket(request: web.Request) -> web.Response:
    viewer = await authorise(request, Permission.TICKETS_READ)
    ticket = await queries.get_ticket(uow=context(request).uow().reading(), actor=viewer,
                                      ticket=_ref(request))
    return _ticket_response(ticket)


async def update_ticket(request: web.Request) -> web.Response:
    viewer, key = await authorise_key(request, Permission.TICKETS_WRITE)
    ref = _ref(request)
    body = await read_body(request, TICKET_PATCH)
    patch = parse_patch(body, actor_id=viewer.id, if_match=request.headers.get("If-Match"))
    ticket = await apply_patch(uow=context(request).uow(), actor=viewer, ticket=ref,
                               patch=patch)
    return _ticket_response(ticket, key=key)


async def list_comments(request: web.Request) -> web.Response:
    viewer = await authorise(request, Permission.TICKETS_READ)
    comments = await queries.ticket_comments(uow=context(request).uow().reading(), actor=viewer,
                                             ticket=_ref(request))
    return web.json_response({"items": [comment_json(c) for c in comments]})


async def add_comment(request: web.Request) -> web.Response:
    viewer = await authorise(request, Permission.TICKETS_WRITE)
    ref = _ref(request)
    body = await read_body(request, COMMENT_CREATE)
    if not body["content"].strip():
        raise InvalidValue("content", "this cannot be empty")
    comment = await tickets.comment_on_ticket(uow=context(request).uow(), actor=viewer,
                                              ticket=ref, content=body["content"])
    return web.json_response(comment_json(comment), status=201)


async def ticket_history(request: web.Request) -> web.Response:
    viewer = await authorise(request, Permission.TICKETS_READ)
    history = await queries.ticket_history(uow=context(request).uow().reading(), actor=viewer,
                                           ticket=_ref(request))
    return web.json_response({"items": [history_json(h) for h in history]})
