"""An eighteenth held-out table: what real people type to a ticketing bot in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this" are #7, the ticket
the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-07
before running the rules on any of it: customers (angry, vague, non-native English, typos,
phone-typed, all caps, emoji), agents working a queue in shorthand, managers triaging in
bulk, Teams markup pasted, minds changed mid-message, questions about tickets rather than
requests, and chat about something else. Over a third of it should change nothing: it asks,
shows, lists, declines or answers (122 of its 204 lines).

Figures: 204 lines; first run 151 right as written; 161 on the rules before any change once
the expectations below were corrected and the repeated lines replaced; 180 after the fixes;
24 strict xfails in `EIGHTEENTH_MISREAD`, none of which changes a ticket.

Corrected after the first run where the fixture or earlier tables already say how such a line
is read (never to make a line pass that the rules misread): a ticket told still not fixed is
answered with how it stands (`no change`: "1503 is still not fixed!!!", "1649 still same
problem not solve", "my ticket 1504 you close it but problem is still there", as "my ticket 36
is still not fixed" and "you closed 346 without asking me and it is NOT fixed"); someone asked
"can you pick up 1564" is asked whether they should take it, as "sam can you take 1340" is;
"has anyone looked at 1602 yet" asks whether anyone has it, "should 1610 be high priority?"
its priority, "is this one still open?" whether it is not done yet; "why is 1601 still open"
and "did sam close 1615?" show the card, as "why is 26 still open??" and "did someone close
26?" do; "grabbing 1531" starts and takes it, as "picking up" does; "great, close" asks which
ticket, as "close" alone does; "happy wednesday everyone 😀" is chat (`free text`), as "happy
friday all 🎉" is. Two mentions of people other than Sam were rewritten as mentions of Sam
(the table's conversation mentions Sam only). Eleven lines an earlier table already had ("ok",
"hello?", "i need a new mouse", …) were replaced by others of their kind, written before
they were run.

Fixed by kind, never by the lines themselves. Wrong changes first: a change thought better
of was made ("give 1658 to alex... on second thought i'll keep it" gave it to Alex, "close 12
... on second thought leave it" closed it, "close 12 - sorry, keep it open" closed it with
"sorry, keep it open" as why); now taken back. A fix told with how ("<b>Update:</b> 1583 fixed
by replacing the toner") posted "fixed by replacing the toner" as a comment and left the
ticket open; now resolved, how as why. Then misses: a priority run on into why with no comma
("… 1510 urgent pls my boss is shouting" asked which status that is); "oh no" before a slip
("close 1597 oh no sorry wrong one, 1598"); a queue's shorthand after the ticket ("1542
unassign", "1548 cat incident", "1549 sev major"); a problem told gone ("ticket 1648 problem
solved …", "1525 can be closed, issue not coming now", whose "not" took the close back); why
someone changed it, in few words ("why u close my ticket 1650??"); hand-overs in passing ("…
to priya, he's off next week", "<at>Sam Rivera</at> fyi 1653 is yours now", "wrong ticket
number sorry, i meant 1516 not 1515"); "please do priority high for 1524"; "ok whatever";
"1618 should stay open" (offered as a new ticket); "plz chk 1528 asap".

Still misread: statements and complaints that should show the ticket go to the help
assistant or nowhere (1512, 1523, 1550, 1651, 1652); held-back changes told as statements
("1642 can't be closed until …", "no need to escalate 1663", "nah leave it", "i might close
1640 later") are free text, not `no change`;
several tickets narrowed or split ("close 1592 and 1593, actually just 1592", "resolve 1667
and 1668, 1669 stays open") are asked back whole; a due day corrected when the ticket comes
last ("due friday for 1596, sorry i mean thursday"); a ticket-first note ("1544: rebooted the
switch, monitoring"), "1539 2 network" ("2" for "to"), a favour asked for "today?" (1576),
lists said in other words ("anything urgent going on?", "close every resolved ticket of
sam's", "everything of priya's that's overdue").
"""

from __future__ import annotations

EIGHTEENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- customers: problems told, tickets chased, often angry ----------------------------------
    ("my vpn keeps dropping every 10 min, its driving me mad", "free text"),
    ("WHY IS NOBODY ANSWERING MY TICKET 1501", "show #1501"),
    ("still waiting on 1502 🙄", "show #1502"),
    ("1503 is still not fixed!!! this is unacceptable", "no change #1503"),
    ("hi, pc very slow since the update, pls help", "free text"),
    ("my ticket 1504 you close it but problem is still there", "no change #1504"),
    ("can someone call me about 1505 pls", "show #1505"),
    ("thx for fixing 1506 so fast 🙏", "small talk thanks"),
    ("1507 works now you can close it", "status #1507 closed"),
    ("pls close my ticket 1508 i dont need it anymore", "status #1508 closed"),
    ("the wifi in meeting room 4 is down again 😡😡", "free text"),
    ("URGENT!!! CEO LAPTOP BROKEN", "free text"),
    ("can u make my ticket 1510 urgent pls my boss is shouting", "edit #1510 priority=urgent"),
    ("who is handling 1511?? nobody replied in 2 days", "show #1511 asked=assignee"),
    ("ticket 1512 - same problem again today", "show #1512"),
    ("i need a second monitor for my desk pls", "free text"),
    ("can i get access to the finance shared drive", "free text"),
    ("add to 1513 that the error code is 0x80070005", "comment #1513 'the error code is 0x80070005'"),
    ("wrong ticket number sorry, i meant 1516 not 1515", "meant #1516 not #1515"),
    ("pls dont close 1517 its not fixed", "no change #1517"),
    ("can you tell me what's the status of my ticket please 1518", "show #1518 asked=status"),
    ("why u close my ticket 1650??", "history #1650"),
    ("1649 still same problem not solve", "no change #1649"),
    ("ticket 1648 problem solved thank you very much", "status #1648 resolved"),
    ("nothing is working today i give up", "free text"),
    ("wow 1651 only took 3 weeks, great job everyone", "show #1651"),
    ("love how 1652 got closed without anyone asking me", "history #1652"),
    ("the coffee machine on the 2nd floor is leaking again lol", "free text"),
    # --- non-native English -------------------------------------------------------------------
    ("helo i can not login to sap system kindly help", "free text"),
    ("please to assign 1519 to network team", "assign #1519 to team:2"),
    ("kindly close the ticket 1520 as issue is resolved now", "status #1520 closed"),
    ("1521 same issue is coming again, please reopen", "status #1521 open"),
    ("sir my outlook is not opening from morning", "free text"),
    ("please update me the status for 1522", "show #1522 asked=status"),
    ("i am waiting since 1 week for 1523", "show #1523"),
    ("please do priority high for 1524", "edit #1524 priority=high"),
    ("1525 can be closed, issue not coming now", "status #1525 closed"),
    ("pls give 1526 to priya she knows this system", "assign #1526 to user:u-priya"),
    ("what is meaning of on hold status", "question"),
    ("ticket 1527 is solve?", "show #1527 asked=status?closed,resolved"),
    ("plz chk 1528 asap", "show #1528"),
    ("pls i need help my email not sending to outside", "free text"),
    ("how to make new ticket", "question"),
    # --- agents working the queue in shorthand --------------------------------------------------
    ("1529 wip", "status #1529 in_progress"),
    ("1530 -> resolved", "status #1530 resolved"),
    ("grabbing 1531", "start and take #1531"),
    ("1532 prio high", "edit #1532 priority=high"),
    ("1533 done", "status #1533 resolved"),
    ("1534 dup of 1490", "cannot merge #1534 #1490"),
    ("1535 waiting on user", "status #1535 on_hold"),
    ("1536 back to open", "status #1536 open"),
    ("1537 low", "edit #1537 priority=low"),
    ("1538 → sam", "assign #1538 to user:u-sam"),
    ("1539 2 network", "assign #1539 to team:2"),
    ("1540 closed, user confirmed", "status #1540 closed"),
    ("1541 pending vendor", "status #1541 on_hold"),
    ("1542 unassign", "assign #1542 to nobody"),
    ("1543 due fri", "edit #1543 due=2026-12-04"),
    ("1544: rebooted the switch, monitoring", "comment #1544 'rebooted the switch, monitoring'"),
    ("1545 + 1546 closed", "status #1545, #1546 closed"),
    ("1547 back in queue", "back to the queue #1547"),
    ("1548 cat incident", "edit #1548 category=incident"),
    ("1549 sev major", "edit #1549 severity=major"),
    ("re 1550 - user on leave til monday", "show #1550"),
    ("1552 fixed - dns cache", "status #1552 resolved"),
    ("1553 reopen pls", "status #1553 open"),
    ("1627 ✅ fixed", "status #1627 resolved"),
    ("🔥🔥 1628 🔥🔥", "show #1628"),
    ("what's unassigned", "list all assignee=nobody"),
    ("my high prio stuff", "list mine priority=high"),
    ("anything overdue on my plate", "list mine due=overdue"),
    ("what do i have due today", "list mine due=today"),
    ("whats on hold", "list all status=on_hold"),
    ("anything urgent going on?", "list all priority=urgent"),
    ("list tickets about the printer", "list all text='printer'"),
    ("my resolved tickets", "list mine status=resolved"),
    ("which of mine are past due", "list mine due=overdue"),
    # --- managers triaging in bulk -------------------------------------------------------------
    ("close every resolved ticket of sam's",
     "status each of closed (list all status=resolved assignee=user:u-sam)"),
    ("move everything alex has to priya, he's off next week",
     "assign each of to user:u-priya (list all assignee=user:u-alex)"),
    ("give 1554, 1555 and 1556 to network", "assign #1554, #1555, #1556 to team:2"),
    ("who's got the most tickets at the moment", "workload"),
    ("show me everything urgent that nobody has", "list all priority=urgent assignee=nobody"),
    ("make 1561 and 1562 high", "edit #1561, #1562 priority=high"),
    ("lee take 1563", "ask assign #1563 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("lee chen can you pick up 1564", "ask assign #1564 to ?: Should Lee Chen take #1564? [Yes]"),
    ("reassign all of lee park's open tickets to alex",
     "assign each of to user:u-alex (list all status=open assignee=user:u-lee)"),
    ("how are we doing this week", "stats this_week"),
    ("don't touch 1566 until legal comes back", "no change #1566"),
    ("put 1567 and 1568 on hold till january", "status #1567, #1568 on_hold"),
    ("set due date for 1571 to 15th dec", "edit #1571 due=2026-12-15"),
    ("push 1572 out a week", "edit #1572 due+=7d"),
    ("what's open for facilities", "list all status=open assignee=team:3"),
    ("show me sam's open stuff", "list all status=open assignee=user:u-sam"),
    ("how many open ones has network got", "list all status=open assignee=team:2"),
    ("everything of priya's that's overdue", "list all assignee=user:u-priya due=overdue"),
    ("what came in today", "list all created_from=2026-12-02"),
    ("lee has too much on, give 1569 to someone else", "show #1569"),
    ("who should take 1570?", "show #1570"),
    # --- Teams markup pasted ---------------------------------------------------------------------
    ("<p>close 1575 pls</p>", "status #1575 closed"),
    ("<p><at>Sam Rivera</at> could you pick up 1576 today?</p>",
     "ask assign #1576 to ?: Should Sam Rivera take #1576? [Yes]"),
    ("<p>1577</p><p>resolved</p>", "status #1577 resolved"),
    ("<p>hi team,</p><p>can someone have a look at 1578?</p><p>thanks</p>", "show #1578"),
    ("<p>assign 1579 to <at>Sam Rivera</at></p>", "assign #1579 to user:u-sam"),
    ("<p>thanks <at>TicketFlow</at>!</p>", "small talk thanks"),
    ("<at>TicketFlow</at> show 1580", "show #1580"),
    ("<p>1581 priority&nbsp;→ high</p>", "edit #1581 priority=high"),
    ("<blockquote>close 1582</blockquote><p>no, leave it open</p>", "no change #1582"),
    ("<p><b>Update:</b> 1583 fixed by replacing the toner</p>", "status #1583 resolved"),
    ("<p>can you close 1584<br>and 1585</p>", "status #1584, #1585 closed"),
    ("<p>👍</p><p>1586 can go to facilities</p>", "assign #1586 to team:3"),
    ('<p>is <a href="https://tickets.example.com/tickets/TKT-2026-1587">TKT-2026-1587</a> done?</p>',
     "show #1587 asked=status?closed,resolved"),
    ("<p>hi</p><p>my screen keeps flickering</p>", "free text"),
    ("<p><at>Sam Rivera</at> fyi 1653 is yours now</p>", "assign #1653 to user:u-sam"),
    ("<p>who is on 1654?</p>", "show #1654 asked=assignee"),
    ("<div>please don&#39;t close 1655</div>", "no change #1655"),
    ("<p>1656&nbsp;on hold<br>waiting for the courier</p>", "status #1656 on_hold"),
    # --- minds changed mid-message ---------------------------------------------------------------
    ("close 1588... actually no leave it open", "no change #1588"),
    ("give 1589 to sam, no wait, to priya", "assign #1589 to user:u-priya"),
    ("set 1590 to high, actually make it urgent", "edit #1590 priority=urgent"),
    ("resolve 1591 - hmm no, put it on hold instead", "status #1591 on_hold"),
    ("close 1592 and 1593, actually just 1592", "status #1592 closed"),
    ("assign 1594 to me. nvm, leave it", "no change #1594"),
    ("due friday for 1596, sorry i mean thursday", "edit #1596 due=2026-12-03"),
    ("close 1597 oh no sorry wrong one, 1598", "status #1598 closed"),
    ("was going to close 1657 but the user just replied, leave it", "no change #1657"),
    ("give 1658 to alex... on second thought i'll keep it", "no change #1658"),
    # --- questions about tickets, not requests to change them -----------------------------------
    ("who closed 1600 and why", "history #1600"),
    ("why is 1601 still open", "show #1601"),
    ("has anyone looked at 1602 yet", "show #1602 asked=assignee?"),
    ("is 1603 assigned to anyone", "show #1603 asked=assignee?"),
    ("what priority is 1604", "show #1604 asked=priority"),
    ("who raised 1605", "show #1605 asked=requester"),
    ("is 1606 urgent?", "show #1606 asked=priority?urgent"),
    ("when was 1607 last updated", "show #1607 asked=updated"),
    ("what's 1608 about", "show #1608"),
    ("can i close 1609 or is the user still testing", "show #1609"),
    ("should 1610 be high priority?", "show #1610 asked=priority"),
    ("what happened to 1611?", "history #1611"),
    ("is 1612 overdue", "show #1612 asked=due?"),
    ("who is working on 1613 and 1614", "show #1613, #1614 asked=assignee"),
    ("did sam close 1615?", "show #1615"),
    ("would closing 1639 break anything?", "show #1639"),
    ("i might close 1640 later", "show #1640"),
    ("not sure who should take 1641", "show #1641"),
    ("is 1659 still on hold?", "show #1659 asked=status?on_hold"),
    ("when is 1660 due", "show #1660 asked=due"),
    ("what category is 1661 under", "show #1661 asked=category"),
    ("how do i change my password on the vpn", "question"),
    ("what does severity mean", "question"),
    # --- declined, held back, conditions --------------------------------------------------------
    ("no don't assign 1616 to lee", "no change #1616"),
    ("leave 1617 as it is", "no change #1617"),
    ("1618 should stay open", "no change #1618"),
    ("i don't want 1619 closed yet", "no change #1619"),
    ("do NOT reopen 1620", "no change #1620"),
    ("if the user doesn't reply by friday close 1622", "no change #1622"),
    ("once the part arrives we can close 1623", "no change #1623"),
    ("1642 can't be closed until finance signs off", "no change #1642"),
    ("i'm not closing 1643, the user is still having issues", "no change #1643"),
    ("don't give 1662 to sam, he's on leave", "no change #1662"),
    ("no need to escalate 1663", "no change #1663"),
    # --- chat about something else --------------------------------------------------------------
    ("anyone up for lunch?", "question"),
    ("good morning team!", "small talk hello"),
    ("meeting moved to 3pm", "free text"),
    ("can someone close the window in room 3, it's freezing", "free text"),
    ("i'll be out tomorrow, lee park is covering", "free text"),
    ("who's on call tonight", "question"),
    ("did anyone see the game last night", "question"),
    ("happy wednesday everyone 😀", "free text"),
    ("okey", "small talk ok"),
    ("ok whatever", "small talk ok"),
    ("hellooo??", "small talk hello"),
    ("help me", "help"),
    # --- the ticket in view ---------------------------------------------------------------------
    ("ok assign it to me", "assign #7 to user:u-jo"),
    ("bump this to high", "edit #7 priority=high"),
    ("and who raised it?", "show #7 asked=requester"),
    ("great, close", "status ? closed"),
    ("put it on hold till monday", "status #7 on_hold"),
    ("hmm why was this reopened", "history #7"),
    ("is it overdue", "show #7 asked=due?"),
    ("nah leave it", "no change #7"),
    ("send it to facilities", "assign #7 to team:3"),
    ("add note: called user, no answer", "comment #7 'called user, no answer'"),
    ("is this one still open?", "show #7 asked=status?in_progress,on_hold,open"),
    ("who's got it now", "show #7 asked=assignee"),
    # --- all caps, phone typing, typos -----------------------------------------------------------
    ("Close 1624 please thank you", "status #1624 closed"),
    ("CLOSE 1625 NOW", "status #1625 closed"),
    ("REOPEN 1626 ITS BROKEN AGAIN", "status #1626 open"),
    ("Assign 1629 to Sam Rivera.", "assign #1629 to user:u-sam"),
    ("Can you please set ticket 1630 to In Progress", "status #1630 in_progress"),
    ("1631 Close", "status #1631 closed"),
    ("Ticket 1632 Resolved Thanks", "status #1632 resolved"),
    ("Whats the status on 1633?", "show #1633 asked=status"),
    ("assing 1634 to alex", "assign #1634 to user:u-alex"),
    ("clsoe 1635", "status #1635 closed"),
    ("resovle 1636 pls", "status #1636 resolved"),
    ("pirority of 1637 to low", "edit #1637 priority=low"),
    ("1638 in progess", "status #1638 in_progress"),
    ("Is 1644 Done Yet", "show #1644 asked=status?closed,resolved"),
    ("WHO HAS 1645", "show #1645 asked=assignee"),
    ("Give 1646 To Priya", "assign #1646 to user:u-priya"),
    # --- two requests in one message ------------------------------------------------------------
    ("close 1664 and give 1665 to sam", "status #1664 closed + assign #1665 to user:u-sam"),
    ("take 1666 and make it high", "assign #1666 to user:u-jo + edit #1666 priority=high"),
    ("resolve 1667 and 1668, 1669 stays open", "status #1667, #1668 resolved"),
    ("assign 1670 to network and set it urgent", "assign #1670 to team:2 + edit #1670 priority=urgent"),
)

EIGHTEENTH_MISREAD: frozenset[str] = frozenset({
    'my ticket 1504 you close it but problem is still there',
    'ticket 1512 - same problem again today',
    'wow 1651 only took 3 weeks, great job everyone',
    'love how 1652 got closed without anyone asking me',
    'i am waiting since 1 week for 1523',
    'ticket 1527 is solve?',
    '1539 2 network',
    '1544: rebooted the switch, monitoring',
    're 1550 - user on leave til monday',
    "everything of priya's that's overdue",
    'lee has too much on, give 1569 to someone else',
    '<p><at>Sam Rivera</at> could you pick up 1576 today?</p>',
    'close 1592 and 1593, actually just 1592',
    'due friday for 1596, sorry i mean thursday',
    'was going to close 1657 but the user just replied, leave it',
    'i might close 1640 later',
    'not sure who should take 1641',
    "1642 can't be closed until finance signs off",
    'no need to escalate 1663',
    'anything urgent going on?',
    "close every resolved ticket of sam's",
    'hmm why was this reopened',
    'nah leave it',
    'resolve 1667 and 1668, 1669 stays open',
})
