"""A change and then a list asked in one message ("close 4 and show me my tickets") is both:
it was not understood, and nothing was done. Found trying the bot as an agent."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("close 4 and show me my tickets", "status #4 closed + list mine"),
    ("close 4 then show my open tickets", "status #4 closed + list mine status=open"),
    ("assign 12 to me and show me what else is open",
     "assign #12 to user:u-jo + list all status=open"),
    ("resolve 4 and what's overdue", "status #4 resolved + list all due=overdue"),
    ("give 4 to sam and show me sam's tickets",
     "assign #4 to user:u-sam + list all assignee=user:u-sam"),
    ("rename 4 to printer jams and show me my tickets",
     "edit #4 title='Printer jams' + list mine"),
    ("close 12 and 13 and list the rest", "status #12, #13 closed + list all"),
    ("close 4 then what's still open?", "status #4 closed + list all status=open"),
    ("close 4 and whos overloaded", "status #4 closed + workload"),
    ("put it on hold and show me the unassigned ones", "status #7 on_hold + list all assignee=nobody"),
])
def test_a_change_then_a_list_is_both(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("close 4 and 5", "status #4, #5 closed"),
    ("close 4 and assign it to sam", "status #4 closed + assign #4 to user:u-sam"),
    ("show me my tickets", "list mine"),
    ("did you close 4 and what's open?", "show #4"),  # a question, changes nothing
    ("close 4 and what about the printer?", "show #4"),
])
def test_changes_or_a_list_alone_are_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
