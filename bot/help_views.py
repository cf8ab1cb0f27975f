"""Help answers and stored exchanges as the answer card shows them."""

from __future__ import annotations

import secrets

from bot.cards.answer import AnswerView, SourceView, TicketOffer
from bot.cards.labels import trimmed
from knowledge.answering import AnswerSource, HelpAnswer
from knowledge.citations import Citation, source_url, split_sources
from knowledge.conversation import Exchange


TITLE_LIMIT = 255
OFFERED_DESCRIPTION_LIMIT = 4000
TICKET_CATEGORY = "support"


def answer_view(answer: HelpAnswer, *, web_url: str, message: str | None = None) -> AnswerView:
    """Nothing found: the card offers to file the message, as it was written, as a ticket."""
    return AnswerView(
        message_id=answer.message_id,
        question=answer.question,
        text=answer.text,
        answered=answer.answered,
        sources=tuple(_source(citation, web_url) for citation in answer.citations),
        offer=None if answer.answered or answer.source is AnswerSource.NEEDS_TOPIC
        else ticket_offer(message or answer.question),
    )


def ticket_offer(message: str) -> TicketOffer | None:
    """The message as a ticket: its first line the title, the whole of it the description."""
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    if not lines:
        return None
    title = trimmed(lines[0], TITLE_LIMIT)
    whole = message.strip()
    description = trimmed(whole, OFFERED_DESCRIPTION_LIMIT) if whole != title else None
    return TicketOffer(title=title, description=description, category=TICKET_CATEGORY,
                       nonce=secrets.token_urlsafe(12))


def exchange_view(exchange: Exchange, *, web_url: str, rated: bool = False) -> AnswerView:
    stored = split_sources(exchange.answer)
    return AnswerView(
        message_id=exchange.answer_id,
        question=exchange.question,
        text=stored.text,
        answered=bool(stored.citations),
        sources=tuple(_source(citation, web_url) for citation in stored.citations),
        rated=rated,
    )


def _source(citation: Citation, web_url: str) -> SourceView:
    """A source links to its document in the web app, at the cited page."""
    return SourceView(citation.number, citation.label, source_url(web_url, citation))
