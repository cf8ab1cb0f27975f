"""A fix told with scare quotes or "yeah right" is doubted, not told: 'great, 12 is "fixed"
again' and "yeah right 12 is fixed" resolved 12. Now whether it should be is asked first,
as for "sure, 12 is fixed 🙄"; nothing changes on the message alone. A fix told plainly,
or a comment's quoted words, are as before."""

from __future__ import annotations

import pytest

from bot.understanding.requests import Clarify, Declined, FreeText
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    'great, 12 is "fixed" again', "yeah right 12 is fixed", "Yeah, right. 12 is fixed",
    "12 is 'resolved' apparently", "12 is “fixed” lol", "ya right, 12 is sorted",
    'oh 12 is "working" now is it', "12 is ‘done’ again", "yeah right, close 12 then",
    'so 12 is "fixed", close it',
])
def test_a_doubted_state_changes_nothing_unasked(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, (Clarify, Declined, FreeText)), read
    if isinstance(read, Clarify):
        assert summary(read).startswith("ask status"), read


@pytest.mark.parametrize(("said", "expected"), [
    ("12 is fixed", "status TKT-2026-0012 resolved"),
    ("yeah 12 is fixed", "status TKT-2026-0012 resolved"),
    ("right, 12 is fixed", "status TKT-2026-0012 resolved"),
    ('comment on 12 "fixed the cable"', "comment TKT-2026-0012 'fixed the cable'"),
    ("close 12", "status TKT-2026-0012 closed"),
])
def test_a_state_told_plainly_is_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
