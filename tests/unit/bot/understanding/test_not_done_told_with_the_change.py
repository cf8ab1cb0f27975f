"""A resolve or a close whose own reason says the work is not done ("resolve 12, i didnt fix
it yet", "resolve 12, the fix isn't deployed yet") is asked about, never made: before, the
ticket was resolved and the reason that contradicts it was posted on it for the requester.
A close for a reason that is a decision or someone else's silence is still made."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus, Clarify, Declined
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "resolve 12, i didnt fix it yet", "resolve 12, i haven't fixed it", "resolve 12 - haven't fixed it yet",
    "mark 12 resolved, the fix isn't deployed yet", "resolve 12, we have not solved it",
    "close 12, it hasn't been fixed", "resolve 12. it wasn't fixed, i just want it off my list",
    "resolve 12, the patch isnt done", "12 is resolved, hasnt been tested yet",
    "resolve 12, not finished yet but close enough", "close 12, i didn't sort it",
])
def test_a_change_whose_reason_says_not_done_is_asked(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, (Clarify, Declined)), read


@pytest.mark.parametrize(("said", "status"), [
    ("close 12 - the user hasn't replied yet", "closed"),
    ("close 12, user hasn't responded in two weeks", "closed"),
    ("resolve 12, fixed it by replacing the cable", "resolved"),
    ("resolve 12, the fix is deployed", "resolved"),
    ("close 12, not needed anymore", "closed"),
    ("resolve 12, done", "resolved"),
])
def test_a_change_whose_reason_is_a_decision_or_silence_is_made(said: str, status: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.status is not None, read
    assert read.status.value == status, read


@pytest.mark.parametrize("said", ["close 12, won't fix", "close 12 - wont fix, works as designed"])
def test_a_close_as_wont_fix_is_still_offered(said: str) -> None:
    """"won't fix" is a resolution TicketFlow does not record: the close is offered, as before."""
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, Clarify) and [c.label for c in read.choices] == ["Yes"], read
