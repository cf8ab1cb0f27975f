"""Loaded by a `ticketflow serve` started with this folder on its PYTHONPATH (Python imports
`sitecustomize` at start-up): with `TICKETFLOW_TEST_STALLED_ANSWERS` set to a file name, an
invoke's turn, once done, writes its key there and waits instead of keeping its answer, so
that a test can kill the process after the turn's writes and before its answer, as a crash
there would."""

import asyncio
import os
from pathlib import Path

_MARKER = os.environ.get("TICKETFLOW_TEST_STALLED_ANSWERS")

if _MARKER:
    from bot.transport.dedupe import RecordedAnswer
    from ticketflow.msteams import ReceiptDeduplicator

    async def _stalled(self: ReceiptDeduplicator, key: str, answer: RecordedAnswer) -> None:
        Path(_MARKER).write_text(key)
        await asyncio.Event().wait()  # until the test kills the process

    ReceiptDeduplicator.record = _stalled  # type: ignore[method-assign]
