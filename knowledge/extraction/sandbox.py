"""Run the PDF reader in worker processes that can be killed.

pypdf parses untrusted bytes. A hostile or merely broken PDF may loop, recurse or
inflate a tiny stream into gigabytes; inside the service that would stall every
conversation. Here each document is read by a reader process with its own memory
and CPU caps, and a reader that overruns the wall-clock timeout is killed and
reaped, never left as a zombie.

Readers are separate interpreters started with ``python -m
knowledge.extraction.worker`` (spawned, not forked: the service runs an asyncio
loop and threads). multiprocessing's "spawn" was measured and rejected: it
re-imports the parent's ``__main__`` in every worker, which for the service means
the whole bot stack, about 1.3 s and 134 MB per worker instead of 0.13 s and
40 MB. Readers are reused because starting one costs those 0.13 s, while a
typical help PDF reads in 5-30 ms: through a warm reader, extraction costs about
1.2 times bare pypdf; with a reader per file it would cost about 12 times.
"""

from __future__ import annotations

import asyncio
import os
import queue
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Self

from .document import ExtractedPage, ExtractionLimits
from .errors import REJECTIONS, DocumentRejected, ExtractionFailed, ExtractionTimedOut
from .pdf import PdfText
from .protocol import (
    ReaderGone,
    ReaderTimedOut,
    PDF_JOB,
    decode_reply,
    encode_header,
    read_frame_before,
    write_frame,
)

STOP_GRACE_SECONDS = 2.0
STARTUP_SECONDS = 30.0
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds knowledge/


class SandboxClosed(RuntimeError):
    """The sandbox was closed while a document was waiting or being read."""


@dataclass(eq=False)
class _Reader:
    process: subprocess.Popen[bytes]
    requests: IO[bytes]
    replies: IO[bytes]
    documents_read: int = 0


class PdfSandbox:
    """A small pool of PDF reader processes. Thread-safe; close it when done.

    `workers` bounds how many PDFs are read at once, and so the memory used (up to
    `workers * limits.memory_bytes`); further requests wait their turn.
    `documents_per_worker` recycles a reader after that many files, so memory that
    pypdf or the allocator keeps does not accumulate.
    """

    def __init__(self, *, workers: int = 2, documents_per_worker: int = 200) -> None:
        if workers < 1 or documents_per_worker < 1:
            raise ValueError("workers and documents_per_worker must be at least 1")
        self._documents_per_worker = documents_per_worker
        self._slots: queue.Queue[_Reader | None] = queue.Queue()
        for _ in range(workers):
            self._slots.put(None)  # a reader is started on first use
        self._lock = threading.Lock()
        self._live: set[_Reader] = set()
        self._closed = False
        self._threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pdf-sandbox")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._closed

    def warm_up(self) -> None:
        """Start every reader now, so that the first uploads do not wait for one.

        The service starts them in the background, so it may close the sandbox meanwhile:
        a reader started by then is stopped here, its output closed (close leaves that to
        the thread holding a reader, which is this one)."""
        readers: list[_Reader] = []
        try:
            for _ in range(self._slots.qsize()):
                readers.append(self._checkout(filename=""))
        finally:
            for reader in readers:
                self._give_back(reader)

    def _give_back(self, reader: _Reader) -> None:
        """An unused reader back to the pool; stopped instead once the sandbox is closed."""
        with self._lock:  # close() marks the sandbox closed under this lock, then empties the pool
            if not self._closed:
                self._slots.put(reader)
                return
        self._stop(reader, kill=True)
        self._slots.put(None)

    def read(self, data: bytes, *, filename: str, limits: ExtractionLimits) -> PdfText:
        """Read a PDF in a reader process; blocks the calling thread (see `read_async`)."""
        reader = self._checkout(filename=filename)
        try:
            reply = self._exchange(reader, data, filename=filename, limits=limits)
        except BaseException:
            self._stop(reader, kill=True)
            self._slots.put(None)
            raise
        self._check_in(reader, reply)
        return _to_pdf_text(reply, filename=filename)

    def _check_in(self, reader: _Reader, reply: dict[str, Any]) -> None:
        """Give a reader back to the pool after a job, or retire it."""
        reader.documents_read += 1
        if (
            self._closed
            or reply.get("retire")
            or reader.documents_read >= self._documents_per_worker
        ):
            self._stop(reader, kill=False)
            self._slots.put(None)
        else:
            self._slots.put(reader)

    def run_job(self, payload: bytes, *, job: str, filename: str, limits: ExtractionLimits
                ) -> dict[str, Any]:
        """Run a `protocol` job other than reading a PDF in a reader process (blocks the
        calling thread); the reply, or the `DocumentRejected` it stands for."""
        reader = self._checkout(filename=filename)
        try:
            reply = self._exchange(reader, payload, filename=filename, limits=limits, job=job)
        except BaseException:
            self._stop(reader, kill=True)
            self._slots.put(None)
            raise
        self._check_in(reader, reply)
        if not reply["ok"]:
            raise _rejection(reply, filename=filename)
        return reply

    async def run_job_async(
        self, payload: bytes, *, job: str, filename: str, limits: ExtractionLimits
    ) -> dict[str, Any]:
        """`run_job` on the sandbox's own threads, without blocking the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._threads,
            lambda: self.run_job(payload, job=job, filename=filename, limits=limits),
        )

    async def read_async(self, data: bytes, *, filename: str, limits: ExtractionLimits) -> PdfText:
        """Read a PDF without blocking the event loop.

        The waiting happens on the sandbox's own threads (one per reader), so queued
        uploads never fill the loop's default executor.
        """
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._threads, lambda: self.read(data, filename=filename, limits=limits)
        )

    def worker_pids(self) -> tuple[int, ...]:
        """Process ids of the running readers (for monitoring and tests)."""
        with self._lock:
            return tuple(sorted(reader.process.pid for reader in self._live))

    def close(self) -> None:
        """Stop every reader, killing any that is still reading or starting.

        A reader in use is only killed and reaped here: the thread using it sees its output
        end and closes the pipe itself. Closing the pipe under that thread would take its
        descriptor out of the thread's wait, which then waited out the read's timeout (the
        start-up's 30 s) instead of failing at once."""
        with self._lock:
            self._closed = True
            readers = list(self._live)
        idle = self._take_idle()
        for reader in readers:
            if reader in idle:
                self._stop(reader, kill=True)
            else:
                self._end(reader, kill=True)
        self._threads.shutdown(wait=False, cancel_futures=True)

    def _take_idle(self) -> list[_Reader]:
        """The readers waiting in the pool, each slot given back empty for anyone waiting on
        one (who then finds the sandbox closed)."""
        idle: list[_Reader] = []
        taken = 0
        while True:
            try:
                slot = self._slots.get_nowait()
            except queue.Empty:
                break
            taken += 1
            if slot is not None:
                idle.append(slot)
        for _ in range(taken):
            self._slots.put(None)
        return idle

    def _checkout(self, *, filename: str) -> _Reader:
        if self._closed:
            raise SandboxClosed("the PDF sandbox is closed")
        reader = self._slots.get()
        if reader is not None and reader.process.poll() is None:
            return reader
        if reader is not None:
            self._stop(reader, kill=True)
        try:
            return self._start(filename=filename)
        except BaseException:
            self._slots.put(None)
            raise

    def _start(self, *, filename: str) -> _Reader:
        with self._lock:
            if self._closed:
                raise SandboxClosed("the PDF sandbox is closed")
            process = subprocess.Popen(
                # -W ignore: a PYTHONWARNINGS=error inherited from the service must
                # not turn pypdf's import-time or repair warnings into failures.
                [sys.executable, "-W", "ignore", "-m", "knowledge.extraction.worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=_reader_environment(),
            )
            assert process.stdin is not None and process.stdout is not None
            reader = _Reader(process=process, requests=process.stdin, replies=process.stdout)
            self._live.add(reader)
        try:
            # Wait until the reader has imported pypdf, so that start-up time never
            # counts against a document's timeout.
            read_frame_before(reader.replies.fileno(), deadline=time.monotonic() + STARTUP_SECONDS)
        except (ReaderGone, ReaderTimedOut, OSError) as error:
            self._stop(reader, kill=True)
            raise ExtractionFailed(
                f"the PDF reader could not start (exit code {reader.process.returncode})",
                filename=filename,
            ) from error
        return reader

    def _exchange(
        self, reader: _Reader, data: bytes, *, filename: str, limits: ExtractionLimits,
        job: str = PDF_JOB,
    ) -> dict[str, Any]:
        deadline = time.monotonic() + limits.timeout_seconds
        doing, who = (
            ("reading the PDF", "the PDF reader") if job == PDF_JOB
            else ("indexing the text", "the indexing process")
        )
        try:
            write_frame(reader.requests, encode_header(limits, job=job))
            write_frame(reader.requests, data)
            reader.requests.flush()
            return decode_reply(read_frame_before(reader.replies.fileno(), deadline=deadline))
        except ReaderTimedOut:
            raise ExtractionTimedOut(
                f"{doing} took longer than {limits.timeout_seconds:g} s",
                filename=filename,
            ) from None
        except (ReaderGone, OSError, ValueError) as error:
            if self._closed:
                raise SandboxClosed("the PDF sandbox was closed while reading") from error
            self._stop(reader, kill=True)
            raise ExtractionFailed(
                f"{who} stopped unexpectedly (exit code {reader.process.returncode})",
                filename=filename,
            ) from error

    def _stop(self, reader: _Reader, *, kill: bool) -> None:
        """End a reader, reap it and close its output (`close` may have ended it already)."""
        self._end(reader, kill=kill)
        _close_quietly(reader.replies)

    def _end(self, reader: _Reader, *, kill: bool) -> None:
        """End a reader and reap it, so that no zombie process remains.

        Only the first caller for a reader proceeds: two threads must not race to
        wait for the same child.
        """
        with self._lock:
            if reader not in self._live:
                return
            self._live.discard(reader)
        if kill:
            reader.process.kill()
        _close_quietly(reader.requests)  # an idle reader sees end of input and exits
        try:
            reader.process.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            reader.process.kill()
            reader.process.wait()


def _reader_environment() -> dict[str, str]:
    """The reader must import this package even when it is not installed."""
    environment = dict(os.environ)
    paths = [str(_PACKAGE_ROOT), *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return environment


def _close_quietly(stream: IO[bytes]) -> None:
    """Closing a pipe to a dead reader may fail with EPIPE; the pipe is gone either way."""
    try:
        stream.close()
    except OSError:
        pass


def _to_pdf_text(reply: dict[str, Any], *, filename: str) -> PdfText:
    if reply["ok"]:
        return PdfText(
            pages=tuple(
                ExtractedPage(number=int(number), text=str(text)) for number, text in reply["pages"]
            ),
            title=reply.get("title"),
            unreadable_pages=tuple(int(number) for number in reply.get("unreadable", ())),
        )
    raise _rejection(reply, filename=filename)


def _rejection(reply: dict[str, Any], *, filename: str) -> DocumentRejected:
    kind: type[DocumentRejected] = REJECTIONS.get(reply.get("rejection", ""), ExtractionFailed)
    return kind(str(reply.get("reason", "the file cannot be read")), filename=filename)
