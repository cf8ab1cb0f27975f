"""`ticketflow ask` and `ticketflow docs stats`, run as the console script runs them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from db.engine import create_engine
from db.migrate import upgrade
from knowledge.ingestion import Upload, add_help_document
from ticketflow.knowledge import build_knowledge
from ticketflow.cli import main
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings, database_url

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
                library=knowledge.library, indexer=knowledge.indexer, title=title,
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
    [row] = [line for line in printed.splitlines() if "parking permit" in line]
    assert row.split()[:3] == ["2", "2", "0"]
