"""A ninth held-out table: the kinds earlier tables are thin on, as varied people write in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-06
before looking at how the rules read any of it: negation and hesitation, several tickets in
one message, questions about a ticket's fields, age and order of a list, who filed what,
statements with a request inside them, complaints, filing with a due date, "update 4 to say
…", non-native and dialect English, typos, voice-dictated run-ons, emoji, very short and
very long messages, customers and agents. What must not be guessed is asked back ("ask …"),
shown, or left as free text; a list order the list cannot apply is said back (`unplaced`).

Corrected after the first run, before any change: four lines that an earlier table already
had were replaced by others of their kind (written before they were run); "220 due next fri"
is Friday 4 December, as `transcript.py`'s "4 is due next Friday" is, and "is there any
progress on my ticket" lists one's own, as `fourth_held_out.py`'s "any update on my ticket?"
does. Corrected after the first fix: "it works now, you can close my ticket" is resolved, as
`test_working_again.py`'s "it's working now, you can close it" is. The rules when it was
written read 81 of its 130 lines as written here (83 with the two corrections, 84 with the
third). Fixed by kind, never by the lines themselves: "update 4 to say …" is what
is said; a due date for a new ticket is read as for one filed ("due yesterday", "due last
Friday", "due 1 Nov" asked about); who called or asked "about 164" names it, and a setting verb
after a told sentence ("…, make it high") changes that ticket; "raise it to urgent", "escalate
4 to urgent" are a priority, "expedite 4" asks it; a status told with how long it has lasted
("pending since 3 days") changes nothing; "for the whole sales team" is who it hits; one's own
ticket asked how it goes takes no filter from the asking words, and "is there a way to …" asks
how; 94. Several tickets that "can all be closed"; "reply to the customer on 210: …"; "don't
make 115 urgent" refused; "please to assign 183 for me", "y'all can …", "i am request you to
…"; "waht" with two letters swapped; "fyi on 217 - …", "… now fyi"; 103. A name that ends
where another ask begins ("… to the network team and let them know …"); a request after "so"
("sam is off sick so give 165 to alex"); "m8"; who filed them after "what", "anything"; "i
need 4 done by friday" a due date; "hold off on closing 120" refused; 110. "why is 170 STILL
not fixed??" asks about the ticket (shown, not refused); "i'm asking about 171" again; 112.
"who raised 154?" asks who filed it (shown with the answer), not its history; 113. Its
questions about one field are read with the field asked after ("show #150 asked=assignee").
A slip taken back in the same message ("close 118, no wait, 119") and "a bug not a question,
… change the category"; 118 (116 with the lists in an order).
"sorry not 116, i meant 117" is read as another ticket meant than the one just acted on
(expectation corrected from "show #117", what the bot still does when no change was just
made: with one just made, it is made of 117); 119.
`NINTH_MISREAD` is what they still misread.
"""

from __future__ import annotations

NINTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- negation and hesitation ---------------------------------------------------------------
    ("dont close 104 yet pls, user still testing", "no change #104"),
    ("don't make 115 urgent, it can wait", "no change #115"),
    ("hold off on closing 120 for now", "no change #120"),
    ("let's not reassign 121 just yet", "no change #121"),
    ("i'm not sure 122 is fixed tbh", "no change #122"),
    ("maybe 123 can be closed? not sure", "ask status #123 ?: Should #123 be closed? [Yes]"),
    ("please do NOT unassign 124", "no change #124"),
    ("hmm should we close 126 or wait?", "show #126"),
    ("do not change the priority of 127", "no change #127"),
    ("close 118, no wait, 119", "status #119 closed"),
    ("sorry not 116, i meant 117", "meant #117 not #116"),
    ("i'll close 219 later", "no change #219"),
    # --- several tickets in one message --------------------------------------------------------
    ("close 130 and 131", "status #130, #131 closed"),
    ("resolve 132, 133 and 134 pls", "status #132, #133, #134 resolved"),
    ("give 135 and 136 to priya", "assign #135, #136 to user:u-priya"),
    ("put 137 & 138 on hold", "status #137, #138 on_hold"),
    ("show me 139 and 140", "show #139, #140"),
    ("141 142 143 can all be closed", "status #141, #142, #143 closed"),
    ("make 144 and 145 urgent", "edit #144, #145 priority=urgent"),
    ("close 146 and assign 147 to sam", "status #146 closed + assign #147 to user:u-sam"),
    ("reopen 148 and give it to alex", "status #148 open + assign #148 to user:u-alex"),
    # --- questions about a ticket's fields -----------------------------------------------------
    ("who's got 150?", "show #150 asked=assignee"),
    ("when is 151 due", "show #151 asked=due"),
    ("what's the status of the printer ticket", "list all text='printer'"),
    ("what priority is 152", "show #152 asked=priority"),
    ("is anyone on 153?", "show #153 asked=assignee?"),
    ("who raised 154?", "show #154 asked=requester"),
    ("whats the due date on it", "show #7 asked=due"),
    ("which team has 155", "show #155"),
    ("is 156 still open?", "show #156 asked=status?in_progress,on_hold,open"),
    ("what category is 157 in", "show #157 asked=category"),
    ("who changed 225 last", "history #225"),
    # --- age and order -------------------------------------------------------------------------
    ("show me the oldest open tickets", "list all status=open order=oldest"),
    ("which tickets have been open the longest", "list all order=oldest"),
    ("show the latest tickets", "list all order=newest"),
    # --- who filed what ------------------------------------------------------------------------
    ("what did sam raise last week",
     "list all filed_by=user:u-sam created_from=2026-11-23 created_before=2026-11-30"),
    ("tickets priya logged", "list all filed_by=user:u-priya"),
    ("anything alex reported today?", "list all filed_by=user:u-alex created_from=2026-12-02"),
    ("show me what lee chen submitted", "list all filed_by=user:u-leec"),
    ("what has lee raised", "ask list all: Which Lee do you mean? [Lee Park, Lee Chen]"),
    # --- statements with a request inside ------------------------------------------------------
    ("160 is blocking the whole floor, raise it to urgent", "edit #160 priority=urgent"),
    ("162 is actually a bug not a question, pls change the category", "edit #162 category=bug"),
    ("vendor replied on 163, you can close it now", "status #163 closed"),
    ("customer called about 164 again, make it high", "edit #164 priority=high"),
    ("sam is off sick so give 165 to alex", "assign #165 to user:u-alex"),
    ("I don't need 211 anymore, you can close it", "status #211 closed"),
    ("the user on 166 is back from leave, put it back to in progress",
     "status #166 in_progress"),
    # --- complaints ----------------------------------------------------------------------------
    ("why is 170 STILL not fixed??", "show #170"),
    ("this is the third time i'm asking about 171 😡", "show #171"),
    ("still waiting on 173...", "show #173"),
    ("seriously nobody has looked at 172 in 2 weeks", "free text"),
    ("my laptop has been broken for a week and no one has called me back", "free text"),
    # --- filing with dates ---------------------------------------------------------------------
    ("new ticket: projector in room 2 broken, due yesterday",
     "ask create title='Projector in room 2 broken' due=2026-12-01: Tue 1 Dec 2026 is in the "
     "past. Should the new ticket be due then? [Yes]"),
    ("raise an urgent ticket: vpn down for the whole sales team, due today",
     "create title='Vpn down for the whole sales team' priority=urgent due=2026-12-02"),
    ("new ticket due monday: replace the kitchen kettle",
     "create title='Replace the kitchen kettle' due=2026-12-07"),
    ("file a ticket: monitor arm loose, due friday",
     "create title='Monitor arm loose' due=2026-12-04"),
    ("new ticket: badge reader at the back door dead, due tmrw",
     "create title='Badge reader at the back door dead' due=2026-12-03"),
    # --- "update 4 to say …" -------------------------------------------------------------------
    ("update 180 to say the fix is scheduled for friday",
     "comment #180 'the fix is scheduled for friday'"),
    ("can you update it to say user has a new laptop now",
     "comment #7 'user has a new laptop now'"),
    ("update ticket 181 saying parts are in", "comment #181 'parts are in'"),
    # --- non-native and dialect English --------------------------------------------------------
    ("kindly do the needful and close 182", "status #182 closed"),
    ("please to assign 183 for me", "assign #183 to user:u-jo"),
    ("sir ticket 184 is pending since 3 days, kindly expedite", "ask edit #184 ? priority"),
    ("ticket 185 i am not able to see the status, kindly tell", "show #185"),
    ("can u make 188 to high priority pls", "edit #188 priority=high"),
    ("the wee printer's packed in again on the 2nd floor", "free text"),
    ("gonna need 189 sorted by tmrw", "edit #189 due=2026-12-03"),
    ("that 190 one is proper urgent mate", "edit #190 priority=urgent"),
    ("y'all can close out 191", "status #191 closed"),
    ("i am request you to put 192 on hold", "status #192 on_hold"),
    # --- typos ---------------------------------------------------------------------------------
    ("clsoe 193 plz", "status #193 closed"),
    ("reopne 194", "status #194 open"),
    ("asign 195 to priya", "assign #195 to user:u-priya"),
    ("shwo me my tickts", "list mine"),
    ("put 196 on hlod", "status #196 on_hold"),
    ("hihg priority tickets pls", "list all priority=high"),
    ("waht is the status of 197", "show #197 asked=status"),
    ("clsoe this one", "status #7 closed"),
    # --- voice-dictated run-ons ----------------------------------------------------------------
    ("okay so ticket 199 the printer one can you assign that to sam rivera please and thank you",
     "assign #199 to user:u-sam"),
    ("create a ticket the coffee machine on the fourth floor is leaking water all over the floor",
     "create title='The coffee machine on the fourth floor is leaking water all over the floor'"),
    ("put ticket 200 on hold we are waiting on the vendor to call back", "status #200 on_hold"),
    ("um what tickets do i have open right now", "list mine status=open"),
    ("hey so can you close ticket 198 the user said it is working now thanks",
     "status #198 closed"),
    # --- emoji ---------------------------------------------------------------------------------
    ("🔥🔥 202 is on fire make it urgent", "edit #202 priority=urgent"),
    ("🙏 thx a ton", "small talk thanks"),
    ("close 204 🎉", "status #204 closed"),
    ("👋 morning team", "small talk hello"),
    ("assign 203 to me 🙋", "assign #203 to user:u-jo"),
    # --- very short ----------------------------------------------------------------------------
    ("205?", "show #205"),
    ("206 pls", "show #206"),
    ("thx m8", "small talk thanks"),
    ("kk", "small talk ok"),
    # --- very long -----------------------------------------------------------------------------
    ("Hi team, hope you're all well. Just following up on 207 - the user in accounts says the "
     "shared drive is still really slow in the mornings, it takes about ten minutes to open a "
     "spreadsheet, and it's affecting month-end close. Could you please bump it to high "
     "priority? Thanks so much", "edit #207 priority=high"),
    ("Hi, just wanted to say the printer on the third floor has been making a grinding noise "
     "for a few days now and the pages come out creased, not sure if anyone else noticed, "
     "I'm not in a hurry, just letting you know", "free text"),
    ("Good morning, quick one: could you give 208 to the network team and let them know the "
     "switch in the comms room was rebooted at 7am but the link light is still amber",
     "assign #208 to team:2"),
    # --- customers and agents ------------------------------------------------------------------
    ("hi, is there any progress on my ticket please", "list mine asked=status"),
    ("my printer ticket still not done?", "list own text='printer'"),
    ("when will someone fix my laptop ticket", "list own text='laptop'"),
    ("it works now, you can close my ticket", "status #7 resolved"),
    ("tell the requester on 209 we're waiting on parts", "comment #209 \"we're waiting on parts\""),
    ("reply to the customer on 210: replacement arrives tomorrow",
     "comment #210 'replacement arrives tomorrow'"),
    # --- lists ---------------------------------------------------------------------------------
    ("unassigned urgent stuff?", "list all priority=urgent assignee=nobody"),
    ("what's the network team got open", "list all status=open assignee=team:2"),
    ("anything due friday?", "list all due_on=2026-12-04"),
    ("overdue tickets for priya", "list all assignee=user:u-priya due=overdue"),
    ("my stuff that's on hold", "list mine status=on_hold"),
    # --- assigning -----------------------------------------------------------------------------
    ("give 214 to facilities", "assign #214 to team:3"),
    ("take me off 215", "assign #215 to nobody"),
    ("put lee chen on 216", "assign #216 to user:u-leec"),
    ("can lee take 213?", "show #213"),
    # --- commenting ----------------------------------------------------------------------------
    ("fyi on 217 - user is wfh tomorrow", "comment #217 'user is wfh tomorrow'"),
    ("add to 218: tried safe mode, same error", "comment #218 'tried safe mode, same error'"),
    ("note: remote session booked for 3pm", "comment #7 'remote session booked for 3pm'"),
    # --- status and dates ----------------------------------------------------------------------
    ("220 due next fri", "edit #220 due=2026-12-04"),
    ("set 221 due on the 15th", "edit #221 due=2026-12-15"),
    ("221 is back to square one, reopen", "status #221 open"),
    ("working on 222 now fyi", "status #222 in_progress"),
    ("we're good on 224, close it out", "status #224 closed"),
    ("remind me about 226 on friday", "cannot remind #226"),
    # --- help and questions --------------------------------------------------------------------
    ("how do i see tickets from other teams?", "question"),
    ("what does on hold actually mean", "question"),
    ("what commands do you understand", "help"),
    ("is there a way to get emailed when my ticket changes", "question"),
    # --- courtesy ------------------------------------------------------------------------------
    ("legend, ta", "small talk thanks"),
    ("sounds good", "small talk ok"),
    # --- not to be guessed ---------------------------------------------------------------------
    ("close enough 😂", "free text"),
    ("4 people are waiting on the printer", "free text"),
    ("the projector in room 12 is broken", "free text"),
    ("we need 3 new chairs in the kitchen", "free text"),
    ("the ticket system is slow today", "free text"),
)

NINTH_MISREAD: frozenset[str] = frozenset({
    "i'm not sure 122 is fixed tbh",
    'maybe 123 can be closed? not sure',
    "i'll close 219 later",
    "what's the status of the printer ticket",
    'sir ticket 184 is pending since 3 days, kindly expedite',
    'ticket 185 i am not able to see the status, kindly tell',
    'that 190 one is proper urgent mate',
    '🔥🔥 202 is on fire make it urgent',
    'close enough 😂',
})
