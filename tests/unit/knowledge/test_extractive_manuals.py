"""Answers without a model from real manual pages: the fixtures' text, cleaned and chunked
as it is indexed (`clean_extracted_text`, `chunk_document`)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from knowledge.asked_for import asked_for
from knowledge.chunking import chunk_document
from knowledge.extraction.document import ExtractedPage
from knowledge.extractive import extract, query_weights
from knowledge.passages import Passage
from knowledge.text import clean_extracted_text
from tests.unit.knowledge.answering_fakes import passage
from tests.unit.knowledge.paths import MANUALS, TOOLS, UTILS

TITLES = {
    document["source_text"]: document["title"]
    for folder in (MANUALS, TOOLS, UTILS)
    for document in json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]
    if "source_text" in document
}


def chunk_holding(folder: object, name: str, text: str) -> Passage:
    """The indexed chunk of the fixture `name` that holds `text`."""
    path = folder / name  # type: ignore[operator]
    cleaned = clean_extracted_text(path.read_text(encoding="utf-8"))
    for chunk in chunk_document([ExtractedPage(number=None, text=cleaned)]):
        if text in chunk.text:
            return passage(chunk.text, document_id=chunk.ordinal + 1, title=TITLES.get(name, name),
                           page=None, heading=chunk.heading)
    raise AssertionError(f"no chunk of {name} holds {text!r}")


def quotes(question: str, *passages: Passage) -> list[str]:
    return [quote.text for quote in extract(query_weights(question), list(passages),
                                            wanted=asked_for(question))]


def test_a_sentence_inside_an_option_entry_is_quoted_with_the_option_it_describes() -> None:
    keygen = chunk_holding(MANUALS, "ssh-keygen.txt", "several commercial SSH implementations")

    found = quotes("can i get my key into a format commercial ssh programs understand", keygen)

    assert found[0].startswith("`-e` This option will read a private or public OpenSSH key")
    assert found[0].endswith("including several commercial SSH implementations.")


def test_a_long_option_entry_keeps_its_option_and_marks_the_gap() -> None:
    xz = chunk_holding(MANUALS, "xz.txt", "memory usage is not affected")

    found = quotes("does squeezing harder raise memory usage when decompressing", xz)

    entry = next(quote for quote in found if "Decompressor memory usage is not affected" in quote)
    assert entry.startswith("`-e`, `--extreme` Use a slower variant")


def test_an_option_named_inside_brackets_does_not_cut_its_entry() -> None:
    xz = chunk_holding(MANUALS, "xz.txt", "--extreme Use a slower variant")

    found = quotes("xz slower variant of the preset for better compression ratio", xz)

    assert any(
        quote.startswith("`-e`, `--extreme` Use a slower variant of the selected compression")
        and "(-0 ... -9) to hopefully get a little bit better compression ratio" in quote
        for quote in found
    ), found


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("scp to a server that only has the sftp protocol", "scp has used the SFTP protocol"),
        ("scp fails and says nothing, how do i see what is going on", "exits 0 on success"),
    ],
)
def test_a_manuals_see_also_list_is_not_quoted_over_an_answer(question: str, wanted: str) -> None:
    scp = chunk_holding(MANUALS, "scp.txt", "SEE ALSO")

    found = quotes(question, scp)

    assert wanted in found[0]
    assert not any("SEE ALSO" in quote for quote in found), found


def test_back_matter_is_still_quoted_when_it_is_what_was_asked() -> None:
    scp = chunk_holding(MANUALS, "scp.txt", "SEE ALSO")

    found = quotes("is scp based on rcp", scp)

    assert any(quote.startswith("HISTORY scp is based on the rcp program") for quote in found)


def test_how_old_asks_for_an_age_and_quotes_the_sentence_stating_one() -> None:
    assert asked_for("how old does my laptop have to be before i get a new one")
    assert not asked_for("my old laptop will not start")


def test_a_later_passage_of_the_document_cited_first_is_read_and_one_of_another_is_not() -> None:
    def from_document(found: Passage, document_id: int) -> Passage:
        return dataclasses.replace(found, document_id=document_id)

    keygen = from_document(chunk_holding(MANUALS, "ssh-keygen.txt", "same name but"), 100)
    option_y = chunk_holding(MANUALS, "ssh-keygen.txt", "print an OpenSSH public key to stdout")
    others = [chunk_holding(MANUALS, "ssh-add.txt", "SEE ALSO"),
              chunk_holding(MANUALS, "ssh-agent.txt", "private keys")]
    question = "lost my .pub file, can i get the public key back from the private one"

    same_manual = quotes(question, keygen, *others, from_document(option_y, 100))
    another_manual = quotes(question, keygen, *others, from_document(option_y, 200))

    assert any(quote.startswith("`-y` This option will read a private OpenSSH format file")
               for quote in same_manual), same_manual
    assert not any("`-y`" in quote for quote in another_manual), another_manual
