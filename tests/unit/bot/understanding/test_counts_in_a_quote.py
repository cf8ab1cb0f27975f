"""A count in a quoted message ("> Sam: swapped 2 toner cartridges") is no ticket: a reply
to it ("great, resolve it") is about the ticket in view, not TKT-…-0002; a ticket's number
told in the quote ("on 424", "4 is fine", "ticket 2", "fixed 424, …") is still the one."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("> Sam: swapped 2 toner cartridges\ngreat, resolve it", "status TKT-2026-0007 resolved"),
    ("> Sam: replaced 3 cables\nthanks, close it", "status TKT-2026-0007 closed"),
    ("> Alex: installed 2 new monitors for the user\nok, close it", "status TKT-2026-0007 closed"),
])
def test_a_count_in_a_quote_leaves_the_ticket_in_view(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("> Sam: swapped 2 toner cartridges on #12\ngreat, resolve it",
     "status TKT-2026-0012 resolved"),
    ("> Sam: I closed 424 yesterday\ngreat, reopen it", "status TKT-2026-0424 open"),
    ("> Priya: 4 is fine now\nthanks, close it", "status TKT-2026-0004 closed"),
    ("> Sam: fixed 424, swapped 2 cartridges\ngreat, resolve it",
     "status TKT-2026-0424 resolved"),
    ("> ticket 2 needs toner\nresolve it", "status TKT-2026-0002 resolved"),
    ("> the vpn on 40 drops every hour\nmake it high pls", "edit TKT-2026-0040 priority=high"),
])
def test_a_ticket_told_in_a_quote_is_the_one_replied_about(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
