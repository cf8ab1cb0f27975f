"""Every published Teams shape, each of its fields in turn removed or replaced by a value of
another kind (null, a number, an empty string, a list, an object), posted through the signed
endpoint. Where `test_generated_activities` draws a few hundred random changes from the
activities the bot acts on, this walks each field of the shapes it mostly leaves alone
(reactions, edits, deletes, team and channel events, installs, meeting events, invokes it
does not serve) and of a message in a meeting chat, once, in a fixed order.

Whatever arrives, the answer is a 2xx, a 4xx with a JSON `{"error", "message"}` body, or
a 501 for an invoke the bot does not serve: never another 5xx. A refused activity changes
no row, no conversation reference, and is answered nothing in Teams."""

from __future__ import annotations

import asyncio
import copy
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import requests
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.replay import Build, changes, known_everywhere, state, teams_service
from tests.e2e.service import Service
from tests.e2e.teams_doubles import published as p
from tests.e2e.teams_doubles import published_edges as e
from tests.e2e.teams_doubles.activities import TeamsActivities

__all__ = ["teams_service"]  # the fixture

REPLACEMENTS: tuple[object, ...] = (None, 7, "", [], {"x": 1})
"""What each field is replaced with, besides being removed: the kinds JSON has, each the
wrong one for most fields."""
EVERY_REPLACEMENT = os.environ.get("TICKETFLOW_SWEEP_ALL") == "1"
"""Set, each field gets every replacement (about 3,500 posts, 4 minutes); unset, one of
them (about 1,100 posts, a minute)."""
DEEPEST = 4
"""Fields deeper than this (a Graph message's `from.user.displayName`) are left as they are:
their parents are replaced instead."""


def meeting_chat_message(t: TeamsActivities) -> dict[str, Any]:
    """A message in a meeting's chat: a group chat whose channelData names the meeting."""
    activity: dict[str, Any] = p.group_chat_mention("help")(t)
    activity["channelData"]["meeting"] = {
        "id": "MCMxOTptZWV0aW5nX05qQXlOMlEzWTJFdE1URTBNaTAwWWpSaUxUZzFOVEV0"}
    return activity


SEEDS: list[tuple[str, Build]] = [
    ("messageReaction", p.reaction("reactionsAdded", "like", in_channel=True)),
    ("messageUpdate", p.edited("messageUpdate", "editMessage", in_channel=False)),
    ("messageDelete", p.edited("messageDelete", "softDeleteMessage", in_channel=True)),
    ("conversationUpdate-channelRenamed", p.channel_event("channelRenamed")),
    ("conversationUpdate-channelDeleted", p.channel_event("channelDeleted")),
    ("conversationUpdate-teamArchived", p.team_event("teamArchived")),
    ("conversationUpdate-teamMemberAdded", p.person_joined_team),
    ("conversationUpdate-bot-added-to-group-chat", p.bot_added_to_group_chat),
    ("conversationUpdate-bot-removed-from-team", lambda t: t.bot_removed_from_team()),
    ("installationUpdate-add-group-chat", p.installed("add", where="groupChat")),
    ("installationUpdate-remove-team", p.installed("remove", where="team")),
    ("event-meetingStart", p.meeting_event("application/vnd.microsoft.meetingStart",
                                           p.MEETING_START)),
    ("event-meetingParticipantJoin", p.meeting_event(
        "application/vnd.microsoft.meetingParticipantJoin", p.PARTICIPANTS)),
    ("message-in-a-meeting-chat", meeting_chat_message),
    ("message-with-a-file", p.file_only),
    ("message-with-an-inline-image", p.inline_image_only),
    ("messageBack", e.message_back("help", {"source": "welcome"})),
    ("invoke-composeExtension-query", p.invoke("composeExtension/query", {
        "commandId": "searchCmd", "parameters": [{"name": "searchKeyword", "value": "printer"}],
        "queryOptions": {"skip": 0, "count": 25}})),
    ("invoke-botMessagePreviewAction", e.preview_action("send")),
    ("invoke-fetchTask-on-an-apps-message", p.message_action(
        "composeExtension/fetchTask", lambda t: p.message_payload(
            t, "<p>Build 1234 failed</p>", author="application",
            attachments=[p.CARD_ATTACHMENT]))),
    ("invoke-queryLink", p.invoke("composeExtension/queryLink", {
        "url": "https://ticketflow.example.com/tickets/1"})),
    ("invoke-fileConsent", p.invoke("fileConsent/invoke", {
        "type": "fileUpload", "action": "accept", "context": {"filename": "report.txt"},
        "uploadInfo": {"contentUrl": "https://contoso.sharepoint.com/report.txt",
                       "name": "report.txt", "uploadUrl": "https://upload.example/x"}})),
    ("invoke-message-submitAction-feedback", p.invoke("message/submitAction", {
        "actionName": "feedback",
        "actionValue": {"reaction": "like", "feedback": "{\"feedbackText\":\"ok\"}"}})),
]

Path = tuple[str | int, ...]


@dataclass
class Report:
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


ENVELOPE = frozenset({"type", "id", "timestamp", "localTimestamp", "channelId", "serviceUrl",
                      "from", "recipient", "entities", "locale", "localTimezone"})
"""Fields every activity carries the same way, whatever its kind: changed in the first
seed of each kind (`type`) only, the rest of the time left as they are."""


def variants(
    activity: dict[str, Any], *, envelope: bool = True
) -> Iterator[tuple[str, dict[str, Any]]]:
    """`activity` with one field removed, or replaced by each of `REPLACEMENTS`; its
    `ENVELOPE` fields too when `envelope`."""
    for number, path in enumerate(_paths(activity)):
        if not envelope and path[0] in ENVELOPE:
            continue
        shown = ".".join(map(str, path))
        if isinstance(path[-1], str):
            changed = copy.deepcopy(activity)
            del _at(changed, path[:-1])[path[-1]]
            yield f"{shown} removed", changed
        for value in _replacements(number):
            if value == _at(activity, path):
                continue
            changed = copy.deepcopy(activity)
            _at(changed, path[:-1])[path[-1]] = copy.deepcopy(value)
            yield f"{shown} = {value!r}", changed


def _replacements(number: int) -> tuple[object, ...]:
    """`REPLACEMENTS` with `EVERY_REPLACEMENT`, else one of them, in turn from field to
    field: every kind of value reaches fields of every depth, in a run a third as long."""
    if EVERY_REPLACEMENT:
        return REPLACEMENTS
    return (REPLACEMENTS[number % len(REPLACEMENTS)],)


def _paths(node: Any, prefix: Path = ()) -> list[Path]:
    found: list[Path] = [prefix] if prefix else []
    if len(prefix) >= DEEPEST:
        return found
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:2]):
            found += _paths(value, (*prefix, index))
    return found


def _at(node: Any, path: Path) -> Any:
    for step in path:
        node = node[step]
    return node


async def test_each_field_of_a_published_shape_changed_is_answered_or_refused_never_a_500(
    teams_service: Service, engine: AsyncEngine
) -> None:
    service = teams_service
    await known_everywhere(service, engine)
    loop = asyncio.get_running_loop()
    report = Report()
    seeds = [(name, build(service.teams)) for name, build in SEEDS]

    def post_all() -> None:
        with requests.Session() as session:
            session.headers.update(dict(service.session.headers))
            kinds: set[object] = set()
            for number, (name, seed) in enumerate(seeds):
                first_of_its_kind = seed["type"] not in kinds
                kinds.add(seed["type"])
                for index, (made, activity) in enumerate(
                        variants(seed, envelope=first_of_its_kind)):
                    activity["id"] = f"sweep-{number}-{index}"
                    before = asyncio.run_coroutine_threadsafe(state(engine), loop).result()
                    calls = len(service.connector.calls)
                    answer = session.post(
                        f"{service.base_url}/api/messages", data=json.dumps(activity),
                        timeout=120, headers={"Content-Type": "application/json"})
                    status = answer.status_code
                    report.statuses[status] = report.statuses.get(status, 0) + 1
                    what = f"{name} with {made}"
                    if status >= 500 and status != 501:
                        report.failures.append(f"{status} {answer.text[:160]} for {what}")
                    elif status >= 400 and status != 501:
                        after = asyncio.run_coroutine_threadsafe(state(engine), loop).result()
                        if set(_json(answer.text)) != {"error", "message"}:
                            report.failures.append(f"{status} without an error body for {what}")
                        if changes(before, after):
                            report.failures.append(
                                f"{status} but changed {changes(before, after)} for {what}")
                        if _answered(service, calls, activity["id"]):
                            report.failures.append(f"{status} but answered in Teams for {what}")

    await asyncio.to_thread(post_all)

    print(f"published shapes changed: statuses {sorted(report.statuses.items())}")
    assert report.failures == [], "\n".join(report.failures[:30])
    assert report.statuses.get(200, 0) > 0 and report.statuses.get(400, 0) > 0
    # and the service goes on (an invoke: replies to the messages may still be paced)
    goes_on = await service.post(service.teams.search("ad"))
    assert goes_on.status == 200 and "results" in goes_on.json["value"], goes_on.text


def _answered(service: Service, since: int, activity_id: str) -> bool:
    """Whether anything was posted to Teams in reply to the activity `activity_id` (the
    outbox worker may post notifications of earlier turns meanwhile)."""
    for call in service.connector.calls[since:]:
        body = call.body if isinstance(call.body, dict) else {}
        if activity_id in (call.activity_id, body.get("replyToId")):
            return True
    return False


def _json(text: str) -> dict[str, Any]:
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}
