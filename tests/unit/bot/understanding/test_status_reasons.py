"""A reason said with a status change is kept, as typed, for a comment with the change."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus, EachTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "read", "reason"), [
    ("4 is fixed, it was a loose cable", "status TKT-2026-0004 resolved", "it was a loose cable"),
    ("closing 12 - duplicate of 9", "status TKT-2026-0012 closed", "duplicate of 9"),
    ("7 is on hold because we're waiting for the vendor", "status TKT-2026-0007 on_hold",
     "we're waiting for the vendor"),
    ("close 12, dupe of #9 🙄", "status TKT-2026-0012 closed", "dupe of #9 🙄"),
    ("reopen 4 please, it's broken again", "status TKT-2026-0004 open", "it's broken again"),
    ("resolve it - User confirmed it works now. thanks!", "status TKT-2026-0007 resolved",
     "User confirmed it works now."),
    ("fixed 4, Replaced the PSU thx", "status TKT-2026-0004 resolved", "Replaced the PSU"),
    ("TKT-2026-0004 resolved — loose cable behind the desk", "status TKT-2026-0004 resolved",
     "loose cable behind the desk"),
    # a reason that starts with "no …", after a colon, or dictated with no comma at all
    ("resolve 4, no further issues", "status TKT-2026-0004 resolved", "no further issues"),
    ("resolve 4 no further issues", "status TKT-2026-0004 resolved", "no further issues"),
    ("close 4, no further action needed", "status TKT-2026-0004 closed",
     "no further action needed"),
    ("close 4 - no issues since the update", "status TKT-2026-0004 closed",
     "no issues since the update"),
    ("4 resolved, no more problems reported", "status TKT-2026-0004 resolved",
     "no more problems reported"),
    ("resolving 4 - no further probs", "status TKT-2026-0004 resolved", "no further probs"),
    ("closing 9 - user confirmed fixed", "status TKT-2026-0009 closed", "user confirmed fixed"),
    ("closing 9 user confirmed fixed", "status TKT-2026-0009 closed", "user confirmed fixed"),
    ("close 9: confirmed fixed by user", "status TKT-2026-0009 closed", "confirmed fixed by user"),
    ("resolve 4 customer happy", "status TKT-2026-0004 resolved", "customer happy"),
    ("Close 9 user says its working now!", "status TKT-2026-0009 closed",
     "user says its working now!"),
    # how long it waits, for whoever reads the ticket
    ("put 7 on hold till monday", "status TKT-2026-0007 on_hold", "till monday"),
])
def test_a_reason_said_with_a_status_change_is_kept_as_typed(
    said: str, read: str, reason: str
) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == read
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize("said", ["close 4", "4 is fixed", "resolve it please", "closing 12 now",
                                  "put 7 on hold", "hold 7 for now"])
def test_a_status_change_alone_has_no_reason(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ChangeStatus) and understood.reason is None


def test_one_reason_for_several_tickets_is_each_ones() -> None:
    understood = as_the_bot_reads("close 4 and 5 - duplicates of 3", CONVERSATION)
    assert isinstance(understood, EachTicket) and isinstance(understood.change, ChangeStatus)
    assert understood.change.reason == "duplicates of 3"


@pytest.mark.parametrize("said", [
    "close 4, actually don't", "resolve 4, or maybe not", "Network team - please close 12",
    "close 4, no", "close 4 no wait", "close 4, no more", "resolve 4, no further issues, actually don't",
    "close 9 if the user confirms it's fixed", "resolve 4, no further issues?",
])
def test_taking_it_back_or_addressing_someone_still_changes_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), ChangeStatus)


@pytest.mark.parametrize("said", ["closed 4 tickets today", "close 4 issues", "resolved 4 tickets"])
def test_a_count_of_tickets_is_no_reason(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), ChangeStatus)


@pytest.mark.parametrize("said", [
    "close 12 - thanks", "close 12 — cheers", "close 12, brb", "close 12 brb", "close 12, ttyl",
    "close 12 - gtg", "resolve 12, gotta go", "close 12 pls and ty", "close 12 because thanks",
])
def test_a_sign_off_after_the_change_is_no_reason(said: str) -> None:
    """Before, "close 12 - thanks" and "close 12, brb" posted "thanks" and "brb" on the
    ticket as why it was closed; "close 12 pls and ty" was not understood."""
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ChangeStatus) and understood.reason is None, understood


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12 - fixed the cable, thanks", "fixed the cable"),
    ("resolve 12 - printer fixed, ty", "printer fixed"),
    ("close 12, user will call facilities, brb", "user will call facilities"),
    ("close 12 - user confirmed it works thanks", "user confirmed it works"),
    # a courtesy that finishes the reason's own sentence is the reason's: it posted "user is"
    ("put 12 on hold, user is afk", "user is afk"),
    ("close 12, user said gotta go", "user said gotta go"),
    ("reopen 12, user says brb", "user says brb"),
    ("close 12, user said thanks", "user said thanks"),
    ("close 12, we'll speak soon", "we'll speak soon"),
    ("put 12 on hold, the user has to go", "the user has to go"),
])
def test_a_reason_before_a_sign_off_is_kept_without_it(said: str, reason: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason, understood


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12, i don't need it anymore", "status TKT-2026-0012 closed"),
    ("close 12, we don't need it any more", "status TKT-2026-0012 closed"),
    ("close it, I dont need help anymore", "status TKT-2026-0007 closed"),
    ("close 12, i no longer need it", "status TKT-2026-0012 closed"),
    ("resolve 12 - don't need it now, thanks", "status TKT-2026-0012 resolved"),
    ("close 12 since i don't need the ticket anymore", "status TKT-2026-0012 closed"),
    ("cancel 12, i don't need it anymore",
     "ask status TKT-2026-0012 ?: Tickets aren't deleted. Should TKT-2026-0012 be closed? "
     "[Yes, close it, Resolve it instead]"),
])
def test_the_writers_own_no_need_is_why_it_closes(said: str, expected: str) -> None:
    """Before, each was "OK, I'll leave TKT-… as it is": the writer's "don't" was taken for
    calling the close off, as in "close 12, actually don't"."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("said", [
    "close 12, actually don't", "close 12, i don't want that", "cancel 12, actually don't",
    "close 12, i don't need the old laptop back", "give 12 to sam, i don't need it anymore",
    "start 12, i don't need it",
])
def test_a_not_that_is_no_such_reason_still_changes_nothing(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith("no change"), said


@pytest.mark.parametrize("said", [
    "40 is blocked, 41 is fixed, close it", "40 is stuck, 41 is worse, give it to sam",
])
def test_a_request_after_another_ticket_is_neither_made_nor_posted_as_a_reason(said: str) -> None:
    """Before, 40 was put on hold with "41 is fixed, close it" posted as why: which ticket
    "it" is cannot be told, so nothing changes and the message is said not understood."""
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith("unknown"), said


@pytest.mark.parametrize(("said", "reason"), [
    ("close 40, duplicate of 41", "duplicate of 41"),
    ("40 is blocked, waiting on 41", "waiting on 41"),
])
def test_another_ticket_named_in_a_reason_stays_the_reason(said: str, reason: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize(("said", "read", "reason"), [
    ("reopen, user says still broken", "status ? open", "user says still broken"),
    ("reopen - still broken", "status ? open", "still broken"),
    ("reopen: still broken", "status ? open", "still broken"),
    ("resolve, replaced toner", "status ? resolved", "replaced toner"),
    ("Resolve, Replaced the toner.", "status ? resolved", "Replaced the toner."),
    ("hold, waiting for user", "status ? on_hold", "waiting for user"),
    ("close, i dont need it anymore", "status ? closed", "i dont need it anymore"),
])
def test_a_status_order_alone_then_why_is_the_ticket_in_views(
    said: str, read: str, reason: str
) -> None:
    """Before, each was "Sorry, I didn't get …" while "reopen it, user says still broken"
    reopened the ticket in view with its reason."""
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == read
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize("said", [
    "close, dup of 12", "reopen, 12 is broken", "close. 12 is fixed", "close, 41 is fixed",
    "resolve, then give it to sam", "close, tomorrow", "fixed, reseated cable", "closed, dup of 12",
])
def test_a_status_order_alone_then_another_ticket_or_change_is_not_guessed(said: str) -> None:
    """Which ticket, or which change, is meant is not guessed: nothing is changed on the one in
    view ("fixed, reseated cable" is asked about, as before)."""
    understood = summary(as_the_bot_reads(said, CONVERSATION))
    assert understood.startswith(("unknown", "ask", "free text")), understood
