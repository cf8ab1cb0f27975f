from __future__ import annotations

from collections.abc import Iterator

import pytest

from knowledge.extraction import ExtractionLimits, PdfSandbox
from tests.unit.knowledge.paths import MEGABYTE


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[PdfSandbox]:
    """One reader for a whole module: what the service does between uploads."""
    with PdfSandbox(workers=1) as sandbox:
        yield sandbox


@pytest.fixture
def sandbox() -> Iterator[PdfSandbox]:
    """A fresh reader, for tests that kill it or count its processes."""
    with PdfSandbox(workers=1) as sandbox:
        sandbox.warm_up()
        yield sandbox


@pytest.fixture
def small_limits() -> ExtractionLimits:
    """Small caps keep hostile files fast; the timeout is generous because these
    files must fail for their own reason, not by running out of time. Eight 64 MB
    streams run out of 256 MB in 1.7 to 2.7 s on two cores at load 8 (and took
    longer under more), so a 4 s timeout raced the memory limit."""
    return ExtractionLimits(
        max_file_bytes=4 * MEGABYTE,
        max_pages=500,
        max_chars=200_000,
        timeout_seconds=20.0,
        memory_bytes=256 * MEGABYTE,
    )
