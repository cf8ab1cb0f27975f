"""The bot's private conversation state, compared for changes only when a turn touched it.

botbuilder's `BotState` flattens the whole state with jsonpickle when it loads it and
again when it saves it, to learn whether the turn changed it: twice a turn, even when the
turn only read which ticket the conversation last showed. Here the state is flattened
the first time the turn sets or deletes a property or is handed a mutable value (a
dialog's stack changes in place), before anything can change; a turn that did none of
these is unchanged without a flattening, and writes nothing. Setting a plain value
(a string, a number) to the one already stored is no change either.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import PrivateConversationState, TurnContext
from botbuilder.core.bot_state import CachedBotState
from botbuilder.dialogs import DialogState

PLAIN = (str, int, float, bool, type(None))
"""Values a turn cannot change in place: handing one out changes nothing."""


class _TouchedState(CachedBotState):  # type: ignore[misc]  # untyped SDK class
    def __init__(self, state: dict[str, Any] | None = None) -> None:
        self.state = state if state is not None else {}
        self.hash = ""
        self.touched = False

    def touch(self) -> None:
        """Before the first change: what the state was, to compare with at the end."""
        if not self.touched:
            self.hash = self.compute_hash(self.state)
            self.touched = True

    @property
    def is_changed(self) -> bool:
        return self.touched and bool(self.hash != self.compute_hash(self.state))


class TurnState(PrivateConversationState):  # type: ignore[misc]  # untyped SDK class
    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        cached = self.get_cached_state(turn_context)
        if force or not cached or not cached.state:
            key = self.get_storage_key(turn_context)
            items = await self._storage.read([key])
            turn_context.turn_state[self._context_service_key] = _TouchedState(items.get(key))

    def get(self, turn_context: TurnContext) -> dict[str, object] | None:
        _touch(self.get_cached_state(turn_context))
        state: dict[str, object] | None = super().get(turn_context)
        return state

    async def get_property_value(self, turn_context: TurnContext, property_name: str) -> Any:
        value = await super().get_property_value(turn_context, property_name)
        if not isinstance(value, PLAIN):
            _touch(self.get_cached_state(turn_context))
        return value

    async def set_property_value(
        self, turn_context: TurnContext, property_name: str, value: object
    ) -> None:
        cached = self.get_cached_state(turn_context)
        if cached is not None and isinstance(value, PLAIN):
            stored = cached.state.get(property_name, _ABSENT)
            if type(stored) is type(value) and stored == value:
                return
        _touch(cached)
        await super().set_property_value(turn_context, property_name, value)

    async def delete_property_value(self, turn_context: TurnContext, property_name: str) -> None:
        _touch(self.get_cached_state(turn_context))
        await super().delete_property_value(turn_context, property_name)

    async def holds_dialog(self, turn_context: TurnContext, property_name: str) -> bool:
        """Whether a dialog is under way, read without touching the state."""
        await self.load(turn_context)
        cached = self.get_cached_state(turn_context)
        stored = cached.state.get(property_name) if cached is not None else None
        if stored is None:
            return False
        return not isinstance(stored, DialogState) or bool(stored.dialog_stack)


_ABSENT = object()


def _touch(cached: CachedBotState | None) -> None:
    if isinstance(cached, _TouchedState):
        cached.touch()
