"""The fifteenth held-out table is read as people mean it (see `fifteenth_held_out.py`)."""

from __future__ import annotations

import pytest

from tests.unit.bot.understanding.fifteenth_held_out import FIFTEENTH_HELD_OUT, FIFTEENTH_MISREAD
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import expanded


@pytest.mark.parametrize(("said", "expected"), lines_of(FIFTEENTH_HELD_OUT, FIFTEENTH_MISREAD))
def test_the_bot_reads_the_fifteenth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_fifteenth_table_is_large_and_new() -> None:
    assert_large_and_new(FIFTEENTH_HELD_OUT, FIFTEENTH_MISREAD, at_least=150)
