"""A request run on into what is told, with no comma, is read as it is with the comma:
"close 12 i dont need it anymore" closes 12 with "i dont need it anymore" as why, as
"close 12, i dont need it anymore" does; "12 is fixed u can close it now" closes it.

Before, each run-on line here was free text for the help assistant, or its request was
only suggested ("close 12, start 12, resolve 12")."""

from __future__ import annotations

import pytest

from bot.understanding.requests import Clarify, FreeText, Unknown
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("run_on", "punctuated"), [
    ("please cancel 12 i dont need it anymore", "please cancel 12, i dont need it anymore"),
    ("close 12 i dont need it anymore", "close 12, i dont need it anymore"),
    ("close 12 i don't need it any more", "close 12, i don't need it any more"),
    ("close it i dont need it anymore", "close it, i dont need it anymore"),
    ("cancel my ticket 12 i dont need it anymore", "cancel my ticket 12, i dont need it anymore"),
    ("close 12 not needed anymore", "close 12, not needed anymore"),
    ("close 12 i no longer need it", "close 12, i no longer need it"),
    ("close 12 we dont need it anymore", "close 12, we dont need it anymore"),
    ("close 12 i fixed it myself", "close 12, i fixed it myself"),
    ("resolve 12 i already sorted it", "resolve 12, i already sorted it"),
    ("12 is fixed u can close it now", "12 is fixed, you can close it now"),
    ("12 is resolved you can close it", "12 is resolved, you can close it"),
    ("12 is fixed please close it", "12 is fixed, please close it"),
    ("12 is done pls close it", "12 is done, pls close it"),
    ("its resolved you can close it", "its resolved, you can close it"),
    ("u can close 12", "you can close 12"),
    ("u can close it now", "you can close it now"),
])
def test_a_run_on_request_is_read_as_with_the_comma(run_on: str, punctuated: str) -> None:
    read = as_the_bot_reads(punctuated, CONVERSATION)
    assert not isinstance(read, (FreeText, Unknown))
    assert summary(as_the_bot_reads(run_on, CONVERSATION)) == summary(read)


@pytest.mark.parametrize("run_on", [
    "close 12 i dont think so", "close 12 actually dont", "close 12 i dont know",
    "resolve 12 i didnt fix it yet",
])
def test_a_run_on_take_back_changes_nothing(run_on: str) -> None:
    assert not summary(as_the_bot_reads(run_on, CONVERSATION)).startswith(
        ("status", "assign", "edit", "comment"))


@pytest.mark.parametrize(("said", "expected"), [
    ("show tickets i fixed", "list all status=resolved"),
    ("close 12", "status TKT-2026-0012 closed"),
    ("12 is fixed", "status TKT-2026-0012 resolved"),
])
def test_look_alikes_are_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


def test_cancel_run_on_still_asks_before_closing() -> None:
    assert isinstance(as_the_bot_reads("please cancel 12 i dont need it anymore", CONVERSATION),
                      Clarify)
