"""Quotes for a problem told rather than asked, from the help documents as they are uploaded:
a verb with its particle ("won't turn on", "log in") is not the verb alone, "not working"
says that something is wrong but not what, and "called" before a name names it."""

from __future__ import annotations

import pytest

from knowledge.asked_for import asked_for
from knowledge.chunking import chunk_document
from knowledge.extraction import PdfSandbox, extract_document
from knowledge.extractive import extract, query_weights
from knowledge.passages import Passage
from knowledge.senses import read_in_sense
from tests.unit.knowledge.answering_fakes import passage
from tests.unit.knowledge.paths import HELP


async def _chunks(name: str, sandbox: PdfSandbox, document_id: int) -> list[Passage]:
    """The help document's chunks as retrieval hands them over, in document order."""
    document = await extract_document((HELP / name).read_bytes(), name, sandbox=sandbox)
    return [passage(chunk.text, document_id=document_id, title=document.title or name,
                    page=chunk.page, heading=chunk.heading, chunk_id=document_id * 100 + chunk.ordinal)
            for chunk in chunk_document(document.pages)]


def _headed(passages: list[Passage], heading: str) -> Passage:
    return next(p for p in passages if p.heading == heading)


def _quotes(question: str, *passages: Passage) -> list[str]:
    return [quote.text for quote in extract(query_weights(question), list(passages),
                                            wanted=asked_for(question))]


@pytest.fixture
async def laptops(shared_sandbox: PdfSandbox) -> list[Passage]:
    found = await _chunks("laptop-hardware-loans.pdf", shared_sandbox, 2)
    # as search ranks them for a laptop that will not start
    return [_headed(found, heading) for heading in (
        "Damage, loss and theft", "Standard laptops and warranty", "Lost or stolen laptops")]


async def test_a_laptop_that_wont_turn_on_is_not_told_to_turn_it_upside_down(
    laptops: list[Passage],
) -> None:
    for told in ("my laptop wont turn on after the update", "laptop won't turn on",
                 "my laptop doesnt power on since the update", "the laptop will not switch on"):
        found = _quotes(told, *laptops)

        assert "upside down" not in found[0], told
        if "update" in told:
            assert "category Hardware" in found[0], told


async def test_a_spill_told_with_it_is_still_answered_by_the_spill(
    laptops: list[Passage],
) -> None:
    found = _quotes("i spilled tea on my laptop and now it wont turn on", *laptops)

    assert found[0].startswith("Liquid spills: If you spill a drink on your laptop")


async def test_log_in_is_signing_in_not_what_is_logged(shared_sandbox: PdfSandbox) -> None:
    setup = await _chunks("new-starter-it-setup.pdf", shared_sandbox, 3)
    passwords = await _chunks("password-reset-mfa.pdf", shared_sandbox, 4)
    ranked = [_headed(setup, "Software"), _headed(passwords, "Password rules"),
              _headed(setup, "Your first day")]

    for told in ("i cant log in", "cant log in on my first day"):
        found = _quotes(told, *ranked)

        assert not any("every use is logged" in quote for quote in found), told
        assert found[0].startswith("Signing in for the first time:"), told


async def test_not_working_finds_the_thing_not_the_working_day(
    shared_sandbox: PdfSandbox,
) -> None:
    setup = await _chunks("new-starter-it-setup.pdf", shared_sandbox, 3)
    passwords = await _chunks("password-reset-mfa.pdf", shared_sandbox, 4)
    ranked = [_headed(setup, "Phones, home working and leaving"),  # as search ranks them
              _headed(setup, "Security training and rules"), _headed(passwords, "Password rules"),
              _headed(setup, "Accounts and access"), _headed(setup, "Your first day")]

    for told in ("outlook not working on my phone", "outlook doesn't work on my phone",
                 "outlook stopped working on my phone"):
        found = _quotes(told, *ranked)

        assert "enrolling it in Intune" in found[0], told
        assert "work profile" not in found[0].split("Intune")[0], told


async def test_work_asked_about_still_counts(shared_sandbox: PdfSandbox) -> None:
    setup = await _chunks("new-starter-it-setup.pdf", shared_sandbox, 3)
    ranked = [_headed(setup, heading) for heading in (
        "Phones, home working and leaving", "Security training and rules")]

    found = _quotes("can I read my work email on my personal phone", *ranked)

    assert "read email and Teams on their own phone" in found[0]


async def test_a_folder_called_by_its_name_is_no_call(shared_sandbox: PdfSandbox) -> None:
    printing = await _chunks("printers-scanning.pdf", shared_sandbox, 5)
    vpn = await _chunks("vpn-remote-access.pdf", shared_sandbox, 6)
    ranked = [_headed(vpn, "5. Error messages and getting help"), _headed(printing, "Scanning")]

    called = _quotes("called the user, no answer", *ranked)
    named = _quotes("what is the folder called where my scans go", *ranked)

    assert not any("folder called Scans" in quote for quote in called)
    assert any("folder called Scans" in quote for quote in named)


@pytest.mark.parametrize(("text", "read"), [
    ("my laptop wont turn on", "my laptop wont turnon"),
    ("switch it off immediately", "switchoff it immediately"),
    ("turn it upside down", "turn it upside down"),
    ("how do i log into the vpn", "how do i login the vpn"),
    ("Sign in with your email address", "signin with your email address"),
    ("notifications dont show up", "notifications dont showup"),
    ("To set up the app:", "To setup the app:"),
    ("the search turns up", "the search turns up"),
    ("the hotspot is not working", "the hotspot is not "),
    ("it doesn't seem to work", "it doesn't seem to "),
    ("my pass no longer works", "my pass no longer "),
    ("ten working days", "ten working days"),
    ("reset only works if you have registered", "reset only works if you have registered"),
    ("a queue called FH-FollowMe", "a queue FH-FollowMe"),
    ("I called Sam", "I called Sam"),
    ("called the user", "called the user"),
])
def test_words_are_read_in_the_sense_their_sentence_gives_them(text: str, read: str) -> None:
    assert read_in_sense(text) == read


async def test_a_misspelt_word_search_found_is_quoted_too(shared_sandbox: PdfSandbox) -> None:
    # search reads "pasword" as "password" (one edit from an indexed word, not English), but
    # quoting compared the words as typed: nothing matched and nothing was quoted.
    passwords = await _chunks("password-reset-mfa.pdf", shared_sandbox, 4)
    ranked = [_headed(passwords, "Password rules"), _headed(passwords, "Self-service password reset")]

    for typed in ("how do i chnage my pasword", "how do i change my pasword",
                  "how do i chnage my password"):
        found = _quotes(typed, *ranked)

        assert found and "Change a password" in found[0], typed


async def test_an_english_word_is_never_read_as_another(laptops: list[Passage]) -> None:
    # "spilt" is a word of its own: it stays unmatched rather than become "spill"
    assert _quotes("spilt", *laptops) == []
