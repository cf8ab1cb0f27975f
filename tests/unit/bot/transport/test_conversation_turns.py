"""A conversation's messages take turns; other conversations do not wait; nothing is kept
once no turn is under way."""

from __future__ import annotations

import asyncio

import pytest

from bot.transport.conversation_turns import ConversationTurns


async def test_turns_of_one_conversation_run_one_after_another_in_arrival_order() -> None:
    turns = ConversationTurns()
    first_inside, let_first_finish = asyncio.Event(), asyncio.Event()
    ran: list[str] = []

    async def first() -> None:
        async with turns.turn_of("chat", activity_id="1"):
            ran.append("first in")
            first_inside.set()
            await let_first_finish.wait()
            ran.append("first out")

    async def second() -> None:
        async with turns.turn_of("chat", activity_id="2"):
            ran.append("second")

    running = asyncio.create_task(first())
    await first_inside.wait()
    waiting = asyncio.create_task(second())
    for _ in range(5):
        await asyncio.sleep(0)
    assert ran == ["first in"]
    let_first_finish.set()
    await asyncio.gather(running, waiting)
    assert ran == ["first in", "first out", "second"]
    assert len(turns) == 0


async def test_another_conversation_does_not_wait() -> None:
    turns = ConversationTurns()
    async with turns.turn_of("ada's chat", activity_id="1"):
        async with asyncio.timeout(5):
            async with turns.turn_of("bob's chat", activity_id="2"):
                assert len(turns) == 2
    assert len(turns) == 0


async def test_a_turn_that_fails_lets_the_next_one_run_and_keeps_nothing() -> None:
    turns = ConversationTurns()
    with pytest.raises(RuntimeError):
        async with turns.turn_of("chat", activity_id="1"):
            raise RuntimeError("the turn failed")
    async with asyncio.timeout(5):
        async with turns.turn_of("chat", activity_id="2"):
            pass
    assert len(turns) == 0


async def test_a_waiting_turn_cancelled_keeps_nothing() -> None:
    turns = ConversationTurns()
    async with turns.turn_of("chat", activity_id="1"):
        waiting = asyncio.create_task(_enter(turns, "chat"))
        for _ in range(5):
            await asyncio.sleep(0)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
    assert len(turns) == 0


async def _enter(turns: ConversationTurns, key: str) -> None:
    async with turns.turn_of(key, activity_id="2"):
        pass


async def test_a_turn_stuck_past_the_patience_lets_the_next_one_run_beside_it() -> None:
    turns = ConversationTurns(patience=0.05)
    stuck_inside, never = asyncio.Event(), asyncio.Event()

    async def stuck() -> None:
        async with turns.turn_of("chat", activity_id="1"):
            stuck_inside.set()
            await never.wait()

    running = asyncio.create_task(stuck())
    await stuck_inside.wait()
    async with asyncio.timeout(5):
        async with turns.turn_of("chat", activity_id="2"):
            assert len(turns) == 1
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    assert len(turns) == 0


async def test_turns_that_move_past_a_stuck_one_still_take_turns_among_themselves() -> None:
    """Past a stuck turn, the messages that waited for it run one after another, not all at
    once: a double tap during a slow turn still files one ticket."""
    turns = ConversationTurns(patience=0.2)
    stuck_inside, never = asyncio.Event(), asyncio.Event()
    inside = 0
    most_inside = 0

    async def stuck() -> None:
        async with turns.turn_of("chat", activity_id="stuck"):
            stuck_inside.set()
            await never.wait()

    async def waiter(number: int) -> None:
        nonlocal inside, most_inside
        async with turns.turn_of("chat", activity_id=str(number)):
            inside += 1
            most_inside = max(most_inside, inside)
            for _ in range(3):
                await asyncio.sleep(0)  # the others get their chance to come in
            inside -= 1

    running = asyncio.create_task(stuck())
    await stuck_inside.wait()
    async with asyncio.timeout(10):
        await asyncio.gather(*(waiter(n) for n in range(5)))
    assert most_inside == 1
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    assert len(turns) == 0
