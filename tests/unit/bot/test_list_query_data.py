"""A list naming several people or teams survives the card's data, and forged data is capped."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.listing import MOST_HOLDERS, ListQuery
from bot.understanding.requests import ListScope, TeamTarget, UserTarget
from domain.tickets import Assignee, DueWindow, Priority, TicketStatus


def test_a_list_of_several_holders_comes_back_from_its_card_data_as_it_was() -> None:
    query = ListQuery(holder=UserTarget("u-sam", "Sam Rivera"),
                      also=(UserTarget("u-lee", "Lee Park"), TeamTarget(2, "Network")))
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title.startswith("Assigned to Sam Rivera, Lee Park or Network")
    held = again.filter_for("u-jo", today=date(2026, 12, 2))
    assert held.held_by == (Assignee.user("u-sam"), Assignee.user("u-lee"), Assignee.team(2))
    assert (held.assignee_id, held.team_id) == (None, None)


def test_forged_card_data_names_at_most_ten_holders_and_only_real_ones() -> None:
    forged = {"kind": "search", "holder": {"user": "u-sam"},
              "also": ["nonsense", {"nobody": True}] + [{"user": f"u-{n}"} for n in range(50)]}
    query = ListQuery.from_data(forged)
    assert len(query.also) == MOST_HOLDERS - 2
    assert all(isinstance(holder, UserTarget) for holder in query.also)


def test_what_the_viewer_worked_on_since_a_day_comes_back_from_its_card_data() -> None:
    query = ListQuery(scope=ListScope.TOUCHED, updated_since=date(2026, 11, 30))
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title == "Tickets you worked on · since Mon 30 Nov"
    worked = again.filter_for("u-jo", today=date(2026, 12, 2))
    # when they did it, not when the ticket last moved: a comment leaves `updated_at` be
    assert (worked.touched_by, worked.touched_from, worked.updated_from) == (
        "u-jo", datetime(2026, 11, 30), None)
    assert worked.exclude_statuses == ()  # what they resolved is what they worked on


@pytest.mark.parametrize("since", ["yesterday", "2026-13-01", 20261130, "2026-11-30T00:00:00"])
def test_a_forged_since_day_is_no_day(since: object) -> None:
    query = ListQuery.from_data({"kind": "touched", "since": since})
    assert (query.scope, query.updated_since) == (ListScope.TOUCHED, None)


@pytest.mark.parametrize(("query", "title", "window"), [
    (ListQuery(scope=ListScope.CREATED, created_from=date(2026, 11, 23),
               created_before=date(2026, 11, 30)),
     "Tickets you filed · in the week of Mon 23 Nov", (datetime(2026, 11, 23), datetime(2026, 11, 30))),
    (ListQuery(created_from=date(2026, 11, 30)), "Tickets · filed since Mon 30 Nov",
     (datetime(2026, 11, 30), None)),
    (ListQuery(scope=ListScope.MINE, created_from=date(2026, 12, 1), created_before=date(2026, 12, 2)),
     "Assigned to you · filed on Tue 01 Dec", (datetime(2026, 12, 1), datetime(2026, 12, 2))),
    (ListQuery(scope=ListScope.CREATED, created_before=date(2026, 11, 30)),
     "Tickets you filed · before Mon 30 Nov", (None, datetime(2026, 11, 30))),
    (ListQuery(created_from=date(2026, 11, 1), created_before=date(2026, 12, 1)),
     "Tickets · filed Sun 01 Nov to Mon 30 Nov", (datetime(2026, 11, 1), datetime(2026, 12, 1))),
])
def test_when_tickets_were_filed_comes_back_from_the_card_data_titled_by_its_days(
    query: ListQuery, title: str, window: tuple[datetime | None, datetime | None]
) -> None:
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title == title  # days, not "last week": a card is read and refreshed later
    filed = again.filter_for("u-jo", today=date(2026, 12, 2))
    assert (filed.created_from, filed.created_before) == window
    assert filed.exclude_statuses == ()  # what came in then, whatever became of it


def test_the_viewers_own_tickets_about_something_are_those_they_filed_or_hold() -> None:
    query = ListQuery(scope=ListScope.OWN, text="outlook")
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title == "Your tickets matching “outlook”"
    own = again.filter_for("u-jo", today=date(2026, 12, 2))
    assert (own.filed_or_held_by, own.created_by, own.assignee_id, own.text) == (
        "u-jo", None, None, "outlook")
    assert own.exclude_statuses == ()  # "what's the status of my outlook ticket": fixed is news
    assert [said for _, said in again.elsewhere(customer=False)] == [
        "find outlook", "tickets I created", "my tickets"]
    assert [said for _, said in again.elsewhere(customer=True)] == ["tickets I created"]


def test_what_the_list_cannot_filter_by_is_said_on_every_page_of_it() -> None:
    query = ListQuery(status=TicketStatus.CLOSED, unplaced="last week")
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.unplaced_notice is not None and "“last week”" in again.unplaced_notice
    assert ListQuery.from_data({"kind": "search", "unplaced": "x" * 500}).unplaced == "x" * 100


@pytest.mark.parametrize("day", ["last week", "2026-02-30", 7, ["2026-11-23"]])
def test_a_forged_filed_day_is_no_day(day: object) -> None:
    query = ListQuery.from_data({"kind": "created", "filed_from": day, "filed_before": day})
    assert (query.created_from, query.created_before) == (None, None)


def test_a_list_due_on_one_day_comes_back_from_its_card_data_and_keeps_that_day() -> None:
    query = ListQuery(scope=ListScope.MINE, due_on=date(2026, 12, 11))
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title == "Assigned to you · due Fri 11 Dec · not yet resolved"
    for today in (date(2026, 12, 10), date(2026, 12, 13)):  # refreshed days later: that Friday
        due = again.filter_for("u-jo", today=today)
        assert (due.due_from, due.due_before) == (datetime(2026, 12, 11), datetime(2026, 12, 12))


@pytest.mark.parametrize("due_on", ["friday", "2026-02-30", 20261211, None])
def test_a_forged_due_day_is_no_day(due_on: object) -> None:
    assert ListQuery.from_data({"kind": "search", "due_on": due_on}).due_on is None


def test_overdue_at_a_moment_includes_due_times_already_passed_that_day() -> None:
    now = datetime(2026, 12, 2, 15, 0)
    overdue = ListQuery(due_window=DueWindow.OVERDUE)
    late = overdue.filter_for("u-jo", today=now.date(), now=now)
    assert (late.due_from, late.due_before, late.overdue_at) == (None, None, now)
    by_day = overdue.filter_for("u-jo", today=now.date())  # no moment: whole days only
    assert (by_day.due_before, by_day.overdue_at) == (datetime(2026, 12, 2), None)
    due_today = ListQuery(due_window=DueWindow.TODAY).filter_for("u-jo", today=now.date(), now=now)
    assert due_today.overdue_at is None


def test_tickets_filed_by_someone_come_back_from_their_card_data_and_filter_by_the_filer() -> None:
    query = ListQuery(filed_by=UserTarget("u-sam", "Sam Rivera"), status=TicketStatus.OPEN)
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title == "Tickets · filed by Sam Rivera · open"
    assert again.filter_for("u-jo", today=date(2026, 12, 2)).created_by == "u-sam"
    assert ListQuery.from_data({"kind": "search", "filed_by": {"team": 2}}).filed_by is None


@pytest.mark.parametrize(("query", "title", "window"), [
    (ListQuery(status=TicketStatus.CLOSED, finished_from=date(2026, 11, 23),
               finished_before=date(2026, 11, 30)),
     "Tickets · closed in the week of Mon 23 Nov", (datetime(2026, 11, 23), datetime(2026, 11, 30))),
    (ListQuery(finished_from=date(2026, 12, 2), finished_before=date(2026, 12, 3)),
     "Tickets · resolved or closed on Wed 02 Dec", (datetime(2026, 12, 2), datetime(2026, 12, 3))),
    (ListQuery(scope=ListScope.MINE, status=TicketStatus.RESOLVED, finished_from=date(2026, 11, 30)),
     "Assigned to you · resolved since Mon 30 Nov", (datetime(2026, 11, 30), None)),
    (ListQuery(status=TicketStatus.CLOSED, also_statuses=(TicketStatus.RESOLVED,),
               finished_from=date(2026, 11, 30)),
     "Tickets · closed or resolved since Mon 30 Nov", (datetime(2026, 11, 30), None)),
])
def test_when_tickets_were_finished_comes_back_from_the_card_data_titled_by_its_days(
    query: ListQuery, title: str, window: tuple[datetime | None, datetime | None]
) -> None:
    again = ListQuery.from_data(query.to_data())
    assert again == query  # the next page is the same window
    assert again.title == title
    finished = again.filter_for("u-jo", today=date(2026, 12, 2))
    assert (finished.finished_from, finished.finished_before) == window
    assert finished.exclude_statuses == ()  # finished ones are the point


@pytest.mark.parametrize("day", ["last week", "2026-02-30", 5, None, ["2026-11-30"]])
def test_a_forged_finished_day_is_no_day(day: object) -> None:
    query = ListQuery.from_data({"kind": "search", "status": "closed", "done_from": day})
    assert (query.status, query.finished_from) == (TicketStatus.CLOSED, None)


def test_what_the_viewer_closed_since_a_day_says_the_day_once() -> None:
    query = ListQuery(scope=ListScope.TOUCHED, status=TicketStatus.CLOSED,
                      updated_since=date(2026, 11, 30), finished_from=date(2026, 11, 30))
    assert ListQuery.from_data(query.to_data()).title == \
        "Tickets you worked on · closed since Mon 30 Nov"


def test_a_list_of_several_statuses_and_priorities_comes_back_from_its_card_data() -> None:
    query = ListQuery(status=TicketStatus.OPEN, also_statuses=(TicketStatus.ON_HOLD,),
                      priority=Priority.HIGH, also_priorities=(Priority.URGENT,))
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title == "Tickets · high or urgent · open or on hold"
    listed = again.filter_for("u-jo", today=date(2026, 12, 2))
    assert listed.statuses == (TicketStatus.OPEN, TicketStatus.ON_HOLD)
    assert listed.priorities == (Priority.HIGH, Priority.URGENT)


@pytest.mark.parametrize("forged", [
    {"or_status": ["on_hold", "nonsense", 4, "on_hold"], "or_priority": "urgent"},
    {"or_status": ["on_hold"] * 1000, "or_priority": [None, "urgent"]},
])
def test_forged_other_statuses_and_priorities_are_known_ones_only(forged: dict[str, object]) -> None:
    query = ListQuery.from_data({"kind": "search", "status": "open", "priority": "high", **forged})
    assert query.also_statuses == (TicketStatus.ON_HOLD,)
    assert query.also_priorities in ((), (Priority.URGENT,))
    alone = ListQuery.from_data({"kind": "search", "or_status": ["on_hold"]})
    assert (alone.status, alone.also_statuses) == (None, ())  # none without the first


def test_tickets_with_no_due_date_come_back_from_the_card_data() -> None:
    query = ListQuery(priority=Priority.URGENT, due_window=DueWindow.NONE)
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title == "Tickets · no due date · urgent · not yet resolved"
    undated = again.filter_for("u-jo", today=date(2026, 12, 2))
    assert (undated.undated, undated.due_from, undated.due_before) == (True, None, None)
