"""A question's buttons, kept until the next message, read back as they were sent."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.actions.option import KeptChoices, Option, chosen

AT = datetime(2026, 12, 6, 15, 0)


def test_kept_choices_read_back_as_sent() -> None:
    kept = KeptChoices((Option("TKT-2026-0004 · Printer jams", "I'll take TKT-2026-0004",
                               sole_answer=True), Option("Cancel", "cancel")), AT, yes_only=True)

    assert KeptChoices.decode(kept.encode()) == kept


@pytest.mark.parametrize("stored", [
    None, "", "not json", "[]", '{"at": "2026-12-06T15:00:00"}',
    '{"at": "yesterday", "yes_only": false, "options": []}',
    # another release's rows, by position
    '{"at": "2026-12-06T15:00:00", "options": [["Yes", "close 4"]]}',
    '{"at": "2026-12-06T15:00:00", "yes_only": false, "options": [{"label": "Yes"}]}',
])
def test_state_this_version_did_not_write_is_not_read(stored: object) -> None:
    assert KeptChoices.decode(stored) is None


TICKETS = (Option("TKT-2026-0040 · Printer jams", "comment on TKT-2026-0040: called"),
           Option("TKT-2026-0002 · VPN drops", "comment on TKT-2026-0002: called"),
           Option("TKT-2026-0041 · Wifi dead", "comment on TKT-2026-0041: called"))


@pytest.mark.parametrize(("said", "picked"), [
    ("2", 1), ("40", 0), ("41", 2), ("#41", 2), ("tkt-2026-0041", 2), ("TKT-2026-0002", 1),
    ("3", None), ("1", None), ("0041", 2),
])
def test_a_number_typed_under_tickets_offered_is_a_ticket_number_never_a_place(
    said: str, picked: int | None
) -> None:
    """Teams shows buttons unnumbered: "2" typed under three tickets offered meant ticket 2,
    and picked the second button (a comment added to another ticket). Now a number picks the
    ticket of that number among those offered, and none when no offered ticket has it."""
    assert chosen(TICKETS, said) == (TICKETS[picked] if picked is not None else None)


def test_a_number_typed_under_other_choices_is_still_their_place() -> None:
    options = (Option("Agent", "role agent"), Option("Manager", "role manager"))
    assert chosen(options, "2") == options[1]


@pytest.mark.parametrize("said", ["9" * 5000, "#" + "4" * 4400, "0" * 4300 + "7" * 13,
                                  "2" * 60000])
@pytest.mark.parametrize("options", [TICKETS, (Option("Agent", "role agent"),
                                               Option("Manager", "role manager"))])
def test_a_number_too_long_to_be_any_picks_nothing_and_never_fails(
    said: str, options: tuple[Option, ...]
) -> None:
    """Digits pasted under choices ("9" five thousand times) failed the turn (Python refuses
    to read an integer of over 4300 digits), so Teams sent the message again and again. No
    ticket or place is that long: nothing is picked and the message is read as itself."""
    assert chosen(options, said) is None


def test_zeros_before_a_number_are_still_that_number_however_many() -> None:
    assert chosen(TICKETS, "0" * 4400 + "41") == TICKETS[2]
    assert chosen(TICKETS, "0" * 4400 + "3") is None  # no ticket 3 offered: no place either
    assert chosen((Option("Agent", "role agent"), Option("Manager", "role manager")),
                  "0" * 4400 + "2") == Option("Manager", "role manager")
