"""A third held-out table: phrasings as varied as the people who will write them in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it" is #7, two Lees; today is
Wednesday 2 December 2026; `<at>Sam Rivera</at>` is a mention of Sam). Written on 2026-12-04
before any change it led to, without looking at the rules' words: terse agents, chatty
customers, non-native English, typos, emoji, @mentions, questions for commands, several
tickets, "it" and "that one" for the last ticket, polite indirect requests, lists and
searches, time phrases, negations and conditions (nothing changes), problems told (the help
assistant), courtesy (answered in kind, never a wall of help), and changes that must be asked
about rather than guessed.

Two shapes are new: `show #4, #5` shows each ticket (each checked for access on its own), and
`list touched updated_since=…` lists the tickets the viewer filed, was assigned, commented on
or changed that were updated since that day ("what did I work on this week").

The rules when it was written read 62 of its 87 lines as written here; fixed by kinds of words
and shapes of message (each tried on other phrasings of its kind, in `test_third_held_out`),
never by line: 86 of 87; 87 of 87 since the fourth table's fixes (asking how or where
to see one's own tickets, in any order of words, shows them). `THIRD_MISREAD` is what they still misread. One expectation was corrected after that first run, before any fix: a new
ticket's title ends at its last word, so "… are stuck 😅" files "… are stuck" (titles in the
other tables drop emoji the same way). A second was corrected later, when a fix for it broke
`in_their_words.py`: "16 ✅" shows the ticket (as "12 ✅" there), rather than asking whether it
should be resolved; both change nothing, and the card carries the Resolve button.
"""

from __future__ import annotations

THIRD_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- terse agents ---------------------------------------------------------------------------
    ("15 -> fixed", "status #15 resolved"),
    ("mine: 12", "assign #12 to user:u-jo"),
    ("12 → closed", "status #12 closed"),
    ("close 4 5", "status #4, #5 closed"),
    ("show 4 and 5", "show #4, #5"),
    ("4,5,6 -> sam", "assign #4, #5, #6 to user:u-sam"),
    ("18 hold", "status #18 on_hold"),
    ("prio 18 high", "edit #18 priority=high"),
    ("18 to in progress", "status #18 in_progress"),
    # --- chatty customers -----------------------------------------------------------------------
    ("Hello, I raised a ticket yesterday about my docking station (TKT-2026-0015). Any news? "
     "Thanks, Maria", "show #15"),
    ("hi, sorry to bother, my printer is making a grinding noise since this morning", "free text"),
    ("Good afternoon, my second monitor is not detected anymore after the windows update. "
     "Can you help?", "question"),
    ("Hi team! Could you please open a ticket for me, the blinds in my office are stuck 😅",
     "create title='The blinds in my office are stuck'"),  # was '… stuck 😅': corrected, see below
    # --- non-native English ---------------------------------------------------------------------
    ("please to close the ticket 14, problem is solve", "status #14 closed"),
    ("kindly do the needful and assign 14 to Priya", "assign #14 to user:u-priya"),
    ("how I can see my tickets?", "list mine"),
    ("Ticket 14 he is solved now, thank you", "status #14 resolved"),
    ("i want that you put 14 in waiting", "status #14 on_hold"),
    # --- typos ----------------------------------------------------------------------------------
    ("cloes 16 pls", "status #16 closed"),
    ("asign 16 to priya", "assign #16 to user:u-priya"),
    ("shwo me my tikets", "list mine"),
    ("reopne 16 plz", "status #16 open"),
    ("creat ticket: monitor flickring", "create title='Monitor flickring'"),
    # --- emoji ----------------------------------------------------------------------------------
    ("16 ✅", "show #16"),  # was "ask status …": corrected, see above
    ("🔥🔥 server room too hot, pls raise a ticket 🔥🔥", "create title='Server room too hot'"),
    ("👋", "small talk hello"),
    ("thank youuu 🙏🙏", "small talk thanks"),
    # --- Teams @mentions ------------------------------------------------------------------------
    ("<at>TicketFlow</at> can you give 19 to <at>Sam Rivera</at>?", "assign #19 to user:u-sam"),
    ("<at>Sam Rivera</at> can you take a look at 19?",
     "ask assign #19 to ?: Should Sam Rivera take #19? [Yes]"),
    ("<at>TicketFlow</at> what's <at>Sam Rivera</at> got open",
     "list all status=open assignee=user:u-sam"),
    # --- questions, not commands ----------------------------------------------------------------
    ("is 19 assigned to anyone?", "show #19 asked=assignee?"),
    ("would you close 19 for me?", "status #19 closed"),
    ("did Priya already take 19?", "show #19"),
    ("who should I give 19 to?", "show #19"),
    # --- several tickets ------------------------------------------------------------------------
    ("resolve 20 & 21 pls", "status #20, #21 resolved"),
    ("put 20, 21, 22 on hold", "status #20, #21, #22 on_hold"),
    ("20 and 21 -> priya", "assign #20, #21 to user:u-priya"),
    ("show me 20 and 21", "show #20, #21"),
    ("close 20 21 22", "status #20, #21, #22 closed"),
    # --- the last ticket, by a pronoun ----------------------------------------------------------
    ("ok that one can be closed", "status #7 closed"),
    ("give that one to Sam", "assign #7 to user:u-sam"),
    ("bump it to high", "edit #7 priority=high"),
    ("put a note on it: user on leave till Monday", "comment #7 'user on leave till Monday'"),
    ("reopen that pls", "status #7 open"),
    ("who has it now?", "show #7 asked=assignee"),
    # --- polite and indirect --------------------------------------------------------------------
    ("could you possibly bump 7 up to urgent?", "edit #7 priority=urgent"),
    ("would you mind putting 27 on hold?", "status #27 on_hold"),
    ("I'd appreciate it if you could reassign 27 to Alex", "assign #27 to user:u-alex"),
    ("any chance you could mark 27 as resolved?", "status #27 resolved"),
    ("when you get a moment, please close 27", "status #27 closed"),
    # --- lists and searches ---------------------------------------------------------------------
    ("anything open for the printer?", "list all status=open text='printer'"),
    ("what do I have on my plate?", "list mine"),
    ("look up anything mentioning outlook", "list all text='outlook'"),
    ("any tickets about the coffee machine?", "list all text='coffee machine'"),
    ("show me Alex's open stuff", "list all status=open assignee=user:u-alex"),
    ("open tickets for the network team about vpn", "list all status=open assignee=team:2 text='vpn'"),
    ("list my in progress tickets", "list mine status=in_progress"),
    # --- time -----------------------------------------------------------------------------------
    ("what did I work on this week", "list touched updated_since=2026-11-30"),
    ("what have I worked on today?", "list touched updated_since=2026-12-02"),
    ("tickets I touched this week", "list touched updated_since=2026-11-30"),
    ("make 28 due next wed", "edit #28 due=2026-12-09"),
    ("postpone 28 to the 15th", "edit #28 due=2026-12-15"),
    ("put 28 on hold until next week", "status #28 on_hold"),
    # --- nothing changes: negations and conditions ----------------------------------------------
    ("don't touch 29", "no change #29"),
    ("29 should not be closed", "no change #29"),
    ("if the vendor replies, close 29", "no change #29"),
    ("do not reassign 29 please", "no change #29"),
    ("only close 29 once the user confirms", "no change #29"),
    ("29 isn't resolved yet", "no change #29"),
    ("I never said to close 29", "no change #29"),
    # --- problems told: the help assistant ------------------------------------------------------
    ("the projector in room B is showing no signal", "free text"),
    ("my teams keeps logging me out every hour", "free text"),
    ("vpn not connecting from hotel wifi", "free text"),
    ("Hi, outlook says my mailbox is full and I can't send emails anymore", "free text"),
    ("laptop battery dies after 1 hour 😩", "free text"),
    # --- courtesy -------------------------------------------------------------------------------
    ("good evening!", "small talk hello"),
    ("thx a lot mate", "small talk thanks"),
    ("perfect, thanks 👍", "small talk thanks"),
    ("hey how r u", "small talk hello"),
    ("great stuff, cheers", "small talk thanks"),
    ("lol ok", "small talk ok"),
    # --- asked about, never guessed -------------------------------------------------------------
    ("31 -> lee", "ask assign #31 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("31 to Bob", "ask assign #31 to ?: I couldn't find “Bob”. Who should take #31?"),
    ("bump 31", "ask edit #31 ? priority"),
    ("change 31", "edit #31 ?"),
    ("prob 31 can be closed now", "ask status #31 ?: Should #31 be closed? [Yes]"),
    ("set 31 to whatever you think", "ask status #31 ?: “whatever you think” is not a status I "
     "know. Which status should #31 get? [open, in progress, on hold, resolved, closed]"),
)

THIRD_MISREAD: frozenset[str] = frozenset()
