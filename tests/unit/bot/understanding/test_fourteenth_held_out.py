"""The fourteenth held-out table is read as people mean it (see `fourteenth_held_out.py`)."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.eighth_held_out import EIGHTH_HELD_OUT
from tests.unit.bot.understanding.eleventh_held_out import ELEVENTH_HELD_OUT
from tests.unit.bot.understanding.fifth_held_out import FIFTH_HELD_OUT
from tests.unit.bot.understanding.fourth_held_out import FOURTH_HELD_OUT
from tests.unit.bot.understanding.held_out import HELD_OUT_IN_TEAMS, SECOND_HELD_OUT
from tests.unit.bot.understanding.in_their_words import IN_THEIR_WORDS, SECOND_LOOK
from tests.unit.bot.understanding.newcomers import FIRST_SEEN, HELD_OUT
from tests.unit.bot.understanding.ninth_held_out import NINTH_HELD_OUT
from tests.unit.bot.understanding.seventh_held_out import SEVENTH_HELD_OUT
from tests.unit.bot.understanding.sixth_held_out import SIXTH_HELD_OUT
from tests.unit.bot.understanding.tenth_held_out import TENTH_HELD_OUT
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded
from tests.unit.bot.understanding.third_held_out import THIRD_HELD_OUT
from tests.unit.bot.understanding.fourteenth_held_out import FOURTEENTH_HELD_OUT, FOURTEENTH_MISREAD
from tests.unit.bot.understanding.thirteenth_held_out import THIRTEENTH_HELD_OUT
from tests.unit.bot.understanding.transcript import NO_CONTEXT, TABLE
from tests.unit.bot.understanding.twelfth_held_out import TWELFTH_HELD_OUT


@pytest.mark.parametrize(("said", "expected"), [
    pytest.param(said, expected, marks=pytest.mark.xfail(strict=True, reason="still misread"))
    if said in FOURTEENTH_MISREAD else (said, expected)
    for said, expected in FOURTEENTH_HELD_OUT
], ids=[said[:80] for said, _ in FOURTEENTH_HELD_OUT])
def test_the_bot_reads_the_fourteenth_held_out_table_as_people_mean_it(
    said: str, expected: str
) -> None:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    assert summary(readable(as_the_bot_reads(text, CONVERSATION))) == expanded(expected)


def test_the_fourteenth_table_is_large_and_new() -> None:
    said = [line for line, _ in FOURTEENTH_HELD_OUT]
    before = {line.lower() for line, _ in (TABLE + FIRST_SEEN + HELD_OUT + NO_CONTEXT
                                           + IN_THEIR_WORDS + SECOND_LOOK + HELD_OUT_IN_TEAMS
                                           + SECOND_HELD_OUT + THIRD_HELD_OUT + FOURTH_HELD_OUT
                                           + FIFTH_HELD_OUT + SIXTH_HELD_OUT + SEVENTH_HELD_OUT
                                           + EIGHTH_HELD_OUT + NINTH_HELD_OUT
                                           + TENTH_HELD_OUT + ELEVENTH_HELD_OUT
                                           + TWELFTH_HELD_OUT + THIRTEENTH_HELD_OUT)}
    assert len(said) >= 140 and len(set(said)) == len(said)
    assert not [line for line in said if line.lower() in before]
    assert FOURTEENTH_MISREAD <= set(said)
