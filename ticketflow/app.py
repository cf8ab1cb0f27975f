"""`create_app(settings)`: the aiohttp application `ticketflow serve` runs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import suppress
from dataclasses import replace

from aiohttp import web
from sqlalchemy import text

from bot.cards.notification import NotificationCardSet
from bot.identity import MemberDirectory
from bot.proactive import BotMessenger
from bot.transport.adapter import CredentialsFactory
from bot.transport.observer import Observers
from domain.clock import utcnow
from notify.capture import ChangeCapture
from notify.digests import DailyDigests
from notify.reminders import DueReminders
from notify.worker import DeliveryWorker
from ticketflow.api.routes import add_api_routes
from ticketflow.background import alongside
from ticketflow.knowledge import Knowledge, build_knowledge
from ticketflow.logs import TurnLog
from ticketflow.metrics import Metrics, add_metrics_route, build_metrics, counting_sink
from ticketflow.notifications import (
    build_change_capture,
    build_daily_digests,
    build_delivery_worker,
    build_due_reminders,
    reply_queue,
)
from ticketflow.runtime import Runtime, open_runtime
from ticketflow.settings import Settings
from ticketflow.msteams import MsTeamsSurface, mount_msteams

log = logging.getLogger("ticketflow")
RUNTIME = web.AppKey("runtime", Runtime)
METRICS = web.AppKey("metrics", Metrics)
MSTEAMS = web.AppKey("msteams", MsTeamsSurface)
KNOWLEDGE = web.AppKey("knowledge", Knowledge)


async def create_app(
    settings: Settings,
    *,
    directory: MemberDirectory | None = None,
    credentials_factory: CredentialsFactory | None = None,
) -> web.Application:
    """Everything `ticketflow serve` runs; the keyword arguments are for tests."""
    app = web.Application()
    opened = await open_runtime(settings)
    metrics = build_metrics(opened)
    runtime = replace(opened, event_sink=counting_sink(opened.event_sink, metrics))
    app[RUNTIME] = runtime
    app[METRICS] = metrics
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    add_metrics_route(app, metrics)
    add_api_routes(app, runtime)
    knowledge = app[KNOWLEDGE] = build_knowledge(runtime)
    app.cleanup_ctx.append(_indexing(knowledge))
    msteams = app[MSTEAMS] = mount_msteams(
        app, runtime, directory=directory, credentials_factory=credentials_factory,
        observer=Observers(metrics, TurnLog()), retriever=knowledge.retriever,
        replies=reply_queue(runtime),
    )
    messenger = BotMessenger(msteams.adapter, app_id=settings.app_id)
    cards = NotificationCardSet(clock=utcnow)
    worker = build_delivery_worker(runtime, messenger=messenger, cards=cards)
    digests = build_daily_digests(runtime, messenger=messenger, cards=cards)
    app.cleanup_ctx.append(
        _delivering(worker, build_change_capture(runtime), build_due_reminders(runtime), digests)
    )
    app.on_cleanup.append(_close_runtime)
    return app


def _indexing(knowledge: Knowledge) -> Callable[[web.Application], AsyncIterator[None]]:
    """Starts the PDF readers, indexes documents the web app added meanwhile, and closes."""

    async def lifecycle(_: web.Application) -> AsyncIterator[None]:
        await knowledge.start()
        task = asyncio.create_task(_index_unindexed(knowledge), name="ticketflow-indexing")
        yield
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        await knowledge.close()

    return lifecycle


async def _index_unindexed(knowledge: Knowledge) -> None:
    report = await knowledge.index_unindexed()
    for item in report.changes:
        if item.warning:
            log.warning("help document %s (%s): %s", item.ref, item.title or "untitled", item.warning)
    log.info("help documents: %s", report.summary())


def _delivering(
    worker: DeliveryWorker, capture: ChangeCapture, reminders: DueReminders,
    digests: DailyDigests,
) -> Callable[[web.Application], AsyncIterator[None]]:
    """Runs change capture, due-date reminders, channel digests and the delivery worker
    beside the endpoint; on shutdown the worker finishes in-flight sends."""

    return alongside(
        capture=capture.run_forever, reminders=reminders.run_forever,
        digests=digests.run_forever, delivery=worker.run_forever,
    )


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
