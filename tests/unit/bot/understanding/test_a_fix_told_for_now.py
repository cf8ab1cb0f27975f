"""A fix told as holding only for now resolved the ticket: "7 fixed for now, monitoring",
"12 sorted, fingers crossed", "7 done for now", "12 is working now, monitoring" each
resolved it, posting "monitoring" or "fingers crossed" as how. The one telling it is not
sure it is finished, so whether it should be resolved is asked (how it was fixed kept for
a Yes, the hedge itself never posted); several tickets told so are left as they are. A
change asked for now ("resolve 7 for now", "close 7 for now") is the person's decision and
is made as before, as is a fix told plainly ("7 fixed, replaced the cable")."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.requests import ChangeStatus, Clarify
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def understood(said: str) -> object:
    return readable(as_the_bot_reads(clean_markup(said, drop_mentions_of={"ticketflow"}),
                                     CONVERSATION))


@pytest.mark.parametrize(("said", "ticket", "status"), [
    ("7 fixed for now, monitoring", "#7", "resolved"),
    ("7 fixed for now", "#7", "resolved"),
    ("7 is fixed for now", "#7", "resolved"),
    ("fixed 7 for now", "#7", "resolved"),
    ("7 resolved for now", "#7", "resolved"),
    ("7 fixed, monitoring", "#7", "resolved"),
    ("7 fixed, will monitor", "#7", "resolved"),
    ("7 fixed, keeping an eye on it", "#7", "resolved"),
    ("7 fixed for the moment", "#7", "resolved"),
    ("7 fixed, lets see", "#7", "resolved"),
    ("12 sorted, fingers crossed", "#12", "resolved"),
    ("7 fixed - workaround in place", "#7", "resolved"),
    ("7 done for now", "#7", "resolved"),
    ("7 Sorted For Now", "#7", "resolved"),
    ("12 is working now, monitoring", "#12", "resolved"),
    ("Fixed for now.", "#7", "resolved"),
    ("<p>7 fixed for now, monitoring</p>", "#7", "resolved"),
])
def test_a_fix_told_only_for_now_is_asked_about(said: str, ticket: str, status: str) -> None:
    assert summary(understood(said)) == expanded(
        f"ask status {ticket} ?: Should {ticket} be {status}? [Yes]")


def test_how_it_was_fixed_is_kept_for_a_yes_and_the_hedge_is_not() -> None:
    how = understood("7 fixed for now, replaced the cable")
    hedge = understood("7 fixed for now, monitoring")
    assert isinstance(how, Clarify) and isinstance(how.request, ChangeStatus)
    assert how.request.reason == "replaced the cable"
    assert isinstance(hedge, Clarify) and isinstance(hedge.request, ChangeStatus)
    assert hedge.request.reason is None


def test_several_fixed_for_now_are_left_as_they_are() -> None:
    assert summary(understood("7 and 8 fixed for now")) == expanded("no change #7")


@pytest.mark.parametrize(("said", "expected"), [
    ("resolve 7 for now", "status #7 resolved"),
    ("close 7 for now", "status #7 closed"),
    ("ok close 7 for now", "status #7 closed"),
    ("closing 7 for now", "status #7 closed"),
    ("mark 7 resolved for now", "status #7 resolved"),
    ("set 12 to resolved for now", "status #12 resolved"),
    ("close 7 and 8 for now", "status #7, #8 closed"),
    ("7 fixed, replaced the cable", "status #7 resolved"),
    ("7 fixed", "status #7 resolved"),
    ("put 7 on hold for now", "status #7 on_hold"),
])
def test_a_change_asked_for_now_or_a_fix_told_plainly_is_made(said: str, expected: str) -> None:
    assert summary(understood(said)) == expanded(expected)


@pytest.mark.parametrize(("said", "ticket"), [
    ("12 should be fixed", "#12"),
    ("12 fixed? i think so", "#12"),
    ("12 resolved?? finally", "#12"),
    ("12 fixed, double checking now", "#12"),
    ("12 fixed, pending testing", "#12"),
    ("12 fixed, testing now", "#12"),
    ("12 fixed till next reboot", "#12"),
    ("12 fixed, sort of", "#12"),
])
def test_a_fix_told_with_a_doubt_after_it_is_asked_about(said: str, ticket: str) -> None:
    """Each resolved 12: still to be checked, believed, or asked and answered with a guess."""
    assert summary(understood(said)) == expanded(
        f"ask status {ticket} ?: Should {ticket} be resolved? [Yes]")


@pytest.mark.parametrize(("said", "expected"), [
    ("12 should be resolved", "status #12 resolved"),
    ("12 should be closed", "status #12 closed"),
    ("12 fixed, tested ok", "status #12 resolved"),
    ("12 is fixed, the user tested it", "status #12 resolved"),
])
def test_a_finish_asked_or_a_fix_told_tested_is_made(said: str, expected: str) -> None:
    assert summary(understood(said)) == expanded(expected)
