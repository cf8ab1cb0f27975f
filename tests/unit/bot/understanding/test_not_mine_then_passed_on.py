""""Not mine", then the ticket passed on by its number: the ticket named is passed on, as
"12 isn't mine, give it to sam" is.

Before, "not mine - give 12 to sam" changed nothing ("not" was read as a take-back), and
"not mine - reassign 12" too."""

from __future__ import annotations

import pytest

from bot.understanding.disowned import disowned
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("not mine - give 12 to sam", "assign #12 to user:u-sam"),
    ("not mine, give 12 to sam", "assign #12 to user:u-sam"),
    ("Not mine! pls give #12 to Sam", "assign #12 to user:u-sam"),
    ("not mine - give ticket 12 to sam thanks", "assign #12 to user:u-sam"),
    ("not my ticket - move 12 to the network team", "assign #12 to team:2"),
    ("wrong person - pass 12 over to lee park", "assign #12 to user:u-lee"),
    ("12 isnt mine, give 12 to sam", "assign #12 to user:u-sam"),
    ("not mine - reassign 12", "assign #12 to ?"),
    ("not mine - give 12 to someone else", "assign #12 to ?"),
])
def test_the_ticket_passed_on_after_not_mine_is_passed_on(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("not mine", "assign #7 to ?"),
    ("not mine, give it to sam", "assign #7 to user:u-sam"),
    ("12 isn't mine, give it to sam", "assign #12 to user:u-sam"),
    ("don't give 12 to sam", "no change #12"),
])
def test_not_mine_alone_or_with_it_reads_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "passed"), [
    ("12 isnt mine, give 12 to sam", "12"),
    ("ticket 12 isnt mine, give #12 to sam", "#12"),
    ("tkt-2026-0012 isnt mine, give 12 to sam", "12"),
    ("it isnt mine, give 12 to sam", "12"),
    ("this isnt mine, pass tkt-2026-0012 to sam", "tkt-2026-0012"),
])
def test_the_ticket_passed_on_is_the_one_disowned_however_it_is_typed(said: str, passed: str) -> None:
    found = disowned(said)
    assert found is not None and found.ticket == passed and found.whose == "sam"


@pytest.mark.parametrize("said", [
    "12 isnt mine, give 13 to sam",
    "tkt-2025-0012 isnt mine, give tkt-2026-0012 to sam",
    "ticket 12 isnt mine, give #120 to sam",
])
def test_another_ticket_passed_on_is_not_read_as_the_one_disowned(said: str) -> None:
    assert disowned(said) is None
