"""The concrete pieces one process uses, built from settings and closed together."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine
from db.migrate import upgrade
from db.uow import EventSinkFactory, SqlUnitOfWork
from ticketflow.notifications import outbox_sink_for
from ticketflow.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    engine: AsyncEngine
    event_sink: EventSinkFactory | None = None

    def uow(self) -> SqlUnitOfWork:
        """A fresh unit of work; use cases enter it once; its events go to `event_sink`
        (the notification outbox), in the same transaction as the change."""
        return SqlUnitOfWork(self.engine, event_sink=self.event_sink)

    async def close(self) -> None:
        await self.engine.dispose()


async def open_runtime(settings: Settings, *, migrate: bool | None = None) -> Runtime:
    """Opens the database; the embedded SQLite default is created and migrated on first use."""
    if migrate if migrate is not None else settings.backend == "sqlite":
        await upgrade(settings.database_url)
    return Runtime(
        settings=settings,
        engine=create_engine(settings.database_url),
        event_sink=outbox_sink_for(settings),
    )
