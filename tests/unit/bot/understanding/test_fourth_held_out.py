"""The fourth held-out table is read as people mean it (see `fourth_held_out.py`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.actions.phrasing import phrase
from bot.understanding.requests import ChangeStatus, Clarify
from bot.understanding.summary import summary
from domain.numbering import TicketNumber
from domain.tickets import TicketStatus
from tests.unit.bot.understanding.fourth_held_out import FOURTH_HELD_OUT, FOURTH_MISREAD
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), lines_of(FOURTH_HELD_OUT, FOURTH_MISREAD))
def test_the_bot_reads_the_fourth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_fourth_table_is_large_and_new() -> None:
    assert_large_and_new(FOURTH_HELD_OUT, FOURTH_MISREAD, at_least=80)


NOTHING_SHOWN = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize(("said", "expected"), [
    ("could you close our ticket please", "status #7 closed"),
    ("pls resolve my request", "status #7 resolved"),
    ("put my case on hold", "status #7 on_hold"),
    ("set my ticket to high", "edit #7 priority=high"),
    ("close my ticket 36", "status #36 closed"),
    ("how do I close my ticket?", "question"),
    ("any update on my ticket?", "list mine asked=status"),
    ("change the priority to low", "edit #7 priority=low"),
    ("set the due date to friday", "edit #7 due=2026-12-04"),
    ("bump the priority up to urgent", "edit #7 priority=urgent"),
    ("set the due date of 4", "ask edit #4 ? due_date"),
    ("rename 4 to printer jams and set it to high", "edit #4 title='Printer jams' priority=high"),
    ("rename 4 to 'Salt and pepper' and make it low", "edit #4 title='Salt and pepper' priority=low"),
    ("rename 4 to salt and pepper", "edit #4 title='Salt and pepper'"),
    ("make 4 urgent and due tomorrow", "edit #4 priority=urgent due=2026-12-03"),
    ("make 4 urgent and make it high", "ask status #4 ?: “urgent and make it high” is not a status "
     "I know. Which status should #4 get? [open, in progress, on hold, resolved, closed]"),
    ("5 works again", "status #5 resolved"),
    ("works now, thanks", "small talk thanks"),
    ("we're on 12", "start and take #12"),
    ("we're working on it", "status #7 in_progress"),
    ("i am looking into 12", "start and take #12"),
    ("where do I see my requests?", "list created"),
    ("how to see my closed tickets", "list mine status=closed"),
    ("how I can close my ticket?", "question"),
    ("pls to close 12", "status #12 closed"),
])
def test_the_shapes_the_fourth_table_found_are_read_in_other_words_too(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("please close my ticket", "status ? closed"),
    ("make my ticket urgent", "edit ? priority=urgent"),
    ("set priority to urgent", "edit ? priority=urgent"),
    ("on it", "start and take ?"),
    ("show my ticket", "list mine"),
])
def test_my_ticket_with_none_shown_is_left_for_the_action_to_find(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_SHOWN)) == expected


@pytest.mark.parametrize(("said", "reason"), [
    ("I think 4 is fixed, loose cable", "loose cable"),
    ("i think 44 is fixed because the user hasn't called back", "the user hasn't called back"),
    ("maybe 4 can be closed - duplicate of 9", "duplicate of 9"),
    ("I think 4 is fixed", None),
])
def test_a_hedged_change_keeps_its_reason_for_when_it_is_confirmed(said: str, reason: str | None) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, Clarify) and isinstance(understood.request, ChangeStatus)
    assert understood.request.reason == reason


@pytest.mark.parametrize("reason", [
    "loose cable", "the user doesn't need it, but maybe later", "if it breaks again, call Sam",
])
def test_a_confirmed_status_with_its_reason_is_said_back_as_it_was(reason: str) -> None:
    change = ChangeStatus(TicketNumber("TKT", 2026, 4), TicketStatus.RESOLVED, reason=reason)
    assert as_the_bot_reads(phrase(change, CONVERSATION), CONVERSATION) == change


@pytest.mark.parametrize(("said", "expected"), [
    ("rename 4 to printer jams and close it",
     "edit #4 title='Printer jams' + status #4 closed"),
    ("close 4 and assign it to sam", "status #4 closed + assign #4 to user:u-sam"),
    ("make 4 urgent and give it to the network team",
     "edit #4 priority=urgent + assign #4 to team:2"),
    ("put 4 on hold and set the due date to friday",
     "status #4 on_hold + edit #4 due=2026-12-04"),
    ("close 4 and assign it to Bob",
     "status #4 closed + ask assign #4 to ?: I couldn't find “Bob”. Who should take #4?"),
    ("comment on 4: cable replaced and close it", "comment #4 'cable replaced and close it'"),
    ("close 4 and 5", "status #4, #5 closed"),
    ("rename 4 to salt and pepper", "edit #4 title='Salt and pepper'"),
])
def test_two_changes_of_different_kinds_in_one_message_are_both_read(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
