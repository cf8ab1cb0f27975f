"""A ticket asked for, then the request corrected with "it": "close 12 no wait, resolve it"
resolved the ticket in view, as if 12 were a count ("swapped 2 toner cartridges, close it");
a number right after a request's verb is the ticket it is asked of, so 12 is resolved.
Found by the twentieth held-out table."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 no wait, resolve it", "status #12 resolved"),
    ("close 12 sorry, resolve it", "status #12 resolved"),
    ("close 12 no, resolve it", "status #12 resolved"),
    ("close 12 hang on, resolve it instead", "status #12 resolved"),
    ("close 12 oh wait, resolve it", "status #12 resolved"),
    ("make 12 urgent no wait, make it high", "edit #12 priority=high"),
    ("reopen 12 hmm actually, put it on hold", "status #12 on_hold"),
    ("assign 12 to sam no wait, give it to alex", "assign #12 to user:u-alex"),
])
def test_it_in_the_correction_is_the_ticket_the_request_named(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("swapped 2 toner cartridges, close it", "status #7 closed"),
    ("replaced 3 cables today, close it", "status #7 closed"),
    ("reset 2 passwords for the user, resolve it", "status #7 resolved"),
    ("give 2 users access to the share, then close it", "status #7 closed"),
    ("restarted 3 times no luck, put it on hold", "status #7 on_hold"),
    ("checked 12, all good. close it", "status #12 closed"),
    ("the printer in 12 works. close it", "status ? closed"),
    ("assign 2 extra licences to the user, resolve it", "status #7 resolved"),
    ("assign 2 new laptops to the starter, resolve it", "status #7 resolved"),
    ("hand 3 spare keys to reception, close it", "status #7 closed"),
    ("reassign 2 old accounts to alex, close it", "status #7 closed"),
    ("give 3 more users access, close it", "status #7 closed"),
    ("escalate 2 more cases to the vendor, close it", "status #7 closed"),
    ("order 2 more toners, close it", "status #7 closed"),
    ("ordered 2 new cables, close it", "status #7 closed"),
    ("replaced 2 other monitors, resolve it", "status #7 resolved"),
    ("close 12 more, resolve it", "status #12 resolved"),
    ("give 12 more time, close it", "status #12 closed"),
])
def test_a_number_of_things_before_it_still_leaves_it_the_ticket_in_view(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
