"""A second change of one ticket said with its own verb after the first was dropped: "take 12
and set due friday" only set the due date, "assign 12 to sam and set due friday" and "assign
12 to sam, set it to high" only handed it over, "put 12 on hold, due friday" only set the due
date. Both are now made in turn. What follows a change and is no change of another kind of
that ticket ("close 12, it is fixed", "close 12, start with 13 next") is read as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("take 12 and set due friday", "assign #12 to user:u-jo + edit #12 due=2026-12-04"),
    ("assign 12 to sam and set due friday",
     "assign #12 to user:u-sam + edit #12 due=2026-12-04"),
    ("give 12 to sam and set due friday",
     "assign #12 to user:u-sam + edit #12 due=2026-12-04"),
    ("assign 12 to sam, set it to high", "assign #12 to user:u-sam + edit #12 priority=high"),
    ("Assign 12 to Sam and mark as urgent",
     "assign #12 to user:u-sam + edit #12 priority=urgent"),
    ("put 12 on hold, due friday", "status #12 on_hold + edit #12 due=2026-12-04"),
    ("take 12, start", "assign #12 to user:u-jo + status #12 in_progress"),
])
def test_a_second_change_of_the_ticket_is_made_too(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12, it is fixed", "status #12 closed"),
    ("close 12, start with 13 next", "status #12 closed"),
    ("assign 12 to sam, he knows the printer", "assign #12 to user:u-sam"),
    ("assign 12 to sam and make it urgent", "assign #12 to user:u-sam + edit #12 priority=urgent"),
    ("take 12 and start it", "assign #12 to user:u-jo + status #12 in_progress"),
    ("set 12 to high and due friday", "edit #12 priority=high due=2026-12-04"),
    ("make 4 urgent, high", "edit #4 priority=urgent"),
    ("change 4 to a bug, high time we fixed it", "edit #4 category=bug"),
])
def test_what_is_no_second_change_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("change 4 to a bug, high", "edit #4 priority=high category=bug"),
    ("change 4 to a bug, high priority", "edit #4 priority=high category=bug"),
    ("make 4 a bug, urgent", "edit #4 priority=urgent category=bug"),
    ("set 4 due friday, high", "edit #4 priority=high due=2026-12-04"),
    ("change 4 to a bug, its high", "edit #4 priority=high category=bug"),
])
def test_a_priority_listed_after_another_field_is_set_with_it(said: str, expected: str) -> None:
    """"change 4 to a bug, high" set the category and dropped the priority: a list of values
    after one verb, as "change 4 to a bug and high" is."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("assign 12 to sam, urgent",
     "assign #12 to user:u-sam + ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
    ("assign 12 to sam - urgent!",
     "assign #12 to user:u-sam + ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
    ("assign 12 to sam, its urgent",
     "assign #12 to user:u-sam + ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
    ("take 12, high prio",
     "assign #12 to user:u-jo + ask edit #12 ?: Should #12 be high priority? [Yes]"),
    ("start 12, high priority",
     "status #12 in_progress + ask edit #12 ?: Should #12 be high priority? [Yes]"),
])
def test_a_priority_said_alone_after_a_change_is_asked_never_dropped(
    said: str, expected: str
) -> None:
    """The priority was dropped ("take 12, high prio" set it and dropped the take): the
    change is made and the priority, said without a verb (or "urgently"), asked."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("make 12 urgent, assign to sam",
     "edit #12 priority=urgent + ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("make 12 urgent, assign to lee",
     "edit #12 priority=urgent + ask assign #12 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("close 12, assign to bob",
     "status #12 closed + ask assign #12 to ?: I couldn't find “bob”. Who should take #12?"),
    # a name that is someone: the close was dropped, only the hand-over asked
    ("close 12, assign to sam",
     "status #12 closed + ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("resolve 12, give to priya",
     "status #12 resolved + ask assign #12 to ?: Should Priya Shah take #12? [Yes]"),
    ("close 12, assign to lee",
     "status #12 closed + ask assign #12 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("please close 12, give it to alex", "status #12 closed + assign #12 to user:u-alex"),
    # a state told first is not made: what is asked after it is
    ("fixed 12. give it to sam", "assign #12 to user:u-sam"),
])
def test_a_hand_over_after_a_change_that_asks_who_is_asked_never_dropped(
    said: str, expected: str
) -> None:
    """"make 12 urgent, assign to sam" set the priority and dropped the hand-over; "close 12,
    assign to bob" posted "assign to bob" as why it was closed."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
