"""A comment said to be "to this" or "for that" before what it says is on the ticket in view:
"add a comment to this: user will bring laptop in tomorrow" posted "to this: user will …"
where the requester reads it ("on this:" was read). Found by the nineteenth held-out table."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("add a comment to this: user will bring laptop in tomorrow",
     "comment #7 'user will bring laptop in tomorrow'"),
    ("add a note to this - user will bring laptop in tomorrow",
     "comment #7 'user will bring laptop in tomorrow'"),
    ("comment to this: user is away", "comment #7 'user is away'"),
    ("note for this: user is away", "comment #7 'user is away'"),
    ("add a note to that: called twice", "comment #7 'called twice'"),
    ("Add a Comment to THIS: user is away", "comment #7 'user is away'"),
])
def test_a_comment_to_this_is_on_the_ticket_in_view(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


def test_a_comment_to_this_with_no_ticket_in_view_asks_which() -> None:
    alone = replace(CONVERSATION, last_ticket=None)
    assert summary(as_the_bot_reads("add a comment to this: user is away", alone)) \
        == "comment ? 'user is away'"


@pytest.mark.parametrize(("said", "read"), [
    ("add a comment on it: user is away", "comment #7 'user is away'"),
    ("add a comment to this one: user is away", "comment #7 'user is away'"),
    ("add a comment to 12: user is away", "comment #12 'user is away'"),
    ("add a comment: to this day it fails", "comment #7 'to this day it fails'"),
    ("comment on that ticket: user is away", "comment #7 'user is away'"),
    ("add a note: for that to work the user must reboot",
     "comment #7 'for that to work the user must reboot'"),
    ("add a comment to this", "comment #7 ?"),
])
def test_comments_said_otherwise_are_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
