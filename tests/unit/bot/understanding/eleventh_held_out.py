"""An eleventh held-out table: customers and managers above all, as varied people write in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one", "my ticket"
are #7, the ticket the conversation last showed; two Lees; today is Wednesday 2 December
2026; Jo is the one writing). Written on 2026-12-06 before looking at how the rules read any
of it. More than half of it is customers and managers, whom earlier tables are thin on:
customers chasing, adding details to what they filed, asking for what they may not do
(the reading is the same; who may do it is checked after), complaining, thanking; managers
asking about their teams' queues and people, deadlines, reassigning and handing over,
reporting. Then agents' ordinary days, several requests in one message, questions about one
fact of a ticket, lists with filters and orders, filing in one sentence, negations and
hypotheticals (which change nothing), typos, non-native English, dictation, emoji, thanks and
greetings. What must not be guessed is asked back ("ask …"), shown, or left as free text.

Corrected after the first run, before any change: "is my ticket 329 being worked on?" asks
whether it is in progress (`asked=status?in_progress`, as the rules read it), not whether
someone has it (written first as `asked=assignee?`). The rules when it was written read 83 of
its 140 lines as written here (84 with the correction). Fixed by kind, never by the lines
themselves: a customer chasing the one ticket named, asked to chase it ("can someone chase up
325 please"), to be called about it ("… call me about 352"), writing about it again ("… the
third time i am writing about 343. not acceptable": a judgement after "not" takes nothing
back), how long since it was filed ("its been a week since i raised 321 and nothing"), how it
went complained of ("very disappointed with how 345 was handled"); who to talk to about it
(who has it: "who do i talk to about 326?"); whether anyone is on it with a word between
("is anyone actually looking at 320"); 91. A detail a customer adds to a ticket is a comment
on it: "adding to 330: …", "forgot to mention on 332 that …", told first and then "please add
it to 333", and "from me" before what is said is no part of it ("update on 334 from me - …");
95. Thanks for what was done on the ticket they name ("thanks for fixing 349 so quickly!",
"thank you for the update on 397"), and a farewell after thanks ("thanks all, have a good
weekend"); 98. A thing told not to work is no one's list ("my mouse is not working" asked
whose "my mouse" was); an "it" that stands for no ticket is a question ("why does it take so
long to fix a printer", "would it help if i restarted my laptop?": the ticket in view was
shown, or left as it was); 101. How the service desk did ("how did the service desk do
today"), and figures with what they are for after them ("…, for the weekly report"); 103. A
comma dictated ("put 393 on hold comma waiting for the user"); a sign-off after the last
sentence of a one-line message ("… is not working. Kind regards", "… ? Regards, Maria"), and
when it will be done asked in a sentence ("let me know when it will be fixed"); 106. A change
not wanted ("i don't want 348 closed, it's still happening") and a ticket kept open ("never
mind 376, leave it open") change nothing; 108. A manager asking whether someone is swamped
("is alex swamped at the moment?": their list), who on the team has the most (the workload),
and a status asked to be provided ("kindly provide the status of ticket 395"); 111. The
order of one's day before a request ("first thing: take 367"), a greeting before what is left
("morning! what's on for me today"), and how directly a ticket goes ("give my ticket 338
straight to sam"); 114. A status typed with a hyphen ("my on-hold tickets oldest first") and
a comma typed after a space ("pls to close my ticket 396 , issue resolved now"); 116. One
read right since by the twelfth table's work (what does not work, told after a change it
calls for, takes nothing back): "send 363 back to the queue, alex cant do it"; 117.

`ELEVENTH_MISREAD` is what the rules still misread (22; "take 360 off alex, …, and give it
to sam" is read right since the fifteenth table's fix of a ticket taken off someone): a
team's name as the subject of a list or a question ("tickets the network team hasn't touched since monday", "has anyone in
facilities looked at 353?", "how is the network team getting on this week": the team-queue
work of another helper), what someone did in a period ("what did sam close this week"), a
possessive after "of" ("anything of priya's overdue?"), a purpose after a list ("… for my
report"), a ticket's place proposed as a statement ("359 should really be with facilities
not us", "maybe 366 is better with the network team?"), handovers told rather than asked
("alex is on leave next week so his urgent tickets go to priya", "… can alex take my urgent
ones?", whose "till the 14th" is read as a filing date), several changes in one list with
their own verbs ("close 385, 386 goes to alex, and 387 is urgent"), "working on 372 now" (started, not
taken), "escalate" alone, "make sure 354 is done by friday", a "sir my ticket 351 still
pending since monday", "myself" after a priority, "everyone's tickets", "… any news?" after a
list, "log an urgent one for me - …", "can you tell me who is assigned to …", "the user on
373 is out till monday so on hold pls", and "did anybody pick up my ticket yet" (whether
anyone has it: `in_their_words.py` expects "did anybody pick up 13?" shown without the
question, so it was left).
"""

from __future__ import annotations

ELEVENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- customers chasing ---------------------------------------------------------------------
    ("hello? is anyone actually looking at 320", "show #320 asked=assignee?"),
    ("its been a week since i raised 321 and nothing", "show #321"),
    ("Dear team, I raised TKT-2026-0322 on Monday regarding my printer. Could you please let "
     "me know when it will be fixed? Regards, Maria", "show #322 asked=due"),
    ("still waiting on 323 🙄", "show #323"),
    ("hi again, 324 still not sorted", "no change #324"),
    ("can someone chase up 325 please", "show #325"),
    ("who do i talk to about 326?", "show #326 asked=assignee"),
    ("any news on my monitor request? been waiting ages", "list own text='monitor'"),
    ("where is my headset request at?", "list own text='headset' asked=status"),
    ("can you tell me who is assigned to my vpn ticket", "list own text='vpn' asked=assignee"),
    ("did anybody pick up my ticket yet", "list mine asked=assignee?"),
    ("sorry to bother again but is there any progress on 327", "show #327 asked=status"),
    ("hi, what's happening with ticket 328?", "show #328"),
    ("is my ticket 329 being worked on?", "show #329 asked=status?in_progress"),
    # --- customers adding details --------------------------------------------------------------
    ("adding to 330: it also happens on my home wifi",
     "comment #330 'it also happens on my home wifi'"),
    ("fyi for 331 the error code is 0x8004010F", "comment #331 'the error code is 0x8004010F'"),
    ("forgot to mention on 332 that my laptop is a thinkpad t14",
     "comment #332 'my laptop is a thinkpad t14'"),
    ("pls add this to my ticket: happens only in the afternoon",
     "comment #7 'happens only in the afternoon'"),
    ("my phone number is 0471 234 567, please add it to 333",
     "comment #333 'my phone number is 0471 234 567'"),
    ("update on 334 from me - the whole floor has it now",
     "comment #334 'the whole floor has it now'"),
    ("Please note on ticket 335 that I will be working from home on Thursday",
     "comment #335 'I will be working from home on Thursday'"),
    ("can you add to 336 that it started after the update",
     "comment #336 'it started after the update'"),
    # --- customers asking for what they may not do (read the same; checked after) ---------------
    ("please make 337 urgent, my manager is asking", "edit #337 priority=urgent"),
    ("can you give my ticket 338 straight to sam, he knows the issue",
     "assign #338 to user:u-sam"),
    ("close 339 please, i fixed it myself", "status #339 closed"),
    ("delete my ticket 340 pls, raised it by mistake",
     "ask status #340 ?: Tickets aren't deleted. Should #340 be closed? "
     "[Yes, close it, Resolve it instead]"),
    ("show me everyone's tickets", "list all status=any"),
    ("i want 341 done by friday", "edit #341 due=2026-12-04"),
    ("can i change the priority of 342 myself?", "ask edit #342 ? priority"),
    # --- customers complaining -----------------------------------------------------------------
    ("this is the third time i am writing about 343. not acceptable", "show #343"),
    ("your service desk is useless, nobody ever answers", "free text"),
    ("i want to escalate 344, nobody has done anything in a week", "ask edit #344 ? priority"),
    ("very disappointed with how 345 was handled", "show #345"),
    ("you closed 346 without asking me and it is NOT fixed", "no change #346"),
    ("why does it take so long to fix a printer", "question"),
    ("if 347 isn't fixed today i'm going to my manager", "no change #347"),
    ("i don't want 348 closed, it's still happening", "no change #348"),
    ("don't close my ticket yet please", "no change #7"),
    # --- customers, other ----------------------------------------------------------------------
    ("hi i'm new here, how do i raise a ticket?", "question"),
    ("my mouse is not working", "free text"),
    ("what tickets have i raised this month", "list created created_from=2026-12-01"),
    ("Good afternoon, please could you raise a ticket for me, the heating in room 12 is not "
     "working. Kind regards", "create title='The heating in room 12 is not working'"),
    ("my badge stopped working can u log it", "create title='My badge stopped working'"),
    ("thanks for fixing 349 so quickly!", "small talk thanks"),
    ("350 works now, thank you", "status #350 resolved"),
    ("would it help if i restarted my laptop?", "question"),
    ("sir my ticket 351 still pending since monday, kindly do fast", "no change #351"),
    ("pls could someone call me about 352, number is in the ticket", "show #352"),
    ("i raised a ticket yesterday about outlook, any news?",
     "list created created_from=2026-12-01 created_before=2026-12-02 text='outlook'"),
    # --- managers asking about their teams -----------------------------------------------------
    ("what's facilities got on hold", "list all status=on_hold assignee=team:3"),
    ("how many urgent tickets does IT support have", "list all priority=urgent assignee=team:1"),
    ("network team's overdue tickets?", "list all assignee=team:2 due=overdue"),
    ("what is sam working on right now", "list all assignee=user:u-sam"),
    ("what's priya's workload like", "list all assignee=user:u-priya"),
    ("who on the team has the most open tickets", "workload"),
    ("team workload pls", "workload"),
    ("which tickets has nobody touched this week", "list all not_updated_since=2026-11-30"),
    ("list everything unassigned", "list all assignee=nobody"),
    ("unassigned urgent ones?", "list all priority=urgent assignee=nobody"),
    ("show me alex's tickets due this week", "list all assignee=user:u-alex due=this_week"),
    ("which of lee chen's tickets are overdue", "list all assignee=user:u-leec due=overdue"),
    ("what has lee got on", "ask list all: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("how many tickets came in today", "list all created_from=2026-12-02"),
    ("how is the network team getting on this week", "stats this_week"),
    ("tickets the network team hasn't touched since monday",
     "list all assignee=team:2 not_updated_since=2026-11-30"),
    ("has anyone in facilities looked at 353?", "show #353 asked=assignee?"),
    ("how many tickets does each agent have", "workload"),
    ("what did sam close this week",
     "list all status=closed assignee=user:u-sam updated_since=2026-11-30"),
    ("is alex swamped at the moment?", "list all assignee=user:u-alex"),
    # --- managers: deadlines -------------------------------------------------------------------
    ("what's due tomorrow for the network team", "list all assignee=team:2 due=tomorrow"),
    ("make sure 354 is done by friday", "edit #354 due=2026-12-04"),
    ("the deadline for 355 is end of next week", "edit #355 due=2026-12-11"),
    ("355 due date -> 18 dec", "edit #355 due=2026-12-18"),
    ("is 356 going to make its deadline?", "show #356 asked=due"),
    ("which tickets are overdue and still unassigned", "list all assignee=nobody due=overdue"),
    ("anything of priya's overdue?", "list all assignee=user:u-priya due=overdue"),
    ("set a deadline of monday on 357", "edit #357 due=2026-12-07"),
    ("what's due this week for facilities", "list all assignee=team:3 due=this_week"),
    # --- managers: reassigning and handing over -------------------------------------------------
    ("move 358 from alex to priya", "assign #358 to user:u-priya"),
    ("reassign sam's urgent tickets to alex",
     "assign each of to user:u-alex (list all priority=urgent assignee=user:u-sam)"),
    ("359 should really be with facilities not us",
     "ask assign #359 to ?: Should Facilities take #359? [Yes]"),
    ("lee park is leaving, pass her open tickets to lee chen",
     "assign each of to user:u-leec (list all status=open assignee=user:u-lee)"),
    ("take 360 off alex, he's overloaded, and give it to sam", "assign #360 to user:u-sam"),
    ("don't reassign 361, alex is nearly done", "no change #361"),
    ("should i give 362 to priya or sam?", "show #362"),
    ("send 363 back to the queue, alex cant do it", "back to the queue #363"),
    ("alex is on leave next week so his urgent tickets go to priya",
     "assign each of to user:u-priya (list all priority=urgent assignee=user:u-alex)"),
    ("priya can have 364 and 365", "assign #364, #365 to user:u-priya"),
    ("maybe 366 is better with the network team?",
     "ask assign #366 to ?: Should Network take #366? [Yes]"),
    # --- managers: reporting -------------------------------------------------------------------
    ("how many tickets did we close this week, for the weekly report", "stats this_week"),
    ("numbers for last week please", "stats last_week"),
    ("how many open tickets do we have", "list all status=open"),
    ("give me the stats for this month", "stats this_month"),
    ("I need all urgent tickets from last week for my report",
     "list all priority=urgent created_from=2026-11-23 created_before=2026-11-30"),
    ("how did the service desk do today", "stats today"),
    # --- agents' days --------------------------------------------------------------------------
    ("morning! what's on for me today", "list mine"),
    ("first thing: take 367", "assign #367 to user:u-jo"),
    ("vendor said the part arrives monday, put 368 on hold till then", "status #368 on_hold"),
    ("chased facilities about 369 again", "free text"),
    ("tell the user on 370 we're still waiting on the supplier",
     "comment #370 \"we're still waiting on the supplier\""),
    ("371 is done, the user confirmed", "status #371 resolved"),
    ("working on 372 now", "start and take #372"),
    ("I'm off from tomorrow till the 14th, can alex take my urgent ones?",
     "assign each of to user:u-alex (list mine priority=urgent)"),
    ("what's still open from what I logged today",
     "list created status=open created_from=2026-12-02"),
    ("the user on 373 is out till monday so on hold pls", "status #373 on_hold"),
    # --- negations and hypotheticals -----------------------------------------------------------
    ("i'm not going to close 374 until the vendor confirms", "no change #374"),
    ("in case 375 comes back, give it to sam", "no change #375"),
    ("no, don't assign it to me", "no change #7"),
    ("never mind 376, leave it open", "no change #376"),
    ("we shouldn't make 377 urgent just because he shouts", "no change #377"),
    ("if alex can't do 378 tomorrow i'll take it", "no change #378"),
    # --- questions about a ticket --------------------------------------------------------------
    ("when was 379 raised?", "show #379"),
    ("what priority is 380 on", "show #380 asked=priority"),
    ("is 381 assigned to anyone?", "show #381 asked=assignee?"),
    ("which team has 382", "show #382"),
    ("when's 383 due?", "show #383 asked=due"),
    ("who reported 384", "show #384 asked=requester"),
    # --- lists with filters and orders ---------------------------------------------------------
    ("my tickets due this week, most urgent first", "list mine order=priority due=this_week"),
    ("10 newest tickets", "list all order=newest top=10"),
    ("open printer tickets for facilities", "list all status=open assignee=team:3 text='printer'"),
    ("my on-hold tickets oldest first", "list mine status=on_hold order=oldest"),
    ("high prio stuff sam has", "list all priority=high assignee=user:u-sam"),
    # --- filing in one sentence ----------------------------------------------------------------
    ("Hi team, could you please raise a ticket: new starter Tom needs a laptop and a badge",
     "create title='New starter Tom needs a laptop and a badge'"),
    ("file a ticket for facilities: the 3rd floor kitchen tap is leaking",
     "create title='The 3rd floor kitchen tap is leaking' to=team:3"),
    ("log an urgent one for me - cant access payroll",
     "create title='Cant access payroll' priority=urgent"),
    ("new ticket for sam: projector in room 6 is dead",
     "create title='Projector in room 6 is dead' to=user:u-sam"),
    # --- several requests in one message -------------------------------------------------------
    ("close 385, 386 goes to alex, and 387 is urgent",
     "status #385 closed + assign #386 to user:u-alex + edit #387 priority=urgent"),
    ("take 388 and put it in progress", "assign #388 to user:u-jo + status #388 in_progress"),
    ("resolve 389 and 390 pls", "status #389, #390 resolved"),
    # --- typos, non-native English, dictation, emoji -------------------------------------------
    ("plese asign 391 to priya", "assign #391 to user:u-priya"),
    ("clsoe 392", "status #392 closed"),
    ("put 393 on hold comma waiting for the user", "status #393 on_hold"),
    ("🙏 any news on 394", "show #394"),
    ("kindly provide the status of ticket 395", "show #395 asked=status"),
    ("pls to close my ticket 396 , issue resolved now", "status #396 closed"),
    # --- thanks and greetings ------------------------------------------------------------------
    ("good evening", "small talk hello"),
    ("cheers mate, legend", "small talk thanks"),
    ("thank you for the update on 397", "small talk thanks"),
    ("hi hi", "small talk hello"),
    ("thanks all, have a good weekend", "small talk thanks"),
)

ELEVENTH_MISREAD: frozenset[str] = frozenset({
    'can you tell me who is assigned to my vpn ticket',
    'did anybody pick up my ticket yet',
    "show me everyone's tickets",
    'can i change the priority of 342 myself?',
    'i want to escalate 344, nobody has done anything in a week',
    'sir my ticket 351 still pending since monday, kindly do fast',
    'i raised a ticket yesterday about outlook, any news?',
    'how is the network team getting on this week',
    "tickets the network team hasn't touched since monday",
    'has anyone in facilities looked at 353?',
    'what did sam close this week',
    'make sure 354 is done by friday',
    "anything of priya's overdue?",
    '359 should really be with facilities not us',
    'alex is on leave next week so his urgent tickets go to priya',
    'maybe 366 is better with the network team?',
    'I need all urgent tickets from last week for my report',
    'working on 372 now',
    "I'm off from tomorrow till the 14th, can alex take my urgent ones?",
    'the user on 373 is out till monday so on hold pls',
    'log an urgent one for me - cant access payroll',
    'close 385, 386 goes to alex, and 387 is urgent',
})
