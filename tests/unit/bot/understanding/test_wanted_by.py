"""A day a ticket is wanted by, said as people say it ("i need it by friday", "can I get it
back by monday?"), is its due date: told, it is set; asked, it is offered first. A question
when someone will look at it asks how it stands (nobody can tell when)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("i need it by friday", "edit #7 due=2026-12-04"),
    ("need it by friday pls", "edit #7 due=2026-12-04"),
    ("I need 4 by Friday", "edit #4 due=2026-12-04"),
    ("we really need it back by monday at the latest", "edit #7 due=2026-12-07"),
    ("i need it by friday, my presentation is then", "edit #7 due=2026-12-04"),
    ("we would like 4 done before monday please", "edit #4 due=2026-12-07"),
    ("i'd really need 12 fixed by tomorrow", "edit #12 due=2026-12-03"),
])
def test_a_day_it_is_needed_by_is_its_due_date(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "ticket", "day"), [
    ("can i get it by friday", 7, "Fri 4 Dec"), ("Could I please get it by Friday?", 7, "Fri 4 Dec"),
    ("can i have 4 by friday", 4, "Fri 4 Dec"), ("could it be done by friday", 7, "Fri 4 Dec"),
    ("can we get 4 fixed by tomorrow?", 4, "Thu 3 Dec"),
    ("can i get 4 back by monday please", 4, "Mon 7 Dec"),
    ("could 12 be replaced by next friday", 12, "Fri 4 Dec"),
])
def test_a_day_asked_for_is_offered_as_its_due_date(said: str, ticket: int, day: str) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    number = f"TKT-2026-{ticket:04d}"
    assert read.startswith(f"ask edit {number} due=") and read.endswith(
        f"Should {number} be due {day}? [Yes]"), read


@pytest.mark.parametrize(("said", "expected"), [
    ("i don't need it by friday", "free text"), ("i need a new one by friday", "free text"),
    ("do i need it by friday?", "show #7"), ("can i get it?", "show #7"),
    ("when will it be fixed", "show #7 asked=due"),
    ("if i need it by friday, what do i do", "question"),
])
def test_what_only_looks_like_it_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("when will someone look at it?", "show #7 asked=status"),
    ("when will somebody get to 4", "show #4 asked=status"),
    ("when will it be looked at", "show #7 asked=status"),
    ("When will the service desk pick it up?", "show #7 asked=status"),
    ("when will you guys look at 4", "show #4 asked=status"),
    ("when will it be picked up??", "show #7 asked=status"),
    ("when is someone going to look at my ticket", "list mine asked=status"),
])
def test_when_someone_will_look_at_it_asks_how_it_stands(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("1225 by tmrw pls", "edit #1225 due=2026-12-03"),
    ("12 by friday please", "edit #12 due=2026-12-04"),
    ("TKT-2026-0012 by friday pls", "edit #12 due=2026-12-04"),
    ("#12 by eod pls", "edit #12 due=2026-12-02"),
    # near misses: "it" alone, no day, a question, done already
    ("it by friday", "free text"),
    ("12 by sam", "free text"),
    ("12 by monday?", "show #12"),
    ("closed 12 by friday", "free text"),
])
def test_a_ticket_and_a_day_alone_is_when_it_is_wanted(said: str, expected: str) -> None:
    """A ticket typed and the day it is wanted by, nothing else ("1225 by tmrw pls") was not
    understood (sixteenth held-out table), while "need 1225 by tmrw" was."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
