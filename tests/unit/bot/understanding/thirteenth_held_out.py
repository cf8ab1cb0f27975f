"""A thirteenth held-out table: pasted links, Teams markup, complaints with requests, lists.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-06
before running the rules on any of it, for what earlier tables are thin on: a web-app link
pasted for a ticket (`https://tickets.example.com/tickets/12`, and a link to another system's
issue, which is no ticket of ours), Teams markup (`<p>`, `&nbsp;`, lists, mentions), a
complaint and a request in one message, sarcasm, questions that hold a change's verb,
negations, conditions and plans, several tickets, dates, priorities, assignments by first
name, nickname or mention, comments with quotes, status changes with reasons, lists and
searches, following up a list when none is shown (nothing is guessed), filing in many forms,
non-native English, typos and autocorrect, emoji, very short and long messages, managers.
Replies to the bot's own question ("yes", "the printer one", "high") are read by the dialog
that asked (tests/unit/bot/dialogs), which a table of single messages cannot express, so
they are not here. Where a change would be a guess, the right reading asks back.

The rules when it was written read 92 of its 152 lines as written here. Corrected after the
first run, before any change (99 with them): where a list's parts are said in the summary
("created_from=… text=…"); "whats due today" is the whole queue's (`due=today`, as the rules
read a due day in a list), not one's own; "close 704 as wont fix" asks whether to close it,
saying there is no such status; "650 isn't fixed" tells that nothing was changed; "love how
639 is still 'in progress' …" shows its status; "what happens if i reopen 644?" is a question
for the help assistant; "why would anyone put 646 on hold" shows it (no one's change is
asked about). Seven lines an earlier table already had were replaced by others of their kind,
written before they were run (97 with them: "am i allowed to reopen tickets myself?" was
searched for, "okey dokey" left as free text).

Corrected after the first fix, when the web app's links were read: a link
`https://tickets.example.com/tickets/602` names the ticket by its stored id
(`BotOptions.ticket_url`), not TKT-2026-0602, so the seven lines written as if it did
expected a guess that would change the wrong ticket. They now expect what can be known
without looking the id up: the change asked with its ticket asked for ("status ? closed",
"assign ? to user:u-jo", "start and take ?"), a question, or nothing understood; three of
them are read so already. A link by the ticket's number (`…/tickets/TKT-2026-0603`) is the
ticket.

Fixed by kind, never by the lines themselves. Wrong changes first: a change agreed to with
an eye-roll ("sure, close 637, because that totally fixed it 🙄" closed it) is asked about
first (written as "no change #637"; asked, since sarcasm and a shrug read alike); 98. Four more wrong changes were found while writing look-alikes of the table's lines,
none of them in it: "on it" said of a ticket named ("looking into TKT-2026-0610", "on #41",
"checking #42") started and took the ticket in view; a request after a doubt ("not sure,
close 12") was made; "it" after another system's item ("OPS-612 is done, close it") closed
the ticket in view; a request after a ticket's state is told ("40 is blocked, give it to
sam", "41 is stuck, make it urgent") put it on hold instead, the request kept as the reason.
Then changes missed: requests on lines of their own, as a Teams list sends them
("<ul><li>close 623</li><li>close 624</li></ul>"); 99. A link naming a ticket's number
("… https://tickets.example.com/tickets/TKT-2026-0603"); 100, and 103 with the id-link
corrections above. Then poor answers: courtesy said to someone @mentioned ("<p>thanks&nbsp;
<at>Sam Rivera</at>!</p>"); 104 of 152. A reason why a ticket can wait, said with
"not" ("lower 681 to medium, it's not blocking anyone"), changes it (`_not_pressing`); 105.

`THIRTEENTH_MISREAD` is what the rules still misread (47); none of it changes a ticket it was
not asked to. A link by the stored id (its ticket could be named only by looking the id up,
which the reader does not do: "close https://…/tickets/602 pls" is not understood, and
"see https://…/tickets/615 for the details, …" searched for); "this is the jira one https://…
/OPS-612 can you close it" (free text, where which ticket should be asked). A complaint
before a request, left as free text ("honestly 626 has been open for 3 weeks, can someone
just escalate it", "nobody has touched 628 since monday, give it to alex", "so frustrating,
629 was closed but … - reopen it pls", "i'm sick of chasing this. 630 urgent now", "great,
another week without email. 632 please make it urgent"), or kept in a new ticket's title
("my vpn keeps dropping, so annoying!! …", "ugh the wifi …", "new ticket urgent: server down"
titled 'Urgent: server down'). Sarcasm and complaints naming a ticket left as free text
("oh wonderful, 636 closed again …", "yeah great job on 638 guys …", "wow fast service, 640
…"). Questions: "is it ok to close 645 if the user doesn't reply?" (no change of #7), "can you
close tickets from the bot?" and "am i allowed to reopen tickets myself?" (searched for).
What is not wanted or only planned, left as free text ("no need to make 649 urgent", "i didn't
ask for 652 to be closed", "i'll close 659 after lunch"). Several tickets ("resolve 665, 666
stays open", "667 high, 668 low"). A due date said of the one in view ("due next tue": a
list), a priority with a reason that says "not" ("lower 681 to medium, it's not blocking
anyone", "682 is not that urgent tbh, medium is fine": no change), "683 priority". Who takes
it ("can alex have 686", "pls assign to me": which is asked, "pls assign 710 at alex",
"move everything of alex to priya"; "<at>Sam Rivera</at> 621 is yours" is read
right since the fifteenth table's fix of a ticket said to be someone's), "on hold 701 waiting
for vendor", a list followed up with none shown ("close the
second one", "give all of them to sam": not understood, nothing changed), typos ("clos 711",
"tske 715", "Close 716 thx Sam said it's fine"), non-native English ("708 please to make
close", "ticket 709 same problem again happening"), "ticket TKT-2026-0606 - please close,
user confirmed" and "717 ✅" (shown), "sam and alex, can you two sort out 720
between you", and the long message's second request (722's priority). "anything from sam
this week?" is read right since tickets from someone are the ones they filed (2026-12-07),
"okey dokey" since courtesy in other languages' words is read (seventeenth table's fix).
"""

from __future__ import annotations

THIRTEENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- a pasted web-app link, or a ticket number written another way ----------------------
    ("https://tickets.example.com/tickets/601", "unknown [my tickets, new ticket, help]"),
    ("close https://tickets.example.com/tickets/602 pls", "status ? closed"),
    ("can you pull up https://tickets.example.com/tickets/TKT-2026-0603", "show #603"),
    ('<p>assign <a href="https://tickets.example.com/tickets/604">'
     "https://tickets.example.com/tickets/604</a> to me</p>", "assign ? to user:u-jo"),
    ("TKT-2026-0605 urgent pls", "edit #605 priority=urgent"),
    ("ticket TKT-2026-0606 - please close, user confirmed", "status #606 closed"),
    ("re: TKT-2026-0607 printer jam on 3rd floor - any update?", "show #607"),
    ("Ticket #608: resolved, thanks", "status #608 resolved"),
    ("is https://tickets.example.com/tickets/609 still open?", "question"),
    ("grabbing https://tickets.example.com/tickets/610", "start and take ?"),
    ("why is https://tickets.example.com/tickets/611 closed??", "question"),
    ("this is the jira one https://jira.example.org/browse/OPS-612 can you close it",
     "status ? closed"),
    ("pls resolve both https://tickets.example.com/tickets/613 and "
     "https://tickets.example.com/tickets/614", "status ? resolved"),
    ("see https://tickets.example.com/tickets/615 for the details, the vpn is down again",
     "free text"),
    # --- Teams markup: mentions, paragraphs, &nbsp;, lists -----------------------------------
    ("<at>Sam Rivera</at> can you take 616?",
     "ask assign #616 to ?: Should Sam Rivera take #616? [Yes]"),
    ("assign 617 to <at>Sam Rivera</at>", "assign #617 to user:u-sam"),
    ("<p>close 618</p>", "status #618 closed"),
    ("<p>hi&nbsp;team,</p><p>619 can be closed now</p>", "status #619 closed"),
    ("give 620 to&nbsp;priya&nbsp;pls", "assign #620 to user:u-priya"),
    ("<at>Sam Rivera</at> 621 is yours", "assign #621 to user:u-sam"),
    ("<at>Sam Rivera</at> fyi i gave 622 to you yesterday", "free text"),
    ("<p>thanks&nbsp;<at>Sam Rivera</at>!</p>", "small talk thanks"),
    ("<p>new ticket:&nbsp;scanner on 2nd floor jams</p>",
     "create title='Scanner on 2nd floor jams'"),
    ("<ul><li>close 623</li><li>close 624</li></ul>",
     "status #623 closed + status #624 closed"),
    ("<p>625&nbsp;→&nbsp;network</p>", "assign #625 to team:2"),
    # --- a complaint and a request in one message --------------------------------------------
    ("my vpn keeps dropping, so annoying!! can you log a ticket",
     "create title='My vpn keeps dropping'"),
    ("honestly 626 has been open for 3 weeks, can someone just escalate it",
     "edit #626 priority=urgent"),
    ("the printer is broken AGAIN. reopen 627", "status #627 open"),
    ("nobody has touched 628 since monday, give it to alex", "assign #628 to user:u-alex"),
    ("so frustrating, 629 was closed but the issue is still there - reopen it pls",
     "status #629 open"),
    ("i'm sick of chasing this. 630 urgent now", "edit #630 priority=urgent"),
    ("why does nobody answer?? put 631 to high", "edit #631 priority=high"),
    ("great, another week without email. 632 please make it urgent",
     "edit #632 priority=urgent"),
    ("ugh the wifi in room 5 dropped again, new ticket pls",
     "create title='The wifi in room 5 dropped again'"),
    ("thanks for nothing, 633 still broken. reopen", "status #633 open"),
    ("i've waited 2 days for 634!! who has it", "show #634 asked=assignee"),
    ("not happy with how 635 went. can a manager look at it?", "show #635"),
    # --- sarcasm ---------------------------------------------------------------------------------
    ("oh wonderful, 636 closed again without a fix 🙃",
     "ask status #636 ?: Should #636 be open? [Yes]"),
    ("sure, close 637, because that totally fixed it 🙄",
     "ask status #637 ?: Should #637 be closed? [Yes]"),
    ("yeah great job on 638 guys, only took a month", "show #638"),
    ("love how 639 is still 'in progress' after 3 weeks", "show #639 asked=status"),
    ("wow fast service, 640 only open since october", "show #640"),
    # --- questions that hold a change's verb -------------------------------------------------
    ("am i allowed to reopen tickets myself?", "question"),
    ("who closed 641?", "history #641"),
    ("should 642 be closed or resolved?", "show #642"),
    ("how do i assign a ticket to someone else", "question"),
    ("did alex reassign 643 yet?", "show #643"),
    ("what happens if i reopen 644?", "question"),
    ("is it ok to close 645 if the user doesn't reply?", "show #645"),
    ("can you close tickets from the bot?", "question"),
    ("why would anyone put 646 on hold", "show #646"),
    # --- negations -------------------------------------------------------------------------------
    ("dont close 647 yet the user is testing", "no change #647"),
    ("please don't give 648 to sam, he's off", "no change #648"),
    ("no need to make 649 urgent", "no change #649"),
    ("650 isn't fixed", "no change #650"),
    ("never reassign 651 without asking me", "no change #651"),
    ("i didn't ask for 652 to be closed", "no change #652"),
    ("not closing 653 till i hear back", "no change #653"),
    # --- conditions and plans --------------------------------------------------------------------
    ("if 654 isn't fixed by friday close it", "no change #654"),
    ("if sam is off tomorrow give 655 to alex", "no change #655"),
    ("close 656 unless the user replies today", "no change #656"),
    ("when the part arrives reopen 657", "no change #657"),
    ("once the vendor confirms, 658 can be resolved", "no change #658"),
    ("i'll close 659 after lunch", "no change #659"),
    # --- several tickets -------------------------------------------------------------------------
    ("close 660 661 662", "status #660, #661, #662 closed"),
    ("663 and 664 to network", "assign #663, #664 to team:2"),
    ("resolve 665, 666 stays open", "status #665 resolved"),
    ("667 high, 668 low", "edit #667 priority=high + edit #668 priority=low"),
    ("give 669 to priya and 670 to lee chen",
     "assign #669 to user:u-priya + assign #670 to user:u-leec"),
    ("671, 672 and 673 are all fixed", "status #671, #672, #673 resolved"),
    # --- dates -----------------------------------------------------------------------------------
    ("due next tue", "edit #7 due=2026-12-08"),
    ("674 due friday", "edit #674 due=2026-12-04"),
    ("push 675 to monday", "edit #675 due=2026-12-07"),
    ("set due date of 676 to 15/12", "edit #676 due=2026-12-15"),
    ("677 needs to be done by tomorrow", "edit #677 due=2026-12-03"),
    ("can 678 wait till january?", "show #678"),
    ("due date 10 dec for 679", "edit #679 due=2026-12-10"),
    # --- priorities ------------------------------------------------------------------------------
    ("680 prio high", "edit #680 priority=high"),
    ("lower 681 to medium, it's not blocking anyone", "edit #681 priority=medium"),
    ("682 is not that urgent tbh, medium is fine", "edit #682 priority=medium"),
    ("set priority", "ask edit #7 ? priority"),
    ("683 priority", "ask edit #683 ? priority"),
    ("make this one low prio", "edit #7 priority=low"),
    # --- assignments -----------------------------------------------------------------------------
    ("give 684 to lee", "ask assign #684 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("685 -> @priya", "assign #685 to user:u-priya"),
    ("can alex have 686", "assign #686 to user:u-alex"),
    ("send 687 over to the facilities folks", "assign #687 to team:3"),
    ("i'll look after 688", "assign #688 to user:u-jo"),
    ("take me off 689", "assign #689 to nobody"),
    ("pls assign to me", "assign #7 to user:u-jo"),
    ("690 → lee", "ask assign #690 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("give 691 to bob from accounts",
     "ask assign #691 to ?: I couldn't find “bob from accounts”. Who should take #691?"),
    ("this one can go to facilities", "assign #7 to team:3"),
    ("escalate 692 to the network team", "assign #692 to team:2"),
    ("move everything of alex to priya",
     "assign each of to user:u-priya (list all assignee=user:u-alex)"),
    # --- comments, with quotes ---------------------------------------------------------------
    ('add note to 693: user said "it worked yesterday"',
     "comment #693 'user said \"it worked yesterday\"'"),
    ("comment 694 called user, left vm", "comment #694 'called user, left vm'"),
    ("note on 695 - vendor says 'next week'", "comment #695 \"vendor says 'next week'\""),
    ("tell the user on 696 we're waiting for parts",
     "comment #696 \"we're waiting for parts\""),
    ("update 697: replaced toner, printing ok", "comment #697 'replaced toner, printing ok'"),
    # --- status changes with a reason ----------------------------------------------------------
    ("close 698 - duplicate of 699", "status #698 closed"),
    ("resolving 700, user confirmed it works", "status #700 resolved"),
    ("on hold 701 waiting for vendor", "status #701 on_hold"),
    ("702 on hold till the user is back from leave", "status #702 on_hold"),
    ("reopen 703 since the fix didnt stick", "status #703 open"),
    ("close 704 as wont fix",
     "ask status #704 ?: There is no “won't fix” status. Should #704 be closed? [Yes]"),
    ("705 is a dupe, close it", "status #705 closed"),
    # --- lists and searches ----------------------------------------------------------------------
    ("anything from sam this week?", "list all filed_by=user:u-sam created_from=2026-11-30"),
    ("what's overdue", "list all due=overdue"),
    ("show me all the printer tickets from last month",
     "list all created_from=2026-11-01 created_before=2026-12-01 text='printer'"),
    ("my urgent ones pls", "list mine priority=urgent"),
    ("what does alex have open", "list all status=open assignee=user:u-alex"),
    ("tickets for network team", "list all assignee=team:2"),
    ("tickets with no owner?", "list all assignee=nobody"),
    ("whats due today", "list all due=today"),
    ("anything new since yesterday?", "list all created_from=2026-12-01"),
    ("search outlook crash", "list all text='outlook crash'"),
    ("mine", "list mine"),
    # --- following up a list (none shown here: nothing is guessed) ---------------------------
    ("close the second one", "status ? closed"),
    ("and the urgent ones?", "list all priority=urgent"),
    ("only the open ones", "list all status=open"),
    ("give all of them to sam", "assign ? to user:u-sam"),
    ("which of those are mine?", "list mine"),
    # --- filing --------------------------------------------------------------------------------
    ("need a ticket for a new starter laptop", "create title='A new starter laptop'"),
    ("raise ticket: keyboard missing the E key", "create title='Keyboard missing the E key'"),
    ("can u make a tiket my outlook keeps crashing", "create title='My outlook keeps crashing'"),
    ("new ticket urgent: server down", "create title='Server down' priority=urgent"),
    ("new bug - login page 500 error", "create title='Login page 500 error' category=bug"),
    ("ticket pls: teams camera not working", "create title='Teams camera not working'"),
    ("Hello, I am new here. How I can make a complaint about my computer which is very slow?",
     "question"),
    ("i am not able to login since morning, kindly raise ticket",
     "create title='I am not able to login since morning'"),
    # --- non-native English ----------------------------------------------------------------------
    ("please do the needful for 706", "show #706"),
    ("kindly revert on ticket 707", "show #707"),
    ("708 please to make close", "status #708 closed"),
    ("ticket 709 same problem again happening", "show #709"),
    ("pls assign 710 at alex", "assign #710 to user:u-alex"),
    # --- typos and a phone's autocorrect ------------------------------------------------------
    ("clos 711", "status #711 closed"),
    ("asign 712 to me", "assign #712 to user:u-jo"),
    ("713 resolvd", "status #713 resolved"),
    ("put 714 in hold", "status #714 on_hold"),
    ("tske 715", "assign #715 to user:u-jo"),
    ("Close 716 thx Sam said it's fine", "status #716 closed"),
    # --- emoji, very short -----------------------------------------------------------------------
    ("👌", "small talk ok"),
    ("717 ✅", "ask status #717 ?: Should #717 be resolved? [Yes]"),
    ("🙏 pls take 718", "assign #718 to user:u-jo"),
    ("719?", "show #719"),
    ("okey dokey", "small talk ok"),
    ("yes pls close it", "status #7 closed"),
    # --- managers ----------------------------------------------------------------------------------
    ("who's overloaded right now?", "workload"),
    ("how many tickets did we close last week", "stats last_week"),
    ("sam and alex, can you two sort out 720 between you", "show #720"),
    # --- a long message with two requests ----------------------------------------------------
    ("Hi Jo, thanks for your help earlier. Quick one: the projector in room 4 is working "
     "again after facilities replaced the cable, so please resolve 721. Also 722 is still "
     "open and the user is chasing, can you make it high? Thanks!",
     "status #721 resolved + edit #722 priority=high"),
)

THIRTEENTH_MISREAD: frozenset[str] = frozenset({
    'am i allowed to reopen tickets myself?',
    'close https://tickets.example.com/tickets/602 pls',
    '<p>assign <a href="https://tickets.example.com/tickets/604">https://tickets.example.com/tickets/604</a> to me</p>',
    'ticket TKT-2026-0606 - please close, user confirmed',
    'grabbing https://tickets.example.com/tickets/610',
    'this is the jira one https://jira.example.org/browse/OPS-612 can you close it',
    'pls resolve both https://tickets.example.com/tickets/613 and https://tickets.example.com/tickets/614',
    'see https://tickets.example.com/tickets/615 for the details, the vpn is down again',
    'my vpn keeps dropping, so annoying!! can you log a ticket',
    'honestly 626 has been open for 3 weeks, can someone just escalate it',
    'so frustrating, 629 was closed but the issue is still there - reopen it pls',
    "i'm sick of chasing this. 630 urgent now",
    'ugh the wifi in room 5 dropped again, new ticket pls',
    'oh wonderful, 636 closed again without a fix 🙃',
    'yeah great job on 638 guys, only took a month',
    'wow fast service, 640 only open since october',
    "is it ok to close 645 if the user doesn't reply?",
    'can you close tickets from the bot?',
    'no need to make 649 urgent',
    "i didn't ask for 652 to be closed",
    "i'll close 659 after lunch",
    'resolve 665, 666 stays open',
    '667 high, 668 low',
    'due next tue',
    '682 is not that urgent tbh, medium is fine',
    '683 priority',
    'can alex have 686',
    'pls assign to me',
    'move everything of alex to priya',
    'on hold 701 waiting for vendor',
    'close the second one',
    'give all of them to sam',
    '708 please to make close',
    'ticket 709 same problem again happening',
    'pls assign 710 at alex',
    'clos 711',
    'tske 715',
    "Close 716 thx Sam said it's fine",
    '717 ✅',
    'sam and alex, can you two sort out 720 between you',
    'Hi Jo, thanks for your help earlier. Quick one: the projector in room 4 is working again after facilities replaced the cable, so please resolve 721. Also 722 is still open and the user is chasing, can you make it high? Thanks!',
})
