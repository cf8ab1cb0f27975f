"""A mail's subject pasted in the chat is no new title for the ticket in view: "Subject: RE:
TKT-2026-0012 printer" renamed #7 to "RE: TKT-2026-0012 printer"; "Subject: FW: printer on
floor 3" and a subject with the mail's body under it ("Subject: printer", a blank line, the
body) renamed it too. A reply's or forward's subject, another ticket's number or lines under
it are not guessed: the message is not understood. A title typed for the ticket in view is
set as before."""

from __future__ import annotations

import pytest

from bot.understanding.requests import Unknown
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("said", [
    "Subject: RE: TKT-2026-0012 printer", "Subject: FW: printer on floor 3",
    "Subject: Re: your ticket", "Subject: Fwd: VPN drops", "subject: TKT-2026-0012 printer",
    "title: see TKT-2026-0012", "Subject: AW: Drucker", "subject: re[2]: laptop",
    "Subject: printer\n\nthe printer on floor 3 is jammed again",
    "set the title to FW: new starter laptop",
])
def test_a_pasted_subject_renames_nothing(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, Unknown), read


@pytest.mark.parametrize(("said", "expected"), [
    ("subject: printer jams", "edit #7 title='Printer jams'"),
    ("Subject: outlook crashes on attachments", "edit #7 title='Outlook crashes on attachments'"),
    ("Subject: printer jam, Priority: high", "edit #7 title='Printer jam' priority=high"),
    ("title: Printer jams\npriority: low", "edit #7 title='Printer jams' priority=low"),
    ("rename it to Re-imaging laptop", "edit #7 title='Re-imaging laptop'"),
    ("title: Reset password for Ren", "edit #7 title='Reset password for Ren'"),
    ("rename 12 to printer jams", "edit #12 title='Printer jams'"),
])
def test_a_title_typed_is_set_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
