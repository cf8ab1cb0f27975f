"""A change agreed to with an eye-roll may be sarcasm ("sure, close 637, that totally fixed it
🙄"): it is asked about first, never made. The same change without the eye-roll, or a plain
request with one (exasperation), is made as before; a comment or a ticket filed with one is
written as typed."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus, Clarify
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("sure, close 40, because that totally fixed it 🙄",
     "ask status #40 ?: Should #40 be closed? [Yes]"),
    ("yeah resolve 41, great fix 🙄", "ask status #41 ?: Should #41 be resolved? [Yes]"),
    ("oh great, close 42 then 🙄", "ask status #42 ?: Should #42 be closed? [Yes]"),
    ("oh sure, give 43 to sam 🙃", "ask assign #43 to ?: Should Sam Rivera take #43? [Yes]"),
    ("perfect, put it on hold again 😒", "ask status #7 ?: Should #7 be on hold? [Yes]"),
    ("sure, close 44 and 45 🙄", "no change #44"),  # several: not one question, so not made
    ("yeah right, give all my tickets to sam 🙄", "no change ?"),
    ("yeah, make 46 urgent 🙃", "no change #46"),
    # laughed before, or a plain yes: the same agreement
    ("lol sure, close 40 🙄", "ask status #40 ?: Should #40 be closed? [Yes]"),
    ("haha, sure, close 41 🙄", "ask status #41 ?: Should #41 be closed? [Yes]"),
    ("yes, close 42 🙄", "ask status #42 ?: Should #42 be closed? [Yes]"),
    ("yep, resolve 43 because that worked 🙄", "ask status #43 ?: Should #43 be resolved? [Yes]"),
    ("oh yes, close 44 🙄", "ask status #44 ?: Should #44 be closed? [Yes]"),
    ("lmao yeah, give 45 to sam 🙄", "ask assign #45 to ?: Should Sam Rivera take #45? [Yes]"),
])
def test_a_change_said_with_an_eye_roll_is_asked_about_first(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("sure, close 40", "status #40 closed"),
    ("yes, close 40", "status #40 closed"),
    ("lol sure, close 40", "status #40 closed"),
    ("lol close 40 🙄", "status #40 closed"),
    ("close 40, dupe of #9 🙄", "status #40 closed"),
    ("close 44 and 45 🙄", "status #44, #45 closed"),
    ("give all my tickets to sam 🙄", "assign each of to user:u-sam (list mine)"),
    ("comment on 47: sure, that fixed it 🙄", "comment #47 'sure, that fixed it 🙄'"),
    ("sure 🙄", "small talk ok"),
    ("close 40 🙂", "status #40 closed"),
    ("close 41 😂", "status #41 closed"),
    ("resolve 42 👍", "status #42 resolved"),
    ("why was 43 closed 🙄", "history #43"),
    ("the printer is jammed again 🙄", "free text"),
    ("🙄", "unknown [help]"),
    ("new ticket: the printer is broken again 🙄", "create title='The printer is broken again'"),
])
def test_without_an_eye_roll_or_a_change_it_is_read_as_before(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "sure, close 40, because that totally fixed it 🙄",
    "yeah resolve 41, great fix 🙄",
    "lol sure, close 42 - the user will love that 🙄",
])
def test_the_eye_rolled_words_are_never_posted_on_the_ticket(said: str) -> None:
    """A Yes to "Should #40 be closed?" closes it; the words rolled at were kept as its
    reason and posted where the requester reads them ("that totally fixed it 🙄")."""
    asked = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(asked, Clarify) and isinstance(asked.request, ChangeStatus), asked
    assert asked.request.reason is None, asked.request.reason
