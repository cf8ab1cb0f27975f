"""Query parameters and path references, read as strictly as the document declares them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import TypeVar

from multidict import MultiMapping

from domain.tickets import Category, Priority, TicketFilter, TicketOrder, TicketStatus
from domain.validation import is_storable
from ticketflow.api.errors import ApiError
from ticketflow.api.schemas.openapi import (
    DAY_OR_INSTANT_PATTERN,
    ID_MAX,
    LIST_PARAMETERS,
    PAGE_DEFAULT,
    PAGE_MAX,
    SEARCH_MAX,
    TICKET_REF_PATTERN,
    USER_ID_MAX,
)

E = TypeVar("E", bound=StrEnum)
_INTEGER = re.compile(r"^-?[0-9]{1,12}$")
_TICKET_REF = re.compile(TICKET_REF_PATTERN)
_DAY_OR_INSTANT = re.compile(DAY_OR_INSTANT_PATTERN)
LIST_PARAMETER_NAMES = frozenset(parameter["name"] for parameter in LIST_PARAMETERS)


@dataclass(frozen=True, slots=True)
class TicketQuery:
    filter: TicketFilter
    limit: int
    offset: int
    order: TicketOrder = TicketOrder.UPDATED


def _bad(field: str, message: str) -> ApiError:
    return ApiError(400, "invalid_parameter", f"{field}: {message}", field=field)


def _single(params: MultiMapping[str], name: str) -> str | None:
    values = params.getall(name, [])
    if len(values) > 1:
        raise _bad(name, "give it once")
    if not values:
        return None
    value = values[0]
    if not is_storable(value):
        raise _bad(name, "contains characters that cannot be used")
    return value


def _integer(params: MultiMapping[str], name: str, *, default: int | None, low: int,
             high: int) -> int | None:
    text = _single(params, name)
    if text is None:
        return default
    if not _INTEGER.match(text):
        raise _bad(name, f"'{text[:20]}' is not a whole number")
    number = int(text)
    if not low <= number <= high:
        raise _bad(name, f"use {low} to {high}")
    return number


def _enums(params: MultiMapping[str], name: str, enum: type[E]) -> tuple[E, ...]:
    """`status=open,in_progress` (the document's form style), or the parameter repeated."""
    chosen: list[E] = []
    for value in params.getall(name, []):
        for item in filter(None, value.split(",")):
            try:
                member = enum(item)
            except ValueError:
                allowed = ", ".join(m.value for m in enum)
                raise _bad(name, f"'{item[:20]}' is not one of: {allowed}") from None
            if member not in chosen:
                chosen.append(member)
    return tuple(chosen)


def _order(params: MultiMapping[str]) -> TicketOrder:
    said = _single(params, "sort")
    if said is None:
        return TicketOrder.UPDATED
    try:
        return TicketOrder(said)
    except ValueError:
        allowed = ", ".join(order.value for order in TicketOrder)
        raise _bad("sort", f"'{said[:20]}' is not one of: {allowed}") from None


def _moment(params: MultiMapping[str], name: str) -> datetime | None:
    """A day (`2026-11-25`, its start in UTC) or an ISO 8601 instant with its offset
    (`2026-11-25T09:00:00Z`), as naive UTC."""
    text = _single(params, name)
    if text is None:
        return None
    try:
        if _DAY_OR_INSTANT.fullmatch(text) and len(text) == len("2026-11-25"):
            return datetime.combine(date.fromisoformat(text), time())
        if _DAY_OR_INSTANT.fullmatch(text):
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            return moment.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        pass
    raise _bad(name, f"'{text[:30]}' is not a date like 2026-11-25 or a time like "
                     "2026-11-25T09:00:00Z")


def _text(params: MultiMapping[str], name: str, *, limit: int) -> str | None:
    text = _single(params, name)
    if text is not None and len(text) > limit:
        raise _bad(name, f"keep it to {limit} characters")
    return text


def ticket_query(params: MultiMapping[str], *, actor_id: str) -> TicketQuery:
    unknown = sorted(set(params) - LIST_PARAMETER_NAMES)
    if unknown:
        raise _bad(unknown[0][:40], "unknown parameter; use: " + ", ".join(LIST_PARAMETER_NAMES))
    assignee = _text(params, "assignee", limit=USER_ID_MAX)
    if assignee == "":
        raise _bad("assignee", "give a user id or me")
    limit = _integer(params, "limit", default=PAGE_DEFAULT, low=1, high=PAGE_MAX)
    offset = _integer(params, "offset", default=0, low=0, high=ID_MAX)
    assert limit is not None and offset is not None
    return TicketQuery(
        filter=TicketFilter(
            statuses=_enums(params, "status", TicketStatus),
            categories=_enums(params, "category", Category),
            priorities=_enums(params, "priority", Priority),
            assignee_id=actor_id if assignee == "me" else assignee,
            team_id=_integer(params, "team", default=None, low=1, high=ID_MAX),
            text=_text(params, "q", limit=SEARCH_MAX) or None,
            updated_before=_moment(params, "updated_before"),
        ),
        limit=limit,
        offset=offset,
        order=_order(params),
    )


def ticket_ref(match_info: Mapping[str, str]) -> str | None:
    """The ticket id or number from the path; None when it cannot name a ticket."""
    ref = match_info["ticket"]
    if not _TICKET_REF.fullmatch(ref):
        return None
    if ref.isdigit() and not 0 < int(ref) <= ID_MAX:
        return None
    return ref
