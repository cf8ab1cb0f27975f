"""How urgent a new ticket is, said before its title with a colon, a dash or "priority", sets
its priority: "create ticket high priority outlook not syncing" was titled 'High priority
outlook not syncing' at no priority, "new ticket urgent: server down" 'Urgent: server down'.
A word that is the problem's own ("high cpu", "critical error") stays in the title. Found
by the fourteenth held-out table (and the thirteenth's "new ticket urgent: server down")."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "read"), [
    ("create ticket high priority outlook not syncing",
     "create title='Outlook not syncing' priority=high"),
    ("new ticket high priority: outlook not syncing",
     "create title='Outlook not syncing' priority=high"),
    ("new ticket - urgent - server down", "create title='Server down' priority=urgent"),
    ("new ticket: p1 - core switch down", "create title='Core switch down' priority=urgent"),
    ("new ticket: low prio, mouse mats worn out",
     "create title='Mouse mats worn out' priority=low"),
])
def test_a_priority_said_before_the_title_is_the_new_tickets(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read


@pytest.mark.parametrize(("said", "read"), [
    ("new ticket: high cpu on the build server", "create title='High cpu on the build server'"),
    ("new ticket: low disk space on laptop", "create title='Low disk space on laptop'"),
    ("new ticket: critical error in excel", "create title='Critical error in excel'"),
    ("new ticket: urgent printer issue", "create title='Urgent printer issue'"),
    ("new ticket: outlook not syncing, high priority",
     "create title='Outlook not syncing' priority=high"),
])
def test_a_priority_word_that_is_the_problems_own_stays_in_the_title(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read
