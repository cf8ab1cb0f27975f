"""The nineteenth held-out table is read as people mean it (see `nineteenth_held_out.py`)."""

from __future__ import annotations

import pytest

from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.nineteenth_held_out import NINETEENTH_HELD_OUT, NINETEENTH_MISREAD
from tests.unit.bot.understanding.test_transcript import expanded


@pytest.mark.parametrize(("said", "expected"), lines_of(NINETEENTH_HELD_OUT, NINETEENTH_MISREAD))
def test_the_bot_reads_the_nineteenth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_nineteenth_table_is_large_and_new() -> None:
    assert_large_and_new(NINETEENTH_HELD_OUT, NINETEENTH_MISREAD, at_least=200)
