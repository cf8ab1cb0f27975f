"""Look-alikes of today's new phrasings that changed what nobody asked to change.

"close 918, please reopen 919" asked whether 918 should be open, and "resolve 918, please
close tkt-2026-0919" closed 918: another ticket's status, asked after a change, was made or
offered on the first. "close 918, pls reopen it" reopened 918 unasked (a change said, then
another: which is meant is asked). "914 is not fixed, reopen?" reopened 914 on a question.
"take 972 off the board" unassigned 972 ("board", "queue", "backlog" are words for a team,
not someone who holds it). "sam hasnt fixed 778", "sam never fixed 778" offered to resolve it."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("said", [
    "close 918, please reopen 919",
    "918 is fixed, pls put 919 on hold",
    "resolve 918, please close tkt-2026-0919",
    "918 is done, please reopen #919",
    "close 918, please put ticket 919 on hold",
    "918 is fixed, please close 919",
])
def test_another_ticket_asked_after_a_change_is_never_the_first_changed(said: str) -> None:
    understood = summary(as_the_bot_reads(said, CONVERSATION))
    assert not understood.startswith(("status", "ask status")), understood


@pytest.mark.parametrize(("said", "expected"), [
    ("close 918, pls reopen it", "ask status #918 ?: Should #918 be open? [Yes]"),
    ("resolve 918, please close", "ask status #918 ?: Should #918 be closed? [Yes]"),
    ("914 is not fixed, reopen?", "ask status #914 ?: Should #914 be open? [Yes]"),
    ("914 is not fixed. reopen it?", "ask status #914 ?: Should #914 be open? [Yes]"),
    # as before: a state told, then the status asked; a request after "not fixed"
    ("918 is fixed, pls put on hold", "status #918 on_hold"),
    ("918 is fixed, can be closed", "status #918 closed"),
    ("914 is not fixed, please reopen", "status #914 open"),
    ("close 918, reopen 919", "status #918 closed + status #919 open"),
])
def test_a_second_status_after_a_change_or_on_a_question_is_asked(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "take 972 off the board", "take 972 off the queue", "take 972 off the backlog",
    "take 972 off the team",
])
def test_taken_off_no_one_in_particular_unassigns_nothing(said: str) -> None:
    assert "to nobody" not in summary(as_the_bot_reads(said, CONVERSATION))


@pytest.mark.parametrize(("said", "expected"), [
    ("take 972 off alex", "assign #972 to nobody"),
    ("take 972 off the network team", "assign #972 to nobody"),
    ("take 972 off alex and give it to priya", "assign #972 to user:u-priya"),
])
def test_taken_off_someone_named_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "sam hasnt fixed 778", "sam hadnt fixed 778", "sam never fixed 778", "sam almost fixed 778",
    "sam nearly fixed 778", "sam maybe fixed 778", "sam probably fixed 778",
    "sam supposedly fixed 778", "sam partially fixed 778", "sam accidentally closed 778",
    "sam wrongly closed 778", "sam mistakenly closed 778", "nothing fixed 778",
])
def test_a_fix_denied_or_hedged_is_no_resolve_offered(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert "Should" not in summary(understood) and not isinstance(understood, ChangeStatus)


@pytest.mark.parametrize("said", [
    "sam fixed 778 yesterday", "the user fixed 778", "sam just fixed 778", "sam also fixed 778",
])
def test_someone_elses_fix_still_offers_the_resolve(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(
        "ask status #778 ?: Should #778 be resolved? [Yes]")
