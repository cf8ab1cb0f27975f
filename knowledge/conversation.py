"""A help conversation: its session id, the stored exchanges, follow-ups and feedback.

Every question and answer is a row of TicketFlow's `ai_chat_messages`, so the
web app shows the same history. A session is one person's help conversation in
one place (a Teams chat or channel thread, or the terminal): its id is derived
from those, so it stays the same across turns and restarts without being kept
anywhere.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from domain.errors import NotAllowed, NotFound
from knowledge.terms import content_terms
from knowledge.text import words

FOLLOW_UP_WINDOW = timedelta(minutes=30)
"""An earlier exchange older than this is a finished conversation, not context."""

_REFERRING_WORDS = frozenset(
    {"it", "its", "that", "this", "those", "these", "they", "them", "there", "one", "same", "else"}
)
_CONTINUATIONS = ("and ", "also ", "but ", "what about", "how about", "what if", "and if", "then ")
_SHORT_QUESTION_TERMS = 3
_SELF_CONTAINED_TERMS = 5


class ChatRole(StrEnum):
    USER = "user"
    ASSISTANT = "assistant"


class AnswerNotFound(NotFound):
    kind = "answer"


class NotYourAnswer(NotAllowed):
    """Only the person who asked may rate an answer or turn it into a ticket."""

    def __init__(self) -> None:
        super().__init__("only the person who asked can rate this answer or turn it into a ticket")


@dataclass(frozen=True, slots=True)
class Exchange:
    """One question and the answer stored for it; `answer` is the stored content."""

    session_id: str
    user_id: str
    question_id: int
    question: str
    answer_id: int
    answer: str
    document_ids: tuple[int, ...]
    answered_at: datetime | None


@dataclass(frozen=True, slots=True)
class RecordedExchange:
    question_id: int
    answer_id: int


@dataclass(frozen=True, slots=True)
class QuestionTally:
    """A question (as first worded) and how often it went unanswered or unhelpful."""

    question: str
    asked: int
    unanswered: int
    not_helpful: int


@dataclass(frozen=True, slots=True)
class HelpStatistics:
    questions: int
    answered: int
    helpful: int
    not_helpful: int
    most_unanswered: tuple[QuestionTally, ...]

    @property
    def unanswered(self) -> int:
        return self.questions - self.answered


class ChatStore(Protocol):
    """`ai_chat_messages` and the feedback on its answers."""

    async def last_exchange(self, *, session_id: str, user_id: str) -> Exchange | None:
        """The most recent question of this session and the answer stored after it."""
        ...

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
    ) -> RecordedExchange:
        """Stores the question (role user) and the answer (role assistant) together."""
        ...

    async def exchange(self, answer_id: int) -> Exchange | None:
        """The assistant message `answer_id` with the question asked before it."""
        ...

    async def record_feedback(
        self, *, message_id: int, user_id: str, helpful: bool, at: datetime
    ) -> None:
        """One verdict per person and answer; a second press replaces the first."""
        ...

    async def statistics(self, *, since: datetime | None, top: int) -> HelpStatistics:
        """Counts over the answers since `since`; questions grouped by their words."""
        ...


def session_id_for(*, place: str, conversation_id: str, user_id: str) -> str:
    """Stable per person and conversation; `place` keeps Teams and the terminal apart."""
    digest = hashlib.sha256(f"{place}\n{conversation_id}\n{user_id}".encode()).hexdigest()
    return f"{place}-{digest[:32]}"


def recent(previous: Exchange | None, *, now: datetime) -> Exchange | None:
    """`previous` when it is still part of the conversation, else None."""
    if previous is None or previous.answered_at is None:
        return None
    return previous if now - previous.answered_at <= FOLLOW_UP_WINDOW else None


def follows_up(question: str) -> bool:
    """Whether a question leans on the one before: "what about a Mac?", "how long does it take?"."""
    terms = content_terms(question)
    lowered = " ".join(question.casefold().split())
    if len(terms) <= _SHORT_QUESTION_TERMS or lowered.startswith(_CONTINUATIONS):
        return True
    refers = any(word in _REFERRING_WORDS for word in words(question))
    return refers and len(terms) <= _SELF_CONTAINED_TERMS


def search_text(question: str, previous: Exchange | None) -> str:
    """What to search for: a follow-up is searched together with the question it follows."""
    if previous is not None and follows_up(question):
        return f"{previous.question} {question}"
    return question


def question_key(question: str) -> str:
    """Questions worded alike count as one in the statistics."""
    return " ".join(words(question))
