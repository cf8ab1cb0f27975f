"""The lifecycle: which moves are allowed, and how resolved_at / closed_at follow them."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest

from domain.errors import InvalidTransition
from domain.lifecycle import can_move, move
from domain.people import Role
from domain.tickets import Ticket, TicketStatus
from tests.unit.fakes import FakeDatabase

S = TicketStatus
NOW = datetime(2026, 5, 4, 12, 30)
EARLIER = datetime(2026, 5, 1, 8, 0)

MOVES = """
from         open  in_progress  on_hold  resolved  closed
open         -     yes          yes      yes       yes
in_progress  yes   -            yes      yes       yes
on_hold      yes   yes          -        yes       yes
resolved     yes   no           no       -         yes
closed       yes   no           no       no        -
"""


def _moves() -> list[tuple[S, S, bool]]:
    header, *rows = (line.split() for line in MOVES.strip().splitlines())
    return [
        (S(row[0]), S(to), answer == "yes")
        for row in rows
        for to, answer in zip(header[1:], row[1:], strict=True)
        if answer != "-"
    ]


def _ticket(db: FakeDatabase, status: S, **values: Any) -> Ticket:
    return db.seed_ticket(created_by=db.seed_user(role=Role.USER), status=status, **values)


@pytest.mark.parametrize(("current", "to", "allowed"), _moves(),
                         ids=[f"{c}-to-{t}" for c, t, _ in _moves()])
def test_a_move_is_allowed_exactly_as_the_lifecycle_table_says(
    db: FakeDatabase, current: S, to: S, allowed: bool
) -> None:
    ticket = _ticket(db, current)
    assert can_move(current, to) is allowed
    if allowed:
        moved = move(ticket, to, now=NOW)
        assert (moved.status, moved.updated_at) == (to, NOW)
    else:
        with pytest.raises(InvalidTransition) as refused:
            move(ticket, to, now=NOW)
        said = str(refused.value)
        assert f"cannot go from {current.value.replace('_', ' ')} to {to.value.replace('_', ' ')}" in said
        assert "_" not in said.replace(ticket.ticket_number, "")  # people's words, not enum values


@pytest.mark.parametrize("status", list(S))
def test_moving_to_the_same_status_is_refused(db: FakeDatabase, status: S) -> None:
    ticket = _ticket(db, status)
    with pytest.raises(InvalidTransition) as refused:
        move(ticket, status, now=NOW)
    assert str(refused.value) == f"{ticket.ticket_number} is already {status.value.replace('_', ' ')}"


def test_a_refused_move_says_where_the_ticket_can_go(db: FakeDatabase) -> None:
    ticket = _ticket(db, S.CLOSED)
    with pytest.raises(InvalidTransition) as refused:
        move(ticket, S.RESOLVED, now=NOW)
    assert str(refused.value).endswith("(it can go to: open)")


def test_a_refused_move_names_statuses_as_people_write_them(db: FakeDatabase) -> None:
    with pytest.raises(InvalidTransition) as refused:
        move(_ticket(db, S.RESOLVED), S.ON_HOLD, now=NOW)
    assert str(refused.value).endswith(
        "cannot go from resolved to on hold (it can go to: closed, open)")
    with pytest.raises(InvalidTransition) as again:
        move(_ticket(db, S.IN_PROGRESS), S.IN_PROGRESS, now=NOW)
    assert str(again.value).endswith("is already in progress")


@pytest.mark.parametrize("current", [S.OPEN, S.IN_PROGRESS, S.ON_HOLD])
def test_resolving_sets_resolved_at_and_leaves_closed_at_empty(
    db: FakeDatabase, current: S
) -> None:
    moved = move(_ticket(db, current), S.RESOLVED, now=NOW)
    assert (moved.resolved_at, moved.closed_at) == (NOW, None)


def test_closing_a_resolved_ticket_keeps_when_it_was_resolved(db: FakeDatabase) -> None:
    ticket = _ticket(db, S.RESOLVED, resolved_at=EARLIER)
    moved = move(ticket, S.CLOSED, now=NOW)
    assert (moved.resolved_at, moved.closed_at) == (EARLIER, NOW)


def test_closing_an_open_ticket_sets_only_closed_at(db: FakeDatabase) -> None:
    moved = move(_ticket(db, S.OPEN), S.CLOSED, now=NOW)
    assert (moved.resolved_at, moved.closed_at) == (None, NOW)


@pytest.mark.parametrize("current", [S.RESOLVED, S.CLOSED])
def test_reopening_clears_both_resolved_at_and_closed_at(db: FakeDatabase, current: S) -> None:
    ticket = _ticket(db, current, resolved_at=EARLIER,
                     closed_at=EARLIER if current is S.CLOSED else None)
    moved = move(ticket, S.OPEN, now=NOW)
    assert (moved.status, moved.resolved_at, moved.closed_at) == (S.OPEN, None, None)


@pytest.mark.parametrize(("current", "to"), [(S.OPEN, S.IN_PROGRESS), (S.IN_PROGRESS, S.ON_HOLD),
                                             (S.ON_HOLD, S.OPEN)])
def test_working_moves_leave_the_timestamps_alone(db: FakeDatabase, current: S, to: S) -> None:
    moved = move(_ticket(db, current), to, now=NOW)
    assert (moved.resolved_at, moved.closed_at) == (None, None)


def test_resolving_again_after_a_reopen_records_the_new_time(db: FakeDatabase) -> None:
    resolved = move(_ticket(db, S.IN_PROGRESS), S.RESOLVED, now=EARLIER)
    again = move(move(resolved, S.OPEN, now=EARLIER), S.RESOLVED, now=NOW)
    assert again.resolved_at == NOW


def test_a_move_changes_nothing_but_status_timestamps_and_updated_at(db: FakeDatabase) -> None:
    ticket = _ticket(db, S.OPEN, title="Keep me", notes="and me")
    moved = move(ticket, S.RESOLVED, now=NOW)
    assert moved == replace(ticket, status=S.RESOLVED, resolved_at=NOW, updated_at=NOW)
