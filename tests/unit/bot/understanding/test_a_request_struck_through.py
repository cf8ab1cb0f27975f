"""Words struck through in Teams are taken back: "<p><s>close 12</s></p>" closed 12, as the
markup was dropped and its words kept (found writing look-alikes for the seventeenth held-out
table's Teams markup); "<s>close 12</s> resolve 12" was not understood. Now struck words are
not read: what is left is ("resolve 12"), and nothing left changes nothing. Bold, italic and
other markup keep their words as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup
from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from tests.unit.bot.understanding.held_out_tables import as_teams_sends
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("said", [
    "<p><s>close 12</s></p>", "<p><strike>close 12</strike></p>", "<del>give 12 to sam</del>",
    "<p><s>make 12 urgent</s> 🙈</p>", "<p><S>close 12</S></p>",
])
def test_a_request_struck_through_changes_nothing(said: str) -> None:
    read = as_the_bot_reads(clean_markup(said), CONVERSATION)
    assert not isinstance(read, (AssignTicket, ChangeStatus, EditTicket)), read


@pytest.mark.parametrize(("said", "expected"), [
    ("<p><s>close 12</s> resolve 12</p>", "status #12 resolved"),
    ("<p><del>give 12 to sam</del> give 12 to alex</p>", "assign #12 to user:u-alex"),
    ("<p>close <s>12</s> 13</p>", "status #13 closed"),
    # as before: other markup keeps its words
    ("<p><strong>close 12</strong></p>", "status #12 closed"),
    ("<p><span>close 12</span></p>", "status #12 closed"),
    ("<p><em>resolve</em> 12</p>", "status #12 resolved"),
    ("<p>close 12</p><p><s>typo</s></p>", "status #12 closed"),
])
def test_what_is_left_is_read(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_a_struck_tag_left_open_is_read_in_time() -> None:
    said = "<s>close 12 " * 5000
    assert len(clean_markup(said)) > 0
