"""The fifth held-out table is read as people mean it (see `fifth_held_out.py`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.fifth_held_out import FIFTH_HELD_OUT, FIFTH_MISREAD
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), lines_of(FIFTH_HELD_OUT, FIFTH_MISREAD))
def test_the_bot_reads_the_fifth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_fifth_table_is_large_and_new() -> None:
    assert_large_and_new(FIFTH_HELD_OUT, FIFTH_MISREAD, at_least=100)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 4 and assign 5 to sam", "status #4 closed + assign #5 to user:u-sam"),
    ("close 4 and reopen 5", "status #4 closed + status #5 open"),
    ("put 4 on hold and 5 in progress", "status #4 on_hold + status #5 in_progress"),
    ("assign 4 to sam and 5 to alex", "assign #4 to user:u-sam + assign #5 to user:u-alex"),
    ("make 4 urgent, close 5", "edit #4 priority=urgent + status #5 closed"),
    ("resolve 4; give 5 to the network team", "status #4 resolved + assign #5 to team:2"),
    ("make 4 high and 5 low", "edit #4 priority=high + edit #5 priority=low"),
    ("close 4 and assign 5 to lee",
     "status #4 closed + ask assign #5 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("close 4 and assign 5 to Bob",
     "status #4 closed + ask assign #5 to ?: I couldn't find “Bob”. Who should take #5?"),
    ("close 4 and 5", "status #4, #5 closed"),
    ("close 4 and assign it to sam", "status #4 closed + assign #4 to user:u-sam"),
    ("resolve 4, 5 users still affected", "status #4 resolved"),
    ("close 4 and 5, actually don't", "no change #4"),
])
def test_two_changes_of_two_tickets_in_one_message_are_both_read(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


NOTHING_SHOWN = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize(("said", "expected"), [
    ("priority urgent", "edit #7 priority=urgent"),
    ("Priority: high", "edit #7 priority=high"),
    ("prio -> low pls", "edit #7 priority=low"),
    ("type bug", "edit #7 category=bug"),
    ("priority urgent tickets", "list all priority=urgent"),
    ("the 37 you can close, is working now", "status #37 closed"),
    ("ticket 37 you can give to sam", "assign #37 to user:u-sam"),
    ("12 u can close thx", "status #12 closed"),
    ("4 you can see in the list", "free text"),
])
def test_a_field_said_alone_is_of_the_ticket_shown_and_a_ticket_may_come_first(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_a_field_said_alone_with_no_ticket_shown_is_a_list() -> None:
    assert summary(as_the_bot_reads("priority urgent", NOTHING_SHOWN)) == "list all priority=urgent"


@pytest.mark.parametrize(("said", "expected"), [
    ("nvm, forget it", "cancel"),
    ("stop - cancel", "cancel"),
    ("cancel, close 4", "ask status #4 ?: Should #4 be closed? [Yes]"),
    ("np", "small talk ok"),
    ("no worries 🙂", "small talk ok"),
    ("no worries, close 4", "status #4 closed"),
    ("ok thanks, that's all for today", "small talk thanks"),
    ("that's it for now, bye", "small talk ok"),
    ("good evening, hope you are well", "small talk hello"),
    ("hi, hope you're doing well, can you close 4", "status #4 closed"),
])
def test_calling_off_and_courtesy_said_in_parts_are_read_whole(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("tickets I opened recently", "list created created_from=2026-11-18"),
    ("what did I file lately?", "list created created_from=2026-11-18"),
    ("what came in recently", "list all created_from=2026-11-18"),
    ("tickets i created recently that are closed",
     "list created status=closed created_from=2026-11-18"),
    ("tickets closed recently", "list all status=closed finished_from=2026-11-18"),
    ("the printer was fixed recently, close 4", "status #4 closed"),
])
def test_recently_is_the_last_two_weeks_or_said_when_it_cannot_apply(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("it not open", "ask status #7 ?: Should #7 be open? [Yes]"),
    ("it doesnt open", "ask status #7 ?: Should #7 be open? [Yes]"),
    ("4 isn't open anymore", "ask status #4 ?: Should #4 be open? [Yes]"),
    ("it still not open", "ask status #7 ?: Should #7 be open? [Yes]"),
    ("i have problem with outlook, it not open", "free text"),
    ("45 is not fixed", "no change #45"),
    ("don't close 4", "no change #4"),
])
def test_a_ticket_said_not_to_open_offers_to_reopen_it_and_is_no_dont(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_it_not_open_with_no_ticket_shown_is_a_problem_told() -> None:
    assert summary(as_the_bot_reads("it not open", NOTHING_SHOWN)) == "free text"


@pytest.mark.parametrize(("said", "expected"), [
    ("what about 80?", "show #80"),
    ("same for 84", "meant #84 too"),  # the change just made, made of 84 if known for certain
    ("ok what about ticket 5", "show #5"),
    ("same for tkt-2026-0009", "meant #9 too"),
    ("what about 5 users", "question"),
    ("what about the printer?", "question"),
])
def test_a_follow_up_pointing_at_another_ticket_shows_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("68 urgent", "edit #68 priority=urgent"),
    ("4 high prio", "edit #4 priority=high"),
    ("82 on hold waiting on user", "status #82 on_hold"),
    ("put 4 on hold waiting for parts", "status #4 on_hold"),
    ("not closing 94 until the user confirms", "no change #94"),
    ("what can this bot do", "help"),
    ("I need to report something", "create title=?"),
    ("new ticket: badge doesnt open door on floor 4, urgent pls",
     "create title='Badge doesnt open door on floor 4' priority=urgent"),
    ("new ticket: printer broken - high priority", "create title='Printer broken' priority=high"),
    ("new ticket: the urgent care printer", "create title='The urgent care printer'"),
    ("any tickets nobody picked up yet?", "list all assignee=nobody"),
    ("Can I get a list of all high priority tickets for facilities",
     "list all priority=high assignee=team:3"),
    ("can i see urgent tickets?", "list all priority=urgent"),
    ("can i get tickets deleted?", "question"),
    ("how much tickets I have open", "list mine status=open"),
])
def test_terse_priorities_reasons_vague_titles_and_asking_to_see_are_read_by_kind(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("please can you do close for ticket 57", "status #57 closed"),
    ("do the close of 4", "status #4 closed"),
    ("i want that 57 is assign to priya", "assign #57 to user:u-priya"),
    ("I would like that 57 is closed", "status #57 closed"),
    ("i want that it is resolved, thanks", "status #7 resolved"),
    ("i want that the printer works", "free text"),
    ("what do I do for 4", "show #4"),
])
def test_a_change_asked_as_other_languages_ask_it_is_read(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
