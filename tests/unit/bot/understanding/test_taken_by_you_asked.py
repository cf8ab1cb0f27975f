"""A ticket asked to be taken by "you" is no hand-over to the writer: "can you take 743" was
read as "take 743" and gave 743 to Jo, who had asked the bot or a colleague in the chat to
take it. Which of them is not said, so who should take it is asked (with or without a
question mark); a name said after it asks whether they should ("can you take 743 sam", as
"can sam pick up 743?"). "I'll take 743", "take 743" and "can you assign 743 to me" are
still the writer's."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("can you take 743", "assign #743 to ?"),
    ("Can you take ticket 743 please?", "assign #743 to ?"),
    ("could u grab it pls", "assign #7 to ?"),
    ("can you pick up #743 for me", "assign #743 to ?"),
    ("would you mind taking 743?", "assign #743 to ?"),
    ("do you mind grabbing 743 today", "assign #743 to ?"),
    ("can you guys take 743", "assign #743 to ?"),
    ("can ya take 743 thx", "assign #743 to ?"),
    ("can you take over 743, I'm off tomorrow", "assign #743 to ?"),
    ("could you handle 743 instead", "assign #743 to ?"),
    ("pls can u take 743", "assign #743 to ?"),
    ("hey can you take 743", "assign #743 to ?"),
    ("morning! would you mind taking 743", "assign #743 to ?"),
    ("can you take this one", "assign #7 to ?"),
    ("can you take 743 sam", "ask assign #743 to ?: Should Sam Rivera take #743? [Yes]"),
    ("could you take 743, alex?", "ask assign #743 to ?: Should Alex Kim take #743? [Yes]"),
    ("can you take 743 <at>Sam Rivera</at>",
     "ask assign #743 to ?: Should Sam Rivera take #743? [Yes]"),
    ("can you take 743 network team", "ask assign #743 to ?: Should Network take #743? [Yes]"),
])
def test_a_ticket_asked_of_you_asks_who_takes_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("i can take 743", "assign #743 to user:u-jo"),
    ("ill take 743", "assign #743 to user:u-jo"),
    ("I'll grab it", "assign #7 to user:u-jo"),
    ("let me take 743", "assign #743 to user:u-jo"),
    ("take 743", "assign #743 to user:u-jo"),
    ("grab 743 pls", "assign #743 to user:u-jo"),
    ("can you assign 743 to me", "assign #743 to user:u-jo"),
    ("can you give 743 to me", "assign #743 to user:u-jo"),
    ("can you take a look at 743", "show #743"),
    ("can you take 743 off hold", "status #743 in_progress"),
    ("can you take sam off 743", "assign #743 to nobody"),
    ("can i take 743", "show #743"),
    ("can you not take 743", "free text"),
    ("you can't take 743", "free text"),
])
def test_the_writers_own_and_other_requests_are_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "can you take 743 and close 12", "could you grab 743 and put 12 on hold",
    "can you close 12 and take 743",
])
def test_a_ticket_asked_to_be_taken_by_you_with_another_change_is_not_given_to_the_writer(
    said: str,
) -> None:
    """The hand-over asked of "you", said with another change, still gave 743 to Jo."""
    assert "to user:u-jo" not in summary(as_the_bot_reads(said, CONVERSATION))


@pytest.mark.parametrize(("said", "read"), [
    ("can you assign 743 to me and close 12", "assign #743 to user:u-jo + status #12 closed"),
    ("take 743 and close 12", "assign #743 to user:u-jo + status #12 closed"),
    ("can you close 12 and 13", "status #12, #13 closed"),
])
def test_said_to_be_the_writers_or_with_no_one_asked_it_is_read_as_before(
    said: str, read: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
