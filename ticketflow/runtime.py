"""The concrete pieces one process uses, built from settings and closed together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.engine import create_engine
from db.revisions import current_revision, head_revision
from domain.clock import utcnow
from domain.ports import EventSink
from ticketflow.reachability import ensure_database_reachable
from ticketflow.settings import Settings, SettingsError

if TYPE_CHECKING:  # the notification modules load when a unit of work first writes events
    from db.uow import EventsCommitted, EventSinkFactory, SqlUnitOfWork
    from notify.webhook_url import WebhookPolicy


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    engine: AsyncEngine
    event_sink: EventSinkFactory | None = None

    def uow(self, *, committed: EventsCommitted | None = None) -> SqlUnitOfWork:
        """A fresh unit of work; use cases enter it once; its events go to `event_sink`
        (the notification outbox), in the same transaction as the change, and to
        `committed` once that transaction is committed."""
        from db.uow import SqlUnitOfWork

        return SqlUnitOfWork(self.engine, event_sink=self.event_sink, committed=committed)

    async def close(self) -> None:
        await self.engine.dispose()


async def open_runtime(settings: Settings, *, migrate: bool | None = None) -> Runtime:
    """Opens the database; the embedded SQLite default is created and migrated on first use."""
    migrating = migrate if migrate is not None else settings.backend == "sqlite"
    engine = create_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        pool_overflow=settings.db_pool_overflow,
    )
    try:
        await ensure_database_reachable(settings.database_url, engine=engine)
    except BaseException:
        await engine.dispose()
        raise
    current, head = await current_revision(engine), head_revision()
    if current != head:
        if migrating:
            from db.migrate import ensure_schema  # alembic loads only when there is work

            await ensure_schema(engine)
        else:
            await engine.dispose()
            raise SchemaBehind(
                "TICKETFLOW_DATABASE_URL",
                f"the database schema is at {current or 'no TicketFlow for Teams revision'}, "
                f"this release needs {head}: run `ticketflow migrate` first",
            )
    return Runtime(settings=settings, engine=engine, event_sink=outbox_sink_for(settings))


def webhook_policy(settings: Settings) -> WebhookPolicy:
    from notify.webhook_url import WebhookPolicy

    return WebhookPolicy(
        extra_hosts=settings.webhook_extra_hosts,
        allow_loopback_for_tests=settings.allow_loopback_webhooks,
    )


def outbox_sink_for(settings: Settings) -> Callable[[AsyncConnection], EventSink]:
    """For `SqlUnitOfWork(engine, event_sink=...)`: every change then writes its outbox rows.
    The notification modules load with the first change, not with every command."""

    def sink(connection: AsyncConnection) -> EventSink:
        return outbox_sink(webhook_policy(settings))(connection)

    return sink


def outbox_sink(
    policy: WebhookPolicy, *, clock: Callable[[], datetime] = utcnow
) -> Callable[[AsyncConnection], EventSink]:
    """An `OutboxWriter` per unit of work, reading and writing on the unit of work's connection."""
    from db.repositories.outbox import SqlDeliveryLog
    from db.repositories.subscriptions import SqlAudience
    from notify.outbox import OutboxWriter

    def sink(connection: AsyncConnection) -> EventSink:
        return OutboxWriter(
            audience=SqlAudience(connection),
            deliveries=SqlDeliveryLog(connection),
            policy=policy,
            clock=clock,
        )

    return sink


class SchemaBehind(SettingsError):
    """The shared database is not (yet) at this release's schema."""
