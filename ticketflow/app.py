"""`create_app(settings)`: the aiohttp application `ticketflow serve` runs."""

from __future__ import annotations

import logging

from aiohttp import web
from sqlalchemy import text

from botframework.connector.auth import ServiceClientCredentialsFactory

from bot.identity import MemberDirectory
from ticketflow.runtime import Runtime, open_runtime
from ticketflow.settings import Settings
from ticketflow.teams import TeamsSurface, mount_teams

log = logging.getLogger("ticketflow")
RUNTIME = web.AppKey("runtime", Runtime)
TEAMS = web.AppKey("teams", TeamsSurface)


async def create_app(
    settings: Settings,
    *,
    directory: MemberDirectory | None = None,
    credentials_factory: ServiceClientCredentialsFactory | None = None,
) -> web.Application:
    """Everything `ticketflow serve` runs; the keyword arguments are for tests."""
    app = web.Application()
    runtime = await open_runtime(settings)
    app[RUNTIME] = runtime
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app[TEAMS] = mount_teams(
        app, runtime, directory=directory, credentials_factory=credentials_factory
    )
    app.on_cleanup.append(_close_runtime)
    return app


async def _close_runtime(app: web.Application) -> None:
    await app[RUNTIME].close()


async def healthz(request: web.Request) -> web.Response:
    """The process is up; says nothing about its dependencies."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """Ready to take turns: the database answers."""
    runtime = request.app[RUNTIME]
    try:
        async with runtime.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure to reach the database means "not ready"
        log.warning("readiness check failed: %s", error)
        return web.json_response({"status": "unavailable", "database": "unreachable"}, status=503)
    return web.json_response({"status": "ready", "database": runtime.settings.backend})
