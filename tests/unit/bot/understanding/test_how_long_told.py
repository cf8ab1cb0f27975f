"""How long a ticket has waited, told with it ("my printer ticket has been open for days"),
is no word to search its title for: "days" found none of the person's tickets."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

NOTHING_IN_VIEW = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize(("said", "expected"), [
    ("my printer ticket has been open for days", "list own status=open text='printer'"),
    ("my printer ticket has been sitting there for ages", "list own text='printer'"),
    ("my laptop request has been open for weeks now", "list own status=open text='laptop'"),
    ("my vpn ticket has been open for hours!!", "list own status=open text='vpn'"),
    ("any news on my monitor request? been waiting ages", "list own text='monitor'"),
    ("my vpn ticket has been waiting for weeks", "list own text='vpn'"),
    ("my tickets pending for a week", "list mine"),
    # a status said for how long, and a number of days that is part of what the ticket is
    # about, stay
    ("my tickets on hold for a week", "list mine status=on_hold"),
    ("tickets waiting for the vendor", "list all status=on_hold"),  # who they wait for: on hold
    ("tickets about the 3 day course", "list all text='3 day course'"),
])
def test_how_long_is_no_word_of_the_title(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == expected
