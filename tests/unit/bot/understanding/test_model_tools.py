"""The model's tools: generated from the command table, and read back into the same typed
requests (or a question back) — whatever a model writes in its arguments."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date

import jsonschema
import pytest

from bot.actions.confirmation import decode, encode, is_complete_change
from bot.actions.table import COMMANDS
from bot.actions.tools import LOOKUP, BadToolCall, read_call, tool_name, tools_for
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, CommentOnTicket, CreateTicket, EditTicket, Nobody, TeamTarget,
    UserTarget,
)
from bot.understanding.summary import summary
from domain.errors import InvalidValue
from domain.numbering import TicketNumber
from domain.people import Role
from domain.tickets import Category, Priority, TicketStatus
from tests.unit.bot.understanding.test_transcript import CONVERSATION, expanded

CALLS: tuple[tuple[str, dict[str, object], str], ...] = (
    ("show_ticket", {"ticket": "TKT-2026-0004"}, "show #4"),
    ("show_ticket", {"ticket": "tkt-2026-4"}, "show #4"),
    ("show_ticket", {"ticket": "#12"}, "show #12"),
    ("show_ticket", {"ticket": "ticket 4"}, "show #4"),
    ("show_ticket", {"ticket": "4"}, "show #4"),
    ("show_ticket", {"ticket": " 0004 "}, "show #4"),
    ("show_ticket", {"ticket": "it"}, "show #7"),
    ("show_ticket", {"ticket": "This one"}, "show #7"),
    ("show_ticket", {}, "show ?"),
    ("show_ticket", {"ticket": "INC-2025-0042"}, "show INC-2025-0042"),
    ("list_tickets", {}, "list all"),
    ("list_tickets", {"scope": "mine", "status": "in_progress"}, "list mine status=in_progress"),
    ("list_tickets", {"scope": "created", "text": "printer"}, "list created text='printer'"),
    ("list_tickets", {"priority": "URGENT", "status": "On Hold"},
     "list all status=on_hold priority=urgent"),
    ("list_tickets", {"scope": "mine", "status": None, "text": ""}, "list mine"),
    ("find_tickets", {"text": "vpn hotel wifi"}, "list all text='vpn hotel wifi'"),
    ("list_tickets", {"assignee": "Sam", "due_window": "overdue"},
     "list all assignee=user:u-sam due=overdue"),
    ("list_tickets", {"assignee": "team Network", "due_window": "this week"},
     "list all assignee=team:2 due=this_week"),
    ("list_tickets", {"assignee": "nobody"}, "list all assignee=nobody"),
    ("list_tickets", {"order": "oldest", "most": 3, "every_status": True},
     "list all status=any order=oldest top=3"),
    ("list_tickets", {"order": "Due", "scope": "mine"}, "list mine order=due"),
    ("list_tickets", {"assignee": "Lee"}, "ask list all: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("find_tickets", {"assignee": "Zed"}, "ask list all: I couldn't find “Zed”."),
    ("create_ticket", {"title": "Badge reader at door B is dead"},
     "create title='Badge reader at door B is dead'"),
    ("create_ticket", {"title": "VPN drops", "priority": "high", "category": "incident"},
     "create title='VPN drops' priority=high category=incident"),
    ("create_ticket", {"form": True}, "create form"),
    ("create_ticket", {"title": "Switch in room 4 is down", "to": "team Network",
                       "due": "2026-12-04"},
     "create title='Switch in room 4 is down' to=team:2 due=2026-12-04"),
    ("create_ticket", {"title": "Invoices stuck", "to": "the finance team"},
     "ask create title='Invoices stuck': I couldn't find “the finance team”. Who should take "
     "the new ticket?"),
    ("assign_ticket", {"ticket": "4", "to": "me"}, "assign #4 to user:u-jo"),
    ("assign_ticket", {"ticket": "4", "to": "myself"}, "assign #4 to user:u-jo"),
    ("assign_ticket", {"ticket": "4", "to": "Lee Park"}, "assign #4 to user:u-lee"),
    ("assign_ticket", {"ticket": "4", "to": "lee park"}, "assign #4 to user:u-lee"),
    ("assign_ticket", {"ticket": "4", "to": "lee.chen@example.com"}, "assign #4 to user:u-leec"),
    ("assign_ticket", {"ticket": "it", "to": "Priya"}, "assign #7 to user:u-priya"),
    ("assign_ticket", {"ticket": "4", "to": "team Network"}, "assign #4 to team:2"),
    ("assign_ticket", {"ticket": "4", "to": "the IT Support team"}, "assign #4 to team:1"),
    ("assign_ticket", {"ticket": "4", "to": "nobody"}, "assign #4 to nobody"),
    ("assign_ticket", {"ticket": "4", "to": "no one"}, "assign #4 to nobody"),
    ("assign_ticket", {"ticket": "4"}, "assign #4 to ?"),
    ("assign_ticket", {"ticket": "4", "to": "Lee"},
     "ask assign #4 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("assign_ticket", {"ticket": "4", "to": "Zed Zimmer"},
     "ask assign #4 to ?: I couldn't find “Zed Zimmer”. Who should take TKT-2026-0004?"),
    ("change_status", {"ticket": "4", "status": "resolved"}, "status #4 resolved"),
    ("change_status", {"ticket": "4", "status": "In Progress"}, "status #4 in_progress"),
    ("change_status", {"ticket": "4", "status": "on-hold"}, "status #4 on_hold"),
    ("change_status", {"ticket": "it", "status": "CLOSED"}, "status #7 closed"),
    ("change_status", {"ticket": "4"}, "status #4 ?"),
    ("comment_on_ticket", {"ticket": "4", "text": "Swapped the toner\nworks again"},
     "comment #4 'Swapped the toner\\nworks again'"),
    ("comment_on_ticket", {"ticket": "#4"}, "comment #4 ?"),
    ("edit_ticket", {"ticket": "4", "priority": "urgent"}, "edit #4 priority=urgent"),
    ("edit_ticket", {"ticket": "4", "due": "2026-12-24"}, "edit #4 due=2026-12-24"),
    ("edit_ticket", {"ticket": "4", "due": "next Friday"}, "edit #4 due=2026-12-04"),
    ("edit_ticket", {"ticket": "4", "due": "tomorrow", "category": "Bug"},
     "edit #4 category=bug due=2026-12-03"),
    ("edit_ticket", {"ticket": "4", "title": "VPN drops on hotel wifi"},
     "edit #4 title='VPN drops on hotel wifi'"),
    ("edit_ticket", {"ticket": "4"}, "edit #4 ?"),
)

BAD_CALLS: tuple[tuple[str, str], ...] = (
    ("delete_ticket", json.dumps({"ticket": "4"})),
    ("show_ticket", "{ticket: 4"),
    ("show_ticket", "[\"4\"]"),
    ("show_ticket", json.dumps({"ticket": "4", "sudo": True})),
    ("show_ticket", json.dumps({"ticket": "the big one"})),
    ("show_ticket", json.dumps({"ticket": 4})),
    ("change_status", json.dumps({"ticket": "4", "status": "exploded"})),
    ("change_status", json.dumps({"ticket": "4", "status": "done-ish"})),
    ("edit_ticket", json.dumps({"ticket": "4", "due": "when pigs fly"})),
    ("edit_ticket", json.dumps({"ticket": "4", "priority": 3})),
    ("assign_ticket", json.dumps({"ticket": "4", "to": ["Lee"]})),
    ("create_ticket", json.dumps({"form": "yes"})),
    ("list_tickets", json.dumps({"scope": "everyone's"})),
    ("list_tickets", json.dumps({"order": "alphabetical"})),
    ("list_tickets", json.dumps({"most": "5"})),
    ("list_tickets", json.dumps({"most": 0})),
    ("list_tickets", json.dumps({"most": 1000})),
    ("list_tickets", json.dumps({"most": True})),
)


@pytest.mark.parametrize(("name", "arguments", "expected"), CALLS,
                         ids=[f"{n} {json.dumps(a)}" for n, a, _ in CALLS])
def test_a_tool_call_is_read_as_the_request_understanding_would_make(
    name: str, arguments: dict[str, object], expected: str
) -> None:
    read = read_call(name, json.dumps(arguments), role=Role.ADMIN, conversation=CONVERSATION)
    assert summary(read) == expanded(expected)


@pytest.mark.parametrize(("name", "arguments"), BAD_CALLS, ids=[f"{n} {a}" for n, a in BAD_CALLS])
def test_a_call_that_does_not_fit_its_tool_is_refused(name: str, arguments: str) -> None:
    with pytest.raises(BadToolCall):
        read_call(name, arguments, role=Role.ADMIN, conversation=CONVERSATION)


def test_an_action_the_role_may_not_take_comes_back_bare_for_the_action_to_refuse() -> None:
    read = read_call("assign_ticket", json.dumps({"ticket": "4", "to": "Lee"}), role=Role.CUSTOMER,
                     conversation=CONVERSATION)
    assert read == AssignTicket(TicketNumber("TKT", 2026, 4))  # no one looked up for a customer
    with pytest.raises(BadToolCall, match="no tool 'delete_ticket'"):
        read_call("delete_ticket", json.dumps({"ticket": "4"}), role=Role.CUSTOMER,
                  conversation=CONVERSATION)


@pytest.mark.parametrize("role", list(Role))
def test_tools_are_generated_from_the_command_table_rows_of_the_role(role: Role) -> None:
    tools = tools_for(role)
    from_table = {tool_name(c.request) for c in COMMANDS if c.request and role in c.roles}

    assert [t.name for t in tools if t.name != LOOKUP] == list(dict.fromkeys(
        tool_name(c.request) for c in COMMANDS if c.request and role in c.roles))
    assert {t.name for t in tools} == from_table | {LOOKUP}
    for tool in tools:
        jsonschema.Draft202012Validator.check_schema(tool.parameters)
        assert list(tool.parameters["properties"]) == [
            f.name for f in fields(tool.request)
            if f.name not in ("also", "reason", "take", "queue", "unplaced", "asked", "staff_only",
                              "taken_off", "later_by", "on_behalf_of", "also_statuses",
                              "also_priorities", "then")]
        rows = [c for c in COMMANDS if c.request is tool.request and role in c.roles]
        if tool.name != LOOKUP:
            assert all(row.does.lower() in tool.description.lower() for row in rows)


def test_customers_get_no_assignment_and_staff_get_every_action() -> None:
    assert "assign_ticket" not in {t.name for t in tools_for(Role.CUSTOMER)}
    assert {t.name for t in tools_for(Role.USER)} == {
        "create_ticket", "list_tickets", "show_ticket", "assign_ticket", "change_status",
        "comment_on_ticket", "edit_ticket", "find_tickets"}


def test_the_status_parameter_offers_exactly_the_statuses() -> None:
    [status] = [t for t in tools_for(Role.ADMIN) if t.name == "change_status"]
    assert status.parameters["properties"]["status"]["enum"] == [s.value for s in TicketStatus]
    assert status.parameters["required"] == ["ticket"]


FOUR = TicketNumber("TKT", 2026, 4)
CHANGES = (
    AssignTicket(FOUR, UserTarget("u-lee", "Lee Park")),
    AssignTicket(FOUR, TeamTarget(2, "Network")),
    AssignTicket(FOUR, Nobody()),
    ChangeStatus(FOUR, TicketStatus.ON_HOLD),
    ChangeStatus(FOUR, TicketStatus.OPEN, reason="swamped this week", queue=True),
    CommentOnTicket(FOUR, "Line one\nline two"),
    EditTicket(FOUR, title="New title", priority=Priority.URGENT, due=date(2026, 12, 24)),
    EditTicket(FOUR, no_due=True),
    CreateTicket("Projector in room 2 is dead", Priority.HIGH, Category.INCIDENT),
    CreateTicket("Switch down", to=TeamTarget(2, "Network"), due=date(2026, 12, 4)),
)


@pytest.mark.parametrize("change", CHANGES, ids=summary)
def test_a_proposed_change_survives_the_card_as_it_was(change: object) -> None:
    assert is_complete_change(change)
    carried = json.loads(json.dumps(encode(change)))  # type: ignore[arg-type]
    assert decode(carried) == change


@pytest.mark.parametrize("forged", [
    None, "assign", {}, {"action": "delete_ticket", "ticket": "TKT-2026-0004"},
    {"action": "assign_ticket", "ticket": "TKT-2026-0004"},
    {"action": "assign_ticket", "ticket": "TKT-2026-0004", "to": {"user_id": 7, "name": "x"}},
    {"action": "change_status", "ticket": "TKT-2026-0004", "status": "exploded"},
    {"action": "change_status", "ticket": "4", "status": "closed"},
    {"action": "change_status", "ticket": "TKT-2026-0004", "status": "closed", "by": "admin"},
    {"action": "show_ticket", "ticket": "TKT-2026-0004"},
    {"action": "edit_ticket", "ticket": "TKT-2026-0004"},
    {"action": "edit_ticket", "ticket": "TKT-2026-0004", "due": "soon"},
    {"action": "comment_on_ticket", "ticket": "TKT-2026-0004", "text": ""},
    {"action": "create_ticket"}, {"action": "create_ticket", "title": ""},
    {"action": "create_ticket", "title": "Printer", "form": True},
    {"action": "create_ticket", "title": "Printer", "category": "gossip"},
])
def test_a_confirmation_carrying_anything_else_is_refused(forged: object) -> None:
    with pytest.raises(InvalidValue):
        decode(forged)
