"""The fourteenth held-out table is read as people mean it (see `fourteenth_held_out.py`)."""

from __future__ import annotations

import pytest

from tests.unit.bot.understanding.fourteenth_held_out import FOURTEENTH_HELD_OUT, FOURTEENTH_MISREAD
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import expanded


@pytest.mark.parametrize(("said", "expected"), lines_of(FOURTEENTH_HELD_OUT, FOURTEENTH_MISREAD))
def test_the_bot_reads_the_fourteenth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_fourteenth_table_is_large_and_new() -> None:
    assert_large_and_new(FOURTEENTH_HELD_OUT, FOURTEENTH_MISREAD, at_least=140)
