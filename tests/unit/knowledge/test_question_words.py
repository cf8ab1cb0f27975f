"""Which words of a question are searched for."""

from __future__ import annotations

from knowledge.question import MAX_WORDS, question_words


def test_chat_filler_is_dropped_and_topic_words_kept_in_order() -> None:
    assert question_words("Hi, how do I get my VPN to connect from the hotel please?") == [
        "vpn", "connect", "hotel"
    ]


def test_contractions_with_either_apostrophe_are_filler() -> None:
    assert question_words("I’m sure it's broken and i cant print") == ["sure", "broken", "print"]


def test_each_word_is_searched_once_and_codes_survive() -> None:
    assert question_words("Error 809, error VPN-403 and SC-542; error 809 today") == [
        "error", "809", "vpn-403", "sc-542", "today"
    ]


def test_a_question_of_filler_only_has_no_words() -> None:
    assert question_words("how do I do it, please?") == []
    assert question_words("") == []


def test_a_pasted_essay_is_cut_to_its_first_words() -> None:
    words = question_words(" ".join(f"term{number}" for number in range(200)))

    assert len(words) == MAX_WORDS and words[0] == "term0"


def test_absurdly_long_tokens_are_ignored() -> None:
    assert question_words("vpn " + "a" * 500) == ["vpn"]


def test_a_compound_in_a_text_searched_is_also_its_parts_and_one_word() -> None:
    from knowledge.terms import findable_terms

    assert {"guest", "fhguest", "wifi", "known", "host"} <= set(
        findable_terms("FH-Guest and Wi-Fi in known_hosts"))
    assert "23" not in findable_terms("pages 2-3")  # numbers joined are not words
