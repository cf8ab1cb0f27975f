"""An email's confidentiality notice pasted under a request is no part of it: "please assign
935 to priya⏎⏎This e-mail and any attachments are confidential. If you are not the intended
recipient, please delete it and notify the sender immediately." was read as a refusal ("not"
… "delete") and nothing was assigned."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

_NOTICE = ("This e-mail and any attachments are confidential. If you are not the intended "
           "recipient, please delete it and notify the sender immediately.")


@pytest.mark.parametrize(("said", "expected"), [
    (f"please assign 935 to priya\n\n{_NOTICE}", "assign #935 to user:u-priya"),
    (f"Hi,\nplease close 935, the toner was replaced.\n\nThanks,\nMarta\n\n{_NOTICE}",
     "status #935 closed"),
    ("can you reopen 935?\n\nCONFIDENTIALITY NOTICE: The information in this message is "
     "intended only for the addressee. Do not forward it.", "status #935 open"),
    ("Kindly resolve 935.\n\nDisclaimer: this message may contain privileged information and "
     "must not be copied.", "status #935 resolved"),
    ("new ticket: vpn drops every hour\n\nThe information contained in this email is "
     "confidential and may not be disclosed.", "create title='Vpn drops every hour'"),
])
def test_a_request_with_a_confidentiality_notice_under_it_is_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    (f"please don't close 935\n\n{_NOTICE}", "no change #935"),
    ("this email is confidential, please don't forward it", "no change #7"),
    ("is this email confidential?", "question"),
    (_NOTICE, "no change #7"),
])
def test_what_the_notice_is_not_under_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
