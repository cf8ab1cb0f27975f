"""Due dates and misspellings, read the way people write them."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace
from datetime import date

import pytest

from bot.understanding.dates import read_date
from bot.understanding.summary import summary
from bot.understanding.words import as_title, corrected
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

WEDNESDAY = date(2026, 12, 2)


@pytest.mark.parametrize(("said", "expected"), [
    ("2026-12-24", date(2026, 12, 24)),
    ("24/12/2026", date(2026, 12, 24)),
    ("24 dec", date(2026, 12, 24)),
    ("dec 24th", date(2026, 12, 24)),
    ("1st of january", date(2027, 1, 1)),
    ("today", WEDNESDAY),
    ("tomorrow", date(2026, 12, 3)),
    ("friday", date(2026, 12, 4)),
    ("next friday", date(2026, 12, 4)),
    ("next wednesday", date(2026, 12, 9)),
    ("next week", date(2026, 12, 7)),
    ("in 3 days", date(2026, 12, 5)),
    ("in 2 weeks", date(2026, 12, 16)),
    ("in a week", date(2026, 12, 9)),
])
def test_a_due_date_is_read_as_written(said: str, expected: date) -> None:
    assert read_date(said.split(), 0, WEDNESDAY) == (expected, len(said.split()))


@pytest.mark.parametrize(("said", "expected"), [
    ("12 due this weekend", "edit #12 due=2026-12-06"),
    ("make 12 due this weekend", "edit #12 due=2026-12-06"),
    ("set 12 due the weekend", "edit #12 due=2026-12-06"),
    ("12 due by this weekend", "edit #12 due=2026-12-06"),
    # which weekend is not guessed, and a list of what was filed asks of the one just gone
    ("12 due next weekend", "ask edit #12 ? due_date: I couldn't read “next weekend” as a date."),
    ("tickets filed this weekend", "list created created_from=2026-11-28 created_before=2026-11-30"),
])
def test_due_this_weekend_is_the_sunday_that_ends_the_coming_weekend(
    said: str, expected: str
) -> None:
    """"12 due this weekend" asked for a date: a due date is ahead, so the weekend coming (not
    the one just gone, as a list of what was filed asks), due by its end."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("today", "sunday"), [
    (date(2026, 12, 5), date(2026, 12, 6)),  # said on the Saturday: the one under way
    (date(2026, 12, 6), date(2026, 12, 6)),  # on the Sunday: today
    (date(2026, 12, 7), date(2026, 12, 13)),  # on the Monday after: the coming one
])
def test_due_this_weekend_said_at_the_weekend_is_the_one_under_way(today: date, sunday: date) -> None:
    understood = as_the_bot_reads("12 due this weekend", replace(CONVERSATION, today=today))
    assert summary(understood) == expanded(f"edit #12 due={sunday.isoformat()}")


@pytest.mark.parametrize("said", ["30 feb", "2026-13-01", "may i", "in 9999 days", "mon", "4"])
def test_what_is_not_a_date_stays_words(said: str) -> None:
    assert read_date(said.split(), 0, WEDNESDAY) is None


def test_a_date_that_has_passed_this_year_means_next_year() -> None:
    assert read_date(["1", "dec"], 0, WEDNESDAY) == (date(2027, 12, 1), 2)


@pytest.mark.parametrize(("said", "today", "expected"), [
    ("in a month", date(2027, 1, 31), date(2027, 2, 28)),  # February is shorter
    ("in a month", date(2028, 1, 30), date(2028, 2, 29)),
    ("in one month", date(2026, 12, 7), date(2027, 1, 7)),
    ("in 2 months", date(2026, 12, 31), date(2027, 2, 28)),
    ("in 3 months", date(2026, 11, 30), date(2027, 2, 28)),
    ("in 12 months", date(2028, 2, 29), date(2029, 2, 28)),
])
def test_months_ahead_land_on_the_same_day_or_the_last_the_month_has(
    said: str, today: date, expected: date
) -> None:
    """"make 4 due in a month" could not be read as a date on any day."""
    assert read_date(said.split(), 0, today) == (expected, 3)


@pytest.mark.parametrize("said", ["in 13 months", "in 0 months", "in a fortnight month"])
def test_months_past_a_year_or_none_are_no_date(said: str) -> None:
    assert read_date(said.split(), 0, WEDNESDAY) is None


@pytest.mark.parametrize(("said", "today", "expected"), [
    ("the 30th", date(2027, 1, 31), date(2027, 3, 30)),  # February has none
    ("the 29th", date(2027, 1, 30), date(2027, 3, 29)),
    ("the 29th", date(2028, 1, 30), date(2028, 2, 29)),
    ("the 31st", date(2026, 11, 1), date(2026, 12, 31)),
    ("the 31st", date(2026, 12, 31), date(2026, 12, 31)),
    ("29 feb", date(2027, 1, 1), date(2028, 2, 29)),
    ("29th of february", date(2028, 3, 1), date(2032, 2, 29)),
    ("29/02", date(2028, 2, 29), date(2028, 2, 29)),
    ("24 dec", date(2026, 12, 24), date(2026, 12, 24)),
])
def test_a_day_some_months_or_years_lack_is_the_next_one_there_is(
    said: str, today: date, expected: date
) -> None:
    """"due the 30th" said on 31 January was "not a status I know" (no 30 February)."""
    assert read_date(said.split(), 0, today) == (expected, len(said.split()))


@pytest.mark.parametrize(("typed", "meant"), [
    ("ticekt", "ticket"), ("tikcet", "ticket"), ("asign", "assign"), ("clsoe", "close"),
    ("resovle", "resolve"), ("coment", "comment"), ("urgnet", "urgent"), ("statsu", "status"),
])
def test_a_keyword_one_letter_off_is_corrected(typed: str, meant: str) -> None:
    assert corrected(typed) == meant


@pytest.mark.parametrize("word", ["export", "printer", "fixed", "filed", "lee", "prioritize", "choose",
                                  "how", "his", "hot", "lot", "fix", "bug", "sho", "hi", "set"])
def test_other_words_are_left_alone(word: str) -> None:
    assert corrected(word) == word


@pytest.mark.parametrize(("said", "expected"), [
    # a four-letter word of one vowel typed without it: asked which status, or not read, before
    ("set 7 to hgh priority", "edit #7 priority=high"), ("make 7 hgh", "edit #7 priority=high"),
    ("put 7 on hld", "status #7 on_hold"), ("shw 7", "show #7"), ("shw me 12", "show #12"),
    ("lst my tickets", "list mine"), ("mrk 7 as done", "status #7 resolved"),
    ("hnd 7 to sam", "assign #7 to user:u-sam"), ("snd 7 to network", "assign #7 to team:2"),
    # titles keep what was typed
    ("new ticket: snd card broken", "create title='Snd card broken'"),
])
def test_a_short_word_typed_without_its_vowel_is_read(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_a_word_longer_than_any_keyword_is_left_as_typed_without_building_its_variants() -> None:
    # Each one-letter deletion of a word is a copy of it: 20,000 letters took 400 MB, and
    # one 200,000-letter word in a Teams message took 23 GB and the server with it.
    word = "x" * 20_000
    tracemalloc.start()
    try:
        assert corrected(word) == word
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < 1_000_000
    assert corrected("ticketss") == "tickets"  # one letter past the longest still corrects
    assert corrected("enhancementt") == "enhancement"


@pytest.mark.parametrize(("said", "expected"), [
    ("make 4 due 31/02", "ask edit TKT-2026-0004 ? due_date: I couldn't read “31/02” as a date."),
    ("Make it due next month pls",
     "ask edit TKT-2026-0007 ? due_date: I couldn't read “next month” as a date."),
    ("set 4 due on 2026-02-30",
     "ask edit TKT-2026-0004 ? due_date: I couldn't read “2026-02-30” as a date."),
    ("put 4 due by 30 Feb",
     "ask edit TKT-2026-0004 ? due_date: I couldn't read “30 Feb” as a date."),
    ("make 4 due whenever",
     "ask edit TKT-2026-0004 ? due_date: I couldn't read “whenever” as a date."),
    ("make 4 due", "ask edit TKT-2026-0004 ? due_date"),
    ("make 4 due friday", "edit TKT-2026-0004 due=2026-12-04"),
])
def test_a_due_date_that_cannot_be_read_is_asked_for_not_taken_for_a_status(
    said: str, expected: str
) -> None:
    """"make 4 due 31/02" was "“due 31/02” is not a status I know. Which status …?"."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("typed", "title"), [
    ("printer jams", "Printer jams"),
    ("the projector in room 4 wont turn on", "The projector in room 4 wont turn on"),
    ("Printer jams", "Printer jams"),
    ("iPhone won't sync mail", "iPhone won't sync mail"),
    ("macOS update stuck at 90%", "macOS update stuck at 90%"),
    ("eBay orders page blank", "eBay orders page blank"),
    ("3rd floor printer", "3rd floor printer"),
    ("ébauche du contrat perdue", "Ébauche du contrat perdue"),
    ("", ""),
    ("   ", "   "),
])
def test_a_title_typed_in_chat_starts_with_a_capital_unless_written_in_mixed_case(
    typed: str, title: str
) -> None:
    assert as_title(typed) == title
