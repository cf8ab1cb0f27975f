"""A look asked of someone named, with "please", is a favour asked, not the ticket handed
over: "<at>Sam Rivera</at> please take a look at 825" gave 825 to Sam (taking it from whoever
had it), as "Sam, please take 12" does; now whether Sam should take it is asked, as for
"Alex, could you have a look at 12?". Found by the fourteenth held-out table."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def _read(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize(("said", "expected"), [
    ("<at>Sam Rivera</at> please take a look at 825",
     "ask assign #825 to ?: Should Sam Rivera take #825? [Yes]"),
    ("sam please have a look at 825", "ask assign #825 to ?: Should Sam Rivera take #825? [Yes]"),
    ("<at>Sam Rivera</at> please look at 825",
     "ask assign #825 to ?: Should Sam Rivera take #825? [Yes]"),
    ("sam pls look into 825", "ask assign #825 to ?: Should Sam Rivera take #825? [Yes]"),
    ("priya pls check 12", "ask assign #12 to ?: Should Priya Shah take #12? [Yes]"),
    ("network team please have a look at 47",
     "ask assign #47 to ?: Should Network take #47? [Yes]"),
    ("sam please take a look at it", "ask assign #7 to ?: Should Sam Rivera take #7? [Yes]"),
])
def test_a_look_asked_of_someone_named_asks_whether_they_should_take_it(
    said: str, expected: str
) -> None:
    assert _read(said) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("<at>Sam Rivera</at> please take 825", "assign #825 to user:u-sam"),
    ("Sam please take 12", "assign #12 to user:u-sam"),
    ("priya pls handle 12", "assign #12 to user:u-priya"),
    ("Facilities team, please take 47", "assign #47 to team:3"),
    ("please take a look at 825", "show #825"),
    ("Alex could you take a look at 12", "ask assign #12 to ?: Should Alex Kim take #12? [Yes]"),
    ("let me check 12", "show #12"),
])
def test_a_hand_over_or_a_look_not_asked_of_anyone_is_read_as_before(
    said: str, expected: str
) -> None:
    assert _read(said) == expanded(expected)
