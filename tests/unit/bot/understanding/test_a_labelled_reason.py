"""A reason labelled as a comment is posted without its label, however the label is typed:
a colon, a spaced colon or a dash after "comment", "note", "reason" or "remark"; a label
word with neither is part of the reason ("reason unknown")."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12, comment: replaced cable", "replaced cable"),
    ("close 12, comment : replaced cable", "replaced cable"),
    ("close 12, comment - replaced cable", "replaced cable"),
    ("close 12, note – user confirmed", "user confirmed"),
    ("close 12, remark: replaced cable", "replaced cable"),
    ("close 12, reasons: done by vendor", "done by vendor"),
    ("close 12, reason unknown", "reason unknown"),
    ("close 12, note: thanks", None),
])
def test_a_labelled_reason_is_posted_without_its_label(said: str, reason: str | None) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason
