"""Documents a new user brings, written outside the project's evaluation sets
(tests/fixtures/explore/SOURCES.md): extraction and chunking keep what a reader sees."""

from __future__ import annotations

import re

from knowledge.asked_for import asked_for
from knowledge.chunking import chunk_document
from knowledge.extractive import extract, query_weights
from knowledge.extraction import PdfSandbox, extract_document, extract_text_document
from knowledge.passages import Passage
from tests.paths import FIXTURES
from tests.unit.knowledge.answering_fakes import passage

EXPLORE = FIXTURES / "explore"


async def test_a_page_number_between_dashes_stays_off_the_heading_below_it(
    shared_sandbox: PdfSandbox,
) -> None:
    # groff -ms heads every page after the first with "-2-"; pypdf gives it its own line,
    # and a compound broken at a line end ("Wi-\nFi") must not swallow the heading after it.
    data = (EXPLORE / "ledgerly-manual.pdf").read_bytes()

    document = await extract_document(data, "ledgerly-manual.pdf", sandbox=shared_sandbox)
    chunks = chunk_document(document.pages)

    glued = [line for page in document.pages for line in page.text.split("\n")
             if re.match(r"-\d+-\S", line)]
    assert glued == []
    headings = {chunk.page: chunk.heading for chunk in chunks}
    assert headings[2] == "2. Installing Ledgerly"
    assert headings[11] == "11. Troubleshooting"
    assert not any(re.search(r"(?m)^-\d+-", chunk.text) for chunk in chunks)


def test_a_windows_1252_file_with_utf8_pasted_in_reads_both_and_keeps_its_heading() -> None:
    # Windows-1252 dashes, euro sign and quotes, CRLF line ends, and one "é" typed as UTF-8:
    # the "é" was read as "Ã©", so "cafe" found nothing and the title read "cafÃ© rules";
    # the CRLF hid the "=====" underline that makes the first line a heading.
    data = (EXPLORE / "kitchen-cafe-rules.txt").read_bytes()

    document = extract_text_document(data, "kitchen-cafe-rules.txt")

    assert document.title == "Kitchen and café rules"
    assert document.text.startswith("# Kitchen and café rules\n\nThe 3rd floor café is open 08:00–14:00.")
    assert "€3.50" in document.text and "don’t put knives or the “good” glasses" in document.text
    assert "Ã" not in document.text and "\r" not in document.text


def test_windows_1252_letters_next_to_symbols_are_not_taken_for_utf8() -> None:
    # "É’" is C9 92 in Windows-1252, which UTF-8 would read as "ɒ"
    text = "Résumé: CAFÉ’S menu – naïve, 10 €"
    assert extract_text_document(text.encode("cp1252"), "notes.txt").text == text


def test_markdown_underlined_headings_and_a_table_keep_their_own_lines() -> None:
    # "-----" under a line heads a section (it was removed as a table rule), and the blank
    # lines around a table stay (a rule's "^\s*" ate them, gluing the table to the paragraph).
    data = (EXPLORE / "travel-expenses.md").read_bytes()

    text = extract_text_document(data, "travel-expenses.md").text

    assert "\n\n## Train and air travel\n\n" in text and "\n\n## Mileage\n\n" in text
    assert "on the train.\n\nItem | Limit per day\nHotel (UK) | £140\n" in text
    assert "Meals | £45\n\n## Mileage" in text


def _passages(name: str) -> list[Passage]:
    """The document's chunks as retrieval hands them over, in document order."""
    document = extract_text_document((EXPLORE / name).read_bytes(), name)
    return [passage(chunk.text, document_id=1, title=document.title or name, page=None,
                    heading=chunk.heading, chunk_id=chunk.ordinal)
            for chunk in chunk_document(document.pages)]


def _holding(passages: list[Passage], text: str) -> Passage:
    return next(p for p in passages if text in p.text)


def _quotes(question: str, *passages: Passage) -> list[str]:
    return [quote.text for quote in extract(query_weights(question), list(passages),
                                            wanted=asked_for(question))]


def test_a_table_row_is_quoted_alone_under_the_row_naming_its_columns() -> None:
    # leave-policy.docx: the family-leave table was one run-on "sentence", quoted as its
    # first 40 words ("Type of leave | How long | Pay: Maternity leave | Up to 52 weeks …").
    leave = _holding(_passages("leave-policy.docx"), "Paternity leave")

    answer = _quotes("how long is paternity leave", leave)

    assert answer[0] == ("Type of leave | How long | Pay\n"
                         "Paternity leave | 4 weeks, taken within 12 months of the birth | Full pay")
    assert not any("Maternity leave |" in quote for quote in answer)


def test_an_faq_question_is_a_heading_never_quoted_as_the_answer() -> None:
    # it-onboarding-faq.html: "How do I set up multi-factor authentication (MFA) [1]?" was the
    # first quote, and the shared drive's table rows were one line.
    faq = _passages("it-onboarding-faq.html")
    mfa = _holding(faq, "Authenticator")
    drive = _holding(faq, "smb://")

    mfa_answer = _quotes("how do I set up MFA", mfa)
    drive_answer = _quotes("how do i connect to the shared drive on a mac", drive)

    assert not any(quote.endswith("?") or "(MFA)?" in quote for quote in mfa_answer)
    assert mfa_answer[0].startswith("You must set up MFA within 24 hours")
    macos = next(quote for quote in drive_answer if "smb://" in quote)
    assert macos.endswith("macOS | In Finder choose Go > Connect to Server, type "
                          "`smb://files.northfield.example/shared` and click Connect.")
    assert "Windows |" not in macos


def test_a_windows_share_is_set_in_monospace_and_a_web_link_is_left_a_link() -> None:
    faq = _passages("it-onboarding-faq.html")

    drive = _quotes("the S: drive is missing on windows", _holding(faq, "smb://"))
    mfa = _quotes("where do I add a sign-in method for MFA", _holding(faq, "Authenticator"))

    assert any("`\\\\files.northfield.example\\shared`" in quote for quote in drive)
    assert any("go to https://aka.ms/mysecurityinfo and" in quote for quote in mfa)


def test_an_html_numbered_list_keeps_its_numbers_and_is_quoted_as_steps() -> None:
    # it-onboarding-faq.html's <ol> came out as "- " bullets: the MFA set-up read as five
    # unordered facts.
    faq = _passages("it-onboarding-faq.html")

    answer = _quotes("how do I set up MFA", _holding(faq, "Authenticator"))

    assert answer[0].split("\n")[:3] == [
        "You must set up MFA within 24 hours of your first sign-in:",
        "1. Install Microsoft Authenticator on your phone from the App Store or Google Play.",
        "2. On your laptop, go to https://aka.ms/mysecurityinfo and sign in.",
    ]
    assert answer[0].split("\n")[5].startswith("5. Add your mobile number as a second method")


async def _pdf_passages(shared_sandbox: PdfSandbox) -> list[Passage]:
    data = (EXPLORE / "ledgerly-manual.pdf").read_bytes()
    document = await extract_document(data, "ledgerly-manual.pdf", sandbox=shared_sandbox)
    return [passage(chunk.text, document_id=1, title=document.title or "", page=chunk.page,
                    heading=chunk.heading, chunk_id=chunk.ordinal)
            for chunk in chunk_document(document.pages)]


async def test_the_steps_for_a_mac_come_without_the_windows_steps_above_them(
    shared_sandbox: PdfSandbox,
) -> None:
    # Page 2: "2.2. Installing on Windows" after a table's last row (no full stop) was read
    # as the row's wrapped end, and the Mac steps' lead-in pulled the Windows list above it
    # into the same quote ("Installing on Windows To install Ledgerly on Windows: 1. …").
    install = _holding(await _pdf_passages(shared_sandbox), "Ledgerly-4.2.dmg")

    assert "\n2.2. Installing on Windows\nTo install Ledgerly on Windows:\n" in install.text
    answer = _quotes("how do I install ledgerly on a mac", install)

    assert answer[0].startswith("2.3. Installing on macOS: To install Ledgerly on a Mac:\n"
                                "1. Download Ledgerly-4.2.dmg from your account page.\n")
    assert "\n4. Enter your licence key when asked." in answer[0]
    assert not any("LedgerlySetup" in quote for quote in answer)


def test_a_scanned_text_file_keeps_its_pages_so_answers_cite_them() -> None:
    # fire-evacuation-scan.txt: OCR of a two-page notice, a form feed between the pages.
    # The form feed was dropped as a control character and both pages were one.
    data = (EXPLORE / "fire-evacuation-scan.txt").read_bytes()

    document = extract_text_document(data, "fire-evacuation-scan.txt")
    pages = {chunk.page for chunk in chunk_document(document.pages)
             if "Do NOT use the lifts" in chunk.text}

    assert [page.number for page in document.pages] == [1, 2]
    assert pages == {1}
    assert "The fire alarm is tested every Wednesday at 11:00" in document.pages[1].text
    assert "\f" not in document.text
