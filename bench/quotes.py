"""Whether the answer without a model quotes what answers the question.

    python -m bench.quotes [--backend sqlite,postgresql] [--corpus help,manuals] [--show-misses]

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
from knowledge.answering import DEEPER_POOL, more_of_the_first
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
    await upgrade(url)
    engine = create_engine(url)
    try:
        with PdfSandbox(workers=1) as sandbox:
            filenames = await ingest_fixtures(
                uow=SqlUnitOfWork(engine), indexer=DocumentIndexer(sandbox=sandbox), corpus=corpus
            )
        retriever = LexicalRetriever(chunk_search(engine))
        found = []
        for asked in answerable(corpus):
            passages = more_of_the_first(
                await retriever.search(asked.question, limit=DEEPER_POOL))  # as the assistant
            quotes = [] if retriever.decline(passages) else extract(
                query_weights(asked.question), passages, wanted=asked_for(asked.question)
            )
            found.append(judged(asked, quotes, filenames))
        return found
    finally:
        await engine.dispose()


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
    print(asyncio.run(run(parser.parse_args())))


if __name__ == "__main__":
    main()
