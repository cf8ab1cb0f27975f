"""What `serve` logs about the help documents it indexed at start."""

from __future__ import annotations

import logging
from typing import Any, cast

import pytest

from knowledge.ingestion import Change, ReindexReport, SourceChange
from knowledge.passages import SourceKind
from knowledge.ports import SourceRef
from ticketflow.app import _index_unindexed


class _Knowledge:
    def __init__(self, report: ReindexReport) -> None:
        self._report = report

    async def index_unindexed(self) -> ReindexReport:
        return self._report


async def test_serve_logs_counts_and_each_refused_document_not_the_whole_report(
    caplog: pytest.LogCaptureFixture,
) -> None:
    refused = SourceChange(SourceRef(SourceKind.HELP_DOCUMENT, 7), Change.REJECTED,
                           title="Scanned fax", warning="no text could be extracted")
    report = ReindexReport((
        SourceChange(SourceRef(SourceKind.HELP_DOCUMENT, 1), Change.INDEXED, "VPN", 12),
        refused,
        SourceChange(SourceRef(SourceKind.HELP_DOCUMENT, 2), Change.UNCHANGED, "Printers"),
    ))

    with caplog.at_level(logging.INFO, logger="ticketflow"):
        await _index_unindexed(cast(Any, _Knowledge(report)))

    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", f"help document {refused.ref} (Scanned fax): no text could be extracted"),
        ("INFO", "help documents: indexed 1, rejected 1, embedded 0, removed 0, unchanged 1"),
    ]
