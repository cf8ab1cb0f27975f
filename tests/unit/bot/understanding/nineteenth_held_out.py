"""A nineteenth held-out table: what real people type to a ticketing bot in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this" are #7, the ticket
the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-07
before running the rules on any of it: customers asking for tickets to be logged in their own
words, chasing and thanking; people writing in a second language; agents in shorthand;
managers asking for lists with filters and time windows, stats and workload; questions for
the help assistant; small talk; comments; every field changed in other words; corrections;
questions about a ticket; held-back changes; Teams markup, mentions and pasted text; typos,
all caps and emoji; two requests in one message; what TicketFlow lacks. Seven lines an
earlier table already had ("yo", "got it, thanks", "i'll take this one", …) were replaced
before the first run by others of their kind.

The rules when it was written read 169 of its 233 lines as written here. Corrected after the
first run, before any change, where earlier tables already say how such a line is read (173
with them): "my oldest open ticket" is the one oldest, as "show my oldest open ticket" is;
"nice one 👌" is thanks, as "nice one" is; "how i can see all my ticket" lists them, as "how
can I see my open tickets?" does; "1777 is for the facilities folks" asks whether Facilities
should take it, as "1217 is on priya now" does (told, or asked?).

Fixed by kind, never by the lines themselves. Wrong changes first: a comment "to this:" kept
"to this:" in the words posted (174); a change asked after a comment told with "that" ("comment
on 1831 that the part is ordered and put it on hold") was posted as part of the comment and
not made (175; "close 1792 actually hold on" read since by another fix, 176). Then asks where
the meaning is clear: a priority said short or after "in" once its field is named ("1857 prio
med", "… priority of 1720 in high") and "“please” is not a priority" (179); "fwd:" before a
request read as a hand-over to “close” (180).

`NINETEENTH_MISREAD` gives each line still misread its reason, starting with its kind: a
wrong change (none left), an ask where the meaning is clear (5), a miss read as nothing (31),
or other: read as something else that changes nothing (17).
"""

from __future__ import annotations

NINETEENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- customers asking for a ticket, in their own words --------------------------------------
    ("hey so my laptop fan sounds like a jet engine, could someone log that for me",
     "create title='My laptop fan sounds like a jet engine'"),
    ("raise a ticket pls: headset mic not picking up in teams calls",
     "create title='Headset mic not picking up in teams calls'"),
    ("new ticket for facilities - radiator in room 2.14 is stone cold",
     "create title='Radiator in room 2.14 is stone cold' to=team:3"),
    ("ticket please, urgent: payroll portal shows a 502 for all of finance",
     "create title='Payroll portal shows a 502 for all of finance' priority=urgent"),
    ("log a bug: the search box on the intranet ignores accents",
     "create title='The search box on the intranet ignores accents' category=bug"),
    ("can you open something for me, docking station not charging my laptop anymore",
     "create title='Docking station not charging my laptop anymore'"),
    ("<p>new ticket: <em>scanner jams on every page</em></p>", "create title='Scanner jams on every page'"),
    ("file one for me pls, the kitchen dishwasher is flooding", "create title='The kitchen dishwasher is flooding'"),
    ("could u create a ticket, teams keeps signing me out every hour",
     "create title='Teams keeps signing me out every hour'"),
    ("I want to open a ticket", "create title=?"),
    # --- problems told, not yet asked to be filed (the bot offers to) ---------------------------
    ("printer on 3 eating paper again 😩", "free text"),
    ("my second screen went black and won't come back", "free text"),
    ("Dear IT team, since this morning I cannot open any PDF attachment in Outlook. Could you "
     "please look into it? Best regards, Marta", "free text"),
    ("ich kann nicht drucken, the printer says offline", "free text"),
    ("requesting a new keyboard, mine has a sticky spacebar", "free text"),
    ("Error: 0x80004005 Unspecified error", "free text"),
    ("the lift smells like burning plastic", "free text"),
    ("onedrive stuck on 'processing changes' for 2 days now", "free text"),
    # --- customers chasing, thanking, telling ---------------------------------------------------
    ("any movement on 1701? it's been a week", "show #1701"),
    ("hello, checking on ticket 1702 please", "show #1702"),
    ("1703??", "show #1703"),
    ("is anybody even looking at 1704", "show #1704 asked=assignee?"),
    ("my ticket 1706 was closed but nobody fixed anything", "no change #1706"),
    ("please reopen 1707, the fix only lasted a day", "status #1707 open"),
    ("1708 is working again, thanks a lot!", "status #1708 resolved"),
    ("you can close 1709, I got a new charger from a colleague", "status #1709 closed"),
    ("i dont need 1710 anymore, cancel it", "status #1710 closed"),
    ("add to my ticket 1711: it also happens on my home wifi",
     "comment #1711 'it also happens on my home wifi'"),
    ("can I add a screenshot to 1713", "cannot attach #1713"),
    ("who do i talk to about 1714", "show #1714 asked=assignee"),
    ("thank u so much sam fixed my printer 🥳", "small talk thanks"),
    ("cheers for sorting 1715", "small talk thanks"),
    ("1716 is urgent, the whole floor has no internet", "edit #1716 priority=urgent"),
    ("still broken. 1852.", "no change #1852"),
    ("it's been 3 days on 1853, seriously", "show #1853"),
    # --- people writing in a second language ----------------------------------------------------
    ("please kindly do the needful for 1717", "show #1717"),
    ("1718 problem is solved now, you may close", "status #1718 closed"),
    ("i have raise 1719 yesterday still nobody come", "show #1719"),
    ("sir please change priority of 1720 in high", "edit #1720 priority=high"),
    ("pls assign 1721 on sam", "assign #1721 to user:u-sam"),
    ("what means status resolved vs closed", "question"),
    ("kindly revert on 1723 status", "show #1723 asked=status"),
    ("how i can see all my ticket", "list mine"),
    ("plz put 1725 in waiting, user is on vacation", "status #1725 on_hold"),
    ("1726 till when it will be done?", "show #1726 asked=due"),
    ("ticket 1854 you can do close, is ok now", "status #1854 closed"),
    ("por favor 1855 is urgent", "edit #1855 priority=urgent"),
    # --- agents in shorthand --------------------------------------------------------------------
    ("1727 → in progress", "status #1727 in_progress"),
    ("taking 1729 + 1730", "assign #1729, #1730 to user:u-jo"),
    ("1731 -> p1", "edit #1731 priority=urgent"),
    ("1732 resolved w/ reboot", "status #1732 resolved"),
    ("1733 parked until vendor replies", "status #1733 on_hold"),
    ("1735 due 10 dec", "edit #1735 due=2026-12-10"),
    ("1736 cat -> request", "edit #1736 category=request"),
    ("1737 / 1738 / 1739 → closed", "status #1737, #1738, #1739 closed"),
    ("1740 unassigned pls", "assign #1740 to nobody"),
    ("1741 note: user confirmed fix works on both laptops",
     "comment #1741 'user confirmed fix works on both laptops'"),
    ("1742 sev crit", "edit #1742 severity=critical"),
    ("1743 fixed, closing", "status #1743 closed"),
    ("dropping 1744, back to the pool", "back to the queue #1744"),
    ("1745 mine", "assign #1745 to user:u-jo"),
    ("mine now: 1746", "assign #1746 to user:u-jo"),
    ("1748 low prio, cosmetic only", "edit #1748 priority=low"),
    ("on 1749 now", "start and take #1749"),
    ("1750 wontfix pls", "ask status #1750 ?: There is no “won't fix” status. Which status should #1750 "
     "get? [open, in progress, on hold, resolved, closed]"),
    ("1856 -> facilities", "assign #1856 to team:3"),
    ("1857 prio med", "edit #1857 priority=medium"),
    # --- lists with filters and time windows ----------------------------------------------------
    ("what did sam close yesterday",
     "list all status=closed assignee=user:u-sam finished_from=2026-12-01 finished_before=2026-12-02"),
    ("open tickets older than 2 weeks", "list all status=open created_before=2026-11-18"),
    ("anything for network that nobody's touched since friday",
     "list all assignee=team:2 not_updated_since=2026-11-27"),
    ("tickets mentioning teams calls", "list all text='teams calls'"),
    ("find anything about sharepoint", "list all text='sharepoint'"),
    ("anything due for the facilities team this week?", "list all assignee=team:3 due=this_week"),
    ("what did i file last month", "list created created_from=2026-11-01 created_before=2026-12-01"),
    ("which of my tickets have no due date", "list mine due=none"),
    ("my stuff in progress", "list mine status=in_progress"),
    ("alex's tickets on hold", "list all status=on_hold assignee=user:u-alex"),
    ("everything lee chen raised this week", "list all filed_by=user:u-leec created_from=2026-11-30"),
    ("whats been updated since monday", "list all updated_since=2026-11-30"),
    ("newest 5 tickets for it support", "list all order=newest top=5 assignee=team:1"),
    ("tickets nobody has picked up", "list all assignee=nobody"),
    ("show me what's overdue for sam", "list all assignee=user:u-sam due=overdue"),
    ("what have i touched today", "list touched updated_since=2026-12-02"),
    ("my oldest open ticket", "list mine status=open order=oldest top=1"),
    ("tickets filed by priya that are still open", "list all status=open filed_by=user:u-priya"),
    ("how many tickets are open right now", "list all status=open"),
    ("what's in the network queue", "list all assignee=team:2"),
    ("show me ones due tomorrow that are still open", "list all status=open due=tomorrow"),
    ("any tickets about printers this week?", "list all created_from=2026-11-30 text='printers'"),
    ("sort my tickets by priority", "list mine order=priority"),
    ("<p>anything overdue?</p>", "list all due=overdue"),
    ("urgent stuff for lee park", "list all priority=urgent assignee=user:u-lee"),
    ("what's still open from last week", "list all status=open created_from=2026-11-23 created_before=2026-11-30"),
    ("tickets resolved today", "list all status=resolved finished_from=2026-12-02"),
    ("whats on hold for me", "list mine status=on_hold"),
    ("stuff raised by alex yesterday", "list all filed_by=user:u-alex created_from=2026-12-01 created_before=2026-12-02"),
    ("high and urgent tickets nobody owns", "list all priority=high,urgent assignee=nobody"),
    # --- stats and workload ---------------------------------------------------------------------
    ("weekly numbers pls", "stats this_week"),
    ("how many did we close today", "stats today"),
    ("month to date stats", "stats this_month"),
    ("how did last week go for the desk", "stats last_week"),
    ("who has the lightest load right now", "workload"),
    ("how loaded is everybody", "workload"),
    ("average time to close a ticket?", "cannot measure ?"),
    ("who's drowning in tickets at the moment", "workload"),
    # --- questions for the help assistant, and its help -----------------------------------------
    ("how do I assign a ticket to a team?", "question"),
    ("what's the difference between severity and priority", "question"),
    ("can you file tickets for other people?", "question"),
    ("what can I ask you", "help"),
    ("commands?", "help"),
    ("does the bot work in group chats", "question"),
    ("where do i reset my vpn token", "question"),
    ("what should i do if my account is locked", "question"),
    # --- small talk -----------------------------------------------------------------------------
    ("morning all ☕", "small talk hello"),
    ("ty!!", "small talk thanks"),
    ("appreciate it 🙌", "small talk thanks"),
    ("cool cool", "small talk ok"),
    ("gotcha, ta very much", "small talk thanks"),
    ("am i talking to a human or a bot", "small talk about"),
    ("legend, cheers", "small talk thanks"),
    ("what's the weather like", "question"),
    ("i love fridays", "free text"),
    ("yo bot", "small talk hello"),
    ("nice one 👌", "small talk thanks"),
    # --- comments -------------------------------------------------------------------------------
    ("comment on 1751: waiting for the replacement part", "comment #1751 'waiting for the replacement part'"),
    ("tell the user on 1752 we'll be there at 2pm", "comment #1752 \"we'll be there at 2pm\""),
    ("note for 1753 - spoke to vendor, eta thursday", "comment #1753 'spoke to vendor, eta thursday'"),
    ("reply to 1754 saying the password has been reset", "comment #1754 'the password has been reset'"),
    ("put a note on it that i called twice", "comment #7 'i called twice'"),
    ("add a comment to this: user will bring laptop in tomorrow",
     "comment #7 'user will bring laptop in tomorrow'"),
    ("write on 1858 that the toner is on order", "comment #1858 'the toner is on order'"),
    # --- status, priority, due date and assignee in other words ---------------------------------
    ("mark 1756 as done", "status #1756 resolved"),
    ("1757 can be put on ice till next week", "status #1757 on_hold"),
    ("1759 isn't fixed, reopen it", "status #1759 open"),
    ("set 1762 back to in progress", "status #1762 in_progress"),
    ("1763: resolved ✔️", "status #1763 resolved"),
    ("put this back to open", "status #7 open"),
    ("1764 isnt that urgent, make it medium", "edit #1764 priority=medium"),
    ("raise priority on 1765 to urgent", "edit #1765 priority=urgent"),
    ("crank 1766 up to high", "edit #1766 priority=high"),
    ("lower the priority of 1768 please", "ask edit #1768 ? priority"),
    ("1769 priority: low", "edit #1769 priority=low"),
    ("1770 needs to be done by the 15th", "edit #1770 due=2026-12-15"),
    ("move 1771's deadline to jan 8", "edit #1771 due=2027-01-08"),
    ("give 1772 two more days", "edit #1772 due+=2d"),
    ("no deadline on 1773 anymore", "edit #1773 due=none"),
    ("due date for 1774: monday", "edit #1774 due=2026-12-07"),
    ("1775 due in 3 days", "edit #1775 due=2026-12-05"),
    ("it's due thursday", "edit #7 due=2026-12-03"),
    ("hand 1776 to priya shah", "assign #1776 to user:u-priya"),
    ("1777 is for the facilities folks", "ask assign #1777 to ?: Should Facilities take #1777? [Yes]"),
    ("can alex have 1778", "ask assign #1778 to ?: Should Alex Kim take #1778? [Yes]"),
    ("leave this one with me", "assign #7 to user:u-jo"),
    ("reassign 1779 from lee park to lee chen", "assign #1779 to user:u-leec"),
    ("put 1780 in the it support queue", "assign #1780 to team:1"),
    ("take me off 1781 pls", "assign #1781 to nobody"),
    ("<at>Sam Rivera</at> 1782 is yours", "assign #1782 to user:u-sam"),
    ("lee can you grab 1783", "ask assign #1783 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("1859 to the network team please", "assign #1859 to team:2"),
    ("make 1860 a feature request", "edit #1860 category=feature"),
    # --- corrections and minds changed ----------------------------------------------------------
    ("close 1784 — wait, i meant 1785", "status #1785 closed"),
    ("oops, 1786 not 1787", "meant #1786 not #1787"),
    ("assign 1788 to priya, sorry, to alex", "assign #1788 to user:u-alex"),
    ("make 1789 high. no, medium", "edit #1789 priority=medium"),
    ("typo earlier, i meant 1790", "meant #1790"),
    ("due monday for 1791.. scratch that, tuesday", "edit #1791 due=2026-12-08"),
    ("close 1792 actually hold on", "no change #1792"),
    ("resolve 1793, sorry, close it", "status #1793 closed"),
    ("put 1861 on hold. nope, in progress", "status #1861 in_progress"),
    ("give 1862 to facilities, my bad, network", "assign #1862 to team:2"),
    # --- questions about a ticket ---------------------------------------------------------------
    ("who last touched 1794", "history #1794"),
    ("how long has 1795 been sitting there", "show #1795"),
    ("is 1796 with network or facilities?", "show #1796 asked=assignee"),
    ("whats the category on 1798", "show #1798 asked=category"),
    ("is 1799 high or urgent", "show #1799 asked=priority"),
    ("what's holding up 1801", "show #1801"),
    ("1802 - who's the requester?", "show #1802 asked=requester"),
    ("any comments on 1803?", "show #1803"),
    ("is it assigned to me?", "show #7 asked=assignee?"),
    ("what's the due date on this one", "show #7 asked=due"),
    ("what severity is 1863", "show #1863 asked=severity"),
    ("has 1864 been closed?", "show #1864 asked=status?closed"),
    ("who changed the priority on 1865", "history #1865"),
    # --- held back, hypothetical, declined ------------------------------------------------------
    ("don't bother closing 1804, it'll reopen anyway", "no change #1804"),
    ("hold off on 1805 for now", "no change #1805"),
    ("1806 doesn't need to be urgent", "ask edit #1806 ? priority"),
    ("not yet on 1807", "no change #1807"),
    ("what if i close 1808 by accident", "show #1808"),
    ("should i reopen 1809?", "show #1809"),
    ("i'd rather not reassign 1810", "no change #1810"),
    ("leave 1811 with sam", "no change #1811"),
    ("don't change 1866's priority", "no change #1866"),
    ("never mind 1867", "no change #1867"),
    # --- Teams markup and pasted text -----------------------------------------------------------
    ("<p>Hi <at>TicketFlow</at>, please close 1812. Thanks!</p>", "status #1812 closed"),
    ("<p><strong>1813</strong> → on hold</p>", "status #1813 on_hold"),
    ("<p>can you</p><p>give 1814</p><p>to alex</p>", "assign #1814 to user:u-alex"),
    ("<ul><li>1815</li><li>1816</li></ul><p>both resolved</p>", "status #1815, #1816 resolved"),
    ("<p>who has 1818?&nbsp;🤔</p>", "show #1818 asked=assignee"),
    ("<p><at>Sam Rivera</at> thanks for jumping on 1819!</p>", "small talk thanks"),
    ("<p>set <b>1820</b> due friday</p>", "edit #1820 due=2026-12-04"),
    ("<div><at>TicketFlow</at> help</div>", "help"),
    ('<p>please see <a href="https://tickets.example.com/tickets/TKT-2026-1821">TKT-2026-1821</a> '
     "and assign it to me</p>", "assign #1821 to user:u-jo"),
    ("<p>1822</p><p><br></p><p>urgent pls</p>", "edit #1822 priority=urgent"),
    ("> close 1823\nyes go ahead", "status #1823 closed"),
    ("fwd: please close 1825 – user confirmed fixed", "status #1825 closed"),
    ("<p>hi <at>Sam Rivera</at>, can you take 1868?</p>",
     "ask assign #1868 to ?: Should Sam Rivera take #1868? [Yes]"),
    ("<p>what&#39;s the status of 1869?</p>", "show #1869 asked=status"),
    # --- two requests in one message ------------------------------------------------------------
    ("close 1826 and put 1827 on hold", "status #1826 closed + status #1827 on_hold"),
    ("reopen 1829 and give it to priya", "status #1829 open + assign #1829 to user:u-priya"),
    ("set 1830 to high and due monday", "edit #1830 priority=high due=2026-12-07"),
    ("comment on 1831 that the part is ordered and put it on hold",
     "comment #1831 'the part is ordered' + status #1831 on_hold"),
    ("assign 1870 to me and start it", "assign #1870 to user:u-jo + status #1870 in_progress"),
    # --- what TicketFlow lacks ------------------------------------------------------------------
    ("1832 same as 1833", "cannot merge #1832 #1833"),
    ("remind me to check 1834 friday", "cannot remind #1834"),
    ("undo what you just did on 1835", "cannot undo #1835"),
    ("split 1836 into one for each laptop", "cannot split #1836"),
    ("approve 1837 pls", "cannot approve #1837"),
    ("link 1838 with 1839 they're related", "cannot link #1838 #1839"),
    ("add lee chen as a watcher to 1871", "cannot watch #1871"),
    # --- typos, all caps, emoji -----------------------------------------------------------------
    ("asign 1840 to me", "assign #1840 to user:u-jo"),
    ("reopne 1841", "status #1841 open"),
    ("1842 on hlod", "status #1842 on_hold"),
    ("prioirty 1843 urgnet", "edit #1843 priority=urgent"),
    ("shw me 1844", "show #1844"),
    ("whos got 1845", "show #1845 asked=assignee"),
    ("cloes 1846 thx", "status #1846 closed"),
    ("hgih prio on 1847", "edit #1847 priority=high"),
    ("1848 🔒", "show #1848"),
    ("🙏 pls someone look at 1849", "show #1849"),
    ("IS 1850 FIXED OR NOT", "show #1850 asked=status?closed,resolved"),
    ("PRIORITY 1851 HIGH!!!", "edit #1851 priority=high"),
    ("ASSIGN 1872 TO NETWORK", "assign #1872 to team:2"),
    ("1873 closd", "status #1873 closed"),
)

NINETEENTH_MISREAD: dict[str, str] = {
    'ticket please, urgent: payroll portal shows a 502 for all of finance':
        'miss: a ticket asked for before its priority and title, 502 taken for a ticket number',
    'can you open something for me, docking station not charging my laptop anymore':
        "miss: 'open something for me' not read as asking for a ticket",
    'file one for me pls, the kitchen dishwasher is flooding':
        "miss: 'file one for me' before the problem not read as asking for a ticket",
    'Dear IT team, since this morning I cannot open any PDF attachment in Outlook. Could you please look into it? Best regards, Marta':
        'other: a problem mailed in goes to the help assistant, not offered as a ticket',
    'hello, checking on ticket 1702 please':
        "miss: a ticket chased after 'checking on' is not shown",
    'my ticket 1706 was closed but nobody fixed anything':
        'miss: a ticket told closed but not fixed is not answered with how it stands',
    'i dont need 1710 anymore, cancel it':
        "miss: 'cancel it' after a ticket not needed is no close",
    'thank u so much sam fixed my printer 🥳':
        "miss: thanks for someone's fix not read as thanks",
    '1716 is urgent, the whole floor has no internet':
        "miss: 'no internet' in the reason read as a refusal of the priority",
    "it's been 3 days on 1853, seriously":
        'miss: a ticket chased in a complaint is not shown',
    'i have raise 1719 yesterday still nobody come':
        'miss: a ticket chased in a second language is not shown',
    '1726 till when it will be done?':
        "other: 'till when' not read as asking its due date",
    'ticket 1854 you can do close, is ok now':
        "asks: 'you can do close' not read as a close",
    '1732 resolved w/ reboot':
        "miss: 'w/ how' after the status",
    '1737 / 1738 / 1739 → closed':
        'miss: tickets separated by slashes',
    '1740 unassigned pls':
        "asks: 'unassigned' after a ticket not read as unassign",
    '1741 note: user confirmed fix works on both laptops':
        "miss: a ticket-first 'note:' is no comment",
    '1742 sev crit':
        "miss: 'crit' for critical",
    'dropping 1744, back to the pool':
        "miss: 'dropping' a ticket and 'the pool' for the queue",
    '1745 mine':
        "asks: 'mine' after a ticket not read as taking it",
    'mine now: 1746':
        "miss: 'mine now:' before a ticket",
    '1748 low prio, cosmetic only':
        'miss: priority run on into its reason',
    'what did sam close yesterday':
        "other: someone's closes listed as what they touched, not finished yesterday",
    'open tickets older than 2 weeks':
        "other: 'older than 2 weeks' searched as text",
    'anything due for the facilities team this week?':
        'other: a list asked in other words goes to the help assistant',
    'whats been updated since monday':
        "other: 'whats been' lists every status",
    'any tickets about printers this week?':
        'other: the week searched as text, not a window',
    'stuff raised by alex yesterday':
        'asks: a day after a name read as part of the name',
    'month to date stats':
        "miss: 'month to date' not read as this month's stats",
    'how did last week go for the desk':
        'other: stats asked in other words go to the help assistant',
    'who has the lightest load right now':
        'other: workload asked in other words goes to the help assistant',
    'average time to close a ticket?':
        'other: a measure TicketFlow lacks goes to the help assistant',
    "who's drowning in tickets at the moment":
        'other: workload in slang searched as text',
    'can you file tickets for other people?':
        "other: a how question listed as a search for 'other people'",
    'what can I ask you':
        "other: goes to the help assistant, not the bot's help",
    'am i talking to a human or a bot':
        'other: goes to the help assistant, not who the bot is',
    '1757 can be put on ice till next week':
        "miss: 'on ice' for on hold",
    'crank 1766 up to high':
        "miss: 'crank up' for raise",
    'leave this one with me':
        "miss: 'leave it with me' not read as taking it",
    'lee can you grab 1783':
        "miss: 'grab' asked of a Lee is not asked back",
    'typo earlier, i meant 1790':
        "miss: 'typo earlier' before the ticket meant",
    'due monday for 1791.. scratch that, tuesday':
        'miss: a due day first, then corrected',
    'who last touched 1794':
        'other: who last touched it answered with when, not its history',
    'is 1796 with network or facilities?':
        'other: which team has it not read as asking who',
    'is 1799 high or urgent':
        'other: asks only whether it is urgent',
    "don't bother closing 1804, it'll reopen anyway":
        "miss: 'don't bother closing' not answered with how it stands",
    'hold off on 1805 for now':
        "asks: 'hold off' offered as on hold",
    'not yet on 1807':
        "miss: 'not yet' before a ticket not answered with how it stands",
    'never mind 1867':
        "miss: 'never mind' before a ticket not answered with how it stands",
    '<p>please see <a href="https://tickets.example.com/tickets/TKT-2026-1821">TKT-2026-1821</a> and assign it to me</p>':
        "miss: 'please see <link> and assign it' not read",
    '1832 same as 1833':
        "miss: 'same as' between two tickets is no merge",
    'hgih prio on 1847':
        "miss: 'hgih' for high",
    '🙏 pls someone look at 1849':
        "miss: 'someone look at' a ticket is not shown",
}
