"""A reply that only agrees to the request it quotes makes it; one that only refuses it
changes nothing. "> please set 1207 to high⏎agreed, do it" showed 1207, and
"<blockquote>close 1279</blockquote><p>not yet please</p>" was not understood (sixteenth
held-out table); "> close 12⏎yes please" neither. A quote that asks no change, a reply that
says more than yes or no, and a reply that asks itself are read as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def _as_sent(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize(("said", "expected"), [
    ("> please set 1207 to high\nagreed, do it", "edit #1207 priority=high"),
    ("<blockquote>close 1279</blockquote><p>not yet please</p>", "no change #1279"),
    ("> close 12\nyes please", "status #12 closed"),
    ("> close 12 and 13\ngo ahead 👍", "status #12, #13 closed"),
    ("> give 12 to sam\nApproved.", "assign #12 to user:u-sam"),
    ("> give 12 to lee\nyes please", "ask assign #12 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("> close 12\nno, don't", "no change #12"),
    ("<blockquote>put 40 on hold pls</blockquote><p>ok go for it</p>", "status #40 on_hold"),
    ("> can someone close 12?\ngo ahead", "free text"),  # the quote asks no change itself
    # as before
    ("> can you close 12?\nyes, close 12", "status #12 closed"),
    ("> is 12 fixed?\nyes please", "unknown [my tickets, new ticket, help]"),
    ("> close 12\nok", "unknown [my tickets, new ticket, help]"),
    ("> close 12\nagreed but wait for the user", "free text"),
])
def test_a_quoted_request_agreed_or_refused(said: str, expected: str) -> None:
    assert _as_sent(said) == expanded(expected)
