"""Citations: passage markers become source numbers; stored answers read back whole."""

from __future__ import annotations

import pytest

from knowledge.citations import (
    Citation,
    cite,
    help_document_ids,
    markers_in,
    numbered_sources,
    split_sources,
    strip_markers,
    with_sources,
)
from knowledge.passages import SourceKind
from tests.unit.knowledge.answering_fakes import passage

VPN_4 = passage("a", document_id=3, title="VPN and Remote Access", page=4, chunk_id=1)
VPN_4_AGAIN = passage("b", document_id=3, title="VPN and Remote Access", page=4, chunk_id=2)
VPN_2 = passage("c", document_id=3, title="VPN and Remote Access", page=2, chunk_id=3)
GUIDE = passage("d", document_id=3, title="Rooms", page=None, chunk_id=4,
                source=SourceKind.USER_GUIDE)


def test_two_passages_of_one_page_are_one_source() -> None:
    cited = cite("First [1]. Second [2]. Third [3].", [VPN_4, VPN_4_AGAIN, VPN_2])

    assert cited.text == "First [1]. Second [1]. Third [2]."
    assert [(c.number, c.page) for c in cited.citations] == [(1, 4), (2, 2)]


def test_a_help_document_and_a_guide_with_the_same_id_are_different_sources() -> None:
    cited = cite("A [1]. B [2].", [VPN_4, GUIDE])

    assert [c.source for c in cited.citations] == [SourceKind.HELP_DOCUMENT, SourceKind.USER_GUIDE]
    assert help_document_ids(cited.citations) == [3]


@pytest.mark.parametrize(
    ("reply", "shown"),
    [
        ("Use TLS [1, 2].", "Use TLS [1][2]."),
        ("Use TLS [1; 9].", "Use TLS [1]."),
        ("Use TLS[2].", "Use TLS [1]."),  # passage 2 is the first source cited
        ("Use TLS [0]. Then [4].", "Use TLS. Then."),
        ("Use TLS [1][1].", "Use TLS [1]."),
        ("Search for blocks in .bz2 files [1].", "Search for blocks in .bz2 files [1]."),
        ("Keys live in ~/ .ssh or in .ssh [7], see ssh(1) .", "Keys live in ~/ .ssh or in .ssh, see ssh(1)."),
    ],
)
def test_markers_are_normalised_and_unknown_numbers_dropped(reply: str, shown: str) -> None:
    assert cite(reply, [VPN_4, VPN_2]).text == shown


def test_an_answer_without_markers_cites_nothing() -> None:
    assert cite("No sources here.", [VPN_4]).citations == ()


def test_the_stored_form_reads_back_as_the_same_text_and_sources() -> None:
    citations = (
        Citation(1, 3, "VPN and Remote Access", 4),
        Citation(2, 7, "Rooms, floors (and more)", None, SourceKind.USER_GUIDE),
    )
    stored = with_sources("Tick Use TLS only [1]. Book in Outlook [2].", citations)

    assert stored.endswith(
        "Sources:\n[1] VPN and Remote Access, page 4 (help document 3)\n"
        "[2] Rooms, floors (and more) (user guide 7)"
    )
    back = split_sources(stored)
    assert back.text == "Tick Use TLS only [1]. Book in Outlook [2]."
    assert back.citations == citations


def test_text_that_merely_looks_like_a_source_list_is_left_alone() -> None:
    content = "Check these.\n\nSources:\nthe intranet"

    assert split_sources(content).text == content
    assert split_sources(content).citations == ()
    assert with_sources("No sources.", ()) == "No sources."


def test_quotes_are_numbered_by_source_and_lose_stray_markers() -> None:
    lines, citations = numbered_sources(
        [(VPN_4, "See [5] first.\nThen this."), (VPN_4_AGAIN, "Also."), (VPN_2, "Other page.")]
    )

    assert lines == ["See first.\nThen this [1].", "Also [1].", "Other page [2]."]
    assert [c.page for c in citations] == [4, 2]


def test_markers_are_found_and_stripped() -> None:
    assert markers_in("a [1] b [2, 3]") == [1, 2, 3]
    assert strip_markers("Use TLS [1]. Then [2][3] done.") == "Use TLS. Then done."
