"""A word that opens a time typed twice ("filed between between Monday and Friday") was an
IndexError, and a long run of them ("since since since …", a pasted or stuck key) a
RecursionError: each a 500 (found probing from outside). The doubled word opens the time
once; the reading is the one without the slip."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "once"), [
    ("tickets filed between between monday and friday", "tickets filed between monday and friday"),
    ("tickets filed since since monday", "tickets filed since monday"),
    ("tickets filed before before friday", "tickets filed before friday"),
    ("tickets filed b4 b4 friday", "tickets filed b4 friday"),
])
def test_a_word_opening_a_time_typed_twice_reads_as_typed_once(said: str, once: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == summary(
        as_the_bot_reads(once, CONVERSATION))


@pytest.mark.parametrize("said", [
    "since " * 1000,
    "tickets filed before " + "before " * 1000 + "friday",
    "tickets filed " + "since before " * 500 + "monday",
    "between " * 1000 + "monday and friday",
])
def test_a_long_run_of_words_opening_a_time_is_read_without_failing(said: str) -> None:
    as_the_bot_reads(said, CONVERSATION)


@pytest.mark.parametrize(("said", "read"), [
    ("tickets filed between monday and friday",
     "list created created_from=2026-11-23 created_before=2026-11-28"),
    ("tickets filed since monday", "list created created_from=2026-11-30"),
    ("tickets filed since before monday", "list created created_before=2026-11-30 text='since'"),
])
def test_a_time_opened_once_reads_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read


@pytest.mark.parametrize(("said", "as_far_as_said"), [
    ("tickets filed between monday and", "tickets filed between monday"),
    ("tickets filed between! monday and", "tickets filed between! monday"),
])
def test_a_time_cut_short_after_and_reads_as_far_as_it_was_said(
    said: str, as_far_as_said: str
) -> None:
    """"filed between Monday and" (sent before the rest) was an IndexError, a 500."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == summary(
        as_the_bot_reads(as_far_as_said, CONVERSATION))
