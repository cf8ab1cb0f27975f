"""botbuilder's storage contract, held against `StateStorage` on the real database.

The first group restates the cases every botbuilder storage must pass
(`botbuilder.testing.StorageBaseTests`, 4.17.1) in this project's words; the rest
covers what a shared SQL store adds: conflicts, concurrency, restarts, trust.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal

import jsonpickle.errors
import pytest
from botbuilder.core import ConversationState, MessageFactory, StoreItem, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import (
    DialogSet,
    DialogTurnResult,
    DialogTurnStatus,
    PromptOptions,
    PromptValidatorContext,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.state_storage import (
    InvalidStateRequest,
    StateConflict,
    StateStorage,
    UntrustedStateType,
)
from db.engine import create_engine
from db.repositories.bot_state import SqlStateDocuments
from db.tables import bot_state
from domain.chat import DocumentWrite
from domain.errors import StaleDocument

WRITERS = 8
CRAZY_KEY = '!@#$%^&*()_+??><":QASD~`'


class Counter(StoreItem):
    def __init__(self, count: int = 0, e_tag: str | None = None) -> None:
        super().__init__(count=count, e_tag=e_tag)


@pytest.fixture
def storage(engine: AsyncEngine) -> StateStorage:
    return StateStorage(SqlStateDocuments(engine), trusted=("tests",))


async def stored_e_tag(storage: StateStorage, key: str) -> str:
    item = (await storage.read([key]))[key]
    return item["e_tag"] if isinstance(item, dict) else item.e_tag


# --- botbuilder's storage contract -------------------------------------------------------


async def test_reading_an_unknown_key_returns_an_empty_result(storage: StateStorage) -> None:
    assert await storage.read(["unknown"]) == {}


async def test_reading_without_keys_is_refused_like_the_sdk_does(storage: StateStorage) -> None:
    with pytest.raises(InvalidStateRequest, match="^Keys are required when reading$"):
        await storage.read(None)
    assert await storage.read([]) == {}


async def test_writing_without_changes_is_refused_like_the_sdk_does(
    storage: StateStorage,
) -> None:
    with pytest.raises(InvalidStateRequest, match="^Changes are required when writing$"):
        await storage.write(None)


async def test_writing_no_items_is_not_an_error(storage: StateStorage) -> None:
    await storage.write([])  # type: ignore[arg-type]  # the SDK's own test passes a list
    await storage.write({})


async def test_created_items_read_back_with_an_e_tag(storage: StateStorage) -> None:
    await storage.write({"plain": {"id": 1}, "wildcard": {"id": 2, "e_tag": "*"}})

    found = await storage.read({"plain": None, "wildcard": None}.keys())

    assert found["plain"]["id"] == 1
    assert found["wildcard"]["id"] == 2
    assert found["plain"]["e_tag"] and found["wildcard"]["e_tag"] not in (None, "*")


async def test_keys_with_any_characters_are_kept_apart(storage: StateStorage) -> None:
    keys = [CRAZY_KEY, "msteams/conversations/a:1Xy/users/29:1Ab", "clé ünïcødé 🎫", " "]

    await storage.write({key: {"id": index} for index, key in enumerate(keys)})

    found = await storage.read(keys)
    assert {key: found[key]["id"] for key in keys} == {key: i for i, key in enumerate(keys)}


async def test_an_item_updates_with_its_current_e_tag_but_not_with_an_old_one(
    storage: StateStorage,
) -> None:
    await storage.write({"plain": {"count": 1}, "tagged": {"count": 1, "e_tag": "*"}})
    loaded = await storage.read(["plain", "tagged"])
    loaded["plain"]["e_tag"] = None  # no e_tag: last writer wins
    old_e_tag = loaded["tagged"]["e_tag"]
    loaded["plain"]["count"] += 1
    loaded["tagged"]["count"] += 1

    await storage.write(loaded)

    reloaded = await storage.read(["plain", "tagged"])
    assert (reloaded["plain"]["count"], reloaded["tagged"]["count"]) == (2, 2)

    await storage.write({"plain": {"count": 123}})
    with pytest.raises(StateConflict):
        await storage.write({"tagged": {"count": 123, "e_tag": old_e_tag}})
    reloaded = await storage.read(["plain", "tagged"])
    assert (reloaded["plain"]["count"], reloaded["tagged"]["count"]) == (123, 2)

    await storage.write({"plain": {"count": 100}, "tagged": {"count": 100, "e_tag": "*"}})
    reloaded = await storage.read(["plain", "tagged"])
    assert (reloaded["plain"]["count"], reloaded["tagged"]["count"]) == (100, 100)

    with pytest.raises(InvalidStateRequest, match="e_tag missing"):
        await storage.write({"tagged": {"count": 7, "e_tag": ""}})
    reloaded = await storage.read(["plain", "tagged"])
    assert (reloaded["plain"]["count"], reloaded["tagged"]["count"]) == (100, 100)


async def test_a_deleted_item_is_no_longer_read(storage: StateStorage) -> None:
    await storage.write({"doomed": {"count": 1, "e_tag": "*"}})
    assert (await storage.read(["doomed"]))["doomed"]["count"] == 1

    await storage.delete(["doomed"])

    assert await storage.read(["doomed"]) == {}


async def test_deleting_an_unknown_key_is_not_an_error(storage: StateStorage) -> None:
    await storage.delete(["unknown"])
    with pytest.raises(InvalidStateRequest):
        await storage.delete(None)


async def test_batches_are_written_read_and_deleted_together(storage: StateStorage) -> None:
    await storage.write({"batch1": {"count": 10}, "batch2": {"count": 20}, "batch3": {"count": 30}})

    found = await storage.read(["batch1", "batch2", "batch3"])
    assert [found[key]["count"] for key in ("batch1", "batch2", "batch3")] == [10, 20, 30]

    await storage.delete({"batch1", "batch2", "batch3"})  # BotState.delete passes a set

    assert await storage.read(["batch1", "batch2", "batch3"]) == {}


# --- a real dialog on our storage ----------------------------------------------------------

Transcript = list[tuple[str, str]]

NEW_TICKET = [
    ("new ticket", "What is the title?"),
    ("jam", "Try 1: a title needs more than 3 characters."),
    ("pc", "Try 2: a title needs more than 3 characters."),
    ("Printer on floor 3 jams", "Which category?"),
    ("hardware", "Filed 'Printer on floor 3 jams' under hardware."),
    ("new ticket", "What is the title?"),
]


def ticket_bot(storage: StateStorage) -> Callable[[TurnContext], Awaitable[None]]:
    """A waterfall with a validated prompt, saving state once per turn like the samples."""
    conversation_state = ConversationState(storage)
    dialogs = DialogSet(conversation_state.create_property("DialogState"))

    async def title_is_long_enough(prompt: PromptValidatorContext) -> bool:
        if len(prompt.recognized.value or "") > 3:
            return True
        # The prompt counts earlier attempts in its options: they must survive storage.
        tries = prompt.options.number_of_attempts + 1
        await prompt.context.send_activity(f"Try {tries}: a title needs more than 3 characters.")
        return False

    async def title_step(step: WaterfallStepContext) -> DialogTurnResult:
        prompt = PromptOptions(prompt=MessageFactory.text("What is the title?"))
        return await step.prompt("title", prompt)

    async def category_step(step: WaterfallStepContext) -> DialogTurnResult:
        step.values["title"] = step.result
        prompt = PromptOptions(prompt=MessageFactory.text("Which category?"))
        return await step.prompt("category", prompt)

    async def summary_step(step: WaterfallStepContext) -> DialogTurnResult:
        await step.context.send_activity(
            f"Filed '{step.values['title']}' under {step.result}."
        )
        return await step.end_dialog()

    dialogs.add(WaterfallDialog("new_ticket", [title_step, category_step, summary_step]))
    dialogs.add(TextPrompt("title", title_is_long_enough))
    dialogs.add(TextPrompt("category"))

    async def on_turn(turn: TurnContext) -> None:
        dialog = await dialogs.create_context(turn)
        result = await dialog.continue_dialog()
        if result.status == DialogTurnStatus.Empty:
            await dialog.begin_dialog("new_ticket")
        await conversation_state.save_changes(turn)

    return on_turn


async def test_a_waterfall_with_a_retrying_prompt_runs_through(storage: StateStorage) -> None:
    flow = TestAdapter(ticket_bot(storage))
    for said, reply in NEW_TICKET:
        await (await flow.send(said)).assert_reply(reply)


@pytest.fixture
async def restarted(database_url: str) -> AsyncIterator[Callable[[], Awaitable[StateStorage]]]:
    """A new engine and a new storage each call, as a restarted process would have."""
    engines: list[AsyncEngine] = []

    async def restart() -> StateStorage:
        if engines:
            await engines[-1].dispose()
        engines.append(create_engine(database_url))
        return StateStorage(SqlStateDocuments(engines[-1]))

    yield restart
    for engine in engines[-1:]:
        await engine.dispose()


async def test_a_waterfall_started_before_a_restart_continues_after_it(
    engine: AsyncEngine, restarted: Callable[[], Awaitable[StateStorage]]
) -> None:
    for said, reply in NEW_TICKET:
        bot = TestAdapter(ticket_bot(await restarted()))
        await (await bot.send(said)).assert_reply(reply)


async def test_dialog_state_is_restored_as_the_sdk_objects_it_was(
    engine: AsyncEngine, restarted: Callable[[], Awaitable[StateStorage]]
) -> None:
    flow = TestAdapter(ticket_bot(await restarted()))
    await (await flow.send("new ticket")).assert_reply("What is the title?")

    async with engine.connect() as connection:
        key = (await connection.execute(select(bot_state.c.key))).scalar_one()
    state = (await (await restarted()).read([key]))[key]
    stack = state["DialogState"].dialog_stack

    assert [instance.id for instance in stack] == ["title", "new_ticket"]
    assert isinstance(stack[0].state["options"], PromptOptions)
    assert stack[0].state["options"].prompt.text == "What is the title?"
    assert stack[1].state["stepIndex"] == 0


# --- what a shared SQL store adds ----------------------------------------------------------


async def test_a_conflicting_e_tag_raises_naming_it_and_nothing_in_the_batch_is_written(
    storage: StateStorage,
) -> None:
    await storage.write({"shared": {"count": 1}})
    stale = await stored_e_tag(storage, "shared")
    await storage.write({"shared": {"count": 2, "e_tag": stale}})

    with pytest.raises(StateConflict, match=stale) as raised:
        await storage.write({"other": {"count": 1}, "shared": {"count": 3, "e_tag": stale}})

    assert isinstance(raised.value, StaleDocument) and raised.value.key == "shared"
    assert await storage.read(["other"]) == {}
    assert (await storage.read(["shared"]))["shared"]["count"] == 2


async def test_a_wildcard_e_tag_overwrites_a_newer_version(storage: StateStorage) -> None:
    await storage.write({"shared": Counter(1)})
    await storage.write({"shared": Counter(2, e_tag=await stored_e_tag(storage, "shared"))})

    await storage.write({"shared": Counter(9, e_tag="*")})

    assert (await storage.read(["shared"]))["shared"].count == 9


async def test_an_e_tag_for_a_deleted_item_is_a_conflict_not_a_fresh_write(
    storage: StateStorage,
) -> None:
    await storage.write({"gone": {"count": 1}})
    loaded = (await storage.read(["gone"]))["gone"]
    await storage.delete(["gone"])

    with pytest.raises(StateConflict):
        await storage.write({"gone": loaded})

    assert await storage.read(["gone"]) == {}


async def test_of_concurrent_writers_holding_the_same_e_tag_exactly_one_wins(
    engine: AsyncEngine,
) -> None:
    await StateStorage(SqlStateDocuments(engine)).write({"shared": {"writer": None}})
    storages = [StateStorage(SqlStateDocuments(engine)) for _ in range(WRITERS)]
    items = [(await storage.read(["shared"]))["shared"] for storage in storages]

    async def write_as(writer: int) -> bool:
        items[writer]["writer"] = writer
        try:
            await storages[writer].write({"shared": items[writer]})
        except StateConflict:
            return False
        return True

    outcomes = await asyncio.gather(*(write_as(writer) for writer in range(WRITERS)))

    assert outcomes.count(True) == 1
    final = (await StateStorage(SqlStateDocuments(engine)).read(["shared"]))["shared"]
    assert final["writer"] == outcomes.index(True)


async def test_the_new_e_tag_is_written_back_so_a_turn_can_save_twice(
    storage: StateStorage,
) -> None:
    await storage.write({"turn": {"step": 0}})
    state = (await storage.read(["turn"]))["turn"]
    read_e_tag = state["e_tag"]
    counter = Counter(0, e_tag="*")

    state["step"] = 1
    await storage.write({"turn": state, "counter": counter})
    state["step"] = 2
    counter.count = 2
    await storage.write({"turn": state, "counter": counter})

    assert state["e_tag"] not in (read_e_tag, None)
    assert state["e_tag"] == await stored_e_tag(storage, "turn")
    assert counter.e_tag == await stored_e_tag(storage, "counter")
    assert (await storage.read(["turn"]))["turn"]["step"] == 2


async def test_store_items_come_back_as_their_class_with_the_stored_e_tag(
    storage: StateStorage,
) -> None:
    await storage.write({"counter": Counter(41)})

    found = (await storage.read(["counter"]))["counter"]

    assert isinstance(found, Counter)
    assert found.count == 41
    assert found.e_tag and found.e_tag != "*"


async def test_values_json_cannot_hold_round_trip(storage: StateStorage) -> None:
    value = {
        "when": datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
        "amount": Decimal("12.50"),
        "pair": (1, "two"),
        "tags": {"printer"},
        "text": "Imprimante bloquée — 打印机卡纸 🖨️",
        "nested": {"a": [{"bb": 1, "a": 2}, [3, {"ccc": None}]]},
    }

    await storage.write({"values": dict(value)})

    found = (await storage.read(["values"]))["values"]
    found.pop("e_tag")
    assert found == value


async def test_state_naming_an_untrusted_class_is_neither_written_nor_restored(
    engine: AsyncEngine,
) -> None:
    documents = SqlStateDocuments(engine)
    untrusting = StateStorage(documents)

    with pytest.raises(UntrustedStateType, match="tests.integration"):
        await untrusting.write({"counter": Counter(1)})
    assert await documents.read(["counter"]) == {}

    hostile = {
        "reduce": {"py/reduce": [{"py/function": "os.system"}, {"py/tuple": ["true"]}]},
        "object": {"py/object": "subprocess.Popen"},
        "repr": {"py/repr": "os/os.system('true')"},
        "module": {"py/mod": "shutil"},
    }
    for key, document in hostile.items():
        await documents.write({key: DocumentWrite({"value": document})})
        with pytest.raises(UntrustedStateType):
            await untrusting.read([key])


async def test_state_naming_a_class_that_no_longer_exists_fails_loudly(
    storage: StateStorage, engine: AsyncEngine
) -> None:
    gone = {"dialog": {"py/object": "botbuilder.dialogs.renamed_away.OldDialogState"}}
    await SqlStateDocuments(engine).write({"old": DocumentWrite(gone)})

    with pytest.raises(jsonpickle.errors.ClassNotFoundError):
        await storage.read(["old"])


async def test_items_that_are_not_documents_are_refused_before_anything_is_written(
    storage: StateStorage,
) -> None:
    with pytest.raises(TypeError):
        await storage.write({"fine": {"count": 1}, "text": "just a string"})

    assert await storage.read(["fine", "text"]) == {}


async def test_set_values_keeps_the_rest_of_the_item_and_outdates_what_a_turn_read(
    storage: StateStorage,
) -> None:
    """A card's button names "it" without loading the conversation's state: the dialog it
    holds stays, and a turn that read the state before must not write over the change."""
    await storage.write({"chat": {"dialog_state": {"step": 2}, "last_ticket": "TKT-2026-0004"}})
    held = (await storage.read(["chat"]))["chat"]
    await storage.set_values("chat", {"last_ticket": "TKT-2026-0005"})
    await storage.set_values("new chat", {"last_ticket": "TKT-2026-0006"})

    found = await storage.read(["chat", "new chat"])
    assert found["chat"]["dialog_state"] == {"step": 2}
    assert found["chat"]["last_ticket"] == "TKT-2026-0005"
    assert found["new chat"]["last_ticket"] == "TKT-2026-0006"
    with pytest.raises(StateConflict):
        await storage.write({"chat": {**held, "last_ticket": "TKT-2026-0004"}})
