"""A list naming several people or teams survives the card's data, and forged data is capped."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.listing import MOST_HOLDERS, ListQuery
from bot.understanding.requests import ListScope, TeamTarget, UserTarget
from domain.tickets import Assignee


def test_a_list_of_several_holders_comes_back_from_its_card_data_as_it_was() -> None:
    query = ListQuery(holder=UserTarget("u-sam", "Sam Rivera"),
                      also=(UserTarget("u-lee", "Lee Park"), TeamTarget(2, "Network")))
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title.startswith("Assigned to Sam Rivera, Lee Park or Network")
    held = again.filter_for("u-jo", today=date(2026, 12, 2))
    assert held.held_by == (Assignee.user("u-sam"), Assignee.user("u-lee"), Assignee.team(2))
    assert (held.assignee_id, held.team_id) == (None, None)


def test_forged_card_data_names_at_most_ten_holders_and_only_real_ones() -> None:
    forged = {"kind": "search", "holder": {"user": "u-sam"},
              "also": ["nonsense", {"nobody": True}] + [{"user": f"u-{n}"} for n in range(50)]}
    query = ListQuery.from_data(forged)
    assert len(query.also) == MOST_HOLDERS - 2
    assert all(isinstance(holder, UserTarget) for holder in query.also)


def test_what_the_viewer_worked_on_since_a_day_comes_back_from_its_card_data() -> None:
    query = ListQuery(scope=ListScope.TOUCHED, updated_since=date(2026, 11, 30))
    again = ListQuery.from_data(query.to_data())
    assert again == query
    assert again.title == "Tickets you worked on · since Mon 30 Nov"
    worked = again.filter_for("u-jo", today=date(2026, 12, 2))
    # when they did it, not when the ticket last moved: a comment leaves `updated_at` be
    assert (worked.touched_by, worked.touched_from, worked.updated_from) == (
        "u-jo", datetime(2026, 11, 30), None)
    assert worked.exclude_statuses == ()  # what they resolved is what they worked on


@pytest.mark.parametrize("since", ["yesterday", "2026-13-01", 20261130, "2026-11-30T00:00:00"])
def test_a_forged_since_day_is_no_day(since: object) -> None:
    query = ListQuery.from_data({"kind": "touched", "since": since})
    assert (query.scope, query.updated_since) == (ListScope.TOUCHED, None)
