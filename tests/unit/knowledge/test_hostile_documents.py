"""Hostile and broken uploads fail fast, with a clear reason, and leave no process behind."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from knowledge.extraction import (
    CorruptDocument,
    DocumentRejected,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    ExtractionFailed,
    ExtractionLimits,
    ExtractionTimedOut,
    NoTextFound,
    PdfSandbox,
    SandboxClosed,
    UnsupportedDocument,
    extract_document,
)
from tests.unit.knowledge.hostile_pdfs import (
    busy_pdf,
    encrypted_pdf,
    flate_bomb_pdf,
    garbage_pdf,
    image_only_pdf,
    many_pages_pdf,
    png_image,
    text_pdf,
)
from tests.unit.knowledge.paths import HELP, MEGABYTE
from tests.unit.knowledge.processes import child_states, process_exists

# Proves the caps stop the work: an uncapped read of these files takes 100 s or more.
# Generous, so a loaded machine cannot fail it; bench/extraction.py measures real speed.
TIME_CAP_SECONDS = 30.0


@pytest.fixture(scope="module")
def endless_pdf() -> bytes:
    """About 100 s of pypdf work in a 100 KB file."""
    return busy_pdf(pages=500, operators_per_page=100_000)


def rejection_of(
    sandbox: PdfSandbox, data: bytes, *, filename: str, limits: ExtractionLimits
) -> tuple[DocumentRejected, float]:
    started = time.monotonic()
    with pytest.raises(DocumentRejected) as caught:
        asyncio.run(extract_document(data, filename, limits, sandbox=sandbox))
    return caught.value, time.monotonic() - started


def assert_no_zombies() -> None:
    zombies = [pid for pid, state in child_states().items() if state == "Z"]
    assert zombies == []


HOSTILE_CASES: dict[str, tuple[Callable[[], bytes], str, type[DocumentRejected], str]] = {
    "password-protected": (
        lambda: encrypted_pdf(text_pdf(["Secret"]), user_password="s3cret", owner_password="own"),
        "policy.pdf",
        EncryptedDocument,
        "password",
    ),
    "garbage after the header": (garbage_pdf, "garbage.pdf", CorruptDocument, "damaged"),
    "truncated": (
        lambda: (HELP / "vpn-remote-access.pdf").read_bytes()[:600],
        "truncated.pdf",
        CorruptDocument,
        "damaged",
    ),
    "single stream inflating to 200 MB": (
        lambda: flate_bomb_pdf(inflated_bytes=200 * MEGABYTE),
        "bomb.pdf",
        DocumentTooLarge,
        "allowed size",
    ),
    "eight streams inflating to 64 MB each": (
        lambda: flate_bomb_pdf(inflated_bytes=64 * MEGABYTE, streams=8),
        "bombs.pdf",
        DocumentTooLarge,
        "memory",
    ),
    "3,000 pages": (lambda: many_pages_pdf(3_000), "huge.pdf", DocumentTooLarge, "3,000 pages"),
    "images without a text layer": (image_only_pdf, "scan.pdf", NoTextFound, "OCR"),
    "a PNG named .pdf": (png_image, "photo.pdf", UnsupportedDocument, "PNG"),
    "an empty file": (lambda: b"", "empty.pdf", EmptyDocument, "empty"),
}


@pytest.mark.parametrize("case", list(HOSTILE_CASES))
def test_a_hostile_upload_is_rejected_with_its_reason_within_the_time_cap(
    case: str, sandbox: PdfSandbox, small_limits: ExtractionLimits
) -> None:
    build, filename, expected, wording = HOSTILE_CASES[case]
    data = build()

    rejection, elapsed = rejection_of(sandbox, data, filename=filename, limits=small_limits)

    assert type(rejection) is expected
    assert wording in str(rejection)
    assert str(rejection).startswith(f"{filename}: ")
    assert elapsed < TIME_CAP_SECONDS
    assert_no_zombies()


def test_a_rejection_that_the_reader_survives_keeps_the_same_reader(
    sandbox: PdfSandbox, small_limits: ExtractionLimits
) -> None:
    before = sandbox.worker_pids()

    rejection_of(sandbox, image_only_pdf(), filename="scan.pdf", limits=small_limits)
    rejection_of(sandbox, garbage_pdf(), filename="garbage.pdf", limits=small_limits)

    assert sandbox.worker_pids() == before


def test_a_reader_that_ran_out_of_memory_is_replaced_and_reaped(
    sandbox: PdfSandbox, small_limits: ExtractionLimits
) -> None:
    (old_pid,) = sandbox.worker_pids()

    rejection_of(
        sandbox,
        flate_bomb_pdf(inflated_bytes=64 * MEGABYTE, streams=8),
        filename="bombs.pdf",
        limits=small_limits,
    )
    document = asyncio.run(
        extract_document(text_pdf(["Still working"]), "ok.pdf", small_limits, sandbox=sandbox)
    )

    assert document.pages[0].text == "Still working"
    assert not process_exists(old_pid)
    assert sandbox.worker_pids() != (old_pid,)


def test_a_pdf_that_reads_for_ever_times_out_and_its_reader_is_killed_and_reaped(
    sandbox: PdfSandbox, endless_pdf: bytes
) -> None:
    limits = ExtractionLimits(timeout_seconds=1.0, memory_bytes=512 * MEGABYTE)
    (old_pid,) = sandbox.worker_pids()

    rejection, elapsed = rejection_of(sandbox, endless_pdf, filename="endless.pdf", limits=limits)

    assert isinstance(rejection, ExtractionTimedOut)
    assert "longer than 1 s" in str(rejection)
    assert 1.0 <= elapsed < TIME_CAP_SECONDS
    assert not process_exists(old_pid)
    assert old_pid not in child_states()
    assert sandbox.worker_pids() == ()


async def test_a_slow_pdf_does_not_block_the_event_loop(
    sandbox: PdfSandbox, endless_pdf: bytes
) -> None:
    limits = ExtractionLimits(timeout_seconds=1.0, memory_bytes=512 * MEGABYTE)
    reading = asyncio.create_task(
        extract_document(endless_pdf, "endless.pdf", limits, sandbox=sandbox)
    )
    ticks = 0

    async def tick_while_reading() -> None:
        nonlocal ticks
        while not reading.done():
            ticks += 1
            await asyncio.sleep(0.01)

    ticking = asyncio.create_task(tick_while_reading())
    with pytest.raises(ExtractionTimedOut):
        await reading
    await ticking

    assert ticks >= 10  # the loop ran other coroutines all through the one-second read


def test_a_reader_killed_from_outside_gives_a_clear_failure(
    sandbox: PdfSandbox, endless_pdf: bytes
) -> None:
    limits = ExtractionLimits(timeout_seconds=30.0, memory_bytes=512 * MEGABYTE)
    (first_pid,) = sandbox.worker_pids()
    finished = threading.Event()

    def kill_the_readers() -> None:
        # Kill whichever reader is current until the read ends, so the outcome does
        # not depend on when the read reached the reader.
        while not finished.wait(0.2):
            for pid in sandbox.worker_pids():
                with contextlib.suppress(ProcessLookupError):  # reaped meanwhile
                    os.kill(pid, signal.SIGKILL)

    killer = threading.Thread(target=kill_the_readers)
    killer.start()
    try:
        rejection, elapsed = rejection_of(sandbox, endless_pdf, filename="x.pdf", limits=limits)
    finally:
        finished.set()
        killer.join()

    assert isinstance(rejection, ExtractionFailed)
    assert "the PDF reader" in str(rejection)
    assert elapsed < TIME_CAP_SECONDS
    assert not process_exists(first_pid)
    assert_no_zombies()


def test_an_upload_over_the_size_limit_is_refused_before_any_reader_starts(
    small_limits: ExtractionLimits,
) -> None:
    children = set(child_states())
    data = text_pdf(["x"]) + b" " * small_limits.max_file_bytes

    with pytest.raises(DocumentTooLarge, match="limit is 4.0 MB"):
        asyncio.run(extract_document(data, "big.pdf", small_limits))

    assert set(child_states()) == children


def test_a_pdf_with_more_text_than_allowed_is_refused(
    sandbox: PdfSandbox, small_limits: ExtractionLimits
) -> None:
    limits = replace(small_limits, max_chars=2_000)
    data = (HELP / "vpn-remote-access.pdf").read_bytes()

    rejection, _ = rejection_of(sandbox, data, filename="vpn.pdf", limits=limits)

    assert isinstance(rejection, DocumentTooLarge)
    assert "2,000 characters" in str(rejection)


def test_a_pdf_encrypted_with_an_empty_user_password_is_opened(
    sandbox: PdfSandbox, small_limits: ExtractionLimits
) -> None:
    data = encrypted_pdf(text_pdf(["Printing guide"]), user_password="", owner_password="owner")

    document = asyncio.run(extract_document(data, "locked.pdf", small_limits, sandbox=sandbox))

    assert [page.text for page in document.pages] == ["Printing guide"]


def test_a_closed_sandbox_refuses_work_and_leaves_no_process(
    small_limits: ExtractionLimits,
) -> None:
    sandbox = PdfSandbox(workers=1)
    sandbox.warm_up()
    (pid,) = sandbox.worker_pids()

    sandbox.close()

    assert not process_exists(pid)
    with pytest.raises(SandboxClosed):
        sandbox.read(text_pdf(["x"]), filename="x.pdf", limits=small_limits)


class _ClosedWhileWarmingUp(PdfSandbox):
    """The service stopping while its readers start in the background: closed right after
    the first reader has started."""

    def __init__(self) -> None:
        super().__init__(workers=2)
        self.started: list[Any] = []

    def _checkout(self, *, filename: str) -> Any:
        reader = super()._checkout(filename=filename)
        self.started.append(reader)
        self.close()
        return reader


def test_a_reader_started_as_the_sandbox_closes_is_stopped_and_its_output_closed() -> None:
    """close left the output of a reader held by the warm-up to that thread, which put the
    reader back in the pool instead: its pipe was never closed (a ResourceWarning, as an
    error, in whichever test the garbage collector ran next)."""
    sandbox = _ClosedWhileWarmingUp()

    with pytest.raises(SandboxClosed):
        sandbox.warm_up()

    assert [reader.replies.closed for reader in sandbox.started] == [True]
    assert sandbox.worker_pids() == ()
    assert_no_zombies()


def test_closing_the_sandbox_during_a_read_ends_the_read_as_closed_not_at_its_timeout(
    endless_pdf: bytes,
) -> None:
    """The read waits on the reader's output; close kills the reader and the read fails at
    once. close used to shut that output under the waiting thread, which then waited out the
    whole timeout and reported the document as too slow."""
    limits = ExtractionLimits(timeout_seconds=600.0, memory_bytes=512 * MEGABYTE)
    sandbox = PdfSandbox(workers=1)
    sandbox.warm_up()
    (pid,) = sandbox.worker_pids()
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            sandbox.read(endless_pdf, filename="endless.pdf", limits=limits)
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)

    reading = threading.Thread(target=read)
    reading.start()
    while _reader_state(pid) != "R":  # reading the document, not waiting for one
        assert reading.is_alive(), outcome
        time.sleep(0.01)  # polling another process's state from a thread, not a timing
    sandbox.close()
    reading.join(TIME_CAP_SECONDS)

    assert not reading.is_alive(), "the read waited for its timeout"
    assert [type(error) for error in outcome] == [SandboxClosed]
    assert not process_exists(pid)
    assert_no_zombies()


def test_closing_the_sandbox_leaves_a_reader_in_use_to_its_thread_to_close() -> None:
    """What makes the read above fail at once, without depending on which thread runs first:
    close kills and reaps the reader in use but leaves its output open, at its end, for the
    thread waiting on it."""
    sandbox = PdfSandbox(workers=1)
    reader = sandbox._checkout(filename="x.pdf")  # as a read holds it

    sandbox.close()

    assert reader.process.poll() is not None and sandbox.worker_pids() == ()
    assert not reader.replies.closed and reader.replies.read() == b""
    sandbox._stop(reader, kill=True)  # as the read does once it has seen that end
    assert reader.replies.closed
    assert_no_zombies()


def _reader_state(pid: int) -> str:
    return child_states().get(pid, "gone")


async def test_extracting_without_a_sandbox_leaves_no_process_behind(
    small_limits: ExtractionLimits,
) -> None:
    children = set(child_states())

    document = await extract_document(text_pdf(["One page"]), "one.pdf", small_limits)

    assert document.pages[0].text == "One page"
    assert set(child_states()) == children
