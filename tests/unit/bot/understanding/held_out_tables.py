"""Every table of what people say, in the order they were written, and the two checks each
held-out table gets: each line is read as meant (the ones still misread are strict xfails,
so a line read right at last must come off its table's list), and the table is new (no line
of it was in a table before it, so it was written before anything was fitted to it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.eighteenth_held_out import EIGHTEENTH_HELD_OUT
from tests.unit.bot.understanding.eighth_held_out import EIGHTH_HELD_OUT
from tests.unit.bot.understanding.eleventh_held_out import ELEVENTH_HELD_OUT
from tests.unit.bot.understanding.fifteenth_held_out import FIFTEENTH_HELD_OUT
from tests.unit.bot.understanding.fifth_held_out import FIFTH_HELD_OUT
from tests.unit.bot.understanding.fourteenth_held_out import FOURTEENTH_HELD_OUT
from tests.unit.bot.understanding.fourth_held_out import FOURTH_HELD_OUT
from tests.unit.bot.understanding.held_out import HELD_OUT_IN_TEAMS, SECOND_HELD_OUT
from tests.unit.bot.understanding.in_their_words import IN_THEIR_WORDS, SECOND_LOOK
from tests.unit.bot.understanding.newcomers import FIRST_SEEN, HELD_OUT
from tests.unit.bot.understanding.nineteenth_held_out import NINETEENTH_HELD_OUT
from tests.unit.bot.understanding.ninth_held_out import NINTH_HELD_OUT
from tests.unit.bot.understanding.seventh_held_out import SEVENTH_HELD_OUT
from tests.unit.bot.understanding.seventeenth_held_out import SEVENTEENTH_HELD_OUT
from tests.unit.bot.understanding.sixteenth_held_out import SIXTEENTH_HELD_OUT
from tests.unit.bot.understanding.sixth_held_out import SIXTH_HELD_OUT
from tests.unit.bot.understanding.tenth_held_out import TENTH_HELD_OUT
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads
from tests.unit.bot.understanding.third_held_out import THIRD_HELD_OUT
from tests.unit.bot.understanding.thirteenth_held_out import THIRTEENTH_HELD_OUT
from tests.unit.bot.understanding.transcript import NO_CONTEXT, TABLE
from tests.unit.bot.understanding.twelfth_held_out import TWELFTH_HELD_OUT
from tests.unit.bot.understanding.twentieth_held_out import TWENTIETH_HELD_OUT

Table = Sequence[tuple[str, str]]

IN_ORDER: tuple[Table, ...] = (
    TABLE, FIRST_SEEN, HELD_OUT, NO_CONTEXT, IN_THEIR_WORDS, SECOND_LOOK, HELD_OUT_IN_TEAMS,
    SECOND_HELD_OUT, THIRD_HELD_OUT, FOURTH_HELD_OUT, FIFTH_HELD_OUT, SIXTH_HELD_OUT,
    SEVENTH_HELD_OUT, EIGHTH_HELD_OUT, NINTH_HELD_OUT, TENTH_HELD_OUT, ELEVENTH_HELD_OUT,
    TWELFTH_HELD_OUT, THIRTEENTH_HELD_OUT, FOURTEENTH_HELD_OUT, FIFTEENTH_HELD_OUT, SIXTEENTH_HELD_OUT,
    SEVENTEENTH_HELD_OUT, EIGHTEENTH_HELD_OUT, NINETEENTH_HELD_OUT, TWENTIETH_HELD_OUT,
)


def as_teams_sends(said: str) -> str:
    """What the bot reads in a line as Teams sends it (markup and the bot's mention cleaned)."""
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


Misread = frozenset[str] | set[str] | Mapping[str, str]
"""The lines a table's rules still misread; a mapping gives each its reason."""


def lines_of(table: Table, misread: Misread) -> list[object]:
    """The table's lines to parametrize with; those still misread as strict xfails."""
    return [pytest.param(said, expected, id=said[:80], marks=pytest.mark.xfail(
        strict=True, reason=_reason(misread, said))) if said in misread
        else pytest.param(said, expected, id=said[:80]) for said, expected in table]


def assert_large_and_new(table: Table, misread: Misread, *, at_least: int) -> None:
    said = [line for line, _ in table]
    before = {line.lower() for earlier in IN_ORDER[:_index(table)] for line, _ in earlier}
    assert len(said) >= at_least and len(set(said)) == len(said)
    assert not [line for line in said if line.lower() in before]
    assert set(misread) <= set(said)


def _reason(misread: Misread, said: str) -> str:
    return misread[said] if isinstance(misread, Mapping) else "still misread"


def _index(table: Table) -> int:
    return next(i for i, listed in enumerate(IN_ORDER) if listed is table)
