""""close 12?!", "assign 12 to sam?!" and "resolve 12?!!" made the change: only a message
whose very last sign was "?" was read as asked, so the "!" of surprise after it hid the
question. A "?" followed only by "!"s (or "‽") is asked as "close 12?" is, and changes
nothing; "close 12!" and "close 12!!" are still the change told with force."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import (
    CHANGES, CONVERSATION, as_the_bot_reads, expanded,
)


def understood(said: str) -> object:
    return readable(as_the_bot_reads(clean_markup(said, drop_mentions_of={"ticketflow"}),
                                     CONVERSATION))


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12?!", "show #12"),
    ("close 12 ?!", "show #12"),
    ("Close 12?!", "show #12"),
    ("close it?!", "show #7"),
    ("resolve 12?!!", "show #12"),
    ("assign 12 to sam?!", "show #12"),
    ("fixed 12?!", "show #12"),
    ("<p>close 12?!</p>", "show #12"),
    ("close 12, why?!", "show #12"),
    ("close 12?! thanks", "ask status #12 ?: Should #12 be closed? [Yes]"),
])
def test_a_change_asked_with_surprise_is_not_made(said: str, expected: str) -> None:
    reading = understood(said)
    assert not isinstance(reading, CHANGES) and summary(reading) == expanded(expected)


@pytest.mark.parametrize("said", ["close 12‽", "close 12?!?", "close 12!?"])
def test_other_marks_of_a_surprised_question_change_nothing(said: str) -> None:
    assert not isinstance(understood(said), CHANGES)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12!", "status #12 closed"),
    ("close 12!!", "status #12 closed"),
    ("close it!!!", "status #7 closed"),
    ("assign 12 to sam!", "assign #12 to user:u-sam"),
    ("what?! close 12", "status #12 closed"),
])
def test_a_change_told_with_force_is_still_made(said: str, expected: str) -> None:
    assert summary(understood(said)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("make 12 urgent, close it?", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("the printer works now - close 12?", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("user is happy. resolve 12?", "ask status #12 ?: Should #12 be resolved? [Yes]"),
    ("assign 12 to sam, set it to high?", "ask edit #12 ?: Should #12 be high priority? [Yes]"),
    # asked of the bot, or the question is another one after the change: made as before
    ("12 is fixed, can you close it?", "status #12 closed"),
    ("12 is fixed, could u close it pls?", "status #12 closed"),
    ("hi, can you assign 12 to me?", "assign #12 to user:u-jo"),
    ("make 12 urgent, close it", "edit #12 priority=urgent + status #12 closed"),
    ("close 4 then what's still open?", "status #4 closed + list all status=open"),
    ("do you mind assigning 27 to sam?", "assign #27 to user:u-sam"),
    ("12 is urgent, can you set it to high?", "edit #12 priority=high"),
    # no "it" said after a change of a ticket named: that ticket is asked about, not the one in view
    ("close 12, assign to sam?", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("make 12 urgent, assign to sam?", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("resolve 12. assign to priya?", "ask assign #12 to ?: Should Priya Shah take #12? [Yes]"),
    ("put 12 on hold, give to alex?", "ask assign #12 to ?: Should Alex Kim take #12? [Yes]"),
    ("close 12, assign it to sam?", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("the printer is broken. assign to sam?", "ask assign #7 to ?: Should Sam Rivera take #7? [Yes]"),
    ("printer on 3 is jammed. assign to sam?", "ask assign #7 to ?: Should Sam Rivera take #7? [Yes]"),
])
def test_a_change_asked_last_after_another_clause_is_asked(said: str, expected: str) -> None:
    """"make 12 urgent, close it?" closed 12 (and dropped the priority), "assign 12 to sam, set
    it to high?" set the priority (and dropped the hand-over): the question mark of the last
    clause was read only when the message was that clause alone."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
