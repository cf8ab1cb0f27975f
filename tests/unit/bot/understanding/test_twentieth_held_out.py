"""The twentieth held-out table is read as people mean it (see `twentieth_held_out.py`)."""

from __future__ import annotations

import pytest

from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import expanded
from tests.unit.bot.understanding.twentieth_held_out import TWENTIETH_HELD_OUT, TWENTIETH_MISREAD


@pytest.mark.parametrize(("said", "expected"), lines_of(TWENTIETH_HELD_OUT, TWENTIETH_MISREAD))
def test_the_bot_reads_the_twentieth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_twentieth_table_is_large_and_new() -> None:
    assert_large_and_new(TWENTIETH_HELD_OUT, TWENTIETH_MISREAD, at_least=220)
