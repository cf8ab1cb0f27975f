"""Our own ports, in memory, for the answering tests: a retriever, a chat store and the
unit of work around it, a model."""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import TracebackType
from typing import Self

from domain.people import Role
from domain.ports import ReadOnlyWork

from knowledge.conversation import (
    AnswerNotFound,
    ChatRole,
    Exchange,
    HelpStatistics,
    QuestionTally,
    RecordedExchange,
    question_key,
)
from knowledge.audience import Restrictions, ShelvedDocument
from knowledge.llm import ModelUnavailable, PromptMessage
from knowledge.passages import Passage, SourceKind
from knowledge.terms import content_terms
from knowledge.text import split_sentences


def passage(
    text: str,
    *,
    document_id: int = 1,
    title: str = "Help",
    page: int | None = 1,
    score: float = 10.0,
    chunk_id: int | None = None,
    heading: str | None = None,
    source: SourceKind = SourceKind.HELP_DOCUMENT,
) -> Passage:
    return Passage(
        chunk_id=chunk_id if chunk_id is not None else document_id * 100 + (page or 0),
        source=source,
        document_id=document_id,
        title=title,
        page=page,
        text=text,
        score=score,
        heading=heading,
    )


class MemoryRetriever:
    """BM25 over content terms: enough like real search to rank, small enough to trust."""

    def __init__(self, passages: Iterable[Passage]) -> None:
        self.passages = list(passages)
        self.queries: list[str] = []
        self._terms = [Counter(content_terms(p.title + " " + p.text)) for p in self.passages]
        self._frequency = Counter(t for terms in self._terms for t in terms)
        self._average = sum(sum(t.values()) for t in self._terms) / max(1, len(self._terms))

    async def search(self, question: str, *, limit: int = 5) -> list[Passage]:
        self.queries.append(question)
        wanted = content_terms(question)
        total = len(self.passages)
        scored = []
        for passage, terms in zip(self.passages, self._terms, strict=True):
            length = sum(terms.values())
            score = 0.0
            for term in wanted:
                if term in terms:
                    seen = self._frequency[term]
                    idf = math.log(1 + (total - seen + 0.5) / (seen + 0.5))
                    tf = terms[term]
                    score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / self._average))
            if score > 0:
                scored.append(replace(passage, score=round(score, 4)))
        scored.sort(key=lambda p: -p.score)
        return scored[:limit]


@dataclass
class FixedRetriever:
    """Finds the same passages, in the same order, whatever is asked."""

    passages: list[Passage]
    queries: list[str] = field(default_factory=list)

    async def search(self, question: str, *, limit: int = 5) -> list[Passage]:
        self.queries.append(question)
        return self.passages[:limit]


@dataclass
class StoredMessage:
    id: int
    user_id: str
    session_id: str
    role: ChatRole
    content: str
    document_ids: tuple[int, ...]
    created_at: datetime


@dataclass
class MemoryChatStore:
    messages: list[StoredMessage] = field(default_factory=list)
    feedback: dict[tuple[int, str], bool] = field(default_factory=dict)
    records: dict[int, tuple[bool, str]] = field(default_factory=dict)
    """Per answer id: follow-up or not, and what was searched for."""
    fail_writes: bool = False

    async def last_exchange(self, *, session_id: str, user_id: str) -> Exchange | None:
        answers = [
            m for m in self.messages
            if m.session_id == session_id and m.user_id == user_id and m.role is ChatRole.ASSISTANT
        ]
        return await self.exchange(answers[-1].id) if answers else None

    async def record_exchange(
        self,
        *,
        user_id: str,
        session_id: str,
        question: str,
        answer: str,
        document_ids: Sequence[int],
        asked_at: datetime,
        answered_at: datetime,
        follow_up: bool = False,
        topic: str = "",
    ) -> RecordedExchange:
        if self.fail_writes:
            raise OSError("the database is gone")
        asked = self._add(user_id, session_id, ChatRole.USER, question, (), asked_at)
        answered = self._add(
            user_id, session_id, ChatRole.ASSISTANT, answer, tuple(document_ids), answered_at
        )
        self.records[answered.id] = (follow_up, topic or question)
        return RecordedExchange(question_id=asked.id, answer_id=answered.id)

    async def latest_session(self, *, user_id: str, prefix: str) -> str | None:
        sessions = [m.session_id for m in self.messages if m.user_id == user_id
                    and m.role is ChatRole.ASSISTANT and m.session_id.startswith(prefix)]
        return sessions[-1] if sessions else None

    def _add(
        self, user_id: str, session_id: str, role: ChatRole, content: str,
        document_ids: tuple[int, ...], at: datetime,
    ) -> StoredMessage:
        message = StoredMessage(len(self.messages) + 1, user_id, session_id, role, content,
                                document_ids, at)
        self.messages.append(message)
        return message

    async def exchange(self, answer_id: int) -> Exchange | None:
        answer = next((m for m in self.messages if m.id == answer_id), None)
        if answer is None or answer.role is not ChatRole.ASSISTANT:
            return None
        question = next(
            (m for m in reversed(self.messages)
             if m.id < answer.id and m.session_id == answer.session_id and m.role is ChatRole.USER),
            None,
        )
        return Exchange(
            session_id=answer.session_id, user_id=answer.user_id,
            question_id=question.id if question else 0,
            question=question.content if question else "",
            answer_id=answer.id, answer=answer.content, document_ids=answer.document_ids,
            answered_at=answer.created_at,
            follow_up=self.records.get(answer.id, (False, ""))[0],
            topic=self.records.get(answer.id, (False, ""))[1],
        )

    async def record_feedback(
        self, *, message_id: int, user_id: str, helpful: bool, at: datetime
    ) -> None:
        if await self.exchange(message_id) is None:
            raise AnswerNotFound(message_id)
        self.feedback[(message_id, user_id)] = helpful

    async def statistics(self, *, since: datetime | None, top: int) -> HelpStatistics:
        answers = [m for m in self.messages if m.role is ChatRole.ASSISTANT
                   and (since is None or m.created_at >= since)]
        tallies: dict[str, list[int]] = {}
        first_wording: dict[str, str] = {}
        for answer in answers:
            exchange = await self.exchange(answer.id)
            assert exchange is not None
            key = question_key(exchange.question)
            first_wording.setdefault(key, exchange.question)
            unhelpful = any(not v for (m, _), v in self.feedback.items() if m == answer.id)
            tally = tallies.setdefault(key, [0, 0, 0])
            tally[0] += 1
            tally[1] += 0 if answer.document_ids else 1
            tally[2] += 1 if unhelpful else 0
        ranked = sorted(tallies.items(), key=lambda kv: (-(kv[1][1] + kv[1][2]), -kv[1][0], kv[0]))
        return HelpStatistics(
            questions=len(answers),
            answered=sum(1 for a in answers if a.document_ids),
            helpful=sum(1 for v in self.feedback.values() if v),
            not_helpful=sum(1 for v in self.feedback.values() if not v),
            most_unanswered=tuple(
                QuestionTally(first_wording[k], *counts) for k, counts in ranked[:top]
                if counts[1] + counts[2]
            ),
            follow_ups=sum(1 for a in answers if self.records.get(a.id, (False, ""))[0]),
        )


@dataclass
class MemoryAudiences:
    limited: dict[tuple[SourceKind, int], frozenset[Role]] = field(default_factory=dict)
    titles: dict[tuple[SourceKind, int], str] = field(default_factory=dict)
    """The searchable sources' titles, for `shelved`."""

    async def restrictions(self) -> Restrictions:
        return dict(self.limited)

    async def shelved(self) -> list[ShelvedDocument]:
        return [ShelvedDocument(title, self.limited.get(source))
                for source, title in self.titles.items()]

    async def set_audience(
        self, source: SourceKind, document_id: int, roles: frozenset[Role] | None
    ) -> None:
        self.limited.pop((source, document_id), None)
        if roles:
            self.limited[(source, document_id)] = roles


@dataclass
class MemoryChatWork:
    """`knowledge.ports.ChatWork` over the stores above: what is written inside it is kept
    only when it commits (else put back as it was on entry); one from `reading()`
    refuses to commit. `committed` counts the commits of every unit made by the factory,
    `open_units` those entered and not yet left."""

    chat: MemoryChatStore = field(default_factory=MemoryChatStore)
    audiences: MemoryAudiences = field(default_factory=MemoryAudiences)
    read_only: bool = False
    committed: list[int] = field(default_factory=lambda: [0])
    open_units: list[int] = field(default_factory=lambda: [0])
    _entered: tuple[int, dict[tuple[int, str], bool], dict[int, tuple[bool, str]]] | None = None

    def __call__(self) -> MemoryChatWork:
        """A fresh unit of work on the same stores: the factory `HelpAssistant` takes."""
        return MemoryChatWork(self.chat, self.audiences, committed=self.committed,
                              open_units=self.open_units)

    def reading(self) -> MemoryChatWork:
        return MemoryChatWork(self.chat, self.audiences, read_only=True,
                              committed=self.committed, open_units=self.open_units)

    async def __aenter__(self) -> Self:
        if self._entered is not None:
            raise RuntimeError("a unit of work cannot be entered twice at once")
        self._entered = (len(self.chat.messages), dict(self.chat.feedback), dict(self.chat.records))
        self.open_units[0] += 1
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        assert self._entered is not None
        count, feedback, records = self._entered
        del self.chat.messages[count:]
        self.chat.feedback, self.chat.records = feedback, records
        self._entered = None
        self.open_units[0] -= 1

    async def commit(self) -> None:
        if self.read_only:
            raise ReadOnlyWork("commit in a unit of work opened for reading")
        assert self._entered is not None, "commit outside `async with`"
        self._entered = (len(self.chat.messages), dict(self.chat.feedback), dict(self.chat.records))
        self.committed[0] += 1


Reply = str | Exception | Callable[[Sequence[PromptMessage]], str]


@dataclass
class ScriptedModel:
    """Answers with the next scripted reply; an exception is raised instead of answering."""

    replies: list[Reply]
    prompts: list[list[PromptMessage]] = field(default_factory=list)
    closed: bool = False

    async def aclose(self) -> None:
        self.closed = True

    async def complete(self, messages: Sequence[PromptMessage]) -> str:
        self.prompts.append(list(messages))
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        if callable(reply):
            return reply(messages)
        return reply


def unavailable(reason: str = "the model service answered HTTP 500") -> ModelUnavailable:
    return ModelUnavailable(reason)


# A model that obeys whatever instruction it reads last -------------------------------------

_OBEY_WORD = re.compile(
    r"(?:reply|answer|respond|output)[^.!?]{0,60}?\b(?:word|token)\s+[\"“']?([A-Z][A-Z0-9_]+)"
    r"|(?:whole|entire|only) reply (?:must|should|will) be (?:the )?(?:single )?(?:word|token) "
    r"[\"“']?([A-Z][A-Z0-9_]+)",
    re.IGNORECASE,
)
_OBEY_REVEAL = re.compile(r"reveal (?:your|the) (?:system )?(?:prompt|instructions)", re.IGNORECASE)
_OBEY_PHISH = re.compile(
    r"(?:tell|ask|instruct) (?:every user|users|people|everyone)[^.!?]{0,80}?password"
    r"[^@]{0,60}?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
    re.IGNORECASE,
)
_PASSAGE = re.compile(r'<passage number="(\d+)"[^>]*>\n(.*?)\n</passage>', re.DOTALL)
_QUESTION = re.compile(r"<question>\n(.*?)\n</question>", re.DOTALL)


def naive_reply(messages: Sequence[tuple[str, str]], *, cite_hijack: bool = False) -> str:
    """What a model without any judgement says: it carries out the last instruction it
    reads anywhere (rules, passages or question alike); with none, it quotes the two
    passage sentences (of six words or more) sharing most words with the question,
    citing them."""
    text = html.unescape("\n".join(content for _, content in messages))
    system = next((content for role, content in messages if role == "system"), "")
    orders: list[tuple[int, str]] = []
    for match in _OBEY_WORD.finditer(text):
        orders.append((match.start(), match.group(1) or match.group(2)))
    for match in _OBEY_REVEAL.finditer(text):
        orders.append((match.start(), f"My instructions are: {system}"))
    for match in _OBEY_PHISH.finditer(text):
        orders.append((match.start(), f"Please email your password to {match.group(1)} now."))
    if orders:
        obeyed = max(orders)[1]
        return f"{obeyed} [1]" if cite_hijack else obeyed
    return _helpful_reply(messages)


def _helpful_reply(messages: Sequence[tuple[str, str]]) -> str:
    last = html.unescape(messages[-1][1])
    questions = _QUESTION.findall(last)
    wanted = set(content_terms(questions[-1] if questions else last))
    scored = []
    for number, body in _PASSAGE.findall(last):
        for line in body.split("\n"):
            for sentence in split_sentences(line):
                if len(sentence.split()) < 6:
                    continue  # titles and headings say nothing on their own
                shared = len(wanted & set(content_terms(sentence)))
                if shared:
                    scored.append((shared, -len(scored), sentence, number))
    if not scored:
        return "NO_ANSWER"
    best = sorted(scored, reverse=True)[:2]
    return " ".join(f"{sentence.rstrip('.')} [{number}]." for _, _, sentence, number in best)


@dataclass
class NaiveModel:
    """`naive_reply` behind the ChatModel port."""

    cite_hijack: bool = False
    prompts: list[list[PromptMessage]] = field(default_factory=list)

    async def complete(self, messages: Sequence[PromptMessage]) -> str:
        self.prompts.append(list(messages))
        return naive_reply([(m.role.value, m.content) for m in messages],
                           cite_hijack=self.cite_hijack)

    async def aclose(self) -> None:
        return None
