"""Bearer API keys: who the request acts as, and whether the key grants the action."""

from __future__ import annotations

import logging

from aiohttp import web

from domain.access import Viewer
from domain.api_keys import ApiKey, InvalidApiKey, Permission, ensure_permission
from domain.clock import utcnow
from domain.services.api_keys import authenticate
from domain.services.overview import current_user
from ticketflow.api.context import context
from ticketflow.api.errors import missing_key

log = logging.getLogger("ticketflow.api")


async def authorise(request: web.Request, permission: Permission) -> Viewer:
    """The key's owner, who the request acts as; the key is checked before anything else."""
    viewer, _ = await authorise_key(request, permission)
    return viewer


async def authorise_key(request: web.Request, permission: Permission) -> tuple[Viewer, ApiKey]:
    """As `authorise`, with the key itself, for answers that depend on what else it grants."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.strip().partition(" ")
    if not header:
        raise missing_key("send an API key as the header Authorization: Bearer <key>")
    if scheme.lower() != "bearer" or not token.strip():
        raise missing_key("use the Bearer scheme: Authorization: Bearer <key>")
    try:
        key = await authenticate(uow=context(request).uow(), plaintext=token, now=utcnow())
    except InvalidApiKey as error:
        log.info("API key refused (%s) for %s %s", error.reason, request.method, request.path)
        raise
    ensure_permission(key, permission)
    return await current_user(uow=context(request).uow().reading(), user_id=key.user_id), key
