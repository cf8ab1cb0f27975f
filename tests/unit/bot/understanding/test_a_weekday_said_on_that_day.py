""""Since Monday" said on a Monday is the Monday a week before: today is "today". It was read
as today, so "which of my tickets have had no update since monday" listed nearly all of them,
and "what came in since monday" only today's. Found when CI ran on a Monday (in the senders'
zone). A weekday said of the past on another day, or a day said otherwise, is as before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

MONDAY = replace(CONVERSATION, today=date(2026, 12, 7))
THURSDAY = replace(CONVERSATION, today=date(2026, 12, 10))


@pytest.mark.parametrize(("said", "expected"), [
    ("tickets updated since monday", "list all updated_since=2026-11-30"),
    ("which of my tickets have had no update since monday",
     "list mine not_updated_since=2026-11-30"),
    ("tickets not touched since Monday", "list all not_updated_since=2026-11-30"),
    ("what came in since monday", "list all created_from=2026-11-30"),
    ("what did i work on since monday", "list touched updated_since=2026-11-30"),
    ("what did I close since Monday?", "list touched status=closed updated_since=2026-11-30"),
    ("what did i miss since monday", "list all status=any updated_since=2026-11-30"),
    # as before: another weekday, and today said as today
    ("what came in since friday", "list all created_from=2026-12-04"),
    ("tickets updated since today", "list all updated_since=2026-12-07"),
    ("what came in today", "list all created_from=2026-12-07"),
])
def test_since_the_weekday_it_is_is_a_week_back(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, MONDAY)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("tickets updated since thursday", "list all updated_since=2026-12-03"),
    ("what came in since Monday", "list all created_from=2026-12-07"),
    ("tickets nobody touched since tuesday", "list all not_updated_since=2026-12-08"),
])
def test_said_on_a_thursday_thursday_is_a_week_back_too(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, THURSDAY)) == expected
