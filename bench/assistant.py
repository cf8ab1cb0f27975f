"""How long a help answer takes, without a model: `ticketflow ask` and the chat path.

    python -m bench.assistant [--backend sqlite,postgresql] [--questions N] [--local-embeddings]

The fixture documents (tests/fixtures/help) are added with the real `docs add`
code to a fresh database per backend; then, for the questions of questions.json
(all of them, or the first `--questions`):

- baseline: `python -c pass` as a new process, measured in the same run, so the
  figures can be read against what merely starting Python costs on this machine
  under its current load;
- ask: `ticketflow ask "…"` as a new process each time, on the warm database
  (its file or server already up), wall time from start to exit, like a person
  at a terminal; the console script as installed, its modules byte-compiled by the
  warm-up run (as they are after any first run, whatever PYTHONDONTWRITEBYTECODE says
  in the shell that runs the benchmark).
- chat: what the bot's answer task does between a message and posting its card,
  in one warm process: `HelpAssistant.ask` (search, gate, quotes, the exchange
  stored) and the answer card rendered; the Bot Connector round trip is not
  included. p50/p95 per question.

With --local-embeddings the documents are embedded and every path searches hybrid
with the local model (TICKETFLOW_EMBEDDING_MODEL=local), so `ask` includes loading
the model in each new process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.ingest import scratch_postgresql
from db.engine import create_engine
from db.migrate import upgrade
from domain.people import Role
from knowledge.answering import HelpAssistant
from knowledge.citations import source_url
from ticketflow.assistant import build_assistant
from ticketflow.knowledge import build_knowledge
from ticketflow.runtime import Runtime
from ticketflow.settings import LOCAL_EMBEDDINGS, Settings
from tests.integration.builders import insert_user
from tests.integration.knowledge.evaluation import ingest_fixtures, load_questions

WEB_URL = "https://tf.example.com"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def prepare(url: str, embedding_model: str | None) -> str:
    await upgrade(url)
    engine = create_engine(url)
    settings = Settings(database_url=url, embedding_model=embedding_model)
    knowledge = build_knowledge(Runtime(settings=settings, engine=engine))
    try:
        await ingest_fixtures(uow=knowledge.uow(), indexer=knowledge.indexer)
        return await insert_user(engine, email="ada@example.com", role="user")
    finally:
        await knowledge.close()
        await engine.dispose()


def baseline_times(count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, timeout=60)
        times.append(time.perf_counter() - started)
    return times


def ask_times(url: str, questions: list[str], embedding_model: str | None) -> list[float]:
    environment = {**os.environ, "TICKETFLOW_DATABASE_URL": url}
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "TICKETFLOW_EMBEDDING_MODEL"):
        environment.pop(name, None)
    if embedding_model:
        environment["TICKETFLOW_EMBEDDING_MODEL"] = embedding_model
    # An installed `ticketflow` runs from byte-compiled modules (pip compiles them; an
    # editable install writes them on first run). With this set, as some CI and sandbox
    # shells have it, every run would compile the project's ~100 modules from source
    # again: the warm-up run writes them instead, as a person's first run would.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    script = str(Path(sys.executable).with_name("ticketflow"))
    times = []
    for question in questions:
        started = time.perf_counter()
        subprocess.run([script, "ask", question, "--as", "ada@example.com"], env=environment,
                       check=True, capture_output=True, timeout=120)
        times.append(time.perf_counter() - started)
    return times


async def chat_times(
    url: str, questions: list[str], user_id: str, embedding_model: str | None
) -> list[float]:
    from bot.cards.answer import AnswerView, SourceView, answer_card

    engine = create_engine(url)
    settings = Settings(database_url=url, embedding_model=embedding_model)
    runtime = Runtime(settings=settings, engine=engine)
    knowledge = build_knowledge(runtime)
    assistant: HelpAssistant = build_assistant(runtime, retriever=knowledge.retriever)
    times = []
    try:
        await assistant.ask(user_id=user_id, session_id="warm-up", question="vpn")
        for number, question in enumerate(questions):
            started = time.perf_counter()
            answer = await assistant.ask(user_id=user_id, session_id=f"bench-{number}",
                                         question=question, reader=Role.USER)
            answer_card(AnswerView(
                message_id=answer.message_id, question=answer.question, text=answer.text,
                answered=answer.answered,
                sources=tuple(SourceView(c.number, c.label, source_url(WEB_URL, c))
                              for c in answer.citations),
            ))
            times.append(time.perf_counter() - started)
    finally:
        await assistant.aclose()
        await knowledge.close()
        await engine.dispose()
    return times


def row(label: str, values: list[float]) -> str:
    return (f"| {label} | {len(values)} | {statistics.median(values) * 1000:.0f} | "
            f"{percentile(values, 0.95) * 1000:.0f} |")


async def measure(
    url: str, label: str, questions: list[str], embedding_model: str | None = None
) -> list[str]:
    user_id = await prepare(url, embedding_model)
    # the database file or server is warm from here on
    ask_times(url, questions[:1], embedding_model)
    asked = ask_times(url, questions, embedding_model)
    baseline = baseline_times(len(questions))
    chatted = await chat_times(url, questions, user_id, embedding_model)
    if embedding_model:
        label = f"{label}, embeddings {embedding_model}"
    ratio = statistics.median(asked) / statistics.median(baseline)
    return [row(f"{label}: `python -c pass` (baseline, same run)", baseline),
            row(f"{label}: ticketflow ask (new process), {ratio:.1f}x the baseline p50", asked),
            row(f"{label}: chat answer, no model (warm process)", chatted)]


async def run(args: argparse.Namespace) -> list[str]:
    questions = [q.text for q in load_questions()]
    questions = questions[: args.questions] if args.questions else questions
    rows = ["| path | questions | p50 ms | p95 ms |", "|---|---|---|---|"]
    model = LOCAL_EMBEDDINGS if args.local_embeddings else None
    backends = args.backend.split(",")
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory(prefix="tf_assistant_bench_") as folder:
            rows += await measure(
                f"sqlite+aiosqlite:///{folder}/bench.db", "SQLite", questions, model
            )
    if "postgresql" in backends:
        async with scratch_postgresql() as url:
            rows += await measure(url, "PostgreSQL", questions, model)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", default="sqlite,postgresql")
    parser.add_argument("--questions", type=int, default=0, help="0: every question")
    parser.add_argument("--local-embeddings", action="store_true",
                        help="search hybrid with the local embeddings model")
    print("\n".join(asyncio.run(run(parser.parse_args()))))


if __name__ == "__main__":
    main()
