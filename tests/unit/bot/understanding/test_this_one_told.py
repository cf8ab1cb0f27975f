""""this one's done" is "this one is done": it was read as a list of done tickets searched
for "this" ("this one's done", "this ones done", "this one's mine" listed tickets), and "make
this urgent" was not understood where "make this one urgent" was (seventeenth held-out
table). Now both are the ticket in view, read as the words in full are ("make this work"
as "make it work": which status is asked, nothing changed). "which one's done" is as before."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("state", ["done", "closed", "fixed", "sorted", "on hold", "mine",
                                   "done?", "done, thanks"])
@pytest.mark.parametrize("one", ["this one's", "this ones", "that one's", "This one’s"])
def test_this_one_s_is_this_one_is(one: str, state: str) -> None:
    said, in_full = f"{one} {state}", f"this one is {state}"
    assert summary(as_the_bot_reads(said, CONVERSATION)) == summary(
        as_the_bot_reads(in_full, CONVERSATION))


@pytest.mark.parametrize(("said", "expected"), [
    ("this one's done", "status #7 resolved"),
    ("make this urgent", "edit #7 priority=urgent"),
    ("make this urgent pls", "edit #7 priority=urgent"),
    ("make this high", "edit #7 priority=high"),
    ("make this low priority", "edit #7 priority=low"),
    ("which one's done", "list all status=resolved"),  # as before: no ticket in view
])
def test_the_ticket_in_view_said_as_this(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("made", ["work", "easier", "go away", "quick", "urgent", "high"])
def test_make_this_is_read_as_make_it_and_changes_nothing_it_cannot_name(made: str) -> None:
    read = as_the_bot_reads(f"make this {made}", CONVERSATION)
    assert summary(read) == summary(as_the_bot_reads(f"make it {made}", CONVERSATION))
    if made not in ("urgent", "high"):
        assert not isinstance(read, (AssignTicket, ChangeStatus, EditTicket)), read
