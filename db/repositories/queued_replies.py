"""`notify.replies.ReplyQueue` on `notification_outbox`: a turn's reply becomes a row of kind
`conversation`, due when Teams allows, or dead at once when Teams refused it. What the reply
shows (its viewer and tickets) goes into the payload beside it, checked again when it leaves."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from db.connections import transaction
from db.repositories.outbox_wakeup import mark_outbox_written
from db.tables import notification_outbox as outbox
from domain.clock import utcnow
from domain.notifications import TargetKind
from notify.deliveries import DeliveryStatus
from notify.replies import CONTENTS, INSTEAD, REPLY_EVENT, QueuedReply


class SqlReplyQueue:
    def __init__(
        self, engine: AsyncEngine, *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._engine = engine
        self._clock = clock

    async def queue(self, reply: QueuedReply) -> None:
        now = self._clock()
        status = DeliveryStatus.DEAD if reply.refused else DeliveryStatus.PENDING
        # In the turn's transaction helper, not `engine.begin()`: a turn still holds its
        # connection when it queues, and waiting for a second one starved the pool.
        async with transaction(self._engine) as connection:
            await connection.execute(
                outbox.insert().values(
                    delivery_id=str(uuid.uuid4()),
                    event_type=REPLY_EVENT,
                    ticket_id=None,
                    target_kind=TargetKind.CONVERSATION.value,
                    target_key=reply.conversation_id,
                    payload={
                        "reference": dict(reply.reference),
                        "activities": [dict(activity) for activity in reply.activities],
                        CONTENTS: reply.contents.to_json() if reply.contents else None,
                        INSTEAD: reply.instead.to_json() if reply.instead else None,
                    },
                    status=status.value,
                    attempts=1 if reply.refused else 0,
                    next_attempt_at=now + timedelta(seconds=reply.first_attempt_in),
                    last_error=reply.reason[:2000],
                    last_attempt_at=now if reply.refused else None,
                    created_at=now,
                )
            )
            if not reply.refused:
                await mark_outbox_written(connection)  # wakes the workers at commit
