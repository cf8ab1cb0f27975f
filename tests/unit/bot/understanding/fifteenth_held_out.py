"""A fifteenth held-out table: written as people who never saw a table write to the bot.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-07
before running the rules on any of it, in the voices of a day: a manager on a phone, an
annoyed customer, non-native English, voice dictation with no punctuation, an email pasted
with its signature and disclaimer, forwarded text, Teams markup, emoji, typos and slang, very
long and one-word messages, two requests in one, questions about a ticket, statements of
fact, hypotheticals, negations, corrections, questions for the help assistant, new tickets.
About a third must change nothing. Where a change would be a guess, the right reading asks
back.

The rules when it was written read 106 of its 178 lines as written here. Corrected after the
first run, before any change, where earlier tables already say how such a line is read (113
with them): "thoughts?" and "did you get my last message?" are questions for the help
assistant; "solved" alone asks whether to resolve the ticket in view (as "done", "fixed"),
"status 910" asks which status (as "status 4"); "due next friday" is Friday 4 December (as
"4 is due next Friday"); "brb" is answered with an OK, which does no harm. A mention of Priya
was written as `<at>Sam Rivera</at>`: the table's conversation mentions Sam only, so any
mention in it is Sam's.

Fixed by kind, never by the lines themselves. Wrong changes first: another status asked for
after a state told was posted as the reason for the state's ("ticket 918 is solved, you can
do close" resolved 918 with "you can do close" posted where its requester reads it; found
writing look-alikes: "918 is fixed, pls put on hold" resolved it too); 114. Then changes
missed: a ticket told not fixed, then asked back to work, was read as a refusal ("you closed
914 but the problem is NOT fixed. reopen it now", "914 is not fixed, please reopen"); 115.
A ticket taken off someone ("take 972 off alex and give it to priya" asked which status it
should get; "take 972 off hold" likewise, found writing look-alikes); 116.
Then questions misread: a ticket's state asked in few words ("903 done?") or who has it in
other words ("what team is 975 with", "is 1030 still with the network team?"); "any idea
when someone will get to 1029?" was corrected then to ask how it stands (`asked=status`, as
"when will someone look at it?" is read: nobody can say when); 120.
More changes missed: a request above an email's confidentiality notice was read as a
refusal, from the notice's "not" and "delete" ("please assign 935 to priya⏎⏎This e-mail and
any attachments are confidential. If you are not the intended recipient, please delete it
…"); 121.
A status change in other words ("shelve 1003 for now", "kick 1004 back to open", "1002 is
good to close", "I request you to put on hold the ticket 1020 because …"); 125.
A hand-over typed ticket first or with a pointing hand ("921 give to network team please",
"948 👉 alex"); 127.
A change meant instead, said without "to" or with "to say" ("sorry, I meant give it to
alex", "oops, meant to say resolve 1039 not close"), whose two lines were corrected then to
the reading "i meant to give it to alex" has (`meant #7: assign #7 to …`: what was just done
is put right, not done again); "put 1028 on hold and let the user know we're waiting for
parts" was corrected to `status #1028 on_hold`, as its reason is the comment the requester
reads; 130.
A topic searched for before when the tickets were filed kept the time in the search
("tickets about outlook from last week" searched last week's tickets for 'outlook from last
week', and found none); 131.
A weekday written short ("need 908 sorted by fri": only "… next fri" was read); 132.
A priority written short before "prio" ("902 hi prio"); 133.
Someone named and told to take a ticket ("sam take 900 asap", "i want that alex take the
922"), as "Sam - please take 12" is; 135.
What was tried on a ticket told to have worked ("the password reset on 987 worked"), whose
line was corrected then to ask whether 987 is resolved, as "the new cable fixed 987" does; 136.
A ticket said to be someone's, to them ("<at>Sam Rivera</at> 1016 is yours"; the thirteenth
table's "<at>Sam Rivera</at> 621 is yours" too); 137.
"escalate" alone after a ticket was shown (which priority is asked, as "change priority");
138. A correction announced before a request ("correction: 1001 should be high, not
urgent"); 139.

`FIFTEENTH_MISREAD` is what the rules still misread (34; a hand-over in slang, "dump 1041
in the it support queue", "yeet 955 over to facilities", a ticket to log for a team, "can
you log this for facilities: …", and "984 was raised by mistake" are read since 2026-12-07); none of
it changes a ticket it was not asked to (a new ticket typed over two Teams lines keeps both in its title, as
`test_one_line_each.py` has it: "<div>new ticket: badge printer offline<br>room 4.12</div>").
Changes missed: a request in a long message with more told ("Hi both, … 961 needs to go to
the network team …, and can someone bump 962 to high …", "Just to give everyone some context
on 1027: … I'm happy for it to be resolved now."), in a customer's letter ("… my ticket 1021.
… everything works now."), after forwarded or quoted text ("---------- Forwarded message …
I think we can close this one now.", "> can someone look at 937⏎this is one for you <at>Sam
Rivera</at>"); a hand-over by possession ("1040 is priya's now": since asked, "Should Priya Shah take
…?"); "942 too" after a change on a line of its own ("<p>941 is done</p><p>942
too</p>"; "close 779 - 780 also" is read since); non-native and spoken forms ("please to
change priority of 920 in high", "pls reopen 924 problem is come again", "december the
eighteenth"; "nine forty" is read since, as numbers said in pairs, 2026-12-07, and "in high"
as high since the nineteenth table); new tickets asked for in other words ("can you log this for facilities: …", "ticket
for me pls, excel crashes …"); "we can park 1006 till january" (told it cannot be snoozed);
"closed?" alone (a list of closed tickets); "984 was raised by mistake", "956 is borked again" (asking
whether to close or reopen). Questions and statements left as free text (the help assistant
answers, no change): "wk summary pls", "wats up with 957", statements of fact about a ticket
("the user on 983 has left the company", "i already replied to the user on 986", "I'll look
at 1013 after lunch", "I have been waiting THREE DAYS for 911 …"), negations and plans
("never mind closing 994", "no need to escalate 996", "nobody should touch 997 until …", "we
might have to put 1036 on hold next week"), "what would happen if i set 989 to closed" (no
change, not a question); an annoyed customer's "stop closing my tickets without asking!!"
(searched for), "Honestly what is the point of this bot if nobody reads my tickets" and a
long wifi story (read as "no change"), a forwarded "why has nobody called me back about
1022??" (asks who should take 1022).
"""

from __future__ import annotations

FIFTEENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- a manager on a phone -------------------------------------------------------------------
    ("sam take 900 asap", "assign #900 to user:u-sam"),
    ("901 -> lee chen", "assign #901 to user:u-leec"),
    ("902 hi prio", "edit #902 priority=high"),
    ("903 done?", "show #903 asked=status?closed,resolved"),
    ("whos on 904", "show #904 asked=assignee"),
    ("close 905 906 907", "status #905, #906, #907 closed"),
    ("need 908 sorted by fri", "edit #908 due=2026-12-04"),
    ("ping me when 909 is done", "cannot remind #909"),
    ("status 910", "status #910 ?"),
    ("any overdue for facilities?", "list all assignee=team:3 due=overdue"),
    ("wk summary pls", "stats this_week"),
    ("who's swamped rn", "workload"),
    ("move everything alex has over to priya while he's on leave",
     "assign each of to user:u-priya (list all assignee=user:u-alex)"),
    # --- an annoyed customer ----------------------------------------------------------------------
    ("I have been waiting THREE DAYS for 911. This is ridiculous.", "show #911"),
    ("why is 912 still open?? it was supposed to be fixed monday", "show #912"),
    ("this is unacceptable, 913 has been open since october", "show #913"),
    ("you closed 914 but the problem is NOT fixed. reopen it now", "status #914 open"),
    ("I'm going to escalate this to my manager if 915 isn't fixed today", "show #915"),
    ("stop closing my tickets without asking!!", "free text"),
    ("916 still broken. again.", "no change #916"),
    ("Honestly what is the point of this bot if nobody reads my tickets", "free text"),
    # --- non-native English -----------------------------------------------------------------------
    ("please kindly do the needful and close 917", "status #917 closed"),
    ("i am not able to login in outlook since yesterday, please raise ticket",
     "create title='I am not able to login in outlook since yesterday'"),
    ("ticket 918 is solved, you can do close", "status #918 closed"),
    ("can you tell me what is the status for the 919", "show #919 asked=status"),
    ("please to change priority of 920 in high", "edit #920 priority=high"),
    ("921 give to network team please", "assign #921 to team:2"),
    ("my computer is very slowly, what i can do?", "question"),
    ("i want that alex take the 922", "assign #922 to user:u-alex"),
    ("sorry for disturb, the 923 is still not resolved", "no change #923"),
    ("pls reopen 924 problem is come again", "status #924 open"),
    ("I request you to put on hold the ticket 1020 because user is in vacation",
     "status #1020 on_hold"),
    # --- voice dictation, no punctuation ----------------------------------------------------------
    ("assign ticket 926 to sam rivera and set priority to high",
     "assign #926 to user:u-sam + edit #926 priority=high"),
    ("hey ticketflow what's the status of ticket 927", "show #927 asked=status"),
    ("create a new ticket the projector in meeting room b is not turning on",
     "create title='The projector in meeting room b is not turning on'"),
    ("comment on 928 the user will bring the laptop in on friday",
     "comment #928 'the user will bring the laptop in on friday'"),
    ("mark ticket 929 as in progress and assign it to me",
     "status #929 in_progress + assign #929 to user:u-jo"),
    ("show me all the urgent tickets for the network team",
     "list all priority=urgent assignee=team:2"),
    ("put ticket 930 on hold waiting for the vendor", "status #930 on_hold"),
    ("set the due date for ticket 931 to december the eighteenth", "edit #931 due=2026-12-18"),
    ("okay so ticket 932 can be closed now the customer confirmed over the phone",
     "status #932 closed"),
    ("um can you uh resolve nine forty", "status #940 resolved"),
    # --- an email pasted, with its signature ------------------------------------------------------
    ("Hi,\n\nThe ticket 933 can be closed, the new toner was installed.\n\nThanks,\nMarta Nowak\n"
     "Office Manager | Example Ltd\nTel: +44 20 7946 0000", "status #933 closed"),
    ("Hello,\nmy docking station stopped working after the update, the screens stay black.\n"
     "Can you open a ticket please?\n\nBest,\nDaniel\n\nSent from Outlook for iOS",
     "create title='My docking station stopped working after the update, the screens stay black'"),
    ("Dear support team,\n\nCould you please tell me the status of ticket TKT-2026-0934?\n\n"
     "Kind regards\nAnna", "show #934 asked=status"),
    ("please assign 935 to priya\n\nThis e-mail and any attachments are confidential. If you "
     "are not the intended recipient, please delete it and notify the sender immediately.",
     "assign #935 to user:u-priya"),
    ("Good afternoon,\n\nI am writing regarding my ticket 1021. The technician came today and "
     "everything works now.\n\nWith best regards,\nPeter", "status #1021 resolved"),
    # --- forwarded text ---------------------------------------------------------------------------
    ("---------- Forwarded message ---------\nFrom: Lee Park\nSubject: RE: 936\n\nI think we "
     "can close this one now.", "ask status #936 ?: Should #936 be closed? [Yes]"),
    ("FW: printer on 3rd floor out of toner", "free text"),
    ("> can someone look at 937\nthis is one for you <at>Sam Rivera</at>",
     "ask assign #937 to ?: Should Sam Rivera take #937? [Yes]"),
    ("forwarding from the customer: \"why has nobody called me back about 1022??\"", "show #1022"),
    # --- Teams markup -----------------------------------------------------------------------------
    ("<p>please close <strong>938</strong></p>", "status #938 closed"),
    ("<p><at>Sam Rivera</at> can you take 939?</p>",
     "ask assign #939 to ?: Should Sam Rivera take #939? [Yes]"),
    ("<p>941 is done</p><p>942 too</p>", "status #941, #942 resolved"),
    ("<div>new ticket: badge printer offline<br>room 4.12</div>",
     "create title='Badge printer offline'"),
    ("<p>thanks&nbsp;for&nbsp;the help 🙂</p>", "small talk thanks"),
    ("<p>who has&nbsp;945?</p>", "show #945 asked=assignee"),
    ("<ol><li>close 946</li><li>assign 947 to me</li></ol>",
     "status #946 closed + assign #947 to user:u-jo"),
    ("<p><em>don't</em> close 1023</p>", "no change #1023"),
    # --- emoji ------------------------------------------------------------------------------------
    ("948 👉 alex", "assign #948 to user:u-alex"),
    ("🙏🙏 pls fix 949 soon", "show #949"),
    ("950 ❌ not fixed", "no change #950"),
    ("👀 951", "show #951"),
    ("🚨🚨 1024 urgent 🚨🚨", "edit #1024 priority=urgent"),
    ("💯 thank u", "small talk thanks"),
    # --- typos and slang --------------------------------------------------------------------------
    ("cloze 952", "status #952 closed"),
    ("assing 953 to lee chen", "assign #953 to user:u-leec"),
    ("gimme 954", "ask assign #954 to ?: Should Jo Doe take #954? [Yes]"),  # or to see it
    ("yeet 955 over to facilities", "assign #955 to team:3"),
    ("956 is borked again", "ask status #956 ?: Should #956 be open? [Yes]"),
    ("wats up with 957", "show #957 asked=status"),
    ("lmk who has 958", "show #958 asked=assignee"),
    ("tysm!!", "small talk thanks"),
    ("resolvd 960 thx", "status #960 resolved"),
    ("ty, u can close 1025 now", "status #1025 closed"),
    ("shud 1026 be hi or med prio?", "show #1026 asked=priority"),
    # --- very long messages -----------------------------------------------------------------------
    ("Hi both, a few things before I go into meetings all afternoon: 961 needs to go to the "
     "network team since it's clearly the switch, and can someone bump 962 to high because the "
     "CFO is asking about it. Everything else can wait till tomorrow.",
     "assign #961 to team:2 + edit #962 priority=high"),
    ("So this morning I came in and my laptop wouldn't connect to the wifi at all, I tried "
     "restarting it twice and then it worked for about ten minutes and dropped again, my "
     "colleague has the same laptop and hers is fine, I don't know if it's the laptop or the "
     "network but it's really annoying because I have calls all day", "free text"),
    ("I know 963 looks done but please don't close it yet, the user is still testing it over "
     "the weekend and said they'd get back to us on Monday.", "no change #963"),
    ("Just to give everyone some context on 1027: the outage started around 9, network "
     "restarted the core switch at 10:15, and since then everything has been stable. I'm "
     "happy for it to be resolved now.", "status #1027 resolved"),
    # --- one word ---------------------------------------------------------------------------------
    ("964", "show #964"),
    ("yo", "small talk hello"),
    ("closed?", "show #7 asked=status?closed"),
    ("thoughts?", "question"),
    ("my open stuff pls", "list mine status=open"),
    ("unowned tickets", "list all assignee=nobody"),
    ("solved", "ask status #7 ?: Should #7 be resolved? [Yes]"),
    ("escalate", "ask edit #7 ? priority"),
    # --- two requests in one message --------------------------------------------------------------
    ("close 965 and reopen 966", "status #965 closed + status #966 open"),
    ("give 967 to sam and 968 to lee park",
     "assign #967 to user:u-sam + assign #968 to user:u-lee"),
    ("make 969 urgent and due tomorrow", "edit #969 priority=urgent due=2026-12-03"),
    ("take 972 off alex and give it to priya", "assign #972 to user:u-priya"),
    ("put 1028 on hold and let the user know we're waiting for parts", "status #1028 on_hold"),
    # --- questions about a ticket -----------------------------------------------------------------
    ("when was 973 opened?", "show #973"),
    ("is anyone working on 974 or should i chase the vendor myself",
     "show #974 asked=assignee?"),
    ("what team is 975 with", "show #975 asked=assignee"),
    ("how urgent is 976?", "show #976 asked=priority"),
    ("did 977 get fixed in the end?", "show #977 asked=status?closed,resolved"),
    ("whens the deadline on 978", "show #978 asked=due"),
    ("who opened this one", "show #7 asked=requester"),
    ("what's the category of 980", "show #980 asked=category"),
    ("is 981 overdue", "show #981 asked=due?"),
    ("any idea when someone will get to 1029?", "show #1029 asked=status"),
    ("is 1030 still with the network team?", "show #1030 asked=assignee"),
    # --- statements of fact -----------------------------------------------------------------------
    ("the user on 983 has left the company", "show #983"),
    ("984 was raised by mistake", "ask status #984 ?: Should #984 be closed? [Yes]"),
    ("i already replied to the user on 986", "show #986"),
    ("the password reset on 987 worked",
     "ask status #987 ?: Should #987 be resolved? [Yes]"),
    ("1031 is a dupe of 1032", "cannot merge #1031 #1032"),
    ("1033 was the same printer as last week", "show #1033"),
    ("the engineer is booked for 1034 on monday", "show #1034"),
    # --- hypotheticals ----------------------------------------------------------------------------
    ("if sam's busy, give 988 to alex", "no change #988"),
    ("what would happen if i set 989 to closed", "question"),
    ("in case 991 comes back, reopen it", "no change #991"),
    ("say 1035 turns out to be hardware, who would take it?", "show #1035"),
    ("we might have to put 1036 on hold next week", "no change #1036"),
    # --- negations --------------------------------------------------------------------------------
    ("please do NOT assign 992 to me, I'm on leave", "no change #992"),
    ("never mind closing 994", "no change #994"),
    ("leave 995 as it is", "no change #995"),
    ("no need to escalate 996", "no change #996"),
    ("nobody should touch 997 until the audit is finished", "no change #997"),
    ("don't bother with a comment on 1037", "no change #1037"),
    ("i wouldn't reopen 1038, it's a new issue", "no change #1038"),
    # --- corrections ------------------------------------------------------------------------------
    ("wait no, i meant 998", "meant #998"),
    ("not 999, 1000", "meant #1000 not #999"),
    ("sorry, I meant give it to alex", "meant #7: assign #7 to user:u-alex"),
    ("correction: 1001 should be high, not urgent", "edit #1001 priority=high"),
    ("oops, meant to say resolve 1039 not close", "meant #1039: status #1039 resolved"),
    # --- questions for the help assistant ---------------------------------------------------------
    ("how do I map a network drive on mac", "question"),
    ("what's the wifi password for visitors", "question"),
    ("where do i request software licences?", "question"),
    ("Is there a policy for using personal phones for work email?", "question"),
    ("how do i set my out of office in teams", "question"),
    ("what does severity mean on a ticket", "question"),
    ("who do i contact about payroll", "question"),
    ("how to reset mfa on new phone", "question"),
    ("whats the max attachment size for email", "question"),
    # --- new tickets ------------------------------------------------------------------------------
    ("raise a ticket: the lift on level 2 is making a grinding noise",
     "create title='The lift on level 2 is making a grinding noise'"),
    ("new request - need access to the finance shared drive",
     "create title='Need access to the finance shared drive' category=request"),
    ("can you log this for facilities: the blinds in room 5 are broken",
     "create title='The blinds in room 5 are broken' to=team:3"),
    ("ticket for me pls, excel crashes when i open big files",
     "create title='Excel crashes when i open big files'"),
    ("new ticket urgent - server room aircon failed",
     "create title='Server room aircon failed' priority=urgent"),
    ("bug: expenses app submit button does nothing",
     "create title='Expenses app submit button does nothing' category=bug"),
    ("please make a ticket for the broken chair in the kitchen, due friday",
     "create title='The broken chair in the kitchen' due=2026-12-04"),
    ("open one for me", "create title=?"),
    # --- status changes in other words ------------------------------------------------------------
    ("1002 is good to close", "status #1002 closed"),
    ("go ahead and close it out", "status #7 closed"),
    ("shelve 1003 for now", "status #1003 on_hold"),
    ("kick 1004 back to open", "status #1004 open"),
    ("mark 1005 as fixed pls", "status #1005 resolved"),
    ("we can park 1006 till january", "status #1006 on_hold"),
    ("1007: resolved, user confirmed", "status #1007 resolved"),
    ("set 1008 in progress, I'm on it", "status #1008 in_progress"),
    # --- comments ---------------------------------------------------------------------------------
    ("tell the user on 1009 that the part has been ordered",
     "comment #1009 'the part has been ordered'"),
    ("update 1010: engineer booked for thursday morning",
     "comment #1010 'engineer booked for thursday morning'"),
    ("add note to 1011 — user prefers email not phone",
     "comment #1011 'user prefers email not phone'"),
    ("reply to the customer on 1012: we're looking into it",
     "comment #1012 \"we're looking into it\""),
    # --- hand-overs and people --------------------------------------------------------------------
    ("ask lee to look at 1014", "ask assign #1014 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("assign 1015 to maria from hr",
     "ask assign #1015 to ?: I couldn't find “maria from hr”. Who should take #1015?"),
    ("<at>Sam Rivera</at> 1016 is yours", "assign #1016 to user:u-sam"),
    ("can you make 1017 due next friday", "edit #1017 due=2026-12-04"),
    ("1040 is priya's now", "assign #1040 to user:u-priya"),
    ("dump 1041 in the it support queue", "assign #1041 to team:1"),
    # --- lists and searches -----------------------------------------------------------------------
    ("what's open for me", "list mine status=open"),
    ("stuff i logged this month", "list created created_from=2026-12-01"),
    ("show the oldest open tickets", "list all status=open order=oldest"),
    ("all high priority tickets in IT Support", "list all priority=high assignee=team:1"),
    ("whats due tomorrow", "list all due=tomorrow"),
    ("search printer", "list all text='printer'"),
    ("tickets about outlook from last week",
     "list all created_from=2026-11-23 created_before=2026-11-30 text='outlook'"),
    ("what has alex got on", "list all assignee=user:u-alex"),
    # --- small talk and everything else -----------------------------------------------------------
    ("tysm, you're a lifesaver", "small talk thanks"),
    ("gm gm ☀️", "small talk hello"),
    ("alright cool", "small talk ok"),
    ("I'll look at 1013 after lunch", "show #1013"),
    ("did you get my last message?", "question"),
    ("brb", "small talk ok"),
    ("the coffee machine is the real MVP today", "free text"),
)

FIFTEENTH_MISREAD: frozenset[str] = frozenset({
    'wk summary pls',
    'I have been waiting THREE DAYS for 911. This is ridiculous.',
    "I'm going to escalate this to my manager if 915 isn't fixed today",
    'stop closing my tickets without asking!!',
    'Honestly what is the point of this bot if nobody reads my tickets',
    'pls reopen 924 problem is come again',
    'set the due date for ticket 931 to december the eighteenth',
    'Good afternoon,\n\nI am writing regarding my ticket 1021. The technician came today and everything works now.\n\nWith best regards,\nPeter',
    '---------- Forwarded message ---------\nFrom: Lee Park\nSubject: RE: 936\n\nI think we can close this one now.',
    '> can someone look at 937\nthis is one for you <at>Sam Rivera</at>',
    'forwarding from the customer: "why has nobody called me back about 1022??"',
    '<p>941 is done</p><p>942 too</p>',
    '<div>new ticket: badge printer offline<br>room 4.12</div>',
    '🙏🙏 pls fix 949 soon',
    '956 is borked again',
    'wats up with 957',
    "Hi both, a few things before I go into meetings all afternoon: 961 needs to go to the network team since it's clearly the switch, and can someone bump 962 to high because the CFO is asking about it. Everything else can wait till tomorrow.",
    "So this morning I came in and my laptop wouldn't connect to the wifi at all, I tried restarting it twice and then it worked for about ten minutes and dropped again, my colleague has the same laptop and hers is fine, I don't know if it's the laptop or the network but it's really annoying because I have calls all day",
    "Just to give everyone some context on 1027: the outage started around 9, network restarted the core switch at 10:15, and since then everything has been stable. I'm happy for it to be resolved now.",
    'closed?',
    'the user on 983 has left the company',
    'i already replied to the user on 986',
    '1033 was the same printer as last week',
    'the engineer is booked for 1034 on monday',
    'what would happen if i set 989 to closed',
    'we might have to put 1036 on hold next week',
    'never mind closing 994',
    'no need to escalate 996',
    'nobody should touch 997 until the audit is finished',
    'ticket for me pls, excel crashes when i open big files',
    'we can park 1006 till january',
    "1040 is priya's now",
    "I'll look at 1013 after lunch",
})
