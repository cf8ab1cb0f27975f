"""A Teams channel names its team and channel: subscriptions and digests refuse one without."""

from __future__ import annotations

import pytest

from domain.chat import TeamsChannel
from domain.errors import InvalidValue


@pytest.mark.parametrize(("team", "channel"), [("", "C1"), ("T1", ""), ("  ", "C1"), ("T1", " ")])
def test_a_channel_without_its_team_or_channel_id_is_refused(team: str, channel: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        TeamsChannel(team, channel, msteams_team_name="Acme", channel_name="Support")

    assert refused.value.field == "channel"


def test_a_channel_keeps_its_ids_and_the_names_shown_back() -> None:
    channel = TeamsChannel("T1", "C1", msteams_team_name="Acme", channel_name="Support")

    assert (channel.msteams_team_id, channel.channel_id, channel.channel_name) == (
        "T1", "C1", "Support"
    )
