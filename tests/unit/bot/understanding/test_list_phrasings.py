"""The list phrasings table: when tickets were filed, "my X ticket", filters said back."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.list_phrasings import LIST_MISREAD, LIST_PHRASINGS
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    pytest.param(said, expected, marks=pytest.mark.xfail(strict=True, reason="still misread"))
    if said in LIST_MISREAD else (said, expected)
    for said, expected in LIST_PHRASINGS
], ids=[said for said, _ in LIST_PHRASINGS])
def test_the_bot_reads_lists_and_finds_as_people_mean_them(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


def test_the_list_phrasings_table_is_large_and_has_no_duplicates() -> None:
    said = [line for line, _ in LIST_PHRASINGS]
    assert len(said) >= 40 and len(set(said)) == len(said)
    assert LIST_MISREAD <= set(said)


@pytest.mark.parametrize(("said", "expected"), [
    ("what tickets came in overnight", "list all created_from=2026-12-01"),
    ("tickets opened between monday and wednesday",
     "list all created_from=2026-11-30 created_before=2026-12-03"),
    ("tickets opened on 1 december", "list all created_from=2026-12-01 created_before=2026-12-02"),
    ("tickets raised in november", "list all created_from=2026-11-01 created_before=2026-12-01"),
    ("tickets I filed in may", "list created created_from=2026-05-01 created_before=2026-06-01"),
    ("may I see my tickets", "list mine"),  # "may" alone is no month (and asks to see them)
    ("tickets updated today", "list all updated_since=2026-12-02"),
    ("tickets changed last week", "list all updated_since=2026-11-23"),
    ("tickets closed this week", "list all status=closed unplaced='this week'"),
    ("what's on my plate today", "list mine"),  # today is when they ask
])
def test_times_found_after_the_table_are_read_by_kind(said: str, expected: str) -> None:
    """Tried after the table was fixed, by kind of time (a span, a day, a month, overnight,
    updated rather than filed, a time of something no filter holds)."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
