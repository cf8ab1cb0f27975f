"""The PDF reader process: ``python -m knowledge.extraction.worker``.

Only `sandbox.py` starts it. It reads requests on stdin and answers on stdout
(see `protocol.py`) until stdin closes. Before each document it lowers its own
soft limits: address space, so a decompression bomb ends in MemoryError inside
this process instead of exhausting the host; and CPU time, so a reader orphaned
by a crashed service still stops by itself.
"""

from __future__ import annotations

import logging
import math
import os
import resource
import signal
import sys
import warnings
from typing import IO, Any

from .document import ExtractionLimits
from .errors import DocumentRejected
from .pdf import describe, read_pdf
from .protocol import PDF_JOB, ReaderGone, decode_header, encode_reply, read_frame, write_frame

CPU_GRACE_SECONDS = 5
READY = {"ok": True, "ready": True}
MEGABYTE = 1024 * 1024


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """Answer requests until the sandbox closes stdin or a reply says "retire"."""
    while True:
        try:
            header = read_frame(requests)
            data = read_frame(requests) if header is not None else None
        except ReaderGone:
            return
        if header is None or data is None:
            return
        job, limits = decode_header(header)
        _limit_resources(limits)
        reply = answer(data, limits=limits) if job == PDF_JOB else chunk(data, limits=limits)
        del data
        write_frame(replies, encode_reply(reply))
        replies.flush()
        if reply.get("retire"):
            return


def answer(data: bytes, *, limits: ExtractionLimits) -> dict[str, Any]:
    """The reply for one PDF; never raises for anything the PDF can cause."""
    try:
        pdf = read_pdf(data, limits=limits)
    except DocumentRejected as rejection:
        return _rejected(type(rejection).__name__, rejection.reason, retire=False)
    except MemoryError:
        # The heap may now be fragmented near the limit: answer, then start afresh.
        reason = f"reading the PDF needs more than {limits.memory_bytes // MEGABYTE} MB of memory"
        return _rejected("DocumentTooLarge", reason, retire=True)
    except Exception as error:  # noqa: BLE001 - the sandbox boundary: any other failure is a bad file
        return _rejected(
            "CorruptDocument", f"the PDF cannot be read ({describe(error)})", retire=True
        )
    return {
        "ok": True,
        "title": pdf.title,
        "pages": [[page.number, page.text] for page in pdf.pages],
        "unreadable": list(pdf.unreadable_pages),
    }


def chunk(data: bytes, *, limits: ExtractionLimits) -> dict[str, Any]:
    """The reply for a chunk job: the service's own text, so only its size can hurt."""
    from knowledge.indexing import chunk_job  # the PDF reader alone does not need it

    try:
        return chunk_job(data)
    except MemoryError:
        reason = f"indexing the text needs more than {limits.memory_bytes // MEGABYTE} MB of memory"
        return _rejected("DocumentTooLarge", reason, retire=True)


def _rejected(kind: str, reason: str, *, retire: bool) -> dict[str, Any]:
    return {"ok": False, "rejection": kind, "reason": reason, "retire": retire}


def _limit_resources(limits: ExtractionLimits) -> None:
    """Only soft limits are lowered, so the next document may bring other limits."""
    _, hard_memory = resource.getrlimit(resource.RLIMIT_AS)
    memory = limits.memory_bytes
    if hard_memory != resource.RLIM_INFINITY:
        memory = min(memory, hard_memory)
    resource.setrlimit(resource.RLIMIT_AS, (memory, hard_memory))

    _, hard_cpu = resource.getrlimit(resource.RLIMIT_CPU)
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = math.ceil(used.ru_utime + used.ru_stime + limits.timeout_seconds) + CPU_GRACE_SECONDS
    if hard_cpu != resource.RLIM_INFINITY:
        cpu = min(cpu, hard_cpu)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard_cpu))


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C belongs to the service
    warnings.simplefilter("ignore")  # pypdf warns about every defect it repairs
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    # The protocol owns the real stdout; anything printed goes to stderr instead.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    try:
        with replies:
            write_frame(replies, encode_reply(READY))  # pypdf is imported: start the clock
            replies.flush()
            serve(sys.stdin.buffer, replies)
    except BrokenPipeError:
        pass  # the sandbox stopped listening: nobody is left to answer


if __name__ == "__main__":
    main()
