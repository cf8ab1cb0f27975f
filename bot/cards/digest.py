"""The daily digest card: a channel's overdue and due-today tickets, each linking to the web app."""

from __future__ import annotations

from bot.cards.due import due_hint
from bot.cards.elements import (
    MAX_CARD_BYTES,
    JsonObject,
    adaptive_card,
    container,
    open_url,
    text_block,
    wire_size,
)
from bot.cards.labels import trimmed
from domain.digests import DigestLine, DigestNotice

LINES_PER_SECTION = 25
"""A long list is cut, with how many more there are: the web app has the full one."""


def digest_card(notice: DigestNotice, *, max_bytes: int = MAX_CARD_BYTES) -> JsonObject:
    """Fits `max_bytes` as botbuilder sends it, by showing fewer lines when it must."""
    lines, title = LINES_PER_SECTION, 120
    card = _card(notice, lines=lines, title=title)
    while wire_size(card) > max_bytes and lines > 1:
        lines, title = max(1, lines // 2), max(40, title // 2)
        card = _card(notice, lines=lines, title=title)
    return card


def _card(notice: DigestNotice, *, lines: int, title: int) -> JsonObject:
    day = f"{notice.day:%A} {notice.day.day} {notice.day:%B %Y}"
    where = f" · #{notice.channel_name}" if notice.channel_name else ""
    body: list[JsonObject] = [
        text_block(
            trimmed(f"{notice.company_name} · Daily digest{where}", 120),
            size="small",
            weight="bolder",
            color="accent",
        ),
        text_block(f"Due tickets for {day}", size="large", weight="bolder", spacing="none"),
        text_block(
            f"{_count(len(notice.overdue), 'overdue')}, "
            f"{_count(len(notice.due_today), 'due later today')} "
            f"· sent at {notice.schedule.label()}",
            subtle=True,
            spacing="none",
        ),
    ]
    for heading, section, colour in (
        ("Overdue", notice.overdue, "attention"),
        ("Due today", notice.due_today, "warning"),
    ):
        if not section:
            continue
        body.append(
            text_block(
                f"{heading} ({len(section)})", weight="bolder", color=colour, separator=True
            )
        )
        body.extend(_line(line, notice, title) for line in section[:lines])
        if len(section) > lines:
            body.append(text_block(f"…and {len(section) - lines} more", subtle=True))
    return adaptive_card(body)


def _line(line: DigestLine, notice: DigestNotice, title: int) -> JsonObject:
    details = [due_hint(line.due_date, now=notice.now, today=notice.day)]
    if line.priority:
        details.append(line.priority.replace("_", " ").capitalize())
    details.append(trimmed(line.assignee_label, 60) if line.assignee_label else "Unassigned")
    return container(
        [
            text_block(f"**{line.ticket_number}** {trimmed(line.title, title)}", spacing="none"),
            text_block(" · ".join(details), subtle=True, spacing="none"),
        ],
        select_action=open_url("Open in TicketFlow", line.url),
        spacing="small",
    )


def _count(number: int, what: str) -> str:
    return f"{number} {what}"
