"""The one place where anything a request raises becomes an HTTP error body.

Every error answers `{"error": "<code>", "message": "<text>"}` (plus `field` for
an invalid value); a stack trace never leaves the process.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping

from aiohttp import web

from domain.api_keys import InvalidApiKey, MissingPermission
from domain.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    InvalidValue,
    NotAllowed,
    NotFound,
    StaleTicket,
)
from ticketflow.reachability import lost_the_database

log = logging.getLogger("ticketflow.api")
RETRY_AFTER_SECONDS = 5

REALM = 'Bearer realm="TicketFlow API"'
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ApiError(Exception):
    """A request the HTTP edge itself refuses (no key, bad JSON, a bad query parameter)."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = dict(headers or {})


_DOMAIN_ERRORS: tuple[tuple[type[DomainError], int, str], ...] = (
    (InvalidApiKey, 401, "invalid_api_key"),
    (MissingPermission, 403, "insufficient_permission"),
    (NotAllowed, 403, "not_allowed"),
    (NotFound, 404, "not_found"),
    (StaleTicket, 409, "stale_ticket"),
    (InvalidTransition, 409, "invalid_transition"),
    (Conflict, 409, "conflict"),
    (InvalidValue, 422, "invalid_value"),
    (DomainError, 400, "bad_request"),
)
_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def _body(code: str, message: str, **extra: object) -> dict[str, object]:
    return {"error": code, "message": message} | {k: v for k, v in extra.items() if v is not None}


def _domain_response(error: DomainError) -> web.Response:
    status, code = next((s, c) for kind, s, c in _DOMAIN_ERRORS if isinstance(error, kind))
    headers: dict[str, str] = {}
    if isinstance(error, InvalidApiKey):
        headers["WWW-Authenticate"] = f'{REALM}, error="invalid_token"'
    if isinstance(error, InvalidValue):
        body = _body(code, error.message, field=error.field)
    else:
        body = _body(code, str(error))
    return web.json_response(body, status=status, headers=headers)


def error_response(error: Exception, request: web.Request) -> web.Response:
    """Translates one error; anything unexpected is logged and answered with a bare 500."""
    if isinstance(error, ApiError):
        body = _body(error.code, error.message, field=error.field)
        return web.json_response(body, status=error.status, headers=error.headers)
    if isinstance(error, DomainError):
        return _domain_response(error)
    if isinstance(error, web.HTTPException) and error.status >= 400:
        code = _HTTP_CODES.get(error.status, "http_error")
        message = (
            f"there is no {request.method} {request.path} in this API"
            if error.status in (404, 405) else error.reason
        )
        headers = {"Allow": error.headers["Allow"]} if "Allow" in error.headers else {}
        return web.json_response(_body(code, message), status=error.status, headers=headers)
    if lost_the_database(error):
        log.warning("API request %s %s: the database cannot be reached (%s)",
                    request.method, request.path, error)
        return web.json_response(
            _body("database_unavailable",
                  "the database cannot be reached right now; try again shortly"),
            status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    log.error("API request %s %s failed", request.method, request.path, exc_info=error)
    return web.json_response(
        _body("internal_error", "something went wrong on our side; it has been logged"),
        status=500,
    )


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        return error_response(error, request)
    except Exception as error:  # noqa: BLE001 - translated, never swallowed: see error_response
        return error_response(error, request)


def missing_key(message: str) -> ApiError:
    return ApiError(401, "missing_api_key", message, headers={"WWW-Authenticate": REALM})
