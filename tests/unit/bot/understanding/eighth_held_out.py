"""An eighth held-out table: every verb, as varied people write it in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-06
before looking at how the rules read any of it: terse and chatty, typos, no punctuation, all
caps, British, Indian and US English, non-native phrasing, emoji, polite padding, @mentions,
ticket numbers in every form (`#12`, `12`, `TKT-2026-0012`, `tkt-12`, `ticket no 12`, "ticket
twelve"), pronouns after a shown ticket; filing, editing every field, assigning, commenting,
every status, lists and searches, showing, help questions, courtesy, and what must not be
guessed (a ticket named with nothing asked of it is "free text": the bot offers it as a
comment on that ticket; a lookalike of a command is free text; a ticket said "still broken"
is asked about before it is reopened).

Corrected after the first run, before any change: six lines that an earlier table already had
were replaced by others of their kind (written before they were run), and "close the door lol"
and "open the pod bay doors" expect the bot's "I didn't get that" with suggestions
(`unknown …`), which is the asking back the brief wanted, not the help assistant.
Corrected after the first fix, where an earlier table settles the line otherwise (both read
right as written then): "WHY IS 71 STILL OPEN" shows the ticket, as `held_out.py`'s "why is 26
still open??" does; "still broken after the fix, reopen pls" names no ticket, so it is
`status ? open` as a bare "resolve" is in `sixth_held_out.py`.
Changed on 2026-12-06 by decision ("statuses" brief): "51 still broken" is a ticket told not
done yet, answered with how it stands (`no change #51`, as "my ticket 36 is still not fixed"):
asking "Should #51 be open?" of a ticket that is open asked nothing; a resolved one's card
says so, with its Reopen button.

The rules when it was written read 92 of its 121 lines as written here (94 with the two
corrections just above). Fixed by kind, never by the lines themselves: numbers said in words
after "ticket", `tkt-60`, "wat"/"rn", praise as thanks, 100; "this can be closed", "… are both
fixed", a ticket typed by number "still broken" asked about, "I'm taking 35", "… to me only",
105; "clear the assignee", "tell the user on 40 that …", "sam can u pick up 34", "yet" after a
list naming whose, 109; "raise one ticket", "top priority", a field and value before the
ticket, 111; a two-word value before the one denied, "not that urgent" telling a priority, a
ticket told of and then asked of with "it", 113; a reason's own time, a change told and then
asked for, 115; a question after a ticket said first, "revert on 69", a look asked at a thing,
118. `EIGHTH_MISREAD` is what they still misread.
"""

from __future__ import annotations

EIGHTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- filing --------------------------------------------------------------------------------
    ("hey bot could u pls log a ticket, the printer on 2nd floor is jammed again",
     "create title='The printer on 2nd floor is jammed again'"),
    ("CAN U OPEN A NEW TICKET", "create title=?"),
    ("raise a ticket for the network team - wifi down in meeting room 5",
     "create title='Wifi down in meeting room 5' to=team:2"),
    ("kindly raise one ticket for my laptop charger not working",
     "create title='My laptop charger not working'"),
    ("can someone open a ticket? teams crashes when i share my screen 😩",
     "create title='Teams crashes when i share my screen'"),
    ("log a bug: export to excel gives a blank file",
     "create title='Export to excel gives a blank file' category=bug"),
    ("urgent ticket pls - server room door won't lock",
     "create title=\"Server room door won't lock\" priority=urgent"),
    ("i wanna log a ticket", "create title=?"),
    ("mouse is broken can u make a ticket for it", "create title='Mouse is broken'"),
    ("pls file a ticket for facilities: the blinds in room 3 are stuck",
     "create title='The blinds in room 3 are stuck' to=team:3"),
    # --- editing -------------------------------------------------------------------------------
    ("change the title of 12 to Outlook crashes on startup",
     "edit #12 title='Outlook crashes on startup'"),
    ("update the description of TKT-2026-0013: happens only on the 3rd floor",
     "edit #13 description='happens only on the 3rd floor'"),
    ("make #14 high prio", "edit #14 priority=high"),
    ("15 is not that urgent, drop it to low", "edit #15 priority=low"),
    ("URGENT!!! 16 needs to be top priority", "edit #16 priority=urgent"),
    ("pls bump the priority on it", "ask edit #7 ? priority"),
    ("can you set the due date for 17 to friday", "edit #17 due=2026-12-04"),
    ("18 should be done by end of week", "edit #18 due=2026-12-04"),
    ("due date for ticket 19 is 15/12", "edit #19 due=2026-12-15"),
    ("push the deadline on 20 to next monday", "edit #20 due=2026-12-07"),
    ("its priority should be medium", "edit #7 priority=medium"),
    ("21 is a feature request not a bug", "edit #21 category=feature"),
    ("could you prioritise 22 please, it's rather urgent", "edit #22 priority=urgent"),
    ("sir please do the priority high for 23", "edit #23 priority=high"),
    # --- assigning -----------------------------------------------------------------------------
    ("give this one to alex", "assign #7 to user:u-alex"),
    ("ill take this one", "assign #7 to user:u-jo"),
    ("I'll handle 24", "assign #24 to user:u-jo"),
    ("hand 25 over to the network team", "assign #25 to team:2"),
    ("can u assign TKT-2026-0026 to priya pls", "assign #26 to user:u-priya"),
    ("reassign 27 to <at>Sam Rivera</at>", "assign #27 to user:u-sam"),
    ("28 -> alex", "assign #28 to user:u-alex"),
    ("let facilities deal with 29", "assign #29 to team:3"),
    ("unassign me from ticket 30, I'm off next week", "assign #30 to nobody"),
    ("nobody is on 31 anymore, pls clear the assignee", "assign #31 to nobody"),
    ("give 32 to lee", "ask assign #32 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("assign 33 to maria", "ask assign #33 to ?: I couldn't find “maria”. Who should take #33?"),
    ("sam can u pick up 34 pls", "ask assign #34 to ?: Should Sam Rivera take #34? [Yes]"),
    ("I'm taking 35", "assign #35 to user:u-jo"),
    ("move 36 to IT support", "assign #36 to team:1"),
    ("kindly assign 37 to me only", "assign #37 to user:u-jo"),
    # --- commenting ----------------------------------------------------------------------------
    ("add a comment to 38: called the user, no answer", "comment #38 'called the user, no answer'"),
    ("note for 39 - vendor coming thursday", "comment #39 'vendor coming thursday'"),
    ("tell the user on 40 that we need their laptop tag",
     "comment #40 'we need their laptop tag'"),
    ("comment: rebooted the switch, looks ok now", "comment #7 'rebooted the switch, looks ok now'"),
    ("pls add to ticket 41 that it also happens on my phone",
     "comment #41 'it also happens on my phone'"),
    ("update on 42: parts ordered, eta monday", "comment #42 'parts ordered, eta monday'"),
    # --- status --------------------------------------------------------------------------------
    ("close 43 pls, user confirmed", "status #43 closed"),
    ("44 can be closed now thx", "status #44 closed"),
    ("resolved 45 - it was the dns", "status #45 resolved"),
    ("RESOLVE 46", "status #46 resolved"),
    ("reopen 47 its happening again", "status #47 open"),
    ("put 48 on hold, waiting for the user to come back from leave", "status #48 on_hold"),
    ("49 is waiting for a part", "status #49 on_hold"),
    ("done with 50 ✅", "status #50 resolved"),
    ("fixed it 👍", "status #7 resolved"),
    ("51 still broken", "no change #51"),
    ("still broken after the fix, reopen pls", "status ? open"),
    ("starting on 52 now", "status #52 in_progress"),
    ("mark 53 done", "status #53 resolved"),
    ("54 and 55 are both fixed", "status #54, #55 resolved"),
    ("close ticket twelve", "status #12 closed"),
    ("pls mark 56 as in progress", "status #56 in_progress"),
    ("put this on hold till the vendor replies", "status #7 on_hold"),
    ("please to close the ticket 57", "status #57 closed"),
    ("I've sorted 58, can you close it off", "status #58 closed"),
    ("yo close out 59", "status #59 closed"),
    ("close tkt-60", "status #60 closed"),
    ("<at>TicketFlow</at> close #61", "status #61 closed"),
    ("this can be closed", "status #7 closed"),
    # --- lists and searches --------------------------------------------------------------------
    ("anything urgent on my plate?", "list mine priority=urgent"),
    ("open printer tickets", "list all status=open text='printer'"),
    ("tickets from last week", "list all created_from=2026-11-23 created_before=2026-11-30"),
    ("whats sam working on rn", "list all assignee=user:u-sam"),
    ("whats on priyas plate", "list all assignee=user:u-priya"),
    ("show me all the high prio stuff", "list all priority=high"),
    ("any tickets about outlook?", "list all text='outlook'"),
    ("search for tickets mentioning the badge reader", "list all text='badge reader'"),
    ("overdue stuff pls", "list all due=overdue"),
    ("my open tix", "list mine status=open"),
    ("wat tickets do i have", "list mine"),
    ("tickets the network team has", "list all assignee=team:2"),
    ("anything nobody's picked up yet?", "list all assignee=nobody"),
    ("what did i raise this week", "list created created_from=2026-11-30"),
    ("show the closed vpn tickets", "list all status=closed text='vpn'"),
    ("anything new today?", "list all created_from=2026-12-02"),
    ("<at>TicketFlow</at> what's <at>Sam Rivera</at> working on?", "list all assignee=user:u-sam"),
    ("what's due tomorrow for me", "list mine due=tomorrow"),
    # --- showing -------------------------------------------------------------------------------
    ("ticket 62?", "show #62"),
    ("whats happening with 63", "show #63"),
    ("TKT-2026-0064 status pls", "show #64 asked=status"),
    ("who has #65", "show #65 asked=assignee"),
    ("pull up tkt 66", "show #66"),
    ("show me the history of 67", "history #67"),
    ("wat is the latest on it", "show #7"),
    ("ticket no 68", "show #68"),
    ("please revert on ticket 69", "show #69"),
    ("ticket 70 what is status", "show #70 asked=status"),
    ("WHY IS 71 STILL OPEN", "show #71"),
    # --- questions for the help assistant ------------------------------------------------------
    ("how do i change my email signature", "question"),
    ("how can i add someone to a ticket", "question"),
    ("whats the difference between on hold and in progress", "question"),
    ("where do i find the vpn client", "question"),
    ("can I attach a screenshot to my ticket?", "cannot attach #7"),  # since 2026-12-06: the bot says
    # files go on the ticket in TicketFlow (the chat takes none); was the help assistant
    ("wat can u do", "help"),
    # --- courtesy ------------------------------------------------------------------------------
    ("thank u so much!!", "small talk thanks"),
    ("cheers 👍", "small talk thanks"),
    ("gm all ☀️", "small talk hello"),
    ("ok np", "small talk ok"),
    ("you're a lifesaver", "small talk thanks"),
    ("hello bot", "small talk hello"),
    # --- not to be guessed ---------------------------------------------------------------------
    ("12 is weird", "free text"),
    ("close the door lol", "unknown [my tickets, new ticket, help] e.g. [close 4, start 4, resolve 4]"),
    ("the 3rd floor printer is down again", "free text"),
    ("don't close 72 yet, waiting for feedback", "no change #72"),
    ("should i give 73 to sam?", "show #73"),
    ("take a look at the broken chair in room 4", "free text"),
    ("i had 2 coffees already lol", "free text"),
    ("sam is out sick today", "free text"),
    ("open the pod bay doors", "unknown [my tickets] e.g. [show 4]"),
    ("close call with the server today 😅", "free text"),
    ("i am facing issue in outlook since morning", "free text"),
)

EIGHTH_MISREAD: frozenset[str] = frozenset({
    'URGENT!!! 16 needs to be top priority',
    "could you prioritise 22 please, it's rather urgent",
    'close call with the server today 😅',
})
