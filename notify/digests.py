"""The daily digest loop: each opted-in channel gets its overdue and due-today tickets once a day.

It runs beside the delivery worker in `serve` and `ticketflow worker`, every
`interval` seconds. A channel's day is claimed in the database before anything
is posted, so several processes and restarts send it once; a day with nothing
due is recorded as `empty` and sends nothing. The list is drawn when it is sent,
with the access of whoever subscribed the channel.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from domain.clock import utcnow
from domain.digests import (
    ChannelDigest,
    DigestLine,
    DigestNotice,
    day_ends,
    digest_tickets,
    due_day,
)
from domain.ports import ConversationRefRepository
from domain.tickets import AssigneeType, Ticket
from notify.notices import Names, NoticeLinks
from notify.periodic import run_every
from notify.ports import NoticeFactsReader, Rejected, SendFailed, TargetGone, TeamsMessenger

log = logging.getLogger(__name__)

Card = dict[str, Any]


class DigestStore(Protocol):
    async def schedules(self) -> list[ChannelDigest]: ...

    async def claim(
        self, digest: ChannelDigest, day: date, *, now: datetime, lease_until: datetime,
        max_attempts: int,
    ) -> bool:
        """True for exactly one caller per channel and day (again after a lapsed lease)."""
        ...

    async def finish(
        self, digest: ChannelDigest, day: date, *, status: str, now: datetime,
        tickets: int | None = None, error: str | None = None,
    ) -> None: ...

    async def retry_later(
        self, digest: ChannelDigest, day: date, *, at: datetime, error: str
    ) -> None: ...

    async def due_tickets(self, *, before: datetime) -> list[Ticket]: ...


class DigestCards(Protocol):
    def digest_card(self, notice: DigestNotice) -> Card: ...


class DailyDigests:
    def __init__(
        self,
        *,
        store: DigestStore,
        facts: NoticeFactsReader,
        messenger: TeamsMessenger,
        refs: ConversationRefRepository,
        cards: DigestCards,
        links: NoticeLinks,
        clock: Callable[[], datetime] = utcnow,
        interval: float = 60.0,
        lease: timedelta = timedelta(minutes=5),
        max_attempts: int = 5,
    ) -> None:
        self._store = store
        self._facts = facts
        self._messenger = messenger
        self._refs = refs
        self._cards = cards
        self._links = links
        self._clock = clock
        self._interval = interval
        self._lease = lease
        self._max_attempts = max_attempts

    async def run_once(self) -> int:
        """Sends every digest due now that nobody sent yet; returns how many were posted."""
        now = self._clock()
        posted = 0
        for digest in await self._store.schedules():
            day = due_day(digest.schedule, now)
            if day is None:
                continue
            claimed = await self._store.claim(
                digest, day, now=now, lease_until=now + self._lease,
                max_attempts=self._max_attempts,
            )
            if claimed:
                posted += await self._send(digest, day, now)
        return posted

    async def run_forever(self, stop: asyncio.Event) -> None:
        await run_every(self._interval, self.run_once, stop, log=log,
                        done="posted %d channel digests", failed="could not send channel digests; trying again shortly")

    async def _send(self, digest: ChannelDigest, day: date, now: datetime) -> int:
        notice = await self._notice(digest, day, now)
        if notice is None:
            await self._store.finish(digest, day, status="empty", now=now, tickets=0)
            return 0
        ref = await self._refs.channel(digest.msteams_team_id, digest.channel_id)
        if ref is None:
            await self._store.finish(
                digest, day, status="gone", now=now, error="the bot is not in this channel"
            )
            return 0
        count = len(notice.overdue) + len(notice.due_today)
        try:
            await self._messenger.post_card(ref, self._cards.digest_card(notice))
        except SendFailed as failure:
            wait = max(failure.retry_after or 0.0, 60.0)
            await self._store.retry_later(
                digest, day, at=now + timedelta(seconds=wait), error=str(failure)
            )
            return 0
        except TargetGone as gone:
            await self._refs.remove(ref.conversation_id)
            await self._store.finish(digest, day, status="gone", now=now, error=str(gone))
            return 0
        except Rejected as rejected:
            await self._store.finish(digest, day, status="failed", now=now, error=str(rejected))
            return 0
        except Exception as error:  # a messenger bug must not stop the loop; tried again later
            log.exception("posting the digest to %s failed", digest.channel_id)
            await self._store.retry_later(
                digest, day, at=now + timedelta(seconds=60),
                error=f"{type(error).__name__}: {error}"[:500],
            )
            return 0
        await self._store.finish(digest, day, status="sent", now=now, tickets=count)
        return 1

    async def _notice(self, digest: ChannelDigest, day: date, now: datetime) -> DigestNotice | None:
        day_end = day_ends(digest.schedule, day)
        candidates = await self._store.due_tickets(before=day_end)
        async with self._facts() as facts:
            viewer = (await facts.viewers([digest.owner_id])).get(digest.owner_id)
            chosen = digest_tickets(candidates, viewer=viewer, now=now, day=day, day_end=day_end)
            if not chosen:
                return None
            shown = (*chosen.overdue, *chosen.due_today)
            users = {t.assignee_id for t in shown if _assigned_to_user(t)}
            teams = {t.assignee_team_id for t in shown if t.assignee_type is AssigneeType.TEAM}
            names = Names(
                await facts.users({u for u in users if u is not None}),
                await facts.team_names({t for t in teams if t is not None}),
            )
            company = await facts.company()
        return DigestNotice(
            company_name=company.company_name,
            day=day,
            schedule=digest.schedule,
            now=now,
            overdue=tuple(self._line(t, names) for t in chosen.overdue),
            due_today=tuple(self._line(t, names) for t in chosen.due_today),
            channel_name=digest.channel_name,
        )

    def _line(self, ticket: Ticket, names: Names) -> DigestLine:
        assignee = ticket.assignee
        return DigestLine(
            ticket_number=ticket.ticket_number,
            title=ticket.title,
            due_date=ticket.due_date or self._clock(),
            url=self._links.ticket_url(ticket.id),
            assignee_label=None if assignee is None else names.assignee(assignee.label),
            priority=str(ticket.priority),
        )


def _assigned_to_user(ticket: Ticket) -> bool:
    return ticket.assignee_type is not AssigneeType.TEAM and ticket.assignee_id is not None

