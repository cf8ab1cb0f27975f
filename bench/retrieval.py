"""Retrieval quality on the evaluation set, the decline gate, and latency at 1k-100k chunks.

    python -m bench.retrieval [--sizes 1000,10000,100000] [--backend sqlite,postgresql]
                              [--corpus help,manuals,tools,utils] [--stand-in-embeddings]
                              [--passes 3]

Quality, per corpus, each in a database of its own: tests/fixtures/help (the
organisation's guides, labelled by page), tests/fixtures/manuals (real manuals,
labelled by manual), tests/fixtures/tools (ten more manuals, written as a check
on what the first two were tuned on; `--corpus tools` runs it alone) and
tests/fixtures/utils (nine manuals of other kinds, the same check), added with the real `docs add` code, every question of the
corpus's questions.json asked through the real retrievers: recall@1/@5 and MRR of
the answerable questions, how many are cited right (answered, first citation from
a right document), and how the decline gate treats the unanswerable ones at the
configured threshold, with a sweep of thresholds to calibrate it, and how well the
score each gate reads separates the two kinds (AUC). With more than one
set, each set is also scored behind the threshold chosen on the other sets alone
(leave one set out), so no figure there was tuned on the set it scores. Every figure is
given for the `tune` half (what thresholds were chosen on) and the `holdout` half.
Semantic and hybrid rows appear when an embeddings model is configured
(TICKETFLOW_EMBEDDING_MODEL=local for all-MiniLM-L6-v2 run here, or a model name
with OPENAI_BASE_URL or OPENAI_API_KEY), or with --stand-in-embeddings, a hashed
bag-of-words server on loopback that tests the plumbing, not semantic quality; the
hybrid gate (lexical weight, cosine threshold) is then swept on the `tune` half too,
and the time taken to add each set (extraction, chunking and embedding) is shown.

Latency: the corpus is grown with synthetic documents (see bench/help_corpus.py)
to each size and every question asked `--passes` times after one warm-up pass;
p50/p95 are per question, end to end through `LexicalRetriever.search` (index
generation check, cached statistics, ranking, fetching the passages). PostgreSQL
runs on a fresh `tfknow_bench_*` database, vacuumed after each bulk load as
autovacuum would be, and dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import openai
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.help_corpus import synthetic_documents
from bench.scratch import scratch_url
from db.engine import create_engine
from db.migrate import upgrade
from db.repositories.chunk_search import PostgresChunkSearch, SqlChunkVectors, exact
from db.tables import help_documents
from db.uow import SqlUnitOfWork
from domain.clock import utcnow
from knowledge.embeddings import Embedder, OpenAIEmbedder
from knowledge.extraction import PdfSandbox
from knowledge.hybrid import DEFAULT_LEXICAL_WEIGHT, HybridRetriever
from knowledge.indexing import DocumentIndexer
from knowledge.passages import Passage, Retriever, SourceKind
from knowledge.ports import SourceRef, Vector
from knowledge.retrieval import DEFAULT_DECLINE_BELOW, LexicalRetriever
from knowledge.semantic import DEFAULT_SEMANTIC_DECLINE_BELOW, SemanticRetriever
from ticketflow.knowledge import chunk_search
from ticketflow.settings import LOCAL_EMBEDDINGS
from tests.integration.knowledge.embeddings_server import serve_embeddings
from tests.integration.knowledge.evaluation import (
    CORPORA,
    HALVES,
    HELP,
    Evaluation,
    evaluate,
    ingest_fixtures,
    load_questions,
)

SWEEP = (0.16, 0.18, 0.20, 0.21, 0.224, 0.24, 0.26, 0.28, 0.32, 0.36)
GATE_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0)  # hybrid gate: lexical weight beside the cosine
GATE_THRESHOLDS = (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


@dataclass(frozen=True, slots=True)
class Latency:
    backend: str
    chunks: int
    build_seconds: float
    cold_ms: float
    p50_ms: float
    p95_ms: float
    exact_share: float | None


@dataclass(frozen=True, slots=True)
class Embeddings:
    label: str
    embedder: Embedder


@asynccontextmanager
async def embeddings(stand_in: bool) -> AsyncIterator[Embeddings | None]:
    model = os.environ.get("TICKETFLOW_EMBEDDING_MODEL")
    if stand_in:
        async with serve_embeddings() as server:
            client = openai.AsyncOpenAI(api_key="no-key", base_url=server.url)
            embedder = OpenAIEmbedder(client=client, model="hashed-bag-of-words")
            yield Embeddings("stand-in (hashed bag of words)", embedder)
            await embedder.close()
    elif model and model.strip().lower() == LOCAL_EMBEDDINGS:
        from knowledge.local_embeddings import MODEL_NAME, LocalEmbedder

        yield Embeddings(f"{MODEL_NAME} (run here)", LocalEmbedder())
    elif model and (os.environ.get("OPENAI_BASE_URL") or os.environ.get("OPENAI_API_KEY")):
        client = openai.AsyncOpenAI(
            api_key=os.environ.get("OPENAI_API_KEY") or "no-key",
            base_url=os.environ.get("OPENAI_BASE_URL"),
        )
        embedder = OpenAIEmbedder(client=client, model=model)
        yield Embeddings(model, embedder)
        await embedder.close()
    else:
        yield None


async def quality(
    engine: AsyncEngine, filenames: dict[int, str], vectors: Embeddings | None, corpus: Path
) -> list[tuple[str, Evaluation]]:
    questions = load_questions(corpus)
    lexical = LexicalRetriever(chunk_search(engine))
    retrievers: list[tuple[str, Retriever, LexicalRetriever | SemanticRetriever | HybridRetriever]]
    retrievers = [("lexical", lexical, lexical)]
    if vectors is not None:
        semantic = SemanticRetriever(SqlChunkVectors(engine), vectors.embedder)
        hybrid = HybridRetriever(lexical, semantic)
        retrievers += [("semantic", semantic, semantic), ("hybrid", hybrid, hybrid)]
    return [
        (
            label,
            await evaluate(
                retriever, questions=questions, filenames=filenames, decline=gate.decline
            ),
        )
        for label, retriever, gate in retrievers
    ]


async def sweep(
    engine: AsyncEngine, filenames: dict[int, str], corpus: Path
) -> list[tuple[float, Evaluation]]:
    questions = load_questions(corpus)
    results = []
    for threshold in SWEEP:
        retriever = LexicalRetriever(chunk_search(engine), decline_below=threshold)
        results.append(
            (
                threshold,
                (
                    await evaluate(
                        retriever, questions=questions, filenames=filenames,
                        decline=retriever.decline,
                    )
                ).half("tune"),
            )
        )
    return results


class _Remembered:
    """A retriever that searches each question once: the gate sweep only re-reads scores."""

    def __init__(self, retriever: Retriever) -> None:
        self._retriever = retriever
        self._seen: dict[tuple[str, int], list[Passage]] = {}

    async def search(self, question: str, *, limit: int = 5) -> list[Passage]:
        if (question, limit) not in self._seen:
            self._seen[(question, limit)] = await self._retriever.search(question, limit=limit)
        return self._seen[(question, limit)]


class _RememberedEmbedder:
    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._seen: dict[str, Vector] = {}

    @property
    def model(self) -> str:
        return self._embedder.model

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        new = [text for text in dict.fromkeys(texts) if text not in self._seen]
        if new:
            self._seen.update(zip(new, await self._embedder.embed(new), strict=True))
        return [self._seen[text] for text in texts]


async def gate_sweep(
    engine: AsyncEngine, filenames: dict[int, str], vectors: Embeddings, corpus: Path
) -> list[tuple[float, float, Evaluation]]:
    """The hybrid gate (lexical weight x best lexical score + best cosine >= threshold) on
    the tune half, for each weight and threshold."""
    questions = [q for q in load_questions(corpus) if q.half == "tune"]
    lexical = LexicalRetriever(chunk_search(engine))
    semantic = SemanticRetriever(SqlChunkVectors(engine), _RememberedEmbedder(vectors.embedder))
    results = []
    for weight in GATE_WEIGHTS:
        hybrid = HybridRetriever(lexical, semantic, lexical_weight=weight)
        remembered = _Remembered(hybrid)
        scale = semantic.decline_below / lexical.decline_below  # a passage score -> the blend
        for threshold in GATE_THRESHOLDS:
            def decline(passages: Sequence[Passage], threshold: float = threshold) -> bool:
                return not passages or passages[0].score * scale < threshold

            results.append((weight, threshold, await evaluate(
                remembered, questions=questions, filenames=filenames, decline=decline
            )))
    return results


async def grow(
    engine: AsyncEngine, *, fixtures: Sequence[str], to: int
) -> float:
    """Add synthetic documents until the index holds `to` chunks; returns the seconds taken."""
    async with SqlUnitOfWork(engine).reading() as reading:
        have = sum(state.chunk_count for state in await reading.library.index_states())
    started = time.perf_counter()
    for document in synthetic_documents(fixtures, chunks=to - have, seed=to):
        async with engine.begin() as connection:  # the row, as the web app would write it
            document_id = (
                await connection.execute(
                    help_documents.insert()
                    .values(title=document.index.title, filename=f"synthetic-{to}-"
                            f"{document.number}.pdf", content="", file_data="")
                    .returning(help_documents.c.id)
                )
            ).scalar_one()
        ref = SourceRef(SourceKind.HELP_DOCUMENT, document_id)
        async with SqlUnitOfWork(engine) as uow:
            await uow.library.store_index(ref, document.index, now=utcnow())
            await uow.commit()
    if engine.dialect.name == "postgresql":
        async with engine.connect() as connection:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.exec_driver_sql("VACUUM (ANALYZE) help_document_chunks")
    return time.perf_counter() - started


async def latency(engine: AsyncEngine, *, backend: str, chunks: int, build: float,
                  passes: int) -> Latency:
    search = chunk_search(engine)
    retriever = LexicalRetriever(search)
    questions = [question.text for question in load_questions()]
    started = time.perf_counter()
    for question in questions:  # warm-up: fills the statistics cache, as a running service has
        await retriever.search(question, limit=5)
    cold = (time.perf_counter() - started) / len(questions) * 1000
    timings: list[float] = []
    for _ in range(passes):
        for question in questions:
            started = time.perf_counter()
            await retriever.search(question, limit=5)
            timings.append((time.perf_counter() - started) * 1000)
    exact_share = None
    if backend == "postgresql":
        assert isinstance(search, PostgresChunkSearch)
        budget = search.candidate_budget
        hits = 0
        for question in questions:
            terms = await retriever.terms(question)
            ranked = await search.rank(terms, limit=5)
            hits += exact(ranked, terms, budget=budget, limit=5)
        exact_share = hits / len(questions)
    timings.sort()
    return Latency(
        backend=backend,
        chunks=chunks,
        build_seconds=build,
        cold_ms=cold,
        p50_ms=statistics.median(timings),
        p95_ms=timings[min(len(timings) - 1, int(0.95 * len(timings)))],
        exact_share=exact_share,
    )


@dataclass(frozen=True, slots=True)
class Run:
    results: list[tuple[str, Evaluation]]
    calibration: list[tuple[float, Evaluation]]
    gates: list[tuple[float, float, Evaluation]]
    latencies: list[Latency]
    chunks: int
    add_seconds: float


async def run_backend(
    url: str, *, backend: str, sizes: Sequence[int], passes: int, vectors: Embeddings | None,
    corpus: Path = HELP,
) -> Run:
    await upgrade(url)
    engine = create_engine(url)
    try:
        with PdfSandbox(workers=1) as sandbox:
            sandbox.warm_up()
            indexer = DocumentIndexer(
                sandbox=sandbox, embedder=vectors.embedder if vectors else None
            )
            started = time.perf_counter()
            filenames = await ingest_fixtures(
                uow=SqlUnitOfWork(engine), indexer=indexer, corpus=corpus
            )
            add_seconds = time.perf_counter() - started
        results = await quality(engine, filenames, vectors, corpus)
        calibration = await sweep(engine, filenames, corpus)
        gates = await gate_sweep(engine, filenames, vectors, corpus) if vectors else []
        async with SqlUnitOfWork(engine).reading() as reading:
            fixtures = [
                chunk.text
                for document_id in filenames
                for chunk in await reading.library.chunks(
                    SourceRef(SourceKind.HELP_DOCUMENT, document_id)
                )
            ]
        latencies = []
        for size in sizes:
            build = await grow(engine, fixtures=fixtures, to=size)
            latencies.append(
                await latency(engine, backend=backend, chunks=size, build=build, passes=passes)
            )
        return Run(results, calibration, gates, latencies, len(fixtures), add_seconds)
    finally:
        await engine.dispose()


def quality_table(rows: list[tuple[str, str, str, Evaluation]]) -> str:
    lines = [
        (
            f"{'backend':<11} {'corpus':<8} {'mode':<9} {'half':<8} {'n':>7} {'R@1':>5} "
            f"{'R@5':>5} {'MRR':>5} {'cited':>6} {'declined':>9} {'kept':>5}"
        ),
        "  (n: answerable+unanswerable; cited: answerable answered with a right document "
        "first; declined: unanswerable refused; kept: answerable let through)",
    ]
    for backend, corpus, mode, result in rows:
        for half in ("all", *HALVES):
            part = result if half == "all" else result.half(half)
            size = f"{len(part.answerable)}+{len(part.unanswerable)}"
            lines.append(
                f"{backend:<11} {corpus:<8} {mode:<9} {half:<8} {size:>7} "
                f"{part.recall(1):>5.3f} {part.recall(5):>5.3f} {part.mrr:>5.3f} "
                f"{part.cited_right:>6.3f} {part.declined_unanswerable:>9.3f} "
                f"{part.kept_answerable:>5.2f}"
            )
    return "\n".join(lines)


def gate_auc(result: Evaluation) -> float | None:
    """How well the score the gate reads separates the questions it should answer from
    those it should decline: the chance that an answerable question whose right document
    comes first scores above an unanswerable one (ties count half). None without both."""
    right = [o.top_score for o in result.answerable if o.first_right]
    wrong = [o.top_score for o in result.unanswerable]
    if not right or not wrong:
        return None
    above = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return above / (len(right) * len(wrong))


def auc_table(rows: list[tuple[str, str, str, Evaluation]]) -> str:
    lines = [f"{'backend':<11} {'corpus':<8} {'mode':<9} {'all':>6} {'tune':>6} {'holdout':>8}"]
    for backend, corpus, mode, result in rows:
        figures = [gate_auc(part) for part in (result, *(result.half(h) for h in HALVES))]
        all_, tune, holdout = ("-" if f is None else f"{f:.3f}" for f in figures)
        lines.append(f"{backend:<11} {corpus:<8} {mode:<9} {all_:>6} {tune:>6} {holdout:>8}")
    return "\n".join(lines)


def sweep_table(rows: list[tuple[str, str, float, Evaluation]]) -> str:
    lines = [
        f"{'backend':<11} {'corpus':<8} {'threshold':>9} {'declined':>9} {'kept':>5} "
        f"{'cited':>6}"
    ]
    for backend, corpus, threshold, result in rows:
        mark = "  <- default" if abs(threshold - DEFAULT_DECLINE_BELOW) < 1e-9 else ""
        lines.append(
            f"{backend:<11} {corpus:<8} {threshold:>9.2f} {result.declined_unanswerable:>9.3f} "
            f"{result.kept_answerable:>5.2f} {result.cited_right:>6.3f}{mark}"
        )
    return "\n".join(lines)


def gate_table(rows: list[tuple[str, str, float, float, Evaluation]]) -> str:
    lines = [
        f"{'backend':<11} {'corpus':<8} {'weight':>6} {'threshold':>9} {'declined':>9} "
        f"{'kept':>5} {'cited':>6}"
    ]
    for backend, corpus, weight, threshold, result in rows:
        mark = (
            "  <- default"
            if abs(weight - DEFAULT_LEXICAL_WEIGHT) < 1e-9
            and abs(threshold - DEFAULT_SEMANTIC_DECLINE_BELOW) < 1e-9
            else ""
        )
        lines.append(
            f"{backend:<11} {corpus:<8} {weight:>6.2f} {threshold:>9.2f} "
            f"{result.declined_unanswerable:>9.3f} {result.kept_answerable:>5.2f} "
            f"{result.cited_right:>6.3f}{mark}"
        )
    return "\n".join(lines)


def leave_one_out(
    results: dict[str, Evaluation],
) -> list[tuple[str, float, Evaluation]]:
    """For each set, the gate threshold chosen on the other sets, and the set's answers
    behind it: no figure comes from a threshold fitted on the set it scores.

    The threshold is the one that maximises, averaged over the other sets, the share of
    answerable questions cited right plus the share of unanswerable ones declined; the
    candidates lie halfway between neighbouring top scores, and of equally good ones the
    middle is taken."""
    chosen = []
    for held, result in results.items():
        others = [other for name, other in results.items() if name != held]
        scores = sorted({o.top_score for other in others for o in other.outcomes})
        candidates = [
            scores[0] - 0.01,
            *((a + b) / 2 for a, b in zip(scores, scores[1:], strict=False)),
            scores[-1] + 0.01,
        ]

        def merit(threshold: float, others: list[Evaluation] = others) -> float:
            gated = [other.gated(threshold) for other in others]
            return sum(g.cited_right + g.declined_unanswerable for g in gated) / len(gated)

        merits = [round(merit(threshold), 9) for threshold in candidates]
        best = [t for t, m in zip(candidates, merits, strict=True) if m == max(merits)]
        threshold = best[len(best) // 2]
        chosen.append((held, threshold, result.gated(threshold)))
    return chosen


def leave_one_out_table(rows: list[tuple[str, str, str, float, Evaluation]]) -> str:
    lines = [
        f"{'backend':<11} {'mode':<9} {'scored on':<9} {'threshold':>9} "
        f"{'cited tune/hold':>16} {'declined tune/hold':>19}"
    ]
    for backend, mode, corpus, threshold, result in rows:
        tune, holdout = result.half("tune"), result.half("holdout")
        lines.append(
            f"{backend:<11} {mode:<9} {corpus:<9} {threshold:>9.3f} "
            f"{tune.cited_right:>8.3f}/{holdout.cited_right:<7.3f} "
            f"{tune.declined_unanswerable:>10.3f}/{holdout.declined_unanswerable:<8.3f}"
        )
    return "\n".join(lines)


def latency_table(rows: list[Latency]) -> str:
    lines = [
        (
            f"{'backend':<11} {'chunks':>7} {'build s':>8} {'warm-up ms':>11} {'p50 ms':>7} "
            f"{'p95 ms':>7} {'exact top-5':>12}"
        )
    ]
    for row in rows:
        exact_share = "-" if row.exact_share is None else f"{row.exact_share:.0%}"
        lines.append(
            f"{row.backend:<11} {row.chunks:>7} {row.build_seconds:>8.1f} {row.cold_ms:>11.1f} "
            f"{row.p50_ms:>7.1f} {row.p95_ms:>7.1f} {exact_share:>12}"
        )
    return "\n".join(lines)


async def run(args: argparse.Namespace) -> str:
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    backends = [name.strip() for name in args.backend.split(",") if name.strip()]
    corpora = [name.strip() for name in args.corpus.split(",") if name.strip()]
    qualities: list[tuple[str, str, str, Evaluation]] = []
    sweeps: list[tuple[str, str, float, Evaluation]] = []
    latencies: list[Latency] = []
    gates: list[tuple[str, str, float, float, Evaluation]] = []
    adding: list[str] = []
    async with AsyncExitStack() as stack:
        vectors = await stack.enter_async_context(embeddings(args.stand_in_embeddings))
        for backend in backends:
            for corpus in corpora:
                async with scratch_url(backend, prefix="tfknow_bench") as url:
                    outcome = await run_backend(
                        url, backend=backend, passes=args.passes, vectors=vectors,
                        sizes=sizes if corpus == "help" else (), corpus=CORPORA[corpus],
                    )
                qualities += [(backend, corpus, mode, result) for mode, result in outcome.results]
                sweeps += [
                    (backend, corpus, threshold, result)
                    for threshold, result in outcome.calibration
                ]
                gates += [(backend, corpus, *gate) for gate in outcome.gates]
                latencies += outcome.latencies
                rate = outcome.chunks / outcome.add_seconds
                adding.append(
                    f"{backend} {corpus}: {outcome.chunks} chunks added in "
                    f"{outcome.add_seconds:.1f} s ({rate:.1f} a second)"
                )
        by_mode: dict[tuple[str, str], dict[str, Evaluation]] = {}
        for backend, corpus, mode, result in qualities:
            by_mode.setdefault((backend, mode), {})[corpus] = result
        held_out = [
            (backend, mode, corpus, threshold, result)
            for (backend, mode), results in by_mode.items()
            if len(results) > 1
            for corpus, threshold, result in leave_one_out(results)
        ]
        embedding_note = (
            f"embeddings: {vectors.label}" if vectors else "embeddings: not configured (lexical only)"
        )
    return "\n\n".join(
        [
            f"Evaluation sets: {', '.join(corpora)}; {embedding_note}; "
            f"decline_below={DEFAULT_DECLINE_BELOW}",
            quality_table(qualities),
            "Gate separation: area under the ROC curve of the score the gate reads, answerable"
            " questions whose right document comes first against unanswerable ones:",
            auc_table(qualities),
            "Adding each set with `docs add` (extraction, chunking, embeddings):\n"
            + "\n".join(adding),
            *(
                [
                    "Leave one set out: each set's answers behind the gate threshold chosen on"
                    " the other sets (most cited right + declined, averaged over them):",
                    leave_one_out_table(held_out),
                ]
                if held_out
                else []
            ),
            "Decline gate calibration (lexical, tune half only):",
            sweep_table(sweeps),
            *(
                [
                    "Hybrid gate calibration (lexical weight x best lexical score + best cosine"
                    " >= threshold; tune half only):",
                    gate_table(gates),
                ]
                if gates
                else []
            ),
            (
                f"Latency, LexicalRetriever.search(limit=5), {len(load_questions())} questions "
                f"x {args.passes} passes after a warm-up pass:"
            ),
            latency_table(latencies),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--backend", default="sqlite,postgresql")
    parser.add_argument("--corpus", default="help,manuals,tools,utils")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--stand-in-embeddings", action="store_true")
    print(asyncio.run(run(parser.parse_args())))


if __name__ == "__main__":
    main()
