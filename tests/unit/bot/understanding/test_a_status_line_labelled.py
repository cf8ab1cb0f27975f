"""A status line pasted with a label ("update: 12 is fixed", "note: 12 is fixed") is read as
what it tells: before, "update"/"note" were read as the command and "is fixed" was posted on
12 as a comment, where the requester reads it, and 12 stayed open; "quick update - 12 is
sorted", "heads up 12 is sorted", "psa 12 is fixed" were not understood. Now each is read as
"12 is fixed" is. A label before anything that asks no change is read as before: "update 12
- printer working again" is still a comment on 12."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("update: 12 is fixed", "status #12 resolved"),
    ("update - 12 is fixed", "status #12 resolved"),
    ("UPDATE: 12 fixed", "status #12 resolved"),
    ("status update: 12 is resolved", "status #12 resolved"),
    ("heads up 12 is sorted", "status #12 resolved"),
    ("quick update, 12 is done", "status #12 resolved"),
    ("quick update - 12 is sorted", "status #12 resolved"),
    ("news: 12 is fixed", "status #12 resolved"),
    ("note: 12 is fixed", "status #12 resolved"),
    ("psa 12 is fixed", "status #12 resolved"),
    ("Update: #12 resolved ✅", "status #12 resolved"),
    ("fyi 12 and 13 are fixed", "status #12, #13 resolved"),
    ("jsyk 12 is closed", "status #12 closed"),
    ("good news - 12 is fixed!", "status #12 resolved"),
    ("small update for the team: 12 is closed", "status #12 closed"),
    ("update: sam fixed 12", "ask status #12 ?: Should #12 be resolved? [Yes]"),
])
def test_a_labelled_status_line_is_read_as_what_it_tells(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_a_labelled_status_keeps_its_reason() -> None:
    read = as_the_bot_reads("update: 12 is on hold waiting for parts", CONVERSATION)
    assert summary(read) == expanded("status #12 on_hold") and getattr(read, "reason", None) == (
        "waiting for parts"), read


@pytest.mark.parametrize(("said", "expected"), [
    ("update 12 - printer working again", "comment #12 'printer working again'"),
    ('update 12 with "printer working again"', "comment #12 'printer working again'"),
    ("update: 12 - printer working again", "comment #12 'printer working again'"),
    ("note: 12 needs a new toner", "comment #12 'needs a new toner'"),
    ("update: is 12 fixed?", "show #12 asked=status?closed,resolved"),
    ("status: 12?", "show #12 asked=status"),
    ("fyi sam is on leave", "free text"),
])
def test_what_asks_no_change_after_a_label_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "read"), [
    ("update: 12 is not fixed", "no change #12"),
    ("update: 12 is still broken", "no change #12"),
    ("fyi: 12 not fixed yet", "no change #12"),
    ("note: don't close 12", "no change #12"),
])
def test_a_labelled_line_saying_a_ticket_is_not_done_posts_nothing(said: str, read: str) -> None:
    """"update: 12 is not fixed" posted "is not fixed" on 12, where its requester reads it
    (left by the wrong-change helper); it is read as "12 is not fixed" (how it stands)."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
