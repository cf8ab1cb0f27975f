"""The service starts its PDF reader in the background: it serves before the reader is up, a
reader that cannot start is a warning (each PDF upload starts one), and a stop while the
reader is starting leaves no process behind and nothing to warn about."""

from __future__ import annotations

import logging
import threading
from typing import Any, cast

import pytest

from knowledge.extraction import PdfSandbox
from knowledge.extraction.errors import ExtractionFailed
from tests.unit.knowledge.processes import child_states
from tests.waiting import SAFETY_NET, until
from ticketflow.knowledge import Knowledge


class _HeldSandbox:
    """A sandbox whose readers start only when the test lets them, or fail to."""

    def __init__(self, *, failure: Exception | None = None) -> None:
        self.failure = failure
        self.release = threading.Event()
        self.warmed = False
        self.closed = False

    def warm_up(self) -> None:
        if self.failure is not None:
            raise self.failure
        assert self.release.wait(SAFETY_NET), "the test never let the readers start"
        self.warmed = True

    def close(self) -> None:
        self.closed = True
        self.release.set()


def _knowledge(sandbox: object) -> Knowledge:
    nothing = cast(Any, None)
    return Knowledge(uow=nothing, indexer=nothing, retriever=nothing, sandbox=cast(Any, sandbox))


async def test_starting_does_not_wait_for_the_pdf_reader(caplog: pytest.LogCaptureFixture) -> None:
    sandbox = _HeldSandbox()
    knowledge = _knowledge(sandbox)

    await knowledge.start()
    assert not sandbox.warmed  # started, with the reader still starting

    sandbox.release.set()
    await until(lambda: sandbox.warmed, what="the reader started")
    await knowledge.close()
    assert sandbox.closed
    assert caplog.records == []


async def test_a_pdf_reader_that_cannot_start_is_a_warning_not_a_failed_start(
    caplog: pytest.LogCaptureFixture,
) -> None:
    failure = ExtractionFailed("the PDF reader could not start (exit code 1)", filename="")
    knowledge = _knowledge(_HeldSandbox(failure=failure))

    with caplog.at_level(logging.WARNING, logger="ticketflow"):
        await knowledge.start()
        await until(lambda: bool(caplog.records), what="a warning about the reader")
        await knowledge.close()

    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [(
        "WARNING", "the PDF readers could not start ahead of time; each upload of a PDF starts "
                   "one: the PDF reader could not start (exit code 1)")]


@pytest.mark.parametrize("stopped", ["at once", "once the reader process runs"])
async def test_stopping_while_the_pdf_reader_starts_leaves_no_process_and_no_warning(
    stopped: str, caplog: pytest.LogCaptureFixture,
) -> None:
    before = set(child_states())
    sandbox = PdfSandbox(workers=1)
    knowledge = _knowledge(sandbox)

    with caplog.at_level(logging.WARNING, logger="ticketflow"):
        await knowledge.start()
        if stopped != "at once":
            await until(lambda: bool(sandbox.worker_pids()), what="the reader process running")
        await knowledge.close()

    assert sandbox.worker_pids() == ()
    assert set(child_states()) - before == set()  # killed and reaped, not left a zombie
    assert caplog.records == []
