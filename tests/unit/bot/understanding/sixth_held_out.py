"""A sixth held-out table: customers, agents, managers and admins as they write in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it" and "that one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-05
before any rule was changed for it: terse and verbose, non-native English, typos, emoji,
slang, voice-dictated run-ons with no punctuation, pasted error text, questions next to
requests next to problems told, several tickets, dates, people and teams by first name or
nickname, and what must not be read as a change.

A workload question ("who's overloaded?") is a count of open tickets per person, which a
manager may see for the people they share a team with; a reminder the bot has no feature for
is told plainly, with what it can do instead (a due date, whose reminders it does send).

Corrected after the first run, before any fix, where the line was right and the table was
not: "assign it" and a bare "resolve" are read as the change with its missing part still to be
asked (`assign #7 to ?`, `status ? resolved`), as earlier tables write them (six lines already in earlier tables were replaced by others
of their kind); an unknown name is
echoed as typed (“bob”); "if 148 isn't fixed by friday we escalate" is no change, which is
what it needs; "121 wontfix" asks which status, since TicketFlow has no won't-fix status
(closing is one tap); "high priority?" with a ticket shown asks about that ticket (shows it).

The rules when it was written read 77 of its 106 lines as written here. `SIXTH_MISREAD` is
what they still misread.
"""

from __future__ import annotations

SIXTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- customers -----------------------------------------------------------------------------
    ("hi there, outlook keeps asking for my password every five minutes", "free text"),
    ("can u open a ticket, wifi in the canteen is super slow",
     "create title='Wifi in the canteen is super slow'"),
    ("raise a ticket: keyboard missing keys on desk 14",
     "create title='Keyboard missing keys on desk 14'"),
    ("any update on 101??", "show #101"),
    ("still waiting on TKT-2026-0102, its been 3 days", "show #102"),
    ("did anyone look at my ticket 103 yet", "show #103"),
    ("my ticket 104 can be closed, all good now 🙂", "status #104 closed"),
    ("show me my tickets pls", "list mine"),
    ("what tickets did i open last week", "list created created_from=2026-11-23 "
     "created_before=2026-11-30"),
    ("I think my issue with the scanner got lost, can you check?", "list own text='scanner'"),
    ("please reopen 105 the problem came back", "status #105 open"),
    ("add to 106 that it happens on the second monitor too",
     "comment #106 'it happens on the second monitor too'"),
    # --- non-native English --------------------------------------------------------------------
    ("please you can close the ticket 107, is resolved", "status #107 closed"),
    ("the 108 is urgent for me, please make urgent", "edit #108 priority=urgent"),
    ("i am not understand why 109 is closed", "history #109"),
    ("for the ticket 110 please put priority more low", "edit #110 priority=low"),
    ("who have the ticket 111?", "show #111 asked=assignee"),
    ("kindly do the needful for 112", "show #112"),
    ("please give me all ticket of network team", "list all status=any assignee=team:2"),
    # --- typos ---------------------------------------------------------------------------------
    ("colse 113 pls", "status #113 closed"),
    ("asign 114 to priya", "assign #114 to user:u-priya"),
    ("reopne it", "status #7 open"),
    ("shwo 115", "show #115"),
    ("my tickest pls", "list mine"),
    ("hihg priority tickets", "list all priority=high"),
    # --- voice-dictated, no punctuation --------------------------------------------------------
    ("close ticket one hundred sixteen", "status #116 closed"),
    ("hey can you assign ticket 117 to alex kim and make it urgent thanks",
     "assign #117 to user:u-alex + edit #117 priority=urgent"),
    ("so the meeting room screen in building two is not turning on can you make a ticket",
     "create title='The meeting room screen in building two is not turning on'"),
    ("what tickets do i have that are due this week", "list mine due=this_week"),
    ("put ticket 118 on hold were waiting for the vendor", "status #118 on_hold"),
    ("mark 119 as resolved the user confirmed its working", "status #119 resolved"),
    # --- slang and shorthand -------------------------------------------------------------------
    ("120 is sorted", "status #120 resolved"),
    ("yeet 121", "unknown [my tickets, new ticket, help]"),
    ("121 wontfix", "ask status #121 ?: There is no “won't fix” status. Which status should "
     "#121 get? [open, in progress, on hold, resolved, closed]"),
    ("gimme 122", "ask assign #122 to ?: Should Jo Doe take #122? [Yes]"),  # or to see it
    ("122 is mine", "assign #122 to user:u-jo"),
    ("status of 123?", "show #123 asked=status"),
    ("wip 124", "status #124 in_progress"),
    ("123 p1", "edit #123 priority=urgent"),
    # --- emoji ---------------------------------------------------------------------------------
    ("✅ 125", "show #125"),
    ("😡😡 my laptop died again", "free text"),
    ("🎉", "small talk ok"),
    ("125 🔼 high", "edit #125 priority=high"),
    ("thank u so much 🙏🙏🙏", "small talk thanks"),
    # --- pasted error text ---------------------------------------------------------------------
    ("getting this: Error 0x80070005 Access is denied. when installing teams", "free text"),
    ("\"The trust relationship between this workstation and the primary domain failed\" on my pc",
     "free text"),
    ("new ticket: SAP says 'No authorization for transaction VA01'",
     "create title=\"SAP says 'No authorization for transaction VA01'\""),
    # --- several tickets -----------------------------------------------------------------------
    ("close 126 127 and 128", "status #126, #127, #128 closed"),
    ("assign 129 and 130 to me", "assign #129, #130 to user:u-jo"),
    ("126 and 127 are duplicates, close both", "status #126, #127 closed"),
    ("resolve 131 then assign 132 to sam", "status #131 resolved + assign #132 to user:u-sam"),
    ("make 133 urgent and give it to the network team",
     "edit #133 priority=urgent + assign #133 to team:2"),
    # --- dates ---------------------------------------------------------------------------------
    ("134 due tomorrow", "edit #134 due=2026-12-03"),
    ("push the deadline of 134 to next friday", "edit #134 due=2026-12-11"),
    ("set due date of 135 to 15 december", "edit #135 due=2026-12-15"),
    ("what's due today", "list all due=today"),
    ("tickets created since monday", "list all created_from=2026-11-30"),
    ("what's overdue for sam", "list all assignee=user:u-sam due=overdue"),
    # --- people and teams by first name or nickname --------------------------------------------
    ("hand 136 over to facilities", "assign #136 to team:3"),
    ("let priya have 137", "assign #137 to user:u-priya"),
    ("what's on alexs plate", "list all assignee=user:u-alex"),
    ("what has the IT support team got open", "list all status=open assignee=team:1"),
    ("give 138 to lee", "ask assign #138 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("138 to lee chen", "assign #138 to user:u-leec"),
    ("assign 139 to bob", "ask assign #139 to ?: I couldn't find “bob”. Who should take #139?"),
    # --- managers ------------------------------------------------------------------------------
    ("who's overloaded?", "workload"),
    ("what's everyone's workload", "workload"),
    ("how many tickets does each person have", "workload"),
    ("how many open tickets does the network team have", "list all status=open assignee=team:2"),
    ("show all urgent tickets that nobody has", "list all priority=urgent assignee=nobody"),
    ("what did the team close this week", "list teams status=closed updated_since=2026-11-30"),
    ("which tickets are on hold", "list all status=on_hold"),
    # --- agents --------------------------------------------------------------------------------
    ("im on 140", "start and take #140"),
    ("picking up 141", "start and take #141"),
    ("141 fixed, driver reinstalled", "status #141 resolved"),
    ("comment 142 - waiting for the user to reply",
     "comment #142 'waiting for the user to reply'"),
    ("142 is an incident", "edit #142 category=incident"),
    ("change 143 to a feature request", "edit #143 category=feature"),
    ("who touched 143 last", "history #143"),
    ("why is 144 closed?", "history #144"),
    ("give it back to the queue", "assign #7 to nobody"),
    # --- reminders: no such feature, said plainly ----------------------------------------------
    ("remind me about 42 tomorrow", "cannot remind #42"),
    ("remind alex tomorrow", "cannot remind ?"),
    ("can you ping me when 145 is fixed", "cannot remind #145"),
    # --- asked about, never guessed ------------------------------------------------------------
    ("change the priority", "ask edit #7 ? priority"),
    ("assign it", "assign #7 to ?"),
    ("resolve", "status ? resolved"),
    ("maybe give 146 to sam?", "ask assign #146 to ?: Should Sam Rivera take #146? [Yes]"),
    ("high priority?", "show #7 asked=priority"),
    ("priority high", "edit #7 priority=high"),
    # --- not to act on -------------------------------------------------------------------------
    ("do not close 147 yet", "no change #147"),
    ("147 is not resolved, the user still cant log in", "no change #147"),
    ("if 148 isn't fixed by friday we escalate", "no change #148"),
    ("who can close 149?", "show #149"),
    ("can customers close their own tickets?", "question"),
    ("the boss wants everything closed by friday lol", "free text"),
    ("closing time! see you tomorrow", "small talk ok"),
    # --- admins --------------------------------------------------------------------------------
    ("how do I add a new agent to the bot", "question"),
    ("what does on hold mean", "question"),
    # --- questions for the help assistant ------------------------------------------------------
    ("how do i connect to the vpn from home", "question"),
    ("where can I find the wifi password for guests?", "question"),
    ("is there a way to get a second monitor", "question"),
    # --- courtesy ------------------------------------------------------------------------------
    ("good morning everyone ☀️", "small talk hello"),
    ("tysm", "small talk thanks"),
    ("k", "small talk ok"),
    ("forget about it", "cancel"),
)

SIXTH_MISREAD: frozenset[str] = frozenset({
    'I think my issue with the scanner got lost, can you check?',
    'for the ticket 110 please put priority more low',
    'wip 124',
    "new ticket: SAP says 'No authorization for transaction VA01'",
    'push the deadline of 134 to next friday',
    'tickets created since monday',
    'what did the team close this week',
    'give it back to the queue',
    'closing time! see you tomorrow',
})
