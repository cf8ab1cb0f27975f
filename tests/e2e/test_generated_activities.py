"""Generated activities: the shapes Teams sends, with fields removed or replaced by values
of every kind, posted through the signed endpoint.

Whatever arrives, the answer is a 2xx, a 4xx with a JSON `{"error", "message"}` body, or
a 501 for an invoke the bot does not serve: never another 5xx. A refused activity changes
no row and is answered nothing in Teams. Bounded and deterministic like the REST API's
fuzzing: a fixed number of examples, a derandomised seed, no example database, no
deadline, no shrinking (a failure is reported as generated).
"""

from __future__ import annotations

import asyncio
import copy
import json
from dataclasses import dataclass, field
from typing import Any

import requests
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.replay import changes, state, teams_service
from tests.e2e.service import Service, file_ticket, user_id_of, user_in_teams
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.unit.bot.cards.reading import walk

__all__ = ["teams_service"]  # the fixture

EXAMPLES = 250
GENERATION = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.generate],
)
ODD_VALUES = [
    None, True, False, 0, -1, 2**63, -(2**63) - 1, 10**400, 1.5, 1e308, "", " ", "\x00",
    "a\x00b", "\u202eevil", "\u200b\u2060", "\ud83d", "x" * 3000, "9" * 500, "TKT-2026-0001",
    "me", "team:", "team:-1", "team:abc", "resolved", "2026-13-45", "null", [], {}, [None],
    [[]], {"id": None}, {"id": 5}, {"id": ""}, {"": ""}, ["a", 1], {"x": {"y": [1]}},
]
VALUES = st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=30), st.integers(),
                   st.floats(allow_nan=False, allow_infinity=False))
DATA_KEYS = [
    "title", "description", "category", "priority", "severity", "due_date", "tags",
    "assignee", "status", "comment", "query", "offset", "nonce", "message_id", "helpful",
    "request", "for", "ticket_id", "version", "verb", "msteams", "data", "action",
    "commandId", "messagePayload", "url", "queryText", "queryOptions", "dataset", "trigger",
]
"""Keys the bot reads in an invoke's or a submit's value: added where they were not."""
Path = tuple[Any, ...]


@dataclass
class Report:
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


async def test_a_generated_activity_is_answered_or_refused_never_a_500_nor_half_written(
    teams_service: Service, engine: AsyncEngine
) -> None:
    service = teams_service
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace", role="admin")
    service.teams.user = ada
    await service.say("hi", user=ada)
    seeds = await _seeds(service, engine)
    loop = asyncio.get_running_loop()
    report = Report()

    def post_generated() -> None:
        with requests.Session() as session:
            session.headers.update(dict(service.session.headers))

            @GENERATION
            @given(st.data())
            def example(data: st.DataObject) -> None:
                activity = copy.deepcopy(data.draw(st.sampled_from(seeds)))
                activity["id"] = data.draw(st.uuids()).hex
                made = [_change(activity, data) for _ in range(data.draw(st.integers(1, 3)))]
                body = json.dumps(activity)
                before = asyncio.run_coroutine_threadsafe(state(engine), loop).result()
                calls = len(service.connector.calls)
                answer = session.post(f"{service.base_url}/api/messages", data=body, timeout=120,
                                      headers={"Content-Type": "application/json"})
                after = asyncio.run_coroutine_threadsafe(state(engine), loop).result()
                status = answer.status_code
                report.statuses[status] = report.statuses.get(status, 0) + 1
                what = f"{activity.get('type')!r} {activity.get('name')!r} after {made}"
                if status >= 500 and status != 501:
                    report.failures.append(f"{status} {answer.text[:200]} for {what}")
                elif status >= 400:
                    if set(_json(answer.text)) != {"error", "message"}:
                        report.failures.append(f"{status} without an error body for {what}")
                    if changes(before, after):
                        report.failures.append(
                            f"{status} but changed {changes(before, after)} for {what}")
                    if _answered(service, calls, activity.get("id")):
                        report.failures.append(f"{status} but answered in Teams for {what}")

            example()

    await asyncio.to_thread(post_generated)

    print(f"generated activities: statuses {sorted(report.statuses.items())}")
    assert report.failures == [], "\n".join(report.failures[:20])
    assert sum(report.statuses.values()) == EXAMPLES
    assert report.statuses.get(200, 0) > 0 and report.statuses.get(400, 0) > 0
    assert (await service.say("my tickets", user=ada)).cards  # and the service goes on


async def _seeds(service: Service, engine: AsyncEngine) -> list[dict[str, Any]]:
    """One activity of each kind the bot acts on, about tickets Ada may act on."""
    t: TeamsActivities = service.teams
    ada = await user_id_of(engine, "ada@example.com")
    open_ticket = await file_ticket(engine, ada, "Printer jams on floor 3")
    resolved = await file_ticket(engine, ada, "VPN drops", status="resolved")
    on_open = {"ticket_id": open_ticket.id, "version": open_ticket.version}
    on_resolved = {"ticket_id": resolved.id, "version": resolved.version}
    listed = await service.say("list my tickets")
    pages = [dict(node["data"]) for card in listed.cards for node in walk(card)
             if node.get("verb") == "tickets.page" and isinstance(node.get("data"), dict)]
    return [
        t.personal_message(f"ticket {open_ticket.ticket_number}"),
        t.personal_message("new ticket printer jam"),
        t.personal_message("", value={"msteams": {"type": "imBack", "value": "ticket 1"}}),
        t.channel_message("list my tickets"),
        t.card_action("ticket.status", {**on_open, "status": "resolved"}),
        t.card_action("ticket.assign", {**on_open, "assignee": "me"}),
        t.card_action("ticket.comment", {**on_open, "comment": "Toner swapped"}),
        t.card_action("ticket.edit", {**on_open, "title": "Printer jams on floor 4"}),
        t.card_action("ticket.refresh", on_open),
        t.card_action("ticket.create", {"title": "Mouse dead", "category": "support",
                                        "nonce": "a1b2c3d4e5f6"}),
        t.card_action("ticket.still_broken", {**on_resolved, "comment": "Still drops"}),
        t.card_action("ticket.fixed", on_resolved),
        *[t.card_action("tickets.page", page) for page in pages[:1]],
        t.card_action("help.feedback", {"message_id": 1, "helpful": True}),
        t.card_action("help.escalate", {"message_id": 1}),
        t.card_action("request.confirm", {"request": "x", "for": t.user.id, "nonce": "a1b2c3d4e5"}),
        t.card_submit({"verb": "ticket.status", **on_open, "status": "on_hold"}),
        t.card_submit({"verb": "ticket.create", "title": "Dock flickers", "category": "support"}),
        t.search("ad"),
        t.fetch_task("createTicket", message_text="Wifi in Berlin is down"),
        t.submit_action("createTicket", {"verb": "ticket.create", "title": "Wifi down",
                                         "category": "incident"}, message_text="Wifi down"),
        t.link_pasted(f"https://ticketflow.example.com/tickets/{open_ticket.id}"),
        t.installation_update("add", in_team=True),
        t.bot_added_to_team(),
        t.bot_added_to_personal_chat(),
    ]


def _change(activity: dict[str, Any], data: st.DataObject) -> str:
    """Removes or replaces one part of `activity`, most often inside its `value` (what the
    bot reads of an invoke or a submit), sometimes adding a key it reads; says what."""
    places = _paths(activity)
    inside = [path for path in places if path[:1] == ("value",) and len(path) > 1]
    if inside and data.draw(st.integers(0, 3)) > 0:
        places = inside
        holders = [path for path in inside if isinstance(_at(activity, path), dict)]
        if holders and data.draw(st.booleans()):
            places = [data.draw(st.sampled_from(holders)) + (data.draw(st.sampled_from(DATA_KEYS)),)]
    path = data.draw(st.sampled_from(places))
    parent = _at(activity, path[:-1])
    if isinstance(parent, dict) and data.draw(st.booleans()):
        parent.pop(path[-1], None)
        return f"{'.'.join(map(str, path))} removed"
    value = copy.deepcopy(data.draw(VALUES))
    parent[path[-1]] = value
    return f"{'.'.join(map(str, path))} = {repr(value)[:40]}"


def _paths(node: Any, prefix: Path = ()) -> list[Path]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list) and len(node) < 50:
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _at(node: Any, path: Path) -> Any:
    for step in path:
        node = node[step]
    return node


def _json(text: str) -> dict[str, Any]:
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _answered(service: Service, since: int, activity_id: object) -> bool:
    """Whether anything was posted to Teams in reply to the activity `activity_id`."""
    if not isinstance(activity_id, str):
        return False
    for call in service.connector.calls[since:]:
        body = call.body if isinstance(call.body, dict) else {}
        if activity_id in (call.activity_id, body.get("replyToId")):
            return True
    return False
