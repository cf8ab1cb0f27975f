"""A queued reply as it may leave: messages about a ticket its viewer may no longer see are
withheld, a list loses those rows, the rest leaves as drawn, addressed as drawn."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from notify.reply_contents import (
    ANSWER_NO_LONGER_AVAILABLE,
    NO_LONGER_AVAILABLE,
    NONE_AVAILABLE,
    ReplyContents,
    Shown,
    UnreadableContents,
    as_it_may_leave,
)

ADDRESS = {
    "type": "message",
    "conversation": {"id": "a:1personal-aad-xavier"},
    "recipient": {"id": "29:xavier"},
    "from": {"id": "28:bot"},
    "replyToId": "1712345678901",
    "serviceUrl": "https://smba.trafficmanager.net/emea/",
}


def _card_message(*body: dict[str, Any]) -> dict[str, Any]:
    card = {"type": "AdaptiveCard", "version": "1.5", "body": list(body)}
    return {**ADDRESS, "attachments": [
        {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
    ]}


def _row(ticket: int, title: str) -> dict[str, Any]:
    return {"type": "Container", "id": f"ticket-row-{ticket}",
            "items": [{"type": "TextBlock", "text": title}]}


def _texts(activity: dict[str, Any]) -> list[str]:
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("text"), str):
                found.append(value["text"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(activity)
    return found


TICKET_CARD = _card_message({"type": "TextBlock", "text": "Payroll export leaks salaries"})
LIST = _card_message(
    {"type": "TextBlock", "text": "My tickets"},
    {"type": "TextBlock", "text": "1–3 of 3"},
    _row(42, "Payroll export leaks salaries"),
    _row(43, "Badge reader is dead"),
    {"type": "Container", "items": [_row(44, "Printer jams")]},  # nested: found anywhere
)
TEXT = {**ADDRESS, "text": "Anything else?"}
REPLY = [TICKET_CARD, LIST, TEXT]
CONTENTS = ReplyContents(
    viewer_id="u-xavier",
    messages=(Shown(tickets=(42,)),
              Shown(rows={"ticket-row-42": 42, "ticket-row-43": 43, "ticket-row-44": 44}),
              Shown()),
)


def test_what_the_viewer_may_still_see_leaves_as_drawn() -> None:
    assert as_it_may_leave(REPLY, CONTENTS, {42, 43, 44}) == REPLY


def test_a_message_about_a_ticket_out_of_sight_becomes_one_line_addressed_as_drawn() -> None:
    [withheld, *_] = as_it_may_leave(REPLY, CONTENTS, {43, 44})

    assert withheld == {**ADDRESS, "text": NO_LONGER_AVAILABLE, "textFormat": "plain"}


def test_a_list_loses_only_the_rows_out_of_sight_wherever_they_sit() -> None:
    original = copy.deepcopy(REPLY)
    _, listed, text = as_it_may_leave(REPLY, CONTENTS, {43})

    assert _texts(listed) == ["My tickets", "1–3 of 3", "Badge reader is dead"]
    assert {key: value for key, value in listed.items() if key != "attachments"} == ADDRESS
    assert text == TEXT
    assert REPLY == original  # the stored reply is not changed: a retry decides again


def test_a_list_with_every_row_out_of_sight_says_so() -> None:
    _, listed, _ = as_it_may_leave(REPLY, CONTENTS, set())

    assert listed == {**ADDRESS, "text": NONE_AVAILABLE, "textFormat": "plain"}


def test_contents_survive_the_outbox_payload() -> None:
    assert ReplyContents.from_json(CONTENTS.to_json()) == CONTENTS
    assert CONTENTS.ticket_ids == {42, 43, 44}


@pytest.mark.parametrize("stored", [
    None,
    [],
    {"viewer": 7, "messages": []},
    {"viewer": "u-xavier"},
    {"viewer": "u-xavier", "messages": [{"tickets": ["42"]}]},
    {"viewer": "u-xavier", "messages": [{"tickets": [True]}]},
    {"viewer": "u-xavier", "messages": [{"rows": {"ticket-row-42": "42"}}]},
    {"viewer": "u-xavier", "messages": ["42"]},
    {"viewer": "u-xavier", "messages": [{"drawn_for": 1}]},
    {"viewer": "u-xavier", "messages": [{"drawn_for": "user", "read_by": "manager"}]},
    {"viewer": "u-xavier", "messages": [{"drawn_for": "user", "read_by": [1]}]},
])
def test_a_record_this_code_did_not_write_is_refused(stored: object) -> None:
    with pytest.raises(UnreadableContents):
        ReplyContents.from_json(stored)


def test_a_record_that_does_not_match_the_messages_is_refused() -> None:
    with pytest.raises(UnreadableContents):
        as_it_may_leave(REPLY[:2], CONTENTS, {42, 43, 44})


ANSWER = {**ADDRESS, "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive",
                                      "content": {"type": "AdaptiveCard", "body": []}}]}
DRAWN_FOR_AN_AGENT = ReplyContents(viewer_id="u-xavier", messages=(Shown(drawn_for="user"),))


@pytest.mark.parametrize(("role", "leaves"), [("user", True), ("customer", False),
                                              ("manager", False), (None, False)])
def test_a_help_answer_queued_before_its_readers_were_recorded_leaves_only_for_its_role(
    role: str | None, leaves: bool
) -> None:
    [left] = as_it_may_leave([ANSWER], DRAWN_FOR_AN_AGENT, set(), role=role)

    assert left == (ANSWER if leaves else {
        **ADDRESS, "text": ANSWER_NO_LONGER_AVAILABLE, "textFormat": "plain"})
    assert ReplyContents.from_json(DRAWN_FOR_AN_AGENT.to_json()) == DRAWN_FOR_AN_AGENT


STAFF_READ = ReplyContents(viewer_id="u-xavier", messages=(
    Shown(drawn_for="user", read_by=("admin", "manager", "user")),))
AGENTS_READ = ReplyContents(viewer_id="u-xavier", messages=(
    Shown(drawn_for="user", read_by=("user",)),))
EVERYONE_READ = ReplyContents(viewer_id="u-carla", messages=(
    Shown(drawn_for="customer", read_by=("admin", "customer", "manager", "user")),))


@pytest.mark.parametrize(("contents", "role", "leaves"), [
    (STAFF_READ, "user", True),
    (STAFF_READ, "manager", True),  # promoted: may read the staff runbook still
    (STAFF_READ, "admin", True),
    (STAFF_READ, "customer", False),
    (STAFF_READ, None, False),  # deactivated
    (AGENTS_READ, "user", True),
    (AGENTS_READ, "manager", False),  # an agents-only runbook is not a manager's
    (AGENTS_READ, "admin", False),
    (EVERYONE_READ, "customer", True),
    (EVERYONE_READ, "user", True),  # made an agent: still for everyone
    (EVERYONE_READ, None, False),
])
def test_a_help_answer_leaves_for_whoever_may_read_what_it_drew_on_when_it_leaves(
    contents: ReplyContents, role: str | None, leaves: bool
) -> None:
    [left] = as_it_may_leave([ANSWER], contents, set(), role=role)

    assert left == (ANSWER if leaves else {
        **ADDRESS, "text": ANSWER_NO_LONGER_AVAILABLE, "textFormat": "plain"})
    assert ReplyContents.from_json(contents.to_json()) == contents
