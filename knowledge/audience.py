"""Who may read a help document: everyone, or only some roles (agent-only runbooks).

A document without an audience is for everyone, as every document the web app
stored before is. A restricted document is never searched for anyone outside
its roles, so its passages, citations and title cannot reach them in an answer,
in the stored exchange, or in the prompt of a model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from domain.errors import InvalidValue
from domain.people import Role
from knowledge.passages import Passage, SourceKind

EVERYONE = "everyone"
STAFF = "staff"
STAFF_ROLES = frozenset({Role.ADMIN, Role.MANAGER, Role.USER})
"""Everyone but customers: the people who work the tickets."""

Restrictions = Mapping[tuple[SourceKind, int], frozenset[Role]]
"""Per restricted source, the roles that may read it; sources not listed are for everyone."""


def parse_audience(text: str) -> frozenset[Role] | None:
    """`everyone`, `staff`, or roles separated by commas (`admin,manager`); None is everyone."""
    names = [name.strip().casefold() for name in text.split(",") if name.strip()]
    if not names:
        raise InvalidValue("audience", "say who may read it: everyone, staff, or roles")
    if names == [EVERYONE]:
        return None
    roles: set[Role] = set()
    for name in names:
        if name == STAFF:
            roles |= STAFF_ROLES
            continue
        role = _role(name)
        if role is None:
            allowed = ", ".join([EVERYONE, STAFF, *(role.value for role in Role)])
            raise InvalidValue("audience", f"{name!r} is not one of: {allowed}")
        roles.add(role)
    return frozenset(roles) if roles != set(Role) else None


def describe(roles: Iterable[Role] | None) -> str:
    """An audience as `docs list` shows it."""
    chosen = frozenset(roles) if roles is not None else None
    if not chosen or chosen == frozenset(Role):
        return EVERYONE
    if chosen == STAFF_ROLES:
        return STAFF
    return ",".join(sorted(role.value for role in chosen))


@dataclass(frozen=True, slots=True)
class ShelvedDocument:
    """A searchable source (indexed, with text) as someone asking what there is sees it."""

    title: str
    audience: frozenset[Role] | None
    """The roles that may read it; None is everyone."""


def readable_titles(shelved: Iterable[ShelvedDocument], reader: Role | None) -> list[str]:
    """The titles `reader` (None: everyone, as in a channel) may read, in reading order."""
    titles = {document.title.strip() for document in shelved
              if document.title.strip() and (document.audience is None or (
                  reader is not None and reader in document.audience))}
    return sorted(titles, key=str.casefold)


def may_read(passage: Passage, restrictions: Restrictions, reader: Role | None) -> bool:
    """Whether `reader` (None: someone whose role is unknown) may read the passage's source."""
    return may_read_source((passage.source, passage.document_id), restrictions, reader)


def may_read_source(
    source: tuple[SourceKind, int], restrictions: Restrictions, reader: Role | None
) -> bool:
    """Whether `reader` may read a source (a kind and its id)."""
    roles = restrictions.get(source)
    return roles is None or (reader is not None and reader in roles)


def readers_of(passages: Iterable[Passage], restrictions: Restrictions) -> frozenset[Role] | None:
    """The roles that may read every one of the passages (None: everyone may)."""
    readers: frozenset[Role] | None = None
    for passage in passages:
        roles = restrictions.get((passage.source, passage.document_id))
        if roles is not None:
            readers = roles if readers is None else readers & roles
    return readers


def readable(
    passages: Sequence[Passage], restrictions: Restrictions, reader: Role | None
) -> list[Passage]:
    return [passage for passage in passages if may_read(passage, restrictions, reader)]


def _role(name: str) -> Role | None:
    for role in Role:
        if name in (role.value, f"{role.value}s"):
            return role
    return None
