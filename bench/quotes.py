"""Whether the answer without a model quotes what answers the question.

    python -m bench.quotes [--backend sqlite,postgresql] [--corpus help,manuals] [--show-misses]
    python -m bench.quotes --table [bench/quote_table.json] [--backend sqlite]

bench.retrieval asks whether the right document is cited; a right citation can
still quote the wrong sentences of it ("how do I get on the guest wifi" citing the
Wi-Fi guide, but quoting how to report a weak signal). Here every answerable
question of each evaluation set is asked through the real search, decline gate and
extractive answer (`knowledge.extractive.extract`, what the assistant says without
an OpenAI key), and the answer is checked against the question's evidence phrases
in questions.json (case-, white-space- and backtick-insensitively):

- quoted: the answer holds an evidence phrase;
- first: the first quote holds one (the line people read);
- of cited: quoted, among the questions whose first citation is a right document
  (how well the sentences are chosen, apart from retrieval);
- words: the answer's mean length in words, so that quoting more is not a free win.

`--table` asks the questions of a table written apart from the evaluation sets
(bench/quote_table.json: questions worded as people ask, each with phrases of which
the *first* quote must hold one, or marked to be declined) and lists each miss.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.scratch import scratch_url
from db.engine import create_engine
from db.migrate import upgrade
from db.uow import SqlUnitOfWork
from knowledge.answering import DEEPER_POOL, more_of_the_first, unknowable
from knowledge.asked_for import asked_for
from knowledge.extraction import PdfSandbox
from knowledge.extractive import Quote, extract, query_weights
from knowledge.indexing import DocumentIndexer
from knowledge.retrieval import LexicalRetriever
from tests.integration.knowledge.evaluation import CORPORA, HALVES, ingest_fixtures
from ticketflow.knowledge import chunk_search


@dataclass(frozen=True, slots=True)
class Asked:
    id: str
    question: str
    half: str
    evidence: tuple[str, ...]
    documents: frozenset[str]


@dataclass(frozen=True, slots=True)
class Answer:
    asked: Asked
    cited_right: bool
    quoted: bool
    first: bool
    words: int
    text: str


def normalised(text: str) -> str:
    return " ".join(text.replace("`", "").casefold().split())


def answerable(corpus: Path) -> list[Asked]:
    """The answerable questions, halved as the retrieval evaluation halves them."""
    raw = json.loads((corpus / "questions.json").read_text(encoding="utf-8"))["questions"]
    found = []
    position = 0
    for item in raw:
        answers = item.get("answers") or ()
        if not answers:
            continue
        found.append(Asked(
            id=item["id"],
            question=item["question"],
            half=item.get("half") or HALVES[position % 2],
            evidence=tuple(phrase for answer in answers for phrase in answer.get("evidence", ())),
            documents=frozenset(answer["document"] for answer in answers),
        ))
        position += "half" not in item  # one added to a half later leaves the alternation
    return found


def judged(asked: Asked, quotes: Sequence[Quote], filenames: dict[int, str]) -> Answer:
    phrases = [normalised(phrase) for phrase in asked.evidence]
    texts = [normalised(quote.text) for quote in quotes]
    holds = [any(phrase in text for phrase in phrases) for text in texts]
    return Answer(
        asked=asked,
        cited_right=bool(quotes) and filenames.get(quotes[0].passage.document_id or -1)
        in asked.documents,
        quoted=any(holds),
        first=bool(holds) and holds[0],
        words=sum(len(quote.text.split()) for quote in quotes),
        text="\n".join(quote.text for quote in quotes),
    )


async def answers(url: str, corpus: Path) -> list[Answer]:
    asked = answerable(corpus)
    quoted, filenames = await quotes_for(url, corpus, [a.question for a in asked])
    return [judged(a, quotes or [], filenames) for a, quotes in zip(asked, quoted, strict=True)]


async def quotes_for(
    url: str, corpus: Path, questions: Sequence[str]
) -> tuple[list[list[Quote] | None], dict[int, str]]:
    """Each question's quotes as the assistant without a model gives them (None: declined),
    with the corpus added to a fresh database; and document id → file name."""
    await upgrade(url)
    engine = create_engine(url)
    try:
        with PdfSandbox(workers=1) as sandbox:
            filenames = await ingest_fixtures(
                uow=SqlUnitOfWork(engine), indexer=DocumentIndexer(sandbox=sandbox), corpus=corpus
            )
        retriever = LexicalRetriever(chunk_search(engine))
        found: list[list[Quote] | None] = []
        for question in questions:
            passages = more_of_the_first(
                await retriever.search(question, limit=DEEPER_POOL))  # as the assistant
            declined = retriever.decline(passages) or unknowable(question, passages)
            found.append(None if declined else extract(
                query_weights(question), passages, wanted=asked_for(question)
            ))
        return found, filenames
    finally:
        await engine.dispose()


TABLE = Path(__file__).with_name("quote_table.json")


async def run_table(path: Path, backends: Sequence[str]) -> str:
    """Per backend and source (brief / held-out): first quotes that hold a wanted phrase,
    questions declined that should be, and each miss."""
    rows = json.loads(path.read_text(encoding="utf-8"))["questions"]
    lines = ["| backend | source | first quote right | declined right |", "|---|---|---|---|"]
    shown = []
    for backend in backends:
        good: dict[tuple[str, bool], list[bool]] = {}
        for corpus in sorted({row["corpus"] for row in rows}):
            mine = [row for row in rows if row["corpus"] == corpus]
            async with scratch_url(backend, prefix="tfquote_bench") as url:
                quoted, _ = await quotes_for(url, CORPORA[corpus], [r["question"] for r in mine])
            for row, quotes in zip(mine, quoted, strict=True):
                decline = bool(row.get("decline"))
                first = normalised(quotes[0].text) if quotes else ""
                right = quotes is None if decline else any(
                    normalised(phrase) in first for phrase in row["first"])
                good.setdefault((row["source"], decline), []).append(right)
                if not right:
                    said = "declined" if quotes is None else re.sub(r"\s+", " ", first)[:200]
                    shown.append(f"- {backend} {corpus} {row['question']!r}: {said!r}")
        for source in sorted({source for source, _ in good}):
            firsts, declines = good.get((source, False), []), good.get((source, True), [])
            lines.append(f"| {backend} | {source} | {sum(firsts)}/{len(firsts)}"
                         f" | {sum(declines)}/{len(declines)} |")
    return "\n".join([*lines, "", "Misses:", *shown])


def share(flags: Sequence[bool]) -> str:
    return f"{sum(flags) / len(flags):.3f}" if flags else "-"


def table(rows: list[tuple[str, str, str, list[Answer]]]) -> str:
    lines = [
        "| backend | set | half | questions | quoted | first | of cited | words |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for backend, corpus, half, found in rows:
        cited = [a.quoted for a in found if a.cited_right]
        words = statistics.mean(a.words for a in found) if found else 0.0
        lines.append(
            f"| {backend} | {corpus} | {half} | {len(found)} | {share([a.quoted for a in found])}"
            f" | {share([a.first for a in found])} | {share(cited)} | {words:.0f} |"
        )
    return "\n".join(lines)


def misses(found: list[Answer]) -> str:
    shown = []
    for answer in found:
        if answer.cited_right and not answer.quoted:
            quoted = re.sub(r"\s+", " ", answer.text)[:300]
            shown.append(f"- {answer.asked.id}: {answer.asked.question!r}\n"
                         f"  wanted {list(answer.asked.evidence)}\n  quoted {quoted!r}")
    return "\n".join(shown)


async def run(args: argparse.Namespace) -> str:
    backends = [name.strip() for name in args.backend.split(",") if name.strip()]
    if args.table is not None:
        return await run_table(args.table, backends)
    corpora = [name.strip() for name in args.corpus.split(",") if name.strip()]
    rows: list[tuple[str, str, str, list[Answer]]] = []
    shown: list[str] = []
    for backend in backends:
        for corpus in corpora:
            async with scratch_url(backend, prefix="tfquote_bench") as url:
                found = await answers(url, CORPORA[corpus])
            rows += [(backend, corpus, half, [a for a in found if a.asked.half == half])
                     for half in HALVES]
            if args.show_misses:
                shown.append(f"{backend} {corpus}, cited right but not quoted:\n{misses(found)}")
    return "\n\n".join([table(rows), *shown])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", default="sqlite,postgresql")
    parser.add_argument("--corpus", default=",".join(CORPORA))
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--table", type=Path, nargs="?", const=TABLE, default=None,
                        help="ask the questions of this table instead (default %(const)s)")
    print(asyncio.run(run(parser.parse_args())))


if __name__ == "__main__":
    main()
