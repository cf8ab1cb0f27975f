"""A seventeenth held-out table: everyone at once, as they type in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-07
before running the rules on any of it: customers, agents and managers; typos, no
punctuation, all caps, emoji, Teams markup; loanwords from other languages; run-on
sentences; politeness, hedges and sarcasm; questions that are not requests; statements of
fact; conditions; negations; corrections; two requests in one message; relative dates;
names said casually ("sam", "Lee" where two Lees work); ticket numbers written every way
("#1312", "TKT-2026-1310", "ticket 1311", "t1302", "ticket thirteen forty"); lists asked
for; questions for the help assistant; small talk. Where a change would be a guess, the
right reading asks back.

The rules when it was written read 155 of its 195 lines as written here. Twelve lines an
earlier table already had ("help", "hiya", "👍", "close it", "my open tickets", …) were
replaced then by others of their kind, written before they were run, and 10 of those are read
right. Corrected after the first run, before any change, where earlier tables already say how
such a line is read: "ALEX TAKE 1413" assigns it, as "sam take 900 asap" does; "why is 1370
on hold" shows its history, as "why is 144 closed?" does; "would it be ok to put 1372 on
hold?" and "can 1369 be closed or …?" show the ticket, as "would it be ok to close 266?" and
"can someone close 12?" do; "put 1339 in progress and take it" makes the two changes, as
"take 77 and put it in progress" does. 158 of 195. None of the lines misread changes a
ticket it was not asked to.

Fixed by kind, never by the lines themselves. Wrong changes first: none of the table's
lines made one; writing look-alikes found that a ticket's state told as come about again was
made ("12 is closed again", "12 got closed again, brilliant", and "12 resolved, thanks for
nothing" posted "thanks for nothing" as why); now whether it should be is asked. Courtesy in
the words other languages lend ("gracias amigo", "danke, close 1424 bitte", "1429 pronto por
favor", "okie dokie", "thx a mil"); 163. Corrected then, as "774 is working again" and "5
works again" are read: "merci, 1423 is working now" resolves it (written as asking whether
to; "merci" was not read before, so the question came from the word not understood).
"this one's done" (was a list of done tickets searched for "this") and "make this urgent pls";
165. A ticket alone after "no wait", "typo" or "correction" is the ticket meant ("no wait,
1383", "sorry typo, 1388", "correction: it's 1389 not 1390"); 168. A ticket said not to need
its urgency asks which priority, as "12 is not urgent" does ("1379 shouldn't be urgent"); 169.
A ticket written "t1302" or "t-1358" ("any update on t1302?", "set t1309 to high", "close
t-1358"), never a model said as a thing ("my t480", "give the t14 to sam"); 172. A wrong
change found writing look-alikes: a link to a ticket under words of its own ("<p>can you
close <a href="…/TKT-2026-1422">this one</a></p>") closed the ticket in view, its link
dropped with the markup; now the link is read ("<p>see <a …>this</a></p>" shows 1422); 173.
The same with a link elsewhere ("<p>close <a href="https://jira…">this</a></p>" closed the
ticket in view): the link is kept after "this", which is then another system's item.
Words struck through in Teams ("<p><s>close 12</s></p>" closed 12) are taken back: not read.
Asked what the bot helps with, its help ("what can u help me with?"); 174. Who "has the most
on" is the workload; "atm" is "at the moment" ("whats on hold atm"); 176. A person pointed
to a ticket with an arrow takes it, as a ticket pointed to a person does ("priya shah →
1416"); 177.

`SEVENTEENTH_MISREAD` is what the rules still misread (18); none of it changes a ticket it
was not asked to. Changes missed: a second request joined by "and comment …" (1399), a
priority told with its reason after it ("1350 can drop to low, it's cosmetic"), "closing out
1306" (how "close out" and "wrap up" differ is undecided: the sixteenth table reads "wrap up"
as a close, the rules as a resolve), a request buried in a run-on (1431), a heading in bold
before the request (1420), hand-overs told or half-asked ("jo's taking 1414", "sammy can have
1412", "<at>Sam Rivera</at> 1409", "can someone else take 1432 maybe alex"). Questions and
hedges read as something else or as nothing ("when will 1320 be done" asks its due date,
"does anyone know why 1371 was reopened", "not sure 1365 should be closed tbh", "oh great,
1367 is broken again …", "i think 1366 might be …", "please revert on 1427"); statements of
fact about one ticket (1433, 1434), which the tables disagree on (see the sixteenth's).
"""

from __future__ import annotations

SEVENTEENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- customers: problems told, tickets chased -----------------------------------------------
    ("hi my laptop wont turn on since this morning 😭", "free text"),
    ("HELLO MY OUTLOOK IS NOT SYNCING AGAIN", "free text"),
    ("can u check 1301 pls its been 3 days", "show #1301"),
    ("any update on t1302?", "show #1302"),
    ("whats happening with #1303", "show #1303"),
    ("is 1304 fixed yet or", "show #1304 asked=status?closed,resolved"),
    ("the printer by reception is eating paper again!!!", "free text"),
    ("excuse me, who is dealing with my ticket 1317 please?", "show #1317 asked=assignee"),
    ("i raised 1318 last week and heard nothing back", "show #1318"),
    ("pls can someone look at 1319 its urgent i cant work", "show #1319"),
    ("my password expired and now i'm locked out of everything", "free text"),
    ("Good morning, the coffee machine on 4 is leaking water all over the floor",
     "free text"),
    ("could you open a ticket for me: keyboard missing the spacebar",
     "create title='Keyboard missing the spacebar'"),
    ("new ticket - teams camera not detected", "create title='Teams camera not detected'"),
    ("raise a ticket for facilities, the lift on the east side is stuck on floor 2",
     "create title='The lift on the east side is stuck on floor 2' to=team:3"),
    ("URGENT ticket pls: website down for customers",
     "create title='Website down for customers' priority=urgent"),
    ("when will 1320 be done, I have a deadline friday", "show #1320 asked=status"),
    ("1321 is still not working btw", "no change #1321"),
    ("ty for fixing 1322 so fast 🙏", "small talk thanks"),
    # --- agents working fast ------------------------------------------------------------------------
    ("1305 resolved, user confirmed", "status #1305 resolved"),
    ("closing out 1306", "status #1306 closed"),
    ("1307 on hold till vendor replies", "status #1307 on_hold"),
    ("pls mark 1308 as in progress", "status #1308 in_progress"),
    ("set t1309 to high", "edit #1309 priority=high"),
    ("TKT-2026-1310 → closed", "status #1310 closed"),
    ("ticket no. 1311 can be closed", "status #1311 closed"),
    ("#1312 is mine", "assign #1312 to user:u-jo"),
    ("reopen 1314 the user says its happening again", "status #1314 open"),
    ("1323 is resolved now", "status #1323 resolved"),
    ("RESOLVE 1324", "status #1324 resolved"),
    ("closee 1325 plz", "status #1325 closed"),
    ("asign 1326 to priya", "assign #1326 to user:u-priya"),
    ("1327 - priorty high", "edit #1327 priority=high"),
    ("unassign 1328", "assign #1328 to nobody"),
    ("take me off 1329", "assign #1329 to nobody"),
    ("send 1330 back to the queue pls", "back to the queue #1330"),
    ("comment on 1331: called user, left voicemail", "comment #1331 'called user, left voicemail'"),
    ("add a note to 1332 saying replacement ordered",
     "comment #1332 'replacement ordered'"),
    ("history of 1333 pls", "history #1333"),
    ("who has 1334", "show #1334 asked=assignee"),
    ("what's the priority on ticket 1335?", "show #1335 asked=priority"),
    ("when is 1336 due", "show #1336 asked=due"),
    ("is 1337 overdue?", "show #1337 asked=due?"),
    ("1338 is urgent", "edit #1338 priority=urgent"),
    ("put 1339 in progress and take it", "status #1339 in_progress + assign #1339 to user:u-jo"),
    # --- managers -----------------------------------------------------------------------------------
    ("sam can you take 1340", "ask assign #1340 to ?: Should Sam Rivera take #1340? [Yes]"),
    ("give 1341 to sam", "assign #1341 to user:u-sam"),
    ("1342 to lee", "ask assign #1342 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("assign 1343 to lee park", "assign #1343 to user:u-lee"),
    ("1344 should go to the network team", "assign #1344 to team:2"),
    ("move 1345 to facilities", "assign #1345 to team:3"),
    ("assign 1346 to bob", "ask assign #1346 to ?: I couldn't find “bob”. Who should take #1346?"),
    ("priya please pick up 1347", "assign #1347 to user:u-priya"),
    ("how's the team doing this week", "stats this_week"),
    ("who has the most on right now", "workload"),
    ("how did we do last week", "stats last_week"),
    ("make 1348 urgent, the CFO is asking", "edit #1348 priority=urgent"),
    ("let's bump 1349 to high", "edit #1349 priority=high"),
    ("1350 can drop to low, it's cosmetic", "edit #1350 priority=low"),
    ("alex, 1351 is yours", "assign #1351 to user:u-alex"),
    # --- ticket numbers every way -------------------------------------------------------------------
    ("close ticket thirteen fifty two", "status #1352 closed"),
    ("show TKT-2026-1353", "show #1353"),
    ("show me tkt 1354", "show #1354"),
    ("open ticket #1355", "show #1355"),
    ("whats the status of ticket no 1356", "show #1356 asked=status"),
    ("resolve nr. 1357", "status #1357 resolved"),
    ("close t-1358", "status #1358 closed"),
    ("pull up 1359", "show #1359"),
    ("what about 1360?", "show #1360"),
    ("1361?", "show #1361"),
    # --- lists --------------------------------------------------------------------------------------
    ("what's open for network", "list all status=open assignee=team:2"),
    ("anything urgent for me?", "list mine priority=urgent"),
    ("wat tickets do i have open rn", "list mine status=open"),
    ("show me everything that's overdue", "list all due=overdue"),
    ("what tickets did I raise", "list created"),
    ("is there anything nobody's picked up yet?", "list all assignee=nobody"),
    ("whats on hold atm", "list all status=on_hold"),
    ("what does sam have", "list all assignee=user:u-sam"),
    ("priya's open tickets pls", "list all status=open assignee=user:u-priya"),
    ("list facilities tickets", "list all assignee=team:3"),
    ("anything due tomorrow?", "list all due=tomorrow"),
    ("tickets about the vpn", "list all text='vpn'"),
    ("what's lee got", "ask list all: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("all high priority tickets", "list all priority=high"),
    ("SHOW ME MY TICKETS PLZ", "list mine"),
    ("which of my tickets are overdue", "list mine due=overdue"),
    ("what's in progress right now", "list all status=in_progress"),
    ("urgent stuff for IT Support?", "list all priority=urgent assignee=team:1"),
    ("anything new today", "list all created_from=2026-12-02"),
    # --- questions for the help assistant ---------------------------------------------------------
    ("how do i change my windows password", "question"),
    ("how do I book a meeting room", "question"),
    ("where can i find the wifi password for guests", "question"),
    ("am i allowed to install spotify on my work pc", "question"),
    ("how do I set up my out of office in outlook", "question"),
    ("what's the difference between resolved and closed", "question"),
    ("how do i map a network drive", "question"),
    ("who do I ask for a parking permit", "question"),
    ("is there a way to get teams notifications on my phone", "question"),
    ("how do I request software", "question"),
    ("what do i do if my laptop gets stolen", "question"),
    ("what can u help me with?", "help"),
    ("help pls 🙏", "help"),
    # --- small talk -------------------------------------------------------------------------------
    ("hiya team 👋", "small talk hello"),
    ("good afternoon!", "small talk hello"),
    ("thank u so much", "small talk thanks"),
    ("thx a mil", "small talk thanks"),
    ("much appreciated 🙂", "small talk thanks"),
    ("okie dokie", "small talk ok"),
    ("got it, ta", "small talk thanks"),
    ("are you a real person?", "small talk about"),
    ("👌🏼", "small talk ok"),
    ("perfect thank you", "small talk thanks"),
    # --- conditions, hedges, sarcasm, questions that are not requests -----------------------------
    ("if 1362 comes back, reopen it", "no change #1362"),
    ("if nobody answers by monday we can close 1363", "no change #1363"),
    ("maybe close 1364?", "ask status #1364 ?: Should #1364 be closed? [Yes]"),
    ("not sure 1365 should be closed tbh", "no change #1365"),
    ("i think 1366 might be a network thing", "show #1366"),
    ("oh great, 1367 is broken again, love that for us", "no change #1367"),
    ("sure, close 1368, why not, it's not like the user needs it 🙄", "no change #1368"),
    ("can 1369 be closed or is the user still testing?", "show #1369"),
    ("why is 1370 on hold", "history #1370"),
    ("does anyone know why 1371 was reopened", "show #1371"),
    ("would it be ok to put 1372 on hold?", "show #1372"),
    ("what happens if i close 1373 by accident", "question"),
    ("in case 1374 isn't fixed by friday, make it urgent", "no change #1374"),
    # --- negations ----------------------------------------------------------------------------------
    ("dont close 1375", "no change #1375"),
    ("DO NOT REOPEN 1376", "no change #1376"),
    ("1377 is not resolved, the user still can't print", "no change #1377"),
    ("no need to assign 1378 to anyone", "no change #1378"),
    ("1379 shouldn't be urgent", "ask edit #1379 ? priority"),
    ("never mind 1380, leave it as it is", "no change #1380"),
    ("please don't give 1381 to sam, he's off", "no change #1381"),
    # --- corrections --------------------------------------------------------------------------------
    ("no wait, 1383", "meant #1383"),
    ("close 1384, no sorry, 1385", "status #1385 closed"),
    ("oops, not 1386, i meant 1387", "meant #1387 not #1386"),
    ("sorry typo, 1388", "meant #1388"),
    ("correction: it's 1389 not 1390", "meant #1389 not #1390"),
    ("actually make it medium", "edit #7 priority=medium"),
    # --- two requests in one message ----------------------------------------------------------------
    ("close 1391 and 1392", "status #1391, #1392 closed"),
    ("close 1393 and give 1394 to alex", "status #1393 closed + assign #1394 to user:u-alex"),
    ("assign 1395 to me and set it to high", "assign #1395 to user:u-jo + edit #1395 priority=high"),
    ("resolve 1396 then show me my tickets", "status #1396 resolved + list mine"),
    ("1397 to sam, 1398 to priya", "assign #1397 to user:u-sam + assign #1398 to user:u-priya"),
    ("put 1399 on hold and comment waiting for parts",
     "status #1399 on_hold + comment #1399 'waiting for parts'"),
    # --- relative dates -----------------------------------------------------------------------------
    ("1400 due friday", "edit #1400 due=2026-12-04"),
    ("make 1401 due tomorrow", "edit #1401 due=2026-12-03"),
    ("1402 needs doing by next monday", "edit #1402 due=2026-12-07"),
    ("set the due date for 1403 to 14 dec", "edit #1403 due=2026-12-14"),
    ("1404 due in 2 weeks", "edit #1404 due=2026-12-16"),
    ("1405 by end of day please", "edit #1405 due=2026-12-02"),
    ("1406 is due 12/20", "edit #1406 due=2026-12-20"),
    ("move 1407's deadline to the 23rd", "edit #1407 due=2026-12-23"),
    ("1408 due yesterday",
     "ask edit #1408 due=2026-12-01: Tue 1 Dec 2026 is in the past. Should #1408 be due then? [Yes]"),
    ("what's due this week for network", "list all assignee=team:2 due=this_week"),
    ("what's due today for me", "list mine due=today"),
    # --- names said casually, mentions --------------------------------------------------------------
    ("<at>Sam Rivera</at> 1409", "ask assign #1409 to ?: Should Sam Rivera take #1409? [Yes]"),
    ("<at>TicketFlow</at> close 1410", "status #1410 closed"),
    ("<at>TicketFlow</at> show 1411", "show #1411"),
    ("sammy can have 1412", "ask assign #1412 to ?: I couldn't find “sammy”. Who should take #1412?"),
    ("ALEX TAKE 1413", "assign #1413 to user:u-alex"),
    ("jo's taking 1414", "assign #1414 to user:u-jo"),
    ("lee chen can have 1415", "assign #1415 to user:u-leec"),
    ("priya shah → 1416", "assign #1416 to user:u-priya"),
    # --- Teams markup -------------------------------------------------------------------------------
    ("<p>close&nbsp;1417</p>", "status #1417 closed"),
    ("<p>hi</p><p>can you resolve 1418?</p><p>thanks</p>", "status #1418 resolved"),
    ("<div>1419&nbsp;→&nbsp;network</div>", "assign #1419 to team:2"),
    ("<p><strong>URGENT</strong>: 1420 needs to be urgent priority</p>", "edit #1420 priority=urgent"),
    ("<p>1421 on hold&nbsp;👇 waiting for the user</p>", "status #1421 on_hold"),
    ('<p>see <a href="https://tickets.example.com/tickets/TKT-2026-1422">this</a></p>', "show #1422"),
    ("<p>&nbsp;</p><p>my tickets</p>", "list mine"),
    ("<p>thanks&nbsp;all&nbsp;🎉</p>", "small talk thanks"),
    # --- loanwords and other languages' ways --------------------------------------------------------
    ("merci, 1423 is working now", "status #1423 resolved"),
    ("danke, close 1424 bitte", "status #1424 closed"),
    ("gracias amigo", "small talk thanks"),
    ("1425 ist erledigt", "free text"),
    ("kindly do the needful for 1426", "show #1426"),
    ("please revert on 1427 at the earliest", "show #1427"),
    ("ciao! 1428 is ok now, you can close", "status #1428 closed"),
    ("namaste, my mouse is not working since yesterday", "free text"),
    ("1429 pronto por favor", "show #1429"),
    # --- run-on messages --------------------------------------------------------------------------
    ("so i tried restarting and clearing the cache and it still doesnt work and now my "
     "browser wont even open so can someone please help me", "free text"),
    ("hey so 1430 the one about the scanner i talked to the user and it was just the cable "
     "so you can close it thanks", "status #1430 closed"),
    ("right so the user on 1431 has gone on holiday for two weeks so can we put it on hold "
     "until she's back", "status #1431 on_hold"),
    ("ok I've got a lot on today so can someone else take 1432 maybe alex if he's free",
     "ask assign #1432 to ?: Should Alex Kim take #1432? [Yes]"),
    # --- statements of fact -----------------------------------------------------------------------
    ("the user for 1433 is sitting in building B now", "show #1433"),
    ("1434 was raised by the director", "show #1434"),
    ("1435 and 1436 are the same issue", "cannot merge #1435 #1436"),
    ("the server room is at 30 degrees", "free text"),
    ("sam is off sick today", "free text"),
    # --- the ticket in view -----------------------------------------------------------------------
    ("ok close it then", "status #7 closed"),
    ("this one's done", "status #7 resolved"),
    ("give it to priya", "assign #7 to user:u-priya"),
    ("who's on this", "show #7 asked=assignee"),
    ("make this urgent pls", "edit #7 priority=urgent"),
    ("add a comment: user is wfh today", "comment #7 'user is wfh today'"),
)

SEVENTEENTH_MISREAD: frozenset[str] = frozenset({
    'pls can someone look at 1319 its urgent i cant work',
    'when will 1320 be done, I have a deadline friday',
    'closing out 1306',
    "1350 can drop to low, it's cosmetic",
    'not sure 1365 should be closed tbh',
    'i think 1366 might be a network thing',
    'oh great, 1367 is broken again, love that for us',
    'does anyone know why 1371 was reopened',
    'put 1399 on hold and comment waiting for parts',
    '<at>Sam Rivera</at> 1409',
    'sammy can have 1412',
    "jo's taking 1414",
    '<p><strong>URGENT</strong>: 1420 needs to be urgent priority</p>',
    'please revert on 1427 at the earliest',
    "right so the user on 1431 has gone on holiday for two weeks so can we put it on hold until she's back",
    "ok I've got a lot on today so can someone else take 1432 maybe alex if he's free",
    'the user for 1433 is sitting in building B now',
    '1434 was raised by the director',
})
