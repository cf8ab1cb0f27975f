"""How a ticket ended, said with the change in the many ways people say it, is the change
and its comment: a resolution after "as", a reason after "due to", one that says what
someone else did not do, and a comment asked for after "and"."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "read", "reason"), [
    # how it ended, after "as"
    ("close 12 as a duplicate of 10", "status TKT-2026-0012 closed", "duplicate of 10"),
    ("close 12 as duplicate", "status TKT-2026-0012 closed", "duplicate"),
    ("Close 12 as spam", "status TKT-2026-0012 closed", "spam"),
    ("close 12 as invalid, wrong queue", "status TKT-2026-0012 closed", "invalid, wrong queue"),
    ("close 12 as not reproducible", "status TKT-2026-0012 closed", "not reproducible"),
    ("closing 12 as unreproducible", "status TKT-2026-0012 closed", "unreproducible"),
    ("close 12 as resolved by the user", "status TKT-2026-0012 closed", "resolved by the user"),
    ("resolve 12 as user error", "status TKT-2026-0012 resolved", "user error"),
    ("close 12 as working as designed", "status TKT-2026-0012 closed", "working as designed"),
    ("close 12 as no longer needed", "status TKT-2026-0012 closed", "no longer needed"),
    ("mark 12 as resolved by the user", "status TKT-2026-0012 resolved", "by the user"),
    ("mark 12 resolved by the customer", "status TKT-2026-0012 resolved", "by the customer"),
    # a reason after "due to" / "owing to"
    ("closing 12 due to no response", "status TKT-2026-0012 closed", "no response"),
    ("close 12 owing to no response from the user", "status TKT-2026-0012 closed",
     "no response from the user"),
    ("Resolve 12 due to the vendor patch", "status TKT-2026-0012 resolved", "the vendor patch"),
    # a reason that tells what someone else didn't do
    ("closing 12 since the user never replied", "status TKT-2026-0012 closed",
     "the user never replied"),
    ("close 12 as the user never got back to us", "status TKT-2026-0012 closed",
     "the user never got back to us"),
    ("close 12 because she doesn't need it anymore", "status TKT-2026-0012 closed",
     "she doesn't need it anymore"),
    ("close 12, he never replied", "status TKT-2026-0012 closed", "he never replied"),
    ("close 12 - the customer hasn't answered in 2 weeks", "status TKT-2026-0012 closed",
     "the customer hasn't answered in 2 weeks"),
    ("resolve 12, user can't reproduce it anymore", "status TKT-2026-0012 resolved",
     "user can't reproduce it anymore"),
    # a comment asked for with the change
    ("close 12 and add a comment that the printer was replaced", "status TKT-2026-0012 closed",
     "the printer was replaced"),
    ("close 12 and comment: printer replaced", "status TKT-2026-0012 closed", "printer replaced"),
    ("resolve 12 and add a note saying the toner was swapped", "status TKT-2026-0012 resolved",
     "the toner was swapped"),
    ("close 12 and note that the user moved desks", "status TKT-2026-0012 closed",
     "the user moved desks"),
    ("close 12 and say the printer was replaced", "status TKT-2026-0012 closed",
     "the printer was replaced"),
    ("resolve 12 and tell the user it was the cable", "status TKT-2026-0012 resolved",
     "it was the cable"),
    ("resolve 12 and let the customer know it was the cable", "status TKT-2026-0012 resolved",
     "it was the cable"),
    ("close 12 with a comment saying user confirmed", "status TKT-2026-0012 closed",
     "user confirmed"),
    ('close 12 with note "user confirmed"', "status TKT-2026-0012 closed", "user confirmed"),
    # a comment asked for that says only "fixed" is still the comment asked for
    ("close 12 and comment fixed", "status TKT-2026-0012 closed", "fixed"),
    ("resolve 12 with the comment done", "status TKT-2026-0012 resolved", "done"),
    ("close 12 and add a note saying resolved", "status TKT-2026-0012 closed", "resolved"),
    # a comment labelled as one: the label is no part of it
    ("close 12, comment: replaced cable", "status TKT-2026-0012 closed", "replaced cable"),
    ("close 12 - note: replaced cable", "status TKT-2026-0012 closed", "replaced cable"),
    ("resolve 12. Reason: user left the company", "status TKT-2026-0012 resolved",
     "user left the company"),
    ("close 12, comments: printer swapped", "status TKT-2026-0012 closed", "printer swapped"),
    # a label word that labels nothing is part of the reason
    ("close 12, reason unknown", "status TKT-2026-0012 closed", "reason unknown"),
    ("close 12, note the user moved desks", "status TKT-2026-0012 closed",
     "note the user moved desks"),
])
def test_how_a_ticket_ended_is_the_change_and_its_comment(said: str, read: str, reason: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == read
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize(("said", "read"), [
    ("close 12 as fixed", "status TKT-2026-0012 closed"),
    ("close 12 as done", "status TKT-2026-0012 closed"),
    ("close 12 as completed", "status TKT-2026-0012 closed"),
    ("close 12 as resolved", "status TKT-2026-0012 closed"),
])
def test_a_resolution_that_only_says_it_is_done_needs_no_comment(said: str, read: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == read
    assert isinstance(understood, ChangeStatus) and understood.reason is None


@pytest.mark.parametrize("said", [
    # taken back, put off, or made to wait on something: no change now
    "close 12 because the user confirmed, actually wait",
    "close 12 since the user never replied, no wait don't",
    "close 12, no",
    "close 12, I don't think so",
    "close 12 and say the printer was replaced, actually don't",
    "close 12 as a duplicate if 10 turns out to be the same",
    "don't close 12 as a duplicate",
    "close 12 as soon as the user replies",
    "close 12 as soon as possible tomorrow",
    "close 12 once the user confirms it's fixed",
    "should I close 12 as a duplicate?",
    "why was 12 closed as a duplicate?",
    "we never close tickets as duplicates",
    "close 12, the user says it's not fixed",
])
def test_a_reason_that_takes_the_change_back_or_puts_it_off_changes_nothing(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not (isinstance(understood, ChangeStatus) and understood.status is not None), summary(
        understood)


@pytest.mark.parametrize(("said", "read"), [
    ("assign 12 to sam as urgent", None),
    ("mark 12 as urgent", "edit TKT-2026-0012 priority=urgent"),
    ("set 12 as a bug", None),
])
def test_as_before_a_value_is_still_the_value(said: str, read: str | None) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not isinstance(understood, ChangeStatus), summary(understood)
    if read is not None:
        assert summary(understood) == read


@pytest.mark.parametrize(("said", "reason"), [
    ("reopen 12 as the user still can't print", "the user still can't print"),
    ("reopen 12, user still can't print", "user still can't print"),
    ("Reopen 12 because he still isn't able to log in", "he still isn't able to log in"),
])
def test_a_reopen_told_with_what_still_fails_reopens(said: str, reason: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == "status TKT-2026-0012 open"
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize("said", [
    "close 12, they don't want it closed",
    "close 12, the user doesn't want it resolved yet",
    "resolve 12, she has not confirmed the fix, so leave it",
])
def test_what_someone_else_does_not_want_done_is_no_reason_to_do_it(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not (isinstance(understood, ChangeStatus) and understood.status is not None), summary(
        understood)


@pytest.mark.parametrize("said", [
    # what someone else won't have, or can't do, is no reason for the change said before it
    "close 12, the user doesn't agree", "close 12, they never agreed",
    "close 12, the customer won't allow it", "resolve 12, she still can't print",
    "give 12 to sam, he doesn't have access", "give 43 to sam, he can't",
    "put 12 on hold, the user can't wait", "make 12 urgent, the user doesn't care",
])
def test_what_someone_else_will_not_have_is_no_reason(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    read = summary(understood)
    assert not read.startswith(("status", "assign", "edit")), read


@pytest.mark.parametrize(("said", "read"), [
    ("put 12 on hold, the vendor hasn't shipped the part yet", "status TKT-2026-0012 on_hold"),
    ("close 12 as he doesn't work here anymore", "status TKT-2026-0012 closed"),
])
def test_what_someone_else_has_not_done_yet_is_a_reason(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read


@pytest.mark.parametrize("said", [
    "close 12 and add a note to 13", "close 12 and add a note on 14 saying done",
    "resolve 12 and comment on 13 that it is fixed too",
])
def test_a_note_for_another_ticket_is_no_comment_on_this_one(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not (isinstance(understood, ChangeStatus) and understood.reason), summary(understood)


@pytest.mark.parametrize("said", [
    "close 12, what do you think", "close 12, is that allowed", "close 12 - does that work for you",
    "assign 12 to sam, does that make sense", "make 12 urgent, what do you reckon",
])
def test_a_change_followed_by_a_question_about_it_is_asked_first(said: str) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert read.startswith(("ask ", "show ", "no change")), read


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12 as per the user", "per the user"),
    ("close 12 as discussed", None),
    ("close 12 as agreed", None),
    ("close 12 as no one replied", "no one replied"),
    ("close 12 as you said", "you said"),
    ("close 12 and note it", None),
    ("close 12 and say nothing", None),
])
def test_as_agreed_and_a_note_of_nothing_close_with_what_it_says(
    said: str, reason: str | None
) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == "status TKT-2026-0012 closed"
    assert isinstance(understood, ChangeStatus) and understood.reason == reason
