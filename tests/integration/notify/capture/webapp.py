"""A stand-in for TicketFlow's web app: plain SQL, one transaction per action, as its server does.

It writes `tasks`, `task_comments` and `task_history` directly, never through
this service, so every notification it causes comes from change capture.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

WEB_APP_NUMBERS = "WEB"


class WebApp:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._numbers = 0

    async def create_ticket(
        self, *, by: str, title: str = "Printer jams", assignee_id: str | None = None
    ) -> int:
        self._numbers += 1
        async with self._engine.begin() as connection:
            ticket_id = (
                await connection.execute(
                    text(
                        "INSERT INTO tasks (ticket_number, title, category, status, priority,"
                        " assignee_id, assignee_type, created_by, created_at, updated_at)"
                        " VALUES (:number, :title, 'bug', 'open', 'medium', :assignee, 'user',"
                        " :by, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id"
                    ),
                    {
                        "number": f"{WEB_APP_NUMBERS}-2026-{self._numbers:04d}",
                        "title": title,
                        "assignee": assignee_id,
                        "by": by,
                    },
                )
            ).scalar_one()
            await _history(connection, ticket_id, by, "created", None, None, None)
        return int(ticket_id)

    async def update(
        self, ticket_id: int, *, by: str | None, history: bool = True, **values: Any
    ) -> None:
        """UPDATE tasks SET …; with `history`, one task_history row per field, by `by`."""
        async with self._engine.begin() as connection:
            old = (
                await connection.execute(
                    text(f"SELECT {', '.join(values)} FROM tasks WHERE id = :id"),
                    {"id": ticket_id},
                )
            ).one()
            assignments = ", ".join(f"{name} = :{name}" for name in values)
            await connection.execute(
                text(f"UPDATE tasks SET {assignments}, updated_at = CURRENT_TIMESTAMP WHERE id = :id"),
                {**values, "id": ticket_id},
            )
            if history and by is not None:
                for (name, new), before in zip(values.items(), old, strict=True):
                    action = "status_changed" if name == "status" else "updated"
                    await _history(connection, ticket_id, by, action, name, before, new)

    async def comment(self, ticket_id: int, *, by: str, content: str) -> None:
        async with self._engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO task_comments (task_id, user_id, content, created_at)"
                    " VALUES (:task, :by, :content, CURRENT_TIMESTAMP)"
                ),
                {"task": ticket_id, "by": by, "content": content},
            )
            await _history(connection, ticket_id, by, "commented", "comment", None, content[:200])


async def _history(
    connection: Any,
    ticket_id: int,
    user_id: str,
    action: str,
    field: str | None,
    old: object,
    new: object,
) -> None:
    await connection.execute(
        text(
            "INSERT INTO task_history (task_id, user_id, action, field, old_value, new_value,"
            " created_at) VALUES (:task, :user, :action, :field, :old, :new, CURRENT_TIMESTAMP)"
        ),
        {
            "task": ticket_id,
            "user": user_id,
            "action": action,
            "field": field,
            "old": None if old is None else str(old),
            "new": None if new is None else str(new),
        },
    )
