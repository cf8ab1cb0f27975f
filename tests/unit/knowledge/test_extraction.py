"""Uploads become cleaned page texts; the format is judged by content."""

from __future__ import annotations

import asyncio
import codecs
import json

import pytest

from knowledge.extraction import (
    DocumentTooLarge,
    EmptyDocument,
    ExtractedDocument,
    ExtractedPage,
    ExtractionLimits,
    MediaType,
    NoTextFound,
    PdfSandbox,
    UnsupportedDocument,
    detect_media_type,
    extract_document,
    extract_text_document,
)
from tests.unit.knowledge.hostile_pdfs import png_image, text_pdf
from knowledge.extraction.pdf import title_from_text
from knowledge.text import clean_extracted_text, words
from tests.unit.knowledge.paths import HELP

MANUALS = HELP.parent / "manuals"

MANIFEST = json.loads((HELP / "manifest.json").read_text(encoding="utf-8"))
PDF_ENTRIES = [entry for entry in MANIFEST["documents"] if entry["media_type"] == "application/pdf"]


@pytest.mark.parametrize("entry", PDF_ENTRIES, ids=lambda entry: entry["filename"])
async def test_every_fixture_pdf_extracts_with_its_page_count_and_title(
    entry: dict[str, object], shared_sandbox: PdfSandbox
) -> None:
    data = (HELP / str(entry["filename"])).read_bytes()

    document = await extract_document(data, str(entry["filename"]), sandbox=shared_sandbox)

    assert document.media_type is MediaType.PDF
    assert document.page_count == entry["pages"]
    assert [page.number for page in document.pages] == list(range(1, document.page_count + 1))
    assert document.title == entry["title"]
    assert document.unreadable_pages == ()
    assert all(len(page.text.split()) > 150 for page in document.pages)


@pytest.mark.parametrize(
    "manual", ["bzip2", "scp", "ssh-add", "ssh-agent", "ssh-keygen", "ssh_config", "unzip", "xz", "zip"]
)
async def test_words_of_real_manuals_split_by_kerning_come_out_whole(
    manual: str, shared_sandbox: PdfSandbox
) -> None:
    # groff kerns letter pairs and pypdf reads many kerned pairs as two words.
    data = (MANUALS / f"{manual}.pdf").read_bytes()
    reference_text = (MANUALS / f"{manual}.txt").read_text(encoding="utf-8")
    reference = set(words(clean_extracted_text(reference_text)))

    document = await extract_document(data, f"{manual}.pdf", sandbox=shared_sandbox)

    extracted = [word for word in words(document.text) if word.isalpha()]
    known = sum(word in reference for word in extracted) / len(extracted)
    # 0.900-0.937 as pypdf spaces them; 0.9993-1.0 spaced by the glyphs' gaps
    # (0.969-0.993 joined on the document's own words, before)
    assert known >= 0.998, known
    if manual == "ssh-keygen":
        assert "public key authentication" in document.text
        assert "store the private key" in document.text
        assert "public k ey" not in document.text and "pri vate" not in document.text
    if manual == "xz":  # "archive" is whole only once in the text, but in the layout
        assert "applied on an archive, it is possible that it makes" in document.text
    if manual == "zip":
        assert "You may want to make a zip archive" in document.text


async def test_the_reader_is_reused_between_documents(shared_sandbox: PdfSandbox) -> None:
    await extract_document(text_pdf(["first"]), "first.pdf", sandbox=shared_sandbox)
    pids = shared_sandbox.worker_pids()

    await extract_document(text_pdf(["second"]), "second.pdf", sandbox=shared_sandbox)

    assert shared_sandbox.worker_pids() == pids


async def test_a_reader_is_recycled_after_its_quota_of_documents() -> None:
    with PdfSandbox(workers=1, documents_per_worker=2) as sandbox:
        await extract_document(text_pdf(["a"]), "a.pdf", sandbox=sandbox)
        first = sandbox.worker_pids()
        await extract_document(text_pdf(["b"]), "b.pdf", sandbox=sandbox)
        await extract_document(text_pdf(["c"]), "c.pdf", sandbox=sandbox)

        assert sandbox.worker_pids() != first


async def test_a_pdf_named_txt_is_still_read_as_a_pdf(shared_sandbox: PdfSandbox) -> None:
    document = await extract_document(
        text_pdf(["Scan settings"]), "notes.txt", sandbox=shared_sandbox
    )

    assert document.media_type is MediaType.PDF
    assert document.pages == (ExtractedPage(number=1, text="Scan settings"),)


def test_html_keeps_headings_lists_and_tables_and_drops_scripts_styles_and_navigation() -> None:
    document = extract_text_document(
        (HELP / "teams-meetings.html").read_bytes(), "teams-meetings.html"
    )
    text = document.text

    assert document.media_type is MediaType.HTML
    assert document.title == "Teams Meetings: Recording, Guests and Webinars"
    assert document.pages[0].number is None
    assert "## Recording meetings" in text
    assert "### Meeting rooms with Teams Rooms" in text
    assert "- External guests wait in the lobby until somebody admits them." in text
    assert "Town hall | 10,000 | Internal Communications team" in text
    assert "More actions > Record and transcribe" in text
    assert 'shows "Offline", call extension 4357' in text
    for hidden in ("analytics", "font-family", "tracking pixel", "Intranet"):
        assert hidden not in text


def test_html_paragraphs_are_separated_by_blank_lines_and_inline_tags_do_not_break_lines() -> None:
    html = b"<p>Open <b>Settings</b> and<br>choose <a href='#'>Mail</a>.</p><p>Second</p>"

    document = extract_text_document(html, "inline.html")

    assert document.text == "Open Settings and\nchoose Mail.\n\nSecond"


def test_markdown_loses_its_markup_but_keeps_headings_and_lists() -> None:
    document = extract_text_document((HELP / "email-calendar.md").read_bytes(), "email-calendar.md")
    text = document.text

    assert document.media_type is MediaType.MARKDOWN
    assert document.title == "Email and Calendar Help"
    assert "title: Email and Calendar Help" not in text
    assert "## Out-of-office replies" in text
    assert "move to your Online Archive automatically" in " ".join(text.split())
    assert "- Access to a shared mailbox is requested" in text
    for markup in ("**", "](", "`", "*Settings", "https://"):
        assert markup not in text


def test_markdown_fences_close_at_their_own_marker_and_a_fence_never_closed_is_dropped() -> None:
    page = "\n".join([
        "# VPN", "Run:", "```sh", "sudo openconnect vpn.example", "~~~", "```",
        "Then:", "~~~", "ping 10.0.0.1", "```", "~~~", "```", "Done.",
    ])
    text = extract_text_document(page.encode(), "vpn.md").text
    assert text.split("\n") == [
        "# VPN", "Run:", "`sudo openconnect vpn.example`", "`~~~`",
        "Then:", "`ping 10.0.0.1`", "Done.",  # a fence line is no code, nor one never closed
    ]


def test_a_markdown_page_of_fences_never_closed_is_read_in_one_pass() -> None:
    """Each fence was searched to the end of the text for its closing line: these 30,000
    took 90 s (0.2 s now), and the work grew with the square of their number."""
    text = extract_text_document(("```x\nnote\n" * 30_000).encode(), "fences.md").text
    assert text.split("\n") == ["note"] * 30_000


def test_plain_text_with_a_byte_order_mark_gets_its_underlined_title_as_heading() -> None:
    data = (HELP / "wifi-networks.txt").read_bytes()

    document = extract_text_document(data, "wifi-networks.txt")

    assert data.startswith(codecs.BOM_UTF8)
    assert document.media_type is MediaType.PLAIN_TEXT
    assert document.title == "Wi-Fi Networks in Fernhill Offices"
    assert document.text.startswith("# Wi-Fi Networks in Fernhill Offices\n\nThree wireless")
    assert "\ufeff" not in document.text


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        ("Café menu – £5".encode(), "Café menu – £5"),
        ("Café menu – £5".encode("cp1252"), "Café menu – £5"),
        ("Café menu – £5".encode("utf-16"), "Café menu – £5"),
        (b"caf\xe9 \x81 menu", "café menu"),  # not cp1252 either; Latin-1 takes anything
    ],
    ids=["utf-8", "windows-1252", "utf-16 with BOM", "latin-1 fallback"],
)
def test_text_in_common_encodings_is_decoded(encoded: bytes, expected: str) -> None:
    document = extract_text_document(encoded, "menu.txt")

    assert document.pages[0].text == expected


@pytest.mark.parametrize(
    "encoded",
    [
        "Réglages du réseau\n".encode() * 40 + b"\xff",
        "Réglages du réseau\n".encode() * 40 + "Caf\u00e9".encode("cp1252"),
        "Schlüssel ändern: ".encode()[:-3] + b"\xc3",  # cut inside a character
        b"Open \xc0\xaf then \xed\xa0\x80 and \xf8\x88\x80\x80\x80 please.",
    ],
    ids=["a stray byte", "a Windows-1252 line in UTF-8", "truncated", "overlong and surrogate"],
)
def test_utf8_text_with_bytes_utf8_does_not_allow_is_refused_saying_where(encoded: bytes) -> None:
    with pytest.raises(UnicodeDecodeError):
        encoded.decode("utf-8")

    with pytest.raises(UnsupportedDocument, match="save it as UTF-8") as refused:
        extract_text_document(encoded, "notes.txt")

    assert "the first at byte" in str(refused.value)


def test_windows_1252_text_with_quotes_dashes_and_accents_is_still_read() -> None:
    text = "“Café” – naïve résumé, 10 € » next"
    assert extract_text_document(text.encode("cp1252"), "notes.txt").text == text


def test_binary_data_named_txt_is_refused() -> None:
    with pytest.raises(UnsupportedDocument, match="binary data"):
        extract_text_document(b"header\x00\x01\x02body", "report.txt")


def test_control_character_soup_without_nul_bytes_is_refused() -> None:
    with pytest.raises(UnsupportedDocument, match="does not look like text"):
        extract_text_document(bytes(range(1, 32)) * 20, "noise.txt")


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"%PDF-1.7\n...", "manual.PDF", MediaType.PDF),
        (b"\xef\xbb\xbf  %PDF-1.4 header after junk", "manual", MediaType.PDF),
        (b"# Title", "guide.md", MediaType.MARKDOWN),
        (b"<p>x</p>", "guide.HTM", MediaType.HTML),
        (b"<!DOCTYPE html><p>x</p>", "guide", MediaType.HTML),
        (b"Just words", "README", MediaType.PLAIN_TEXT),
    ],
)
def test_the_media_type_comes_from_the_content_first(
    data: bytes, filename: str, expected: MediaType
) -> None:
    assert detect_media_type(data, filename) is expected


@pytest.mark.parametrize(
    ("data", "filename", "wording"),
    [
        (png_image(), "scan.pdf", "not a PDF (it is a PNG image)"),
        (b"Plain words", "scan.pdf", "not a PDF (it has no PDF header)"),
        (b"PK\x03\x04rest", "policy.docx", "not a Word document (it is a damaged ZIP archive"),
        (b"PK\x03\x04rest", "budget.xlsx", "Office document other than Word"),
        (png_image(), "policy.docx", "not a Word document (it is a PNG image)"),
        (png_image(), "diagram.png", "PNG image"),
        (b"a,b,c", "table.csv", "files of type .csv are not supported"),
    ],
)
def test_unsupported_files_are_refused_with_what_they_are(
    data: bytes, filename: str, wording: str
) -> None:
    with pytest.raises(UnsupportedDocument, match=wording.replace("(", r"\(").replace(")", r"\)")):
        detect_media_type(data, filename)


@pytest.mark.parametrize("data", [b"", b"  \n\t "])
def test_an_empty_upload_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyDocument, match="empty"):
        extract_text_document(data, "blank.md")


def test_html_without_visible_text_is_refused() -> None:
    with pytest.raises(NoTextFound, match="no readable text"):
        extract_text_document(b"<html><script>var a = 1;</script></html>", "empty.html")


def test_a_text_file_with_more_characters_than_allowed_is_refused() -> None:
    limits = ExtractionLimits(max_chars=1_000)

    with pytest.raises(DocumentTooLarge, match="1,000 characters"):
        extract_text_document(b"word " * 1_000, "long.txt", limits)


async def test_text_formats_go_through_the_async_entry_point_too() -> None:
    data = (HELP / "email-calendar.md").read_bytes()

    document = await extract_document(data, "email-calendar.md")

    assert document == extract_text_document(data, "email-calendar.md")


async def test_two_readers_work_on_two_pdfs_at_once() -> None:
    with PdfSandbox(workers=2) as sandbox:
        first, second = await asyncio.gather(
            extract_document(text_pdf(["Left"]), "left.pdf", sandbox=sandbox),
            extract_document(text_pdf(["Right"]), "right.pdf", sandbox=sandbox),
        )

        assert len(sandbox.worker_pids()) == 2
    assert (first.text, second.text) == ("Left", "Right")


def test_the_document_text_joins_its_pages_with_blank_lines() -> None:
    document = ExtractedDocument(
        filename="a.pdf",
        media_type=MediaType.PDF,
        pages=(ExtractedPage(1, "One"), ExtractedPage(2, ""), ExtractedPage(3, "Three")),
    )

    assert document.text == "One\n\nThree"
    assert document.page_count == 3


@pytest.mark.parametrize(
    "changes",
    [
        {"max_pages": 0},
        {"timeout_seconds": 0},
        {"max_chars": -1},
        {"memory_bytes": 64 * 1024 * 1024},
    ],
)
def test_nonsensical_limits_are_refused(changes: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="ExtractionLimits"):
        ExtractionLimits(**changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first_page", "title"),
    [
        ("ZIP(1) General Commands Manual ZIP(1)\nNAME\nzip - package and compress (archive) files\n"
         "SYNOPSIS\nzip [-aABcdDeEfFghjklLmoqrRSTuvVwXyz!@$]", "zip — package and compress (archive) files"),
        ("SSH-ADD (1) BSD General Commands Manual SSH-ADD (1)\nNAME\nssh-add— adds private key "
         "identities to the OpenSSH authentication agent\nSYNOPSIS",
         "ssh-add — adds private key identities to the OpenSSH authentication agent"),
        ("bzip2(1)\nNAME\nbzip2, bunzip2 – a block-sorting file compressor, v1.0.8\nbzcat - decompresses",
         "bzip2, bunzip2 — a block-sorting file compressor, v1.0.8"),
        ("VPN and Remote Access Guide\nFernhill Group IT - Page 1\n1. Who can use it",
         "VPN and Remote Access Guide"),
        ("  Installing the Model 7 Label Printer  \nBefore you start", "Installing the Model 7 Label Printer"),
        ("This guide explains how to book a room.\nBooking", None),
        ("Contents:\n1. Start", None),
        ("Page 1 of 12\nPrinting Guide", None),
        ("12 March 2026\nMinutes", None),
        ("CONFIDENTIAL\nPayroll", None),
        ("", None),
    ],
)
def test_a_pdf_without_a_title_is_named_by_its_manual_name_line_or_its_first_line(
    first_page: str, title: str | None
) -> None:
    assert title_from_text(first_page) == title


@pytest.mark.parametrize(
    ("metadata", "title"),
    [
        (None, "Label Printer Setup"),
        ("Microsoft Word - printer_setup_v3.docx", "Label Printer Setup"),
        ("untitled", "Label Printer Setup"),
        ("Printing at Fernhill", "Printing at Fernhill"),
    ],
)
async def test_the_metadata_title_is_kept_unless_it_is_only_a_file_name(
    metadata: str | None, title: str, shared_sandbox: PdfSandbox
) -> None:
    data = text_pdf(["Label Printer Setup", "Load the labels face up."], title=metadata)

    document = await extract_document(data, "printer_setup_v3.pdf", sandbox=shared_sandbox)

    assert document.title == title


async def test_a_pdf_keeps_the_hyphen_of_a_compound_broken_at_a_line_end(
    shared_sandbox: PdfSandbox,
) -> None:
    data = text_pdf([
        "Search is case-insensitive and self-\nservice.",
        "Names are matched case-\ninsensitively; the connec-\ntion is kept. Self-service portal.",
    ])

    document = await extract_document(data, "search.pdf", sandbox=shared_sandbox)

    assert [page.text for page in document.pages] == [
        "Search is case-insensitive and self-service.",
        "Names are matched case-insensitively; the connection is kept. Self-service portal.",
    ]
