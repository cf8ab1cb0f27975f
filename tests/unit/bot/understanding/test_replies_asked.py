"""Whether anyone answered, asked of no ticket by name ("did anyone reply?", "what did they
say?", "has sam replied yet?", "any response from IT?"): the ticket in view, whose card shows
its latest comments; with none in view, the person's own tickets. These went to the help
assistant, which found nothing ("seems to follow on from an earlier question") or offered to
file the question as a new ticket."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

ASKED = [
    "did anyone reply?", "what did they say?", "has sam replied?", "any reply?",
    "Any response from IT?", "did the service desk answer?", "did they get back to me",
    "did someone comment?", "any comments yet?", "has anybody responded yet??",
    "ok so what did the technician say", "hi, any answer from support?", "did u guys reply",
]


@pytest.mark.parametrize("said", ASKED)
def test_whether_anyone_answered_is_asked_of_the_ticket_in_view(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded("show #7")


@pytest.mark.parametrize("said", ASKED[:4])
def test_with_no_ticket_in_view_it_is_asked_of_ones_own(said: str) -> None:
    read = summary(as_the_bot_reads(said, replace(CONVERSATION, last_ticket=None)))
    assert read.startswith("list mine"), read


@pytest.mark.parametrize(("said", "expected"), [
    ("what did the error say?", "question"),
    ("did you reply to the email from hr?", "question"),
    ("did anyone reply to 4?", "show #4"),
    ("how do i reply to a comment?", "question"),
    ("outlook is not responding", None),
    ("reply to 4: thanks, that worked", "comment #4 'thanks, that worked'"),
])
def test_what_only_looks_like_it_is_read_as_before(said: str, expected: str | None) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert read != expanded("show #7") or said.startswith("did anyone reply to"), read
    assert expected is None or read == expanded(expected)
