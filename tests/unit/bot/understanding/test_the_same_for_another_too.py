"""Another ticket said with "too" just after a change ("and 4 too", "same for 4", "4 as
well", "the vpn one too" after a list) asks for the same change of it; it showed the ticket,
and the change was left for the person to type again. What was just done is the
conversation's to know: the action layer makes it of the other ticket when it knows it for
certain, asks otherwise, and shows the ticket when nothing was just changed."""

from __future__ import annotations

import pytest

from bot.understanding import understand
from bot.understanding.corrections import the_same_too
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("and 4 too", "meant #4 too"),
    ("4 too", "meant #4 too"),
    ("and TKT-2026-0004 too pls", "meant #4 too"),
    ("4 as well", "meant #4 too"),
    ("and #4 as well please", "meant #4 too"),
    ("same for 4", "meant #4 too"),
    ("same with 4 pls", "meant #4 too"),
    ("same thing for 4", "meant #4 too"),
    ("do the same for 4", "meant #4 too"),
    ("ditto 4", "meant #4 too"),
    ("also 4", "meant #4 too"),
    ("and ticket 4 also", "meant #4 too"),
    ("oh and 4 too", "meant #4 too"),
    ("+ 4 too", "meant #4 too"),
])
def test_another_ticket_said_with_too_is_the_same_change_of_it(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("and 4 too?", "meant #4 too?"),
    ("4 too?", "meant #4 too?"),
    ("and 4 too??", "meant #4 too?"),
    ("and 4 too?!", "meant #4 too?"),
    ("4 as well?", "meant #4 too?"),
    ("same for 4?", "meant #4 too?"),
    ("ditto 4?", "meant #4 too?"),
    ("and TKT-2026-0004 too ?", "meant #4 too?"),
])
def test_another_ticket_asked_about_with_too_is_only_asked(said: str, read: str) -> None:
    """"and 4 too?" made the change just made of 4 unasked, as "and 4 too" does: it is a
    question, so the action layer asks it (one press to make it)."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("and 4?", "show #4"),
    ("4", "show #4"),
    ("what about 4", "show #4"),
    ("close 4 too", "status #4 closed"),
    ("give 4 to sam as well", "assign #4 to user:u-sam"),
    ("sorry not 2, i meant 3", "meant #3 not #2"),
])
def test_a_ticket_said_without_too_or_with_its_own_change_is_read_as_before(
    said: str, read: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize("said", [
    "." + " " * 28_000 + "hello", "- " + "\t " * 14_000 + "ditto 4 pls",
    "!!" + " " * 27_990 + "and 4 too",
])
def test_a_long_message_is_no_ticket_meant_too(said: str) -> None:
    """Found by the day's review: '.' then 28,000 blanks took over a minute to read here, the
    blanks tried in every split between the patterns' runs; "and 4 too" is short."""
    assert the_same_too(said, CONVERSATION, understand) is None
