"""A page of tickets: one tappable row per ticket, and Previous / Next.

A row opens its ticket as a new message (the user "says" `ticket <NUMBER>`), so
the list stays in place for the next tap; paging redraws the list card itself.
Each row's container is named after its ticket (`ticket-row-<id>`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.cards.elements import (
    JsonObject,
    adaptive_card,
    column_set,
    container,
    execute,
    im_back,
    text_block,
)
from bot.cards.labels import label
from bot.cards.messages import message_blocks
from bot.cards.verbs import OFFSET, QUERY, Verb
from bot.cards.views import CompanyView, Notice, TicketRow

EMPTY_TEXT = "No tickets here."
ROW_ID_PREFIX = "ticket-row-"


def ticket_list_card(
    *,
    title: str,
    rows: Sequence[TicketRow],
    total: int,
    offset: int,
    limit: int,
    query: Mapping[str, Any],
    notice: Notice | None = None,
    company: CompanyView | None = None,
    elsewhere: Sequence[tuple[str, str]] = (),
) -> JsonObject:
    """`rows` is the page starting at `offset` of `total` tickets; `query` goes back untouched.
    An empty page offers `elsewhere`: (button title, what pressing it says) pairs."""
    if limit < 1:
        raise ValueError("a page holds at least one ticket")
    heading = f"{company.name} · {title}" if company else title
    body: list[JsonObject] = [
        *message_blocks(notice=notice),
        text_block(heading, size="medium", weight="bolder"),
    ]
    if not rows:
        body.append(text_block(EMPTY_TEXT, subtle=True))
        paging = _paging(offset=offset, shown=0, total=total, limit=limit, query=query)
        return adaptive_card(body, [*paging, *(im_back(title, said) for title, said in elsewhere)])
    first, last = offset + 1, offset + len(rows)
    body.append(text_block(f"{first}–{last} of {total}", size="small", subtle=True, spacing="none"))
    body += [_row(row) for row in rows]
    return adaptive_card(
        body, _paging(offset=offset, shown=len(rows), total=total, limit=limit, query=query)
    )


def _row(row: TicketRow) -> JsonObject:
    facts = " · ".join((label(row.status), label(row.priority), row.assignee_label or "Unassigned"))
    heading = column_set(
        [
            ("auto", [text_block(row.number, weight="bolder", color="accent")]),
            ("stretch", [text_block(row.title, max_lines=2)]),
        ]
    )
    return container(
        [heading, text_block(facts, size="small", subtle=True, spacing="none")],
        select_action=im_back(f"Open {row.number}", f"ticket {row.number}"),
        separator=True,
        id=row_id(row.ticket_id) if row.ticket_id is not None else None,
    )


def row_id(ticket_id: int) -> str:
    """The `id` of a ticket's row: what a reply queued with the list says it shows."""
    return f"{ROW_ID_PREFIX}{ticket_id}"


def row_ticket(element_id: object) -> int | None:
    """The ticket a row's `id` names; None for any other element."""
    if not isinstance(element_id, str) or not element_id.startswith(ROW_ID_PREFIX):
        return None
    digits = element_id.removeprefix(ROW_ID_PREFIX)
    return int(digits) if digits.isascii() and digits.isdigit() else None


def _paging(
    *, offset: int, shown: int, total: int, limit: int, query: Mapping[str, Any]
) -> list[JsonObject]:
    buttons = []
    if offset > 0:
        previous = max(0, offset - limit)
        buttons.append(
            execute("Previous", Verb.TICKETS_PAGE, {QUERY: dict(query), OFFSET: previous})
        )
    if offset + shown < total:
        buttons.append(
            execute("Next", Verb.TICKETS_PAGE, {QUERY: dict(query), OFFSET: offset + shown})
        )
    return buttons
