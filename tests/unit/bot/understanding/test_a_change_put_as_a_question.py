"""A change put as a question with more said after it ("close 12? carl said its fine",
"close 12? idk", "close 12? probably") closed 12, posting what followed as the reason. The
question mark is the writer's own doubt, as "close 12?" alone (only shown) is: now whether
to is asked, the reason kept for a Yes. Hesitation after it ("close 12? not sure", "close
12? or should we wait") changes nothing, as before; a change asked of the bot ("can you
close 12? it's fixed") and one told without a question mark are made as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.requests import ChangeStatus, Clarify
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def understood(said: str) -> object:
    return readable(as_the_bot_reads(clean_markup(said, drop_mentions_of={"ticketflow"}),
                                     CONVERSATION))


@pytest.mark.parametrize(("said", "question"), [
    ("close 12? carl said its fine", "Should #12 be closed? [Yes]"),
    ("close 12? idk", "Should #12 be closed? [Yes]"),
    ("close 12? probably", "Should #12 be closed? [Yes]"),
    ("close 12? i think so", "Should #12 be closed? [Yes]"),
    ("close 12?? the user is happy", "Should #12 be closed? [Yes]"),
    ("ok close 12? sam said so", "Should #12 be closed? [Yes]"),
    ("clsoe 12? carl said its fine", "Should #12 be closed? [Yes]"),
    ("resolve 12? the user confirmed", "Should #12 be resolved? [Yes]"),
    ("<p>close 12? carl said its fine</p>", "Should #12 be closed? [Yes]"),
    ("give 12 to sam? he knows the vpn", "Should Sam Rivera take #12? [Yes]"),
    ("put 12 on hold? waiting on vendor", "Should #12 be on hold? [Yes]"),
    ("make 12 urgent? the ceo is waiting", "Should #12 be urgent priority? [Yes]"),
])
def test_a_change_put_as_a_question_is_asked_first(said: str, question: str) -> None:
    assert summary(understood(said)).endswith(expanded(question))


def test_the_reason_said_after_the_question_is_kept_for_a_yes() -> None:
    found = understood("close 12? carl said its fine")
    assert isinstance(found, Clarify) and isinstance(found.request, ChangeStatus)
    assert found.request.reason == "carl said its fine"


@pytest.mark.parametrize("said", [
    "close 12? not sure", "close 12? or should we wait", "close 12? or not", "close 12?",
    "close 12? maybe wait", "close 12? what do you think", "is 12 closed? if not close it",
    "close 12 and 13? carl said fine",
])
def test_hesitation_after_a_change_put_as_a_question_changes_nothing(said: str) -> None:
    assert not summary(understood(said)).startswith(("status", "assign", "edit")), said


@pytest.mark.parametrize(("said", "expected"), [
    ("can you close 12? its fixed", "status #12 closed"),
    ("could you close 12? the user is happy", "status #12 closed"),
    ("close 12, carl said its fine", "status #12 closed"),
    ("close 12. carl said its fine", "status #12 closed"),
    ("close 12!", "status #12 closed"),
    ("make 12 urgent", "edit #12 priority=urgent"),
])
def test_a_change_asked_of_the_bot_or_told_is_made_as_before(said: str, expected: str) -> None:
    assert summary(understood(said)).startswith(expanded(expected))
