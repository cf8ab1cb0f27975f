"""The eleventh held-out table is read as people mean it (see `eleventh_held_out.py`)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.eleventh_held_out import ELEVENTH_HELD_OUT, ELEVENTH_MISREAD
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), lines_of(ELEVENTH_HELD_OUT, ELEVENTH_MISREAD))
def test_the_bot_reads_the_eleventh_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_eleventh_table_is_large_and_new() -> None:
    assert_large_and_new(ELEVENTH_HELD_OUT, ELEVENTH_MISREAD, at_least=130)


@pytest.mark.parametrize(("said", "expected"), [
    # a customer chasing the one ticket named: asked to chase it, to be called, writing again
    ('could you chase up 41 for me', 'show #41'),
    ('pls chase 42', 'show #42'),
    ('following up 43 again', 'show #43'),
    ('can somebody ring me about 44', 'show #44'),
    ('please email us about 45 asap', 'show #45'),
    ('second time im emailing about 46', 'show #46'),
    # … how long it has been since it was filed, nothing since, or how it went complained of
    ('it has been two weeks since i opened 47', 'show #47'),
    ('submitted 48 on monday and still nothing', 'show #48'),
    ('really unhappy with 49', 'show #49'),
    ('so fed up with 50 tbh', 'show #50'),
    ('i am writing about 51 again. not acceptable', 'show #51'),
    # who to talk to about it: who has it
    ('who should i speak to about 51?', 'show #51 asked=assignee'),
    ('who do we talk to about 52', 'show #52 asked=assignee'),
    # whether anyone is on it, with a word between
    ('is anybody really working on 53?', 'show #53 asked=assignee?'),
    ('is anyone even looking at it', 'show #7 asked=assignee?'),
    # a detail added to a ticket: "adding to", "forgot to mention on", "more info for", or
    # told first and then "add it to N"; "from me" before what is said is no part of it
    ('Adding on ticket 40 - the user is on leave', "comment #40 'the user is on leave'"),
    ('i forgot to say on 41: the charger is also broken',
     "comment #41 'the charger is also broken'"),
    ('more info for 42: it happens after lunch', "comment #42 'it happens after lunch'"),
    ('one more thing re 46 - it only fails on wifi', "comment #46 'it only fails on wifi'"),
    ('the serial is ABC123, can you add it to 43 pls', "comment #43 'the serial is ABC123'"),
    ('my desk is on floor 2, please add it to 44', "comment #44 'my desk is on floor 2'"),
    ('comment on 45 from me: restarted twice', "comment #45 'restarted twice'"),
    # thanks for what was done on a ticket it names, and a farewell after thanks
    ('thx for sorting TKT-2026-0012 🙏', 'small talk thanks'),
    ('thank you so much for closing 40!', 'small talk thanks'),
    ('cheers for the update on 41', 'small talk thanks'),
    ('thanks everyone, have a nice evening', 'small talk thanks'),
    ('cheers mate, have a good one', 'small talk thanks'),
    ('enjoy your weekend all', 'small talk ok'),
    ('have a great holiday', 'small talk ok'),
    ('thanks for nothing', 'free text'),  # no thanks at all
    # a thing that does not work is told, no one's list
    ('my keyboard is not working', 'free text'),
    ('the scanner is no longer working', 'free text'),
    ('printer is still not working', 'free text'),
    ('my laptop is not really working', 'free text'),
    ('the printer is working', 'free text'),
    # an "it" that stands for no ticket: a question for the help assistant
    ('does it matter if i use chrome', 'question'),
    ('does it help to clear the cache?', 'question'),
    ('how long does it take to get a new laptop?', 'question'),
    ('would it make a difference if i used the cable?', 'question'),
    # how the service desk did, and figures wanted for a report or a meeting
    ('how did the helpdesk do last week', 'stats last_week'),
    ('how did the help desk do this month?', 'stats this_month'),
    ('weekly stats for my report', 'stats this_week'),
    ('stats for the monday meeting', 'stats this_week'),
    ('summary for my report', 'stats this_week'),
    ('how many did we resolve today - for the standup', 'stats today'),
    # a comma dictated, a sign-off on the last line, when it will be done asked indirectly
    ('close 4 comma the user confirmed', 'status #4 closed'),
    ('give 4 to sam comma he knows the printer', 'assign #4 to user:u-sam'),
    ('new ticket: scanner jams on every page. Kind regards',
     "create title='Scanner jams on every page'"),
    ('new ticket: badge reader dead. Best regards, Tom Smith', "create title='Badge reader dead'"),
    ('i wanted to know when 4 will be done', 'show #4 asked=due'),
    ('wondering when 4 will be sorted', 'show #4 asked=due'),
    # a change not wanted, a ticket kept open: nothing changes
    ('i dont want 40 closed', 'no change #40'),
    ("we don't want it reassigned", 'no change #7'),
    ('i dont need 41 closed yet', 'no change #41'),
    ('leave it open', 'no change #7'),
    ('keep 42 open please', 'no change #42'),
    ('nvm 43, leave it open', 'no change #43'),
    # a manager asking whether someone is swamped, who on the team has the most, a status
    # asked to be provided
    ('is priya busy today', 'list all assignee=user:u-priya'),
    ('is sam overloaded?', 'list all assignee=user:u-sam'),
    ('is facilities swamped right now', 'list all assignee=team:3'),
    ('who in my team is the most swamped', 'workload'),
    ('which person on the team has the most work', 'workload'),
    ('please provide status of 4', 'show #4 asked=status'),
    ('can you share the status of 4', 'show #4 asked=status'),
    ('provide me with an update on 4', 'show #4 asked=status'),
    # the order of one's day before a request, a greeting before "what's left", how
    # directly a ticket goes
    ('firstly please close 4', 'status #4 closed'),
    ("first thing: what's on my plate", 'list mine'),
    ("good morning, what's left for me today", 'list mine'),
    ("ok, what's left for me", 'list mine'),
    ("what's on for me", 'list mine'),
    ('send it directly to facilities', 'assign #7 to team:3'),
    ('give 4 straight to sam', 'assign #4 to user:u-sam'),
    # a status typed with a hyphen, a comma typed after a space
    ('on-hold tickets', 'list all status=on_hold'),
    ('my in-progress tickets', 'list mine status=in_progress'),
    ('close 396 , issue resolved now', 'status #396 closed'),
    ('give 4 , 5 to sam', 'assign #4, #5 to user:u-sam'),
])
def test_the_shapes_the_eleventh_table_found_are_read_in_other_words_too(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ('call me about 4 pm', 'free text'),
    ('chase the vendor about the toner', 'free text'),
    ('chased the vendor again on 4, still nothing', 'free text'),
    ('restarted the router and nothing', 'free text'),
    ('disappointed with the new laptops', 'free text'),
    ("it's been a week since i raised 4 tickets", 'free text'),
    ('i am calling about 4 printers', 'free text'),
    ('close 4, not acceptable', 'no change #4'),
    ('close 4, the user is unhappy with the fix', 'status #4 closed'),
    ('who do i talk to about my password', 'question'),
    # "about that" follows up what came before (a help answer), not a ticket's holder
    ('who do I call about that', 'show #7'),
    ('who should i talk to about it?', 'show #7'),
    ('who should take 4?', 'show #4'),
    ('who can i ask to take 4', 'show #4'),
    ('is anyone actually using room 4', 'question'),
    ('adding 4 to the list', 'free text'),
    ('adding sam to 4', 'free text'),
    ('i forgot to mention it', 'free text'),
    ('forgot to close 4', 'free text'),
    ('one more thing: close 4', 'status #4 closed'),
    ('close 5 and add it to 4', 'unknown [close 5, start 5, resolve 5]'),
    ('give 5 to sam and add it to 4', 'assign #5 to user:u-sam'),
    ('the printer on 3 jams, add it to my list', 'free text'),
    ('comment on 4: from memory it was red', "comment #4 'from memory it was red'"),
    ('thanks for closing 4 but it still doesnt work', 'free text'),
    ('thanks for the 2 laptops', 'free text'),
    ('thanks for 4! close it', 'status #4 closed'),
    ('thanks for looking into 4, any eta?', 'show #4 asked=due'),
    ('have a nice day, close 4', 'status #4 closed'),
    ('have a look at 4', 'show #4'),  # shown since 2026-12-06 (was free text)
    ('have a good day at the office', 'free text'),
    ('what is sam working on', 'list all assignee=user:u-sam'),
    ('what is sam working', 'list all assignee=user:u-sam'),
    ('tickets sam is not working on', 'list all assignee=user:u-sam'),
    ('is sam working on 4', 'show #4'),
    ('why does it take so long', 'show #7'),
    ('will it take long to fix?', 'show #7'),
    ('why did it take 3 weeks to fix it', 'show #7'),
    ('would it help to reassign it?', 'show #7'),
    ('would it make sense to close it?', 'show #7'),
    ('it takes ages to log in', 'free text'),
    ('if it breaks again reopen it', 'no change #7'),
    ('report for the meeting', "create title='The meeting'"),
    ('new ticket for the weekly report', "create title='The weekly report'"),
    ('tickets about the weekly report', "list all text='weekly report'"),
    ('the comma key is broken', 'free text'),
    ('new ticket: a comma in the title breaks export',
     "create title='A comma in the title breaks export'"),
    ('new ticket: send regards to the vendor', "create title='Send regards to the vendor'"),
    ('let me know when 4 is fixed', 'cannot remind #4'),
    ('close 4, leave 5 open', 'status #4 closed'),
    ("i don't want 4 people", 'free text'),
    ('leave the door open', 'free text'),
    ("i don't want to close 4", 'no change #4'),
    ('is the network busy', 'question'),
    ('is the server overloaded', 'question'),
    ('is anyone busy', 'question'),
    ('who on the team has the printer ticket', 'question'),
    ('provide the laptop to sam', 'free text'),
    ('share 4 with sam', 'free text'),
    ('first off, close 4', 'status #4 closed'),
    ('whats on for lunch', 'question'),
    ('first thing in the morning the printer jams', 'free text'),
    ('go straight to the point', 'free text'),
    ('put 4 in-progress', 'status #4 in_progress'),
    ('a follow-on hold-up', 'free text'),
    ('the check-in kiosk', 'free text'),
    ('costs 4 , 5 euros', 'free text'),
])
def test_what_looks_like_the_eleventh_shapes_is_read_as_before(said: str, expected: str) -> None:
    """A call at a time, a vendor chased (an agent's note), a thing disappointing, a count of
    tickets, a take-back after a request, a question of how, who should take a ticket (what
    should happen), something added to a list, a change then "add it to 4", "from" that
    starts what is said, thanks taken back or with a request after them, "have a look", what
    someone is working on, and an "it" that is the ticket (what is done to, or how long it
    takes) are read as they were."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
