"""The help assistant: a question in, an answer grounded in the help documents out.

One path for Teams and the terminal. Search first; when search finds nothing
convincing the assistant says so (no model is asked). With a model, the model
answers from numbered passages and its reply is checked (`reply`); without one,
or when the model fails or its reply is rejected, the best sentences of the
passages are quoted. Either way the question and the answer are stored, so an
outage of the model never loses an exchange.

Storage is reached through a unit of work per step (`knowledge.ports.ChatWork`):
the previous exchange and the audiences are read in one that only reads, the
search and the model run outside any transaction, and the question and its answer
are written together in one that commits.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from domain.clock import utcnow
from domain.errors import InvalidValue
from domain.people import Role
from knowledge.asked_for import asked_for
from knowledge.audience import (
    Restrictions,
    may_read_source,
    readable,
    readable_titles,
    readers_of,
)
from knowledge.citations import (
    Citation,
    CitedText,
    help_document_ids,
    numbered_sources,
    split_sources,
    with_sources,
)
from knowledge.conversation import (
    AnswerNotFound,
    Dependence,
    Exchange,
    HelpStatistics,
    NotYourAnswer,
    dependence,
    adds_nothing,
    aspect,
    how_much_it_adds,
    lines_adding,
    said_before,
    has_topic_of_its_own,
    lacks_a_topic,
    on_topic,
    spoken_of,
    stays_on_topic,
    swapped,
    recent,
    search_text,
    topic_of,
)
from knowledge.extractive import RELATED_WEIGHT, Quote, extract, query_weights
from knowledge.llm import ChatModel, ModelUnavailable
from knowledge.passages import Passage, Retriever, SourceKind
from knowledge.ports import ChatWork
from knowledge.prompt import build_prompt
from knowledge.question import asks_live_status, says_where_status_is
from knowledge.reply import Grounded, NoAnswer, read_reply, steering_terms

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000
SEARCH_LIMIT = 5
CITED_MORE = 2
"""Passages of the document cited first beyond the top `SEARCH_LIMIT`, for its quotes: the
ranking keeps at most three of one document before every other document's next best
(`reranking.DOCUMENT_PLACES`), and a manual's answer is often further down it."""
DEEPER_POOL = 40
"""Searched to find those: the reranker's whole pool, where the cap put them last."""
RESTRICTED_POOL = 20
"""With restricted documents, search this many deeper first, so the readable ones fill the top."""
MAX_POOL = 320
PROMPT_PASSAGES = 4

NOT_FOUND = (
    "I couldn't find this in the help documents. "
    "If you need a hand, create a ticket and the service desk will pick it up."
)
MODEL_DOWN = "The AI assistant isn't available right now, so here is what the help documents say:"


def needs_topic(question: str) -> str:
    return (f"“{question}” seems to follow on from an earlier question that I don't have. "
            "Ask it whole, in a few words, and I'll look it up.")
FROM_DOCUMENTS = "Here is what the help documents say:"


class AnswerSource(StrEnum):
    """How an answer came about; logged, and shown where it matters to the reader."""

    MODEL = "model"
    DOCUMENTS = "documents"
    """Quoted from the passages: no model configured."""
    DOCUMENTS_AFTER_MODEL_FAILED = "documents_after_model_failed"
    DOCUMENTS_AFTER_REPLY_REJECTED = "documents_after_reply_rejected"
    NOT_FOUND = "not_found"
    NEEDS_TOPIC = "needs_topic"
    """A follow-up with nothing to follow ("and on a Mac?" in a new session): asked whole."""


@dataclass(frozen=True, slots=True)
class HelpAnswer:
    question: str
    text: str
    citations: tuple[Citation, ...]
    answered: bool
    message_id: int
    """The stored assistant message (`ai_chat_messages.id`): feedback and tickets point at it."""
    question_id: int
    session_id: str
    source: AnswerSource
    follow_up: bool = False
    """Answered as a follow-up of the session's previous exchange."""
    follows: str | None = None
    """What that follow-up was about: the earlier question (`followed_topic`)."""
    readers: frozenset[Role] | None = None
    """The roles that may read every passage the answer was drawn from (None: everyone):
    whoever leaves with it later (a queued answer) must hold one of them then."""


DEFAULT_MIN_SCORE = 0.30
"""For retrievers without a gate of their own: on `LexicalRetriever`'s scale a score is
the share of the question the passage covers, and 0.30 is its calibrated refusal line."""


class RetrievalGate(Protocol):
    def admits(self, question: str, passages: Sequence[Passage]) -> bool:
        """Whether the passages are good enough to answer from at all."""
        ...


@runtime_checkable
class DecliningRetriever(Protocol):
    """A retriever that knows when its results are too weak (`LexicalRetriever.decline`)."""

    def decline(self, passages: Sequence[Passage]) -> bool: ...


@dataclass(frozen=True, slots=True)
class MinimumScore:
    """Admits passages whose best score reaches `threshold` (the retriever's scale)."""

    threshold: float = DEFAULT_MIN_SCORE

    def admits(self, question: str, passages: Sequence[Passage]) -> bool:
        return bool(passages) and passages[0].score >= self.threshold


@dataclass(frozen=True, slots=True)
class RetrieverGate:
    """The retriever's own judgement: it knows its score scale best."""

    retriever: DecliningRetriever

    def admits(self, question: str, passages: Sequence[Passage]) -> bool:
        return bool(passages) and not self.retriever.decline(passages)


def gate_for(retriever: Retriever) -> RetrievalGate:
    if isinstance(retriever, DecliningRetriever):
        return RetrieverGate(retriever)
    return MinimumScore()


@dataclass(frozen=True, slots=True)
class _Draft:
    text: str
    citations: tuple[Citation, ...]
    source: AnswerSource

    @property
    def answered(self) -> bool:
        return self.source not in (AnswerSource.NOT_FOUND, AnswerSource.NEEDS_TOPIC)


class HelpAssistant:
    """Answers help questions; `gate` defaults to the retriever's own (`decline`), if it has one."""

    def __init__(
        self,
        *,
        retriever: Retriever,
        uow: Callable[[], ChatWork],
        llm: ChatModel | None,
        gate: RetrievalGate | None = None,
        company: str = "TicketFlow",
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        """`uow` makes a fresh unit of work: answers for several people run at once."""
        self._retriever = retriever
        self._uow = uow
        self._llm = llm
        self._gate = gate or gate_for(retriever)
        self._company = company
        self._clock = clock

    async def ask(
        self, *, user_id: str, session_id: str, question: str, reader: Role | None = None,
        context_after: datetime | None = None,
    ) -> HelpAnswer:
        """Answers and stores the exchange; a follow-up sees the session's previous exchange.

        `reader` is the asker's role: documents limited to other roles are never
        searched for them (None, a role not known: only documents for everyone).
        `context_after`: when the chat last turned to something else (a ticket shown); an
        exchange answered before it is not followed up on.

        Only a message that depends on the previous turn is a follow-up (`dependence`):
        one that points back and names no topic of its own ("and on Windows?", "how do
        I undo that?"), or one that points back and finds nothing convincing alone.
        Anything else is a new question, searched and answered on its own words.
        """
        question = _clean(question)
        asked_at = self._clock()
        async with self._uow().reading() as reading:
            last = await reading.chat.last_exchange(session_id=session_id, user_id=user_id)
            restrictions = await reading.audiences.restrictions()
        previous = for_reader(recent(last, now=asked_at, after=context_after), restrictions,
                              reader)
        passages: list[Passage] = []
        if previous is None and lacks_a_topic(question):  # "and on a mac?", nothing before
            context, topic = None, question
            draft = _Draft(needs_topic(question), (), AnswerSource.NEEDS_TOPIC)
        else:
            context, topic, passages, spoken = await self._search(
                question, previous, lambda text: self._find(text, restrictions, reader)
            )
            draft = await self._draft(question, passages, context, spoken)
        async with self._uow() as uow:
            recorded = await uow.chat.record_exchange(
                user_id=user_id,
                session_id=session_id,
                question=question,
                answer=with_sources(draft.text, draft.citations),
                document_ids=help_document_ids(draft.citations),
                asked_at=asked_at,
                answered_at=self._clock(),
                follow_up=context is not None,
                topic=topic,
            )
            await uow.commit()
        log.info("answered a help question (%s, %d sources%s)", draft.source,
                 len(draft.citations), ", follow-up" if context is not None else "")
        return HelpAnswer(
            question=question,
            text=draft.text,
            citations=draft.citations,
            answered=draft.answered,
            message_id=recorded.answer_id,
            question_id=recorded.question_id,
            session_id=session_id,
            source=draft.source,
            follow_up=context is not None,
            follows=topic_of(context) if context is not None else None,
            readers=readers_of(passages, restrictions) if draft.answered else None,
        )

    async def _search(
        self,
        question: str,
        previous: Exchange | None,
        find: Callable[[str], Awaitable[list[Passage]]],
    ) -> tuple[Exchange | None, str, list[Passage], frozenset[str]]:
        """The exchange followed up on (or None), the text searched, the passages, and
        which of a follow-up's own words the documents found for it speak of."""
        leaning = dependence(question) if previous is not None else Dependence.NONE
        alone: list[Passage] | None = None
        if previous is None or leaning is not Dependence.STRONG or has_topic_of_its_own(question):
            alone = await find(question)  # "what about the guest wifi password": its own
            if previous is None or leaning is Dependence.NONE or self._gate.admits(question, alone):
                return None, question, alone, frozenset()
        topic = search_text(question, previous)
        found = await find(topic)
        followed = on_topic(question, previous, found)
        if followed or not has_topic_of_its_own(question):
            return previous, topic, followed, spoken_of(question, found)
        # Nothing speaks of the earlier topic and what it adds: a new question after all.
        alone = alone if alone is not None else await find(question)
        return None, question, alone, frozenset()

    async def _find(
        self, text: str, restrictions: Restrictions, reader: Role | None
    ) -> list[Passage]:
        """The best passages `reader` may read: restricted ones never leave this method."""
        if not restrictions:
            return more_of_the_first(await self._retriever.search(text, limit=DEEPER_POOL))
        pool = max(RESTRICTED_POOL, DEEPER_POOL)
        while True:
            found = await self._retriever.search(text, limit=pool)
            kept = readable(found, restrictions, reader)
            if len(kept) >= SEARCH_LIMIT or len(found) < pool or pool >= MAX_POOL:
                return more_of_the_first(kept)
            pool *= 4

    async def _draft(
        self,
        question: str,
        passages: Sequence[Passage],
        previous: Exchange | None,
        spoken: frozenset[str] = frozenset(),
    ) -> _Draft:
        """`previous` is the exchange this question follows up on, if it does; `spoken`,
        which of its own words the documents speak of."""
        if not self._gate.admits(question, passages) or previous is None and (
                unknowable(question, passages)):
            return _Draft(NOT_FOUND, (), AnswerSource.NOT_FOUND)
        earlier = topic_of(previous) if previous is not None else None
        if self._llm is None:
            return _quoted(question, earlier, passages, AnswerSource.DOCUMENTS,
                           previous=previous, spoken=spoken)
        prompt = build_prompt(
            question=question,
            passages=passages[:PROMPT_PASSAGES],
            previous=previous,
            company=self._company,
        )
        if not prompt.passages:
            return _Draft(NOT_FOUND, (), AnswerSource.NOT_FOUND)
        try:
            reply = await self._llm.complete(prompt.messages)
        except ModelUnavailable as error:
            log.warning("the model failed, quoting the documents instead: %s", error)
            return _quoted(question, earlier, passages, AnswerSource.DOCUMENTS_AFTER_MODEL_FAILED,
                           previous=previous, spoken=spoken)
        asked = f"{earlier} {question}" if earlier is not None else question
        verdict = read_reply(reply, prompt, question=asked)
        if isinstance(verdict, Grounded):
            return _Draft(verdict.answer.text, verdict.answer.citations, AnswerSource.MODEL)
        if isinstance(verdict, NoAnswer):
            return _Draft(NOT_FOUND, (), AnswerSource.NOT_FOUND)
        log.warning("the model's reply was rejected, quoting the documents: %s", verdict.reason)
        return _quoted(question, earlier, passages, AnswerSource.DOCUMENTS_AFTER_REPLY_REJECTED,
                       avoid=steering_terms(reply, question=asked), previous=previous,
                       spoken=spoken)

    async def documents(self, *, reader: Role | None) -> list[str]:
        """The titles of the documents answers for `reader` may draw on (None: for everyone):
        what "what help documents do you have?" is told, never a title it may not read."""
        async with self._uow().reading() as reading:
            shelved = await reading.audiences.shelved()
        return readable_titles(shelved, reader)

    async def latest_session(self, *, user_id: str, prefix: str) -> str | None:
        """The person's latest help session among those whose id starts with `prefix`."""
        async with self._uow().reading() as reading:
            return await reading.chat.latest_session(user_id=user_id, prefix=prefix)

    async def last_exchange(self, *, user_id: str, session_id: str) -> Exchange | None:
        """The person's latest exchange in a help session, answered or not."""
        async with self._uow().reading() as reading:
            return await reading.chat.last_exchange(session_id=session_id, user_id=user_id)

    async def exchange_for(
        self, *, message_id: int, user_id: str, reader: Role | None
    ) -> Exchange:
        """The stored exchange behind an answer card, for the person who asked, as `reader`
        (their role now) may read it: see `for_reader`."""
        async with self._uow().reading() as reading:
            exchange = _asked_by(await reading.chat.exchange(message_id), message_id, user_id)
            restrictions = await reading.audiences.restrictions()
        return _as_read(exchange, restrictions, reader)

    async def rate(
        self, *, message_id: int, user_id: str, helpful: bool, reader: Role | None
    ) -> Exchange:
        """Records "Helpful" / "Not helpful"; pressing again replaces the verdict. The
        exchange comes back as `reader` may read it now, to draw the card again."""
        async with self._uow() as uow:
            exchange = _asked_by(await uow.chat.exchange(message_id), message_id, user_id)
            restrictions = await uow.audiences.restrictions()
            await uow.chat.record_feedback(
                message_id=message_id, user_id=user_id, helpful=helpful, at=self._clock()
            )
            await uow.commit()
        return _as_read(exchange, restrictions, reader)

    async def statistics(self, *, since: datetime | None = None, top: int = 10) -> HelpStatistics:
        async with self._uow().reading() as reading:
            return await reading.chat.statistics(since=since, top=top)

    async def aclose(self) -> None:
        if self._llm is not None:
            await self._llm.aclose()


def for_reader(
    previous: Exchange | None, restrictions: Restrictions, reader: Role | None
) -> Exchange | None:
    """The previous exchange as the asker may read it now: their role may have changed
    since (staff made a customer), so an answer drawn on a document they may no longer
    read is not followed up on with its text (it would reach the model's prompt, or be
    quoted again), only with their own question; the documents it cited that they may
    still read stay on its topic."""
    if previous is None or not restrictions:
        return previous
    cited = {(c.source, c.document_id) for c in stored_answer(previous).citations}
    cited |= {(SourceKind.HELP_DOCUMENT, document_id) for document_id in previous.document_ids}
    if all(may_read_source(source, restrictions, reader) for source in cited):
        return previous
    return replace(previous, answer="", document_ids=tuple(
        document_id for document_id in previous.document_ids
        if may_read_source((SourceKind.HELP_DOCUMENT, document_id), restrictions, reader)))


def _as_read(exchange: Exchange, restrictions: Restrictions, reader: Role | None) -> Exchange:
    """An answer card pressed on after its asker lost access to what it drew on (staff made
    a customer) is not drawn or quoted again with that text, as a follow-up is not."""
    shown = for_reader(exchange, restrictions, reader)
    assert shown is not None  # only None for no exchange
    return shown


def _asked_by(exchange: Exchange | None, message_id: int, user_id: str) -> Exchange:
    if exchange is None:
        raise AnswerNotFound(message_id)
    if exchange.user_id != user_id:
        raise NotYourAnswer()
    return exchange


def stored_answer(exchange: Exchange) -> CitedText:
    """An exchange's answer as the card shows it: text and sources apart."""
    return split_sources(exchange.answer)


def _quoted(
    question: str,
    earlier: str | None,
    passages: Sequence[Passage],
    source: AnswerSource,
    *,
    avoid: frozenset[str] = frozenset(),
    previous: Exchange | None = None,
    spoken: frozenset[str] = frozenset(),
) -> _Draft:
    """The documents quoted; `previous` is the exchange a follow-up follows."""
    weights = query_weights(question, earlier)
    if previous is not None and earlier is not None:
        # "and on a mac?" after "…on windows": a line about macOS answers it, not Windows's
        weights.update({term: RELATED_WEIGHT for term in aspect(question) if term not in weights})
        for term in swapped(question, earlier):
            weights.pop(term, None)
    quotes = extract(weights, passages, avoid=avoid, wanted=asked_for(question))
    if previous is not None:
        quotes = [q for q in quotes if stays_on_topic(question, previous, q.passage, q.text)]
        quotes = what_it_adds(question, previous, quotes)
    if not quotes or previous is not None and adds_nothing(
            question, [quote.text for quote in quotes], previous, spoken):
        return _Draft(NOT_FOUND, (), AnswerSource.NOT_FOUND)
    lines, citations = numbered_sources([(quote.passage, quote.text) for quote in quotes])
    lead = MODEL_DOWN if source is AnswerSource.DOCUMENTS_AFTER_MODEL_FAILED else FROM_DOCUMENTS
    items = [f"- {line}".replace("\n", "\n  ") for line in lines]  # a list's steps stay inside
    return _Draft("\n".join([lead, *items]), citations, source)


def what_it_adds(question: str, previous: Exchange, quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes answering what a follow-up adds, when any does: those holding most of its
    words ("lost" and "phone", not "phone" alone), from the documents the earlier answer
    cited when one of those does ("and on a mac?" after the VPN steps is not answered by the
    printing guide's "On a Mac, open Self Service…", which mentions the VPN in passing), and
    a list the earlier answer quoted cut to the lines about it. With none holding its words,
    `adds_nothing` decides."""
    held = [how_much_it_adds(question, quote.text) for quote in quotes]
    if not any(held):
        return list(quotes)
    adding = [quote for quote, count in zip(quotes, held, strict=True) if count == max(held)]
    cited = [quote for quote in adding if quote.passage.source is SourceKind.HELP_DOCUMENT
             and quote.passage.document_id in previous.document_ids]
    return [replace(quote, text=lines_adding(question, quote.text))
            if said_before(quote.text, previous) else quote for quote in cited or adding]


def unknowable(question: str, passages: Sequence[Passage]) -> bool:
    """A question the documents cannot answer whatever they say of its topic: whether a
    service is up right now ("is teams down?"), unless a passage says where outages are
    posted."""
    return asks_live_status(question) and not says_where_status_is(p.text for p in passages)


def _clean(question: str) -> str:
    text = as_stored(question)
    if not text:
        raise InvalidValue("question", "ask a question in a few words")
    return text


def as_stored(question: str) -> str:
    """A question as its exchange stores it: white space folded, at most the limit."""
    return " ".join(str(question).split())[:MAX_QUESTION_CHARS]


def more_of_the_first(found: Sequence[Passage]) -> list[Passage]:
    """The top `SEARCH_LIMIT`, and up to `CITED_MORE` later passages of the document the
    first comes from (quoted from, never put in a model's prompt)."""
    top = list(found[:SEARCH_LIMIT])
    if not top:
        return top
    more = [p for p in found[SEARCH_LIMIT:] if p.document_id == top[0].document_id]
    return top + more[:CITED_MORE]
