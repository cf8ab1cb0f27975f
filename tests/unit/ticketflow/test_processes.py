"""Whether the process holding a claim is gone: only judged in the same process table."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from ticketflow.processes import Holder, is_gone, this_host, this_process


def _ended() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_process_of_this_host_that_ended_is_gone_and_this_one_is_not() -> None:
    assert is_gone(Holder(host=this_host(), pid=_ended(), start="1"))
    assert not is_gone(this_process())
    assert Holder.parse(str(this_process())) == this_process()


def test_a_replica_with_the_same_host_name_but_another_process_table_is_never_judged() -> None:
    """Host networking: one host name, separate pid namespaces; pid 1 there is not ours."""
    twin = f"{socket.gethostname()[:100]}#pid:[1]"
    assert twin != this_host()

    assert not is_gone(Holder(host=twin, pid=_ended(), start="1"))
    assert not is_gone(Holder(host=twin, pid=os.getpid(), start="not-ours"))
