""""it" after another ticket named as what the one in view relates to is the one in view:
"this is a dupe of 12, close it", "dup of 12, close it", "same issue as 12, close it",
"merged into 12, close it", "duplicate of 12 pls close", "same as 12 so close it" closed 12,
the original, and "waiting on 12, put it on hold" held 12. Now the one in view is changed
(asked which, with none in view). The ticket told of first ("12 is fixed. close it", "the
user on 12 is happy. close it") and the change asked of the duplicate itself ("close this,
it's a dup of 12") are as before."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def read(said: str, *, in_view: bool = True) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    conversation = CONVERSATION if in_view else replace(CONVERSATION, last_ticket=None)
    return summary(readable(as_the_bot_reads(text, conversation)))


@pytest.mark.parametrize(("said", "expected"), [
    ("this is a dupe of 12, close it", "status #7 closed"),
    ("this is a dupe of ticket 12, close it", "status #7 closed"),
    ("dup of #12, close it", "status #7 closed"),
    ("it's a duplicate of 12. close it", "status #7 closed"),
    ("same issue as 12, close it", "status #7 closed"),
    ("same problem as #12. close this", "status #7 closed"),
    ("it's the same issue as 12, please resolve it", "status #7 resolved"),
    ("merged into 12, close it", "status #7 closed"),
    ("duplicate of 12 pls close", "status #7 closed"),
    ("same as 12 so close it", "status #7 closed"),
    ("dup of 12, close", "status #7 closed"),
    ("related to 12, close it", "status #7 closed"),
    ("waiting on 12, put it on hold", "status #7 on_hold"),
    ("depends on 12, put it on hold", "status #7 on_hold"),
    ("blocked by 12. put it on hold", "status #7 on_hold"),
    ("<p>dup of 12.</p><p>close it</p>", "status #7 closed"),
])
def test_it_after_a_ticket_related_to_is_the_one_in_view(said: str, expected: str) -> None:
    assert read(said) == expanded(expected)


@pytest.mark.parametrize("said", ["dup of 12, close it", "same issue as 12, close it"])
def test_with_none_in_view_which_ticket_is_asked(said: str) -> None:
    assert read(said, in_view=False) == "status ? closed"


@pytest.mark.parametrize(("said", "expected"), [
    ("12 is fixed. close it", "status #12 closed"),
    ("the user on 12 is happy. close it", "status #12 closed"),
    ("close this, it's a dup of 12", "status #7 closed"),
    ("close it as a dup of 12", "status #7 closed"),
    ("checked 12, close pls", "status #12 closed"),
    ("fixed 12 so please close it", "status #12 closed"),
    ("12 works as it should, close it", "status #12 closed"),
])
def test_a_ticket_told_of_or_the_change_asked_first_is_as_before(said: str, expected: str) -> None:
    assert read(said) == expanded(expected)


@pytest.mark.parametrize("said", [
    "similar to 12, close it",
    "similar to #12. close it",
    "linked from 12; close it",
    "nothing to do with 12, close it",
    "unlike 12 this works now, close it",
    "compared with 12 it is minor, close it",
    "saw 12 earlier, same as this. close it",
    "12 had the same thing as this one, resolve it",
])
def test_it_after_a_ticket_compared_with_is_never_that_ticket(said: str) -> None:
    assert read(said) in {expanded("status #7 closed"), "status ? closed",
                          expanded("status #7 resolved"), "status ? resolved"}
