"""A message pointing back only with "again" at the ticket in view is about it only when
it tells of what the ticket is about."""

from __future__ import annotations

import pytest

from knowledge.conversation import about_something_else


@pytest.mark.parametrize(("said", "title", "elsewhere"), [
    ("my wifi is slow again", "Monitor flickers", True),
    ("the printer is jammed again", "VPN drops every hour", True),
    ("My Outlook keeps crashing again", "VPN drops every hour", True),
    ("the printer is jammed again", "Printer on floor 3 jams", False),
    ("my monitor is flickering again", "Monitor flickers", False),
    ("The VPN dropped again", "VPN drops every hour", False),
    ("it is down again", "VPN drops every hour", False),  # "it": the ticket
    ("the same thing happened again", "VPN drops every hour", False),
    ("can someone call me again", "VPN drops every hour", False),
    ("my wifi is slow", "Monitor flickers", False),  # no "again": read elsewhere
])
def test_a_thing_of_its_own_told_again_is_something_else(
    said: str, title: str, elsewhere: bool
) -> None:
    assert about_something_else(said, title) is elsewhere
