"""A comment asked for with only "please" after it asks what to say: "comment on 812 pls"
posted "pls" where the requester reads it. "comment on 812 pls say it is fixed" posts "it is
fixed", not the ask. Found while writing look-alikes of the fourteenth held-out table."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("comment on 812 pls", "comment #812 ?"),
    ("comment on 812 please", "comment #812 ?"),
    ("add a comment to 812 for me please", "comment #812 ?"),
    ("note on 812 asap", "comment #812 ?"),
    ("comment on 812 pls say it is fixed", "comment #812 'it is fixed'"),
    ("comment on 812 please write that we are on it", "comment #812 'we are on it'"),
])
def test_a_comment_of_only_please_asks_what_to_say(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("comment on 812: now fixed", "comment #812 'now fixed'"),
    ("comment on 812 me too", "comment #812 'me too'"),
    ("pls tell the user on 812 thanks", "comment #812 'thanks'"),
    ("note on 812: please say thanks", "comment #812 'thanks'"),
])
def test_a_comment_with_words_of_its_own_is_posted(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
