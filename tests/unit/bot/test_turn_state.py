"""The conversation state is written back only when a turn changed it, whatever it touched."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogState

from bot.turn_state import TurnState

Step = Callable[[TurnState, TurnContext], Awaitable[None]]


class CountingStorage(MemoryStorage):  # type: ignore[misc]  # untyped SDK class
    """botbuilder's own memory storage, counting the writes it is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    async def write(self, changes: dict[str, Any]) -> None:
        self.writes += 1
        await super().write(changes)


async def turns(storage: CountingStorage, *steps: Step) -> TurnState:
    """Each step is one turn of one conversation, its state saved at its end."""
    state = TurnState(storage)
    pending = list(steps)

    async def logic(turn: TurnContext) -> None:
        await pending.pop(0)(state, turn)
        await state.save_changes(turn)

    adapter = TestAdapter(logic)
    for _ in steps:
        await adapter.send("hi")
    return state


def setting(name: str, value: object) -> Step:
    async def step(state: TurnState, turn: TurnContext) -> None:
        await state.create_property(name).set(turn, value)
    return step


def reading(name: str) -> Step:
    async def step(state: TurnState, turn: TurnContext) -> None:
        await state.create_property(name).get(turn)
    return step


async def test_setting_a_plain_value_to_the_one_stored_writes_nothing() -> None:
    storage = CountingStorage()
    await turns(storage, setting("last_ticket", "TKT-2026-0001"),
                setting("last_ticket", "TKT-2026-0001"), reading("last_ticket"))
    assert storage.writes == 1


async def test_setting_another_value_is_written() -> None:
    storage = CountingStorage()
    await turns(storage, setting("last_ticket", "TKT-2026-0001"),
                setting("last_ticket", "TKT-2026-0002"), setting("last_ticket", 2))
    assert storage.writes == 3


async def test_a_value_changed_in_place_after_reading_it_is_written() -> None:
    storage = CountingStorage()

    async def grow(state: TurnState, turn: TurnContext) -> None:
        notes = await state.create_property("notes").get(turn, list)
        notes.append("more")

    async def check(state: TurnState, turn: TurnContext) -> None:
        assert await state.create_property("notes").get(turn) == ["more", "more"]

    await turns(storage, grow, grow, check)
    assert storage.writes == 2


async def test_a_read_mutable_value_left_alone_writes_nothing() -> None:
    storage = CountingStorage()
    await turns(storage, setting("notes", ["one"]), reading("notes"), reading("notes"))
    assert storage.writes == 1


async def test_a_deleted_value_is_written() -> None:
    storage = CountingStorage()

    async def forget(state: TurnState, turn: TurnContext) -> None:
        await state.create_property("last_ticket").delete(turn)

    async def check(state: TurnState, turn: TurnContext) -> None:
        assert await state.create_property("last_ticket").get(turn) is None

    await turns(storage, setting("last_ticket", "TKT-2026-0001"), forget, check)
    assert storage.writes == 2


async def test_a_dialog_is_under_way_only_while_its_stack_holds_one() -> None:
    storage = CountingStorage()
    seen: list[bool] = []

    async def look(state: TurnState, turn: TurnContext) -> None:
        seen.append(await state.holds_dialog(turn, "dialog_state"))

    def stacked(*dialogs: str) -> Step:
        async def step(state: TurnState, turn: TurnContext) -> None:
            stack = DialogState()
            for dialog in dialogs:
                stack.dialog_stack.append(dialog)  # type: ignore[arg-type]
            await state.create_property("dialog_state").set(turn, stack)
        return step

    await turns(storage, look, stacked(), look, stacked("new_ticket"), look)
    assert seen == [False, False, True]
