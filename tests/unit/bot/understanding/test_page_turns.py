"""Messages that only ask for another page of the list just shown."""

from __future__ import annotations

import pytest

from bot.understanding.listed import PageTurn, page_turn


@pytest.mark.parametrize("said", [
    "next", "Next!", "more", "more pls", "show me more", "next page", "the next page please",
    "next ones", "give me the rest", "the rest of them", "ok next", "and more", "more tickets",
    "show more thanks", "NEXT PAGE",
])
def test_the_next_page_asked_for(said: str) -> None:
    assert page_turn(said) is PageTurn.NEXT


@pytest.mark.parametrize("said", [
    "previous", "prev", "previous page", "back", "go back", "the previous ones", "page back",
])
def test_the_previous_page_asked_for(said: str) -> None:
    assert page_turn(said) is PageTurn.PREVIOUS


@pytest.mark.parametrize("said", [
    "next week", "more details on 4", "back up my laptop", "I'm back", "next ticket please 4",
    "tell me more about the vpn", "what's next", "more printers are broken", "show me 4",
    "next steps?", "",
])
def test_other_messages_are_no_page(said: str) -> None:
    assert page_turn(said) is None
