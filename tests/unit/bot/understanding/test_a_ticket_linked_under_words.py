"""A link to a ticket under words of its own is that ticket: "<p>can you close <a href=
"…/tickets/TKT-2026-1422">this one</a></p>" closed the ticket in view, as Teams' markup was
dropped with the link and "close this one" was left (found writing look-alikes for the
seventeenth held-out table's "<p>see <a …>this</a></p>", which showed the ticket in view).
Now the link stands for its words: the ticket it names, or, linked by the web app's stored
id, read as that link typed (not understood yet), never the ticket in view. Words that name the ticket
themselves ("TKT-2026-0042") are read as before."""

from __future__ import annotations

import pytest

from tests.unit.bot.understanding.held_out_tables import as_teams_sends
from tests.unit.bot.understanding.test_transcript import expanded

_BY_NUMBER = "https://tickets.example.com/tickets/TKT-2026-1422"
_BY_ID = "https://tickets.example.com/tickets/42"


@pytest.mark.parametrize(("said", "expected"), [
    (f'<p>can you close <a href="{_BY_NUMBER}">this one</a></p>', "status #1422 closed"),
    (f'<p>give <a href="{_BY_NUMBER}">this</a> to sam</p>', "assign #1422 to user:u-sam"),
    (f'<p>see <a href="{_BY_NUMBER}">this</a></p>', "show #1422"),
    (f"<p>close <a href='{_BY_NUMBER}' title='open'>the printer ticket</a> pls</p>",
     "status #1422 closed"),
    # as before: the words name the ticket, or the link is its words
    (f'<p>close <a href="{_BY_ID}">TKT-2026-0042</a></p>', "status #42 closed"),
    (f'<p>close <a href="{_BY_NUMBER}">{_BY_NUMBER}</a></p>', "status #1422 closed"),
    ('<p>close <a href="https://tickets.example.com/tickets/TKT-2026-1276">TKT-2026-1276</a></p>',
     "status #1276 closed"),
    ("<p>close this one</p>", "status #7 closed"),
])
def test_a_ticket_linked_under_words_is_that_ticket(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


@pytest.mark.parametrize(("said", "typed"), [
    (f'<p>close <a href="{_BY_ID}">this one</a></p>', f"close {_BY_ID}"),
    (f'<p>resolve <a href="{_BY_ID}">it</a></p>', f"resolve {_BY_ID}"),
    (f'<p>give <a href="{_BY_ID}">this</a> to sam</p>', f"give {_BY_ID} to sam"),
])
def test_a_link_by_the_stored_id_is_read_as_the_link_typed_never_the_one_in_view(
    said: str, typed: str,
) -> None:
    assert as_teams_sends(said) == as_teams_sends(typed)
    assert "TKT-2026-0007" not in as_teams_sends(said)


_ELSEWHERE = "https://jira.example.org/browse/OPS-1"


@pytest.mark.parametrize(("said", "typed"), [
    (f'<p>close <a href="{_ELSEWHERE}">this</a></p>', f"close this {_ELSEWHERE}"),
    (f'<p>give <a href="{_ELSEWHERE}">this one</a> to sam</p>', f"give this one {_ELSEWHERE} to sam"),
    (f'<p>resolve <a href="{_ELSEWHERE}">it</a> pls</p>', f"resolve it {_ELSEWHERE} pls"),
])
def test_a_link_elsewhere_pointed_to_is_never_the_ticket_in_view(said: str, typed: str) -> None:
    """"<p>close <a href="https://jira…/OPS-1">this</a></p>" closed the ticket in view: the
    link is kept after the words that point to it, which read as another system's item."""
    assert as_teams_sends(said) == as_teams_sends(typed)
    assert "TKT-2026-0007" not in as_teams_sends(said)


@pytest.mark.parametrize(("said", "typed"), [
    ('<p>how do I set up <a href="https://example.com/docs/vpn">the VPN</a>?</p>',
     "how do I set up the VPN?"),
    (f'<p>close 12, the user confirmed in <a href="{_ELSEWHERE}">the jira</a></p>',
     "close 12, the user confirmed in the jira"),
])
def test_a_link_under_other_words_is_read_as_its_words(said: str, typed: str) -> None:
    assert as_teams_sends(said) == as_teams_sends(typed)
