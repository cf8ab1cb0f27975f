"""What a queued reply shows, and what of it may still leave.

A turn draws its reply for the person it answers, under the access rule as it was
then. Queued, the reply leaves a `Retry-After` later or more, and by then that person
may have lost sight of a ticket it shows (reassigned away, moved out of the team,
deactivated). So the turn records who the reply is for and which tickets each of its
messages shows, and the access rule is applied again when it leaves: a message about a
ticket they may no longer see becomes a short line saying so, and a list loses the rows
they may no longer see. What they may still see leaves as drawn.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from domain.access import can_see
from notify.ports import NoticeFactsReader

NO_LONGER_AVAILABLE = "This ticket is no longer available to you."
NONE_AVAILABLE = "These tickets are no longer available to you."
ANSWER_NO_LONGER_AVAILABLE = (
    "This answer was looked up for access you no longer have: please ask again."
)
_CONTENT_KEYS = (
    "attachments", "attachmentLayout", "suggestedActions", "summary", "speak", "value", "entities",
)


class UnreadableContents(ValueError):
    """A queued reply's record of what it shows is not one this code wrote."""


@dataclass(frozen=True, slots=True)
class Shown:
    """What one message of a reply shows."""

    tickets: tuple[int, ...] = ()
    """Tickets the whole message is about (a ticket card): one unseen withholds it."""
    rows: Mapping[str, int] = field(default_factory=dict)
    """Card elements, by their `id`, that each show one ticket (a list's rows)."""
    drawn_for: str | None = None
    """The role whose help documents the message (a help answer) was drawn from: leaving
    for a viewer whose role now may not read them all (`read_by`), or deactivated, it
    becomes a line saying so."""
    read_by: tuple[str, ...] | None = None
    """The roles that may read everything the answer drew on, as the access rule is applied
    when it leaves: made a manager, an agent still gets a staff runbook's answer; made a
    customer, not. Not recorded (a reply queued before it was): the role drawn for alone."""

    @property
    def anything(self) -> bool:
        return bool(self.tickets or self.rows or self.drawn_for)

    def may_leave_for(self, role: str | None) -> bool:
        """Whether a help answer drawn as recorded may leave for a viewer whose role is now
        `role` (None: gone or deactivated)."""
        if self.drawn_for is None:
            return True
        return role is not None and role in (self.read_by or (self.drawn_for,))

    def to_json(self) -> dict[str, Any]:
        drawn = {"drawn_for": self.drawn_for} if self.drawn_for is not None else {}
        read = {"read_by": list(self.read_by)} if self.read_by is not None else {}
        return {"tickets": list(self.tickets), "rows": dict(self.rows), **drawn, **read}

    @classmethod
    def from_json(cls, value: object) -> Shown:
        if not isinstance(value, Mapping):
            raise UnreadableContents(f"not a record of what a message shows: {value!r}")
        tickets, rows = value.get("tickets", []), value.get("rows", {})
        if not isinstance(tickets, list) or not all(_is_id(t) for t in tickets):
            raise UnreadableContents(f"ticket ids are not a list of ids: {tickets!r}")
        if not isinstance(rows, Mapping) or not all(
            isinstance(key, str) and _is_id(ticket) for key, ticket in rows.items()
        ):
            raise UnreadableContents(f"rows are not element ids with ticket ids: {rows!r}")
        drawn_for = value.get("drawn_for")
        if drawn_for is not None and not isinstance(drawn_for, str):
            raise UnreadableContents(f"the role drawn for is not a role: {drawn_for!r}")
        read_by = value.get("read_by")
        if read_by is not None and not (
                isinstance(read_by, list) and all(isinstance(r, str) for r in read_by)):
            raise UnreadableContents(f"the roles that may read it are not roles: {read_by!r}")
        return cls(tickets=tuple(tickets), rows=dict(rows), drawn_for=drawn_for,
                   read_by=None if read_by is None else tuple(read_by))


@dataclass(frozen=True, slots=True)
class ReplyContents:
    """Who a reply was drawn for, and what each of its messages shows, in order."""

    viewer_id: str | None
    """The TicketFlow user the turn answered; None when it could not tell (sees nothing)."""
    messages: tuple[Shown, ...]

    @property
    def ticket_ids(self) -> frozenset[int]:
        return frozenset(
            ticket for shown in self.messages
            for ticket in (*shown.tickets, *shown.rows.values())
        )

    def to_json(self) -> dict[str, Any]:
        return {"viewer": self.viewer_id, "messages": [shown.to_json() for shown in self.messages]}

    @classmethod
    def from_json(cls, value: object) -> ReplyContents:
        if not isinstance(value, Mapping):
            raise UnreadableContents(f"not a record of what a reply shows: {value!r}")
        viewer, messages = value.get("viewer"), value.get("messages")
        if viewer is not None and not isinstance(viewer, str):
            raise UnreadableContents(f"the viewer is not a user id: {viewer!r}")
        if not isinstance(messages, list):
            raise UnreadableContents(f"messages are not a list: {messages!r}")
        return cls(viewer_id=viewer, messages=tuple(Shown.from_json(m) for m in messages))


async def tickets_still_seen(facts: NoticeFactsReader, contents: ReplyContents) -> frozenset[int]:
    """Which of the tickets the reply shows its viewer may see now (the domain's rule)."""
    ids = contents.ticket_ids
    if not ids or contents.viewer_id is None:
        return frozenset()
    async with facts() as read:
        viewer = (await read.viewers([contents.viewer_id])).get(contents.viewer_id)
        if viewer is None:
            return frozenset()
        tickets = await read.tickets(ids)
    return frozenset(ticket_id for ticket_id, ticket in tickets.items() if can_see(viewer, ticket))


async def role_now(facts: NoticeFactsReader, contents: ReplyContents) -> str | None:
    """The role the reply's viewer has now, if a message was drawn for a role (None when
    none was, or the viewer is gone or deactivated)."""
    if contents.viewer_id is None or not any(m.drawn_for for m in contents.messages):
        return None
    async with facts() as read:
        viewer = (await read.viewers([contents.viewer_id])).get(contents.viewer_id)
    if viewer is None or not viewer.user.is_active:
        return None
    return viewer.role.value


def as_it_may_leave(
    activities: Sequence[Mapping[str, Any]], contents: ReplyContents, seen: Collection[int],
    *, role: str | None = None,
) -> list[dict[str, Any]]:
    """The reply's activities, in order, with what its viewer may no longer see taken out
    (`role`: the viewer's now, as `role_now` reads it)."""
    if len(contents.messages) != len(activities):
        raise UnreadableContents(
            f"{len(contents.messages)} records for {len(activities)} messages"
        )
    return [
        _as_it_may_leave(dict(activity), shown, seen, role)
        for activity, shown in zip(activities, contents.messages, strict=True)
    ]


def _as_it_may_leave(
    activity: dict[str, Any], shown: Shown, seen: Collection[int], role: str | None
) -> dict[str, Any]:
    if not shown.may_leave_for(role):
        return _saying(activity, ANSWER_NO_LONGER_AVAILABLE)
    if any(ticket not in seen for ticket in shown.tickets):
        return _saying(activity, NO_LONGER_AVAILABLE)
    unseen_rows = {element for element, ticket in shown.rows.items() if ticket not in seen}
    if not unseen_rows:
        return activity
    if len(unseen_rows) == len(shown.rows):
        return _saying(activity, NONE_AVAILABLE)
    attachments = activity.get("attachments")
    if isinstance(attachments, list):
        activity["attachments"] = _without(attachments, unseen_rows)
    return activity


def _saying(activity: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The same message, addressed as drawn, carrying only `text`."""
    plain = {key: value for key, value in activity.items() if key not in _CONTENT_KEYS}
    plain["text"] = text
    plain["textFormat"] = "plain"
    return plain


def _without(value: Any, element_ids: Collection[str]) -> Any:
    """`value` (card JSON) without the elements whose `id` is one of `element_ids`."""
    if isinstance(value, list):
        return [
            _without(item, element_ids) for item in value
            if not (isinstance(item, Mapping) and item.get("id") in element_ids)
        ]
    if isinstance(value, Mapping):
        return {key: _without(item, element_ids) for key, item in value.items()}
    return value


def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
