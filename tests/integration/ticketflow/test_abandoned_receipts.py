"""A redelivery receipt whose turn never answered because its process died is taken over
by a resend, by exactly one; a live holder's and an answered turn's receipts never are."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.transport.dedupe import ReceiptState
from db.repositories.activity_receipts import SqlActivityReceipts
from domain.clock import utcnow
from ticketflow.msteams import ReceiptDeduplicator
from ticketflow.processes import Holder, this_process


def _exited_process() -> Holder:
    """A process of this host that has ended."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait(timeout=30)
    return Holder(host=this_process().host, pid=ended.pid, start="1")


async def test_a_claim_whose_process_died_on_this_host_is_taken_over_by_one_resend(
    engine: AsyncEngine,
) -> None:
    receipts = SqlActivityReceipts(engine)
    assert await ReceiptDeduplicator(receipts, holder=_exited_process()).claim(
        "key", conversation_id="c")
    resends = [ReceiptDeduplicator(receipts) for _ in range(10)]

    assert (await resends[0].receipt("key")).state is ReceiptState.RELEASED
    claimed = await asyncio.gather(*(r.claim("key", conversation_id="c") for r in resends))

    assert claimed.count(True) == 1
    assert (await resends[0].receipt("key")).state is ReceiptState.RUNNING  # held, alive


async def test_a_restarted_service_with_its_old_pid_takes_over_its_old_claims(
    engine: AsyncEngine,
) -> None:
    # In a container the restarted service is pid 1 again: only its start time differs.
    me = this_process()
    before_restart = Holder(host=me.host, pid=me.pid, start="1")
    receipts = SqlActivityReceipts(engine)
    assert await ReceiptDeduplicator(receipts, holder=before_restart).claim(
        "key", conversation_id=None)

    assert await ReceiptDeduplicator(receipts).claim("key", conversation_id=None)


async def test_a_claim_held_by_a_live_process_is_left_to_it(engine: AsyncEngine) -> None:
    receipts = SqlActivityReceipts(engine)
    first, resend = ReceiptDeduplicator(receipts), ReceiptDeduplicator(receipts)
    assert await first.claim("key", conversation_id=None)

    assert not await resend.claim("key", conversation_id=None)
    assert (await resend.receipt("key")).state is ReceiptState.RUNNING


async def test_a_claim_from_another_host_is_taken_over_only_once_it_is_abandoned(
    engine: AsyncEngine,
) -> None:
    receipts = SqlActivityReceipts(engine)
    elsewhere = Holder(host="another-host", pid=1, start="1")
    assert await ReceiptDeduplicator(receipts, holder=elsewhere).claim(
        "key", conversation_id=None)

    assert not await ReceiptDeduplicator(receipts).claim("key", conversation_id=None)
    later = ReceiptDeduplicator(
        receipts, clock=lambda: utcnow() + timedelta(minutes=6),
        abandoned_after=timedelta(minutes=5))
    assert await later.claim("key", conversation_id=None)


async def test_an_answered_message_is_never_run_again_even_when_its_process_died(
    engine: AsyncEngine,
) -> None:
    receipts = SqlActivityReceipts(engine)
    dead = ReceiptDeduplicator(receipts, holder=_exited_process())
    assert await dead.claim("key", conversation_id=None)
    dead.finished("key")
    await dead.write_finished()

    resend = ReceiptDeduplicator(receipts)
    assert not await resend.claim("key", conversation_id=None)
    assert (await resend.receipt("key")).state is ReceiptState.ANSWERED
