"""Spaces in PDF text come from where the glyphs are, not from how the text was shown."""

from __future__ import annotations

import io

import pypdf
import pytest

from knowledge.extraction import ExtractionLimits
from knowledge.extraction.pdf import read_pdf
from knowledge.extraction.pdf_glyphs import page_glyph_text, respace
from tests.unit.knowledge.hostile_pdfs import RawPdf
from tests.unit.knowledge.paths import HELP

MANUALS = HELP.parent / "manuals"
_FONTS = (
    b"/Font << /R << /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >> "
    b"/C << /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >> >>"
)


def _page(content: bytes) -> pypdf.PageObject:
    raw = RawPdf()
    data = raw.finish(root=raw.pages([raw.stream(content)], resources=_FONTS))
    return pypdf.PdfReader(io.BytesIO(data)).pages[0]


def test_a_word_space_written_before_a_font_switch_is_a_space() -> None:
    # groff's 2.5 pt Times space after a Courier option name: less than half a Courier
    # space, which pypdf's plain extraction takes as the least word gap
    page = _page(
        b"BT 1 0 0 1 102 734 Tm /C 10 Tf [(ssh-add) -250] TJ /R 10 Tf [(from) -250 (a)] TJ ET"
    )

    assert page_glyph_text(page) == "ssh-add from a"
    assert respace(page.extract_text(), page_glyph_text(page) or "") == "ssh-add from a"


def test_letters_placed_apart_by_kerning_stay_one_word_and_real_gaps_stay_spaces() -> None:
    # "for" is 11.66 pt wide in 10 pt Times: a move of 11.5 pt kerns, one of 14.16 spaces
    page = _page(
        b"BT /R 10 Tf 1 0 0 1 72 700 Tm (for) Tj 11.5 0 Td (gotten) Tj "
        b"1 0 0 1 72 680 Tm (for) Tj 14.16 0 Td (the) Tj "
        b"1 0 0 1 72 660 Tm [(a) 40 (v) -250 (regular)] TJ ET"
    )

    assert page_glyph_text(page) == "forgotten\nfor the\nav regular"


def test_a_raised_glyph_on_the_same_line_is_no_gap_and_a_new_line_is_one() -> None:
    # a superscript (or an accent TeX raises over its letter) sits 6 pt higher
    page = _page(
        b"BT /R 10 Tf 1 0 0 1 72 700 Tm (E=mc) Tj 1 0 0 1 96.1 706 Tm (2) Tj "
        b"1 0 0 1 72 688 Tm (next) Tj ET"
    )

    assert page_glyph_text(page) == "E=mc2\nnext"


def _two_byte_font_page(placed: list[tuple[str, float]]) -> pypdf.PageObject:
    """A page in a Type0 (Identity-H) font, as Word and browsers write PDFs: two-byte
    codes, widths in /W, text through a ToUnicode map; each run placed at its own x."""
    characters = sorted({char for run, _ in placed for char in run})
    codes = {char: number for number, char in enumerate(characters, start=1)}
    pairs = " ".join(f"<{codes[char]:04X}> <{ord(char):04X}>" for char in characters)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        "1 begincodespacerange <0000> <FFFF> endcodespacerange "
        f"{len(characters)} beginbfchar {pairs} endbfchar endcmap end end"
    )
    widths = " ".join(f"{codes[char]} [{250 if char == ' ' else 500}]" for char in characters)
    raw = RawPdf()
    to_unicode = raw.stream(cmap.encode())
    descendant = raw.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Calibri /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [%s] >>"
        % widths.encode()
    )
    font = (
        b"/Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /Calibri /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >> >>" % (descendant, to_unicode)
    )
    runs = " ".join(
        f"1 0 0 1 {x} 700 Tm <{''.join(f'{codes[char]:04X}' for char in run)}> Tj"
        for run, x in placed
    )
    data = raw.finish(
        root=raw.pages([raw.stream(f"BT /F1 10 Tf {runs} ET".encode())], resources=font)
    )
    return pypdf.PdfReader(io.BytesIO(data)).pages[0]


def test_two_byte_fonts_are_placed_by_their_widths_too() -> None:
    # "Hel" is 15 pt wide: "lo" 0.2 pt closer is kerned; "world" 2.7 pt after "lo" is a word
    page = _two_byte_font_page([("Hel", 72), ("lo", 86.8), ("world", 99.5)])

    assert page_glyph_text(page) == "Hello world"


def test_the_plain_text_keeps_its_characters_and_lines_and_takes_the_glyphs_spacing() -> None:
    plain = "If the passphrase is lost or for gotten, a new key\nmust be gen erated."
    glyphs = "If the passphrase is lost or forgotten, a new key must be generated."

    assert respace(plain, glyphs) == (
        "If the passphrase is lost or forgotten, a new key\nmust be generated."
    )
    assert respace("calling ssh-addfrom a .xsessionor", "calling ssh-add from a .xsession or") == (
        "calling ssh-add from a .xsession or"
    )


def test_where_the_glyphs_differ_the_plain_spacing_stays_and_mostly_unlike_text_is_refused(
) -> None:
    # the glyph reader decoded "ﬁ" differently: spacing is only set where both agree
    plain = "the fi les a re here, and the rest of the page reads alike"
    glyphs = "the „les are here, and the rest of the page reads alike"

    assert respace(plain, glyphs) == "the fi les are here, and the rest of the page reads alike"
    assert respace("text the glyph reader never saw", "something else entirely") is None
    assert respace("", "") == ""


def test_a_huge_page_that_differs_from_its_glyphs_is_left_as_it_is_without_aligning() -> None:
    plain = " ".join(["lorem ipsum dolor sit amet"] * 4_000)
    glyphs = "x" + plain[1:]

    assert respace(plain, glyphs) is None
    assert respace(plain, plain.replace(" ", "")) == plain.replace(" ", "")


@pytest.fixture(scope="module")
def manuals() -> dict[str, str]:
    names = ["ssh-add", "ssh-keygen", "ssh_config", "unzip", "xz", "zip"]
    return {
        name: "\n".join(
            page.text
            for page in read_pdf(
                (MANUALS / f"{name}.pdf").read_bytes(), limits=ExtractionLimits()
            ).pages
        )
        for name in names
    }


@pytest.mark.parametrize(
    ("manual", "phrase"),
    [
        # split by kerning before
        ("ssh-keygen", "If the passphrase is lost or forgotten, a new key"),
        ("ssh-add", "If ssh-add does not have a terminal associated with it"),
        ("ssh-add", "and open an X11 window to read the passphrase"),
        ("unzip", "insufficient privileges"),
        ("zip", "Alternative ways to create incremental backups"),
        ("zip", "into the MSDOS convention CR LF"),
        ("xz", "File has setuid, setgid, or sticky bit set."),
        ("xz", "File is not a regular file."),
        ("xz", "--single-stream\nDecompress only the first .xz stream"),
        # glued at a font switch before
        ("ssh-add", "calling ssh-add from a .xsession or related script."),
        ("ssh_config", "Setting the socket name to none disables the use"),
        ("ssh_config", "GatewayPorts can be used to specify"),
        ("ssh_config", "/etc/ssh/ssh_config.d/*.conf files are included"),
        # typographic look-alikes in paths
        ("ssh-add", "it adds the files ~/.ssh/id_rsa, ~/.ssh/id_ecdsa"),
        # real word pairs, names and code that must stay as they are
        ("ssh-keygen", "for the"),
        ("xz", "is not a regular file"),
        ("ssh_config", "IdentityAgent"),
        ("ssh-add", "SSH_ASKPASS_REQUIRE"),
        ("ssh-add", "ssh-add -s pkcs11"),
        ("zip", "zip -r foo foo"),
    ],
)
def test_real_manuals_read_as_their_reference_does(
    manuals: dict[str, str], manual: str, phrase: str
) -> None:
    assert phrase in manuals[manual]


@pytest.mark.parametrize(
    ("manual", "broken"),
    [
        ("ssh-keygen", "for gotten"),
        ("ssh-add", "ha ve"),
        ("ssh-add", "windo w"),
        ("ssh-add", "ssh-addfrom"),
        ("ssh-add", ".xsessionor"),
        ("ssh-add", "\u02dc"),
        ("ssh_config", "\u2217"),
        ("ssh_config", "nonedisables"),
        ("ssh_config", "GatewayPortscan"),
        ("unzip", "insuf ficient"),
        ("xz", "are gular"),
        ("xz", "stick y"),
        ("xz", "single-str eam"),
    ],
)
def test_real_manuals_hold_none_of_the_broken_words_users_saw(
    manuals: dict[str, str], manual: str, broken: str
) -> None:
    assert broken not in manuals[manual]
