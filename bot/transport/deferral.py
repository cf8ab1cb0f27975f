"""A turn's replies that cannot go out now, gathered for the outbox.

Within a turn a send waits inline only as long as the turn can afford (`TURN_SENDS`:
a `Retry-After` or pacing delay of at most 5 s, gateway errors retried twice after
about 1 and 2 s), so the request is answered well inside Teams' 15 s (5 s for a
message extension). A send that would wait longer, or that the connector fails (5xx,
no connection), is gathered here with every later send of the turn to that
conversation, in order; when the turn has run, the adapter stores each conversation's
gathered sends as one queued reply, and the delivery worker sends them when Teams
allows. A send Teams refused as it is (a 4xx other than 408/412/429) is stored as
dead instead, for the record. A turn that fails stores nothing: its receipt is given
back and Teams' resend runs it again, so an apology written into a throttled
conversation is never sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from botbuilder.schema import Activity

from bot.transport.pacing import conversation_key
from bot.transport.sending import ConnectorRetryPolicy, ConnectorCallFailed

TURN_SENDS = ConnectorRetryPolicy(attempts=3, first_backoff=1.0, max_wait=5.0)
"""What a send inside a turn may wait inline before its reply is queued instead."""

_TRANSIENT_4XX = frozenset({408, 412, 429})


def refused_for_good(failed: ConnectorCallFailed) -> bool:
    """Teams refused this activity as it is (bad request, too large, not in the roster)."""
    status = failed.status
    return status is not None and 400 <= status < 500 and status not in _TRANSIENT_4XX


@dataclass(slots=True)
class Gathered:
    conversation_id: str
    activities: list[Activity]
    reason: str
    retry_after: float | None
    refused: bool = False
    instead: str | None = None
    """The line before the reply in its person's chat with the bot, sent there when the bot
    is not in `conversation_id`; None: not sent anywhere else."""


@dataclass(slots=True)
class TurnDeferral:
    gathered: list[Gathered] = field(default_factory=list)
    _open: dict[str, Gathered] = field(default_factory=dict)
    viewer_id: str | None = None
    """Whom the turn's replies were drawn for (`ReplyReader.viewer_id`, read as it ends)."""

    def holds(self, conversation_id: str) -> bool:
        """An earlier send of this turn to the conversation was gathered: so is this one."""
        return conversation_key(conversation_id) in self._open

    def add(self, activity: Activity) -> None:
        self._open[conversation_key(activity.conversation.id)].activities.append(activity)

    def defer(
        self, activity: Activity, *, reason: str, retry_after: float | None,
        instead: str | None = None,
    ) -> None:
        gathered = Gathered(
            activity.conversation.id, [activity], reason, retry_after, instead=instead
        )
        self._open[conversation_key(activity.conversation.id)] = gathered
        self.gathered.append(gathered)

    def refuse(self, activity: Activity, failed: ConnectorCallFailed) -> None:
        self.gathered.append(
            Gathered(activity.conversation.id, [activity], str(failed), None, refused=True)
        )
