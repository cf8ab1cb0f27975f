"""'no, what can i do?' was an IndexError, a 500 (found probing from outside): a question
ending at "do" was looked at as "what do Facilities have", past its last word. It is a
question, and changes nothing; "what do Facilities have" is still their list."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "no, what can i do?",
    "no what can i do",
    "my computer is very slow, no what i can do?",
    "no do?",
])
def test_a_question_ending_at_do_is_no_change(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) in ("question", "help", "free text")


@pytest.mark.parametrize(("said", "read"), [
    ("what does Sam have", "list all assignee=user:u-sam"),
    ("what do Facilities have", "list all assignee=team:3"),
    ("what can i do?", "help"),
])
def test_what_someone_has_is_still_their_list(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read
