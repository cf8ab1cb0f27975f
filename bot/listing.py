"""Ticket lists the bot shows: what the user asked for, as a filter the card can page through."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.tickets import Priority, TicketFilter, TicketStatus

FINISHED = (TicketStatus.RESOLVED, TicketStatus.CLOSED)


@dataclass(frozen=True, slots=True)
class ListQuery:
    """`mine` (assigned to me), `created` (filed by me) or `search`; JSON-safe for card data."""

    kind: str = "search"
    status: str | None = None
    text: str | None = None
    priority: str | None = None

    def to_data(self) -> dict[str, Any]:
        data = {"kind": self.kind, "status": self.status, "text": self.text}
        return {**data, "priority": self.priority} if self.priority else data

    @classmethod
    def from_data(cls, data: object) -> ListQuery:
        raw = data if isinstance(data, dict) else {}
        kind = str(raw["kind"]) if raw.get("kind") in ("mine", "created", "search") else "search"
        wanted = raw.get("status")
        status = wanted if isinstance(wanted, str) and wanted in set(TicketStatus) else None
        text = str(raw["text"])[:200] if raw.get("text") else None
        rank = raw.get("priority")
        priority = rank if isinstance(rank, str) and rank in set(Priority) else None
        return cls(kind=kind, status=status, text=text, priority=priority)

    def filter_for(self, actor_id: str) -> TicketFilter:
        statuses = (TicketStatus(self.status),) if self.status else ()
        unfinished = () if statuses else FINISHED
        priorities = (Priority(self.priority),) if self.priority else ()
        if self.kind == "mine":
            return TicketFilter(assignee_id=actor_id, statuses=statuses, priorities=priorities,
                                exclude_statuses=unfinished, text=self.text)
        if self.kind == "created":
            return TicketFilter(created_by=actor_id, statuses=statuses, priorities=priorities,
                                exclude_statuses=unfinished, text=self.text)
        return TicketFilter(statuses=statuses, priorities=priorities,
                            exclude_statuses=unfinished, text=self.text)

    @property
    def title(self) -> str:
        what = {"mine": "Assigned to you", "created": "Tickets you filed"}.get(self.kind, "Tickets")
        if self.priority:
            what += f" · {self.priority}"
        if self.status:
            what += f" · {self.status.replace('_', ' ')}"
        else:
            what += " · not yet resolved"
        if self.text:
            what += f" matching “{self.text}”"
        return what
