"""A twelfth held-out table: requests buried in long messages, quoted, relayed, or not yet due.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one", "my ticket"
are #7, the ticket the conversation last showed; two Lees; today is Wednesday 2 December
2026; Jo is the one writing). Written on 2026-12-06 before running the rules on any of it,
for what earlier tables are thin on: a request buried in a paragraph or a pasted email,
replies that quote someone (typed "> …" or sent by Teams as a quote), requests relayed for
someone else, conditional and future requests (which change nothing now), sarcasm and
complaints, questions that hold a change's verb ("why was 454 closed?"), several tickets
with mixed actions, abbreviations, non-native English, typos, dictation, emoji, greetings
and thanks, managers. Where a change would be a guess, the right reading asks back.

The rules when it was written read 83 of its 159 lines as written here. Corrected after the
first run, before any change (87 with them): "was 463 resolved or closed?" asks whether it is
either (`asked=status?closed,resolved`, one answer naming which), "is 532 still open?" whether
it is not finished (`status?in_progress,on_hold,open`), as the rules read "open"; "it's
fixed, thanks!" resolves it, as `transcript.py` reads "4 is fixed" (the action layer asks
first when the ticket is open); "can i get an update on my ticket pls, its been days" lists
one's own tickets, as the rules answer "any update on my ticket?" (which one is not said).

Fixed by kind, never by the lines themselves. Wrong changes first: a reply to a quote that
names one ticket changed the ticket in view ("> Sam Rivera: I've restarted the spooler on
424 / great, resolve it pls" resolved #7), and Teams' own quote ran its author into its text
("Priya Shah427 is urgent") and read as the reply's words; "please note that the user on
ticket 423 has left …" was a note on the ticket in view. Then changes missed: a request
relayed for someone ("my manager asked me to get 430 closed pls", "sam asked if you could put
432 on hold …", "Priya wants 431 moved to facilities", "my boss says 433 has to be urgent",
"the customer on 547 asked us to close it"); 93. A change drawn after "so" from what was told
("… the projector in room 3 is fine now after facilities swapped the bulb, so 413 can be
closed. Cheers"), and thanks or agreement typed short before a request ("ty! 491 can be
closed", "agreed, make it urgent": "ty" and "agreed" were taken for whom it was asked of); 96.
Three requests of their own tickets ("take 468, resolve 469, and put 470 on hold": only 468
was taken, the rest dropped without a word; "close 4, close 5, close 6" closed 4 with the
rest as its reason); 97. Then poor answers: who, when or why someone changed a ticket is its
history ("who put 552 on hold and why", "when did 457 get escalated", "why did someone give
553 to facilities?", "who changed the priority of 462 to low??": the card alone, or the
fact's answer); a colon and a closing period dictated ("new ticket colon the coffee machine
…", "assign ticket 510 to sam period": "sam period" was looked for); 104. Chat shorthand and
dictation: "np", "brb", "tbh" before a request ("np, closing 490 now", "brb, hold 488 for
now": asked, as if said to someone named), "fwd" for forward ("pls fwd 559 to network
asap"), the bot's name dictated ("hey ticket flow show me ticket 513"), a ticket's digits
dictated one by one ("close ticket five one two"), laughter as emoji ("😂😂") and a wish for
one's week ("hi there, hope your week is going ok"); 111. "please you" before a request, as
non-native English asks ("i has resolved the 499, please you close it"); 112 of 159. Last,
what does not work told after a change it calls for takes nothing back ("make 40 urgent, the
printer doesn't work", "could you bump 41 to high? they can't print invoices": no change
before), which none of the table's lines shows alone (412's reason also says "close").

`TWELFTH_MISREAD` is what the rules still misread (47); none of it changes a ticket it was
not asked to. Requests buried in a long message the rules leave as free text or no change
("… could you bump 412 to high? The finance close is on Friday and they can't print
invoices. Thanks, Jo": with "close" in it, the reason's "can't" is read as a take-back;
"… they are happy for us to lower the priority of 541 to low …"; "… Also pls close 539
which was the main one."; "… I would like this escalated please."),
or take in part ("ok so update on 544: … put it on hold till then" is one comment, the hold
missed; "554 is resolved, 555 still waiting on the vendor so on hold" resolves 554 alone);
answers to a quoted question ("> can we close 545? / not yet, …", "> is 426 still a
problem? / no, all good now": free text, nothing changed); conditions and plans told as free
text rather than "no change" ("tomorrow I'll close 448", "plan is to close 449 on monday",
"we might need to escalate 444 next week"), and "resolve 441 after the reboot tonight" not
understood (nothing changed); sarcasm and complaints naming a ticket, not shown ("thanks for
closing 452 without fixing it, really helpful", "this is ridiculous, 453 has been open since
october"); "did someone close 458 by mistake?" (shown, not its history: `held_out.py` expects
"did someone close 26?" shown, so it was left); "close 465 and 466,
and 467 to sam" (the verbless "467 to sam" after a list); names and words mistyped ("asign
503 to priay", "giv 508 to alx", "shw me al my opne tikets": asked who "priay" is, or
searched for "al"); non-native phrasings ("please revert me on 500 status", "is possible to
change priority of 497 in high?", "sir please my ticket 498 make urgent, …", "for 562 the
priority must be more high"); "any urgent tickets sitting with facilities?" (searched for
"facilities"), "can you bump it up a bit", "lmk when 489 is done", and "im wfh today, can
someone else take 484". Where asking back was wanted, free text or the card is what comes
("should we close 445?", "the user on 435 says it's working now", "oh great, 450 got closed
AGAIN and nothing works 🙄", "not sure 527 should be closed tbh", "no need to escalate 529");
"… send it over to them" after a quote asks who "them" is.
"""

from __future__ import annotations

TWELFTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- a request buried in a paragraph or a pasted email -----------------------------------
    ("Hi team, hope you're all well. Following our call this morning, could you bump 412 to "
     "high? The finance close is on Friday and they can't print invoices. Thanks, Jo",
     "edit #412 priority=high"),
    ("Morning all! Quick one from me - the projector in room 3 is fine now after facilities "
     "swapped the bulb, so 413 can be closed. Cheers", "status #413 closed"),
    ("Hello,\n\nI hope this message finds you well. I am writing regarding ticket "
     "TKT-2026-0414. The user has confirmed that the issue no longer occurs after the update. "
     "Please resolve the ticket.\n\nBest regards,\nJo Doe", "status #414 resolved"),
    ("so I spoke to Priya and she said she's got capacity this week and knows the badge "
     "system well, so can we give 416 to her instead of me", "assign #416 to user:u-priya"),
    ("Hi, sorry to bother you again. I know everyone is busy with the migration but my laptop "
     "ticket 417 has been sitting there for 3 days and I have a client demo tomorrow. Is there "
     "any chance someone could look at it today?", "show #417"),
    ("Long story short the network guys fixed the switch so 418 and 419 can both be closed now",
     "status #418, #419 closed"),
    ("Dear Service Desk,\nPlease note that the user on ticket 423 has left the company, "
     "therefore the request is no longer required. Kindly close it.\nRegards,\nJo",
     "status #423 closed"),
    ("hey so the thing is the printer on floor 2 keeps jamming and honestly it's driving "
     "everyone mad, can you raise a ticket for it",
     "create title='The printer on floor 2 keeps jamming'"),
    ("Sorry for the long message. The issue on 538 turned out to be a faulty cable, we replaced "
     "it and the user has been working all afternoon without drops. I think we can resolve it.",
     "ask status #538 ?: Should #538 be resolved? [Yes]"),
    ("Hey Jo here, quick update for everyone: the wifi outage in building B is over. If anyone "
     "still has problems raise a new ticket. Also pls close 539 which was the main one.",
     "status #539 closed"),
    ("Hi all, update from my side: I finished the printer swap (535), the laptop build for the "
     "new starter is half done (536), and I'm still waiting on the vendor for 537. Will pick it "
     "up tomorrow.", "free text"),
    ("Good afternoon, as discussed with the customer over the phone earlier, they are happy for "
     "us to lower the priority of 541 to low as they have a workaround. Many thanks",
     "edit #541 priority=low"),
    ("Just a heads up, I'm on annual leave from tomorrow so could someone take 542 off me? "
     "Alex knows the system best so maybe give it to him", "assign #542 to user:u-alex"),
    ("To whom it may concern, I have been waiting for over two weeks for my monitor to be "
     "replaced (ticket 543). This is unacceptable and I would like this escalated please.",
     "edit #543 priority=urgent"),
    ("ok so update on 544: the vendor called back, it's a known bug in their firmware and the "
     "fix ships next month. put it on hold till then", "status #544 on_hold"),
    # --- replies that quote someone ----------------------------------------------------------
    ("> the printer is fixed\nok close it then", "status #7 closed"),
    ("> Sam Rivera: I've restarted the spooler on 424\ngreat, resolve it pls",
     "status #424 resolved"),
    ("> is 426 still a problem?\nno, all good now",
     "ask status #426 ?: Should #426 be closed? [Yes]"),
    ('<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1">'
     '<strong itemprop="mri">Priya Shah</strong><p itemprop="preview">427 is urgent, the CEO '
     'is affected</p></blockquote><p>agreed, make it urgent</p>', "edit #427 priority=urgent"),
    ("> close 428\nno wait, don't", "no change #428"),
    ("> can we close 545?\nnot yet, the user is still testing", "no change #545"),
    ('<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="2">'
     '<strong itemprop="mri">Alex Kim</strong><p itemprop="preview">546 needs someone from '
     'network</p></blockquote><p>yep, send it over to them</p>', "assign #546 to team:2"),
    ("> the vpn ticket is still open\nthat's fine, leave it", "no change #7"),
    # --- people relaying for others ----------------------------------------------------------
    ("my manager asked me to get 430 closed pls", "status #430 closed"),
    ("Priya wants 431 moved to facilities", "assign #431 to team:3"),
    ("sam asked if you could put 432 on hold until the part arrives", "status #432 on_hold"),
    ("on behalf of alex: please reassign 434 to the network team", "assign #434 to team:2"),
    ("the user on 435 says it's working now",
     "ask status #435 ?: Should #435 be resolved? [Yes]"),
    ("alex said he'd look at 436 tomorrow", "free text"),
    ("my boss says 433 has to be urgent", "edit #433 priority=urgent"),
    ("the customer on 547 asked us to close it, they bought a new one", "status #547 closed"),
    ("priya asked me to ask you who has 548", "show #548 asked=assignee"),
    # --- conditional and future requests: nothing changes now ---------------------------------
    ("if 438 isn't fixed by friday escalate it", "no change #438"),
    ("close 439 once the user confirms", "no change #439"),
    ("when the part arrives, put 440 back in progress", "no change #440"),
    ("resolve 441 after the reboot tonight", "no change #441"),
    ("if nobody picks up 442 by tomorrow give it to priya", "no change #442"),
    ("don't close 443 until I've spoken to the customer", "no change #443"),
    ("we might need to escalate 444 next week", "no change #444"),
    ("should we close 445?", "ask status #445 ?: Should #445 be closed? [Yes]"),
    ("maybe reopen 446 if she calls again", "no change #446"),
    ("tomorrow I'll close 448", "no change #448"),
    ("plan is to close 449 on monday", "no change #449"),
    ("as soon as the new laptop arrives we can close 549", "no change #549"),
    ("if the user doesn't reply by friday, close it", "no change #7"),
    ("once sam is back from leave give 550 back to him", "no change #550"),
    # --- sarcasm and complaints ----------------------------------------------------------------
    ("oh great, 450 got closed AGAIN and nothing works 🙄",
     "ask status #450 ?: Should #450 be open? [Yes]"),
    ("wow, only 3 weeks for 451, amazing service 👏", "show #451"),
    ("thanks for closing 452 without fixing it, really helpful", "show #452"),
    ("great, another outlook crash. just what I needed today", "free text"),
    ("brilliant, the printer is broken again", "free text"),
    ("this is ridiculous, 453 has been open since october", "show #453"),
    ("yeah right, 'resolved'. my screen is still black", "free text"),
    ("love how nobody ever answers 551 😒", "show #551"),
    # --- questions that contain a change verb -----------------------------------------------
    ("why was 454 closed?", "history #454"),
    ("who reopened 455?", "history #455"),
    ("who assigned 456 to me?", "history #456"),
    ("when did 457 get escalated", "history #457"),
    ("did someone close 458 by mistake?", "history #458"),
    ("can i close my own tickets?", "question"),
    ("how do I reassign a ticket to another team?", "question"),
    ("what happens if I close 461 by accident", "question"),
    ("who changed the priority of 462 to low??", "history #462"),
    ("was 463 resolved or closed?", "show #463 asked=status?closed,resolved"),
    ("who put 552 on hold and why", "history #552"),
    ("why did someone give 553 to facilities?", "history #553"),
    ("how do i escalate a ticket", "question"),
    # --- several tickets, mixed actions ----------------------------------------------------------
    ("close 465 and 466, and 467 to sam",
     "status #465, #466 closed + assign #467 to user:u-sam"),
    ("take 468, resolve 469, and put 470 on hold",
     "assign #468 to user:u-jo + status #469 resolved + status #470 on_hold"),
    ("assign 473 and 474 to me pls", "assign #473, #474 to user:u-jo"),
    ("can u make 475 high and 476 low", "edit #475 priority=high + edit #476 priority=low"),
    ("close all of sam's resolved tickets",
     "status each of closed (list all status=resolved assignee=user:u-sam)"),
    ("477 & 478 → facilities", "assign #477, #478 to team:3"),
    ("554 is resolved, 555 still waiting on the vendor so on hold",
     "status #554 resolved + status #555 on_hold"),
    ("give 556 to alex and make it urgent",
     "assign #556 to user:u-alex + edit #556 priority=urgent"),
    ("reopen 557 and 558, the fix didn't hold", "status #557, #558 open"),
    # --- abbreviations -------------------------------------------------------------------------
    ("pls close 481 asap", "status #481 closed"),
    ("fyi 482 is resolved", "status #482 resolved"),
    ("need 483 done by eod", "edit #483 due=2026-12-02"),
    ("im wfh today, can someone else take 484", "assign #484 to ?"),
    ("ooo tmrw so pls reassign 485 to priya", "assign #485 to user:u-priya"),
    ("485 eta?", "show #485 asked=due"),
    ("tbh 486 can wait, lower it to low", "edit #486 priority=low"),
    ("brb, hold 488 for now", "status #488 on_hold"),
    ("lmk when 489 is done", "cannot remind #489"),
    ("np, closing 490 now", "status #490 closed"),
    ("ty! 491 can be closed", "status #491 closed"),
    ("afaik 492 is still broken, dont close", "no change #492"),
    ("pls fwd 559 to network asap", "assign #559 to team:2"),
    ("fyi the wifi in the canteen is down again", "free text"),
    ("wfh today, vpn keeps dropping", "free text"),
    # --- non-native English ----------------------------------------------------------------------
    ("please to assign the ticket 494 to mister Sam", "assign #494 to user:u-sam"),
    ("kindly do the needful and close 495", "status #495 closed"),
    ("the ticket 496 i want that you put it in hold", "status #496 on_hold"),
    ("is possible to change priority of 497 in high?", "edit #497 priority=high"),
    ("sir please my ticket 498 make urgent, printer not printing since morning",
     "edit #498 priority=urgent"),
    ("560 problem is solve now you can close", "status #560 closed"),
    ("i has resolved the 499, please you close it", "status #499 closed"),
    ("please revert me on 500 status", "show #500 asked=status"),
    ("kindly tell me who is doing my ticket 561", "show #561 asked=assignee"),
    ("for 562 the priority must be more high", "ask edit #562 ? priority"),
    # --- typos ---------------------------------------------------------------------------------
    ("cloes 502 pls", "status #502 closed"),
    ("asign 503 to priay", "assign #503 to user:u-priya"),
    ("resolv 504", "status #504 resolved"),
    ("put 505 on hlod", "status #505 on_hold"),
    ("reopn 506 its brokn again", "status #506 open"),
    ("make 507 urgnet", "edit #507 priority=urgent"),
    ("shw me al my opne tikets", "list mine status=open"),
    ("giv 508 to alx", "assign #508 to user:u-alex"),
    # --- voice dictation ----------------------------------------------------------------------
    ("assign ticket 510 to sam period", "assign #510 to user:u-sam"),
    ("put ticket 511 on hold full stop waiting for parts", "status #511 on_hold"),
    ("new ticket colon the coffee machine on level three is leaking",
     "create title='The coffee machine on level three is leaking'"),
    ("hey ticket flow show me ticket 513", "show #513"),
    ("comment on 514 the user is on leave until monday",
     "comment #514 'the user is on leave until monday'"),
    ("close ticket five one two", "status #512 closed"),
    # --- emoji and reactions ------------------------------------------------------------------
    ("👍🏻", "small talk ok"),
    ("🙏 thanks!", "small talk thanks"),
    ("close 516 🎉", "status #516 closed"),
    ("517 🔥🔥 urgent", "edit #517 priority=urgent"),
    ("😂😂", "small talk ok"),
    ("👀 563", "show #563"),
    ("🤦 wrong ticket, i meant 518", "meant #518"),
    # --- greetings and thanks --------------------------------------------------------------------
    ("good morning team ☀️", "small talk hello"),
    ("hiya folks", "small talk hello"),
    ("thanks a million, you're a star", "small talk thanks"),
    ("morning! can you close 519 for me", "status #519 closed"),
    ("thank you! and pls resolve 520 too", "status #520 resolved"),
    ("hi there, hope your week is going ok", "small talk hello"),
    # --- managers and admins ---------------------------------------------------------------------
    ("show me everything unassigned that's urgent", "list all priority=urgent assignee=nobody"),
    ("who's got the most on their plate right now", "workload"),
    ("move all of alex's open tickets to priya, he's off sick",
     "assign each of to user:u-priya (list all status=open assignee=user:u-alex)"),
    ("overdue tickets in network pls", "list all assignee=team:2 due=overdue"),
    ("how did we do this week", "stats this_week"),
    ("assign 521 to lee", "ask assign #521 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("give 522 to lee chen", "assign #522 to user:u-leec"),
    ("hand 523 over to bob",
     "ask assign #523 to ?: I couldn't find “bob”. Who should take #523?"),
    ("unassign 524, nobody should own it for now", "assign #524 to nobody"),
    ("put 525 back in the queue", "back to the queue #525"),
    ("what is priya working on at the moment", "list all assignee=user:u-priya"),
    ("any urgent tickets sitting with facilities?", "list all priority=urgent assignee=team:3"),
    ("<at>Sam Rivera</at> can you take 540?",
     "ask assign #540 to ?: Should Sam Rivera take #540? [Yes]"),
    # --- changes not wanted, and look-alikes that must change nothing --------------------------
    ("don't close 526", "no change #526"),
    ("not sure 527 should be closed tbh", "no change #527"),
    ("i wouldn't close 528 yet", "no change #528"),
    ("no need to escalate 529", "no change #529"),
    ("close 530? no, leave it", "no change #530"),
    ("the close button on 564 doesn't work", "free text"),
    ("i closed the window and 565 disappeared from my list", "show #565"),
    # --- problems told, questions of how, one fact of a ticket ----------------------------------
    ("my teams keeps crashing when i share my screen", "free text"),
    ("printer on 3rd floor out of toner again", "free text"),
    ("who has 531", "show #531 asked=assignee"),
    ("is 532 still open?", "show #532 asked=status?in_progress,on_hold,open"),
    ("when's 533 due", "show #533 asked=due"),
    ("what priority is 534", "show #534 asked=priority"),
    ("can i get an update on my ticket pls, its been days", "list mine"),
    # --- "it", the ticket in view ----------------------------------------------------------------
    ("ok close it", "status #7 closed"),
    ("actually give it to sam instead", "assign #7 to user:u-sam"),
    ("can you bump it up a bit", "ask edit #7 ? priority"),
    ("it's fixed, thanks!", "status #7 resolved"),
)

TWELFTH_MISREAD: frozenset[str] = frozenset({
    ("Hi team, hope you're all well. Following our call this morning, could you bump 412 to "
     "high? The finance close is on Friday and they can't print invoices. Thanks, Jo"),
    ("so I spoke to Priya and she said she's got capacity this week and knows the badge system "
     'well, so can we give 416 to her instead of me'),
    'Long story short the network guys fixed the switch so 418 and 419 can both be closed now',
    ('Dear Service Desk,\nPlease note that the user on ticket 423 has left the company, '
     'therefore the request is no longer required. Kindly close it.\nRegards,\nJo'),
    ("hey so the thing is the printer on floor 2 keeps jamming and honestly it's driving "
     'everyone mad, can you raise a ticket for it'),
    ('Sorry for the long message. The issue on 538 turned out to be a faulty cable, we '
     'replaced it and the user has been working all afternoon without drops. I think we can '
     'resolve it.'),
    ('Hey Jo here, quick update for everyone: the wifi outage in building B is over. If anyone '
     'still has problems raise a new ticket. Also pls close 539 which was the main one.'),
    ('Hi all, update from my side: I finished the printer swap (535), the laptop build for the '
     "new starter is half done (536), and I'm still waiting on the vendor for 537. Will pick "
     'it up tomorrow.'),
    ('Good afternoon, as discussed with the customer over the phone earlier, they are happy '
     'for us to lower the priority of 541 to low as they have a workaround. Many thanks'),
    ("Just a heads up, I'm on annual leave from tomorrow so could someone take 542 off me? "
     'Alex knows the system best so maybe give it to him'),
    ('To whom it may concern, I have been waiting for over two weeks for my monitor to be '
     'replaced (ticket 543). This is unacceptable and I would like this escalated please.'),
    ("ok so update on 544: the vendor called back, it's a known bug in their firmware and the "
     'fix ships next month. put it on hold till then'),
    '> is 426 still a problem?\nno, all good now',
    '> can we close 545?\nnot yet, the user is still testing',
    ('<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="2"><strong '
     'itemprop="mri">Alex Kim</strong><p itemprop="preview">546 needs someone from '
     'network</p></blockquote><p>yep, send it over to them</p>'),
    "> the vpn ticket is still open\nthat's fine, leave it",
    "the user on 435 says it's working now",
    'resolve 441 after the reboot tonight',
    'we might need to escalate 444 next week',
    'should we close 445?',
    "tomorrow I'll close 448",
    'plan is to close 449 on monday',
    'oh great, 450 got closed AGAIN and nothing works 🙄',
    'wow, only 3 weeks for 451, amazing service 👏',
    'thanks for closing 452 without fixing it, really helpful',
    'this is ridiculous, 453 has been open since october',
    'love how nobody ever answers 551 😒',
    'did someone close 458 by mistake?',
    'close 465 and 466, and 467 to sam',
    '554 is resolved, 555 still waiting on the vendor so on hold',
    'im wfh today, can someone else take 484',
    'lmk when 489 is done',
    'please to assign the ticket 494 to mister Sam',
    'the ticket 496 i want that you put it in hold',
    'is possible to change priority of 497 in high?',
    'sir please my ticket 498 make urgent, printer not printing since morning',
    'please revert me on 500 status',
    'for 562 the priority must be more high',
    'asign 503 to priay',
    'shw me al my opne tikets',
    'giv 508 to alx',
    'any urgent tickets sitting with facilities?',
    'not sure 527 should be closed tbh',
    'no need to escalate 529',
    'i closed the window and 565 disappeared from my list',
    'can you bump it up a bit',
})
