"""Mentions and markup in message text: read as people wrote them, in linear time."""

from __future__ import annotations

import time

import pytest
from botbuilder.schema import Activity

from bot.mentions import clean_markup, strip_bot_mention
from bot.understanding import understand
from tests.unit.bot.understanding.test_transcript import CONVERSATION

BOT_ID = "28:bot"


def _message(text: str, *entities: dict[str, object]) -> Activity:
    return Activity().deserialize({
        "type": "message", "text": text, "from": {"id": "29:ada"},
        "recipient": {"id": BOT_ID, "name": "TicketFlow"}, "entities": list(entities)})


def _mention(name: str, account: str) -> dict[str, object]:
    return {"type": "mention", "text": f"<at>{name}</at>", "mentioned": {"id": account,
                                                                         "name": name}}


@pytest.mark.parametrize(("text", "read"), [
    ("<at>TicketFlow</at> close 4", "close 4"),
    ("<at>TicketFlow</at> assign 4 to <at>Max Manager</at>", "assign 4 to <at>Max Manager</at>"),
    ('<p><at id="0">TicketFlow</at> comment on 4:</p><p>fan &amp; PSU</p>',
     "comment on 4:\nfan & PSU"),
    ("ask <at>Sam</at> and <at>Lee</at><br>thanks", "ask <at>Sam</at> and <at>Lee</at>\nthanks"),
    ("&lt;b&gt;literal&lt;/b&gt; <b>bold</b>", "<b>literal</b> bold"),
    ("an <at>open tag and <at>Sam</at>", "an open tag and <at>Sam</at>"),
])
def test_the_text_reads_without_the_bots_mention_and_with_others_kept(text: str, read: str) -> None:
    activity = _message(text, _mention("TicketFlow", BOT_ID), _mention("Max Manager", "29:max"))
    assert strip_bot_mention(activity) == read


@pytest.mark.parametrize("text", [
    "<at>" * 7_000,  # 28,000 characters: as long as Teams lets a message be
    "<at x=1>" * 3_500,
    "<at>a" * 5_600,
    "\x00" * 28_000,  # the markers the mentions were once swapped for
])
def test_a_message_of_unclosed_mention_tags_is_read_in_a_blink(text: str) -> None:
    """Each opening tag looked for its `</at>` to the end of the message: 20,000 characters
    of `<at>` took 1.7 s of CPU per turn."""
    started = time.thread_time()  # this thread's CPU: other threads' and processes' load does not count
    clean_markup(text)
    strip_bot_mention(_message(text))
    assert time.thread_time() - started < 0.5


@pytest.mark.parametrize(("text", "read"), [
    ("<blockquote>" * 17_000, ""),  # 204,000 characters: under the body cap, not Teams' limit
    ("<blockquote>x" * 16_000, "x" * 16_000),
    ("<blockquote " * 17_000, ("<blockquote " * 17_000).strip()),  # a tag never closed
    ("<at " * 50_000, ("<at " * 50_000).strip()),
    ("<blockquote>ok</blockquote>" + "<blockquote>" * 17_000, "> ok"),
])
def test_a_message_of_unclosed_quote_tags_is_read_in_a_blink(text: str, read: str) -> None:
    """Each `<blockquote>` (or a tag's attributes) looked for its end to the end of the
    message: 200 KB of them took 27 s of CPU on the event loop."""
    started = time.thread_time()
    assert clean_markup(text) == read
    assert time.thread_time() - started < 0.5


@pytest.mark.parametrize(("text", "read"), [
    ('<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1">'
     '<strong itemprop="mri" itemid="8:orgid:1">Priya Shah</strong>'
     '<span itemprop="time" itemid="1">10:02</span>'
     '<p itemprop="preview">427 is urgent, the CEO is affected</p></blockquote>'
     '<p>agreed, make it urgent</p>',
     "> Priya Shah\n> 10:02\n> 427 is urgent, the CEO is affected\nagreed, make it urgent"),
    ("<blockquote>line one<br>line two</blockquote>ok", "> line one\n> line two\nok"),
    ("<p>no quote, <b>bold</b>2</p>", "no quote, bold2"),
])
def test_a_quoted_message_reads_as_quoted_lines_apart_from_the_reply(text: str, read: str) -> None:
    """Teams sends a reply's quote as a blockquote whose author, time and text are inline
    tags: without them the name ran into the text ("Priya Shah427 is urgent") and the quote
    read as the reply's own words."""
    assert clean_markup(text) == read


@pytest.mark.parametrize("blank", ["\n", " ", "\t", "\r", "\u2003", "\u3000", " \n", "\r\n"])
def test_a_long_run_of_blank_space_is_read_as_one_and_understood_in_a_blink(blank: str) -> None:
    """60,000 characters of blank space between two words: one blank line, or one space. Kept
    as they were, understanding the message took minutes of CPU (every pattern that starts
    with blank space tried it at each of its places)."""
    text = clean_markup(f"printer{blank * (60_000 // len(blank))}jams")

    assert text == ("printer\n\njams" if "\n" in blank else "printer jams")
    started = time.thread_time()
    understand(text, CONVERSATION)
    assert time.thread_time() - started < 2
