"""Whether a service is up this minute is not in any help document: "is teams down?" is
said not found (and offered as a ticket), not answered from a page about Teams."""

from __future__ import annotations

import pytest

from knowledge.answering import NOT_FOUND, AnswerSource, HelpAssistant, MinimumScore
from knowledge.question import asks_live_status
from tests.unit.knowledge.answering_fakes import (
    MemoryChatStore,
    MemoryChatWork,
    MemoryRetriever,
    ScriptedModel,
    passage,
)

TEAMS = passage(
    "Microsoft Teams is the standard tool for online meetings. Any organiser can record a "
    "meeting with More actions > Record and transcribe.",
    document_id=9, title="Teams Meetings", page=None,
)
STATUS = passage(
    "Outages of Teams, Outlook and the VPN are posted on the service status page at "
    "status.fernhill.example within ten minutes.",
    document_id=4, title="Service desk", page=1,
)


@pytest.mark.parametrize(("question", "live"), [
    ("is teams down?", True),
    ("Is Outlook down right now", True),
    ("is the VPN down for everyone else?", True),
    ("are the printers working today?", True),
    ("hi, is wifi broken or is it just me", True),
    ("is teams down? i cant join my meeting", False),
    ("is there parking at the office", False),
    ("is it working now?", False),
    ("is my account locked", False),
    ("are you up", False),
    ("teams is down", False),
    ("how do i know if teams is down", False),
])
def test_a_question_only_about_whether_a_service_is_up(question: str, live: bool) -> None:
    assert asks_live_status(question) is live


def helper(*passages: object, llm: ScriptedModel | None = None) -> HelpAssistant:
    return HelpAssistant(retriever=MemoryRetriever(passages),  # type: ignore[arg-type]
                         uow=MemoryChatWork(MemoryChatStore()), llm=llm, gate=MinimumScore(0.1))


async def test_is_teams_down_is_not_answered_from_a_page_about_teams() -> None:
    model = ScriptedModel(["Teams is the standard tool for online meetings [1]."])

    answer = await helper(TEAMS, llm=model).ask(user_id="u1", session_id="s1",
                                                question="is teams down?")

    assert not answer.answered and answer.source is AnswerSource.NOT_FOUND
    assert answer.text == NOT_FOUND and model.prompts == []


async def test_a_page_saying_where_outages_are_posted_answers_it() -> None:
    answer = await helper(TEAMS, STATUS).ask(user_id="u1", session_id="s1",
                                             question="is teams down?")

    assert answer.answered and "status.fernhill.example" in answer.text


async def test_saying_more_than_whether_it_is_up_is_asked_as_usual() -> None:
    answer = await helper(TEAMS).ask(user_id="u1", session_id="s1",
                                     question="is teams down? i cant record my meeting")

    assert answer.answered and "Record and transcribe" in answer.text
