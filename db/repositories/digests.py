"""Channel digests: the opt-ins (`bot_channel_digests`) and the days sent (`bot_digest_runs`).

A day's digest is claimed by inserting its (channel, local date) row: of several
processes that reach the same channel's time together, or of a process that
restarts after sending, exactly one insert wins. The winner holds the row under
a lease while it posts; a process that dies before recording the outcome leaves
the row to be claimed again when the lease runs out.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import and_, delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.records import readable_values
from db.tables import bot_channel_digests as digests
from db.tables import bot_digest_runs as runs
from db.tables import tasks
from db.upserts import insert_into, upserted
from domain.digests import ChannelDigest, DigestSchedule
from domain.tickets import Ticket, TicketStatus

_DONE = (TicketStatus.RESOLVED.value, TicketStatus.CLOSED.value)
SENDING = "sending"


class SqlDigestRepository:
    """`domain.digests.DigestRepository` on a unit of work's connection."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def for_channel(self, msteams_team_id: str, channel_id: str) -> ChannelDigest | None:
        row = (
            (
                await self._db.execute(
                    select(digests).where(
                        digests.c.team_id == msteams_team_id,
                        digests.c.channel_id == channel_id,
                    )
                )
            )
            .mappings()
            .first()
        )
        return digest_of(row) if row else None

    async def save(self, digest: ChannelDigest, *, now: datetime) -> ChannelDigest:
        values = {
            "team_name": digest.msteams_team_name,
            "channel_name": digest.channel_name,
            "user_id": digest.owner_id,
            "send_time": f"{digest.schedule.at:%H:%M}",
            "time_zone": digest.schedule.zone,
            "updated_at": now,
        }
        row = await upserted(
            self._db, digests,
            key={"team_id": digest.msteams_team_id, "channel_id": digest.channel_id},
            values=values, created_at=now,
        )
        return digest_of(row)

    async def remove(self, msteams_team_id: str, channel_id: str) -> int:
        result = await self._db.execute(
            delete(digests).where(
                digests.c.team_id == msteams_team_id, digests.c.channel_id == channel_id
            )
        )
        return int(result.rowcount or 0)


class SqlDigestStore:
    """`notify.digests.DigestStore`: what the digest loop reads and the days it claims."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def schedules(self) -> list[ChannelDigest]:
        async with self._engine.connect() as connection:
            rows = await connection.execute(select(digests).order_by(digests.c.id))
            return [digest_of(row) for row in rows.mappings()]

    async def claim(
        self, digest: ChannelDigest, day: date, *, now: datetime, lease_until: datetime,
        max_attempts: int,
    ) -> bool:
        """Take `day`'s digest of this channel: new, or left `sending` by a lapsed lease."""
        key = _key(digest, day)
        async with self._engine.begin() as connection:
            inserted = await connection.execute(
                insert_into(runs, connection.dialect.name)
                .values(
                    **key, status=SENDING, attempts=1, lease_until=lease_until, created_at=now
                )
                .on_conflict_do_nothing(
                    index_elements=[runs.c.team_id, runs.c.channel_id, runs.c.local_date]
                )
                .returning(runs.c.id)
            )
            if inserted.first() is not None:
                return True
            retaken = await connection.execute(
                update(runs)
                .where(
                    *_matching(key),
                    runs.c.status == SENDING,
                    runs.c.lease_until <= now,
                    runs.c.attempts < max_attempts,
                )
                .values(attempts=runs.c.attempts + 1, lease_until=lease_until)
            )
            return bool(retaken.rowcount)

    async def finish(
        self, digest: ChannelDigest, day: date, *, status: str, now: datetime,
        tickets: int | None = None, error: str | None = None,
    ) -> None:
        async with self._engine.begin() as connection:
            await connection.execute(
                update(runs)
                .where(*_matching(_key(digest, day)))
                .values(
                    status=status, ticket_count=tickets, last_error=error, lease_until=None,
                    finished_at=now,
                )
            )

    async def retry_later(
        self, digest: ChannelDigest, day: date, *, at: datetime, error: str
    ) -> None:
        """Keeps the day `sending`, claimable again from `at`."""
        async with self._engine.begin() as connection:
            await connection.execute(
                update(runs)
                .where(*_matching(_key(digest, day)), runs.c.status == SENDING)
                .values(lease_until=at, last_error=error)
            )

    async def status(self, digest: ChannelDigest, day: date) -> str | None:
        async with self._engine.connect() as connection:
            return await connection.scalar(
                select(runs.c.status).where(*_matching(_key(digest, day)))
            )

    async def due_tickets(self, *, before: datetime) -> list[Ticket]:
        """Tickets not resolved or closed whose due date is before `before`."""
        query = (
            select(tasks)
            .where(
                tasks.c.due_date.is_not(None),
                tasks.c.due_date < before,
                tasks.c.status.not_in(_DONE),
            )
            .order_by(tasks.c.due_date, tasks.c.id)
        )
        async with self._engine.connect() as connection:
            return readable_values(Ticket, (await connection.execute(query)).mappings())


def _key(digest: ChannelDigest, day: date) -> dict[str, Any]:
    return {"team_id": digest.msteams_team_id, "channel_id": digest.channel_id, "local_date": day}


def _matching(key: Mapping[str, Any]) -> tuple[Any, ...]:
    return (and_(*(runs.c[name] == value for name, value in key.items())),)


def digest_of(row: Mapping[str, Any]) -> ChannelDigest:
    hours, minutes = (int(part) for part in str(row["send_time"]).split(":"))
    return ChannelDigest(
        id=row["id"],
        msteams_team_id=row["team_id"],
        channel_id=row["channel_id"],
        msteams_team_name=row["team_name"],
        channel_name=row["channel_name"],
        owner_id=row["user_id"],
        schedule=DigestSchedule(at=time(hours, minutes), zone=row["time_zone"]),
    )
