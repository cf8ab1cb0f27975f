"""Answers to the bot's questions, as people type them → the request they complete.

The pending ticket is #4 (TKT-2026-0004), which "it" then means. `again: …` is the
question asked again with the reason; `next SLOT` is the follow-up question.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.actions import questions
from bot.actions.pending import Pending, Slot
from bot.actions.reply import Option
from bot.dialogs.answers import Answer, AskAgain, AskNext, read_answer
from bot.understanding.requests import Clarify
from bot.understanding.summary import summary
from domain.numbering import TicketNumber
from domain.tickets import TicketStatus
from tests.unit.bot.understanding.test_transcript import CONVERSATION, expanded

NUMBER = "TKT-2026-0004"
ASSIGNEE = questions.who_takes(NUMBER, (
    Option("Me (Jo Doe)", f"assign {NUMBER} to me"),
    Option("Team IT Support", f"assign {NUMBER} to team IT Support"),
    Option("Team Network", f"assign {NUMBER} to team Network"),
)).asks
STATUS = questions.which_status(NUMBER, (
    TicketStatus.IN_PROGRESS, TicketStatus.ON_HOLD, TicketStatus.RESOLVED, TicketStatus.CLOSED,
)).asks
FIELD = Pending(Slot.FIELD, NUMBER, "What should change?", tuple(
    Option(label, slot.value) for label, slot in (
        ("Title: Printer jams", Slot.TITLE), ("Description: none", Slot.DESCRIPTION),
        ("Priority: medium", Slot.PRIORITY), ("Category: support", Slot.CATEGORY),
        ("Due date: none", Slot.DUE_DATE),
    )))
REQUESTER_FIELD = replace(FIELD, options=FIELD.options[:2])
COMMENT = questions.what_comment(NUMBER).asks
PRIORITY = questions.field_value(NUMBER, Slot.PRIORITY).asks
CATEGORY = questions.field_value(NUMBER, Slot.CATEGORY).asks
DUE = questions.field_value(NUMBER, Slot.DUE_DATE).asks
TITLE = questions.field_value(NUMBER, Slot.TITLE).asks
DESCRIPTION = questions.field_value(NUMBER, Slot.DESCRIPTION).asks

TABLE: tuple[tuple[Pending | None, str, str], ...] = (
    # --- who should take it -------------------------------------------------------------
    (ASSIGNEE, "1", "assign #4 to user:u-jo"),
    (ASSIGNEE, "me", "assign #4 to user:u-jo"),
    (ASSIGNEE, "Me (Jo Doe)", "assign #4 to user:u-jo"),
    (ASSIGNEE, "myself", "assign #4 to user:u-jo"),
    (ASSIGNEE, "I'll take it", "assign #4 to user:u-jo"),
    (ASSIGNEE, "2", "assign #4 to team:1"),
    (ASSIGNEE, "team it", "assign #4 to team:1"),
    (ASSIGNEE, "Team Network", "assign #4 to team:2"),
    (ASSIGNEE, "the network team", "assign #4 to team:2"),
    (ASSIGNEE, "IT Support team", "assign #4 to team:1"),
    (ASSIGNEE, "sam", "assign #4 to user:u-sam"),
    (ASSIGNEE, "Sam Rivera", "assign #4 to user:u-sam"),
    (ASSIGNEE, "priya@example.com", "assign #4 to user:u-priya"),
    (ASSIGNEE, "Alex please", "assign #4 to user:u-alex"),
    (ASSIGNEE, "give it to Priya", "assign #4 to user:u-priya"),
    (ASSIGNEE, "lee chen", "assign #4 to user:u-leec"),
    (ASSIGNEE, "Lee", "ask"),
    (ASSIGNEE, "nobody", "assign #4 to nobody"),
    (ASSIGNEE, "no one", "assign #4 to nobody"),
    (ASSIGNEE, "4", "again: Pick a number from 1 to 3"),
    (ASSIGNEE, "Gandalf", "again: I couldn't find “Gandalf”."),
    (ASSIGNEE, "  ", "again: I didn't get an answer."),
    # --- which status -------------------------------------------------------------------
    (STATUS, "1", "status #4 in_progress"),
    (STATUS, "in progress", "status #4 in_progress"),
    (STATUS, "In Progress", "status #4 in_progress"),
    (STATUS, "start", "status #4 in_progress"),
    (STATUS, "working on it", "status #4 in_progress"),
    (STATUS, "I'm working on it", "status #4 in_progress"),
    (STATUS, "on hold", "status #4 on_hold"),
    (STATUS, "On", "status #4 on_hold"),
    (STATUS, "waiting", "status #4 on_hold"),
    (STATUS, "put it on hold", "status #4 on_hold"),
    (STATUS, "resolved", "status #4 resolved"),
    (STATUS, "Res", "status #4 resolved"),
    (STATUS, "done", "status #4 resolved"),
    (STATUS, "it's fixed", "status #4 resolved"),
    (STATUS, "fixed!", "status #4 resolved"),
    (STATUS, "4", "status #4 closed"),
    (STATUS, "5", "again: Pick a number from 1 to 4"),
    (STATUS, "close it", "status #4 closed"),
    (STATUS, "closed.", "status #4 closed"),
    (STATUS, "banana", "again: “banana” is not a status I know."),
    # --- the comment's text -------------------------------------------------------------
    (COMMENT, "Restarted the spooler", "comment #4 'Restarted the spooler'"),
    (COMMENT, "close it tomorrow if nobody complains",
     "comment #4 'close it tomorrow if nobody complains'"),
    (COMMENT, "2", "comment #4 '2'"),
    (COMMENT, "Line one\nline two", "comment #4 'Line one\\nline two'"),
    (COMMENT, "comment on TKT-2026-0004: swapped it", "comment #4 'swapped it'"),
    (COMMENT, "done", "comment #4 'done'"),
    # --- which field, then its value ------------------------------------------------------
    (FIELD, "priority", "next priority"),
    (FIELD, "3", "next priority"),
    (FIELD, "Pri", "next priority"),
    (FIELD, "the priority", "next priority"),
    (FIELD, "change the title", "next title"),
    (FIELD, "name", "next title"),
    (FIELD, "Due", "next due_date"),
    (FIELD, "deadline", "next due_date"),
    (FIELD, "due date", "next due_date"),
    (FIELD, "details", "next description"),
    (FIELD, "kind", "next category"),
    (FIELD, "priority high", "edit #4 priority=high"),
    (FIELD, "priority to urgent", "edit #4 priority=urgent"),
    (FIELD, "the due date is next Friday", "edit #4 due=2026-12-04"),
    (FIELD, "title VPN drops on hotel wifi", "edit #4 title='VPN drops on hotel wifi'"),
    (FIELD, "make it urgent", "edit #4 priority=urgent"),
    (FIELD, "it's a bug", "edit #4 category=bug"),
    (FIELD, "colour", "again: “colour” is not a field I can change here."),
    (REQUESTER_FIELD, "priority", "again: “priority” is not a field I can change here."),
    (REQUESTER_FIELD, "2", "next description"),
    (PRIORITY, "urgent", "edit #4 priority=urgent"),
    (PRIORITY, "4", "edit #4 priority=urgent"),
    (PRIORITY, "High", "edit #4 priority=high"),
    (PRIORITY, "critical", "edit #4 priority=urgent"),
    (PRIORITY, "normal", "edit #4 priority=medium"),
    (PRIORITY, "lo", "edit #4 priority=low"),
    (PRIORITY, "whenever", "again: “whenever” is not a priority."),
    (CATEGORY, "bug", "edit #4 category=bug"),
    (CATEGORY, "Incident", "edit #4 category=incident"),
    (CATEGORY, "an outage", "edit #4 category=incident"),
    (CATEGORY, "feature request", "edit #4 category=feature"),
    (DUE, "next Friday", "edit #4 due=2026-12-04"),
    (DUE, "tomorrow", "edit #4 due=2026-12-03"),
    (DUE, "24 Dec", "edit #4 due=2026-12-24"),
    (DUE, "2027-01-15", "edit #4 due=2027-01-15"),
    (DUE, "in 3 days", "edit #4 due=2026-12-05"),
    (DUE, "someday", "again: I couldn't read “someday” as a date."),
    (DUE, "yesterday", "again: Tue 1 Dec 2026 is in the past: say “yesterday anyway” to set it, "
                       "or another day."),
    (DUE, "1 Nov", "again: Sun 1 Nov 2026 is in the past: say “1 Nov anyway” to set it, or "
                   "another day."),
    (DUE, "yesterday anyway", "edit #4 due=2026-12-01"),
    (TITLE, "VPN drops on hotel wifi", "edit #4 title='VPN drops on hotel wifi'"),
    (TITLE, "\"Printer jams on floor 3\"", "edit #4 title='Printer jams on floor 3'"),
    (TITLE, "3", "edit #4 title='3'"),
    (DESCRIPTION, "Happens every morning\nafter 9", "edit #4 description='Happens every morning\\nafter 9'"),
    (TITLE, "thx", "again: I won't make “thx” the title; nothing changed."),
    (TITLE, "ok 👍", "again: I won't make “ok 👍” the title; nothing changed."),
    (DESCRIPTION, "cheers!", "again: I won't make “cheers!” the description; nothing changed."),
    (TITLE, "skip", "again: I won't make “skip” the title; nothing changed."),
    (TITLE, "N/A", "again: I won't make “N/A” the title; nothing changed."),
    (DESCRIPTION, "none", "again: I won't make “none” the description; nothing changed."),
    (DESCRIPTION, "Skip.", "again: I won't make “Skip.” the description; nothing changed."),
    (TITLE, "Skip the login page", "edit #4 title='Skip the login page'"),
    (COMMENT, "thanks!", "comment #4 'thanks!'"),  # a thank-you is a fine comment
)


def said_as(answer: Answer) -> str:
    match answer:
        case AskAgain(why=why):
            return f"again: {why}"
        case AskNext(slot=slot):
            return f"next {slot.value}"
        case Clarify():
            return "ask"
        case _:
            return summary(answer)


@pytest.mark.parametrize(("pending", "said", "expected"), TABLE,
                         ids=[f"{p.slot.value if p else '-'}:{s}" for p, s, _ in TABLE])
def test_an_answer_completes_the_request_the_question_was_about(
    pending: Pending, said: str, expected: str
) -> None:
    conversation = replace(CONVERSATION, last_ticket=TicketNumber("TKT", 2026, 4))
    got = said_as(read_answer(pending, said, conversation))
    assert got.startswith(expanded(expected)) if expected.startswith("again") else \
        got == expanded(expected)


def test_a_pending_question_survives_the_state_storage_round_trip() -> None:
    for pending in (ASSIGNEE, STATUS, FIELD, COMMENT, PRIORITY, DUE):
        assert pending is not None
        assert Pending.from_data(pending.to_data()) == pending


def test_state_from_another_release_is_no_question() -> None:
    assert Pending.from_data({"slot": "colour", "ticket": NUMBER, "question": "?",
                              "options": []}) is None
    assert Pending.from_data("assign") is None


@pytest.mark.parametrize(("first_asked", "question"), [
    ("“on hold and tell cara” is not a status I know.", "Which status should TKT-2026-0004 get?"),
    ("“purple” is not a priority.", "How urgent is TKT-2026-0004?"),
    ("I couldn't find “Lee Parker”.", "Who should take TKT-2026-0004?"),
    ("I couldn't read “next blursday” as a date.", "When is TKT-2026-0004 due?"),
])
def test_a_question_asked_again_gives_only_the_new_answers_reason(
        first_asked: str, question: str) -> None:
    pending = replace(STATUS, question=f"{first_asked} {question}")

    again = questions.asking(pending, why="“banana” is not a status I know.")

    assert again.text == f"“banana” is not a status I know. {question}"
    assert again.asks == pending  # the question kept for the next answer is unchanged
    assert questions.asking(pending).text == f"{first_asked} {question}"


def test_a_question_asked_again_keeps_what_it_says_beside_an_earlier_reason() -> None:
    pending = replace(STATUS, question="Tickets aren't deleted. Should TKT-2026-0004 be closed?")

    again = questions.asking(pending, why="Pick a number from 1 to 2, or type the answer.")

    assert again.text == ("Pick a number from 1 to 2, or type the answer. Tickets aren't "
                          "deleted. Should TKT-2026-0004 be closed?")
