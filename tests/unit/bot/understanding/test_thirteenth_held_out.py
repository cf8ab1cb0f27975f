"""The thirteenth held-out table is read as people mean it (see `thirteenth_held_out.py`)."""

from __future__ import annotations

import pytest

from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import expanded
from tests.unit.bot.understanding.thirteenth_held_out import THIRTEENTH_HELD_OUT, THIRTEENTH_MISREAD


@pytest.mark.parametrize(("said", "expected"), lines_of(THIRTEENTH_HELD_OUT, THIRTEENTH_MISREAD))
def test_the_bot_reads_the_thirteenth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_thirteenth_table_is_large_and_new() -> None:
    assert_large_and_new(THIRTEENTH_HELD_OUT, THIRTEENTH_MISREAD, at_least=140)
