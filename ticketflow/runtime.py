"""The concrete pieces one process uses, built from settings and closed together."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine
from db.migrate import head_revision, schema_revision, upgrade
from db.uow import EventSinkFactory, SqlUnitOfWork
from ticketflow.notifications import outbox_sink_for
from ticketflow.settings import Settings, SettingsError


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
    migrating = migrate if migrate is not None else settings.backend == "sqlite"
    if migrating:
        await upgrade(settings.database_url)
    engine = create_engine(settings.database_url)
    if not migrating:
        await _ensure_current_schema(engine)
    return Runtime(settings=settings, engine=engine, event_sink=outbox_sink_for(settings))


class SchemaBehind(SettingsError):
    """The shared database is not (yet) at this release's schema."""


async def _ensure_current_schema(engine: AsyncEngine) -> None:
    """PostgreSQL is TicketFlow's database: an operator migrates it, we only check."""
    current, head = await schema_revision(engine), head_revision()
    if current != head:
        await engine.dispose()
        raise SchemaBehind(
            "TICKETFLOW_DATABASE_URL",
            f"the database schema is at {current or 'no TicketFlow for Teams revision'}, "
            f"this release needs {head}: run `ticketflow migrate` first",
        )
