"""Follow-ups over documents written outside the evaluation sets (tests/fixtures/explore),
indexed and searched as in production, without a model."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.answering import HelpAssistant
from knowledge.ingestion import Upload, add_help_document
from ticketflow.knowledge import Knowledge, build_knowledge
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings
from tests.integration.builders import insert_user

EXPLORE = Path(__file__).resolve().parents[2] / "fixtures" / "explore"
NOT_FOUND = "I couldn't find this in the help documents"


@pytest_asyncio.fixture
async def knowledge(engine: AsyncEngine, database_url: str) -> AsyncIterator[Knowledge]:
    built = build_knowledge(Runtime(settings=Settings(database_url=database_url), engine=engine))
    try:
        for name in ("remote-access-vpn.md", "leave-policy.docx", "it-onboarding-faq.html"):
            await add_help_document(uow=built.uow(), indexer=built.indexer, title=None,
                                    upload=Upload(name, (EXPLORE / name).read_bytes()))
        yield built
    finally:
        await built.close()


async def test_a_follow_up_the_documents_say_nothing_about_is_not_the_last_answer_again(
    engine: AsyncEngine, knowledge: Knowledge
) -> None:
    # "and on mac?" after the Windows VPN steps was answered with the same Windows steps,
    # word for word: nothing in them is about a Mac. It is now answered from the guide's
    # lines on macOS ("macOS" is read as another name of "mac"), never with the Windows
    # steps again.
    user = await insert_user(engine)
    helper = HelpAssistant(retriever=knowledge.retriever, uow=knowledge.uow, llm=None)

    first = await helper.ask(user_id=user, session_id="s", question="how do i connect to the vpn on windows")
    mac = await helper.ask(user_id=user, session_id="s", question="and on mac?")
    linux = await helper.ask(user_id=user, session_id="s", question="and on linux?")

    assert "1. Click the GlobalProtect icon in the system tray" in first.text
    assert mac.follow_up and mac.answered
    assert "macOS asks to allow a system extension" in mac.text
    assert "Click the GlobalProtect icon in the system tray" not in mac.text
    assert linux.follow_up and linux.answered
    assert "Linux is supported for engineering staff only. Install openconnect and run:\n" \
           "  `sudo openconnect --protocol=gp vpn.northfield.example --user=jane.doe`" in linux.text
    assert "Gateway not responding" not in linux.text  # the next section's bullets stay there


async def test_a_question_about_a_mac_gets_the_guide_s_macos_steps(
    engine: AsyncEngine, knowledge: Knowledge
) -> None:
    # "mac" found nothing under "Connecting on macOS": the guide never says "Mac" alone
    user = await insert_user(engine)
    helper = HelpAssistant(retriever=knowledge.retriever, uow=knowledge.uow, llm=None)

    answer = await helper.ask(user_id=user, session_id="s",
                              question="how do i connect to the vpn on my mac")

    assert answer.answered
    assert "1. Click the GlobalProtect globe in the menu bar." in answer.text
    assert "system tray" not in answer.text
