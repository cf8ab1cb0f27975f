"""A change said with a thinking face or a shrug ("close 12 🤔", "give 12 to sam 🤷") or a
question mark in brackets ("close 12 (?)") was made: the writer is not sure of it, so it is
asked about (or the ticket shown, as "close 12?" is); several, not made. A fix told with
fingers crossed ("12 fixed 🤞") is asked as "12 fixed, fingers crossed" is. A change with
another face ("close 12 👍", "resolve 12 🤞") and a comment's own words are as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 🤔", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("🤔 close 12", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("close 12 🤷", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("give 12 to sam 🤷", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("close 12 and 13 🤔", "no change #12"),
    ("close 12 (?)", "show #12"),
    ("close 12 [?]", "show #12"),
    ("close 12 😕", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("give 12 to sam 🫤", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("12 fixed 🤞", "ask status #12 ?: Should #12 be resolved? [Yes]"),
    ("12 fixed 🤞🤞", "ask status #12 ?: Should #12 be resolved? [Yes]"),
])
def test_a_change_said_unsure_is_asked_about(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 👍", "status #12 closed"),
    ("resolve 12 🤞", "status #12 resolved"),
    ("comment on 12: user confused 🤔", "comment #12 'user confused 🤔'"),
])
def test_a_change_with_another_face_is_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
