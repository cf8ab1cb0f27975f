""""on it" said after a ticket was shown starts it (and takes it); a question or a story
about something else being "on it" is not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "on it", "On it!", "I'm on it", "im on it 👍", "ok, on it", "on it, thanks",
    "looking into it now", "Looking into it", "I'll look into it", "will look into it asap",
    "we're on it", "I'm looking at it", "checking it now", "i will take a look at it",
])
def test_on_it_starts_and_takes_the_ticket_last_shown(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "start and take TKT-2026-0007"


def test_on_it_with_no_ticket_shown_names_none() -> None:
    alone = replace(CONVERSATION, last_ticket=None)
    assert summary(as_the_bot_reads("I'm on it", alone)) == "start and take ?"


@pytest.mark.parametrize("said", [
    "on it?", "are you on it?", "the printer is on it", "not on it", "is anyone on it",
    "I'm not on it",
])
def test_a_question_or_something_else_on_it_starts_nothing(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("start and take")
