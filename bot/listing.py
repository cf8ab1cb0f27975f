"""Ticket lists the bot shows: what the user asked for, as a filter the card can page through."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeGuard

from bot.understanding.requests import ListScope
from domain.tickets import Priority, TicketFilter, TicketStatus

FINISHED = (TicketStatus.RESOLVED, TicketStatus.CLOSED)

# Card data names the scope by these words (cards already posted in Teams carry them).
_CARD_KIND = {ListScope.ALL: "search", ListScope.MINE: "mine", ListScope.CREATED: "created"}
_SCOPE_OF_KIND = {kind: scope for scope, kind in _CARD_KIND.items()}
_TITLES = {ListScope.MINE: "Assigned to you", ListScope.CREATED: "Tickets you filed"}


@dataclass(frozen=True, slots=True)
class ListQuery:
    """Whose tickets, in which status and priority, matching which text; JSON-safe for card data."""

    scope: ListScope = ListScope.ALL
    status: TicketStatus | None = None
    text: str | None = None
    priority: Priority | None = None

    def to_data(self) -> dict[str, Any]:
        status = self.status.value if self.status else None
        data = {"kind": _CARD_KIND[self.scope], "status": status, "text": self.text}
        return {**data, "priority": self.priority.value} if self.priority else data

    @classmethod
    def from_data(cls, data: object) -> ListQuery:
        raw = data if isinstance(data, dict) else {}
        kind = raw.get("kind")
        scope = _SCOPE_OF_KIND[kind] if _one_of(kind, _SCOPE_OF_KIND) else ListScope.ALL
        wanted = raw.get("status")
        status = TicketStatus(wanted) if _one_of(wanted, TicketStatus) else None
        text = str(raw["text"])[:200] if raw.get("text") else None
        rank = raw.get("priority")
        priority = Priority(rank) if _one_of(rank, Priority) else None
        return cls(scope=scope, status=status, text=text, priority=priority)

    def filter_for(self, actor_id: str) -> TicketFilter:
        statuses = (self.status,) if self.status else ()
        finished_hidden = () if statuses else FINISHED
        priorities = (self.priority,) if self.priority else ()
        return TicketFilter(
            assignee_id=actor_id if self.scope is ListScope.MINE else None,
            created_by=actor_id if self.scope is ListScope.CREATED else None,
            statuses=statuses, priorities=priorities, exclude_statuses=finished_hidden,
            text=self.text,
        )

    @property
    def title(self) -> str:
        what = _TITLES.get(self.scope, "Tickets")
        if self.priority:
            what += f" · {self.priority.value}"
        if self.status:
            what += f" · {self.status.value.replace('_', ' ')}"
        else:
            what += " · not yet resolved"
        if self.text:
            what += f" matching “{self.text}”"
        return what


def _one_of(value: object, known: Iterable[str]) -> TypeGuard[str]:
    """Card data comes back from the client as any JSON: only known words count."""
    return isinstance(value, str) and value in set(known)
