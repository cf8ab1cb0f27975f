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
])
def test_a_reason_said_with_a_status_change_is_kept_as_typed(
    said: str, read: str, reason: str
) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == read
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize("said", ["close 4", "4 is fixed", "resolve it please", "closing 12 now",
                                  "put 7 on hold till monday"])
def test_a_status_change_alone_has_no_reason(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ChangeStatus) and understood.reason is None


def test_one_reason_for_several_tickets_is_each_ones() -> None:
    understood = as_the_bot_reads("close 4 and 5 - duplicates of 3", CONVERSATION)
    assert isinstance(understood, EachTicket) and isinstance(understood.change, ChangeStatus)
    assert understood.change.reason == "duplicates of 3"


@pytest.mark.parametrize("said", [
    "close 4, actually don't", "resolve 4, or maybe not", "Network team - please close 12",
])
def test_taking_it_back_or_addressing_someone_still_changes_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), ChangeStatus)
