"""Per-ticket outbox lanes held as PostgreSQL advisory locks (no other imports, so any
repository may hold a lane without loading the notification code)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

LANE_LOCKS = 748_301
"""First key of the two-key advisory locks on lanes; the second is the ticket id."""


async def lock_lanes(connection: AsyncConnection, ticket_ids: Collection[int]) -> None:
    """Hold the lanes of these tickets to the end of the transaction (in id order: no deadlock)."""
    if connection.dialect.name != "postgresql" or not ticket_ids:
        return
    await connection.execute(
        text(
            "SELECT pg_advisory_xact_lock(:space, ticket) "
            "FROM (SELECT unnest(CAST(:tickets AS integer[])) AS ticket ORDER BY 1) AS lanes"
        ),
        {"space": LANE_LOCKS, "tickets": sorted(set(ticket_ids))},
    )
