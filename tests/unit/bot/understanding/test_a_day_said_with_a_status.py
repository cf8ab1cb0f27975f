"""A status said with a day ("put 6 on hold tomorrow") is asked about: it set 6's due date
to that day. "until" a day is a hold now, and a due date said as one still sets it."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("put 6 on hold tomorrow", "ask status TKT-2026-0006 ?: Should TKT-2026-0006 be on hold? [Yes]"),
    ("put 6 on hold friday", "ask status TKT-2026-0006 ?: Should TKT-2026-0006 be on hold? [Yes]"),
    ("put 6 on hold until tomorrow", "status TKT-2026-0006 on_hold"),
    ("make 6 due tomorrow", "edit TKT-2026-0006 due=2026-12-03"),
    ("set 6 due friday", "edit TKT-2026-0006 due=2026-12-04"),
])
def test_a_status_said_with_a_day_is_asked_about(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


def test_a_day_in_a_run_of_changes_sets_no_due_date() -> None:
    read = summary(as_the_bot_reads("close 4, resolve 5 and put 6 on hold tomorrow", CONVERSATION))
    assert "due=" not in read, read


@pytest.mark.parametrize(("said", "status"), [
    ("put 12 on hold on friday", "on hold"),
    ("put 12 on hold from friday", "on hold"),
    ("Mark 12 resolved on friday", "resolved"),
    ("set 12 to in progress from monday", "in progress"),
])
def test_a_status_said_on_or_from_a_day_is_asked_about(said: str, status: str) -> None:
    """"put 12 on hold on friday" and "mark 12 resolved on friday" set 12's due date to that
    day and dropped the status: the "on" or "from" before the day hid the status."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == (
        f"ask status TKT-2026-0012 ?: Should TKT-2026-0012 be {status}? [Yes]")


@pytest.mark.parametrize(("said", "expected"), [
    ("set 12 due on friday", "edit TKT-2026-0012 due=2026-12-04"),
    ("put 12 on friday", "edit TKT-2026-0012 due=2026-12-04"),
    ("put 12 on hold till friday", "status TKT-2026-0012 on_hold"),
])
def test_a_due_day_or_a_hold_until_is_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
