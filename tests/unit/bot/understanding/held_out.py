"""A held-out table: how people write in a Teams chat → what the bot must understand.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it" is #7, two Lees; today is
Wednesday 2 December 2026; `<at>Sam Rivera</at>` is a mention). Written on 2026-12-04 before
any change it led to, without reading the rules, as varied people write: lowercase, typos,
no punctuation, emoji, politeness, British and American, non-native English, chatty openers,
@mentions, several clauses; and things that must change nothing (questions, hedges,
conditions, reported speech, negations). Several tickets in one message read as
`status #31, #32 closed`: one change, each ticket in turn.

The rules before these were written read 61 of its 92 lines as written here (the "before"
figure); the fixes it led to were made by kinds of words and shapes of message, never by line,
each tried on other phrasings of its kind first (those are in `test_transcript`). After them:
92 of 92; `STILL_MISREAD` is what is left of both tables.

Corrected on 2026-12-06 with the seventh table: "31 and 32 are duplicates" was free text, so
the help assistant offered to file it as a new ticket; TicketFlow cannot merge tickets, and
the bot now says so and offers what it can (closing 31 with a comment naming 32).
"""

from __future__ import annotations

HELD_OUT_IN_TEAMS: tuple[tuple[str, str], ...] = (
    # --- filing ---------------------------------------------------------------------------------
    ("hey can u make a ticket, outlook keeps crashing when i open attachments",
     "create title='Outlook keeps crashing when i open attachments'"),
    ("pls raise a ticket for the broken blinds in room 4.12",
     "create title='The broken blinds in room 4.12'"),
    ("🙁 new ticket: can't print from my Mac", "create title=\"Can't print from my Mac\""),
    ("Could someone log a ticket? The badge reader at the back door isn't working",
     "create title=\"The badge reader at the back door isn't working\""),
    ("i need to report a bug - the export button does nothing",
     "create title='The export button does nothing' category=bug"),
    ("new urgent ticket: server room aircon leaking",
     "create title='Server room aircon leaking' priority=urgent"),
    ("Hello! Kindly raise an incident, the intranet is down for everyone in Lyon office.",
     "create title='The intranet is down for everyone in Lyon office' category=incident"),
    ("feature req: dark mode for the portal", "create title='Dark mode for the portal' category=feature"),
    ("ticket pls - keyboard is missing keys", "create title='Keyboard is missing keys'"),
    # --- editing fields -------------------------------------------------------------------------
    ("pls make 21 high prio", "edit #21 priority=high"),
    ("can you change the priority of TKT-2026-0021 to urgent?", "edit #21 priority=urgent"),
    ("set 21's due date to 18/12", "edit #21 due=2026-12-18"),
    ("change 21 to category incident", "edit #21 category=incident"),
    ('rename 21 to "Printer on 2nd floor offline"', "edit #21 title='Printer on 2nd floor offline'"),
    ("deadline on 21 is monday pls", "edit #21 due=2026-12-07"),
    ("21 - priority low", "edit #21 priority=low"),
    ("raise 21 to urgent", "edit #21 priority=urgent"),
    ("could you bump up the priority on 21 to high, the CEO is affected", "edit #21 priority=high"),
    ("make it due end of the week", "edit #7 due=2026-12-04"),
    # --- assigning ------------------------------------------------------------------------------
    ("<at>TicketFlow</at> assign 22 to <at>Sam Rivera</at>", "assign #22 to user:u-sam"),
    ("give 22 to priya pls", "assign #22 to user:u-priya"),
    ("22 -> network team", "assign #22 to team:2"),
    ("i'll look after 22", "assign #22 to user:u-jo"),
    ("reassign 22 from sam to alex", "assign #22 to user:u-alex"),
    ("pls assign TKT-2026-0022 to the IT support team", "assign #22 to team:1"),
    ("assign 22 to myself", "assign #22 to user:u-jo"),
    ("put priya on 22", "assign #22 to user:u-priya"),
    ("can you unassign me from 22", "assign #22 to nobody"),
    ("hand 22 over to lee", "ask assign #22 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    # --- commenting -----------------------------------------------------------------------------
    ("add a comment to 23: user confirmed it works after reboot",
     "comment #23 'user confirmed it works after reboot'"),
    ("comment 23 - waiting on vendor reply 📦", "comment #23 'waiting on vendor reply 📦'"),
    ("pls note on 23 that the user is WFH till monday", "comment #23 'the user is WFH till monday'"),
    ("update on 23: replaced the toner, all good now", "comment #23 'replaced the toner, all good now'"),
    ("can you add to 23 that I called the user twice", "comment #23 'I called the user twice'"),
    ("note: parts ordered", "comment #7 'parts ordered'"),
    ("leave a comment on 23 saying we need admin rights", "comment #23 'we need admin rights'"),
    # --- moving along ---------------------------------------------------------------------------
    ("pls close 24 its sorted", "status #24 closed"),
    ("24 can be closed now, thx", "status #24 closed"),
    ("Resolved 24 ✅", "status #24 resolved"),
    ("started working on 24", "status #24 in_progress"),
    ("24 on hold pls, waiting for the user to reply", "status #24 on_hold"),
    ("re-open 24 the issue is back", "status #24 open"),
    ("mark TKT-2026-0024 as done", "status #24 resolved"),
    ("set 24 to in progress", "status #24 in_progress"),
    ("24 fixed", "status #24 resolved"),
    ("Hi bot, please could you close off ticket 24? Thanks a lot!", "status #24 closed"),
    ("put 24 back to open", "status #24 open"),
    ("wont fix 25", "ask status #25 ?: There is no “won't fix” status. Which status should #25 get? "
     "[open, in progress, on hold, resolved, closed]"),
    ("close 25 as won't fix", "ask status #25 ?: There is no “won't fix” status. Should #25 be closed? [Yes]"),
    # --- several tickets at once ----------------------------------------------------------------
    ("pls close 31 and 32, both sorted", "status #31, #32 closed"),
    ("resolve 31, 32 and 33", "status #31, #32, #33 resolved"),
    ("assign 31 and 32 to priya", "assign #31, #32 to user:u-priya"),
    ("can you put 31 and 32 on hold", "status #31, #32 on_hold"),
    ("give 31, 32 to the network team", "assign #31, #32 to team:2"),
    ("make 31 and 32 urgent", "edit #31, #32 priority=urgent"),
    ("don't close 31 and 32 yet", "no change #31"),
    ("31 and 32 are duplicates", "cannot merge #31 #32"),
    # --- lists and searches ---------------------------------------------------------------------
    ("Sam's high priority tickets", "list all priority=high assignee=user:u-sam"),
    ("what are Sam and Priya working on", "list all assignee=user:u-sam,user:u-priya"),
    ("tickets due tomorrow", "list all due=tomorrow"),
    ("what's due next week?", "list all due=next_week"),
    ("anything due tmrw for me", "list mine due=tomorrow"),
    ("any tickets about teams calls dropping", "list all text='teams calls dropping'"),
    ("whats on my plate", "list mine"),
    ("show me priya's stuff", "list all assignee=user:u-priya"),
    ("network team's open tickets pls", "list all status=open assignee=team:2"),
    ("what's still unassigned", "list all assignee=nobody"),
    ("list the urgent ones for IT Support", "list all priority=urgent assignee=team:1"),
    ("any overdue tickets for facilities?", "list all assignee=team:3 due=overdue"),
    ("search for laptop battery", "list all text='laptop battery'"),
    ("show sam's tickets that are on hold", "list all status=on_hold assignee=user:u-sam"),
    # --- nothing changes: questions, hedges, conditions, reported speech, negations ------------
    ("don't close 26 yet", "no change #26"),
    ("did someone close 26?", "show #26"),
    ("if 26 is fixed we can close it", "no change #26"),
    ("should we close 26?", "show #26"),
    ("has anyone picked up 26 yet", "show #26 asked=assignee?"),
    ("why is 26 still open??", "show #26"),
    ("Sam said he closed 26", "free text"),
    ("I'm not closing 26 until the user confirms", "no change #26"),
    ("please don't reassign 26 to me", "no change #26"),
    ("no need to close 26", "no change #26"),
    ("can I close 26 or does it need approval?", "show #26"),
    ("if 26 is still broken tomorrow, reopen it", "no change #26"),
    ("Network team, please close 12", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("IT Support team - can you take 26?", "ask assign #26 to ?: Should IT Support take #26? [Yes]"),
    ("who closed 26?", "history #26"),  # who did it: the card, its history open
    ("i wouldn't close 26 yet", "no change #26"),
    ("we can't close 26 until the part arrives", "no change #26"),
    ("26 isn't fixed, the user still sees the error", "no change #26"),
    # --- small talk and questions ---------------------------------------------------------------
    ("ty 🙏", "small talk thanks"),
    ("hey everyone 👋", "small talk hello"),  # was "morning all", which another table has
    ("is the vpn down for anyone else?", "question"),
)

STILL_MISREAD: frozenset[str] = frozenset()  # "… is stuck again" kept its "again" on 2026-12-04

SECOND_HELD_OUT: tuple[tuple[str, str], ...] = (
    # written after the fixes above, to see whether they hold for lines nobody tuned on:
    # the rules before any of them read 25 of these 38 lines, the rules with them 33 (two
    # expectations were corrected first, as the README already said: "Facilities team,
    # please take 47" hands it over like "Sam, please take 12"; "mark … as won't fix" names
    # no status, so which one is asked). The five it then showed were fixed by kind (a
    # polite end after a field's value, names joined before "are working on", "everything"
    # as no name, "47 should go to Alex", "thanks a bunch"): 37 of 38 after.
    ("yo can u open a ticket - the lift on floor 2 is stuck again",
     "create title='The lift on floor 2 is stuck again'"),
    ("Please log an incident: payroll export fails with error 500",
     "create title='Payroll export fails with error 500' category=incident"),
    ("new ticket for me pls: need access to the finance share",
     "create title='Need access to the finance share'"),
    ("make 41 prio urgent", "edit #41 priority=urgent"),
    ("41's due date should be 19/12", "edit #41 due=2026-12-19"),
    ("could you set ticket 41 as a feature request", "edit #41 category=feature"),
    ("lower the priority of 41 to low pls", "edit #41 priority=low"),
    ("assign 42 to the facilities team pls 🙏", "assign #42 to team:3"),
    ("<at>TicketFlow</at> give 42 to <at>Sam Rivera</at> thanks", "assign #42 to user:u-sam"),
    ("42 is mine now", "assign #42 to user:u-jo"),
    ("nobody owns 42 anymore, unassign it", "assign #42 to nobody"),
    ("put a note on 43: user was away, try again tomorrow",
     "comment #43 'user was away, try again tomorrow'"),
    ("comment on ticket 43 - rebooted the switch 👍", "comment #43 'rebooted the switch 👍'"),
    ("43 is done ✔️", "status #43 resolved"),
    ("pls put 43 on hold till the vendor replies", "status #43 on_hold"),
    ("could u reopen 43? user says it's broken again", "status #43 open"),
    ("ok closing 43 now", "status #43 closed"),
    ("close 44 & 45 please", "status #44, #45 closed"),
    ("assign 44, 45 and 46 to me", "assign #44, #45, #46 to user:u-jo"),
    ("44 and 45 can be closed", "status #44, #45 closed"),
    ("what does priya have on", "list all assignee=user:u-priya"),
    ("tickets due tmrw", "list all due=tomorrow"),
    ("anything urgent for the network team?", "list all priority=urgent assignee=team:2"),
    ("show me everything Sam and Alex are working on", "list all assignee=user:u-sam,user:u-alex"),
    ("my open tickets due next week", "list mine status=open due=next_week"),
    ("any tickets about the vpn client crashing", "list all text='vpn client crashing'"),
    ("don't reopen 47", "no change #47"),
    ("is 47 closed yet?", "show #47 asked=status?closed"),
    ("has someone reassigned 47 to priya?", "show #47"),
    ("if the user doesn't reply by friday we'll close 47", "no change #47"),
    ("I'd rather not close 47 yet", "no change #47"),
    ("Lee said 47 is fixed", "free text"),
    ("Facilities team, please take 47", "assign #47 to team:3"),  # a hand-over, as "Sam, please take 12"
    ("hmm maybe 47 should go to alex?", "ask assign #47 to ?: Should Alex Kim take #47? [Yes]"),
    ("we won't close 47 before the audit", "no change #47"),
    ("mark 47 as won't fix", "ask status #47 ?: There is no “won't fix” status. Which status should #47 get? "
     "[open, in progress, on hold, resolved, closed]"),
    ("thanks a bunch!", "small talk thanks"),
    ("how do I reset my MFA?", "question"),
)
