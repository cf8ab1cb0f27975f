"""A message of one filter word over and over is read at once: "on " repeated to the most
message may hold took 10-20 s, each word looking past all those after it for a team's queue
("our queue", "the team's open tickets"); what follows a word is looked for only when the
word could open one. "our team's open tickets", "tickets for our team", "the network team
queue" read as before."""

from __future__ import annotations

import gc
import time

import pytest

from bot.messages import MAX_MESSAGE_CHARS
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def _cpu_reading(said: str) -> float:
    """This thread's CPU for reading `said`, the garbage collector held off meanwhile: in the
    full suite a collection of everything the earlier tests left (run by whichever test
    happens to allocate then) cost 10-20 s of it ('12 due on ', 'in progress ' in turn), which
    is the suite's heap, not the reading."""
    gc.collect()
    gc.disable()
    try:
        started = time.thread_time()
        as_the_bot_reads(said, CONVERSATION)
        return time.thread_time() - started
    finally:
        gc.enable()


def _as_long(unit: str) -> str:
    return (unit * (MAX_MESSAGE_CHARS // len(unit)))[:MAX_MESSAGE_CHARS]


@pytest.mark.parametrize("unit", ["on ", "open ", "high ", "in progress ", "12 due on ", "tickets open ",
                                  "did we ", "done, ", "A: ", "re: ", "a\n", "sorry "])
def test_a_run_of_filter_words_is_read_at_once(unit: str) -> None:
    """Against a message as long of plain words read in the same run (1-2 s on a loaded
    two-core machine, where a fixed bound of 4 s failed for load alone), in this thread's CPU
    time (the whole process's counted a thread left running by an earlier test: '12 due on '
    took 10 s of it in the full suite, 0.8 s alone): a run read word by word against the rest
    took 7-15 times as long; now about twice. "A: " and "re: " (a pasted chat's or mail's
    labels) took 29 and 16 times as long, 13.6 s: each clause end copied the text before
    it and read it again for a request that was not there."""
    plain = _cpu_reading(_as_long("printer "))
    assert _cpu_reading(_as_long(unit)) < 5 * plain + 0.2


@pytest.mark.parametrize("space", ["\n", " ", "\t", "\r\n", " \n"])
def test_a_long_run_of_whitespace_is_read_at_once(space: str) -> None:
    """Blank lines by the thousand between two words: every pattern starting at a space
    scanned the rest of the run from each position in it (8,000 newlines 2 s; the most a
    message holds, minutes). A run says a paragraph, a line break or a gap, and is read so."""
    plain = _cpu_reading(_as_long("printer "))
    run = space * ((MAX_MESSAGE_CHARS - 20) // len(space))
    assert _cpu_reading(f"close 12{run}thanks") < 5 * plain + 0.2
    assert _cpu_reading(f"printer{run}broken") < 5 * plain + 0.2


@pytest.mark.parametrize(("said", "read"), [
    ("close 12" + " " * 40 + "please", "status #12 closed"),
    ("new ticket:\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nthe printer is jammed",
     "create title='The printer is jammed'"),
])
def test_a_long_run_of_whitespace_reads_as_a_short_one(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("our team's open tickets", "list teams status=open"),
    ("tickets for our team", "list teams"),
    ("the network team queue", "list all assignee=team:2"),
    ("our queue", "list teams"),
    ("what is the team working on", "list teams"),
    ("our on hold tickets", "list teams status=on_hold"),
])
def test_a_team_queue_reads_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read
