"""A fourteenth held-out table: everyday chat, said to the bot by staff and customers alike.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one", "my ticket"
are #7, the ticket the conversation last showed; two Lees; today is Wednesday 2 December
2026; `<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on
2026-12-06 before running the rules on any of it, as a mix of what people send in a day:
status changes, hand-overs, comments, priorities and due dates, lists and searches,
questions about a ticket, new tickets, small talk and thanks, complaints, statements of
fact, questions for the help assistant, two tickets in one message, corrections,
negations, hypotheticals, quoted text, typos, no punctuation, lower case, emoji,
non-native English, very short and very long messages, mentions. About a third must
change nothing. Where a change would be a guess, the right reading asks back.

The rules when it was written read 113 of its 151 lines as written here. Corrected after the
first run, before any change, where earlier tables already say how such a line is read:
"starting on 851 now" and "i'm working on 776 now" start it (`status … in_progress`, as
"starting on 52 now", "I'm working on 4"), not "start and take"; "what happened with 768" is
its history; "whats going on with my ticket" lists one's own (as the twelfth table's "can i
get an update on my ticket pls"); "if 799 is fixed can we close it?" changes nothing (as the
thirteenth's conditions). Fourteen lines an earlier table already had were replaced by
others of their kind, written before they were run: 117 of 151 with all of that.

Fixed by kind, never by the lines themselves. Wrong changes first: a look asked of someone
named with "please" ("<at>Sam Rivera</at> please take a look at 825", "priya pls check 12")
gave them the ticket, as "Sam, please take 12" does; now whether they should take it is
asked; 118. Found writing look-alikes, none in the table: a question or a goodbye after a
change was posted as its reason ("close 12, also whats the status of 13", "close 12, good
weekend all"); a close whose reason says it is not done was made ("close 814, the user says
its still broken"). Then changes missed: a status run straight on into why ("hold 738 until
the new laptop arrives", "kindly close the ticket 820 as issue is resolved", "hey can you
close 814 the user said its working now thanks"); 121. Found writing look-alikes: "it" after
two tickets named was the first ("sorry not 789, i meant 790 - close it" closed 789); what is
said of another ticket was posted as the reason ("779 is done, 780 isnt"). A priority said
before a new ticket's title ("create ticket high priority outlook not syncing"); 122. A
comment typed in quotes posted with them; a hand-over run on into why ("815 to alex please
he knows the system"); 124. Found writing look-alikes too: "comment on 812 pls" posted "pls";
"737 works now, closing" resolved 737 with "closing" posted as why.

`FOURTEENTH_MISREAD` is what the rules still misread (25); none of it changes a ticket it
was not asked to. Someone else's fix told is asked about, not made ("sam fixed 778
yesterday", "the user closed 834 themselves", "thanks sam for sorting 771": "Should … be
resolved?"). Told, not asked, left as free text: "the printer from 775 is still jammed",
"the user on 777 is on holiday till monday", "833 was already closed last week", "this is
the third time 772 has broken this month", "the ticket number is 843 btw", "I don't think
836 should be urgent", "i'm off tomorrow, can someone cover 847", "787 is the same issue as
788". A request after what is told or quoted: "the user confirmed 737 works, closing", 'sam
said "807 can be closed" - go ahead'. Who takes it asked as a question ("can sam pick up
743?": asked whether Sam should take it), "what is sam doing at the moment" (to the help
assistant), "nobody ever answers my tickets" and "is there a way to bulk close tickets"
(searched), "actually make that high not urgent", "no, leave 796 with alex" and 'the user
wrote "please close my ticket 805" …' (free text), "maybe we should put 802 on hold?"
(shown), "not sure if 844 is fixed, can you check with the user" (asks whether to resolve
it, as other hedges), "can't close 837, the button is greyed out" and the customer's long
chase of 831 ("OK, I'll leave it as it is"), "has anyone looked at 770 yet" (asks whether
anyone has it).
Read right since (2026-12-07): "close 852 lol" and "which tickets have nobody on them".
"""

from __future__ import annotations

FOURTEENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- status changes ----------------------------------------------------------------------
    ("730 can be closed now, the user is happy", "status #730 closed"),
    ("pls set 731 to in progress", "status #731 in_progress"),
    ("resolve 732 pls, fixed by restarting the print spooler", "status #732 resolved"),
    ("733 done", "status #733 resolved"),
    ("put 734 back to open", "status #734 open"),
    ("mark 735 resolved - replaced the mouse", "status #735 resolved"),
    ("736 is sorted now, you can close it", "status #736 closed"),
    ("the user confirmed 737 works, closing", "status #737 closed"),
    ("hold 738 until the new laptop arrives", "status #738 on_hold"),
    ("can u reopen 739 the issue came back", "status #739 open"),
    ("CLOSE 740", "status #740 closed"),
    ("741 fixed ✔️", "status #741 resolved"),
    ("starting on 851 now", "status #851 in_progress"),
    ("close 852 lol", "status #852 closed"),
    ("go ahead and resolve it", "status #7 resolved"),
    # --- hand-overs ------------------------------------------------------------------------------
    ("hand 742 over to priya", "assign #742 to user:u-priya"),
    ("can sam pick up 743?", "assign #743 to user:u-sam"),
    ("744 → network team", "assign #744 to team:2"),
    ("reassign 745 from alex to sam", "assign #745 to user:u-sam"),
    ("i'll take 746", "assign #746 to user:u-jo"),
    ("assign 747 to lee park", "assign #747 to user:u-lee"),
    ("give this one to the facilities team", "assign #7 to team:3"),
    ("748 should go to <at>Sam Rivera</at>", "assign #748 to user:u-sam"),
    ("unassign 749", "assign #749 to nobody"),
    ("pass 750 to lee pls", "ask assign #750 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("<at>Sam Rivera</at> please take a look at 825",
     "ask assign #825 to ?: Should Sam Rivera take #825? [Yes]"),
    ("get priya to deal with this one", "assign #7 to user:u-priya"),
    # --- comments --------------------------------------------------------------------------------
    ("add a comment to 752: spoke to user, will try again tomorrow",
     "comment #752 'spoke to user, will try again tomorrow'"),
    ("note for 753 - waiting on the vendor to ship the part",
     "comment #753 'waiting on the vendor to ship the part'"),
    ('comment on 754 "rebooted router, looks stable"',
     "comment #754 'rebooted router, looks stable'"),
    ("let the user on 755 know we'll be there at 2pm", "comment #755 \"we'll be there at 2pm\""),
    ("add to 756: called the user twice, no answer",
     "comment #756 'called the user twice, no answer'"),
    ('comment 808: user says "still broken, please help"',
     "comment #808 'user says \"still broken, please help\"'"),
    # --- priorities and due dates ----------------------------------------------------------------
    ("bump 757 to urgent", "edit #757 priority=urgent"),
    ("758 is not urgent anymore, set it to low", "edit #758 priority=low"),
    ("priority of 759 should be high", "edit #759 priority=high"),
    ("make it medium", "edit #7 priority=medium"),
    ("set 760 due on the 14th", "edit #760 due=2026-12-14"),
    ("761 needs doing by thursday", "edit #761 due=2026-12-03"),
    ("move the due date of 762 to next monday", "edit #762 due=2026-12-07"),
    ("prioirty 813 high", "edit #813 priority=high"),
    # --- lists and searches ----------------------------------------------------------------------
    ("show my open tickets from this week", "list mine status=open created_from=2026-11-30"),
    ("what is sam doing at the moment", "list all assignee=user:u-sam"),
    ("any tickets mentioning teams calls?", "list all text='teams calls'"),
    ("list urgent tickets", "list all priority=urgent"),
    ("what's on hold at the moment", "list all status=on_hold"),
    ("tickets assigned to facilities", "list all assignee=team:3"),
    ("show me everything that's overdue for network", "list all assignee=team:2 due=overdue"),
    ("what did i file last week",
     "list created created_from=2026-11-23 created_before=2026-11-30"),
    ("find the ticket about the broken projector", "list all text='broken projector'"),
    ("which tickets have nobody on them", "list all assignee=nobody"),
    ("my tikets plz", "list mine"),
    # --- questions about a ticket --------------------------------------------------------------
    ("who's got 764?", "show #764 asked=assignee"),
    ("is 765 closed?", "show #765 asked=status?closed"),
    ("what priority is 766", "show #766 asked=priority"),
    ("when's 767 due", "show #767 asked=due"),
    ("what happened with 768", "history #768"),
    ("who raised 769?", "show #769 asked=requester"),
    ("has anyone looked at 770 yet", "show #770"),
    ("whats going on with my ticket", "list mine"),
    ("pls update me the status of 823", "show #823 asked=status"),
    ("who closed 773 without asking me??", "history #773"),
    ("the ticket number is 843 btw", "show #843"),
    # --- new tickets -----------------------------------------------------------------------------
    ("new ticket: monitor flickering in room 12", "create title='Monitor flickering in room 12'"),
    ("please open a ticket, the coffee machine on floor 2 is leaking",
     "create title='The coffee machine on floor 2 is leaking'"),
    ("log a ticket for me - can't print from my laptop",
     "create title=\"Can't print from my laptop\""),
    ("create ticket high priority outlook not syncing",
     "create title='Outlook not syncing' priority=high"),
    ("file a bug: export button does nothing",
     "create title='Export button does nothing' category=bug"),
    ("i need a new headset for calls", "free text"),
    # --- small talk and thanks -----------------------------------------------------------------
    ("thx a lot!", "small talk thanks"),
    ("good morning 🙂", "small talk hello"),
    ("cheers for that 👍", "small talk thanks"),
    ("ok got it", "small talk ok"),
    ("you're a star, thank you so much", "small talk thanks"),
    ("morning team", "small talk hello"),
    ("👌👍", "small talk ok"),
    ("thanks sam for sorting 771", "small talk thanks"),
    ("thanks <at>Sam Rivera</at> for the quick fix on 826", "small talk thanks"),
    ("many thanks 🙏", "small talk thanks"),
    ("ok understood 👍", "small talk ok"),
    # --- complaints ------------------------------------------------------------------------------
    ("this is the third time 772 has broken this month", "show #772"),
    ("nobody ever answers my tickets", "free text"),
    ("the bot is useless", "free text"),
    ("😡 819 still not working", "no change #819"),
    ("can't close 837, the button is greyed out", "show #837"),
    ("I don't think 836 should be urgent", "no change #836"),
    # --- statements of fact --------------------------------------------------------------------
    ("774 is working again", "status #774 resolved"),
    ("the printer from 775 is still jammed", "no change #775"),
    ("i'm working on 776 now", "status #776 in_progress"),
    ("the user on 777 is on holiday till monday", "show #777"),
    ("sam fixed 778 yesterday", "status #778 resolved"),
    ("833 was already closed last week", "show #833"),
    ("the user closed 834 themselves", "show #834"),
    ("<at>Sam Rivera</at> fyi 827 was escalated by the customer", "free text"),
    ("i closed 832 by mistake", "cannot undo #832"),
    # --- questions for the help assistant ------------------------------------------------------
    ("how do i unlock my account after too many tries?", "question"),
    ("where can i find the vpn setup guide", "question"),
    ("whats the guest wifi called", "question"),
    ("how do I connect to the printer on floor 3", "question"),
    ("can i install zoom on my work laptop?", "question"),
    ("difference between on hold and in progress?", "question"),
    ("how long does it usually take to get a new laptop", "question"),
    ("is there a way to bulk close tickets", "question"),
    ("i have doubt, how to change my email signature?", "question"),
    # --- two tickets -----------------------------------------------------------------------------
    ("close 779 and 780", "status #779, #780 closed"),
    ("781 to sam, 782 to priya", "assign #781 to user:u-sam + assign #782 to user:u-priya"),
    ("resolve 783 and put 784 on hold", "status #783 resolved + status #784 on_hold"),
    ("close 785 as a duplicate of 786", "status #785 closed"),
    ("787 is the same issue as 788", "cannot merge #787 #788"),
    ("link 841 to 842", "cannot link #841 #842"),
    # --- corrections -----------------------------------------------------------------------------
    ("sorry i meant 789 not 790", "meant #789 not #790"),
    ("oops wrong ticket, it should have been 791", "meant #791"),
    ("actually make that high not urgent", "edit #7 priority=high"),
    # --- negations -------------------------------------------------------------------------------
    ("don't close 792", "no change #792"),
    ("pls dont reassign 793 its nearly done", "no change #793"),
    ("do not resolve 794 until the user confirms", "no change #794"),
    ("795 should not be closed yet", "no change #795"),
    ("no, leave 796 with alex", "no change #796"),
    ("we're not closing 797, the user still has the issue", "no change #797"),
    ("stop, don't change the priority of 798", "no change #798"),
    ("ticket 822 is not solved until now, please check", "no change #822"),
    # --- hypotheticals and plans -----------------------------------------------------------------
    ("if 799 is fixed can we close it?", "no change #799"),
    ("would it be ok to give 800 to sam?", "show #800"),
    ("if the user doesn't reply by friday we can close 801", "no change #801"),
    ("maybe we should put 802 on hold?", "ask status #802 ?: Should #802 be put on hold? [Yes]"),
    ("what if we close 803 and the user complains?", "show #803"),
    ("should i close 804?", "show #804"),
    ("not sure if 844 is fixed, can you check with the user", "show #844"),
    ("who should i give 838 to?", "show #838"),
    ("remind me about 840 tomorrow", "cannot remind #840"),
    # --- quoted text -----------------------------------------------------------------------------
    ('the user wrote "please close my ticket 805" but the issue isnt fixed', "no change #805"),
    ("> close 806\nno wait, not yet", "no change #806"),
    ('sam said "807 can be closed" - go ahead', "status #807 closed"),
    # --- typos -----------------------------------------------------------------------------------
    ("asign 809 to priya", "assign #809 to user:u-priya"),
    ("reslove 810", "status #810 resolved"),
    ("put 811 on hodl", "status #811 on_hold"),
    ("cloes 812 pls", "status #812 closed"),
    # --- no punctuation, lower case --------------------------------------------------------------
    ("hey can you close 814 the user said its working now thanks", "status #814 closed"),
    ("815 to alex please he knows the system", "assign #815 to user:u-alex"),
    ("need 816 done by friday its for the ceo", "edit #816 due=2026-12-04"),
    # --- emoji -----------------------------------------------------------------------------------
    ("817 🔥🔥🔥", "show #817"),
    ("✅ 818 done", "status #818 resolved"),
    # --- non-native English ----------------------------------------------------------------------
    ("kindly close the ticket 820 as issue is resolved", "status #820 closed"),
    ("please to assign 821 for me", "assign #821 to user:u-jo"),
    ("sir my laptop not starting since morning please do needful", "free text"),
    # --- very short ----------------------------------------------------------------------------
    ("824", "show #824"),
    ("who has the most tickets at the moment", "workload"),
    # --- long messages ---------------------------------------------------------------------------
    ("Hi team, just a heads up that the network outage from this morning is over. The user "
     "on 828 confirmed their connection is back, so please close 828. 829 is a different "
     "problem though, leave that one open for now.", "status #828 closed"),
    ("Morning all! Quick update from my side: I spent most of yesterday on 830 with the "
     "vendor, we think it's the firmware, they'll send a patch by Friday. I'll keep you "
     "posted.", "free text"),
    ("Hello, I raised a ticket last week about my monitor (831) and nobody has contacted me "
     "yet. Could someone please have a look? It's quite urgent as I can't work properly.",
     "show #831"),
    ("i'm off tomorrow, can someone cover 847", "show #847"),
)

FOURTEENTH_MISREAD: frozenset[str] = frozenset({
    'the user confirmed 737 works, closing',
    'can sam pick up 743?',
    'what is sam doing at the moment',
    'has anyone looked at 770 yet',
    'the ticket number is 843 btw',
    'thanks sam for sorting 771',
    'this is the third time 772 has broken this month',
    'nobody ever answers my tickets',
    "can't close 837, the button is greyed out",
    "I don't think 836 should be urgent",
    'the printer from 775 is still jammed',
    'the user on 777 is on holiday till monday',
    'sam fixed 778 yesterday',
    '833 was already closed last week',
    'the user closed 834 themselves',
    'is there a way to bulk close tickets',
    '787 is the same issue as 788',
    'actually make that high not urgent',
    'no, leave 796 with alex',
    'maybe we should put 802 on hold?',
    'not sure if 844 is fixed, can you check with the user',
    'the user wrote "please close my ticket 805" but the issue isnt fixed',
    'sam said "807 can be closed" - go ahead',
    "Hello, I raised a ticket last week about my monitor (831) and nobody has contacted me yet. Could someone please have a look? It's quite urgent as I can't work properly.",
    "i'm off tomorrow, can someone cover 847",
})
