"""A comment typed in quotes is posted without them ('comment on 754 "rebooted router, looks
stable"' posted the quotes too), and a hand-over typed straight on into why ("815 to alex
please he knows the system", "give 815 to alex he fixed it last time") is made (was not
understood, or "alex he knows system" was looked for). Found by the fourteenth held-out
table."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ('comment on 754 "rebooted router, looks stable"',
     "comment #754 'rebooted router, looks stable'"),
    ('add note to 754 "user is away"', "comment #754 'user is away'"),
    ("note on 754 'checked cables'", "comment #754 'checked cables'"),
    ('add note to 693: user said "it worked yesterday"',
     "comment #693 'user said \"it worked yesterday\"'"),
    ('comment on 754 "a" and "b"', "comment #754 '\"a\" and \"b\"'"),
    ("815 to alex please he knows the system", "assign #815 to user:u-alex"),
    ("give 815 to alex he fixed it last time", "assign #815 to user:u-alex"),
    ("give 815 to alex please he knows the system", "assign #815 to user:u-alex"),
    ("give 815 to the guy who knows sap",
     "ask assign #815 to ?: I couldn't find “guy who knows sap”. Who should take #815?"),
])
def test_quotes_around_a_comment_and_why_after_a_hand_over(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
