"""Where an empty list points next: only the bare lists people open without a filter."""

from __future__ import annotations

import pytest

from bot.listing import ListQuery
from bot.understanding.requests import ListScope, Nobody
from domain.tickets import DueWindow, Priority, TicketStatus

FILED = ("Tickets you filed", "tickets I created")
UNASSIGNED = ("Unassigned tickets", "unassigned tickets")
ASSIGNED = ("Assigned to you", "my tickets")
TEAMS = ("Your team's tickets", "our team's tickets")


@pytest.mark.parametrize(("query", "customer", "expected"), [
    (ListQuery(scope=ListScope.MINE), False, (FILED, UNASSIGNED)),
    (ListQuery(scope=ListScope.TEAMS), False, (ASSIGNED, FILED)),
    (ListQuery(scope=ListScope.TEAMS, status=TicketStatus.OPEN), False, ()),
    (ListQuery(scope=ListScope.CREATED), False, (ASSIGNED,)),
    (ListQuery(scope=ListScope.CREATED), True, ()),  # customers are never assignees
    (ListQuery(scope=ListScope.ALL), False, ()),
    (ListQuery(scope=ListScope.MINE, status=TicketStatus.ON_HOLD), False, ()),
    (ListQuery(scope=ListScope.MINE, priority=Priority.URGENT), False, ()),
    (ListQuery(scope=ListScope.MINE, text="printer"), False, ()),
    (ListQuery(scope=ListScope.MINE, holder=Nobody()), False, ()),
    (ListQuery(scope=ListScope.MINE, due_window=DueWindow.TODAY), False, ()),
])
def test_only_a_bare_mine_or_filed_list_points_elsewhere(
    query: ListQuery, customer: bool, expected: tuple[tuple[str, str], ...]
) -> None:
    assert query.elsewhere(customer=customer) == expected


def test_someone_in_a_team_is_also_pointed_to_their_teams_tickets() -> None:
    mine = ListQuery(scope=ListScope.MINE)
    assert mine.elsewhere(customer=False, in_a_team=True) == (FILED, TEAMS, UNASSIGNED)
