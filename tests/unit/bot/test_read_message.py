"""A long message is read off the event loop: other conversations go on meanwhile."""

from __future__ import annotations

import asyncio

from bot.messages import LONG_MESSAGE_CHARS, read_message
from bot.understanding import understand
from tests.unit.bot.understanding.test_transcript import CONVERSATION


async def _loop_turns_while_reading(text: str) -> int:
    """How many times the event loop ran something else while `text` was read."""
    turns = 0
    reading = True

    async def other_conversation() -> None:
        nonlocal turns
        while reading:
            turns += 1
            await asyncio.sleep(0)

    other = asyncio.create_task(other_conversation())
    await asyncio.sleep(0)
    before = turns
    understood = await read_message(text, CONVERSATION)
    during = turns - before
    reading = False
    await other
    assert understood == understand(text, CONVERSATION)  # read the same either way
    return during


async def test_a_long_message_is_read_while_the_event_loop_goes_on() -> None:
    story = "The printer on floor 3 jams again, and the scanner too. " * 1_200
    assert len(story) > LONG_MESSAGE_CHARS

    assert await _loop_turns_while_reading(story) > 0


async def test_a_short_message_is_read_at_once_on_the_loop() -> None:
    assert await _loop_turns_while_reading("close 4 and 5 please") == 0
