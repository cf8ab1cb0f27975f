""""what help documents do you have?": the bot lists the help documents the person may read,
with how many there are; a customer never sees a staff-only title, nor does anyone in a
channel, where everyone reads the reply. Questions about what a document says, and asks
for tickets, go where they went before."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.help_chat import LOOKING
from knowledge.audience import STAFF_ROLES
from knowledge.ingestion import Upload, add_help_document
from tests.e2e.service import Service, user_in_teams
from tests.integration.builders import insert_user
from ticketflow.knowledge import build_knowledge
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

RUNBOOK = "Wireless controller runbook"


async def add_runbook(engine: AsyncEngine, database_url: str) -> None:
    knowledge = build_knowledge(Runtime(settings=Settings(database_url=database_url),
                                        engine=engine))
    try:
        await add_help_document(
            uow=knowledge.uow(), indexer=knowledge.indexer, title=RUNBOOK, audience=STAFF_ROLES,
            upload=Upload("wlc.txt", b"Restarting the wireless controller: sign in to WLC-01 "
                                     b"and choose Maintenance, Reboot controller."),
        )
    finally:
        await knowledge.close()


@pytest.mark.parametrize("asked", [
    "what help documents do you have?", "which manuals can you search?", "list the guides",
    "what can you answer questions about?", "What docs do you have", "show me the help documents",
    "which guides are there?", "do you have any manuals?",
])
async def test_staff_are_told_every_document_they_may_read(
    helpdesk: Service, engine: AsyncEngine, database_url: str, asked: str
) -> None:
    await add_runbook(engine, database_url)
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")

    turn = await helpdesk.say(asked, user=ada)

    [told] = turn.texts
    assert told.startswith("I can answer questions from 3 help documents:")
    assert [line for line in told.splitlines() if line.startswith("- ")] == [
        "- Email and Calendar", "- Wi-Fi Networks", f"- {RUNBOOK}"]


async def test_a_customer_is_never_told_a_staff_only_title(
    helpdesk: Service, engine: AsyncEngine, database_url: str
) -> None:
    await add_runbook(engine, database_url)
    await insert_user(engine, role="customer", email="carol@example.com")
    carol = helpdesk.person("carol@example.com", "Carol Customer")

    turn = await helpdesk.say("what help documents do you have?", user=carol)

    [told] = turn.texts
    assert told.startswith("I can answer questions from 2 help documents:")
    assert "runbook" not in told.casefold()


async def test_in_a_channel_only_the_documents_for_everyone_are_listed(
    helpdesk: Service, engine: AsyncEngine, database_url: str
) -> None:
    await add_runbook(engine, database_url)
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")

    turn = await helpdesk.say_in_channel("which manuals can you search?", user=ada)

    assert any(text.startswith("I can answer questions from 2 help documents:")
               for text in turn.texts)
    assert "runbook" not in " ".join(turn.texts).casefold()


@pytest.mark.parametrize("asked", [
    "what does the vpn guide say about mfa", "which guide covers the guest wifi?",
    "list the guides for the printer",
])
async def test_a_question_about_what_a_document_says_goes_to_the_assistant(
    helpdesk: Service, engine: AsyncEngine, asked: str
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")

    turn = await helpdesk.say(asked, user=ada)

    assert not any("help documents:" in text for text in turn.texts)
    if asked.endswith(("mfa", "?")):
        assert LOOKING in turn.texts


@pytest.mark.parametrize("asked", ["list my tickets", "show documents attached to 12"])
async def test_tickets_and_their_attachments_are_not_the_help_documents(
    helpdesk: Service, engine: AsyncEngine, asked: str
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")

    turn = await helpdesk.say(asked, user=ada)

    assert not any("help documents:" in text for text in turn.texts)
