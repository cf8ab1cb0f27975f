"""Two changes of "it" said together while no ticket is in view (most often while a new
ticket is being filed: "give it to sam and make it urgent") are both read; the second was
dropped without a word ("assign it to sam and make it due friday" noted Sam and lost the
due day) or taken into the first ("make it urgent and give it to sam" asked for a status
called “urgent and give it to sam”). Found by trying the bot as a new user."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

NOTHING_IN_VIEW = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize(("said", "read"), [
    ("give it to sam and make it urgent", "assign ? to user:u-sam + edit ? priority=urgent"),
    ("assign it to sam and make it due friday", "assign ? to user:u-sam + edit ? due=2026-12-04"),
    ("make it urgent and give it to sam", "edit ? priority=urgent + assign ? to user:u-sam"),
    ("make it high and assign it to me", "edit ? priority=high + assign ? to user:u-jo"),
    ("assign it to me and make it high", "assign ? to user:u-jo + edit ? priority=high"),
    ("pls give it to priya and set it to low", "assign ? to user:u-priya + edit ? priority=low"),
    ("Give it to the network team and make it high priority",
     "assign ? to team:2 + edit ? priority=high"),
    ("make it a bug and give it to alex", "edit ? category=bug + assign ? to user:u-alex"),
    ("make it urgent & assign it to sam", "edit ? priority=urgent + assign ? to user:u-sam"),
    ("give it to sam and close it", "assign ? to user:u-sam + status ? closed"),
])
def test_two_changes_of_it_with_nothing_in_view_are_both_read(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == read


@pytest.mark.parametrize(("said", "read"), [
    ("give it to sam and make it urgent", "assign #7 to user:u-sam + edit #7 priority=urgent"),
    ("make it urgent and give it to sam", "edit #7 priority=urgent + assign #7 to user:u-sam"),
    ("give 12 to sam and make it urgent", "assign #12 to user:u-sam + edit #12 priority=urgent"),
])
def test_with_a_ticket_in_view_or_named_they_are_its_changes_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("give it to sam", "assign ? to user:u-sam"),
    ("make it urgent", "edit ? priority=urgent"),
    ("give it to sam, thanks", "assign ? to user:u-sam"),
    ("give 12 to sam and make it urgent", "assign #12 to user:u-sam + edit #12 priority=urgent"),
])
def test_one_change_or_a_named_ticket_with_nothing_in_view_reads_as_before(
    said: str, read: str
) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == expanded(read)
