"""Lists by who has the tickets and when they are due: read, asked about, said back, paged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from bot.actions.phrasing import phrase
from bot.listing import ListQuery
from bot.understanding import understand
from bot.understanding.requests import (
    Clarify, ListScope, ListTickets, Nobody, TeamTarget, UserTarget,
)
from domain.tickets import DueWindow, Priority, TicketOrder, TicketStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

WEDNESDAY = date(2026, 12, 2)
BEFORE_THE_DIRECTORY = replace(CONVERSATION, people=(), teams=(), mentions=(), directory=False)
"""How the chat reads a message first: names are placed only once people and teams are read."""


@pytest.mark.parametrize("said", [
    "Sam's tickets", "tickets assigned to Sam", "what is Priya working on?",
    "tickets for IT Support", "the network team's tickets", "team Network tickets",
    "tickets for the printer",
])
def test_a_name_in_a_list_is_placed_only_with_the_people_and_teams_at_hand(said: str) -> None:
    first = understand(said, BEFORE_THE_DIRECTORY)
    assert isinstance(first, Clarify) and isinstance(first.request, ListTickets)
    assert isinstance(understand(said, CONVERSATION), ListTickets)


@pytest.mark.parametrize(("said", "expected"), [
    ("unassigned tickets", ListTickets(assignee=Nobody())),
    ("overdue tickets", ListTickets(due_window=DueWindow.OVERDUE)),
    ("my open tickets", ListTickets(scope=ListScope.MINE, status=TicketStatus.OPEN)),
    ("what's due today?", ListTickets(due_window=DueWindow.TODAY)),
])
def test_a_list_that_names_nobody_needs_no_directory(said: str, expected: ListTickets) -> None:
    assert understand(said, BEFORE_THE_DIRECTORY) == expected


def test_a_name_that_fits_nobody_is_said_so_and_never_searched_for() -> None:
    understood = understand("tickets assigned to Zed", CONVERSATION)
    assert isinstance(understood, Clarify) and understood.request == ListTickets()
    assert "Zed" in understood.question and not understood.choices


SAM = UserTarget("u-sam", "Sam Rivera")
LEE_CHEN = UserTarget("u-leec", "Lee Chen")


@pytest.mark.parametrize("request_", [
    ListTickets(assignee=SAM),
    ListTickets(assignee=LEE_CHEN, status=TicketStatus.ON_HOLD),
    ListTickets(assignee=TeamTarget(1, "IT Support"), priority=Priority.URGENT),
    ListTickets(assignee=Nobody(), due_window=DueWindow.OVERDUE),
    ListTickets(due_window=DueWindow.TODAY, text="printer"),
    ListTickets(scope=ListScope.MINE, due_window=DueWindow.THIS_WEEK),
    ListTickets(scope=ListScope.CREATED, assignee=TeamTarget(2, "Network")),
    ListTickets(scope=ListScope.TOUCHED),
    ListTickets(scope=ListScope.TOUCHED, updated_since=date(2026, 11, 30)),
    ListTickets(scope=ListScope.CREATED, created_from=date(2026, 11, 23),
                created_before=date(2026, 11, 30)),
    ListTickets(created_from=date(2026, 11, 30)),
    ListTickets(scope=ListScope.MINE, created_before=date(2026, 11, 30), priority=Priority.HIGH),
    ListTickets(assignee=SAM, created_from=date(2026, 12, 1), created_before=date(2026, 12, 2)),
    ListTickets(scope=ListScope.OWN, text="outlook"),
    ListTickets(scope=ListScope.OWN, text="vpn", status=TicketStatus.OPEN),
    ListTickets(due_on=date(2026, 12, 4)),
    ListTickets(scope=ListScope.MINE, due_on=date(2026, 12, 3), priority=Priority.URGENT),
    ListTickets(due_window=DueWindow.THIS_MONTH, assignee=SAM),
    *(ListTickets(order=order) for order in TicketOrder),
    ListTickets(scope=ListScope.MINE, status=TicketStatus.OPEN, order=TicketOrder.OLDEST),
    ListTickets(assignee=SAM, priority=Priority.URGENT, order=TicketOrder.DUE),
    ListTickets(text="vpn", order=TicketOrder.NEWEST),
    ListTickets(text="printer", every_status=True, order=TicketOrder.STALE),
    ListTickets(every_status=True),
    ListTickets(scope=ListScope.MINE, every_status=True),
    ListTickets(assignee=Nobody(), order=TicketOrder.PRIORITY, most=5),
    ListTickets(scope=ListScope.CREATED, most=3),
    ListTickets(not_updated_since=date(2026, 11, 25)),
    ListTickets(scope=ListScope.MINE, priority=Priority.URGENT, not_updated_since=date(2026, 11, 18)),
])
def test_a_list_said_back_as_words_is_understood_as_the_same_list(request_: ListTickets) -> None:
    assert understand(phrase(request_, CONVERSATION), CONVERSATION) == request_


def test_which_lee_is_answered_with_buttons_that_each_list_one_of_them() -> None:
    asked = understand("what's on Lee's plate?", CONVERSATION)
    assert isinstance(asked, Clarify)
    assert [c.label for c in asked.choices] == ["Lee Park", "Lee Chen"]
    for choice in asked.choices:
        assert isinstance(choice.value, UserTarget)
        chosen = replace(ListTickets(), assignee=choice.value)
        assert understand(phrase(chosen, CONVERSATION), CONVERSATION) == chosen


@pytest.mark.parametrize(("query", "title"), [
    (ListQuery(holder=SAM), "Assigned to Sam Rivera · not yet resolved"),
    (ListQuery(holder=TeamTarget(2, "Network"), status=TicketStatus.OPEN),
     "Assigned to Network · open"),
    (ListQuery(holder=Nobody(), priority=Priority.URGENT),
     "Unassigned · urgent · not yet resolved"),
    (ListQuery(due_window=DueWindow.OVERDUE, text="printer"),
     "Tickets · overdue matching “printer”"),
    (ListQuery(scope=ListScope.MINE, due_window=DueWindow.TODAY),
     "Assigned to you · due today · not yet resolved"),
    (ListQuery(status=TicketStatus.OPEN, order=TicketOrder.OLDEST), "Tickets · open · oldest first"),
    (ListQuery(every_status=True), "Tickets · every status"),
    (ListQuery(holder=SAM, order=TicketOrder.DUE, text="vpn"),
     "Assigned to Sam Rivera · not yet resolved matching “vpn” · due soonest first"),
    (ListQuery(order=TicketOrder.PRIORITY, most=5),
     "Tickets · not yet resolved · top 5, most urgent first"),
    (ListQuery(order=TicketOrder.STALE), "Tickets · not yet resolved · least recently updated first"),
    (ListQuery(order=TicketOrder.UPDATED), "Tickets · not yet resolved · recently updated first"),
    (ListQuery(scope=ListScope.MINE, order=TicketOrder.SEVERITY),
     "Assigned to you · not yet resolved · most severe first"),
    (ListQuery(not_updated_since=date(2026, 11, 25)),
     "Tickets · not updated since Wed 25 Nov · not yet resolved"),
    (ListQuery(scope=ListScope.MINE, holder=None, not_updated_since=date(2026, 11, 30),
               order=TicketOrder.STALE),
     "Assigned to you · not updated since Mon 30 Nov · not yet resolved · least recently "
     "updated first"),
    (ListQuery(order=TicketOrder.NEWEST, every_status=True), "Tickets · every status · newest first"),
])
def test_the_list_card_title_says_what_was_filtered(query: ListQuery, title: str) -> None:
    assert query.title == title
    assert ListQuery.from_data(query.to_data()) == query  # the next page lists the same


def test_card_data_that_is_not_ours_filters_by_nothing_it_does_not_understand() -> None:
    forged = ListQuery.from_data({"kind": "search", "holder": {"team": "2; drop"}, "due": "someday"})
    assert forged == ListQuery()
    for order, every, top in (("random()", "yes", 10**9), ("", 1, 0), (None, None, True),
                              ("OLDEST", [], "5"), (["oldest"], "true", 101)):
        assert ListQuery.from_data({"order": order, "every_status": every, "top": top}) \
            == ListQuery(), (order, every, top)


def test_a_top_n_list_shows_n_rows_over_its_pages_and_counts_no_more() -> None:
    top = ListQuery(order=TicketOrder.PRIORITY, most=10)
    assert [top.rows_from(offset, page=8) for offset in (0, 8, 16)] == [8, 2, 0]
    assert (top.counted(3), top.counted(40)) == (3, 10)
    assert (ListQuery().rows_from(8, page=8), ListQuery().counted(40)) == (8, 40)


def test_due_windows_are_whole_days_and_this_week_ends_on_sunday() -> None:
    midnight = datetime(2026, 12, 2)
    assert DueWindow.OVERDUE.bounds(WEDNESDAY) == (None, midnight)
    assert DueWindow.TODAY.bounds(WEDNESDAY) == (midnight, datetime(2026, 12, 3))
    assert DueWindow.THIS_WEEK.bounds(WEDNESDAY) == (midnight, datetime(2026, 12, 7))
    assert DueWindow.THIS_WEEK.bounds(date(2026, 12, 6)) == (datetime(2026, 12, 6),
                                                             datetime(2026, 12, 7))


def test_an_overdue_list_leaves_out_finished_tickets_even_when_a_status_is_named() -> None:
    overdue = ListQuery(due_window=DueWindow.OVERDUE, status=TicketStatus.CLOSED)
    found = overdue.filter_for("u-jo", today=WEDNESDAY)
    assert TicketStatus.CLOSED in found.exclude_statuses
    assert found.due_before == datetime(2026, 12, 2)
    assert ListQuery(holder=Nobody()).filter_for("u-jo", today=WEDNESDAY).unassigned


@pytest.mark.parametrize("said", [
    "what's the number for the network team?", "email for the network team",
    "is the network team around today?", "what is the extension for IT Support?",
    "who is the manager for facilities?",
])
def test_a_team_named_with_other_words_and_no_tickets_is_asked_about_not_listed(said: str) -> None:
    assert not isinstance(understand(said, CONVERSATION), (ListTickets, Clarify))


@pytest.mark.parametrize(("said", "team"), [
    ("tickets for the network team", 2), ("open for the network team", 2),
    ("what does the network team have", 2), ("anything new for facilities?", 3),
    ("show me the network team queue", 2),
])
def test_a_team_named_with_list_words_is_still_its_list(said: str, team: int) -> None:
    listed = understand(said, CONVERSATION)
    assert isinstance(listed, ListTickets) and isinstance(listed.assignee, TeamTarget)
    assert listed.assignee.team_id == team


@pytest.mark.parametrize(("said", "expected"), [
    ("what is due", "question"), ("the report is due?", "question"),
    ("my invoice is due", "free text"), ("printer broken, due", "free text"),
    ("tickets due", "list all text='due'"), ("what is due today", "list all due=today"),
])
def test_a_message_ending_in_due_is_read_not_a_crash(said: str, expected: str) -> None:
    """"due" as the last word read one word past the message (IndexError: the turn failed)."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("day", range(7))
@pytest.mark.parametrize(("said", "window"), [
    ("what's due next week?", DueWindow.NEXT_WEEK),
    ("tickets due next week", DueWindow.NEXT_WEEK),
    ("anything due by the end of the week?", DueWindow.THIS_WEEK),
    ("tickets due today", DueWindow.TODAY),
    ("what is due tomorrow", DueWindow.TOMORROW),
])
def test_a_due_window_is_read_alike_on_every_day_of_the_week(
    day: int, said: str, window: DueWindow
) -> None:
    """On a Sunday "next week" begins tomorrow, and was read as "due tomorrow" (failed CI)."""
    today = date(2026, 11, 30) + timedelta(days=day)  # Monday 30 November, then each day
    understood = understand(said, replace(CONVERSATION, today=today))
    assert isinstance(understood, ListTickets) and understood.due_window == window, today


DAYS_OF_EVERY_KIND = (
    *(date(2026, 12, 7) + timedelta(days=day) for day in range(7)),  # Monday 7 Dec to Sunday
    date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 31), date(2027, 2, 28),
    date(2028, 2, 28), date(2028, 2, 29), date(2026, 11, 30),
)
"""Each weekday, the year's last and first days, the last days of months (29 Feb too)."""


@pytest.mark.parametrize("today", DAYS_OF_EVERY_KIND, ids=str)
@pytest.mark.parametrize(("said", "weekday"), [
    ("what's due friday?", 4),
    ("tickets due by Friday", 4),
    ("anything due on monday?", 0),
    ("my tickets due thursday pls", 3),
    ("whats due next wednesday", 2),
    ("Anything due FRIDAY??", 4),
])
def test_a_list_due_on_a_named_weekday_is_that_day_whatever_day_it_is_said(
    today: date, said: str, weekday: int
) -> None:
    """On a Thursday "what's due friday?" was "due tomorrow", on other days no list at all
    (the help assistant); "due monday" said on a Sunday the same."""
    understood = understand(said, replace(CONVERSATION, today=today))
    ahead = (weekday - today.weekday()) % 7 or 7  # the coming one, as a due date is read
    assert isinstance(understood, ListTickets), (today, understood)
    assert (understood.due_on, understood.due_window) == (today + timedelta(days=ahead), None)


@pytest.mark.parametrize("today", DAYS_OF_EVERY_KIND, ids=str)
@pytest.mark.parametrize("said", [
    "what's due this month?", "tickets due by the end of the month", "anything due end of month",
    "open tickets due by eom", "what is due within the month", "Due by the end of this month?",
])
def test_the_rest_of_the_month_is_read_alike_on_every_day_even_its_last(
    today: date, said: str
) -> None:
    """On the last day of a month "due by the end of the month" was "due today", on the day
    before it "due tomorrow", and on every other day no list."""
    understood = understand(said, replace(CONVERSATION, today=today))
    assert isinstance(understood, ListTickets), (today, understood)
    assert understood.due_window == DueWindow.THIS_MONTH and understood.due_on is None


@pytest.mark.parametrize("today", DAYS_OF_EVERY_KIND, ids=str)
@pytest.mark.parametrize(("said", "on"), [
    ("what's due on 24 dec?", (12, 24)),
    ("tickets due 2027-01-15", (1, 15)),
    ("what's due in a month?", None),
    ("anything due on the 1st of january", (1, 1)),
])
def test_a_list_due_on_a_date_is_that_date(
    today: date, said: str, on: tuple[int, int] | None
) -> None:
    understood = understand(said, replace(CONVERSATION, today=today))
    assert isinstance(understood, ListTickets), (today, understood)
    assert understood.due_on is not None, (today, understood)
    if on is None:  # "in a month": that day a month on, not the rest of this month
        assert understood.due_on.day in (today.day, 28, 29, 30) and understood.due_on > today
        on = (understood.due_on.month, understood.due_on.day)
    assert (understood.due_on.month, understood.due_on.day) == on
    assert understood.due_on >= today or said.endswith("2027-01-15")


@pytest.mark.parametrize(("said", "expected"), [
    ("what did I resolve today", "list touched status=resolved updated_since=2026-12-02"),
    ("which tickets did I close this week?", "list touched status=closed updated_since=2026-11-30"),
    ("what have I fixed lately", "list touched status=resolved updated_since=2026-11-18"),
    ("I fixed it", "status TKT-2026-0007 resolved"),  # says it is fixed: no list
    ("i resolved 4", "status TKT-2026-0004 resolved"),
])
def test_what_i_resolved_or_closed_lists_those_i_worked_on_that_now_are(
    said: str, expected: str
) -> None:
    """"what did I resolve today" went to the help assistant, which offered to file it."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("what did sam work on today", "list touched assignee=user:u-sam updated_since=2026-12-02"),
    ("what has Sam done today?", "list touched assignee=user:u-sam updated_since=2026-12-02"),
    ("what did sam do this week", "list touched assignee=user:u-sam updated_since=2026-11-30"),
    ("wat did priya work on yesterday", "list touched assignee=user:u-priya updated_since=2026-12-01"),
    ("what has priya closed today", "list touched status=closed assignee=user:u-priya updated_since=2026-12-02"),
    ("which tickets did alex resolve this week?",
     "list touched status=resolved assignee=user:u-alex updated_since=2026-11-30"),
    ("what did lee work on yesterday",
     "ask list touched updated_since=2026-12-01: Which Lee do you mean? [Lee Park, Lee Chen]"),
    # no one named, or no person: read as before
    ("what did I work on today", "list touched updated_since=2026-12-02"),
    ("what did you do today", "question"),
    ("what did the printer do", "question"),
    ("did sam work on 4?", "show TKT-2026-0004"),
])
def test_what_a_colleague_worked_on_lists_the_tickets_they_did(said: str, expected: str) -> None:
    """"what did sam work on today" went to the help assistant, and "what did sam do this
    week" searched for “did sam”: the tickets Sam filed, holds, commented on or changed."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


def test_what_a_colleague_worked_on_is_what_they_touched_not_what_they_hold() -> None:
    worked = ListQuery(scope=ListScope.TOUCHED, holder=SAM, updated_since=date(2026, 12, 2))
    found = worked.filter_for("u-jo", today=date(2026, 12, 2))
    assert (found.touched_by, found.assignee_id) == (SAM.user_id, None)
    assert worked.title == "Tickets Sam Rivera worked on · since Wed 02 Dec"
    assert ListQuery.from_data(worked.to_data()) == worked  # a page on reads the same
    mine = ListQuery(scope=ListScope.TOUCHED).filter_for("u-jo", today=date(2026, 12, 2))
    assert (mine.touched_by, mine.assignee_id) == ("u-jo", None)


@pytest.mark.parametrize(("said", "read"), [
    ("show me the newest one", "list all status=any order=newest top=1"),
    ("show me the oldest open one", "list all status=open order=oldest top=1"),
    ("tickets about one drive", "list all text='one drive'"),
])
def test_one_said_of_the_ticket_is_no_topic(said: str, read: str) -> None:
    """"show me the newest one" with no list shown searched for tickets with "one" in them."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read


@pytest.mark.parametrize(("said", "read"), [
    ("tickets from sam", "list all filed_by=user:u-sam"),
    ("any tickets from priya?", "list all filed_by=user:u-priya"),
    ("requests from lee park", "list all filed_by=user:u-lee"),
    ("open tickets from jo", "list all status=open filed_by=user:u-jo"),
    ("tickets from me", "list created"),  # the viewer's own, as "tickets I filed"
    ("any tickets from me still open?", "list created status=open"),
    ("tickets from lee", "ask list all: Which Lee do you mean? [Lee Park, Lee Chen]"),
    # no one named: a team's queue, a time, a topic, as before
    ("tickets from the network team", "list all assignee=team:2"),
    ("tickets from yesterday", "list all created_from=2026-12-01 created_before=2026-12-02"),
    ("tickets from the vpn outage", "list all text='vpn outage'"),
    ("tickets from customers", "list all text='customers'"),
])
def test_tickets_from_someone_are_the_ones_they_filed(said: str, read: str) -> None:
    """Found trying the bot as an agent: "any tickets from cus?" searched for "cus"."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read
