"""A ticket's title or description judged, not given: "12's title is wrong" retitled 12
"Wrong", "the description on 12 is outdated" replaced it with "outdated", "12's title has a
typo" retitled it "Has a typo", "12's title is fine" retitled it "Fine". Now a judgement asks
for the new text, "fine" changes nothing, and "should say …" / "should read: …" give the new
text without those words (the title became "Should say floor 3")."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("12's title is wrong", "ask edit #12 ? title"),
    ("the title of 12 is wrong", "ask edit #12 ? title"),
    ("12's title is misleading", "ask edit #12 ? title"),
    ("the title of 12 is too long", "ask edit #12 ? title"),
    ("12's title has a typo", "ask edit #12 ? title"),
    ("the title on 12 is a bit off", "ask edit #12 ? title"),
    ("12's description is wrong", "ask edit #12 ? description"),
    ("the description on 12 is outdated", "ask edit #12 ? description"),
    ("description of 12 needs updating", "ask edit #12 ? description"),
    ("12's title is fine", "no change #12"),
    ("12's title looks ok", "no change #12"),
    ("the title of 12 should say floor 3", "edit #12 title='Floor 3'"),
    ("the title of 12 should read: printer jam on floor 3", "edit #12 title='Printer jam on floor 3'"),
    # new text given, whatever it says
    ("12's title is printer jam", "edit #12 title='Printer jam'"),
    ("title of 12 should be printer jam", "edit #12 title='Printer jam'"),
    ("set the title of 12 to wrong printer", "edit #12 title='Wrong printer'"),
    ("change the title of 12 to: Outdated", "edit #12 title='Outdated'"),
    ("12 title: Broken", "edit #12 title='Broken'"),
    ("title of 12 = wrong", "edit #12 title='Wrong'"),
    ("12's title is broken printer on floor 3", "edit #12 title='Broken printer on floor 3'"),
    # a judgement, then the text it should be; a judgement, then more: nothing guessed
    ("12's title is wrong, should be floor 3", "edit #12 title='Floor 3'"),
    ("the description of 12 is outdated - it should say: laptop swapped",
     "edit #12 description='laptop swapped'"),
    ("12's title is fine now, close it", "unknown [my tickets, new ticket, help]"),
    ("12's title is ok, but the description is wrong", "unknown [my tickets, new ticket, help]"),
])
def test_a_title_judged_asks_for_the_new_one(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
