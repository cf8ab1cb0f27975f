"""Help answers and stored exchanges as the answer card shows them."""

from __future__ import annotations

import re
import secrets

from bot.cards.answer import AnswerView, SourceView, TicketOffer
from bot.cards.labels import trimmed
from bot.understanding.words import as_title
from knowledge.answering import AnswerSource, HelpAnswer
from knowledge.citations import Citation, source_url, split_sources
from knowledge.conversation import Exchange, followed_topic


TITLE_LIMIT = 255
OFFERED_DESCRIPTION_LIMIT = 4000
TICKET_CATEGORY = "support"


def answer_view(answer: HelpAnswer, *, web_url: str, message: str | None = None) -> AnswerView:
    """Nothing found: the card offers to file the message, as it was written, as a ticket
    (a follow-up's with the question it followed: `ticket_offer`)."""
    return AnswerView(
        message_id=answer.message_id,
        question=answer.question,
        text=answer.text,
        answered=answer.answered,
        sources=tuple(_source(citation, web_url) for citation in answer.citations),
        offer=None if answer.answered or answer.source is AnswerSource.NEEDS_TOPIC
        else ticket_offer(message or answer.question, follows=answer.follows),
    )


def ticket_offer(message: str, *, follows: str | None = None) -> TicketOffer | None:
    """The message as a ticket: its first line the title, the whole of it the description.

    A follow-up ("who do I call about that") is filed under the question it followed
    ("printer on floor 2 is jammed again"), which heads the description: alone it would
    tell the service desk nothing."""
    if not message.strip():
        return None
    whole = "\n".join(part.strip() for part in (follows, message) if part and part.strip())
    lines = [line.strip() for line in whole.splitlines() if line.strip()]
    title = trimmed(_GREETING.sub("", lines[0], count=1), TITLE_LIMIT)
    description = trimmed(whole, OFFERED_DESCRIPTION_LIMIT) if whole != title else None
    title = as_title(title)  # "printer on floor 3 jams again", as typed: a title's capital
    return TicketOffer(title=title, description=description, category=TICKET_CATEGORY,
                       nonce=secrets.token_urlsafe(12))


_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|heya|hallo|hola|greetings|howdy|good (?:morning|afternoon|evening|day))"
    r"(?: (?:there|all|everyone|team|guys|folks))?[,!.]*\s+(?!world\b)(?=(?:\S+\s+){2}\S)", re.IGNORECASE)
""""hello my outlook not open": a greeting, no part of the title (the description keeps it);
not when fewer than three words follow ("hello outlook"), nor a program's "hello world"."""


def asked_as(exchange: Exchange) -> tuple[str, ...]:
    """The question as the person asked it: a follow-up after the question it followed."""
    return tuple(part for part in (followed_topic(exchange), exchange.question) if part)


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
