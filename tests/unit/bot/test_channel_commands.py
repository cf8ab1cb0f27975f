"""Channel commands in the words managers use: the event types named, and nothing guessed."""

from __future__ import annotations

import pytest

from bot.commands import Subscribe, Subscriptions, Unsubscribe, parse


@pytest.mark.parametrize(("said", "types"), [
    ("subscribe", ()),
    ("Subscribe!", ()),
    ("please subscribe this channel", ()),
    ("subscribe to all tickets", ("all",)),
    ("subscribe us to everything", ("all",)),
    ("subscribe to new tickets", ("created",)),
    ("subscribe created, assigned", ("created", "assigned")),
    ("subscribe this channel to new tickets and comments", ("created", "commented")),
    ("subscribe to status changes and assignments", ("status_changed", "assigned")),
    ("subscribe to status changed", ("status_changed",)),
    ("subscribe ticket_updated", ("ticket_updated",)),
    ("subscribe to edits", ("updated",)),
    ("subscribe to bogus", ("bogus",)),  # kept, for the domain to refuse with the list
])
def test_subscribe_names_the_event_types_in_everyday_words(
    said: str, types: tuple[str, ...]
) -> None:
    assert parse(said) == Subscribe(types)


@pytest.mark.parametrize("said", [
    "unsubscribe", "Unsubscribe.", "unsubscribe this channel", "unsubscribe from this channel",
    "unsubscribe please", "please unsubscribe", "unsubscribe us from everything", "unsubscribe all",
])
def test_unsubscribe_in_everyday_words_quiets_the_channel(said: str) -> None:
    assert parse(said) == Unsubscribe()


def test_unsubscribing_from_one_kind_of_event_is_not_read_as_quieting_the_channel() -> None:
    assert parse("unsubscribe from comments") == Unsubscribe(("commented",))
    assert parse("unsubscribe from new tickets") == Unsubscribe(("created",))


@pytest.mark.parametrize("said", [
    "subscriptions", "subscriptions?", "show subscriptions", "list the subscriptions",
    "show this channel's subscriptions", "what are the subscriptions here?",
    "what is this channel subscribed to?",
])
def test_asking_what_a_channel_gets(said: str) -> None:
    assert parse(said) == Subscriptions()


@pytest.mark.parametrize("said", ["subscriber list please", "the subscription fee is due"])
def test_sentences_that_only_mention_subscribing_are_not_commands(said: str) -> None:
    assert parse(said) is None
