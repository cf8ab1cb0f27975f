"""A status change typed straight on into why, as chat is typed, is made: "hold 738 until the
new laptop arrives", "hold 738 till monday" (as "put 738 on hold until …" already was), "close
852 as issue is resolved" ("as the issue …" already was), "close 814 the user said its working
now" (with a comma it already was) were not understood. A reason that tells the ticket is
not done ("close 814, the user says its still broken", "resolve 814 - still happening",
"close 814, it's broken again") closed or resolved it, that reason posted; now whether to is
asked. Found by the fourteenth held-out table and look-alikes of its lines."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read", "reason"), [
    # how long it waits is told with it, for whoever reads the ticket
    ("hold 738 until the new laptop arrives", "status #738 on_hold", "until the new laptop arrives"),
    ("hold 738 till monday", "status #738 on_hold", "till monday"),
    ("pause 738 until further notice", "status #738 on_hold", "until further notice"),
    ("set it to on hold until the part arrives", "status #7 on_hold", "until the part arrives"),
    ("738 on hold pending vendor reply", "status #738 on_hold", "pending vendor reply"),
    ("put 738 on hold until", "status #738 on_hold", None),
    ("put 738 on hold, waiting for the vendor", "status #738 on_hold", "waiting for the vendor"),
    ("close 852 as issue is resolved", "status #852 closed", "issue is resolved"),
    ("kindly close the ticket 820 as issue is resolved", "status #820 closed",
     "issue is resolved"),
    ("close 852 as laptop has been replaced", "status #852 closed", "laptop has been replaced"),
    ("close 814 the user said its working now", "status #814 closed",
     "the user said its working now"),
    ("hey can you close 814 the user said its working now thanks", "status #814 closed",
     "the user said its working now"),
    ("resolve 814 the customer replied its ok", "status #814 resolved",
     "the customer replied its ok"),
])
def test_a_status_run_on_with_its_reason_is_made(said: str, read: str, reason: str | None) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(read)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize(("said", "read"), [
    ("close 814, still broken", "ask status #814 ?: Should #814 be closed? [Yes]"),
    ("close 814, the user says its still broken", "ask status #814 ?: Should #814 be closed? [Yes]"),
    ("close 814 the user said its still broken", "ask status #814 ?: Should #814 be closed? [Yes]"),
    ("can you close 814? the user says its still broken",
     "ask status #814 ?: Should #814 be closed? [Yes]"),
    ("resolve 814 - still happening", "ask status #814 ?: Should #814 be resolved? [Yes]"),
    ("close 814, it's broken again", "ask status #814 ?: Should #814 be closed? [Yes]"),
    ("close 814, user says the issue is still there",
     "ask status #814 ?: Should #814 be closed? [Yes]"),
    ("mark 814 resolved the user says its still broken",
     "ask status #814 ?: Should #814 be resolved? [Yes]"),
])
def test_a_close_whose_reason_says_it_is_not_done_is_asked_about(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("mark 852 as urgent", "edit #852 priority=urgent"),
    ("set 852 as high priority", "edit #852 priority=high"),
    ("mark 852 as on hold", "status #852 on_hold"),
    ("dont hold 738 until monday", "no change #738"),
    ("if sam is out hold 738 until monday", "no change #738"),
    ("should i hold 738 until monday", "show #738"),
    ("reopen 814, still broken", "status #814 open"),
    ("put 814 on hold, still waiting for parts", "status #814 on_hold"),
    ("close 814, user still happy", "status #814 closed"),
    ("resolve 814, thanks again", "status #814 resolved"),
    ("dont close 814 the user said its still broken", "no change #814"),
])
def test_look_alikes_are_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
