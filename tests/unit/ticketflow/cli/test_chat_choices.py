"""`ticketflow chat` asks for a card's choices by number or name, never by id."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.cards import ticket_card
from bot.cards.text import CardChoice, CardInput, ChoiceKind, InputKind, InputOption, render_text
from bot.terminal import picked
from ticketflow.commands import chat
from tests.unit.bot.cards.builders import ADMIN, a_ticket, assignee_choices, view_for

PEOPLE = (
    InputOption("me", "Me"),
    InputOption("team:3", "Network team"),
    InputOption("7d0c9a34-5d7e-4a0e-9d0b-1b6a1c7e0b11", "Lee Park"),
    InputOption("0f1e2d3c-4b5a-4968-8776-5f4e3d2c1b0a", "Lee Chen"),
    InputOption("a1b2c3d4-0000-4000-8000-000000000001", "Zoë Ångström-Nakamura"),
)


@pytest.mark.parametrize(("answer", "value"), [
    ("1", "me"),
    ("3", "7d0c9a34-5d7e-4a0e-9d0b-1b6a1c7e0b11"),
    ("Lee Park", "7d0c9a34-5d7e-4a0e-9d0b-1b6a1c7e0b11"),
    ("lee chen", "0f1e2d3c-4b5a-4968-8776-5f4e3d2c1b0a"),
    ("  LEE   CHEN ", "0f1e2d3c-4b5a-4968-8776-5f4e3d2c1b0a"),
    ("net", "team:3"),
    ("network", "team:3"),
    ("zoë", "a1b2c3d4-0000-4000-8000-000000000001"),
    ("chen", "0f1e2d3c-4b5a-4968-8776-5f4e3d2c1b0a"),
    ("m", "me"),
])
def test_a_choice_is_picked_by_number_title_or_a_unique_start(answer: str, value: str) -> None:
    found = picked(PEOPLE, answer)
    assert found is not None and found.value == value


@pytest.mark.parametrize("answer", ["lee", "0", "6", "", "7d0c9a34", "team:3", "bob"])
def test_an_ambiguous_or_unknown_answer_picks_nothing(answer: str) -> None:
    assert picked(PEOPLE, answer) is None


def assign_button() -> CardChoice:
    card = render_text(ticket_card(ticket=view_for(ADMIN, a_ticket()),
                                   assignees=assignee_choices()))
    unfolded = next(c for c in card.choices if c.label == "Assign…").card
    assert unfolded is not None
    return next(c for c in unfolded.choices if c.label == "Assign")


async def test_the_chat_prompt_lists_names_and_asks_again_until_one_fits(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    button = assign_button()
    [picker] = button.inputs
    typed: Iterator[str] = iter(["nobody-like-this", picker.options[1].title.upper()])

    async def answer(prompt: str) -> str | None:
        print(prompt)
        return next(typed, None)

    monkeypatch.setattr(chat, "_read", answer)
    answers = await chat._ask_inputs(button)
    assert answers == {"assignee": picker.options[1].value}
    shown = capsys.readouterr().out
    assert f"1. {picker.options[0].title}" in shown
    assert "Pick a number from 1 to" in shown
    assert all(option.value not in shown for option in picker.options if option.value != "me")


async def test_leaving_a_required_choice_empty_sends_nothing(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    async def enter(prompt: str) -> str | None:
        return ""

    monkeypatch.setattr(chat, "_read", enter)
    assert await chat._ask_inputs(assign_button()) is None  # never an unassign by accident


async def test_a_category_not_picked_is_asked_again_without_the_tip_to_name_someone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Filing in the terminal, a category typed that fits none was answered "to name anyone
    else, say `assign 4 to NAME`": a tip for the assignee picker, shown under every choice."""
    category = CardInput("category", InputKind.CHOICE, "Category", value="support", required=True,
                         options=(InputOption("bug", "Bug"), InputOption("support", "Support")))
    button = CardChoice(1, "Create ticket", ChoiceKind.SUBMIT, inputs=(category,))
    typed: Iterator[str] = iter(["the laptop one", "bug"])

    async def answer(prompt: str) -> str | None:
        print(prompt)
        return next(typed, None)

    monkeypatch.setattr(chat, "_read", answer)
    assert await chat._ask_inputs(button) == {"category": "bug"}
    shown = capsys.readouterr().out
    assert "Pick a number from 1 to 2, or type more of the name (Enter leaves it)." in shown
    assert "assign" not in shown


async def test_a_person_not_picked_is_still_told_how_to_name_anyone_else(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed: Iterator[str] = iter(["nobody-like-this"])

    async def answer(prompt: str) -> str | None:
        print(prompt)
        return next(typed, None)

    monkeypatch.setattr(chat, "_read", answer)
    await chat._ask_inputs(assign_button())
    assert "to name anyone else, say `assign 4 to NAME`" in capsys.readouterr().out
