"""Chunks stay on their page, carry their section, overlap, and never come out empty."""

from __future__ import annotations

import asyncio
import itertools
import json

import pytest

from knowledge.chunking import Chunk, ChunkSize, chunk_document
from knowledge.extraction import ExtractedDocument, ExtractedPage, PdfSandbox, extract_document
from knowledge.text import fold, word_count
from tests.unit.knowledge.paths import HELP

MANIFEST = json.loads((HELP / "manifest.json").read_text(encoding="utf-8"))
FILENAMES = [entry["filename"] for entry in MANIFEST["documents"]]
SIZE = ChunkSize()


@pytest.fixture(scope="module")
def fixture_documents(shared_sandbox: PdfSandbox) -> dict[str, ExtractedDocument]:
    async def extract_all() -> dict[str, ExtractedDocument]:
        return {
            name: await extract_document((HELP / name).read_bytes(), name, sandbox=shared_sandbox)
            for name in FILENAMES
        }

    return asyncio.run(extract_all())


def numbered_sentences(first: int, count: int, words: int = 12) -> str:
    """Distinct sentences, so that every sentence can be traced to its chunk."""
    filler = " ".join(["detail"] * (words - 4))
    return " ".join(f"Sentence {n} has {filler}." for n in range(first, first + count))


def body(chunk: Chunk) -> str:
    """The chunk's own text, without a heading carried from earlier."""
    if chunk.heading and chunk.text.startswith(chunk.heading + "\n"):
        return chunk.text[len(chunk.heading) + 1 :]
    return chunk.text


def sentence_numbers(text: str) -> list[int]:
    return [int(part.split()[0]) for part in text.split("Sentence ")[1:]]


@pytest.mark.parametrize("filename", FILENAMES)
def test_fixture_chunks_are_contiguous_non_empty_and_sized(
    filename: str, fixture_documents: dict[str, ExtractedDocument]
) -> None:
    document = fixture_documents[filename]

    chunks = chunk_document(document.pages)

    assert [chunk.ordinal for chunk in chunks] == list(range(len(chunks)))
    assert all(chunk.text.strip() and chunk.heading for chunk in chunks)
    assert all(word_count(body(chunk)) <= SIZE.max_words for chunk in chunks)
    if document.media_type == "application/pdf":
        assert all(100 <= word_count(chunk.text) <= SIZE.max_words + 10 for chunk in chunks)
        assert {chunk.page for chunk in chunks} == set(range(1, document.page_count + 1))
    else:
        assert {chunk.page for chunk in chunks} == {None}


@pytest.mark.parametrize("filename", [name for name in FILENAMES if name.endswith(".pdf")])
def test_a_pdf_chunk_never_leaves_its_page(
    filename: str, fixture_documents: dict[str, ExtractedDocument]
) -> None:
    pages = {page.number: fold(page.text) for page in fixture_documents[filename].pages}

    for chunk in chunk_document(fixture_documents[filename].pages):
        for line in body(chunk).split("\n"):
            assert fold(line) in pages[chunk.page], (chunk.page, line)


def test_running_headers_and_footers_are_left_out_of_chunks(
    fixture_documents: dict[str, ExtractedDocument],
) -> None:
    chunks = chunk_document(fixture_documents["vpn-remote-access.pdf"].pages)

    assert not any("Service Desk - Internal - Page" in chunk.text for chunk in chunks)
    assert not any(chunk.text.startswith("VPN and Remote Access Guide") for chunk in chunks)


def test_chunks_name_the_section_they_come_from(
    fixture_documents: dict[str, ExtractedDocument],
) -> None:
    headings = [
        chunk.heading for chunk in chunk_document(fixture_documents["vpn-remote-access.pdf"].pages)
    ]
    html = chunk_document(fixture_documents["teams-meetings.html"].pages)

    assert headings == [
        "1. Who can use the VPN",
        "2. Connecting for the first time",
        "3. Split tunnelling and performance",
        "4. Hotels, trains and public wifi",
        "5. Error messages and getting help",
    ]
    assert html[0].heading == "Teams Meetings: Recording, Guests and Webinars"


def test_a_long_page_splits_into_overlapping_chunks_of_the_target_size() -> None:
    page = ExtractedPage(number=1, text=numbered_sentences(1, 60))  # 720 words

    chunks = chunk_document([page])

    assert len(chunks) >= 3
    assert all(SIZE.min_words <= word_count(chunk.text) <= SIZE.max_words for chunk in chunks)
    for before, after in itertools.pairwise(chunks):
        earlier, later = sentence_numbers(before.text), sentence_numbers(after.text)
        overlap = [n for n in later if n in earlier]
        assert overlap and overlap == earlier[-len(overlap) :] == later[: len(overlap)]
        assert word_count(" ".join(f"Sentence {n}" for n in overlap)) <= SIZE.overlap_words
    covered = sorted({n for chunk in chunks for n in sentence_numbers(chunk.text)})
    assert covered == list(range(1, 61))


def test_chunks_never_overlap_across_pages_and_never_span_them() -> None:
    pages = [
        ExtractedPage(number=1, text=numbered_sentences(1, 30)),
        ExtractedPage(number=2, text=numbered_sentences(31, 30)),
    ]

    chunks = chunk_document(pages)

    for chunk in chunks:
        numbers = sentence_numbers(chunk.text)
        expected_page = 1 if numbers[0] <= 30 else 2
        assert chunk.page == expected_page
        assert all((n <= 30) == (expected_page == 1) for n in numbers)


def test_a_section_heading_is_carried_into_chunks_after_it_even_on_the_next_page() -> None:
    pages = [
        ExtractedPage(number=1, text="Printing from home\n" + numbered_sentences(1, 30)),
        ExtractedPage(number=2, text=numbered_sentences(31, 5)),
    ]

    chunks = chunk_document(pages)

    assert all(chunk.heading == "Printing from home" for chunk in chunks)
    assert all(chunk.text.startswith("Printing from home\n") for chunk in chunks)
    assert sum(chunk.text.count("Printing from home") for chunk in chunks) == len(chunks)


def test_a_new_section_starts_a_new_chunk_once_the_current_one_is_big_enough() -> None:
    text = (
        "## Scanning\n\n"
        + numbered_sentences(1, 12)
        + "\n\n## Printing\n\n"
        + numbered_sentences(13, 12)
    )

    chunks = chunk_document([ExtractedPage(number=None, text=text)])

    assert [chunk.heading for chunk in chunks] == ["Scanning", "Printing"]
    assert [chunk.text.split("\n")[0] for chunk in chunks] == ["Scanning", "Printing"]
    assert sentence_numbers(chunks[1].text)[0] == 13  # no overlap from another section


# A two-column layout: every line is short, so shortness alone cannot mean "heading".
NARROW_COLUMN = """Jobs that you print wait in the
queue until you tap your pass on
any printer. They wait one day.
PaperCut emails a reminder to
The address on your account and
deletes the job after that day."""


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        (
            "Intro line ends here.\nConnecting from a hotel\nOpen a browser first.",
            "Connecting from a hotel",
        ),
        ("Intro line ends here.\n3. Error codes\nThe codes are listed below.", "3. Error codes"),
        (
            "Intro.\nWhy is my account locked?\nAfter ten failed attempts it locks.",
            "Why is my account locked?",
        ),
        ("### Mailbox size\nEvery mailbox holds 100 GB.", "Mailbox size"),
        (NARROW_COLUMN, None),
        ("Intro.\nShort line followed by\nits own lowercase end.", None),
        ("Intro.\n- Open Settings\n- Choose Mail", None),
    ],
    ids=[
        "short line",
        "numbered",
        "question",
        "markdown",
        "narrow column",
        "wrapped start",
        "list",
    ],
)
def test_headings_are_recognised_from_text_alone(text: str, heading: str | None) -> None:
    (chunk,) = chunk_document([ExtractedPage(number=1, text=text)])

    assert chunk.heading == heading


def test_a_sentence_longer_than_a_chunk_is_cut_to_size() -> None:
    text = " ".join(f"cell{n}" for n in range(1, 1001))

    chunks = chunk_document([ExtractedPage(number=4, text=text)])

    assert all(word_count(chunk.text) <= SIZE.max_words for chunk in chunks)
    assert " ".join(chunk.text for chunk in chunks).split() == text.split()


def test_blank_pages_give_no_chunks_and_ordinals_stay_contiguous() -> None:
    pages = [
        ExtractedPage(number=1, text="First page text."),
        ExtractedPage(number=2, text=""),
        ExtractedPage(number=3, text="  \n "),
        ExtractedPage(number=4, text="Last page text."),
    ]

    chunks = chunk_document(pages)

    assert [(chunk.ordinal, chunk.page) for chunk in chunks] == [(0, 1), (1, 4)]
    assert chunk_document([]) == []


def test_chunking_is_deterministic(fixture_documents: dict[str, ExtractedDocument]) -> None:
    for document in fixture_documents.values():
        assert chunk_document(document.pages) == chunk_document(list(document.pages))


def test_chunk_sizes_are_validated() -> None:
    with pytest.raises(ValueError, match="overlap_words < min_words"):
        ChunkSize(max_words=100, min_words=50, overlap_words=60)


def _short(topic: str) -> str:
    return f"The {topic} works as described here. Ask the service desk about {topic}."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # Markdown sections short enough to share one chunk
            f"## Out-of-office replies\n\n{_short('reply')}\n\n## Shared mailboxes and delegates"
            f"\n\n{_short('mailbox')}\n\n### Recalling a message\n\n{_short('recall')}",
            ("Out-of-office replies", "Shared mailboxes and delegates", "Recalling a message"),
        ),
        (  # a PDF page: headings known from the text alone, a numbered one among them
            f"Damage, loss and theft\n{_short('damage')}\nAccidental damage\n{_short('spill')}\n"
            f"3.1 Lost or stolen laptops\n{_short('theft')}",
            ("Damage, loss and theft", "Accidental damage", "3.1 Lost or stolen laptops"),
        ),
        (  # the same heading twice is named once
            f"## Printing\n\n{_short('queue')}\n\n## Printing\n\n{_short('toner')}",
            ("Printing",),
        ),
        (  # near-misses: list items, a wrapped line's end and a sentence are no headings
            f"## Scanning\n\n{_short('scan')}\n- Open Settings\n- Choose Mail\n"
            "Scans are sent to the\naddress on your account.",
            ("Scanning",),
        ),
        (_short("nothing"), ()),  # no heading at all
    ],
    ids=["markdown", "pdf", "repeated", "near misses", "none"],
)
def test_a_chunk_names_every_section_heading_it_holds(
    text: str, expected: tuple[str, ...]
) -> None:
    (chunk,) = chunk_document([ExtractedPage(number=1, text=text)])

    assert chunk.headings == expected
    assert chunk.heading == (expected[0] if expected else None)  # the citation's stays the first


def test_a_heading_carried_from_the_page_before_comes_first_among_a_chunks_headings() -> None:
    pages = [
        ExtractedPage(number=1, text="Printing from home\n" + numbered_sentences(1, 30)),
        ExtractedPage(number=2, text=numbered_sentences(31, 3) + "\nToner and paper\n"
                      + numbered_sentences(34, 3)),
    ]

    last = chunk_document(pages)[-1]

    assert last.page == 2
    assert last.headings == ("Printing from home", "Toner and paper")
