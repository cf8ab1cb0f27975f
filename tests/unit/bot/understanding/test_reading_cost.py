"""Reading a message costs work in proportion to its length, whatever its shape: the
longest message Teams sends, made of one phrase repeated, is read in one pass; a run of
tickets or a field's label repeated thousands of times is not read again once per repeat."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, overload

import pytest

from bot.understanding import Conversation, reading, understand
from bot.understanding.filed import read_filed
from bot.understanding.message import Message, read_message
from bot.understanding.requests import EditTicket, FreeText, Understanding, Unknown
from domain.tickets import Priority
from bot.understanding.referent import ThingsTold
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

TEAMS_LONGEST = 28_000  # characters of text in the largest message Teams delivers


class CountedWords(Sequence[str]):
    """Words that count how often they are looked at."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.looks = 0

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        self.looks += 1 if isinstance(index, int) else len(self.words[index])
        return self.words[index]

    def __len__(self) -> int:
        return len(self.words)


def _asked_of_every_it(phrase: str, times: int) -> tuple[int, int, int]:
    """(words, words looked at, "it"s told of a thing) asking about each "it" in turn."""
    words = CountedWords(phrase.split() * times)
    ends = [False] * len(words.words)
    clauses = [word.endswith(",") for word in words.words]
    looked_up = 0

    def clause_end(i: int) -> bool:
        nonlocal looked_up
        looked_up += 1
        return clauses[i]

    def sentence_end(i: int) -> bool:
        nonlocal looked_up
        looked_up += 1
        return ends[i]

    told = ThingsTold(words.words, sentence_ends=ends, clause_ends=clauses)
    things = sum(told.names_its_own_thing(words, index, sentence_end=sentence_end,
                                          clause_end=clause_end)
                 for index, word in enumerate(words.words) if word == "it")
    return len(words), words.looks + looked_up, things


def test_every_it_of_one_long_sentence_is_weighed_in_one_pass() -> None:
    for phrase in ("it not open", "my laptop and it", "outlook, it", "it it it"):
        count, looks, _ = _asked_of_every_it(phrase, 4_000)
        assert looks <= 8 * count, phrase


def test_the_thing_it_is_told_of_is_found_however_long_the_sentence() -> None:
    assert _asked_of_every_it("my laptop and it", 3_000)[2] == 3_000
    assert _asked_of_every_it("my laptop and it closed", 3_000)[2] == 0  # the ticket, closed


def test_a_long_story_of_things_that_fail_is_told_to_the_assistant() -> None:
    told = "my laptop is slow and it keeps freezing, outlook crashed and it says error. "
    assert summary(as_the_bot_reads((told * TEAMS_LONGEST)[:TEAMS_LONGEST], CONVERSATION)) == (
        "free text")


class CountedList(list[Any]):
    """A message's words that count how many are looked at."""

    looks = 0

    def __getitem__(self, index: Any) -> Any:  # type: ignore[override]
        found = super().__getitem__(index)
        CountedList.looks += len(found) if isinstance(index, slice) else 1
        return found


def test_a_list_query_of_thousands_of_times_is_read_in_one_pass() -> None:
    times = 2_000
    message = read_message("tickets opened on 1 dec, " * times, CONVERSATION)
    message.words = CountedList(message.words)
    CountedList.looks = 0
    filed = read_filed(message, 0, len(message.words), CONVERSATION.today)
    assert filed is not None and len(filed.said.split()) >= times
    assert CountedList.looks <= 20 * len(message.words)


class CountedReadings:
    """`read_message` as the rules call it, counting how many messages they read."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, text: str, conversation: Conversation) -> Message:
        self.count += 1
        return read_message(text, conversation)


def _readings(said: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Understanding, int]:
    """What `said` is read as after a ticket's card, and how many messages were read."""
    readings = CountedReadings()
    with monkeypatch.context() as patched:
        patched.setattr(reading, "read_message", readings)
        return understand(said, CONVERSATION), readings.count


@pytest.mark.parametrize("runs", [10, 100])
@pytest.mark.parametrize("phrase", ["close 4 and 5 ", "close 4 and 5, then assign 6 to me. "])
def test_a_message_of_many_runs_of_tickets_is_read_again_once_not_once_per_run(
    phrase: str, runs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _readings(phrase * runs, monkeypatch)[1] <= 4


def test_the_longest_message_of_runs_of_tickets_is_read_without_overflowing_the_stack() -> None:
    said = ("close 4 and 5 " * TEAMS_LONGEST)[:TEAMS_LONGEST]
    assert isinstance(understand(said, CONVERSATION), Unknown)


@pytest.mark.parametrize("labels", [10, 100])
def test_a_message_of_many_field_labels_is_read_up_to_the_first_field_said_twice(
    labels: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = ", ".join(["title: Printer jams", "priority: high"] * (labels // 2))
    assert _readings(said, monkeypatch) == (FreeText(said), 4)


def test_the_longest_message_of_field_labels_is_read_without_overflowing_the_stack() -> None:
    said = ("title: x, priority: high, due: friday, " * TEAMS_LONGEST)[:TEAMS_LONGEST]
    assert isinstance(understand(said, CONVERSATION), FreeText)
    assert understand("title: x, priority: high, due: friday", CONVERSATION) == EditTicket(
        CONVERSATION.last_ticket, title="X", priority=Priority.HIGH, due=date(2026, 12, 4))


@pytest.mark.parametrize("times", [10, 100])
def test_a_place_in_a_list_said_over_and_over_is_read_past_at_once(
    times: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _readings("the last one, " * times + "make it low", monkeypatch) == _readings(
        "the last one, make it low", monkeypatch)
    said = "the last one, " * times  # nothing asked after it: each place was read in full
    assert _readings(said, monkeypatch) == (FreeText(said.strip()), 2)


@pytest.mark.parametrize("times", [10, 100])
@pytest.mark.parametrize("phrase", ["title: ", "due date: friday "])
def test_a_message_of_many_clauses_is_searched_for_a_later_request_once(
    phrase: str, times: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    searches = []
    later_sentence = reading._later_sentence

    def searched(*args: Any) -> Any:
        searches.append(args)
        return later_sentence(*args)

    monkeypatch.setattr(reading, "_later_sentence", searched)
    assert isinstance(understand(phrase * times, CONVERSATION), FreeText)
    assert len(searches) <= 2


@pytest.mark.parametrize("phrase", ["x", "tickets about x oldest first", "all the",
                                    "open or closed by priority desc", "top 5 most urgent"])
def test_the_order_and_status_words_of_a_list_are_read_in_one_pass(phrase: str) -> None:
    """The order and every-status readers tried each of their thousands of phrases at every
    word: 28,000 characters of "x " took 10 s to understand. Phrases are now found by their
    first word: the same reading costs milliseconds."""
    import time

    from bot.understanding.lists import _every_status
    from bot.understanding.orders import read_count, read_order

    words = (phrase.split() * TEAMS_LONGEST)[:TEAMS_LONGEST // 2]
    started = time.thread_time()
    read_order(words)
    _every_status(words, frozenset())
    read_count(words)
    assert time.thread_time() - started < 0.5


@pytest.mark.parametrize("unit", ["http://", "https://x/tickets/", "https://a.example/b "])
def test_links_over_and_over_are_looked_at_once(unit: str) -> None:
    """Each "http" looked along the rest of the message for "/tickets/": 28,000 characters
    of "http://" took 0.8 s for the link alone; now 300 characters of an address at most."""
    import time

    said = (unit * (TEAMS_LONGEST // len(unit)))[:TEAMS_LONGEST]
    started = time.thread_time()
    reading._TICKET_LINK.sub(r"\g<number>", said)
    assert time.thread_time() - started < 0.15


@pytest.mark.parametrize("join", [" but ", ", "])
def test_a_refusal_before_a_long_message_does_not_read_the_rest_again(
    join: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"don't close 12 but close 13": the words after the refusal are read again as a request
    of another ticket only while they are as short as a request (read in full, the rest of
    a 54,000-character message took 2.5 s more)."""
    searches: list[int] = []
    later_sentence, understood_again = reading._later_sentence, reading._understand

    def searched(*args: Any, **kwargs: Any) -> Any:
        searches.append(len(str(args[0])))
        return later_sentence(*args, **kwargs)

    def again(*args: Any, **kwargs: Any) -> Any:
        searches.append(len(str(args[0])))
        return understood_again(*args, **kwargs)

    monkeypatch.setattr(reading, "_later_sentence", searched)
    monkeypatch.setattr(reading, "_understand", again)
    assert summary(understand(f"don't close 12{join}close 13", CONVERSATION)) == (
        "status TKT-2026-0013 closed")
    searches.clear()
    said = f"don't close 12{join}" + "close 13 " * 500
    understand(said, CONVERSATION)
    assert sum(searches) <= 2 * len(said), searches


class _CountedSet:
    """A set of words that counts the words it is compared with."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self.looks = 0

    def __contains__(self, word: object) -> bool:
        self.looks += 1
        return word in self.words

    def __and__(self, other: set[str]) -> set[str]:
        self.looks += len(other) or 1
        return set(self.words & other)

    def __rand__(self, other: set[str]) -> set[str]:
        return self.__and__(other)


@pytest.mark.parametrize("phrase", ["tickets 👉 ", "my tickets → ", "tickets not updated "])
def test_tickets_left_alone_are_looked_for_in_one_pass(
    phrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"948 👉 alex" made 👉 read as "→"; a run of them after "tickets" read every word
    before each word again to find whether tickets were named (a 60,000-character message of
    "👉 " took 18 s, 0.4 s before)."""
    from bot.understanding import quiet

    counted = _CountedSet(frozenset(quiet._LISTED))
    monkeypatch.setattr(quiet, "_LISTED", counted)
    message = read_message(phrase * 2_000, CONVERSATION)
    quiet.read_quiet(message, 0, len(message.words), CONVERSATION.today)
    assert counted.looks <= 2 * len(message.words)
