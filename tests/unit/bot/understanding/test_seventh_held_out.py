"""The seventh held-out table is read as people mean it (see `seventh_held_out.py`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from bot.understanding.requests import EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.seventh_held_out import SEVENTH_HELD_OUT, SEVENTH_MISREAD
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), lines_of(SEVENTH_HELD_OUT, SEVENTH_MISREAD))
def test_the_bot_reads_the_seventh_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_seventh_table_is_large_and_new() -> None:
    assert_large_and_new(SEVENTH_HELD_OUT, SEVENTH_MISREAD, at_least=80)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 4, then 5", "status #4, #5 closed"),
    ("close 4 and then 5", "status #4, #5 closed"),
    ("close 4 then 5 as well", "status #4, #5 closed"),
    ("close 4 and 5 both", "status #4, #5 closed"),
    ("put 4 on hold and 5 too", "status #4, #5 on_hold"),
    ("assign 4 to sam and 5 too", "assign #4, #5 to user:u-sam"),
    ("make 4 urgent, then 5 too", "edit #4, #5 priority=urgent"),
    ("pls close 31 and 32, both sorted", "status #31, #32 closed"),
    ("close 4 and then make it urgent", "status #4 closed + edit #4 priority=urgent"),
    ("close 4 and make 5 urgent", "status #4 closed + edit #5 priority=urgent"),
    ("comment on 4: also 5 users affected", "comment #4 'also 5 users affected'"),
    ("restart the printer then close 4", "free text"),
    ("close 4 and 5, then assign 6 to me", "status #4, #5 closed + assign #6 to user:u-jo"),
    ("close 4 and 5 and assign 6 to me", "status #4, #5 closed + assign #6 to user:u-jo"),
    ("resolve 4, 5 and 6, then put 7 on hold", "status #4, #5, #6 resolved + status #7 on_hold"),
    ("make 4 and 5 urgent, then close 6", "edit #4, #5 priority=urgent + status #6 closed"),
])
def test_several_tickets_joined_by_then_also_or_too_are_each_changed(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("relate 4 and 5", "cannot link #4 #5"),
    ("4 blocks 5", "cannot link #4 #5"),
    ("combine 4 with 5", "cannot merge #4 #5"),
    ("dupe of 9", "cannot merge #7 #9"),
    ("keep an eye on 12 for me", "cannot watch #12"),
    ("add me as a follower on 4", "cannot watch #4"),
    ("snooze 4 for 3 days", "cannot snooze #4 until 2026-12-05"),
    # a span past the calendar offers no day (was an OverflowError: a 500)
    ("snooze 4 for 999999999999999999999999999999 days", "cannot snooze #4"),
    ("snooze 4 for 9999999 days", "cannot snooze #4"),
    ("snooze 4 for 999999 months", "cannot snooze #4"),
    ("snooze 4 for " + "9" * 5000 + " weeks", "cannot snooze #4"),
    ("hide 3 rows in the sheet", "free text"),
    ("park 4 until monday", "cannot snooze #4 until 2026-12-07"),
    ("put 4 on hold until monday", "status #4 on_hold"),
    ("park 4 for now", "status #4 on_hold"),
    ("follow 4 up with the vendor", "free text"),
    ("this is a copy of 4", "free text"),
    ("blocked by 3 people", "free text"),
    ("do not link 4 to 5", "no change #4"),
    ("if 4 is a duplicate of 5 close it", "no change #4"),
    ("how do I merge two tickets?", "question"),
    ("the printer on floor 3 is related to the 2 outages", "free text"),
])
def test_what_ticketflow_lacks_is_read_in_other_words_and_nothing_else_is(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("my load", "list mine"),
    ("how's my workload looking", "list mine"),
    ("am i swamped right now", "list mine"),
    ("how much stuff have i got on", "list mine"),
    ("Priya's workload right now", "list all assignee=user:u-priya"),
    ("sams workload", "list all assignee=user:u-sam"),
    ("what's everyone's workload", "workload"),
    ("the team's workload", "workload"),
    ("whats his workload", "question"),
    ("what's the server's workload", "question"),
    ("how busy am i going to be at the offsite?", "question"),
])
def test_one_persons_workload_is_their_list_and_everyones_the_count(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("set the due date of 4 to yesterday", "ask edit #4 due=2026-12-01: Tue 1 Dec 2026 is in "
     "the past. Should #4 be due then? [Yes]"),
    ("4 needs to be done by last monday", "ask edit #4 due=2026-11-30: Mon 30 Nov 2026 is in "
     "the past. Should #4 be due then? [Yes]"),
    ("4 due 20 nov", "ask edit #4 due=2026-11-20: Fri 20 Nov 2026 is in the past. Should #4 be "
     "due then? [Yes, Sat 20 Nov 2027]"),
    ("set the due date of 4 to 2026-12-01 anyway", "edit #4 due=2026-12-01"),
    ("4 due yesterday anyway", "edit #4 due=2026-12-01"),
    ("make 4 and 5 due yesterday", "ask edit #4 due=2026-12-01: One ticket at a time: Tue 1 Dec "
     "2026 is in the past. Should #4 be due then? [Yes]"),
    ("close 4 and make it due yesterday", "status #4 closed + ask edit #4 due=2026-12-01: Tue 1 "
     "Dec 2026 is in the past. Should #4 be due then? [Yes]"),
    ("4 due 5 jan", "edit #4 due=2027-01-05"),
    ("4 due 1 june", "edit #4 due=2027-06-01"),
    ("4 due 1 nov 2027", "edit #4 due=2027-11-01"),
    ("set the due date of 4 to 24 dec 2027", "edit #4 due=2027-12-24"),
    ("push 4 to last friday", "ask edit #4 due=2026-11-27: Fri 27 Nov 2026 is in the past. "
     "Should #4 be due then? [Yes]"),
    ("4 due friday", "edit #4 due=2026-12-04"),
    ("4 due today", "edit #4 due=2026-12-02"),
    ("due date friday for 126", "edit #126 due=2026-12-04"),
    ("deadline friday for it", "edit #7 due=2026-12-04"),
    ("due friday on 4", "edit #4 due=2026-12-04"),
])
def test_a_due_date_already_past_is_asked_about_and_a_day_and_month_is_the_nearest(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("today", [date(2026, 11, 30) + timedelta(days=n) for n in range(7)])
def test_last_friday_is_the_friday_before_today_on_every_day_of_the_week(today: date) -> None:
    read = as_the_bot_reads("4 due last friday anyway", replace(CONVERSATION, today=today))
    assert isinstance(read, EditTicket) and read.due is not None
    assert read.due.weekday() == 4 and timedelta(days=1) <= today - read.due <= timedelta(days=7)
