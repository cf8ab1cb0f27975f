"""Word documents: real .docx files (Word's default template, written by python-docx;
see tools/make_docx_fixtures.py) and hostile archives built here."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from knowledge.extraction import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    MediaType,
    NoTextFound,
    UnsupportedDocument,
    detect_media_type,
    extract_text_document,
)
from tests.unit.knowledge.paths import HELP

DOCX = HELP.parent / "docx"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _word(body: bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word archive whose body is `body`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _paragraphs(*texts: str) -> bytes:
    runs = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)
    return f"<w:document {_W}><w:body>{runs}</w:body></w:document>".encode()


def test_a_word_document_keeps_its_title_headings_steps_bullets_and_table() -> None:
    data = (DOCX / "laptop-returns.docx").read_bytes()

    document = extract_text_document(data, "laptop-returns.docx")

    assert document.media_type is MediaType.DOCX
    assert document.title == "Returning a Leaver's Laptop"
    assert "# Before you send it\n\n1. Back up any shared files" in document.text
    assert (
        "1. Back up any shared files the team still needs to the department drive.\n"
        "2. Sign the laptop out of the Company Portal app.\n"
        "3. Pack the charger and the docking-station cable with it."
    ) in document.text
    assert "## What to include\n\n- The laptop and its charger\n- Any loan monitor" in document.text
    assert "Office | Return point\nLeeds | IT desk, floor 2\nBristol | Reception locker 14" in (
        document.text
    )
    assert "Ask for a receipt when you hand it in." in document.text  # one word, three runs


def test_a_word_document_without_a_stated_title_is_named_by_its_first_heading() -> None:
    data = (DOCX / "guest-wifi-notes.docx").read_bytes()

    document = extract_text_document(data, "guest-wifi-notes.docx")

    assert document.title == "Guest Wi-Fi Vouchers"
    assert document.text == "# Guest Wi-Fi Vouchers\n\nReception prints a voucher valid for one day."


def test_a_word_document_is_known_by_its_content_whatever_its_name() -> None:
    data = (DOCX / "guest-wifi-notes.docx").read_bytes()

    assert detect_media_type(data, "notes") is MediaType.DOCX
    assert detect_media_type(data, "notes.txt") is MediaType.DOCX


def test_a_zip_bomb_named_docx_is_refused_once_it_inflates_past_the_cap() -> None:
    padding = b"<w:p><w:r><w:t>" + b"a" * 1_000 + b"</w:t></w:r></w:p>"
    body = f"<w:document {_W}><w:body>".encode() + padding * 50_000 + b"</w:body></w:document>"
    data = _word(body)
    assert len(data) < 1_000_000 < len(body)

    with pytest.raises(DocumentTooLarge, match="ZIP bomb"):
        extract_text_document(data, "bomb.docx")


def test_a_word_part_declaring_entities_is_refused_before_any_is_expanded() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<w:document " + _W.encode() + b"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>"
        b"</w:body></w:document>"
    )

    with pytest.raises(CorruptDocument, match="declares a document type or entities"):
        extract_text_document(_word(laughs), "laughs.docx")


@pytest.mark.parametrize(
    ("body", "wording"),
    [
        (b"<w:document><w:body><w:p>", "not valid XML"),
        (_paragraphs("x")[:-5], "not valid XML"),
    ],
)
def test_a_word_document_with_a_broken_body_is_refused_plainly(body: bytes, wording: str) -> None:
    with pytest.raises(CorruptDocument, match=wording):
        extract_text_document(_word(body), "broken.docx")


def test_a_password_protected_word_document_says_so() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500

    with pytest.raises(EncryptedDocument, match="password-protected"):
        extract_text_document(ole, "salaries.docx")


def test_a_word_document_of_empty_paragraphs_has_no_text() -> None:
    with pytest.raises(NoTextFound, match="no readable text"):
        extract_text_document(_word(_paragraphs("", "  ")), "blank.docx")


def test_text_inside_content_controls_is_kept_in_its_place() -> None:
    def paragraph(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    def controlled(inner: str, depth: int = 1) -> str:
        return "<w:sdt><w:sdtContent>" * depth + inner + "</w:sdtContent></w:sdt>" * depth

    def word(body: str) -> bytes:
        return _word(f"<w:document {_W}><w:body>{body}</w:body></w:document>".encode())

    templated = paragraph("Intro") + controlled(paragraph("Inside a control")) + paragraph("Outro")
    hostile = controlled(paragraph("Deep"), depth=5_000)  # nested far past Python's recursion

    assert extract_text_document(word(templated), "c.docx").text == (
        "Intro\n\nInside a control\n\nOutro"
    )
    assert extract_text_document(word(hostile), "d.docx").text == "Deep"


def test_entities_declared_after_a_long_comment_or_in_utf16_are_still_refused() -> None:
    laughs = (
        b"<!--" + b"x" * 100_000 + b"-->"
        b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<w:document " + _W.encode() + b"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>"
        b"</w:body></w:document>"
    )
    utf16 = _paragraphs("Hello").decode().encode("utf-16")

    with pytest.raises(CorruptDocument, match="declares a document type or entities"):
        extract_text_document(_word(laughs), "laughs.docx")
    with pytest.raises(CorruptDocument, match="not UTF-8"):
        extract_text_document(_word(utf16), "wide.docx")


def test_a_damaged_or_unreadably_packed_word_document_is_refused_plainly() -> None:
    whole = _word(_paragraphs("Some words " * 200))
    offset = whole.index(b"word/document.xml") + len(b"word/document.xml") + 40
    damaged = whole[:offset] + bytes(b ^ 0xFF for b in whole[offset:offset + 64]) + whole[offset + 64:]
    deflate64 = bytearray(whole)
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        start = 0
        while (found := deflate64.find(header, start)) >= 0:
            method_at = found + (8 if header == b"PK\x03\x04" else 10)
            deflate64[method_at:method_at + 2] = (9).to_bytes(2, "little")
            start = found + 4

    with pytest.raises(CorruptDocument, match="damaged"):
        extract_text_document(damaged, "damaged.docx")
    with pytest.raises(UnsupportedDocument, match="cannot be read here"):
        extract_text_document(bytes(deflate64), "deflate64.docx")


def _body(body: str) -> bytes:
    return _word(f"<w:document {_W}><w:body>{body}</w:body></w:document>".encode())


def _cell(inner: str) -> str:
    return f"<w:tc>{inner}</w:tc>"


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_a_table_inside_a_cell_is_read_once_within_that_cell() -> None:
    steps = f"<w:tbl><w:tr>{_cell(_para('Open Settings'))}</w:tr>" \
            f"<w:tr>{_cell(_para('Choose Reset'))}</w:tr></w:tbl>"
    table = f"<w:tbl><w:tr>{_cell(_para('Password'))}{_cell(_para('Steps:') + steps)}</w:tr>" \
            f"<w:tr>{_cell(_para('VPN'))}{_cell(_para('Call the desk'))}</w:tr></w:tbl>"

    text = extract_text_document(_body(table), "t.docx").text

    assert text == "Password | Steps: Open Settings Choose Reset\nVPN | Call the desk"


def test_tables_nested_thousands_deep_are_read_once_each() -> None:
    """Every row and cell below a table was read for it: 100 deep gave 870,000 characters
    from 1 KB (5 s); 2,000 deep would have needed billions."""
    depth = 2_000
    nested = ("<w:tbl><w:tr><w:tc>" + _para("cell")) * depth + "</w:tc></w:tr></w:tbl>" * depth

    text = extract_text_document(_body(nested), "deep.docx").text

    assert text == " ".join(["cell"] * depth)


def _styled(styles: str, body: str) -> bytes:
    return _word(
        f"<w:document {_W}><w:body>{body}</w:body></w:document>".encode(),
        extra={"word/styles.xml": f"<w:styles {_W}>{styles}</w:styles>".encode()},
    )


def _style(style_id: str, *, name: str | None = None, based_on: str | None = None) -> str:
    named = f'<w:name w:val="{name or style_id}"/>'
    parent = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return f'<w:style w:styleId="{style_id}">{named}{parent}</w:style>'


def _styled_paragraph(style_id: str, text: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


def test_thousands_of_styles_each_based_on_the_last_are_resolved_once() -> None:
    """Every paragraph walked its style's whole chain: 4,000 styles and paragraphs (34 KB
    zipped) took 16 s, growing with the square of their number."""
    count = 5_000
    styles = _style("s0", name="heading 2") + "".join(
        _style(f"s{i}", based_on=f"s{i - 1}") for i in range(1, count))
    body = "".join(_styled_paragraph(f"s{count - 1 - i % 3}", f"Step {i}") for i in range(count))

    started = time.monotonic()
    text = extract_text_document(_styled(styles, body), "chain.docx").text

    assert time.monotonic() - started < 30.0  # a cap, not a speed: 0.2 s here
    assert text.split("\n\n") == [f"## Step {i}" for i in range(count)]


def test_styles_based_on_each_other_in_a_loop_inherit_until_the_loop_closes() -> None:
    styles = (_style("a", name="heading 1", based_on="b") + _style("b", based_on="c")
              + _style("c", based_on="a") + _style("d", name="Title", based_on="d"))
    body = "".join(_styled_paragraph(style, f"In {style}") for style in "cbad")

    text = extract_text_document(_styled(styles, body), "loop.docx").text

    assert text.split("\n\n") == ["# In c", "# In b", "# In a", "# In d"]
