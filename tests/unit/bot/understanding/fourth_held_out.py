"""A fourth held-out table: phrasings as people write them to a service-desk bot.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it" is #7, the ticket the
conversation last showed; two Lees; today is Wednesday 2 December 2026; `<at>Sam Rivera</at>`
is a mention of Sam). Written on 2026-12-04 before any change it led to: terse agents, chatty
customers, non-native English, typos, emoji, all-lowercase, questions about their tickets,
several changes in one message, hedges, negations, and what the bot must not act on (venting,
thanks, questions for the help assistant).

"my ticket" in a change ("please close my ticket") is the ticket just shown (#7 here), as
"it" is; with none shown, the action layer takes the person's only open ticket or asks
which (that needs their tickets, so it is tested end to end, not here). A hedged change is
asked about ("Should #4 be resolved?"), a reason said with it kept for the comment (checked
in `test_fourth_held_out`, since the summary does not show reasons).

Corrected after the first run, before any fix: "12 works now" and "36 is working now" are
resolved at once, as "12 is working now" is in `test_working_again` (they had been written
as asked about); "we're working on 12" is in progress at once, as "working on it" is, and
"we are looking into 35" starts and takes it, as "I'll look into it" does.

The rules when it was written read 63 of its 85 lines as written here; fixed by kinds of
words and shapes of message (each tried on other phrasings of its kind, in
`test_fourth_held_out`), never by line: 83 of 85; with the fifth table's fixes (a bare field
said of the ticket in view, a ticket said before "you can close"), 85 of 85. `FOURTH_MISREAD`
is what they still misread.
"""

from __future__ import annotations

FOURTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- terse agents ---------------------------------------------------------------------------
    ("32 closed", "status #32 closed"),
    ("start 32", "status #32 in_progress"),
    ("32 -> me", "assign #32 to user:u-jo"),
    ("prio 32 low", "edit #32 priority=low"),
    ("take 33", "assign #33 to user:u-jo"),
    ("33 & 34 -> network team", "assign #33, #34 to team:2"),
    ("unassign 34 pls", "assign #34 to nobody"),
    ("set priority to urgent", "edit #7 priority=urgent"),
    ("priority urgent", "edit #7 priority=urgent"),
    ("we're working on 12", "status #12 in_progress"),
    ("we are looking into 35 now", "start and take #35"),
    ("on it", "start and take #7"),
    ("im on it 👍", "start and take #7"),
    # --- chatty customers -----------------------------------------------------------------------
    ("Hi there! Just checking in on TKT-2026-0035, is there any progress? Thanks so much",
     "show #35 asked=status"),
    ("hello, my keyboard stopped working after I spilled coffee on it ☕", "free text"),
    ("please close my ticket", "status #7 closed"),
    ("can u close my ticket pls", "status #7 closed"),
    ("Good morning, could you please close my ticket, the issue went away by itself",
     "status #7 closed"),
    ("make my ticket urgent", "edit #7 priority=urgent"),
    ("can you make my ticket high priority please", "edit #7 priority=high"),
    ("12 works now", "status #12 resolved"),
    ("36 is working now, thank you so much!!", "status #36 resolved"),
    ("Hello! can you tell me who is working on my ticket 36?", "show #36 asked=assignee"),
    ("my ticket 36 is still not fixed", "no change #36"),
    # --- non-native English ---------------------------------------------------------------------
    ("where I can see my tickets?", "list mine"),
    ("how I can find my tickets", "list mine"),
    ("how can I see my open tickets?", "list mine status=open"),
    ("what is status of my ticket 37?", "show #37 asked=status"),
    ("i have problem with outlook, it not open", "free text"),
    ("kindly to assign 38 to sam", "assign #38 to user:u-sam"),
    ("the 37 you can close, is working now", "status #37 closed"),
    ("please make the 37 urgent", "edit #37 priority=urgent"),
    # --- typos ----------------------------------------------------------------------------------
    ("clsoe 38", "status #38 closed"),
    ("reslove 38 pls", "status #38 resolved"),
    ("asign 39 to me", "assign #39 to user:u-jo"),
    ("show my tickts", "list mine"),
    # --- emoji ----------------------------------------------------------------------------------
    ("🙏 thanks for fixing it", "small talk thanks"),
    ("close 39 👍", "status #39 closed"),
    ("new ticket: wifi down on floor 2 📶", "create title='Wifi down on floor 2'"),
    ("ty 🙂", "small talk thanks"),
    # --- all-lowercase questions about tickets --------------------------------------------------
    ("whats the status of 40", "show #40 asked=status"),
    # the viewer's own tickets about the laptop ("my X ticket", from the list phrasings table)
    ("any news on my laptop request?", "list own text='laptop'"),
    ("is anyone looking at my ticket?", "list mine asked=assignee?"),
    ("who's got 40", "show #40 asked=assignee"),
    ("my open tickets", "list mine status=open"),
    ("show me everything urgent", "list all priority=urgent"),
    ("anything due this week for the network team?", "list all assignee=team:2 due=this_week"),
    ("what's on hold", "list all status=on_hold"),
    # --- several changes in one message ---------------------------------------------------------
    ("rename 4 to 'Printer jams on floor 3' and make it urgent",
     "edit #4 title='Printer jams on floor 3' priority=urgent"),
    ("make 41 high priority and due friday", "edit #41 priority=high due=2026-12-04"),
    ("change the title of 41 to 'VPN drops every hour' and set it to high",
     "edit #41 title='VPN drops every hour' priority=high"),
    ("set 41 to urgent and make it due monday", "edit #41 priority=urgent due=2026-12-07"),
    ("close 42 and 43", "status #42, #43 closed"),
    ("resolve 42, it was a loose cable", "status #42 resolved"),
    # --- hedges: asked, never guessed -----------------------------------------------------------
    ("I think 4 is fixed, loose cable", "ask status #4 ?: Should #4 be resolved? [Yes]"),
    ("i guess 44 can be closed", "ask status #44 ?: Should #44 be closed? [Yes]"),
    ("maybe sam should take 44", "ask assign #44 to ?: Should Sam Rivera take #44? [Yes]"),
    ("44 might be sorted now", "ask status #44 ?: Should #44 be resolved? [Yes]"),
    ("i think 44 is fixed because the user hasn't called back",
     "ask status #44 ?: Should #44 be resolved? [Yes]"),
    # --- negations ------------------------------------------------------------------------------
    ("don't close 45 yet", "no change #45"),
    ("please don't assign 45 to anyone", "no change #45"),
    ("45 is not fixed", "no change #45"),
    ("no need to close 45", "no change #45"),
    ("i didn't ask to close 45", "no change #45"),
    # --- "it" and "that one" --------------------------------------------------------------------
    ("ok close that one now pls", "status #7 closed"),
    ("hand it over to facilities", "assign #7 to team:3"),
    ("that one is urgent", "edit #7 priority=urgent"),
    ("put it on hold, waiting for parts", "status #7 on_hold"),
    # --- not to act on: venting -----------------------------------------------------------------
    ("ugh this printer is driving me crazy", "free text"),
    ("this is the third time the vpn drops today 😡", "free text"),
    ("nothing works today", "free text"),
    # --- courtesy -------------------------------------------------------------------------------
    ("thanks a ton!", "small talk thanks"),
    ("good morning everyone 😊", "small talk hello"),
    ("okay cool cool", "small talk ok"),
    ("got it, thanks", "small talk thanks"),
    ("brilliant, cheers guys", "small talk thanks"),
    # --- questions for the help assistant -------------------------------------------------------
    ("how do I connect to the guest wifi?", "question"),
    ("what's the wifi password for guests?", "question"),
    ("can I install software on my work laptop?", "question"),
    ("where do I find the printer drivers for mac", "question"),
    ("how do I set up email on my phone", "question"),
    # --- asked about, never guessed -------------------------------------------------------------
    ("46 to lee", "ask assign #46 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("change the priority of 46", "ask edit #46 ? priority"),
    ("46 -> Maria", "ask assign #46 to ?: I couldn't find “Maria”. Who should take #46?"),
    ("assign 46", "assign #46 to ?"),
)

FOURTH_MISREAD: frozenset[str] = frozenset()
