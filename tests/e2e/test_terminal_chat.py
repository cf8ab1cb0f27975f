"""`ticketflow chat`: the same bot in a terminal, cards as text with numbered buttons."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import presenter, sender_day
from bot.handler import TicketFlowBot
from bot.terminal import TerminalChat, TerminalDirectory
from db.tables import task_comments, tasks
from tests.integration.builders import insert_ticket, insert_user
from ticketflow.runtime import open_runtime
from ticketflow.settings import Settings
from ticketflow.msteams import bot_dependencies


@asynccontextmanager
async def terminal(
    database_url: str, email: str, *, zone: str | None = None
) -> AsyncIterator[TerminalChat]:
    """`ticketflow chat --as <email> [--tz <zone>]`, in this process, until the block ends."""
    runtime = await open_runtime(Settings(database_url=database_url), migrate=False)
    try:
        bot = TicketFlowBot(bot_dependencies(runtime), TerminalDirectory(email))
        yield TerminalChat(bot=bot, email=email, zone=zone)
    finally:
        await runtime.close()


async def test_a_ticket_is_filed_and_commented_from_the_terminal(
    engine: AsyncEngine, database_url: str
) -> None:
    async with terminal(database_url, "ada@example.com") as chat:
        assert "What's the problem" in "\n".join(await chat.say("new ticket"))
        await chat.say("Docking station flickers")
        await chat.say("skip")
        category = await chat.say("2")
        assert "How urgent is it?" in category
        card = "\n".join(await chat.press(chat.choices[2], {}))  # "High"
        assert "Filed TKT-" in card and "Docking station flickers" in card
        comment = next(c for c in chat.choices if c.label == "Comment")
        unfolded = "\n".join(await chat.press(comment, {}))
        add = next(c for c in chat.choices if c.label == "Add comment")
        assert "Comment" in unfolded
        after = "\n".join(await chat.press(add, {"comment": "Swapped the cable"}))
        assert "Comment added." in after
    async with engine.connect() as connection:
        ticket = (await connection.execute(select(tasks))).mappings().one()
        comment_text = (await connection.execute(select(task_comments.c.content))).scalar_one()
    assert (ticket["priority"], comment_text) == ("high", "Swapped the cable")


def test_the_chat_command_runs_a_conversation_from_standard_input(tmp_path: Path) -> None:
    env = {**os.environ, "TICKETFLOW_DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}"}
    env.pop("TICKETFLOW_TEST_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "ticketflow.cli", "chat", "--as", "lee@example.com"],
        input="new ticket Mouse lost\nskip\n1\n2\nmy tickets created\nquit\n",
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Filed TKT-" in result.stdout
    assert "Mouse lost" in result.stdout.split("Tickets you filed")[-1]


async def test_the_terminal_asks_for_what_is_missing_and_takes_numbers_labels_and_words(
    engine: AsyncEngine, database_url: str
) -> None:
    async with terminal(database_url, "ada@example.com") as chat:
        await chat.say("new ticket Projector flickers")
        await chat.say("skip")
        await chat.say("Incident")
        filed = "\n".join(await chat.say("low"))
        number = filed.split("Filed ", 1)[1].split(".", 1)[0]
        asked = await chat.say("change the status of it")
        assert asked == [f"Which status should {number} get?", "1. In progress", "2. On hold",
                         "3. Resolved", "4. Closed"]
        started = "\n".join(await chat.press(chat.choices[0], {}))
        assert f"{number} is now in progress." in started
        await chat.say("assign it")
        assert chat.choices and chat.choices[0].label == f"assign {number} to me"
        taken = "\n".join(await chat.say("Me"))  # the shown label, typed
        assert "Assigned to" in taken
        assert (await chat.say("comment on it")) == [f"What's your comment on {number}?"]
        commented = "\n".join(await chat.say("Lamp replaced; no flicker since"))
        assert "Comment added." in commented
        fields = await chat.say("update it")
        assert fields[1:] == ["1. Title: Projector flickers", "2. Description: none"]
        refused = await chat.say("prio")  # an agent may not change the priority
        assert refused[0].startswith("“prio” is not a field I can change here.")
        await chat.say("1")
        saved = "\n".join(await chat.say("Projector in room 4 flickers"))
        assert "Saved: title." in saved
    async with engine.connect() as connection:
        ticket = (await connection.execute(select(tasks))).mappings().one()
        comment_text = (await connection.execute(select(task_comments.c.content))).scalar_one()
    assert (ticket["status"], ticket["title"]) == ("in_progress", "Projector in room 4 flickers")
    assert ticket["assignee_type"] == "user" and ticket["assignee_id"] is not None
    assert comment_text == "Lamp replaced; no flicker since"


def test_pressing_a_button_that_opens_a_form_asks_for_its_text_at_once(tmp_path: Path) -> None:
    env = {**os.environ, "TICKETFLOW_DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}"}
    env.pop("TICKETFLOW_TEST_DATABASE_URL", None)
    typed = [
        "new ticket Mouse lost", "skip", "1", "2",  # filed: its card numbers Comment 5
        "5", "",  # Comment, then Enter alone: nothing is sent
        "5", "Swapped the cable",
        "4", "",  # Assign… (nobody assigned yet: one button) asks whom, Enter leaves it
        "quit",
    ]
    result = subprocess.run(
        [sys.executable, "-m", "ticketflow.cli", "chat", "--as", "lee@example.com"],
        input="\n".join(typed) + "\n", capture_output=True, text=True, timeout=120, env=env,
        cwd=tmp_path,
    )

    assert result.returncode == 0, result.stderr
    turns = result.stdout.split("you> ")
    assert "5. Comment" in turns[4]
    assert turns[5].startswith("  Comment: Nothing sent: that needs an answer."), turns[5]
    assert turns[6].startswith("  Comment: Comment added."), turns[6]
    assert "Swapped the cable" in turns[6]
    assert turns[7].startswith("  Assign to:\n    1. "), turns[7]
    assert "Nothing sent" in turns[7]


async def test_two_changes_in_one_message_show_one_card_after_both_in_the_terminal(
    database_url: str,
) -> None:
    async with terminal(database_url, "ada@example.com") as chat:
        await chat.say("new ticket Docking station flickers")
        await chat.say("skip")
        await chat.say("Incident")
        await chat.say("low")

        shown = await chat.say("put it on hold and assign it to me")

    assert len(shown) == 1, shown
    [card] = shown
    held, assigned = card.splitlines()[:2]
    assert held.endswith("is now on hold.") and assigned.startswith("Assigned to "), card
    assert "Status: On hold" in card and "Assignee: Unassigned" not in card


async def test_the_terminals_today_is_its_zones_day(
    engine: AsyncEngine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 01:10 UTC on Tuesday 8 December it is Tuesday afternoon in Kiritimati (+14) and
    Monday afternoon in Pago Pago (-11)."""
    for module in (sender_day, presenter):
        monkeypatch.setattr(module, "utcnow", lambda: datetime(2026, 12, 8, 1, 10))
    admin = await insert_user(engine, email="ada@example.com", name="Ada Admin", role="admin")
    await insert_ticket(engine, created_by=admin, title="Due Monday",
                        due_date=datetime(2026, 12, 7))
    await insert_ticket(engine, created_by=admin, title="Due Tuesday",
                        due_date=datetime(2026, 12, 8))
    for zone, due in (("Pacific/Kiritimati", "Due Tuesday"), ("Pacific/Pago_Pago", "Due Monday")):
        async with terminal(database_url, "ada@example.com", zone=zone) as chat:
            shown = "\n".join(await chat.say("what's due today?"))
        assert due in shown and ({"Due Monday", "Due Tuesday"} - {due}).pop() not in shown, zone


def test_the_chat_command_refuses_a_zone_that_is_not_one(tmp_path: Path) -> None:
    env = {**os.environ, "TICKETFLOW_DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}"}
    env.pop("TICKETFLOW_TEST_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "ticketflow.cli", "chat", "--tz", "Mars/Olympus_Mons"],
        input="help\nquit\n", capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "no time zone is called 'Mars/Olympus_Mons'" in result.stdout
