"""Every sentence of a model's answer must be supported by the passages it cites.

The passages are real fixture text: the Wi-Fi guide and ssh-add's manual.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.passages import Passage
from knowledge.prompt import build_prompt
from knowledge.reply import Grounded, NoAnswer, read_reply, supported_sentences
from tests.unit.knowledge.answering_fakes import passage
from tests.unit.knowledge.paths import HELP, MANUALS


def section(path: Path, start: str, end: str) -> str:
    """The fixture's text from the line holding `start` up to the one holding `end`."""
    text = path.read_text(encoding="utf-8")
    first = text.index(start)
    return " ".join(text[first:text.index(end, first) + len(end)].split())


BYOD = passage(
    section(HELP / "wifi-networks.txt", "Use this network for your own phone",
            "blocked on this network."),
    document_id=7, title="Wi-Fi Networks in Fernhill Offices", page=None,
)
SSH_ADD = passage(
    section(MANUALS / "ssh-add.txt", "-D      Deletes all identities",
            "from the agent."),
    document_id=9, title="ssh-add(1): adds private key identities", page=None,
)
WIFI_QUESTION = "why does my phone keep getting disconnected from the Staff-BYOD wifi"


def kept(reply: str, passages: list[Passage], question: str) -> str | None:
    return supported_sentences(reply, passages, question=question)


def test_the_fixture_passages_say_what_the_tests_rely_on() -> None:
    assert "disconnected after 8 hours" in BYOD.text
    assert SSH_ADD.text == "-D Deletes all identities from the agent."


@pytest.mark.parametrize(
    "sentence",
    [
        "Devices are disconnected after 8 hours and must sign in again [1].",
        "Your phone is disconnected after eight hours; sign in again [1].",
        "Sign in with your Fernhill email address and password [1].",
    ],
)
def test_a_sentence_the_cited_passage_states_is_kept(sentence: str) -> None:
    assert kept(sentence, [BYOD], WIFI_QUESTION) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # a changed figure: the costliest error, though every other word is the passage's
        "Devices are disconnected after 12 hours and must sign in again [1].",
        "Devices are disconnected after 8 hours; call extension 4455 to extend it [1].",
        # the question's own words support no claim added to them
        "Your phone keeps getting disconnected from the Staff-BYOD wifi because its router "
        "firmware is outdated [1].",
        "Staff-BYOD phones get disconnected whenever the building firewall restarts [1].",
    ],
)
def test_a_sentence_with_a_claim_the_cited_passage_lacks_is_dropped(sentence: str) -> None:
    reply = f"Devices are disconnected after 8 hours and must sign in again [1]. {sentence}"

    assert kept(reply, [BYOD], WIFI_QUESTION) == (
        "Devices are disconnected after 8 hours and must sign in again [1]."
    )


def test_an_option_the_manual_does_not_give_is_dropped_and_the_one_it_gives_kept() -> None:
    question = "remove every key from the agent"

    assert kept("Run ssh-add -D to delete all identities from the agent [1].", [SSH_ADD],
                question) is not None
    assert kept("Run ssh-add -X to delete all identities from the agent [1].", [SSH_ADD],
                question) is None
    assert kept("Run ssh-add --purge to delete all identities from the agent [1].", [SSH_ADD],
                question) is None


def test_a_number_the_question_gives_may_be_repeated() -> None:
    question = "my phone was disconnected from Staff-BYOD 3 times today"

    assert kept("Devices are disconnected after 8 hours, which explains the 3 times [1].",
                [BYOD], question) is not None


def test_a_list_keeps_its_step_numbers_and_drops_only_the_unsupported_step() -> None:
    reply = ("1. Sign in with your Fernhill email address and password [1].\n"
             "2. Reset the phone's network settings every 3 days [1].\n"
             "3. Sign in again after 8 hours [1].")

    assert kept(reply, [BYOD], WIFI_QUESTION) == (
        "1. Sign in with your Fernhill email address and password [1].\n"
        "3. Sign in again after 8 hours [1]."
    )


def test_a_reply_that_only_restates_the_question_is_not_found() -> None:
    built = build_prompt(question=WIFI_QUESTION, passages=[BYOD], canary="tf-canary")

    verdict = read_reply("Your Staff-BYOD wifi keeps dropping [1]. "
                         "Phones on Staff-BYOD get disconnected after 2 hours [1].",
                         built, question=WIFI_QUESTION)

    assert isinstance(verdict, NoAnswer)


def test_a_supported_reply_stands_whole_with_its_citation() -> None:
    built = build_prompt(question=WIFI_QUESTION, passages=[BYOD], canary="tf-canary")

    verdict = read_reply("Devices on this network are disconnected after 8 hours and must "
                         "sign in again with your Fernhill email address [1].",
                         built, question=WIFI_QUESTION)

    assert isinstance(verdict, Grounded)
    assert re.search(r"after 8 hours .* \[1\]\.$", verdict.answer.text)


def test_a_step_number_the_model_wrote_itself_states_nothing() -> None:
    reply = ("Step 1: Sign in with your Fernhill email address and password [1].\n"
             "Step 2: Sign in again after 8 hours [1].\n"
             "Step 3: Sign in again after 6 hours [1].")

    assert kept(reply, [BYOD], WIFI_QUESTION) == (
        "Step 1: Sign in with your Fernhill email address and password [1].\n"
        "Step 2: Sign in again after 8 hours [1]."
    )
