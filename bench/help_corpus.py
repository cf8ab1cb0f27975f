"""A large help corpus made from the fixture documents, for retrieval latency at scale.

Copying the fixtures verbatim would make every word common (each "vpn" chunk
copied a thousand times), which no real library looks like. Instead each
synthetic document mixes sentences from the fixture chunks and gives most of
its words new names: for each word, a document keeps it with probability
`KEEP` (default 0.15) and otherwise renames it to an invented word drawn from a
200,000-word vocabulary with a Zipf distribution, consistently within the
document. Sentence shapes and function words stay, the fixtures' own terms end
up in a few per cent of chunks ("vpn" in about 5% at KEEP=0.15: an IT-heavy
library), and a long tail of rare terms appears, as in a real knowledge base.
The real fixture chunks are indexed too. Deterministic for a given seed.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from knowledge.ports import DocumentIndex, IndexedChunk, IndexStatus
from knowledge.question import FILLER
from knowledge.text import split_sentences

SYLLABLES = (  # noqa: SIM905 - a word list reads best as words
    "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu ka ke ki ko "
    "ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si "
    "so su ta te ti to tu va ve vi vo vu za ze zi zo zu"
).split()
VOCABULARY = 200_000
CHUNKS_PER_DOCUMENT = 40
KEEP = 0.15


@dataclass(frozen=True, slots=True)
class SyntheticDocument:
    number: int
    index: DocumentIndex


def invented_word(number: int) -> str:
    """A pronounceable made-up word, distinct for each number (never an English word
    the fixtures use, since it has at least three syllables from a fixed set)."""
    parts = []
    number += len(SYLLABLES) ** 2  # at least three syllables
    while number:
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts) + "x"


def synthetic_documents(
    fixture_chunks: Sequence[str], *, chunks: int, keep: float = KEEP, seed: int = 7
) -> Iterator[SyntheticDocument]:
    """Documents holding `chunks` synthetic chunks in all."""
    rng = random.Random(seed)
    sentences = [
        sentence
        for text in fixture_chunks
        for sentence in split_sentences(text.replace("\n", " "))
    ]
    zipf = list(itertools.accumulate(1 / rank for rank in range(1, VOCABULARY + 1)))
    made = 0
    number = 0
    while made < chunks:
        count = min(CHUNKS_PER_DOCUMENT, chunks - made)
        names: dict[str, str] = {}
        topic = [invented_word(_zipf(rng, zipf)) for _ in range(3)]
        indexed = tuple(
            IndexedChunk(
                ordinal=ordinal,
                page=ordinal // 2 + 1,
                heading=" ".join(topic[:2]).title(),
                text=" ".join(
                    _rename(word, names, rng=rng, zipf=zipf, keep=keep)
                    for word in _sentences(rng, sentences).split()
                ),
            )
            for ordinal in range(count)
        )
        yield SyntheticDocument(
            number=number,
            index=DocumentIndex(
                fingerprint=f"synthetic-{seed}-{number}",
                status=IndexStatus.INDEXED,
                title=f"{' '.join(topic).title()} handbook",
                chunks=indexed,
                page_count=count // 2 + 1,
            ),
        )
        made += count
        number += 1


def _rename(
    word: str, names: dict[str, str], *, rng: random.Random, zipf: list[float], keep: float
) -> str:
    """The document's name for `word`: itself with probability `keep`, else an invented word."""
    key = word.lower().strip(".,;:!?()'\"")
    if len(key) < 3 or key in FILLER or not key.isalpha():
        return word
    if key not in names:
        names[key] = key if rng.random() < keep else invented_word(_zipf(rng, zipf))
    return word.replace(key, names[key]) if key in word else names[key]


def _zipf(rng: random.Random, cumulative: list[float]) -> int:
    return bisect.bisect_left(cumulative, rng.random() * cumulative[-1])


def _sentences(rng: random.Random, sentences: Sequence[str]) -> str:
    picked: list[str] = []
    words = 0
    while words < 160:
        sentence = sentences[rng.randrange(len(sentences))]
        picked.append(sentence)
        words += len(sentence.split())
    return " ".join(picked)
