"""The OpenAPI 3.1 document of /api/v1, as data.

The request-body schemas here are the ones the API validates bodies with, so the
document and the behaviour cannot drift apart.
"""

from __future__ import annotations

import copy
from enum import StrEnum
from typing import Any

from domain.numbering import NUMBER_PATTERN
from domain.tickets import (
    Category, HistoryAction, Priority, Severity, TicketOrder, TicketStatus,
)
from domain.validation import (
    COMMENT_MAX,
    DESCRIPTION_MAX,
    HOURS_MAX,
    SEARCH_MAX,
    TAG_MAX,
    TAGS_MAX,
    TITLE_MAX,
)

Schema = dict[str, Any]

API_PREFIX = "/api/v1"
PAGE_MAX = 100
PAGE_DEFAULT = 20
ID_MAX = 2**31 - 1  # TicketFlow's ids are `serial`
TICKET_REF_PATTERN = rf"^([0-9]{{1,10}}|{NUMBER_PATTERN})$"
USER_ID_MAX = 255
VERSION_MAX = 64


def _values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


def _or_null(schema: Schema) -> Schema:
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    return {**schema, "type": [schema["type"], "null"]}


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


TIMESTAMP: Schema = {"type": "string", "format": "date-time"}
HOURS: Schema = {"type": "integer", "minimum": 0, "maximum": HOURS_MAX}
TITLE: Schema = {"type": "string", "minLength": 1, "maxLength": TITLE_MAX}
DESCRIPTION: Schema = {"type": "string", "maxLength": DESCRIPTION_MAX}
DUE_DATE: Schema = {
    "type": "string",
    "maxLength": 40,
    "description": "A date (2026-12-31, midnight UTC) or an ISO 8601 date-time.",
}
TAGS: Schema = {
    "type": "array",
    "maxItems": TAGS_MAX,
    "items": {"type": "string", "maxLength": TAG_MAX},
    "description": "Trimmed; blanks and repeats are dropped.",
}

TICKET_CREATE: Schema = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "category"],
    "properties": {
        "title": TITLE,
        "category": {"enum": _values(Category)},
        "description": _or_null(DESCRIPTION),
        "priority": _or_null({"enum": _values(Priority)}),
        "severity": _or_null({"enum": _values(Severity)}),
        "due_date": _or_null(DUE_DATE),
        "tags": _or_null(TAGS),
        "estimated_hours": _or_null(HOURS),
    },
}

TICKET_PATCH: Schema = {
    "type": "object",
    "additionalProperties": False,
    "description": (
        "Only the fields given change. Parts apply in this order: `assignee`, the plain "
        "fields, `status` — except that a status change on a resolved or closed ticket "
        "(a reopen) goes first, so the reopened ticket can then be edited, and an "
        "assignment that would take the ticket out of the caller's sight goes last. "
        "Every part is checked against the ticket as the parts before it left it, and "
        "all of them are saved in one transaction: a refused or failing part fails the "
        "request and changes nothing. A part the ticket already has is skipped, so "
        "resending a request changes nothing."
    ),
    "properties": {
        "title": TITLE,
        "description": _or_null(DESCRIPTION),
        "notes": _or_null(DESCRIPTION),
        "category": {"enum": _values(Category)},
        "priority": {"enum": _values(Priority)},
        "severity": _or_null({"enum": _values(Severity)}),
        "due_date": _or_null(DUE_DATE),
        "tags": _or_null(TAGS),
        "estimated_hours": _or_null(HOURS),
        "actual_hours": _or_null(HOURS),
        "status": {"enum": _values(TicketStatus)},
        "assignee": _or_null({
            "type": "string",
            "maxLength": USER_ID_MAX,
            "description": "`me`, a user id or email, `team:<id>`, or null to unassign.",
        }),
        "version": _or_null({
            "type": "string",
            "maxLength": VERSION_MAX,
            "description": "The ticket's `version` when it was read: 409 if it changed since.",
        }),
    },
}

COMMENT_CREATE: Schema = {
    "type": "object",
    "additionalProperties": False,
    "required": ["content"],
    "properties": {"content": {"type": "string", "minLength": 1, "maxLength": COMMENT_MAX}},
}

_TICKET_PROPERTIES: Schema = {
    "id": {"type": "integer"},
    "ticket_number": {"type": "string"},
    "title": {"type": "string"},
    "description": {"type": ["string", "null"]},
    "category": {"enum": _values(Category)},
    "status": {"enum": _values(TicketStatus)},
    "priority": {"enum": _values(Priority)},
    "severity": _or_null({"enum": _values(Severity)}),
    "notes": {"type": ["string", "null"]},
    "assignee_type": {"enum": ["user", "team"]},
    "assignee_id": {"type": ["string", "null"]},
    "assignee_team_id": {"type": ["integer", "null"]},
    "created_by": {"type": "string"},
    "due_date": _or_null(TIMESTAMP),
    "resolved_at": _or_null(TIMESTAMP),
    "closed_at": _or_null(TIMESTAMP),
    "estimated_hours": {"type": ["integer", "null"]},
    "actual_hours": {"type": ["integer", "null"]},
    "tags": {"type": "array", "items": {"type": "string"}},
    "created_at": TIMESTAMP,
    "updated_at": TIMESTAMP,
    "version": {
        "type": "string",
        "description": "Send it back as `version` or `If-Match` to refuse stale changes.",
    },
}
TICKET: Schema = {
    "type": "object",
    "additionalProperties": False,
    "required": list(_TICKET_PROPERTIES),
    "properties": _TICKET_PROPERTIES,
}

TICKET_RECEIPT: Schema = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "ticket_number", "version"],
    "properties": {
        "id": _TICKET_PROPERTIES["id"],
        "ticket_number": _TICKET_PROPERTIES["ticket_number"],
        "version": _TICKET_PROPERTIES["version"],
    },
    "description": (
        "What a key with `tickets:write` but not `tickets:read` gets back from a create or "
        "update: which ticket it wrote and its version (for `If-Match`), not its content."
    ),
}
WRITE_ONLY_NOTE = (
    " A key without `tickets:read` gets a `TicketReceipt` (id, number, version) instead of "
    "the ticket: writing does not grant reading."
)

COMMENT: Schema = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "task_id", "user_id", "content", "created_at"],
    "properties": {
        "id": {"type": "integer"},
        "task_id": {"type": "integer"},
        "user_id": {"type": "string"},
        "content": {"type": "string"},
        "created_at": TIMESTAMP,
    },
}

HISTORY_ENTRY: Schema = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "task_id", "user_id", "action", "field", "old_value", "new_value",
                 "created_at"],
    "properties": {
        "id": {"type": "integer"},
        "task_id": {"type": "integer"},
        "user_id": {"type": "string"},
        "action": {"type": "string", "examples": _values(HistoryAction)},
        "field": {"type": ["string", "null"]},
        "old_value": {"type": ["string", "null"]},
        "new_value": {"type": ["string", "null"]},
        "created_at": _or_null(TIMESTAMP),
    },
}

ERROR: Schema = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {
        "error": {"type": "string", "description": "A stable code, e.g. `invalid_value`."},
        "message": {"type": "string"},
        "field": {"type": "string", "description": "The input at fault (422 and some 400)."},
    },
}


def _items(name: str) -> Schema:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": _ref(name)}},
    }


def _json(schema: Schema) -> Schema:
    return {"application/json": {"schema": schema}}


def _error(description: str, **headers: Schema) -> Schema:
    response: Schema = {"description": description, "content": _json(_ref("Error"))}
    if headers:
        response["headers"] = headers
    return response


RESPONSES: Schema = {
    "BadRequest": _error("The JSON or a query parameter is malformed."),
    "Unauthorized": _error(
        "No API key, or the key is unknown, expired, revoked, or its owner is deactivated.",
        **{"WWW-Authenticate": {"required": True, "schema": {"type": "string"}}},
    ),
    "Forbidden": _error("The key lacks the permission, or its owner may not do this."),
    "NotFound": _error("No such ticket, or the key's owner may not see it."),
    "Conflict": _error("The ticket changed since `version`, or the status change is not allowed."),
    "PayloadTooLarge": _error("The body is larger than 64 KiB."),
    "UnsupportedMediaType": _error("The body is not application/json."),
    "Unprocessable": _error("A field's value is invalid; `field` names it."),
}


def _responses(success: str, body: Schema, *errors: str, **headers: Schema) -> Schema:
    ok: Schema = {"description": "Success", "content": _json(body)}
    if headers:
        ok["headers"] = headers
    names = {"400": "BadRequest", "401": "Unauthorized", "403": "Forbidden", "404": "NotFound",
             "409": "Conflict", "413": "PayloadTooLarge", "415": "UnsupportedMediaType",
             "422": "Unprocessable"}
    return {success: ok} | {
        code: {"$ref": f"#/components/responses/{names[code]}"} for code in errors
    }


def _query(name: str, schema: Schema, description: str, **extra: Any) -> Schema:
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description, **extra}


def _enum_list(enum: type[StrEnum]) -> Schema:
    return {"type": "array", "items": {"enum": _values(enum)}}


DAY_OR_INSTANT_PATTERN = (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
                          r"(Z|[+-][0-9]{2}:[0-9]{2}))?$")
"""A day (`2026-11-25`) or an instant with its offset (`2026-11-25T09:00:00Z`)."""

LIST_PARAMETERS: list[Schema] = [
    _query("status", _enum_list(TicketStatus), "Comma-separated statuses.",
           style="form", explode=False),
    _query("category", _enum_list(Category), "Comma-separated categories.",
           style="form", explode=False),
    _query("priority", _enum_list(Priority), "Comma-separated priorities.",
           style="form", explode=False),
    _query("assignee", {"type": "string", "minLength": 1, "maxLength": USER_ID_MAX},
           "Tickets assigned to this user id, or `me`."),
    _query("team", {"type": "integer", "minimum": 1, "maximum": ID_MAX},
           "Tickets queued to this team id."),
    _query("q", {"type": "string", "maxLength": SEARCH_MAX},
           "Words that must all appear in the title, description or number."),
    _query("updated_before", {"type": "string", "pattern": DAY_OR_INSTANT_PATTERN},
           "Only tickets last updated before this day (`2026-11-25`: its start, UTC) or "
           "instant (`2026-11-25T09:00:00Z`, with its offset): those left alone since."),
    _query("sort", {"enum": _values(TicketOrder), "default": TicketOrder.UPDATED.value},
           "The order: `updated` (most recently updated first), `stale` (least recently "
           "updated first), `newest` or `oldest` (by when filed), `priority` (urgent to low, "
           "the oldest first within one), `due` (due soonest first, no due date last), "
           "`severity` (critical to minor, none last; the most urgent, then the oldest first "
           "within one). Ties go by ticket number."),
    _query("limit", {"type": "integer", "minimum": 1, "maximum": PAGE_MAX,
                     "default": PAGE_DEFAULT}, "Page size."),
    _query("offset", {"type": "integer", "minimum": 0, "maximum": ID_MAX, "default": 0},
           "Tickets to skip."),
]

TICKET_PARAMETER: Schema = {
    "name": "ticket",
    "in": "path",
    "required": True,
    "description": "The ticket's id (42) or number (TKT-2026-0042).",
    "schema": {"type": "string", "pattern": TICKET_REF_PATTERN},
}
IF_MATCH: Schema = {
    "name": "If-Match",
    "in": "header",
    "required": False,
    "description": "The ticket's ETag (or `version`): 409 if it changed since.",
    "schema": {"type": "string", "maxLength": VERSION_MAX + 2},
}
ETAG: Schema = {"required": True, "schema": {"type": "string"},
                "description": "The ticket's version, quoted."}
LOCATION: Schema = {"required": True, "schema": {"type": "string"}}


def _body(name: str) -> Schema:
    return {"required": True, "content": _json(_ref(name))}


def openapi_document() -> Schema:
    """A fresh copy each call: tools that read it may change it in place."""
    return copy.deepcopy(_document())


def _document() -> Schema:
    ticket_path = {"parameters": [TICKET_PARAMETER]}
    written = {"oneOf": [_ref("Ticket"), _ref("TicketReceipt")]}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "TicketFlow REST API",
            "version": "1.0.0",
            "description": (
                "Tickets for integrations (a monitoring alert opens a ticket). A request acts "
                "as the API key's owner, under the same rules as in Teams and the web app."
            ),
        },
        "servers": [{"url": API_PREFIX}],
        "security": [{"bearerAuth": []}],
        "paths": {
            "/tickets": {
                "get": {
                    "operationId": "listTickets",
                    "summary": "Tickets the key's owner may see, newest-updated first unless "
                               "`sort` says otherwise",
                    "description": "Needs `tickets:read`.",
                    "parameters": LIST_PARAMETERS,
                    "responses": _responses("200", _ref("TicketPage"), "400", "401", "403"),
                },
                "post": {
                    "operationId": "createTicket",
                    "summary": "File a ticket as the key's owner",
                    "description": "Needs `tickets:write`." + WRITE_ONLY_NOTE,
                    "requestBody": _body("TicketCreate"),
                    "responses": _responses("201", written, "400", "401", "403", "413",
                                            "415", "422", Location=LOCATION, ETag=ETAG),
                },
            },
            "/tickets/{ticket}": ticket_path | {
                "get": {
                    "operationId": "getTicket",
                    "summary": "One ticket",
                    "description": "Needs `tickets:read`.",
                    "responses": _responses("200", _ref("Ticket"), "401", "403", "404",
                                            ETag=ETAG),
                },
                "patch": {
                    "operationId": "updateTicket",
                    "summary": "Change fields, status and assignee",
                    "description": (
                        "Needs `tickets:write`. " + TICKET_PATCH["description"] + WRITE_ONLY_NOTE
                    ),
                    "parameters": [IF_MATCH],
                    "requestBody": _body("TicketPatch"),
                    "responses": _responses("200", written, "400", "401", "403", "404",
                                            "409", "413", "415", "422", ETag=ETAG),
                },
            },
            "/tickets/{ticket}/comments": ticket_path | {
                "get": {
                    "operationId": "listComments",
                    "summary": "The ticket's comments, oldest first",
                    "description": "Needs `tickets:read`.",
                    "responses": _responses("200", _ref("CommentList"), "401", "403", "404"),
                },
                "post": {
                    "operationId": "addComment",
                    "summary": "Comment as the key's owner",
                    "description": "Needs `tickets:write`.",
                    "requestBody": _body("CommentCreate"),
                    "responses": _responses("201", _ref("Comment"), "400", "401", "403", "404",
                                            "413", "415", "422"),
                },
            },
            "/tickets/{ticket}/history": ticket_path | {
                "get": {
                    "operationId": "ticketHistory",
                    "summary": "Every recorded change, oldest first",
                    "description": "Needs `tickets:read`.",
                    "responses": _responses("200", _ref("HistoryList"), "401", "403", "404"),
                },
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document",
                    "security": [],
                    "responses": {"200": {"description": "The OpenAPI document",
                                          "content": _json({"type": "object"})}},
                },
            },
        },
        "components": {
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key from `ticketflow apikey create` (tfk_…).",
                },
            },
            "schemas": {
                "Ticket": TICKET,
                "TicketReceipt": TICKET_RECEIPT,
                "TicketPage": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["items", "total", "limit", "offset"],
                    "properties": {
                        "items": {"type": "array", "items": _ref("Ticket")},
                        "total": {"type": "integer", "minimum": 0},
                        "limit": {"type": "integer", "minimum": 1, "maximum": PAGE_MAX},
                        "offset": {"type": "integer", "minimum": 0},
                    },
                },
                "TicketCreate": TICKET_CREATE,
                "TicketPatch": TICKET_PATCH,
                "Comment": COMMENT,
                "CommentCreate": COMMENT_CREATE,
                "CommentList": _items("Comment"),
                "HistoryEntry": HISTORY_ENTRY,
                "HistoryList": _items("HistoryEntry"),
                "Error": ERROR,
            },
            "responses": RESPONSES,
        },
    }
