"""A seventh held-out table: asks the bot has no verb for, several tickets, past due dates,
and one's own workload, as customers, agents and managers type them in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-06
before looking at how the rules read any of it: typos, casing, politeness, statements,
emoji, @mentions, long rambles, and lookalikes that must not be read as the ask.

TicketFlow has no links between tickets, no merging, no watchers and no snooze (SCHEMA.md):
such an ask is read for what it is, `cannot link #4 #5`, `cannot merge #4 #5` (merge and
"duplicate of" alike: the first ticket is the one that would go), `cannot watch #12` (cc,
watchers, following), `cannot snooze #2 until <day>`, so the bot says what it cannot do and
offers what it can (a comment naming the other ticket, closing with one, on hold, a due
date); never a new ticket, never a guessed change. A due date already past is asked about
before it is set. "my workload" is one's own list; "who's overloaded" stays the count per
person.

The rules when it was written read 29 of its 96 lines as written here; with asks for what
TicketFlow lacks read as such, 74; with several tickets joined by "then", "also",
"both" or "… too", 81; with one person's workload their list, 88; with a due date
already past asked about (and "1 Nov" said in December read as this year's, not next), 94;
with "due date 30/11 for 126" read, 95. `SEVENTH_MISREAD` is what they still misread.

Corrected after the fixes, where the table was right in kind but a choice was missing: a day
and month already past said without a year ("1 Nov" in December) is asked about with next
year's day offered beside "Yes" (four lines), since it may have been meant.
"""

from __future__ import annotations

SEVENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- links: none in TicketFlow -------------------------------------------------------------
    ("link 4 to 5", "cannot link #4 #5"),
    ("pls link ticket 12 with 14", "cannot link #12 #14"),
    ("can you link TKT-2026-0021 to TKT-2026-0022?", "cannot link #21 #22"),
    ("Link 30 & 31 🙏", "cannot link #30 #31"),
    ("plz lnk 40 and 41", "cannot link #40 #41"),
    ("40 is related to 41", "cannot link #40 #41"),
    ("42 is blocked by 43", "cannot link #42 #43"),
    ("44 depends on 45, can you connect them", "cannot link #44 #45"),
    ("make 46 a child of 47", "cannot link #46 #47"),
    ("add 48 as a subtask of 49", "cannot link #48 #49"),
    ("relate it to 50", "cannot link #7 #50"),
    ("<at>TicketFlow</at> link this one to 51", "cannot link #7 #51"),
    ("Could you please link ticket 52 to ticket 53? They're about the same outage.",
     "cannot link #52 #53"),
    ("hi, could you link my ticket 132 to 133 please? thanks", "cannot link #132 #133"),
    # --- merging and duplicates: none either ---------------------------------------------------
    ("merge 4 into 5", "cannot merge #4 #5"),
    ("pls merge 54 and 55", "cannot merge #54 #55"),
    ("MERGE 56 INTO 57", "cannot merge #56 #57"),
    ("mrege 58 into 59", "cannot merge #58 #59"),
    ("duplicate of 60", "cannot merge #7 #60"),
    ("61 is a duplicate of 62", "cannot merge #61 #62"),
    ("63 is a dupe of 64", "cannot merge #63 #64"),
    ("this is a dup of 65", "cannot merge #7 #65"),
    ("66 and 67 are the same issue, can you combine them", "cannot merge #66 #67"),
    ("68 duplicates 69", "cannot merge #68 #69"),
    ("mark 72 as duplicate of 73", "cannot merge #72 #73"),
    ("close 70 as a duplicate of 71", "status #70 closed"),
    ("so the vpn dropped again this morning and I already have 134 open for that, and Sam "
     "opened 135 for the same thing, can you merge them or something", "cannot merge #134 #135"),
    ("hey, quick one – I think 137 is a duplicate of 136, not sure what the process is here",
     "cannot merge #137 #136"),
    # --- watchers and cc: none -----------------------------------------------------------------
    ("watch 12", "cannot watch #12"),
    ("cc sam on 4", "cannot watch #4"),
    ("cc <at>Sam Rivera</at> on 74", "cannot watch #74"),
    ("please add priya as a watcher on 75", "cannot watch #75"),
    ("can you loop alex in on 76", "cannot watch #76"),
    ("follow ticket 77", "cannot watch #77"),
    ("subscribe me to 78 pls", "cannot watch #78"),
    ("Keep Lee Park in the loop on 80", "cannot watch #80"),
    ("add me to the watchers of it", "cannot watch #7"),
    ("WATCH TKT-2026-0079", "cannot watch #79"),
    # --- snooze: none --------------------------------------------------------------------------
    ("snooze 2 until monday", "cannot snooze #2 until 2026-12-07"),
    ("snooze 82 till friday 😴", "cannot snooze #82 until 2026-12-04"),
    ("can u snooze it for now", "cannot snooze #7"),
    ("snoze 83 until tomorrow", "cannot snooze #83 until 2026-12-03"),
    ("hide 84 until monday", "cannot snooze #84 until 2026-12-07"),
    ("Please snooze ticket 85 for a week", "cannot snooze #85 until 2026-12-09"),
    # --- lookalikes: not those asks ------------------------------------------------------------
    ("can you send me the link to the vpn guide", "question"),
    ("the link in the password reset email doesn't work", "free text"),
    ("how do I link two tickets?", "question"),
    ("merge conflicts keep breaking the build", "free text"),
    ("the snooze button on my alarm app is broken lol", "free text"),
    ("watch out, the floor by printer 3 is wet", "free text"),
    ("don't merge 87 and 88", "no change #87"),
    ("is 89 a duplicate?", "show #89"),
    ("should i link 90 to 91?", "show #90"),
    # --- several tickets in one command ---------------------------------------------------------
    ("close 4 then 5", "status #4, #5 closed"),
    ("close 92 then 93 then 94", "status #92, #93, #94 closed"),
    ("resolve 95, 96 and 97 pls", "status #95, #96, #97 resolved"),
    ("Close 98 and also 99", "status #98, #99 closed"),
    ("close both 100 and 101", "status #100, #101 closed"),
    ("can you close 102 + 103", "status #102, #103 closed"),
    ("put 104 on hold then 105 too", "status #104, #105 on_hold"),
    ("start 106 and 107", "status #106, #107 in_progress"),
    ("reopen 108, 109", "status #108, #109 open"),
    ("resolve 110 & 111 - fixed by the patch", "status #110, #111 resolved"),
    ("assign 112 then 113 to me", "assign #112, #113 to user:u-jo"),
    ("close 114 and 115 and 116 thx", "status #114, #115, #116 closed"),
    ("colse 117 and 118", "status #117, #118 closed"),
    ("close 119 then assign 120 to priya", "status #119 closed + assign #120 to user:u-priya"),
    ("show 121 then 122", "show #121, #122"),
    # --- due dates in the past: asked, never set silently --------------------------------------
    ("4 due yesterday", "ask edit #4 due=2026-12-01: Tue 1 Dec 2026 is in the past. "
     "Should #4 be due then? [Yes]"),
    ("set due date of 123 to 1 Nov", "ask edit #123 due=2026-11-01: Sun 1 Nov 2026 is in the "
     "past. Should #123 be due then? [Yes, Mon 1 Nov 2027]"),
    ("make 124 due last friday", "ask edit #124 due=2026-11-27: Fri 27 Nov 2026 is in the past. "
     "Should #124 be due then? [Yes]"),
    ("125 is due 2026-11-20", "ask edit #125 due=2026-11-20: Fri 20 Nov 2026 is in the past. "
     "Should #125 be due then? [Yes]"),
    ("due date 30/11 for 126", "ask edit #126 due=2026-11-30: Mon 30 Nov 2026 is in the past. "
     "Should #126 be due then? [Yes, Tue 30 Nov 2027]"),
    ("change the deadline to 1 dec", "ask edit #7 due=2026-12-01: Tue 1 Dec 2026 is in the past. "
     "Should #7 be due then? [Yes, Wed 1 Dec 2027]"),
    ("138 due by nov 15th", "ask edit #138 due=2026-11-15: Sun 15 Nov 2026 is in the past. "
     "Should #138 be due then? [Yes, Mon 15 Nov 2027]"),
    ("127 due today", "edit #127 due=2026-12-02"),
    ("128 due tomorrow pls", "edit #128 due=2026-12-03"),
    ("set the due date of 129 to monday", "edit #129 due=2026-12-07"),
    ("130 due 5 jan", "edit #130 due=2027-01-05"),
    # --- one's own workload ---------------------------------------------------------------------
    ("my workload", "list mine"),
    ("whats my workload like", "list mine"),
    ("show me my workload pls", "list mine"),
    ("What's on my plate today?", "list mine"),
    ("anything on my plate?", "list mine"),
    ("how many tickets do I have", "list mine"),
    ("how many tickets have i got", "list mine"),
    ("how many open tickets do i have?", "list mine status=open"),
    ("how many tickets are assigned to me", "list mine"),
    ("how many tickets did I file", "list created"),
    ("how much work do i have", "list mine"),
    ("how busy am i", "list mine"),
    ("am I overloaded?", "list mine"),
    ("how many urgent tickets do i have", "list mine priority=urgent"),
    ("what's sam's workload", "list all assignee=user:u-sam"),
    ("how many tickets has priya got", "list all assignee=user:u-priya"),
    ("my team's workload", "workload"),
)

SEVENTH_MISREAD: frozenset[str] = frozenset({
    'can you send me the link to the vpn guide',
})
