"""Two or more values of one field in a list ("show high or urgent tickets", "open or on hold
tickets") listed every ticket not yet resolved, whatever its priority or status, and "how many
are high or urgent" went to the help assistant. The list now has those values, any of them;
"open or closed" stays every status, and a topic with "or" in it is searched for as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("show high or urgent tickets", "list all priority=high,urgent"),
    ("how many are high or urgent", "list all priority=high,urgent"),
    ("how many are high or urgent?", "list all priority=high,urgent"),
    ("my high or urgent tickets", "list mine priority=high,urgent"),
    ("urgent or high priority tickets", "list all priority=urgent,high"),
    ("high priority or urgent tickets", "list all priority=high,urgent"),
    ("high/urgent tickets", "list all priority=high,urgent"),
    ("low or medium priority tickets", "list all priority=low,medium"),
    ("show open or on hold tickets", "list all status=open,on_hold"),
    ("tickets that are open or on hold", "list all status=open,on_hold"),
    ("open and in progress tickets", "list all status=open,in_progress"),
    ("how many tickets are open or on hold", "list all status=open,on_hold"),
    ("resolved or closed tickets", "list all status=resolved,closed"),
    ("open, in progress or on hold tickets", "list all status=open,in_progress,on_hold"),
    ("Sam's high or urgent tickets", "list all priority=high,urgent assignee=user:u-sam"),
    ("whats open or on hold for me", "list mine status=open,on_hold"),
    ("whats open and on hold for me", "list mine status=open,on_hold"),
    ("what's high or urgent for me?", "list mine priority=high,urgent"),
    ("open or on hold tickets that are high or urgent",
     "list all status=open,on_hold priority=high,urgent"),
])
def test_values_of_one_field_joined_by_or_list_any_of_them(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("open or closed tickets", "list all status=any"),
    ("tickets about closed or open ports", "list all text='closed or open ports'"),
    ("tickets about printer or scanner", "list all text='printer or scanner'"),
    ("tickets about high or low voltage", "list all text='high or low voltage'"),
    ("urgent open tickets", "list all status=open priority=urgent"),
    ("urgent tickets", "list all priority=urgent"),
    ("what's the difference between urgent and high", "question"),
    ("should 642 be closed or resolved?", "show #642"),
])
def test_one_value_and_a_topic_with_or_are_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
