"""Which quote leads an answer without a model: the one that answers, not the one that
comes first in the document, that restates its title, or that shares a stray word."""

from __future__ import annotations

from knowledge.asked_for import asked_for
from knowledge.extractive import extract, query_weights
from knowledge.passages import Passage
from tests.unit.knowledge.answering_fakes import passage

TEAMS = passage(
    "Teams Meetings: Recording, Guests and Webinars\n"
    "Microsoft Teams is the standard tool for online meetings at Fernhill. "
    "This guide covers the settings that cause the most questions.\n"
    "Recording meetings\n"
    "Any organiser or presenter can record a meeting with More actions > Record and transcribe. "
    "Everybody in the meeting sees a banner when recording starts.\n"
    "Recordings are saved in the organiser's OneDrive and are deleted after 120 days.",
    document_id=9, title="Teams Meetings: Recording, Guests and Webinars", page=None,
    heading="Teams Meetings: Recording, Guests and Webinars",
)
VPN = passage(
    "2. Connecting for the first time\n"
    "Follow these steps the first time you connect from home:\n"
    "1. Make sure you are connected to the internet and that a normal website opens.\n"
    "2. Open Cisco Secure Client from the Start menu or from the menu bar on a Mac.\n"
    "3. In the connection box type vpn.fernhill.example and click Connect.\n"
    "4. Sign in with your email address, then approve the sign-in in Authenticator.\n"
    "The device check\n"
    "Before the tunnel opens, the client checks that your laptop has received updates. "
    "Run Windows Update or macOS Software Update, restart, wait ten minutes and try again.",
    document_id=6, title="VPN and Remote Access Guide", page=2,
    heading="2. Connecting for the first time",
)
LAPTOPS = passage(
    "Damage, loss and theft\n"
    "Accidental damage\n"
    "Report any damage in TicketFlow within two working days. The first accidental damage "
    "incident for each laptop is repaired at no cost to your department.\n"
    "Liquid spills\n"
    "If you spill a drink on your laptop, switch it off immediately and unplug it. "
    "Bring it to the IT bar; a replacement laptop is issued the same day.",
    document_id=2, title="Laptop Hardware, Repairs and Loan Equipment", page=2,
    heading="Damage, loss and theft",
)


def quotes(question: str, *passages: Passage) -> list[str]:
    return [quote.text for quote in extract(query_weights(question), list(passages),
                                            wanted=asked_for(question))]


def test_the_documents_opening_that_restates_its_title_does_not_lead() -> None:
    found = quotes("how do i record a teams meeting", TEAMS)

    assert "Record and transcribe" in found[0]
    assert not any("This guide covers" in quote for quote in found)


def test_a_how_to_question_is_answered_by_the_steps_not_a_sentence_sharing_one_word() -> None:
    found = quotes("how do I connect to the vpn on windows", VPN)

    assert found[0].startswith("Follow these steps the first time you connect from home:\n1. ")
    assert "\n3. In the connection box type vpn.fernhill.example and click Connect.\n4. " in (
        found[0])


def test_a_word_spelt_with_its_own_double_letter_matches_its_inflections() -> None:
    found = quotes("i spilled coffee on my laptop what do i do", LAPTOPS)

    assert found[0].startswith("Liquid spills: If you spill a drink on your laptop, switch it off")


def test_the_best_quote_leads_though_a_weaker_one_comes_earlier_in_the_passage() -> None:
    codes = passage(
        "Troubleshooting sign-in problems\n"
        "Sign-in problems are shown in small print under the message; quote them in your ticket.\n"
        "Authenticator notifications do not arrive\n"
        "Open the app itself and pull down to refresh; pending sign-in requests appear there.",
        document_id=4, title="Passwords and MFA", page=5,
        heading="Troubleshooting sign-in problems",
    )

    found = quotes("authenticator sign-in notifications never arrive on my phone", codes)

    assert found[0].startswith("Authenticator notifications do not arrive: Open the app itself")


def test_the_sentence_before_a_quote_joins_it_in_reading_order() -> None:
    scanning = passage(
        "Scanning\n"
        "Scan to Me emails the scan to your own mailbox. You cannot type another address; "
        "forward the email afterwards. Attachments over 20 MB are not delivered.",
        document_id=5, title="Printing and Scanning Guide", page=3, heading="Scanning",
    )

    found = quotes("how do i scan something and email it to my boss", scanning)

    assert found[0].startswith("Scan to Me emails the scan to your own mailbox. You cannot type")
    assert len(found) == 1


def test_the_first_quote_stays_with_the_document_search_put_first() -> None:
    first = passage("Home working\nYou may print at home only documents classified Public.",
                    document_id=3, title="New Starter IT Setup", page=6)
    other = passage("To print a document at home on your own printer, install its driver.",
                    document_id=7, title="Printing", page=1)

    found = extract(query_weights("can i print a document at home"), [first, other])

    assert [quote.passage.document_id for quote in found] == [3, 7]


EXPENSES_CLAIMS = passage(
    "Submitting a claim\n"
    "Claims are made in Spendwise, the expenses app on the intranet and on your phone. "
    "Submit each expense within 60 days of the date you spent the money.\n"
    "When you will be paid\n"
    "Approved claims are paid with your monthly salary. A claim that is submitted and fully "
    "approved by the 20th of the month is paid on the last working day of that month. "
    "Reimbursements appear as a separate line on your payslip and are not taxed.",
    document_id=4, title="Expenses and Reimbursement Policy", page=1, heading="Submitting a claim",
)
EXPENSES_CARDS = passage(
    "Corporate cards and questions\n"
    "Staff who travel at least once a month can apply for a Fernhill corporate card. "
    "The application needs your manager's approval and takes about ten working days.",
    document_id=4, title="Expenses and Reimbursement Policy", page=5,
    heading="Corporate cards and questions",
)


def test_how_long_a_thing_takes_is_not_answered_by_what_else_takes_time() -> None:
    # "take" matched "takes about ten working days" (the card application) over the
    # section on when claims are paid
    quoted = quotes("how long does reimbursement take", EXPENSES_CLAIMS, EXPENSES_CARDS)

    assert quoted and "payslip" in quoted[0]
    assert not any("application" in quote for quote in quoted)
    # asked about the card, the card's sentence still answers
    assert "ten working days" in quotes(
        "how long does a corporate card take", EXPENSES_CLAIMS, EXPENSES_CARDS
    )[0]
