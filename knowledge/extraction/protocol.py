"""The framing between the sandbox and its reader processes.

A frame is a 4-byte big-endian length and that many bytes. A request is two
frames, the job and limits as JSON and the raw PDF (or, for a chunk job, the
extracted pages as JSON); a reply is one JSON frame, either
``{"ok": true, "title": ..., "pages": [[number, text], ...], "unreadable": [...]}``
or ``{"ok": false, "rejection": "<class name>", "reason": ..., "retire": bool}``.
JSON (not pickle) keeps a compromised reader from running code in the service.
"""

from __future__ import annotations

import json
import os
import selectors
import struct
import time
from dataclasses import asdict
from typing import IO, Any

from .document import ExtractionLimits

_LENGTH = struct.Struct(">I")
MAX_FRAME_BYTES = 2**32 - 1


class ReaderGone(Exception):
    """The other end closed the pipe (the reader died, or the sandbox stopped it)."""


class ReaderTimedOut(Exception):
    """No complete reply arrived before the deadline."""


def write_frame(stream: IO[bytes], payload: bytes) -> None:
    if len(payload) > MAX_FRAME_BYTES:
        raise ValueError("frame too large")
    stream.write(_LENGTH.pack(len(payload)))
    stream.write(payload)


def read_frame(stream: IO[bytes]) -> bytes | None:
    """Blocking read of one frame; None at a clean end of stream."""
    header = stream.read(_LENGTH.size)
    if not header:
        return None
    if len(header) < _LENGTH.size:
        raise ReaderGone("stream ended inside a frame header")
    (length,) = _LENGTH.unpack(header)
    payload = stream.read(length)
    if len(payload) < length:
        raise ReaderGone("stream ended inside a frame")
    return payload


def read_frame_before(fd: int, *, deadline: float) -> bytes:
    """Read one frame from a pipe, giving up at `deadline` (a time.monotonic value)."""
    header = _read_exactly(fd, _LENGTH.size, deadline=deadline)
    (length,) = _LENGTH.unpack(header)
    return _read_exactly(fd, length, deadline=deadline)


def _read_exactly(fd: int, size: int, *, deadline: float) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while remaining:
            timeout = deadline - time.monotonic()
            if timeout <= 0 or not selector.select(timeout):
                raise ReaderTimedOut
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                raise ReaderGone("the reader closed its output")
            chunks.append(chunk)
            remaining -= len(chunk)
    return b"".join(chunks)


PDF_JOB = "pdf"
CHUNK_JOB = "chunks"  # chunk and analyse extracted text (`knowledge.indexing.chunk_job`)


def encode_header(limits: ExtractionLimits, *, job: str = PDF_JOB) -> bytes:
    return json.dumps({**asdict(limits), "job": job}).encode()


def decode_header(payload: bytes) -> tuple[str, ExtractionLimits]:
    fields = json.loads(payload)
    job = fields.pop("job", PDF_JOB)
    return str(job), ExtractionLimits(**fields)


def encode_reply(reply: dict[str, Any]) -> bytes:
    return json.dumps(reply).encode()


def decode_reply(payload: bytes) -> dict[str, Any]:
    reply = json.loads(payload)
    if not isinstance(reply, dict) or not isinstance(reply.get("ok"), bool):
        raise ReaderGone("the reader sent a malformed reply")
    return reply
