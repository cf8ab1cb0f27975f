"""The sixth held-out table is read as people mean it (see `sixth_held_out.py`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.understanding.requests import ChangeStatus, ReminderAsked
from bot.understanding.summary import summary
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.sixth_held_out import SIXTH_HELD_OUT, SIXTH_MISREAD
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

NOTHING_SHOWN = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize(("said", "expected"), lines_of(SIXTH_HELD_OUT, SIXTH_MISREAD))
def test_the_bot_reads_the_sixth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_sixth_table_is_large_and_new() -> None:
    assert_large_and_new(SIXTH_HELD_OUT, SIXTH_MISREAD, at_least=100)


@pytest.mark.parametrize(("said", "expected"), [
    ("remind me about 42 tomorrow", "cannot remind #42"),
    ("nudge sam about it friday", "cannot remind #7"),
    ("let me know when 42 is done", "cannot remind #42"),
    ("set a reminder for 42", "cannot remind #42"),
    ("please remind me to call the vendor", "cannot remind ?"),
    ("remind me how to reset my password", "free text"),
    ("how do I set a reminder in outlook", "question"),
    ("reminder: the printer is still broken", "free text"),
    ("close 42 once the user confirms", "no change #42"),
])
def test_a_reminder_asked_for_is_told_what_reminds_never_a_condition_or_a_problem(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_a_reminder_keeps_the_day_said_for_the_due_date_it_offers() -> None:
    asked = as_the_bot_reads("remind me about 42 on friday", CONVERSATION)
    assert isinstance(asked, ReminderAsked)
    assert asked.when == date(2026, 12, 4)


@pytest.mark.parametrize(("said", "expected"), [
    ("who closed 4?", "history #4"),
    ("who reassigned my ticket", "history #7"),
    ("why was 4 put on hold?", "history #4"),
    ("why 4 got closed?", "history #4"),
    ("who can close 4?", "show #4"),
    ("why close 4", "show #4"),
    ("high priority?", "show #7 asked=priority"),
    ("still urgent?", "show #7"),
    ("urgent tickets?", "list all priority=urgent"),
    ("priority high", "edit #7 priority=high"),
    ("set the title", "ask edit #7 ? title"),
])
def test_who_did_it_opens_the_history_and_a_field_asked_about_is_the_shown_tickets(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_with_no_ticket_shown_a_priority_asked_is_a_list_and_a_field_asks_which_ticket() -> None:
    assert summary(as_the_bot_reads("high priority?", NOTHING_SHOWN)) == "list all priority=high"
    assert summary(as_the_bot_reads("set a due date", NOTHING_SHOWN)) == "ask edit ? ? due_date"
    assert summary(as_the_bot_reads("who closed my ticket?", NOTHING_SHOWN)) == "list mine"


@pytest.mark.parametrize(("said", "expected"), [
    ("who has the most tickets right now?", "workload"),
    ("which agent is the busiest", "workload"),
    ("show me the team's workload", "workload"),
    ("open tickets per person", "workload"),
    ("workload pls", "workload"),
    ("show me the workload", "workload"),
    ("check the workload per person", "workload"),
    ("what's the workload", "workload"),
    ("how's the workload looking?", "workload"),
    ("what is the workload right now", "workload"),
    ("what's the load on the printer", "question"),
    ("show me the load balancer config", "list all text='load balancer config'"),
    ("who is overloaded with the vpn issue", "question"),
    ("how is the workload of the printer team", "question"),
    ("how many tickets does sam have", "list all assignee=user:u-sam"),
    ("who has 4?", "show #4 asked=assignee"),
])
def test_asking_for_everyones_workload_is_a_count_per_person_and_nothing_else_is(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("66 lgtm, closing", "status #66 closed"),
    ("4 - user happy, resolving", "status #4 resolved"),
    ("126 and 127 are duplicates, close both", "status #126, #127 closed"),
    ("ticket 63 I'm looking at it now", "start and take #63"),
    ("63 im on it", "start and take #63"),
    ("66 not fixed, closing", "no change #66"),
    ("5 users affected, resolving", "free text"),
    ("5 people said it's fixed", "free text"),
    ("the printer on 3, closing time", "free text"),
])
def test_a_ticket_said_first_is_what_the_words_after_it_do_when_they_deny_nothing(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "status", "reason"), [
    ("put ticket 118 on hold were waiting for the vendor", "on_hold", "were waiting for the vendor"),
    ("mark 119 as resolved the user confirmed its working", "resolved",
     "the user confirmed its working"),
    ("put 4 on hold waiting for parts", "on_hold", "waiting for parts"),
])
def test_a_status_dictated_with_its_reason_and_no_comma_keeps_the_reason_as_its_comment(
    said: str, status: str, reason: str | None
) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.status == status and read.reason == reason


@pytest.mark.parametrize("said", [
    "mark 119 as resolved after the user confirms",
    "mark 119 resolved after the vendor ships the part",
    "put 4 on hold after the user replies",
])
def test_a_status_dictated_with_a_condition_and_no_comma_is_not_set_now(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), ChangeStatus)


def test_a_word_that_is_no_status_after_set_is_still_asked_about() -> None:
    assert summary(as_the_bot_reads("mark 4 as purple the user wants it", CONVERSATION)).startswith(
        "ask status TKT-2026-0004 ?")


@pytest.mark.parametrize(("said", "expected"), [
    ("show me everything the network team has open", "list all status=open assignee=team:2"),
    ("show me the tickets the network team has open", "list all status=open assignee=team:2"),
    ("everything sam has open", "list all status=open assignee=user:u-sam"),
    ("everything the network team has", "list all assignee=team:2"),
    ("tickets sam has on hold", "list all status=on_hold assignee=user:u-sam"),
])
def test_what_a_person_or_team_has_in_a_state_is_their_list_in_that_state(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("the last one, make it low", "edit ? priority=low"),
    ("the first one close it", "status ? closed"),
    ("the other one please assign to sam", "assign ? to user:u-sam"),
    ("the last one is broken", "free text"),
])
def test_a_ticket_by_its_place_in_no_list_shown_is_asked_for_never_the_one_in_view(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("86 is a bug not a request", "edit #86 category=bug"),
    ("4 is a bug not a feature request", "edit #4 category=bug"),
    ("set 4 to high, not urgent", "edit #4 priority=high"),
    ("4 is urgent not low", "edit #4 priority=urgent"),
    ("the printer is fine, not broken", "free text"),
    ("4 is closed not resolved", "no change #4"),  # a status denied: as it was read
])
def test_a_value_said_beside_another_of_its_kind_denied_is_the_value_asked_for(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("picking up 141", "start and take #141"),
    ("im picking up 4", "start and take #4"),
    ("grabbing 4", "start and take #4"),
    ("picking up the kids at 5", "free text"),
])
def test_picking_up_a_ticket_is_taking_and_starting_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("resolve 131 then assign 132 to sam", "status #131 resolved + assign #132 to user:u-sam"),
    ("resolve 131, then assign 132 to sam", "status #131 resolved + assign #132 to user:u-sam"),
    ("close 4 and then make it urgent", "status #4 closed + edit #4 priority=urgent"),
    ("restart the printer then close 4", "free text"),
])
def test_then_joins_two_changes_as_and_does(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("123 p1", "edit #123 priority=urgent"),
    ("make 4 p2", "edit #4 priority=high"),
    ("4 is p3", "edit #4 priority=medium"),
    ("p1 tickets", "list all priority=urgent"),
    ("parking level p1 is flooded", "free text"),
])
def test_p1_to_p4_are_priorities(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("login failed", "free text"),
    ("the backup failed again last night", "free text"),
    ('"Login failed" on my pc', "free text"),
    ("tickets i fiiled", "list created"),
    ("shwo tickets", "list all"),
])
def test_failed_is_a_word_of_its_own_never_filed_misspelt(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("🎉", "small talk ok"), ("🙌🙌", "small talk ok"), ("😊", "small talk ok"),
    ("🎉 12", "show #12"),
])
def test_a_cheerful_emoji_alone_is_an_ok(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("still waiting on TKT-2026-0102, its been 3 days", "show #102"),
    ("waiting for 4 since monday", "show #4"),
    ("still waiting for 4 days now", "free text"),
    ("waiting on 3 people to reply", "free text"),
])
def test_waiting_on_a_ticket_shows_it_and_waiting_a_while_is_a_problem_told(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "ticket"), [
    ("remind me at 5 tomorrow", None),
    ("remind me tomorrow at 9", None),
    ("remind me in 3 hours about the printer", None),
    ("remind me about the 2 laptops tomorrow", None),
    ("remind me about 42 tomorrow", 42),
    ("remind me about 42 at 5", 42),
    ("remind me about 42", 42),
    ("remind me about ticket 42 friday", 42),
])
def test_a_time_or_a_count_in_a_reminder_asked_for_is_no_ticket(
    said: str, ticket: int | None
) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ReminderAsked)
    assert (read.ticket.sequence if read.ticket else None) == ticket
