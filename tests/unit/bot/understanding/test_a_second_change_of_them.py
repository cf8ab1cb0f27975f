"""A second change of the same tickets said after the first was dropped, or posted as why:
"give all of alex's tickets to priya, then close them" offered the hand-over alone, "assign
4 and 3 to priya, then close them", "assign 4 to priya and close them" and "… and make them
urgent" made only the hand-over, "close 4, then give them to sam" closed 4 and posted "then
give them to sam" on it. Both are now made in turn, of the tickets the first names (a list's
second change offered with the first); a second change not read whole makes neither."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import (
    CHANGES, CONVERSATION, as_the_bot_reads, expanded,
)


@pytest.mark.parametrize(("said", "expected"), [
    ("give all of alex's tickets to priya, then close them",
     "assign each of to user:u-priya then status each of closed (list all assignee=user:u-alex)"),
    ("give alex's tickets to priya and close them",
     "assign each of to user:u-priya then status each of closed (list all assignee=user:u-alex)"),
    ("close all my tickets, then give them to sam",
     "status each of closed then assign each of to user:u-sam (list mine)"),
    ("assign 4 and 3 to priya, then close them",
     "assign #4, #3 to user:u-priya + status #4, #3 closed"),
    ("assign 4 and 3 to priya and close both",
     "assign #4, #3 to user:u-priya + status #4, #3 closed"),
    ("Assign 4 and 3 to Priya, and make them urgent",
     "assign #4, #3 to user:u-priya + edit #4, #3 priority=urgent"),
    ("close 4 and 3, then give them to sam",
     "status #4, #3 closed + assign #4, #3 to user:u-sam"),
    ("assign 4 to priya and close them", "assign #4 to user:u-priya + status #4 closed"),
    ("close 4, then give them to sam", "status #4 closed + assign #4 to user:u-sam"),
    ("assign it to priya, then close them", "assign #7 to user:u-priya + status #7 closed"),
    # the tickets said again by their numbers, rather than "them": each of them, never the first alone
    ("assign 4 and 3 to priya, then close 4 and 3",
     "assign #4, #3 to user:u-priya + status #4, #3 closed"),
    ("assign 4 and 3 to priya and close 4 and 3",
     "assign #4, #3 to user:u-priya + status #4, #3 closed"),
    ("close 4 and 3, then assign 4 and 3 to priya",
     "status #4, #3 closed + assign #4, #3 to user:u-priya"),
    ("assign 4 to priya, then close 4 and 3",
     "assign #4 to user:u-priya + status #4, #3 closed"),
    ("assign 4 and 3 to priya, then close 5 and 6",
     "assign #4, #3 to user:u-priya + status #5, #6 closed"),
    ("assign 4 to priya, then close 3 and 4",
     "assign #4 to user:u-priya + status #3, #4 closed"),
    ("assign 4 and 3 to priya, then close 3 and 4",
     "assign #4, #3 to user:u-priya + status #3, #4 closed"),
])
def test_a_second_change_of_them_is_made_too(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "close 4 and 3, then give them to bob",  # closed both, "then give them to bob" as why
    "close 4 and 3, then give them to lee",  # which Lee, of two tickets: said again
])
def test_a_second_change_not_read_whole_makes_neither(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not isinstance(understood, CHANGES) and summary(understood).startswith("unknown")


@pytest.mark.parametrize(("said", "expected"), [
    ("close 4 and 5", "status #4, #5 closed"),
    ("close 4 and 3, both are fixed", "status #4, #3 closed"),
    ("close 4 and 3 - users confirmed both", "status #4, #3 closed"),
    ("assign 4 to priya and close it", "assign #4 to user:u-priya + status #4 closed"),
    ("give all of alex's tickets to priya",
     "assign each of to user:u-priya (list all assignee=user:u-alex)"),
    ("assign 4 and 3 to priya and close them?", "show #4, #3"),
    ("assign 4 and 3 to priya, then close 4",
     "assign #4, #3 to user:u-priya + status #4 closed"),
])
def test_a_change_without_a_second_of_them_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("give all of alex's tickets to priya, except 12",
     "assign each of to user:u-priya leaving #12 (list all assignee=user:u-alex)"),
    ("give all of alex's tickets to priya, but not 12",
     "assign each of to user:u-priya leaving #12 (list all assignee=user:u-alex)"),
    ("give all of alex's tickets to priya except 12 and 13",
     "assign each of to user:u-priya leaving #12, #13 (list all assignee=user:u-alex)"),
    ("close all my tickets except 12", "status each of closed leaving #12 (list mine)"),
])
def test_tickets_left_out_of_a_list_change_are_kept_out(said: str, expected: str) -> None:
    """"…, except 12" was dropped (12 offered the change with the rest) or searched for."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("give all of alex's tickets to priya, except the urgent ones",
     "assign each of to user:u-priya (list all priority=low,medium,high assignee=user:u-alex)"),
    ("give all of alex's tickets to priya but not the urgent ones",
     "assign each of to user:u-priya (list all priority=low,medium,high assignee=user:u-alex)"),
    ("close all my tickets except the urgent ones",
     "status each of closed (list mine priority=low,medium,high)"),
    ("close all my tickets except the high and urgent ones",
     "status each of closed (list mine priority=low,medium)"),
    # an exception no list can apply: the list is shown, no change offered of those said to be left
    ("close all my tickets except the printer one", "list mine"),
    ("close all my tickets apart from the vpn one", "list mine"),
    ("give all of alex's tickets to priya, except the ones on hold",
     "list all assignee=user:u-alex"),
])
def test_tickets_left_out_of_a_list_change_by_what_they_are_are_never_changed(
    said: str, expected: str
) -> None:
    """"give all of alex's tickets to priya, except the urgent ones" offered the urgent ones to
    Priya too, "close all my tickets except the urgent ones" closed only the urgent ones, and
    "… except the printer one" searched for "except printer one"."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
