"""Signing off for a part of the day or for now ("thanks, that's me done for the morning",
"that's me done for today", "i'm off for the day"): went to the help assistant, which offered
to file it as a ticket, or listed the tickets resolved today ("done" read as a status). Now
answered in kind, as "done for the day" and "that's me for today" were."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("thanks, that's me done for the morning", "small talk thanks"),
    ("that's me done for today", "small talk ok"),
    ("That's me done for the day!", "small talk ok"),
    ("thats me done for now", "small talk ok"),
    ("im done for now", "small talk ok"),
    ("that's me for now", "small talk ok"),
    ("done for the week", "small talk ok"),
    ("that's me done for the week, have a good weekend", "small talk ok"),
    ("ok thats me done for today, cheers", "small talk thanks"),
    ("i'm off for the day", "small talk ok"),
    ("I'm finished for today", "small talk ok"),
])
def test_a_sign_off_is_answered_in_kind(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("done for today", "small talk ok"),
    ("im done for the day", "small talk ok"),
    ("thanks, that's all for today", "small talk thanks"),
    ("done for now", "ask status #7 ?: Should #7 be resolved? [Yes]"),  # the ticket in view?
    ("all done", "ask status #7 ?: Should #7 be resolved? [Yes]"),
    ("im done with 12", "status #12 resolved"),
    ("what did we get done today", "list all finished_from=2026-12-02"),
    ("is 12 done for today", "show #12 asked=status?closed,resolved"),
])
def test_look_alikes_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
