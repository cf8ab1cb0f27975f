"""Suggestions are buttons only where one press does what the person can see it will."""

from __future__ import annotations

import pytest

from bot.understanding.suggestions import EXAMPLES, FIRST_STEPS, TICKET, offered, suggest


@pytest.mark.parametrize("family", sorted(EXAMPLES))
def test_with_no_ticket_no_button_needs_one_and_none_carries_made_up_words(family: str) -> None:
    shown = offered(EXAMPLES[family], None)
    assert shown.buttons
    for button in shown.buttons:
        assert not any(ch.isdigit() for ch in button) and TICKET not in button
    pressable = {s.says for s in EXAMPLES[family] if s.pressable and TICKET not in s.says}
    assert set(shown.buttons) == pressable or (not pressable and shown.buttons == FIRST_STEPS)
    assert shown.examples == tuple(s.about("4") for s in EXAMPLES[family]
                                   if s.says not in pressable)


@pytest.mark.parametrize("family", sorted(EXAMPLES))
def test_with_a_ticket_every_button_is_about_it(family: str) -> None:
    shown = offered(EXAMPLES[family], "TKT-2026-0012")
    for suggestion in EXAMPLES[family]:
        said = suggestion.about("TKT-2026-0012")
        assert (said in shown.buttons) is suggestion.pressable
        assert (said in shown.examples) is not suggestion.pressable
    assert not any("4" in text for text in shown.buttons + shown.examples)


@pytest.mark.parametrize(("typed", "family"), [
    (["starrt"], "status"), (["asign"], "assign"), (["comment"], "comment"),
    (["shwo"], "show"), (["rename", "tnum"], "update"),
])
def test_a_slip_of_a_commands_word_gets_its_examples(typed: list[str], family: str) -> None:
    assert suggest(typed) == EXAMPLES[family][:3]


def test_nothing_like_a_command_gets_the_first_steps() -> None:
    assert offered(suggest(["banana"]), None).buttons == FIRST_STEPS
    assert offered(suggest([]), "TKT-2026-0001").buttons == ("help",)


@pytest.mark.parametrize(("typed", "first"), [
    (["close", "tnum", "brb"], "close {ticket}"), (["closee"], "close {ticket}"),
    (["resolve"], "resolve {ticket}"), (["reopen", "tnum", "x"], "reopen {ticket}"),
    (["hold", "tnum"], "put {ticket} on hold"), (["unassign", "tnum", "zz"], "unassign {ticket}"),
])
def test_the_command_said_is_offered_first(typed: list[str], first: str) -> None:
    """Before, "close 12 brb" was offered start, resolve and hold, never the close it said."""
    offered_first, *others = suggest(typed)
    assert offered_first.says == first
    assert len(others) == 2 and first not in [other.says for other in others]
