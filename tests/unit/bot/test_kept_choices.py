"""A question's buttons, kept until the next message, read back as they were sent."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.actions.option import KeptChoices, Option

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
