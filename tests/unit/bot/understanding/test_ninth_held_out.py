"""The ninth held-out table is read as people mean it (see `ninth_held_out.py`)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.ninth_held_out import NINTH_HELD_OUT, NINTH_MISREAD
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), lines_of(NINTH_HELD_OUT, NINTH_MISREAD))
def test_the_bot_reads_the_ninth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_ninth_table_is_large_and_new() -> None:
    assert_large_and_new(NINTH_HELD_OUT, NINTH_MISREAD, at_least=120)


@pytest.mark.parametrize(("said", "expected"), [
    ('update 12 to note that the vendor called', "comment #12 'the vendor called'"),
    ('comment on 4 to say parts arrived', "comment #4 'parts arrived'"),
    ("update it to tell them we're on it", "comment #7 \"we're on it\""),
    ('new ticket: printer jam, due 1 nov', "ask create title='Printer jam' due=2026-11-01: Sun 1 "
     "Nov 2026 is in the past. Should the new ticket be due then? [Yes, Mon 1 Nov 2027]"),
    ('new ticket due last friday: printer jam', "ask create title='Printer jam' due=2026-11-27: "
     "Fri 27 Nov 2026 is in the past. Should the new ticket be due then? [Yes]"),
    ('the user called about 164, give it to sam', 'assign #164 to user:u-sam'),
    ('customer emailed about 30 again. put it on hold', 'status #30 on_hold'),
    ('the user on 166 is back, put it back to in progress', 'status #166 in_progress'),
    ('escalate 4 to urgent', 'edit #4 priority=urgent'),
    ('raise it to high priority pls', 'edit #7 priority=high'),
    ('expedite 184', 'ask edit #184 ? priority'),
    ('4 is open since 3 days', 'free text'),
    ('4 has been pending for ages', 'free text'),
    ('4 is blocked since yesterday', 'free text'),
    ('new ticket: printer jam for the entire finance team',
     "create title='Printer jam for the entire finance team'"),
    ('is my vpn request still not sorted?',
     "list own text='vpn' asked=status?in_progress,on_hold,open"),
    ('is there an update on my laptop ticket', "list own text='laptop'"),
    ('is there an option for notifications when my ticket is closed', 'question'),
    ('141, 142 can both be closed', 'status #141, #142 closed'),
    ('4 and 5 should both be resolved', 'status #4, #5 resolved'),
    ("reply to the user on 210 saying it's fixed", 'comment #210 "it\'s fixed"'),
    ('message the requester on 210: parts ordered', "comment #210 'parts ordered'"),
    ('never make it urgent', 'no change #7'),
    ("don't put 30 back in the queue", 'no change #30'),
    ('assign 183 for me', 'assign #183 to user:u-jo'),
    ('you guys can close 4', 'status #4 closed'),
    ('i request you to close 4', 'status #4 closed'),
    ('wehn is 4 due', 'show #4 asked=due'),
    ('hwat tickets do i have', 'list mine'),
    ('btw re 12: the vendor called', "comment #12 'the vendor called'"),
    ('heads up on 30: the site is closed monday', "comment #30 'the site is closed monday'"),
    ('closing 4 btw', 'status #4 closed'),
    ("assign 4 to sam and tell him it's urgent", 'assign #4 to user:u-sam'),
    ('give 4 to the network team and let them know the switch rebooted', 'assign #4 to team:2'),
    ('sam is out so please give 4 to alex', 'assign #4 to user:u-alex'),
    ('user is away so put 4 on hold', 'status #4 on_hold'),
    ('cheers m8 👍', 'small talk thanks'),
    ('hi m8', 'small talk hello'),
    ('what sam opened this week', 'list all filed_by=user:u-sam created_from=2026-11-30'),
    ('everything priya raised', 'list all filed_by=user:u-priya'),
    ('i need 4 done by friday', 'edit #4 due=2026-12-04'),
    ('we want 4 fixed by monday', 'edit #4 due=2026-12-07'),
    ('hold off closing it', 'no change #7'),
    ('why is 4 not assigned?', 'show #4'),
    ('why was 4 not closed', 'show #4'),
    ('just following up on 171', 'show #171'),
    ('chasing up on 171, any news', 'show #171'),
    ("i'm asking about 171", 'show #171'),
])
def test_the_shapes_the_ninth_table_found_are_read_in_other_words_too(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ('new ticket: printer broke yesterday', "create title='Printer broke yesterday'"),
    ('new ticket: printer jam, due 24 dec', "create title='Printer jam' due=2026-12-24"),
    ('i called about 20 users today', 'free text'),
    ('emailed about 40 people, close it', 'status #7 closed'),
    ('the printer is slow, make it faster', 'free text'),
    ('escalate 4 to sam', 'assign #4 to user:u-sam'),
    ('escalate 4', 'edit #4 priority=urgent'),
    ('raise it with networking', 'create title=? to=team:2'),
    ('4 is on hold since the vendor is away', 'status #4 on_hold'),
    ('4 is blocked for now', 'status #4 on_hold'),
    ('new ticket: printer jam for the network team', "create title='Printer jam' to=team:2"),
    ('my open printer tickets', "list own status=open text='printer'"),
    ('4 can all be fine', 'free text'),
    ('email the user on 210', 'free text'),
    ("don't make it complicated lol", 'free text'),
    ("i can't make it to the meeting", 'free text'),
    ("please don't bump it", 'free text'),
    ('close 4 for me', 'status #4 closed'),
    ('whats the status of 4', 'show #4 asked=status'),
    ('fyi 217 is fixed', 'status #217 resolved'),
    ('on 217 - user is wfh', 'free text'),
    ('assign 4 to sam and alex',
     'ask assign #4 to ?: I couldn\'t find “sam and alex”. Who should take #4?'),
    ('i fixed it so resolve 4', 'free text'),
    ('printer is down so please log a ticket', "create title='Printer is down'"),
    ('thx 12', 'show #12'),
    ('what sam fixed', 'question'),
    ("what i've submitted", 'list created'),
    ('i need a laptop by friday', 'free text'),
    ('why was 2 resolved?', 'history #2'),
    ('why is it not fixed', 'no change #7'),
    ('i was asking about 20 users', 'free text'),
    ('follow up on 171: vendor called', 'free text'),
])
def test_what_looks_like_the_ninth_shapes_is_read_as_before(said: str, expected: str) -> None:
    """"about 20 users" is a count, "since the vendor is away" a reason, "make it faster" no
    change, "escalate 4 to Sam" hands it over, "the network team" takes the new ticket, "make
    it complicated" is no value refused, "close 4 for me" is politeness, "sam and alex" is two
    names, "what sam fixed" is no filer."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
