"""A ticket asked to be seen to by someone not named is never given to the one writing:
"can someone look at 12" shows 12, and "12 needs an owner" asks who should take it. Before,
all of these went to the help assistant as a question about its documents."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

WHO = "assign TKT-2026-0012 to ?"
SHOWN = "show TKT-2026-0012"


@pytest.mark.parametrize(("said", "expected"), [
    ("can someone look at 12", SHOWN),
    ("can someone look at 12 asap, users are screaming", SHOWN),
    ("someone pls check 12", SHOWN),
    ("Could somebody please take a look at #12?", SHOWN),
    ("can anyone look into ticket 12 please", SHOWN),
    ("can someone look at it", "show TKT-2026-0007"),
    ("can someone pick up 12", WHO),
    ("could one of you grab 12 pls", WHO),
    ("need someone on 12", WHO),
    ("12 needs an owner", WHO),
    ("12 needs to be assigned", WHO),
    ("12 still needs someone - user is waiting", WHO),
    ("nobody is on 12", WHO),
    ("no one has picked up 12 yet", WHO),
    ("12 is unassigned", WHO),
])
def test_someone_asked_is_shown_or_asked_who(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("can someone take 12?", "show #12"),  # a question: the card says who has it
    ("i'll take 12", "assign TKT-2026-0012 to user:u-jo"),  # the writer's own
    ("can someone look at 12 and resolve it", None),  # a change after: not read here
    ("can someone take 12 and close it", None),
    # a change after urgency is still a change after: it was dropped, 12 only shown
    ("can someone look at 12 asap, make it urgent", None),
    ("can someone look at 12 urgently and close 13", None),
    ("someone pick up 12 asap and give it to sam", None),
    ("12 is unassigned please close 13", None),
    ("12 isn't unassigned", None),
])
def test_look_alikes_are_read_as_before(said: str, expected: str | None) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    if expected is None:
        assert read not in (WHO, SHOWN), read
    else:
        assert read == expected.replace("#12", "TKT-2026-0012")
