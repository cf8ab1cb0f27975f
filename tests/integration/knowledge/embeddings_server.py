"""An OpenAI-compatible /v1/embeddings stand-in on 127.0.0.1, for tests and benchmarks.

Vectors are a hashed bag of words: each word (lower-cased, with a crude
English suffix stripped, so "printers" and "printer" agree) adds 1 to one of
`DIMENSIONS` coordinates chosen by a stable hash, with a sign from the hash.
Texts sharing words get a high cosine; that is all a semantic model promises at
its simplest, and it is deterministic. It is not a language model: benchmark
figures made with it measure the plumbing, not semantic quality.

The server records every request so tests can check batching and the model name.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.loopback import serving

DIMENSIONS = 256
_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ings", "ing", "ers", "ied", "ies", "ed", "es", "er", "s")


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def hashed_vector(text: str, *, dimensions: int = DIMENSIONS) -> list[float]:
    vector = [0.0] * dimensions
    for word in _WORD.findall(text.lower()):
        digest = hashlib.blake2b(stem(word).encode(), digest_size=8).digest()
        number = int.from_bytes(digest, "big")
        vector[number % dimensions] += 1.0 if number & (1 << 63) else -1.0
    if not any(vector):
        vector[0] = 1.0  # the empty text still gets a valid vector
    return vector


@dataclass
class EmbeddingsStandIn:
    url: str = ""  # the base URL to give the openai client, ending in /v1
    requests: list[dict[str, Any]] = field(default_factory=list)
    fail_with: int | None = None  # answer every request with this HTTP status


def create_app(state: EmbeddingsStandIn) -> web.Application:
    async def embeddings(request: web.Request) -> web.Response:
        body = await request.json()
        state.requests.append(body)
        if state.fail_with is not None:
            return web.json_response(
                {"error": {"message": "stand-in failure", "type": "server_error"}},
                status=state.fail_with,
            )
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        data = []
        for index, text in enumerate(inputs):
            vector = hashed_vector(str(text))
            embedding: Any = vector
            if body.get("encoding_format") == "base64":
                embedding = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
            data.append({"object": "embedding", "index": index, "embedding": embedding})
        return web.json_response(
            {
                "object": "list",
                "data": data,
                "model": body["model"],
                "usage": {"prompt_tokens": 0, "total_tokens": 0},
            }
        )

    app = web.Application()
    app.router.add_post("/v1/embeddings", embeddings)
    return app


@asynccontextmanager
async def serve_embeddings() -> AsyncIterator[EmbeddingsStandIn]:
    """Run the stand-in on an ephemeral loopback port until the block ends."""
    state = EmbeddingsStandIn()
    async with serving(create_app(state)) as base_url:
        state.url = f"{base_url}/v1"
        yield state
