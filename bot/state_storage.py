"""botbuilder's `Storage` over any `StateDocuments`: dialog state that survives restarts.

botbuilder 4.17.1 ships no SQL storage; this one behaves like its own storages:
- Items are plain dicts or objects (`StoreItem`, `DialogState`, …). As in
  `CosmosDbPartitionedStorage`, an item is flattened with jsonpickle, its e_tag
  (the `"e_tag"` key of a dict, the `e_tag` attribute of an object) is taken out of
  the document, and on read the stored e_tag is put back before the item is restored.
- No e_tag or `*` overwrites; any other e_tag must be the stored one, else the write
  raises `StateConflict` (whose message names the e_tag, as `MemoryStorage`'s
  `KeyError` does) and nothing in the batch is written. An e_tag for a key that is
  no longer stored is a conflict too (see `db/repositories/bot_state.py`).
- An empty e_tag, no keys or no changes are refused with the SDK's own messages.

Two choices go further than the SDK, on purpose:
- After a write the new e_tag is written back into each item, so a second save in
  the same turn is conditional on the version this turn wrote, not on the one it read.
- Restoring a jsonpickle document can construct any importable class; the SDK
  restores whatever it finds (and its default `Unpickler` even `eval`s `py/repr`).
  Here only classes from trusted modules are written or restored, `py/repr` and
  `py/mod` are refused, and a class that no longer exists is an error, not a dict.

Documents are flattened without jsonpickle's `py/id` back-references: PostgreSQL's
JSONB reorders object keys, and those references count objects in document order.
An object shared by two parts of the state is therefore stored twice; a cycle is
stored as its `repr` (botbuilder's dialogs keep neither).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from botbuilder.core import Storage, StoreItem
from jsonpickle.pickler import Pickler
from jsonpickle.unpickler import Unpickler

from domain.chat import DocumentWrite, StoredDocument
from domain.errors import StaleDocument
from domain.ports import StateDocuments

E_TAG = "e_tag"
WILDCARD = "*"

TRUSTED = (
    "botbuilder",
    "botframework",
    "datetime.date",
    "datetime.datetime",
    "datetime.time",
    "datetime.timedelta",
    "datetime.timezone",
    "decimal.Decimal",
    "uuid.UUID",
    "collections.OrderedDict",
    "isodate.tzinfo",
)
NAMING_TAGS = ("py/object", "py/type", "py/function")
REFUSED_TAGS = ("py/repr", "py/mod")


class StateConflict(StaleDocument):
    """The item was written with an e_tag that is no longer the stored one."""

    def __init__(self, key: str, e_tag: str | None) -> None:
        Exception.__init__(
            self, f"Etag conflict on {key!r}: e_tag {e_tag!r} is no longer the stored one"
        )
        self.key = key
        self.e_tag = e_tag


class InvalidStateRequest(ValueError):
    """A call botbuilder's storages refuse too: no keys, no changes, an empty e_tag."""


class UntrustedStateType(TypeError):
    """State names a class outside the trusted modules; restoring it could run any code."""

    def __init__(self, key: str, name: str) -> None:
        super().__init__(
            f"state {key!r} names {name!r}, which is not in a trusted module; "
            "add its module to StateStorage(trusted=…) if it is yours"
        )
        self.key = key
        self.name = name


class StateStorage(Storage):  # type: ignore[misc]  # untyped SDK class
    """`trusted` adds dotted names (a module trusts everything inside it) to `TRUSTED`."""

    def __init__(self, documents: StateDocuments, *, trusted: Iterable[str] = ()) -> None:
        super().__init__()
        self._documents = documents
        self._trusted = (*TRUSTED, *trusted)

    async def read(self, keys: Iterable[str] | None) -> dict[str, Any]:
        if keys is None:
            raise InvalidStateRequest("Keys are required when reading")
        stored = await self._documents.read(list(keys))
        return {key: self._restore(key, document) for key, document in stored.items()}

    async def write(self, changes: Mapping[str, Any] | None) -> None:
        if changes is None:
            raise InvalidStateRequest("Changes are required when writing")
        if not changes:
            return
        writes = {key: self._document_write(key, item) for key, item in changes.items()}
        try:
            e_tags = await self._documents.write(writes)
        except StaleDocument as stale:
            raise StateConflict(stale.key, writes[stale.key].expected_e_tag) from stale
        for key, e_tag in e_tags.items():
            _set_e_tag(changes[key], e_tag)

    async def set_values(self, key: str, values: Mapping[str, str]) -> None:
        """Plain text values into the item at `key`, without loading it (one write)."""
        await self._documents.merge(key, values)

    async def delete(self, keys: Iterable[str] | None) -> None:
        if keys is None:
            raise InvalidStateRequest("Keys are required when deleting")
        await self._documents.delete(list(keys))

    def _document_write(self, key: str, item: Any) -> DocumentWrite:
        e_tag = _e_tag_of(item)
        if e_tag == "":
            raise InvalidStateRequest(f"e_tag missing for {key!r}: use '*' to overwrite")
        if e_tag is not None and not isinstance(e_tag, str):
            raise InvalidStateRequest(f"e_tag of {key!r} must be a string, not {e_tag!r}")
        document = Pickler(make_refs=False).flatten(item)
        if not isinstance(document, dict):
            raise TypeError(f"state {key!r} must be a dict or an object, not {type(item).__name__}")
        document.pop(E_TAG, None)
        self._ensure_trusted(key, document)
        return DocumentWrite(document=document, expected_e_tag=e_tag)

    def _restore(self, key: str, stored: StoredDocument) -> Any:
        document = {**stored.document, E_TAG: stored.e_tag}
        self._ensure_trusted(key, document)
        return Unpickler(safe=True, on_missing="error").restore(document)

    def _ensure_trusted(self, key: str, document: dict[str, Any]) -> None:
        for name in _named_classes(document):
            if not any(name == entry or name.startswith(f"{entry}.") for entry in self._trusted):
                raise UntrustedStateType(key, name)


def _named_classes(value: Any) -> Iterator[str]:
    """Every class or function a jsonpickle document would import, and any refused tag."""
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, dict):
            for tag, inner in current.items():
                if tag in REFUSED_TAGS:
                    yield tag
                elif tag in NAMING_TAGS:
                    yield inner if isinstance(inner, str) else repr(inner)
                pending.append(inner)
        elif isinstance(current, list):
            pending.extend(current)


def _e_tag_of(item: Any) -> Any:
    if isinstance(item, dict):
        return item.get(E_TAG)
    return getattr(item, E_TAG, None)


def _set_e_tag(item: Any, e_tag: str) -> None:
    if isinstance(item, dict):
        item[E_TAG] = e_tag
    elif isinstance(item, StoreItem) or hasattr(item, E_TAG):
        item.e_tag = e_tag
