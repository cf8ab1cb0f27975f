"""Help answers and stored exchanges as the answer card shows them."""

from __future__ import annotations

from bot.cards.answer import AnswerView, SourceView
from knowledge.answering import HelpAnswer
from knowledge.citations import Citation, source_url, split_sources
from knowledge.conversation import Exchange


def answer_view(answer: HelpAnswer, *, web_url: str) -> AnswerView:
    return AnswerView(
        message_id=answer.message_id,
        question=answer.question,
        text=answer.text,
        answered=answer.answered,
        sources=tuple(_source(citation, web_url) for citation in answer.citations),
    )


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
