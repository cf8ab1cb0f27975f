"""A fifth held-out table: how customers, agents and managers write to a helpdesk bot in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it" and "that one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam). Written on 2026-12-05 before looking at the rules
it is read by: terse and verbose, non-native English, typos, voice-dictated run-ons, Slack
shorthand, emoji, several changes in one message, follow-ups that point back, what must be
asked about instead of guessed, and what must not be acted on.

Understanding reads one message with the ticket last shown; it does not know the change
asked for a turn before, so "same for 84" was written to show #84 (a card with its buttons).
Since 2026-12-07 it is read as the same change meant of 84 too (`meant #84 too`), which the
action layer makes only when it knows that change for certain, asks about otherwise, and
with no change just made still shows #84.

Corrected after the first run, before any fix: five lines were already in earlier tables
(`nvm`, 👍, `what's overdue?`, `anything unassigned?`, `cancel that`) and were replaced by
others of their kind; a problem ending "can someone help?" is a question for the help
assistant (which offers to file it), as the rules read it; "take 77 and put it in progress"
assigns #77 to the viewer and starts it (two changes, the same result as "start and take");
"64 ✅" shows #64 (a tick alone is no status: the card's buttons are one tap away).

Corrected on 2026-12-05 by the sixth table's author: "the last one, make it low" with no list
shown asks which ticket (`edit ? priority=low`) rather than guess the one in view.

The rules when it was written read 67 of its 100 lines as written here. `FIFTH_MISREAD` is
what they still misread.
"""

from __future__ import annotations

FIFTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- customers, terse and verbose ----------------------------------------------------------
    ("hi, my laptop screen is flickering since this morning, can someone help?", "question"),
    ("Can you please raise a ticket for me, the projector in meeting room B has no signal",
     "create title='The projector in meeting room B has no signal'"),
    ("new ticket - cant print from teams 🖨️", "create title='Cant print from teams'"),
    ("any news on 52?", "show #52"),
    ("hey whats happening with my ticket 53", "show #53"),
    ("is 54 fixed or not", "show #54 asked=status?closed,resolved"),
    ("Hello team, I opened TKT-2026-0055 yesterday and nobody has answered yet. Could someone "
     "have a look please?", "show #55"),
    ("pls close 56 its fine now", "status #56 closed"),
    ("56 can be closed thx", "status #56 closed"),
    ("whats going on with my printer ticket", "list own text='printer'"),
    ("I need to report something", "create title=?"),
    # --- non-native English --------------------------------------------------------------------
    ("please can you do close for ticket 57", "status #57 closed"),
    ("i want that 57 is assign to priya", "assign #57 to user:u-priya"),
    ("ticket 58 is again not working, please open again", "status #58 open"),
    ("sorry for disturb, the 58 is solved, you can close it", "status #58 closed"),
    ("how much tickets I have open", "list mine status=open"),
    ("give me list of urgent ticket", "list all priority=urgent"),
    ("who is doing the 59?", "show #59 asked=assignee"),
    ("please to make 59 priority high", "edit #59 priority=high"),
    # --- typos ---------------------------------------------------------------------------------
    ("cloes 60", "status #60 closed"),
    ("assgin 60 to alex", "assign #60 to user:u-alex"),
    ("resovle it", "status #7 resolved"),
    ("my opne tickets", "list mine status=open"),
    ("urgnet tickets", "list all priority=urgent"),
    # --- voice-dictated run-ons ----------------------------------------------------------------
    ("hey ticketflow can you close ticket number 61 please thank you", "status #61 closed"),
    ("okay so the printer on the third floor is jammed again and nobody can print can you open "
     "a ticket for that", "create title='The printer on the third floor is jammed again and "
     "nobody can print'"),
    ("assign 62 to sam rivera please and set it to high priority",
     "assign #62 to user:u-sam + edit #62 priority=high"),
    ("ticket 63 I'm looking at it now", "start and take #63"),
    ("can you show me ticket 63 please thanks", "show #63"),
    # --- Slack-style shorthand -----------------------------------------------------------------
    ("64 -> done", "status #64 resolved"),
    ("ptal 65", "show #65"),
    ("eta on 66?", "show #66 asked=due"),
    ("66 lgtm, closing", "status #66 closed"),
    ("nvm, forget it", "cancel"),
    ("thx!!", "small talk thanks"),
    ("np", "small talk ok"),
    # --- emoji ---------------------------------------------------------------------------------
    ("👍👍", "small talk ok"),
    ("🙏🙏", "small talk thanks"),
    ("68 🔥🔥 urgent", "edit #68 priority=urgent"),
    ("printer on fire 🔥 literally", "free text"),
    ("hiya 👋", "small talk hello"),
    # --- several requests in one message -------------------------------------------------------
    ("close 69, resolve 70", "status #69 closed + status #70 resolved"),
    ("resolve 71 and give 72 to alex", "status #71 resolved + assign #72 to user:u-alex"),
    ("make 73 high and 74 low", "edit #73 priority=high + edit #74 priority=low"),
    ("assign 75 and 76 to the network team", "assign #75, #76 to team:2"),
    ("take 77 and put it in progress", "assign #77 to user:u-jo + status #77 in_progress"),
    ("new ticket: badge doesnt open door on floor 4, urgent pls",
     "create title='Badge doesnt open door on floor 4' priority=urgent"),
    # --- follow-ups that point back ------------------------------------------------------------
    ("what about 80?", "show #80"),
    ("and 81?", "show #81"),
    ("same for 84", "meant #84 too"),
    ("close that one as well", "status #7 closed"),
    ("give that one to priya", "assign #7 to user:u-priya"),
    ("the last one, make it low", "edit ? priority=low"),  # no list shown: which one is asked
    ("also add a comment: waiting on the vendor", "comment #7 'waiting on the vendor'"),
    ("reopen it pls, still broken", "status #7 open"),
    ("who closed my ticket without asking me??", "history #7"),
    # --- managers ------------------------------------------------------------------------------
    ("how many urgent tickets are open right now?", "list all status=open priority=urgent"),
    ("whats overdue for the network team", "list all assignee=team:2 due=overdue"),
    ("show me everything the network team has open", "list all status=open assignee=team:2"),
    ("any tickets nobody picked up yet?", "list all assignee=nobody"),
    ("Can I get a list of all high priority tickets for facilities",
     "list all priority=high assignee=team:3"),
    ("tickets updated today", "list all updated_since=2026-12-02"),
    ("what is alex working on", "list all assignee=user:u-alex"),
    ("priya's overdue tickets", "list all assignee=user:u-priya due=overdue"),
    ("tickets I raised this month", "list created created_from=2026-12-01"),
    # --- agents --------------------------------------------------------------------------------
    ("82 → in progress", "status #82 in_progress"),
    ("82 on hold waiting on user", "status #82 on_hold"),
    ("note on 83: user rebooted, still failing", "comment #83 'user rebooted, still failing'"),
    ("add comment to 83 - called user, no answer", "comment #83 'called user, no answer'"),
    ("due 84 friday", "edit #84 due=2026-12-04"),
    ("move the due date of 84 to monday", "edit #84 due=2026-12-07"),
    ("unassign me from 85", "assign #85 to nobody"),
    ("rename 86 to 'Outlook crashes when opening attachments'",
     "edit #86 title='Outlook crashes when opening attachments'"),
    ("86 is a bug not a request", "edit #86 category=bug"),
    ("history of 87", "history #87"),
    ("who changed 87?", "history #87"),
    ("assign 95 to <at>Sam Rivera</at>", "assign #95 to user:u-sam"),
    # --- asked about, never guessed ------------------------------------------------------------
    ("give 89 to Lee pls", "ask assign #89 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("assign 90 to Tom", "ask assign #90 to ?: I couldn't find “Tom”. Who should take #90?"),
    ("lower the prio of 88", "ask edit #88 ? priority"),
    ("set a due date", "ask edit #7 ? due_date"),
    ("64 ✅", "show #64"),
    ("probably 91 can be closed now", "ask status #91 ?: Should #91 be closed? [Yes]"),
    ("<at>Sam Rivera</at> can you take 95?",
     "ask assign #95 to ?: Should Sam Rivera take #95? [Yes]"),
    # --- not to act on -------------------------------------------------------------------------
    ("should we close 92?", "show #92"),
    ("don't touch 94, I'm handling it", "no change #94"),
    ("not closing 94 until the user confirms", "no change #94"),
    ("lol the vpn again", "free text"),
    ("monday mornings am i right 😩", "free text"),
    ("the coffee machine on 3 is broken again 🙄", "free text"),
    # --- questions for the help assistant ------------------------------------------------------
    ("is the email server down for everyone or just me?", "question"),
    ("my password expired, how do I reset it", "question"),
    ("how do I add a colleague to a shared mailbox", "question"),
    ("what is the difference between resolved and closed?", "question"),
    ("can you explain how priorities work here", "question"),
    ("what can this bot do", "help"),
    # --- courtesy ------------------------------------------------------------------------------
    ("good evening, hope you are well", "small talk hello"),
    ("ok thanks, that's all for today", "small talk thanks"),
    ("cheers mate", "small talk thanks"),
    ("never mind, cancel", "cancel"),
)

FIFTH_MISREAD: frozenset[str] = frozenset({
    'ticket 58 is again not working, please open again',
    'my password expired, how do I reset it',
    'can you explain how priorities work here',
})
