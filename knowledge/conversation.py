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

from domain.errors import NotAllowed, NotFound
from knowledge.extractive import everyday_names
from knowledge.lexicon import english_frequency
from knowledge.passages import Passage, SourceKind
from knowledge.retrieval import EVERYDAY_FREQUENCY
from knowledge.terms import content_terms, findable_terms, stem
from knowledge.text import words

FOLLOW_UP_WINDOW = timedelta(minutes=30)
"""An earlier exchange older than this is a finished conversation, not context."""

_REFERRING_WORDS = frozenset(
    {"it", "its", "that", "this", "those", "these", "they", "them", "one", "ones", "same",
     "else", "again", "instead", "other", "another", "former", "latter", "there"}
)
"""Words that point back at something said before ("how do I undo that?")."""
_REFERRING_STEMS = frozenset(stem(word) for word in _REFERRING_WORDS)
_NOT_REFERRING = ("is there", "are there", "is it possible", "is it ok", "is it okay",
                  "there is", "there are", "this morning", "this week", "this year",
                  "this month", "that's all")
"""Uses of those words that point at nothing earlier ("is there a gym discount")."""
_CONTINUATIONS = ("and ", "also ", "but ", "what about", "how about", "what if", "and if",
                  "then ", "so ", "or ", "same for", "same on", "same with")
_ELLIPSIS_TERMS = 2
"""A referring question with at most this many words of its own has no topic of its own."""


class Dependence(StrEnum):
    """How much a message leans on the turn before it, read from the message alone."""

    NONE = "none"
    """It has its own topic and no word pointing back: always a new question."""
    WEAK = "weak"
    """A word points back, but the message names a topic too: retrieval decides."""
    STRONG = "strong"
    """"and on Windows?", "what about the second one?", "why?": meaningless alone."""


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
    follow_up: bool = False
    """Answered as a follow-up of the exchange before it (stored in `help_exchanges`)."""
    topic: str = ""
    """What was searched for; empty when not recorded (the question alone)."""


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
    """Answers citing a document, leaked ones not included."""
    helpful: int
    not_helpful: int
    most_unanswered: tuple[QuestionTally, ...]
    follow_ups: int = 0
    """Answers given as follow-ups of the exchange before them."""
    leaked: int = 0
    """Answers that cite the previous exchange's documents for a question that did not
    depend on it: the topic carried over (recorded before follow-ups were told apart,
    or by another writer of `ai_chat_messages`). Counted as unanswered."""

    @property
    def unanswered(self) -> int:
        return self.questions - self.answered


def leaked(
    *,
    question: str,
    document_ids: Sequence[int],
    previous_document_ids: Sequence[int] | None,
    gap: timedelta | None,
) -> bool:
    """Whether an answer with no follow-up record carried over the previous topic.

    It did when it cites only documents the previous answer of the session (within
    the follow-up window) cited, for a question that does not point back at it.
    """
    if not document_ids or not previous_document_ids or gap is None or gap > FOLLOW_UP_WINDOW:
        return False
    return set(document_ids) <= set(previous_document_ids) and not follows_up(question)


def session_id_for(*, place: str, conversation_id: str, user_id: str) -> str:
    """Stable per person and conversation; `place` keeps Teams and the terminal apart."""
    digest = hashlib.sha256(f"{place}\n{conversation_id}\n{user_id}".encode()).hexdigest()
    return f"{place}-{digest[:32]}"


def recent(
    previous: Exchange | None, *, now: datetime, after: datetime | None = None
) -> Exchange | None:
    """`previous` when it is still part of the conversation, else None: answered within
    `FOLLOW_UP_WINDOW`, and after `after` (when the chat turned to something else since,
    a ticket shown, "it" is no longer what that answer was about)."""
    if previous is None or previous.answered_at is None:
        return None
    if after is not None and previous.answered_at < after:
        return None
    return previous if now - previous.answered_at <= FOLLOW_UP_WINDOW else None


def dependence(question: str) -> Dependence:
    """Whether a message depends on the one before, from its words only.

    A short question is not a follow-up for being short: "how do I reset my MFA?"
    after a question about printing is a new question. It takes a continuation
    ("and on a Mac?", "what about…"), a word pointing back ("undo that", "does it
    work"), or no topic word at all ("why?").
    """
    lowered = " ".join(words(question))
    terms = [term for term in content_terms(question) if term not in _REFERRING_STEMS]
    if not terms or lowered.startswith(_CONTINUATIONS):
        return Dependence.STRONG
    if not points_back(question):
        return Dependence.NONE
    return Dependence.STRONG if len(terms) <= _ELLIPSIS_TERMS else Dependence.WEAK


def points_back(message: str) -> bool:
    """Whether a word of the message points at something said or shown before ("can someone
    call me about it", "how do I undo that?"); not "is there a gym discount"."""
    lowered = f" {' '.join(words(message))} "
    for phrase in _NOT_REFERRING:
        lowered = lowered.replace(f" {phrase} ", "  ")
    return any(word in _REFERRING_WORDS for word in lowered.split())


def follows_up(question: str) -> bool:
    """Whether a question may lean on the one before: "what about a Mac?", "how do I undo that?"."""
    return dependence(question) is not Dependence.NONE


_ORDINALS = frozenset(stem(word) for word in (
    "first second third fourth fifth last next previous step steps part option".split()))
"""Words of a follow-up that point into the earlier answer ("what about the second one?",
"and the next step?"): the answer holds them as a place, not as a word."""


def _own_terms(question: str) -> set[str]:
    """What a follow-up adds: its meaningful words, not those pointing back or into a list."""
    return set(content_terms(question)) - _REFERRING_STEMS - _ORDINALS


_SLOTS = frozenset({"on", "for", "in", "with", "from", "at", "to", "via", "under"})
_ARTICLES = frozenset({"a", "an", "the", "my", "your", "our", "their", "his", "her"})


def swapped(question: str, earlier: str) -> set[str]:
    """The earlier question's words a follow-up puts another in place of: "windows" for "and
    on mac?" after "how do i connect to the vpn on windows" (the word after the same "on"),
    so the answer is not the Windows lines again. None when the follow-up fills no slot the
    earlier question had ("and what about hotels" after "how do I claim a taxi")."""
    own = _own_terms(question)
    if not own:
        return set()
    filled = {_slot_word(question, at) for at in _slots(question)}
    found: set[str] = set()
    for at in _slots(earlier):
        if _slot_word(question, at) is None:
            continue
        term = _slot_word(earlier, at)
        if term is not None and term not in own:
            found.add(term)
    return found if filled - {None} else set()


def _slots(text: str) -> list[str]:
    return [word for word in words(text) if word in _SLOTS]


def _slot_word(text: str, slot: str) -> str | None:
    """The content term right after `slot` in `text` (past an article), if any."""
    said = words(text)
    for index, word in enumerate(said):
        if word != slot:
            continue
        rest = [w for w in said[index + 1:index + 3] if w not in _ARTICLES][:1]
        terms = content_terms(" ".join(rest))
        return terms[0] if terms else None
    return None


def _named(term: str) -> frozenset[str]:
    return frozenset({term}) | everyday_names().get(term, frozenset())


def aspect(question: str) -> set[str]:
    """What a follow-up adds (`_own_terms`), with the everyday names of each of its words:
    "and on a mac?" is answered by a line about macOS."""
    return {name for term in _own_terms(question) for name in _named(term)}


def says_what_it_adds(question: str, text: str) -> bool:
    """Whether a quote holds a word a follow-up adds (or another name of one)."""
    return bool(aspect(question) & set(findable_terms(text)))


def how_much_it_adds(question: str, text: str) -> int:
    """How many of a follow-up's own words a quote holds (each by any of its names): "Lost
    or stolen phone: call the service desk…" holds both of "and if I lost my phone"."""
    said = set(findable_terms(text))
    return sum(1 for term in _own_terms(question) if _named(term) & said)


def said_before(text: str, previous: Exchange) -> bool:
    """Whether the earlier answer already quoted this text, word for word."""
    said = " ".join(words(text))
    return bool(said) and said in " ".join(words(previous.answer))


def lines_adding(question: str, text: str) -> str:
    """The lines of a quote (a list's steps) that hold what a follow-up adds: "and on a
    Mac?" after six connection steps is step 2's "…from the menu bar on a Mac", not the
    six again. A quote of one line, or with no such line, stays whole."""
    lines = text.split("\n")
    kept = [line for line in lines if says_what_it_adds(question, line)]
    return "\n".join(kept) if kept and len(kept) < len(lines) else text


def adds_nothing(
    question: str, quotes: Sequence[str], previous: Exchange, spoken: frozenset[str]
) -> bool:
    """Whether quotes answering a follow-up leave out everything the follow-up adds.

    They do when none holds a word of its own and either they only say the earlier answer
    again ("and on Mac?" answered with the same Windows steps) or the documents found do
    speak of that word elsewhere (`spoken`): "and on a Mac?" after "how do I reset my
    MFA?" quoted more of the MFA page while Macs appear only in other guides. A word no
    document found uses ("and the deadline?" for "submit within 60 days") cannot be
    checked, so new quotes stand. Better said not found, with a ticket on offer, than an
    answer to another question. A follow-up adding no word of its own ("why?", "what
    about the second one?") is answered as found."""
    own = aspect(question)
    if not own or not quotes:
        return False
    if own & {term for quote in quotes for term in findable_terms(quote)}:
        return False
    if own & spoken:
        return True
    before = " ".join(words(previous.answer))
    return all(" ".join(words(quote)) in before for quote in quotes)


def spoken_of(question: str, passages: Sequence[Passage]) -> frozenset[str]:
    """The words a follow-up adds (or their other names) that the passages found for it use."""
    own = aspect(question)
    return frozenset(own & {term for passage in passages for term in _said(passage)})


def _said(passage: Passage) -> set[str]:
    return set(findable_terms(" ".join((passage.title, passage.heading or "", passage.text))))


def on_topic(question: str, previous: Exchange, passages: Sequence[Passage]) -> list[Passage]:
    """The passages a follow-up may be answered from: of the documents the earlier answer
    cited, or holding at least half the earlier topic's words; and holding a word the
    follow-up adds, when the passages found use any of those words at all.

    "how do I reset my MFA?" then "and on a Mac?" is searched as both together, which
    finds the VPN guide's steps for a Mac (they never mention MFA) and more of the MFA
    page (nothing of a Mac): none answers. A word no passage found uses ("and the
    deadline?" for "within 60 days") cannot be checked, and a follow-up adding no word
    of its own ("why?", "what about the second one?") keeps them all. Half the earlier
    words, because a follow-up often swaps one of them: after "how do I connect to the
    vpn on windows", "and on a Mac?" is not answered by a page on installing software on
    Windows or a Mac.
    """
    own = _own_terms(question)
    earlier = _earlier_terms(question, previous)
    if not own or not earlier:
        return list(passages)
    spoken = spoken_of(question, passages)

    def answers(passage: Passage) -> bool:
        said = _said(passage)
        if spoken and not spoken & said:
            return False
        return _cited_before(passage, previous) or 2 * len(earlier & said) >= len(earlier)

    return [passage for passage in passages if answers(passage)]


def stays_on_topic(question: str, previous: Exchange, passage: Passage, quote: str) -> bool:
    """Whether a quote answering a follow-up is about what it follows: from a document
    the earlier answer cited, or itself naming the earlier topic (its heading counts).
    A passage is a whole section, so holding the topic's words somewhere in it is not
    enough: the FAQ's "On a Mac, open Self Service…" about installing software is no
    answer to "and on a Mac?" after a question about the VPN."""
    if _cited_before(passage, previous):
        return True
    earlier = _earlier_terms(question, previous)
    return not earlier or bool(earlier & set(findable_terms(f"{passage.heading or ''} {quote}")))


def _cited_before(passage: Passage, previous: Exchange) -> bool:
    """Whether the passage is from a help document the earlier answer cited."""
    return (passage.source is SourceKind.HELP_DOCUMENT
            and passage.document_id in previous.document_ids)


def _earlier_terms(question: str, previous: Exchange) -> set[str]:
    return set(content_terms(topic_of(previous))) - _own_terms(question) - _REFERRING_STEMS \
        - _ORDINALS


_BARE_ASKING = frozenset({"why", "how", "how come", "what", "when", "where", "who", "which",
                          "really", "and", "so", "then"})
"""A question word said alone ("why?") asks about what was said before."""


def lacks_a_topic(question: str) -> bool:
    """Whether a question means nothing without the one before it: "and on a Mac?", "why?",
    "what about the second one?" (pointing back, with at most one word of its own), "how
    long does it take?", "does that work on my phone too" (pointing back, with two words of
    its own, both everyday English), unlike "and how do I book a meeting room", "can I
    print it in colour" or "how long does it take to get a laptop", and unlike "hi" or "?",
    which point at nothing."""
    if dependence(question) is not Dependence.STRONG:
        return False
    own = _own_terms(question)
    if len(own) > _ELLIPSIS_TERMS or (len(own) > 1 and _names_something(question, own)):
        return False
    lowered = " ".join(words(question))
    return (lowered.startswith(_CONTINUATIONS) or lowered in _BARE_ASKING
            or any(word in _REFERRING_WORDS for word in lowered.split()))


def _names_something(question: str, own: set[str]) -> bool:
    """Whether one of a question's own words is rarer than everyday English ("print",
    "laptop", "colour"): "long" and "take" in "how long does it take?" say how it is asked,
    not what about (the same measure retrieval weighs such words by)."""
    return any(
        stem(word) in own and english_frequency(word) < EVERYDAY_FREQUENCY
        for word in words(question)
    )


def has_topic_of_its_own(question: str) -> bool:
    """Whether a follow-up names enough to be asked alone ("and how do I book a meeting
    room?"), unlike "and on a Mac?"."""
    return len(_own_terms(question)) > _ELLIPSIS_TERMS


def topic_of(previous: Exchange) -> str:
    """What an earlier exchange was about: a follow-up carries the topic it followed."""
    return previous.topic or previous.question


def search_text(question: str, previous: Exchange | None) -> str:
    """What to search for when `question` follows up on `previous`: both together (what
    `followed_topic` reads back from a stored exchange)."""
    if previous is None:
        return question
    return f"{topic_of(previous)} {question}"


def followed_topic(exchange: Exchange) -> str | None:
    """What a follow-up with no topic of its own was asked about ("printer on floor 2 is
    jammed again" for "who do I call about that"), read from the text it was searched with;
    None for a question that names its own ("the printer is jammed again" after a wifi
    answer). A ticket filed from "who do I call about that" alone tells the service desk
    nothing."""
    if not exchange.follow_up or has_topic_of_its_own(exchange.question):
        return None
    earlier = exchange.topic.removesuffix(exchange.question).strip()
    return earlier if earlier and earlier != exchange.topic.strip() else None


def question_key(question: str) -> str:
    """Questions worded alike count as one in the statistics."""
    return " ".join(words(question))


def tells_of(message: str, subject: str) -> bool:
    """Whether a message tells of what `subject` (the title of the ticket in view) names:
    "it flickers every few seconds" under "My monitor is flickering", "my vpn drops every hour
    on the hotel wifi too" under "VPN drops every hour". Pointing back ("it", "this", "again"),
    one word of the title is enough; otherwise two ("the wifi drops in the canteen" is not)."""
    shared = _own_terms(message) & set(content_terms(subject))
    return len(shared) >= (1 if points_back(message) else 2)


_OWN_SUBJECT = ("my ", "our ", "the ")


def about_something_else(message: str, subject: str) -> bool:
    """Whether a message pointing back only with "again" ("my wifi is slow again") tells of
    a thing of its own that `subject` (the title of the ticket in view) does not name: a
    problem of its own, not more about that ticket ("the printer is jammed again" after the
    printer ticket is about it, and so are "it's down again" and "same thing again")."""
    said = words(message)
    if " ".join(said[:1]) + " " not in _OWN_SUBJECT or set(said) & _REFERRING_WORDS != {"again"}:
        return False
    own = _own_terms(message)
    return bool(own) and not own & set(content_terms(subject))
