"""Someone who "could" take a ticket is a suggestion, not a hand-over: "sam could take 12",
"priya could look at 12", "network could take 12", "12 could go to network" gave the ticket
away, where "maybe sam could take 12" and "we could give 12 to sam" ask. Now each asks
"Should … take …?"; "sam can take 12", "sam should take 12", "12 should go to network" are
decided and made as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "who", "ticket"), [
    ("sam could take 12", "Sam Rivera", 12),
    ("sam could have 12", "Sam Rivera", 12),
    ("Priya could look at 12", "Priya Shah", 12),
    ("network could take 12", "Network", 12),
    ("alex could cover 12", "Alex Kim", 12),
    ("the network team could handle 12", "Network", 12),
    ("<at>Sam Rivera</at> could pick up 12", "Sam Rivera", 12),
    ("sam could take it", "Sam Rivera", 7),
    ("12 could go to network", "Network", 12),
    ("12 could move to sam", "Sam Rivera", 12),
    ("facilities could take 12", "Facilities", 12),
])
def test_someone_who_could_take_it_is_asked(said: str, who: str, ticket: int) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(
        f"ask assign #{ticket} to ?: Should {who} take #{ticket}? [Yes]")


@pytest.mark.parametrize(("said", "expected"), [
    ("sam can take 12", "assign #12 to user:u-sam"),
    ("sam should take 12", "assign #12 to user:u-sam"),
    ("sam will take 12", "assign #12 to user:u-sam"),
    ("let sam handle 12", "assign #12 to user:u-sam"),
    ("12 should go to network", "assign #12 to team:2"),
    ("12 can go to network", "assign #12 to team:2"),
    ("sam could take 12?", "show #12"),
    ("lee could take 12", "ask assign #12 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
])
def test_a_hand_over_decided_is_made_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "read"), [
    ("12 could go to low", "ask edit #12 ?: Should #12 be low priority? [Yes]"),
    ("12 could drop to medium", "ask edit #12 ?: Should #12 be medium priority? [Yes]"),
    ("12 can go to low", "edit #12 priority=low"),
    ("12 should go to high", "edit #12 priority=high"),
])
def test_a_priority_a_ticket_could_have_is_offered_not_set(said: str, read: str) -> None:
    """"12 could go to low" set the priority: a suggestion, as "sam could take 12" is."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
