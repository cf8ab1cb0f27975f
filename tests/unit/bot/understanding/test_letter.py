"""A message written like a letter: the part that asks, without greeting and signature."""

from __future__ import annotations

from bot.understanding.letter import what_is_asked


def test_the_greeting_and_a_short_signature_are_dropped() -> None:
    letter = "Hi,\n\nCould you close 12?\n\nKind regards,\nMaria Lopez\nFinance"

    assert what_is_asked(letter) == "Could you close 12?"


def test_a_sign_off_followed_by_more_than_a_signature_is_part_of_the_message() -> None:
    told = "Close 12.\nThanks\nbut first\nplease look at\nthe printer on floor 3\nand the scanner\nnow"

    assert what_is_asked(told) == told


def test_only_the_last_lines_of_a_long_message_are_searched_for_a_signature() -> None:
    pasted = "a log line\n" * 30_000 + "Thanks,\nMaria"  # every line was rescanned: ~25 s

    assert what_is_asked(pasted) == ("a log line\n" * 30_000).strip()
