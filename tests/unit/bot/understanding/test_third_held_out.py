"""The third held-out table is read as people mean it (see `third_held_out.py`)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded
from tests.unit.bot.understanding.third_held_out import THIRD_HELD_OUT, THIRD_MISREAD


@pytest.mark.parametrize(("said", "expected"), lines_of(THIRD_HELD_OUT, THIRD_MISREAD))
def test_the_bot_reads_the_third_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_third_table_is_large_and_new() -> None:
    assert_large_and_new(THIRD_HELD_OUT, THIRD_MISREAD, at_least=80)


@pytest.mark.parametrize(("said", "expected"), [
    ("assign 4 5 to sam", "assign #4, #5 to user:u-sam"),
    ("close 4 5 6 7", "status #4, #5, #6, #7 closed"),
    ("4 5 6", "show #4, #5, #6"),
    ("pull up 8 and 9", "show #8, #9"),
    ("show tickets 8, 9", "show #8, #9"),
    ("comment on 4: 5 users affected", "comment #4 '5 users affected'"),
    ("comment on 4 5 users affected", "comment #4 '5 users affected'"),
    ("close 4 5pm", "unknown [close 4, start 4, resolve 4]"),
    ("is 4 5 done?", "show #4, #5 asked=status?closed,resolved"),
    ("close tickets 8 and 9", "status #8, #9 closed"),
    ("tickets 8 and 9 can be closed", "status #8, #9 closed"),
    ("resolve tickets 8 & 9 pls", "status #8, #9 resolved"),
    ("don't close 4 5", "no change #4"),
    ("what did i work on yesterday", "list touched updated_since=2026-12-01"),
    ("what did I work on last week", "list touched updated_since=2026-11-23"),
    ("what have I been working on since monday", "list touched updated_since=2026-11-30"),
    ("which tickets did I update this month", "list touched updated_since=2026-12-01"),
    ("what did I work on this morning", "list touched updated_since=2026-12-02"),
    ("what did I work on", "list touched"),
    ("tickets I worked on since 2026-11-30", "list touched updated_since=2026-11-30"),
    ("what am I working on", "list mine"),
    ("I worked on 4 this week", "free text"),
    ("what did I do today", "list touched updated_since=2026-12-02"),
    ("what have I done this week", "list touched updated_since=2026-11-30"),
    ("what did i get done yesterday?", "list touched updated_since=2026-12-01"),
    ("what have i done so far", "list touched"),
    ("what did I do wrong", "question"),
    ("what did i do with the printer ticket", "question"),
    ("I did restart it", "free text"),
])
def test_the_shapes_the_third_table_found_are_read_in_other_words_too(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("my laptop is not charging since the last update", "free text"),
    ("the screen doesn't turn on after I changed the cable", "free text"),
    ("don't ever close 4", "no change #4"),
    ("please do not under any circumstances close 4", "no change #4"),
    ("if you find a sec, resolve 4", "status #4 resolved"),
    ("when convenient, close 12", "status #12 closed"),
    ("would you mind closing 27", "status #27 closed"),
    ("do you mind assigning 27 to sam?", "assign #27 to user:u-sam"),
    ("it would be great if you could close 4", "status #4 closed"),
    ("I'd be grateful if you could put 4 on hold", "status #4 on_hold"),
    ("probs 4 is fixed", "ask status #4 ?: Should #4 be resolved? [Yes]"),
    ("heyyy", "small talk hello"),
    ("okkk thanksss", "small talk thanks"),
    ("haha thanks", "small talk thanks"),
    ("ok u r great", "free text"),
    ("anything urgent for the printer?", "list all priority=urgent text='printer'"),
    ("anything open for Sam?", "list all status=open assignee=user:u-sam"),
    ("anything for the printer?", "question"),
    ("what does priya have on hold", "list all status=on_hold assignee=user:u-priya"),
    ("what does the network team have overdue", "list all assignee=team:2 due=overdue"),
    ("ticket 9 it is fixed", "status #9 resolved"),
    ("Hi, any update? It is about TKT-2026-0009, thanks", "show #9"),
    ("the printer on floor 3 is broken? help", "free text"),
    ("close 29 once the user confirms", "no change #29"),
    ("resolve 4 if it works now", "no change #4"),
    ("assign 4 to sam if he is free", "no change #4"),
    ("reopen 4 as soon as the part arrives", "no change #4"),
    ("close 12 if you can, thanks", "status #12 closed"),
    ("4 due the 1st", "edit #4 due=2027-01-01"),
    ("set the due date of 4 to the 31st", "edit #4 due=2026-12-31"),
    ("make 4 due the 3rd of january", "edit #4 due=2027-01-03"),
    ("new ticket: printer jammed again please", "create title='Printer jammed again'"),
    ("printer jammed again, can you log it", "create title='Printer jammed again'"),
    ("close 12 again", "status #12 closed"),
    ("31 -> Bob Smith", "ask assign #31 to ?: I couldn't find “Bob Smith”. Who should take #31?"),
    ("31 to Done", "status #31 resolved"),
])
def test_politeness_hedges_and_negations_of_other_kinds_are_read_by_kind(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("set 4 due 12 12", "ask edit #4 ? due_date: I couldn't read “12 12” as a date."),
    ("set the priority of 4 to Super High pls",
     "ask edit #4 ? priority: “Super High” is not a priority."),
    ("4's priority should be mega", "ask edit #4 ? priority: “mega” is not a priority."),
])
def test_a_value_not_understood_is_echoed_as_typed(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
