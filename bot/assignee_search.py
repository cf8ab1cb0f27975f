"""The assign picker's typeahead: Teams' `application/search` invoke, answered with matches.

The picker on a ticket card carries the viewer and their teams; everyone else is found
here as the person types, under the same rule as assigning (`domain.services.overview`):
staff find every active colleague and team, an agent only themselves and their teams,
a customer nothing. Teams sends (msteams-docs, "Typeahead search in Adaptive Cards"):

    {"type": "invoke", "name": "application/search",
     "value": {"queryText": "lee", "queryOptions": {"skip": 0, "top": 15},
               "dataset": "ticketflow.assignees"}}

and shows the `results` of an `application/vnd.microsoft.search.searchResponse`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.cards.verbs import ASSIGNEE_DATASET
from bot.context import BotDependencies
from domain.access import Viewer
from domain.services.overview import SEARCH_RESULTS, assignee_search

SEARCH_INVOKE = "application/search"
SEARCH_RESPONSE = "application/vnd.microsoft.search.searchResponse"
MAX_QUERY_TEXT = 100
MAX_SKIP = 1000


@dataclass(frozen=True, slots=True)
class AssigneeQuery:
    text: str
    top: int = SEARCH_RESULTS
    skip: int = 0


def assignee_query(value: object) -> AssigneeQuery | str:
    """The query of an `application/search` invoke, or why it is not one we answer."""
    if not isinstance(value, dict):
        return "The search carries no query."
    if value.get("dataset") != ASSIGNEE_DATASET:
        shown = value.get("dataset")
        shown = shown[:40] if isinstance(shown, str) else "none"
        return f"This search ({shown}) is not one I know."
    text = value.get("queryText", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        return "The search text is not text."
    options = value.get("queryOptions") or {}
    if not isinstance(options, dict):
        return "The search options are not an object."
    top = _count(options.get("top"), default=SEARCH_RESULTS, highest=SEARCH_RESULTS)
    skip = _count(options.get("skip"), default=0, highest=MAX_SKIP)
    if top is None or skip is None:
        return "The search options are not whole numbers."
    return AssigneeQuery(text=text.strip()[:MAX_QUERY_TEXT], top=max(top, 1), skip=skip)


def _count(value: object, *, default: int, highest: int) -> int | None:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return min(value, highest)


async def search_response(
    deps: BotDependencies, viewer: Viewer, query: AssigneeQuery
) -> dict[str, Any]:
    found = await assignee_search(
        uow=deps.uow().reading(), actor=viewer, text=query.text, limit=query.top, skip=query.skip
    )
    results = [{"title": choice.title, "value": choice.assignee.label} for choice in found]
    return {"type": SEARCH_RESPONSE, "value": {"results": results}}
