"""The twelfth held-out table is read as people mean it (see `twelfth_held_out.py`)."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded
from tests.unit.bot.understanding.twelfth_held_out import TWELFTH_HELD_OUT, TWELFTH_MISREAD


@pytest.mark.parametrize(("said", "expected"), lines_of(TWELFTH_HELD_OUT, TWELFTH_MISREAD))
def test_the_bot_reads_the_twelfth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_twelfth_table_is_large_and_new() -> None:
    assert_large_and_new(TWELFTH_HELD_OUT, TWELFTH_MISREAD, at_least=140)


@pytest.mark.parametrize(("said", "expected"), [
    # "it" in a reply to a quote that names one ticket is that ticket, not the one in view
    ("> Priya: 4 is fine now\nthanks, close it", "status #4 closed"),
    ("> can someone look at TKT-2026-0012?\nassign it to me", "assign #12 to user:u-jo"),
    ("> the vpn on 40 drops every hour\nmake it high pls", "edit #40 priority=high"),
    ('<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="9">'
     '<strong itemprop="mri">Sam Rivera</strong><span itemprop="time" itemid="9">10:02</span>'
     '<p itemprop="preview">restarted the print server for 41</p></blockquote>'
     '<p>great, resolve it</p>', "status #41 resolved"),
    # … and "it" after a sentence of the message that named one ticket
    ("The user on 42 has left the company. Please close it.", "status #42 closed"),
    ("43 is the printer on floor 2. give it to facilities", "assign #43 to team:3"),
])
def test_it_is_the_one_ticket_named_before_it(said: str, expected: str) -> None:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    assert summary(readable(as_the_bot_reads(text, CONVERSATION))) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("> the printer is fixed\nclose it", "status #7 closed"),  # no ticket quoted
    ("> 4 and 5 are both fixed\nclose it", "status #7 closed"),  # which of two: the one in view
    ("> close 4\nno, don't", "no change #4"),  # the quoted close refused (test_a_quoted_request_answered)
    ("> can we close 4?\nyes, close 4", "status #4 closed"),
    ("close 4 and assign it to sam", "status #4 closed + assign #4 to user:u-sam"),
    ("close it", "status #7 closed"),
    ("my laptop is slow and it keeps freezing", "free text"),
])
def test_it_stays_the_ticket_in_view_when_no_one_ticket_was_named_before(
    said: str, expected: str
) -> None:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    assert summary(readable(as_the_bot_reads(text, CONVERSATION))) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # a request relayed for someone else is the request
    ("my team lead asked me to close 40", "status #40 closed"),
    ("the customer asked us to put 41 on hold", "status #41 on_hold"),
    ("alex asked if you could give 42 to sam", "assign #42 to user:u-sam"),
    ("priya would like you to make 43 high", "edit #43 priority=high"),
    ("my boss wants 44 reassigned to network", "assign #44 to team:2"),
    ("sam wants 45 closed asap", "status #45 closed"),
    ("my manager says 46 must be urgent", "edit #46 priority=urgent"),
    ("the user on 47 asked me to close it", "status #47 closed"),
    ("the client on ticket 48 wants it reopened", "status #48 open"),
    # … and a change wanted of a ticket ("49 has to be urgent" may be a guess:
    # test_must_be_guessed.py)
    ("i want 50 moved to facilities", "assign #50 to team:3"),
])
def test_a_request_relayed_for_someone_else_is_the_request(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("sam asked me to close 40 but i think it's too early", "free text"),
    ("sam said he'd close 40 tomorrow", "free text"),
    ("the user asked why 41 was closed", "free text"),
    ("the error says close all windows", "free text"),
    ("my manager wants a new laptop", "free text"),
    ("sam asked me to look into the printer", "free text"),
    ("did sam ask you to close 42?", "show #42"),
    ("if the customer asks us to close 43, do it", "question"),
    ("the user on 44 asked me to call her", "free text"),
    ("nobody wants 45 closed", "free text"),
    ("sam doesn't want 46 closed", "free text"),
    ("i don't want 47 reassigned", "no change #47"),
    ("does sam want 48 closed?", "show #48 asked=status?closed"),
])
def test_what_looks_like_a_relayed_request_is_read_as_before(said: str, expected: str) -> None:
    """A request taken back, a plan told, a question relayed, what a thing says, a wish that
    is no change of a ticket, a question about a request, and a condition are read as they
    were: only a change relayed is made."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # a note that names another ticket is no note on the one in view
    ("Please note that the user on ticket 42 has left. Kindly close it.", "status #42 closed"),
    ("please note that the user on 40 is away till monday",
     "unknown [my tickets, new ticket, help] e.g. [comment on 40: restarted the spooler]"),
    # … one that names none, or the one in view, still is
    ("please note that the user is away till monday", "comment #7 'the user is away till monday'"),
    ("please note the user on 7 is away", "comment #7 'the user on 7 is away'"),
])
def test_a_note_is_put_on_the_ticket_in_view_only_when_it_names_no_other(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # a change drawn from what was told before it ("…, so 41 can be closed")
    ("the bulb was swapped, so 41 can be closed. Cheers", "status #41 closed"),
    ("facilities sorted the door, so 43 can be resolved now", "status #43 resolved"),
    ("the fix is confirmed, so 44 can be closed too", "status #44 closed"),
    # thanks and agreement typed short before a request
    ("ty! 45 can be closed", "status #45 closed"),
    ("ty, close 46", "status #46 closed"),
    ("thx, resolve 47", "status #47 resolved"),
    ("agreed, make it urgent", "edit #7 priority=urgent"),
    ("understood, close 48", "status #48 closed"),
])
def test_a_request_after_what_was_told_or_a_short_thanks_is_the_request(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("i was off, so 46 is still open", "free text"),
    ("the printer was fixed, so can 47 be closed?", "show #47"),
    ("sam, close 48", "ask status #48 ?: Should #48 be closed? [Yes]"),
    ("ty", "small talk thanks"),
    ("agreed", "unknown [my tickets, new ticket, help]"),
])
def test_what_looks_like_a_request_after_what_was_told_is_read_as_before(
    said: str, expected: str
) -> None:
    """A state told after "so", a question, a request for someone named, and thanks or
    agreement alone are read as they were."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # three requests, each of its own ticket, are all made (only the first was)
    ("take 40, resolve 41 and put 42 on hold",
     "assign #40 to user:u-jo + status #41 resolved + status #42 on_hold"),
    ("close 43, close 44, close 45",
     "status #43 closed + status #44 closed + status #45 closed"),
    ("resolve 46, give 47 to sam and make 48 urgent",
     "status #46 resolved + assign #47 to user:u-sam + edit #48 priority=urgent"),
    ("close 49 and 50, resolve 51 and give 52 to alex",
     "status #49, #50 closed + status #51 resolved + assign #52 to user:u-alex"),
    ("close 53, resolve 54 and assign it to sam",
     "status #53 closed + status #54 resolved + assign #54 to user:u-sam"),
])
def test_three_requests_of_their_own_tickets_are_all_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 40, resolve 41", "status #40 closed + status #41 resolved"),
    ("close 40 and 41 and 42", "status #40, #41, #42 closed"),
])
def test_what_looks_like_three_requests_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # a colon and a closing period dictated are punctuation
    ("new ticket colon the scanner on level two is jammed",
     "create title='The scanner on level two is jammed'"),
    ("comment on 40 colon the user is on leave", "comment #40 'the user is on leave'"),
    ("give 41 to priya period", "assign #41 to user:u-priya"),
    ("close ticket 42 period", "status #42 closed"),
])
def test_a_colon_and_a_period_dictated_are_punctuation(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("new ticket: the trial period ended", "create title='The trial period ended'"),
    ("new ticket: vpn drops for a short period", "create title='Vpn drops for a short period'"),
    ("new ticket: the colon key is stuck", "create title='The colon key is stuck'"),
    ("the period key is broken", "free text"),
])
def test_a_colon_or_a_period_named_is_a_word(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # who, when or why someone changed a ticket: its history
    ("who gave 40 to facilities?", "history #40"),
    ("when did 41 get closed", "history #41"),
    ("why did they put 43 on hold", "history #43"),
    ("who assigned 44 to alex", "history #44"),
    ("who changed the status of 45 to closed", "history #45"),
    ("who escalated 46 and why", "history #46"),
    ("why did you close 47 without asking me", "history #47"),
    ("when was 48 reassigned?", "history #48"),
])
def test_who_when_or_why_a_ticket_was_changed_is_its_history(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("who can close 40?", "show #40"),
    ("did you close 41?", "show #41"),
    ("when will 42 be closed", "show #42 asked=due"),
    ("who is 43 assigned to?", "show #43 asked=assignee"),
    ("who should i give 44 to", "show #44"),
    ("has anyone assigned 45 yet", "show #45 asked=assignee?"),
    ("when did 46 get raised", "show #46"),
    ("who closed the most tickets this week", "cannot measure ?"),
])
def test_what_looks_like_who_changed_a_ticket_is_read_as_before(said: str, expected: str) -> None:
    """Who may or should do it, whether it was done, when it will be, who has it, and when
    it was filed are read as they were."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # chat abbreviations before a request are no one's name, and "fwd" is forward
    ("np, close 40", "status #40 closed"),
    ("brb, put 41 on hold", "status #41 on_hold"),
    ("tbh close 42", "status #42 closed"),
    ("lol ok, resolve 43", "status #43 resolved"),
    ("fwd 44 to facilities pls", "assign #44 to team:3"),
    # the bot's name dictated, a ticket's digits dictated one by one
    ("hey ticket flow close 45", "status #45 closed"),
    ("ticket flow show ticket 46", "show #46"),
    ("resolve ticket four seven", "status #47 resolved"),
    ("show ticket number one two three", "show #123"),
    # laughter typed as emoji, and a greeting with a wish for the week
    ("🤣", "small talk ok"),
    ("😅😅", "small talk ok"),
    ("hope your week is going well", "small talk hello"),
])
def test_chat_shorthand_and_dictation_are_read_as_meant(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("ticket flow is slow today", "question"),  # was "unknown", offering "show 4"
    ("my ticket flow is broken", "free text"),
    ("close ticket twelve", "status #12 closed"),
    ("give ticket 4 to one of the network guys", "ask assign #4 to ?: I couldn't find "
     "“one of network guys”. Who should take #4?"),
    ("np", "small talk ok"),
    ("haha the printer is on fire", "free text"),
])
def test_what_looks_like_shorthand_or_dictation_changes_nothing(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # "please you …", as non-native English asks
    ("i has resolved the 40, please you close it", "status #40 closed"),
    ("please you assign 41 to sam", "assign #41 to user:u-sam"),
    ("kindly you put 42 on hold", "status #42 on_hold"),
])
def test_please_you_before_a_request_is_the_request(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("please you tell me who has 40", "show #40 asked=assignee"),
    ("please, you know 41 better", "free text"),
])
def test_please_you_before_what_is_no_change_is_read_as_before(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # a thing that does not work, told after a change it calls for, takes nothing back
    ("make 40 urgent, the printer doesn't work", "edit #40 priority=urgent"),
    ("could you bump 41 to high? they can't print invoices", "edit #41 priority=high"),
    ("give 43 to sam. the scanner won't scan", "assign #43 to user:u-sam"),
    ("put 44 on hold, the vendor can't ship till january", "status #44 on_hold"),
])
def test_what_does_not_work_told_after_a_change_it_calls_for_takes_nothing_back(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 49, the fix doesn't work", "no change #49"),  # what fails gainsays the close
    ("resolve 50, the printer still won't print", "no change #50"),
    ("close 44, the user doesn't want it closed", "no change #44"),
    ("make 45 urgent, actually don't", "no change #45"),
    ("give 46 to sam, we can't give it to him yet", "no change #46"),
    ("make 47 urgent, no wait, don't", "no change #47"),
    ("make 48 urgent, sam doesn't want it urgent", "no change #48"),
])
def test_a_take_back_or_what_gainsays_the_change_still_changes_nothing(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
