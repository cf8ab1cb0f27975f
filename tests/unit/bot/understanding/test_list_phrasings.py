"""The list phrasings table: when tickets were filed, "my X ticket", filters said back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from bot.understanding import understand
from bot.understanding.requests import ListTickets
from bot.understanding.summary import summary
from tests.unit.bot.understanding.list_phrasings import LIST_MISREAD, LIST_PHRASINGS
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    pytest.param(said, expected, marks=pytest.mark.xfail(strict=True, reason="still misread"))
    if said in LIST_MISREAD else (said, expected)
    for said, expected in LIST_PHRASINGS
], ids=[said for said, _ in LIST_PHRASINGS])
def test_the_bot_reads_lists_and_finds_as_people_mean_them(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


def test_the_list_phrasings_table_is_large_and_has_no_duplicates() -> None:
    said = [line for line, _ in LIST_PHRASINGS]
    assert len(said) >= 40 and len(set(said)) == len(said)
    assert LIST_MISREAD <= set(said)


@pytest.mark.parametrize(("said", "expected"), [
    ("what tickets came in overnight", "list all created_from=2026-12-01"),
    ("tickets opened between monday and wednesday",
     "list all created_from=2026-11-30 created_before=2026-12-03"),
    ("tickets opened on 1 december", "list all created_from=2026-12-01 created_before=2026-12-02"),
    ("tickets raised in november", "list all created_from=2026-11-01 created_before=2026-12-01"),
    ("tickets I filed in may", "list created created_from=2026-05-01 created_before=2026-06-01"),
    ("may I see my tickets", "list mine"),  # "may" alone is no month (and asks to see them)
    ("tickets updated today", "list all updated_since=2026-12-02"),
    ("tickets changed last week", "list all updated_since=2026-11-23"),
    ("tickets closed this week", "list all status=closed finished_from=2026-11-30"),
    ("what's on my plate today", "list mine"),  # today is when they ask
])
def test_times_found_after_the_table_are_read_by_kind(said: str, expected: str) -> None:
    """Tried after the table was fixed, by kind of time (a span, a day, a month, overnight,
    updated rather than filed, a time of something no filter holds)."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


DAYS_OF_EVERY_KIND = (
    *(date(2026, 12, 7) + timedelta(days=day) for day in range(7)),  # Monday 7 Dec to Sunday
    date(2026, 11, 30), date(2026, 12, 31), date(2027, 1, 1), date(2027, 3, 1),
    date(2028, 2, 28), date(2028, 2, 29),
)


def _filed(said: str, today: date) -> tuple[date | None, date | None]:
    understood = understand(said, replace(CONVERSATION, today=today))
    assert isinstance(understood, ListTickets), (said, today, understood)
    return understood.created_from, understood.created_before


@pytest.mark.parametrize("today", DAYS_OF_EVERY_KIND, ids=str)
@pytest.mark.parametrize("said", [
    "tickets opened between monday and wednesday", "what came in between Monday and Wednesday?",
    "tickets raised between MONDAY and wednesday pls",
])
def test_a_span_of_weekdays_is_the_last_one_that_began_whatever_day_it_is_said(
    today: date, said: str
) -> None:
    """On a Monday or Tuesday it ran from this Monday to last week's Wednesday: no day. It
    is the last Monday to Wednesday whose Wednesday has come (last week's, on those days)."""
    since, before = _filed(said, today)
    assert since is not None and before is not None
    assert (since.weekday(), before - since) == (0, timedelta(days=3)), today
    wednesday = before - timedelta(days=1)
    assert wednesday <= today < wednesday + timedelta(weeks=1), today


@pytest.mark.parametrize("today", DAYS_OF_EVERY_KIND, ids=str)
@pytest.mark.parametrize(("said", "month", "day"), [
    ("tickets opened on 1 december", 12, 1),
    ("tickets I filed on the 1st of January", 1, 1),
    ("tickets raised on 28/02", 2, 28),
])
def test_a_day_of_the_year_is_the_last_one_not_the_week_before_the_next(
    today: date, said: str, month: int, day: int
) -> None:
    """On 30 November "opened on 1 december" was read as 24 November (a week before)."""
    since, before = _filed(said, today)
    assert since is not None and (since.month, since.day) == (month, day), today
    assert today - timedelta(days=366) < since <= today
    assert before in (since + timedelta(days=1), None)  # None: it is today, still running


@pytest.mark.parametrize("today", DAYS_OF_EVERY_KIND, ids=str)
@pytest.mark.parametrize(("said", "weekday"), [
    ("tickets I reported on monday", 0), ("what came in on Friday?", 4),
    ("tickets opened on sunday", 6),
])
def test_a_weekday_filed_on_is_the_last_one(today: date, said: str, weekday: int) -> None:
    since, _ = _filed(said, today)
    assert since is not None and since.weekday() == weekday, today
    assert today - timedelta(days=7) < since <= today


@pytest.mark.parametrize("today", DAYS_OF_EVERY_KIND, ids=str)
@pytest.mark.parametrize(("said", "years_back", "ended"), [
    ("tickets opened last year", 1, True), ("what came in this year?", 0, False),
    ("Tickets I raised last year pls", 1, True),
])
def test_a_year_filed_in_is_that_calendar_year(
    today: date, said: str, years_back: int, ended: bool
) -> None:
    """"tickets opened last year" searched for the words "opened year" (on 1 January too)."""
    since, before = _filed(said, today)
    assert since == date(today.year - years_back, 1, 1), today
    assert before == (date(today.year, 1, 1) if ended else None)


@pytest.mark.parametrize(("said", "expected"), [
    # when tickets were finished: TicketFlow's resolved_at / closed_at (today is Wed 2 Dec)
    ("what did we close today", "list all status=closed finished_from=2026-12-02"),
    ("What was closed yesterday?",
     "list all status=closed finished_from=2026-12-01 finished_before=2026-12-02"),
    ("which tickets were closed this week", "list all status=closed finished_from=2026-11-30"),
    ("what did the team resolve this week", "list all status=resolved finished_from=2026-11-30"),
    ("what did you guys fix yesterday",
     "list all status=resolved finished_from=2026-12-01 finished_before=2026-12-02"),
    ("what did we get done last week",
     "list all finished_from=2026-11-23 finished_before=2026-11-30"),
    ("anything closed today?", "list all status=closed finished_from=2026-12-02"),
    ("show me everything closed in november",
     "list all status=closed finished_from=2026-11-01 finished_before=2026-12-01"),
    ("tickets closed between monday and wednesday",
     "list all status=closed finished_from=2026-11-30 finished_before=2026-12-03"),
    ("my tickets closed this week", "list mine status=closed finished_from=2026-11-30"),
    ("what did i close today",
     "list touched status=closed updated_since=2026-12-02"),
    # look-alikes: filed, updated, a count, a ticket, a time of something else
    ("tickets I opened since Monday that are closed",
     "list created status=closed created_from=2026-11-30"),
    ("tickets updated today", "list all updated_since=2026-12-02"),
    ("how many tickets did we close this week", "stats this_week"),
    ("did we close 12?", "show #12"),
    ("what did we close", "list all status=closed"),
    ("tickets started last week", "list all status=in_progress unplaced='last week'"),
    ("closed tickets", "list all status=closed"),
    ("tickets that were urgent", "list all priority=urgent"),
])
def test_when_tickets_were_finished_is_a_window_of_days(said: str, expected: str) -> None:
    """"tickets closed last week" listed every closed ticket, saying it could not tell when;
    "what did we close today" went to the help assistant, "which tickets were closed" searched
    for "were"."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected.replace(
        "#12", "TKT-2026-0012")


@pytest.mark.parametrize(("said", "expected"), [
    # the weekend last gone (today is Wed 2 Dec: Sat 28 and Sun 29 Nov)
    ("what came in over the weekend", "list all created_from=2026-11-28 created_before=2026-11-30"),
    ("anything new over the weekend?",
     "list all created_from=2026-11-28 created_before=2026-11-30"),
    ("tickets raised during the weekend",
     "list all created_from=2026-11-28 created_before=2026-11-30"),
    ("show me tickets created this weekend",
     "list created created_from=2026-11-28 created_before=2026-11-30"),
    ("anything come in at the weekend",
     "list all created_from=2026-11-28 created_before=2026-11-30"),
    ("what got fixed over the weekend",
     "list all status=resolved finished_from=2026-11-28 finished_before=2026-11-30"),
    ("tickets closed last weekend",
     "list all status=closed finished_from=2026-11-28 finished_before=2026-11-30"),
    ("what did we resolve last weekend",
     "list all status=resolved finished_from=2026-11-28 finished_before=2026-11-30"),
    ("what did sam close over the weekend",
     "list touched status=closed assignee=user:u-sam updated_since=2026-11-28"),
    # "did we" with another time, or two finishing verbs
    ("what did we close on saturday",
     "list all status=closed finished_from=2026-11-28 finished_before=2026-11-29"),
    ("what did we close 2 days ago",
     "list all status=closed finished_from=2026-11-30 finished_before=2026-12-01"),
    ("what did we close or resolve this week", "list all finished_from=2026-11-30"),
    ("what have we closed and resolved this month", "list all finished_from=2026-12-01"),
    ("what did we get done", "list all status=resolved,closed"),
    ("what did I work on recently", "list touched updated_since=2026-11-18"),
    # look-alikes: a problem at the weekend is a problem; what a person did is theirs
    ("the printer broke over the weekend", "free text"),
    ("what did I work on since monday", "list touched updated_since=2026-11-30"),
    ("what did I work on for the printer", "question"),
    ("what did we close or reopen", "question"),
])
def test_the_weekend_and_other_finished_windows(said: str, expected: str) -> None:
    """"over the weekend" searched for "weekend" or went to the help assistant; "what did we
    close on saturday" listed all closed since Saturday; "what did we close or resolve this
    week" searched for "did close resolve"; "what did we get done" listed every ticket."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("any tickets waiting on the customer?", "list all status=on_hold"),
    ("tickets waiting for the user", "list all status=on_hold"),
    ("tickets awaiting vendor", "list all status=on_hold"),
    ("which tickets are waiting for a reply", "list all status=on_hold"),
    ("tickets pending approval", "list all status=on_hold"),
    ("my tickets waiting on customer reply", "list mine status=on_hold"),
    ("tickets blocked by the vendor", "list all status=on_hold"),
    # a topic or a queue after the wait is still one
    ("tickets waiting for the printer", "list all status=on_hold text='printer'"),
    ("waiting tickets", "list all status=on_hold"),
])
def test_who_an_on_hold_ticket_waits_for_is_no_topic(said: str, expected: str) -> None:
    """"any tickets waiting on the customer?" searched the on-hold tickets for "customer"
    (none has it in its title): who or what they wait for is what on hold means here."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("any tickets without a due date?", "list all due=none"),
    ("which tickets have no due date", "list all due=none"),
    ("my tickets with no deadline", "list mine due=none"),
    ("tickets missing a due date", "list all due=none"),
    ("open tickets that dont have a due date", "list all status=open due=none"),
    ("show tickets that don't have a due date", "list all due=none"),
    ("urgent tickets with no due date", "list all priority=urgent due=none"),
    # a due date said, taken off or asked after: as before
    ("tickets due friday", "list all due_on=2026-12-04"),
    ("overdue tickets", "list all due=overdue"),
    ("remove the due date on 12", "edit TKT-2026-0012 due=none"),
    ("12 has no due date", "show TKT-2026-0012 asked=due"),
])
def test_tickets_with_no_due_date_are_a_filter_not_a_search(said: str, expected: str) -> None:
    """"any tickets without a due date?" searched for "without due date" (found nothing)."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
