"""Courtesy said to someone @mentioned ("thanks <at>Sam Rivera</at>!") is courtesy, as
"thanks all" is (it was not understood); a request to them is read as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("thanks <at>Sam Rivera</at>!", "small talk thanks"),
    ("<p>cheers&nbsp;<at>Sam Rivera</at></p>", "small talk thanks"),
    ("<at>Sam Rivera</at> thank you 🙏", "small talk thanks"),
    ("morning <at>Sam Rivera</at>", "small talk hello"),
])
def test_courtesy_to_someone_mentioned_is_courtesy(said: str, expected: str) -> None:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    assert summary(as_the_bot_reads(text, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("<at>Sam Rivera</at> can you take 40?",
     "ask assign #40 to ?: Should Sam Rivera take #40? [Yes]"),
    ("assign 41 to <at>Sam Rivera</at>", "assign #41 to user:u-sam"),
    ("thanks <at>Sam Rivera</at>, close 42", "free text"),  # never thanks alone
])
def test_a_request_with_someone_mentioned_is_read_as_before(said: str, expected: str) -> None:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    assert summary(as_the_bot_reads(text, CONVERSATION)) == expanded(expected)
