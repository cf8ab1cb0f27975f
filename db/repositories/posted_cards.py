"""Where the bot posted each ticket's card, as channels (team and channel ids)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables import bot_conversation_refs as refs
from db.tables import bot_ticket_cards as cards
from domain.card_updates import PostedCard
from domain.chat import ConversationKind


async def posted_cards(connection: AsyncConnection, ticket_ids: Collection[int]) -> list[PostedCard]:
    if not ticket_ids:
        return []
    rows = await connection.execute(
        select(cards.c.ticket_id, refs.c.team_id, refs.c.channel_id)
        .join(refs, refs.c.conversation_id == cards.c.conversation_id)
        .where(
            cards.c.ticket_id.in_(sorted(set(ticket_ids))),
            refs.c.kind == ConversationKind.CHANNEL.value,
            refs.c.team_id.is_not(None),
            refs.c.channel_id.is_not(None),
        )
        .order_by(cards.c.id)
    )
    return [PostedCard(ticket_id, team_id, channel_id) for ticket_id, team_id, channel_id in rows]
