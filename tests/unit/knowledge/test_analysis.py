"""One analyzer for documents and questions: stems, stop words, accents, compounds."""

from __future__ import annotations

import time

import pytest

from knowledge.analysis import analyse, fold_accents, search_form
from knowledge.reranking import Candidate, QueryTerm, rerank
from knowledge.vocabulary import (
    Synonyms,
    everyday_synonyms,
    joined_fragments,
    mine_synonyms,
    related_terms,
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("recursively", "recurse"),
        ("Directories", "directory"),
        ("passphrases", "passphrase"),
        ("Café", "cafe"),
        ("RÉSUMÉ", "resume"),
        ("known_hosts", "known hosts"),
        ("ssh-keygen", "ssh keygen"),
    ],
)
def test_forms_of_a_word_analyse_alike(one: str, other: str) -> None:
    assert set(analyse(other)) <= set(analyse(one))


def test_function_words_and_question_filler_leave_only_the_topic() -> None:
    assert analyse("How do I reset my MFA, please?") == ["reset", "mfa"]
    assert analyse("what is the point of it") == ["point"]


def test_a_compound_is_indexed_as_its_parts_and_as_one_word_but_a_path_is_not() -> None:
    assert analyse("known_hosts") == ["known", "host", "knownhost"]
    assert analyse("e-mail") == ["mail", "email"]
    assert analyse("~/.ssh/config") == ["ssh", "config"]
    assert analyse("it's v1.0") == ["v1", "0"]


def test_the_search_form_is_plain_words_for_any_tokenizer() -> None:
    form = search_form("Selects the identity (private key) — “quoted” ÉTÉ ssh_config 2>&1 ⚠️")

    assert form == form.strip() and "  " not in form
    assert all(term.isalnum() and term == fold_accents(term) for term in form.split())


def test_a_document_states_its_abbreviations_and_explanations() -> None:
    pages = [
        "Keys are revoked with a Key Revocation List (KRL). The CA (certificate authority) "
        "signs them. Travel the directory structure recursively, i.e. into subdirectories.",
    ]

    pairs = {(pair.one, pair.other) for pair in mine_synonyms(pages)}

    assert (("krl",), ("key", "revoc", "list")) in pairs
    assert (("ca",), ("certif", "author")) in pairs
    assert any("subdirectori" in pair.other for pair in mine_synonyms(pages))
    assert mine_synonyms(["Use the Zip (see below) or the FAQ (frequently asked questions)."]) == [
        Synonyms(("faq",), ("frequent", "ask", "question"))
    ]  # "(see below)" explains nothing: its initials spell no abbreviation


@pytest.mark.parametrize("page", [
    "x" * 50_000,  # 4,000 took 1.8 s of CPU before, growing with the square of the run
    ("Y" * 4_000 + " ") * 10 + "(YY)",  # 3 such words took 23 s
    "a-" * 25_000,
    "Attachment: " + "QUJD" * 12_500 + " (base64) i.e. the file",
])
def test_a_page_with_very_long_words_is_mined_in_a_blink(page: str) -> None:
    """A base64 blob or a long URL in a help document: indexing runs on the service's
    event loop, so every conversation waited while it was mined."""
    started = time.thread_time()  # this process's CPU: other processes' load does not count
    mine_synonyms([page])
    assert time.thread_time() - started < 1.0


def test_a_chunk_is_indexed_with_the_other_names_of_what_it_says() -> None:
    text = "travel the directory structure recursively into its subdirectories"
    related = related_terms(analyse(text), everyday_synonyms(), text=text)

    assert {"folder", "subfold"} <= set(related)
    assert "directori" not in related  # what it says itself is in its text
    assert related_terms(analyse("delete the file"), everyday_synonyms()) == ["remov", "eras"]


@pytest.mark.parametrize(
    ("manual", "asked"),
    [
        ("Print sizes of the file system", "disk"),
        ("--exclude=PATTERN exclude files that match PATTERN", "skip"),
        ("-i, --ignore-case Ignore case distinctions", "case insensitive"),
        ("read items from standard input", "pipe"),
        ("the file is executable", "runnable"),
        ("On macOS, open System Settings", "mac"),
        ("Multi-factor authentication (MFA) is required for every account", "2fa"),
        ("Multi-factor authentication (MFA) is required for every account", "two-factor"),
    ],
)
def test_a_manual_s_term_is_indexed_with_the_everyday_words_people_ask_in(
    manual: str, asked: str
) -> None:
    related = related_terms(analyse(manual), everyday_synonyms(), text=manual)

    assert set(analyse(asked)) - set(analyse(manual)) <= set(related)


def test_fragments_a_pdf_split_are_joined_beside_the_text() -> None:
    joined = joined_fragments("the identity (pri vate key) with en vironment variables")

    assert {"privat", "environ"} <= set(joined)
    assert "theident" not in joined  # function words are never fragments


def test_the_reranker_prefers_a_chunk_that_covers_the_question_with_its_words_together() -> None:
    terms = [QueryTerm("known", 2.0, 0), QueryTerm("host", 1.0, 1), QueryTerm("remov", 1.5, 2)]
    together = Candidate(1, ("d", 1), ("remov", "known", "host", "file"), (), (), ())
    apart = Candidate(2, ("d", 2), ("known", "other", "thing", "far", "away", "host"), (), (), ())
    nothing = Candidate(3, ("d", 3), ("print", "queue"), (), (), ())

    scored = rerank(terms, [apart, nothing, together])

    assert [item.key for item in scored] == [1, 2, 3]
    assert scored[0].coverage == 1.0 and scored[-1].coverage == 0.0
    assert scored[-1].score == 0.0 < scored[1].score < scored[0].score <= 1.0


def test_the_cited_chunk_is_chosen_with_its_document_in_view_and_keeps_its_own_score() -> None:
    terms = [QueryTerm("expir", 2.0, 0), QueryTerm("key", 1.0, 1)]
    lone = Candidate(1, ("d", 1), ("key", "expir", "key"), ("expir",), (), ())
    manual = [
        Candidate(key, ("d", 2), ("expir", "key", "after", "time", "limit", "set"), (), (), ())
        for key in (2, 3, 4, 5)
    ]

    scored = rerank(terms, [lone, *manual])

    assert scored[0].key in {2, 3, 4, 5}  # four passages of one manual outweigh a lone better one
    assert scored[1].key == 1  # the others follow by their own score
    assert scored[0].score < scored[1].score  # the blend chooses; the confidence is the chunk's
    assert [item.score for item in scored[1:]] == sorted(
        (item.score for item in scored[1:]), reverse=True
    )


def test_a_word_shared_by_an_everyday_name_is_not_that_name() -> None:
    # "OS X" would have been the single term "os": every "OS" would have been a Mac
    text = "update the OS and restart"

    assert "mac" not in related_terms(analyse(text), everyday_synonyms(), text=text)
