"""A hand-over said in slang gives the ticket to who is named: "chuck 1215 to alex", "bounce
1216 over to the network lads", "palm 1218 off on facilities", "can you lob 1219 at sam",
"1220 over to you <at>Sam Rivera</at>" were not understood (sixteenth held-out table), nor
the fifteenth's "yeet 955 over to facilities" and "dump 1041 in the it support queue". A
ticket said to be with someone now ("1217 is on priya now") asks whether they should take
it, as "1040 is priya's now" does: told, or asked? Slang with no one named ("chuck 12 in the
bin", "kick 12 to the curb", "punt 12 to next week"), a status ("kick 1004 back to open"),
someone unknown, or who has it told without "now" change nothing as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def _as_sent(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize(("said", "expected"), [
    ("chuck 1215 to alex", "assign #1215 to user:u-alex"),
    ("bounce 1216 over to the network lads", "assign #1216 to team:2"),
    ("palm 1218 off on facilities", "assign #1218 to team:3"),
    ("can you lob 1219 at sam", "assign #1219 to user:u-sam"),
    ("1220 over to you <at>Sam Rivera</at>", "assign #1220 to user:u-sam"),
    ("yeet 955 over to facilities", "assign #955 to team:3"),
    ("dump 1041 in the it support queue", "assign #1041 to team:1"),
    ("Toss 12 to Priya pls", "assign #12 to user:u-priya"),
    ("fling ticket 40 over to the facilities peeps 😅", "assign #40 to team:3"),
    ("shove 41 onto alex", "assign #41 to user:u-alex"),
    ("toss 12 to lee", "ask assign #12 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("1217 is on priya now", "ask assign #1217 to ?: Should Priya Shah take #1217? [Yes]"),
    ("12 is with the network team now",
     "ask assign #12 to ?: Should Network take #12? [Yes]"),
    # near misses: nobody named, a status, a day, someone unknown, a fact told
    ("chuck 12 in the bin", "free text"),
    ("throw 12 at the wall lol", "free text"),
    ("punt 12 to next week", "free text"),
    ("chuck 12 to bob", "free text"),
    ("kick 1004 back to open", "status #1004 open"),
    ("12 is on sam", "free text"),
    ("12 is on hold now", "status #12 on_hold"),
])
def test_a_hand_over_in_slang_goes_to_who_is_named(said: str, expected: str) -> None:
    assert _as_sent(said) == expanded(expected)
