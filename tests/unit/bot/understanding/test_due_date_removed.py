""""remove the due date on 12" was free text (the help documents offered to file it as a
ticket): it takes the due date off. Asking about the due date, or a deadline of something
else, is not that."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.actions.phrasing import phrase
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("remove the due date on 12", "edit #12 due=none"),
    ("clear the due date of 12", "edit #12 due=none"),
    ("pls delete the deadline for 12", "edit #12 due=none"),
    ("no due date for 12 anymore", "edit #12 due=none"),
    ("12 doesn't need a due date anymore", "edit #12 due=none"),
    ("take 12's deadline off", "edit #12 due=none"),
    ("can you remove the due date on 12?", "edit #12 due=none"),
    ("remove the due date", "edit #7 due=none"),
    ("clear the deadline please", "edit #7 due=none"),
    ("remove the due date on 12 and close it", "edit #12 due=none + status #12 closed"),
    # not that
    ("what's the due date on 12", "show #12 asked=due"),
    ("don't remove the due date on 12", "no change #12"),
    ("remove the deadline from the project plan", "free text"),
    ("12 due friday", "edit #12 due=2026-12-04"),
])
def test_the_due_date_taken_off(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_with_no_ticket_in_view_which_one_is_asked() -> None:
    read = as_the_bot_reads("remove the due date", replace(CONVERSATION, last_ticket=None))
    assert summary(read) == "edit ? due=none"


def test_its_button_says_what_is_read_as_it_again() -> None:
    read = as_the_bot_reads("remove the due date on 12", CONVERSATION)
    assert as_the_bot_reads(phrase(read, CONVERSATION), CONVERSATION) == read


@pytest.mark.parametrize(("said", "expected"), [
    ("push 12 out a week", "edit #12 due+=7d"),
    ("give 12 two more days", "edit #12 due+=2d"),
    ("give 12 an extra day", "edit #12 due+=1d"),
    ("extend the deadline of 12 by a week", "edit #12 due+=7d"),
    ("postpone 12 by 2 days", "edit #12 due+=2d"),
    ("push it out 3 days", "edit #7 due+=3d"),
    ("pls push the due date of 12 back 2 weeks", "edit #12 due+=14d"),
    # a day named is that day; a count not said is asked; a question or a negation is none
    ("move 12 to friday", "edit #12 due=2026-12-04"),
    ("delay 12 a few days", "how much later #12"),  # asked, never guessed
    ("should we push 12 out a week?", "show #12"),
    ("don't push 12 out a week", "no change #12"),
    ("give 12 to sam", "assign #12 to user:u-sam"),
])
def test_the_due_date_pushed_out_by_days(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_pushed_out_its_button_says_what_is_read_as_it_again() -> None:
    read = as_the_bot_reads("push 12 out a week", CONVERSATION)
    assert as_the_bot_reads(phrase(read, CONVERSATION), CONVERSATION) == read


@pytest.mark.parametrize(("said", "expected"), [
    ("set 12 with no due date", "edit #12 due=none"),
    ("make 12 no due date", "edit #12 due=none"),
    ("Set 12 to no deadline", "edit #12 due=none"),
    ("set 12 without a due date", "edit #12 due=none"),
    ("make 12 without deadline", "edit #12 due=none"),
    ("set no due date on 12", "edit #12 due=none"),
    ("set 12 due date to none", "edit #12 due=none"),
    ("set the due date of 12 to none", "edit #12 due=none"),
    ("set it with no due date", "edit #7 due=none"),
    # not that
    ("make 12 no due date?", "show #12 asked=due"),
    ("don't set 12 with no due date", "no change #12"),
    ("12 has no due date", "show #12 asked=due"),
    ("make 12 due friday", "edit #12 due=2026-12-04"),
])
def test_no_due_date_set_takes_it_off(said: str, expected: str) -> None:
    """"set 12 with no due date", "make 12 no due date" asked which status 12 should get
    ("“no due date” is not a status I know"); "set no due date on 12" was not understood."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
