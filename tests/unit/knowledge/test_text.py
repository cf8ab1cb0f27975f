"""Extracted text is cleaned the same way for every format."""

from __future__ import annotations

import time

import pytest

from knowledge.text import (
    clean_extracted_text,
    fold,
    join_line_end_hyphens,
    join_split_words,
    split_sentences,
    word_count,
    words,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Reset your pass-\nword today.", "Reset your password today."),
        (
            "Use the self-service portal. Open the self-\nservice page.",
            "Use the self-service portal. Open the self-service page.",
        ),
        ("Join the VPN-\nUsers group.", "Join the VPN-Users group."),
        ("Open the \ufb01le and the con\ufb01g \ufb02ow.", "Open the file and the config flow."),
        ("co\u00adoperate\u00a0now", "cooperate now"),
        ("  lots   of\tspace  \n  here  ", "lots of space\nhere"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("Windows\r\nline\rends", "Windows\nline\nends"),
        ("bell\x07 and NUL\x00 and broken \ud800 font", "bell and NUL and broken font"),
        (
            "To reset:\n1\nGo to the portal.\n2\nEnter your email.",
            "To reset:\n1. Go to the portal.\n2. Enter your email.",
        ),
    ],
    ids=[
        "hyphenated line break",
        "compound seen elsewhere keeps its hyphen",
        "hyphen before a capital stays",
        "ligatures",
        "soft hyphen and no-break space",
        "spaces and tabs",
        "blank lines",
        "line endings",
        "control characters and lone surrogates",
        "list numbers on their own line",
    ],
)
def test_extracted_text_is_cleaned(raw: str, clean: str) -> None:
    assert clean_extracted_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("the files ˜/.ssh/id_rsa, ˜/.ssh/id_dsa", "the files ~/.ssh/id_rsa, ~/.ssh/id_dsa"),
        ("paths with a ‘˜’ prefix", "paths with a ‘~’ prefix"),
        ("begins with a ‘ˆ’ character; press ˆD", "begins with a ‘^’ character; press ^D"),
        ("“/usr/lib/∗,/usr/local/lib/∗”", "“/usr/lib/*,/usr/local/lib/*”"),
        ("ssh_config.d/∗.conf files", "ssh_config.d/*.conf files"),
        ("ssh-add −c", "ssh-add -c"),
        ("Espa˜na, crème brûlée, Übersicht", "Espa˜na, crème brûlée, Übersicht"),
        ("café ’quoted’ “words” — dash", "café ’quoted’ “words” — dash"),
    ],
    ids=[
        "small tilde before a path",
        "small tilde quoted alone",
        "circumflex quoted alone and before a key",
        "asterisk operator in a list of paths",
        "asterisk operator in a glob",
        "minus sign before an option",
        "an accent drawn apart after its letter and real accents stay",
        "typographic quotes and dashes stay",
    ],
)
def test_typographic_look_alikes_of_code_characters_become_what_people_type(
    raw: str, clean: str
) -> None:
    assert clean_extracted_text(raw) == clean


def test_cleaning_twice_changes_nothing() -> None:
    once = clean_extracted_text("A pass-\nword  with\ufb01 ligature\n\n\n\nand more.")

    assert clean_extracted_text(once) == once


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        (
            "Open Outlook. Choose File! Is it there? Yes.",
            ["Open Outlook.", "Choose File!", "Is it there?", "Yes."],
        ),
        (
            "Use a passphrase, e.g. Copper lantern. Then save it.",
            ["Use a passphrase, e.g. Copper lantern.", "Then save it."],
        ),
        (
            "We use version 5.1 or later. Visit bbc.co.uk first.",
            ["We use version 5.1 or later.", "Visit bbc.co.uk first."],
        ),
        ('He said "Restart it." Then it worked.', ['He said "Restart it."', "Then it worked."]),
        (
            "Call ext. 4357 now. Mileage is 45p per mile. £10 is the limit.",
            ["Call ext. 4357 now.", "Mileage is 45p per mile.", "£10 is the limit."],
        ),
        (
            "no capital after. the full stop stays one sentence",
            ["no capital after. the full stop stays one sentence"],
        ),
        ("", []),
    ],
)
def test_paragraphs_split_into_sentences(paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences


def test_words_fold_and_count() -> None:
    assert words("Don't RESET the VPN-Users group's pass-word 2x!") == [
        "don't",
        "reset",
        "the",
        "vpn-users",
        "group's",
        "pass-word",
        "2x",
    ]
    assert fold("  Split\nTunnelling  ") == "split tunnelling"
    assert word_count(" one two\nthree ") == 3


KERNED = [
    "Each user wishing to use SSH with public k ey authentication runs this once.",
    "It asks for a file in which to store the pri vate key. The public key is stored too.",
    "Keys are kept in a private file; the key is the user's key, or any k ey you want.",
    "Log in to the portal. The login page shows your log of sign-ins and your log in history.",
    "If it is lost or for gotten, a new key must be made.",
]


def test_words_split_by_kerning_are_joined_when_the_document_spells_them_whole() -> None:
    joined = "\n".join(join_split_words(KERNED))

    assert "public key authentication" in joined
    assert "store the private key" in joined and "any key you want" in joined
    assert "k ey" not in joined and "pri vate" not in joined


def test_real_word_pairs_and_words_never_spelt_whole_stay_apart() -> None:
    joined = "\n".join(join_split_words(KERNED))

    assert "Log in to the portal" in joined and "your log in history" in joined
    assert "lost or for gotten" in joined  # "forgotten" never occurs whole
    assert join_split_words(["a plain page", "another page"]) == ["a plain page", "another page"]


def test_joining_keeps_punctuation_line_breaks_and_pages() -> None:
    pages = ["The def ault, then\nthe default again.", "A def ault: the default."]

    assert join_split_words(pages) == ["The default, then\nthe default again.",
                                       "A default: the default."]


# What pypdf's plain extraction gives for a kerned manual page, and what its layout mode
# gives for the same page: words spaced right, but "I imagine" glued and the columns of a
# table side by side.
PLAIN = [
    "If a filter is applied on an archi ve, it mak es the archi ve(s) smaller.",
    "The archi ve’s directory is kept. You may w ant to keep it. I imagine it is.",
    "Log in first, then log in again; or for gotten keys are lost.",
]
LAID_OUT = [
    "If a filter is applied on an archive, it makes the archive(s) smaller.",
    "The archive’s directory is kept.    You may want to keep it.    Iimagine it is.",
    "Log in first, then log in again; or forgotten keys are lost.   I am here.",
]


def test_words_the_layout_extraction_spells_whole_are_joined_although_the_text_has_them_once(
) -> None:
    joined = "\n".join(join_split_words(PLAIN, LAID_OUT))

    assert "applied on an archive, it makes the archive(s) smaller" in joined
    assert "The archive’s directory" in joined and "You may want to keep it" in joined
    assert "or forgotten keys" in joined


def test_the_layout_extraction_joins_nothing_it_does_not_spell_whole_or_glues_onto_a_word(
) -> None:
    joined = "\n".join(join_split_words(PLAIN, LAID_OUT))

    assert "I imagine it is" in joined  # "I" is a word the layout uses alone
    assert "Log in first, then log in again" in joined
    assert join_split_words(PLAIN, []) == join_split_words(PLAIN)


def test_a_run_of_letters_half_a_megabyte_long_is_cleaned_in_a_blink() -> None:
    """Tried from each letter, the hyphenated-break pattern rescanned the rest of the run:
    a 500,000-letter text file kept `docs add` busy for minutes."""
    started = time.thread_time()  # this process's CPU: other processes' load does not count
    assert clean_extracted_text("x" * 500_000 + " pass-\nword") == "x" * 500_000 + " password"
    assert time.thread_time() - started < 1.0


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Matching is case-\ninsensitive by default.", "Matching is case-insensitive by default."),
        ("Print the non-\nmatching lines.", "Print the non-matching lines."),
        ("Reset the connec-\ntion first.", "Reset the connection first."),
        ("It fails be-\ncause the key expired.", "It fails because the key expired."),
        ("Please do not for-\nget the badge.", "Please do not forget the badge."),
        ("The con-\ntent is signed.", "The content is signed."),
        ("An unusu-\nally long name.", "An unusually long name."),
        ("Use the autoconfig tool; auto-\nconfig runs daily.",
         "Use the autoconfig tool; autoconfig runs daily."),
        ("See UN-USUAL NAMES. Some un-\nusual names fail.",
         "See UN-USUAL NAMES. Some unusual names fail."),
        ("Follow the Windows-\nspecific steps.", "Follow the Windows-specific steps."),
        ("The zorp-\nwick file.", "The zorpwick file."),
    ],
    ids=[
        "compound of two words",
        "prefix before a word",
        "syllable break",
        "two words that make one word",
        "a common word split into two words",
        "a word split into fragments that are words somewhere",
        "a fragment that is no word",
        "the whole word written in the document",
        "a capitals heading is no evidence",
        "a compound the word list lacks whole",
        "halves that are no words",
    ],
)
def test_a_word_hyphenated_at_a_line_end_keeps_its_hyphen_only_when_it_is_a_compound(
    raw: str, clean: str
) -> None:
    assert clean_extracted_text(raw) == clean


def test_line_end_hyphens_are_decided_with_every_page_of_the_document() -> None:
    pages = [
        "Self-service accounts are created by IT.\nThe keygen tool makes keys.",
        "Open the self-\nservice page.\nRun key-\ngen again.",
    ]

    assert join_line_end_hyphens(pages) == [
        pages[0],
        "Open the self-service page.\nRun keygen again.",
    ]
    assert clean_extracted_text(pages[1]) == "Open the self-service page.\nRun key-gen again."


def test_a_broken_word_is_no_evidence_for_itself() -> None:
    """"zorp" and "wick" appear only in the break, so they are not words of the document."""
    assert join_line_end_hyphens(["zorp-\nwick", "zorp-\nwick"]) == ["zorpwick", "zorpwick"]
