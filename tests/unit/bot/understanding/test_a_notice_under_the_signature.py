"""A confidentiality notice right under the signature, or one that says what it is, is no part
of what is asked: "Please close 1205, thanks.⏎⏎Kind regards,⏎Tom Baker⏎Senior Analyst⏎This
message may contain confidential information. If you have received it in error please notify
us and do not close, copy or distribute it." changed nothing, its "do not close" read as a
refusal (sixteenth held-out table; a notice in a paragraph of its own was read right since
the fifteenth). A line of the message that only starts like one ("this message is about 12")
is as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def _as_sent(said: str) -> str:
    return summary(readable(as_the_bot_reads(clean_markup(said, drop_mentions_of=set()), CONVERSATION)))


@pytest.mark.parametrize(("said", "expected"), [
    ("Please close 1205, thanks.\n\nKind regards,\nTom Baker\nSenior Analyst\nThis message may "
     "contain confidential information. If you have received it in error please notify us and "
     "do not close, copy or distribute it.", "status #1205 closed"),
    ("please close 12\nThis message may contain confidential information. If you received it "
     "in error do not close, copy or forward it.", "status #12 closed"),
    ("Can you reopen 44?\n\nBest regards\nJ. Smith\nIT Operations\nThe information in this e-mail "
     "is confidential and may be legally privileged. If you are not the intended recipient, do "
     "not disclose, copy or distribute it, and delete it.", "status #44 open"),
    ("pls assign 12 to sam\ncheers\nAnna\nThis e-mail is for the named person only. If you are "
     "not the intended recipient, please delete it.", "assign #12 to user:u-sam"),
    ("<p>hi team, please put 51 on hold</p><p>Thanks</p><p>Marek</p><p>This email and any files "
     "transmitted with it are confidential. If you are not the intended recipient you must not "
     "act on it.</p>", "status #51 on_hold"),
    # as before: a refusal above a notice, a line that only starts like one
    ("don't close 12\nThis email is confidential.", "no change #12"),
    ("close 12\nthis message is not urgent", "unknown [close 12, start 12, resolve 12]"),
])
def test_a_notice_under_the_signature_is_no_part_of_what_is_asked(said: str, expected: str) -> None:
    assert _as_sent(said) == expanded(expected)
