"""The Teams ids the endpoint lets through fit every column that keeps them."""

from __future__ import annotations

from sqlalchemy import Column, String

from bot.transport.endpoint import KEPT_IDS
from db.tables.bot import bot_activity_receipts, bot_conversation_refs, bot_user_links

refs, links, receipts = bot_conversation_refs.c, bot_user_links.c, bot_activity_receipts.c
TENANT = [refs.tenant_id, links.tenant_id]
KEPT_IN: dict[tuple[str, ...], list[Column[str]]] = {
    ("conversation", "id"): [refs.conversation_id, receipts.conversation_id],
    ("conversation", "tenantId"): TENANT,
    ("channelData", "tenant", "id"): TENANT,
    ("from", "id"): [links.teams_user_id],
    ("from", "aadObjectId"): [links.aad_object_id],
    ("channelData", "team", "id"): [refs.team_id],
    ("channelData", "channel", "id"): [refs.channel_id, refs.conversation_id],
}


def test_every_id_the_bot_keeps_fits_each_column_it_is_kept_in() -> None:
    assert set(KEPT_IN) == set(KEPT_IDS)
    too_long = [
        (".".join(path), column.name, _length(column))
        for path, columns in KEPT_IN.items()
        for column in columns
        if KEPT_IDS[path] > _length(column)
    ]
    assert too_long == []


def _length(column: Column[str]) -> int:
    assert isinstance(column.type, String) and column.type.length is not None, column.name
    return column.type.length
