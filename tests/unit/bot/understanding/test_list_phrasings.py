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
