"""A tenth held-out table: a service desk's ordinary days, as varied people write in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-06
before looking at how the rules read any of it, from the kinds earlier tables are thin on:
handing work over before leave or while someone is off, chasing a vendor and writing down
that one did, following up, "what's left for me today", a manager's look at a team's
queue, filing in one sentence, a problem told with a number that is no ticket ("the
printer on 4"), complaints, negations, hypotheticals and hesitations (which change
nothing, or are asked), several requests in one message, questions about one fact of a
ticket, lists with filters and orders, non-native English, voice dictation, typos, emoji,
pasted error text, agents replying to customers, thanks and greetings. What must not be
guessed is asked back ("ask …"), shown, or left as free text.

Corrected after the first run, before any change: five lines that an earlier table already
had ("urgnet tickets", "morning all", "cheers for sorting that", "hiya", "ty") were replaced
by others of their kind, written before they were run; "checking in on my laptop request
from last week" expects the week it was filed in, which it names (written first without it).
The rules when it was written read 115 of its 153 lines as written here (113 after the
corrections: two of the five new lines, "many thanks for your help" and "thx a million",
were misread). Fixed by kind, never by the lines themselves: thanks and what they are for
("many thanks for your help"), "thx" as "thanks" ("thx a million"); a four-letter verb with
two neighbours swapped ("mkae", "gvie", "tkae"); the one ticket named chased ("circling back
on 251", "a gentle reminder about 252", "call me back about 255", "still haven't heard
anything" of 313); what one still has to do ("what's left for me today", "what do i still
need to do today", "anything still on my plate before i log off?"); 123. A handover's list
said with "over" ("hand all my tickets over to priya"), as "his" tickets of the one a sentence
before names ("alex is off sick, move his tickets to sam"), or after a sentence ending in a
full stop ("I'm on annual leave from Friday. Could you reassign my open tickets …"); a reason
after "while" ("… to lee chen while i'm away"); "take 287 and 288 off me"; a handover refused
("don't hand 258 to sam"); a ticket left as it is ("let's leave 267 as it is", "leave 270
with sam for now"); a dictated "full stop"; 132. "push 316 to the end of next week" (with
"the"); "create a … ticket to replace the mouse mats" (the title is what is to be done);
"please do close …" (an emphatic "do"); "please update me the status of 301"; "who's got the
most tickets right now" (the workload); "we could maybe give 263 to alex" (a suggestion,
asked); 138. A ticket told not done yet, then a change asked ("ticket 299 is not solved
still, please reopen"; "it" in the request after a sentence naming a ticket is that ticket,
also when a piece is asked: "4 is broken, pls assign it to lee"); "did anything happen with
250 since friday?" (its history); "log on 243 that …" (a comment); "just checking in on my
laptop request" ("checking" is no topic); 142. "priya will look after 238 while im out" (she
takes it); "um" and "uh" of dictation passed over ("show me ticket 306 and um who is working on
it"); "what if we put 261 on hold?" (a proposal: the ticket shown); "256 was supposed to be done
yesterday" (late: shown); "i have doubt, what is meaning of resolved" (a question announced);
147. "honestly the service has been terrible this week" (a state told, no list of tickets);
"before i go on holiday: 231 to alex, 232 to sam" (one's own time before a colon); 149.
What someone says between two requests ("reopen 290, the user says it's broken again, and
give it back to lee park"); 150.

`TENTH_MISREAD` is what the rules still misread: two lists of the kinds the list work takes
on (what changed for me "since this morning", an order said after a team and a comma), and
"sho" (three letters: too short to correct safely; its suggestions offer "show 295").
"""

from __future__ import annotations

TENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- handing over before leave, or while someone is off ------------------------------------
    ("off next week, pls hand all my tickets over to priya",
     "assign each of to user:u-priya (list mine)"),
    ("before i go on holiday: 231 to alex, 232 to sam",
     "assign #231 to user:u-alex + assign #232 to user:u-sam"),
    ("out of office till monday so give 233 to the network team", "assign #233 to team:2"),
    ("handing over 234 to lee chen while i'm away", "assign #234 to user:u-leec"),
    ("can someone cover 235 while im on leave?", "show #235"),
    ("alex is off sick, move his tickets to sam",
     "assign each of to user:u-sam (list all assignee=user:u-alex)"),
    ("i'll be back on the 14th, put 236 on hold till then", "status #236 on_hold"),
    ("I'm on annual leave from Friday. Could you reassign my open tickets to Lee Park please?",
     "assign each of to user:u-lee (list mine status=open)"),
    ("sam's away, who should take 237?", "show #237"),
    ("priya will look after 238 while im out", "assign #238 to user:u-priya"),
    # --- chasing a vendor, and writing down that one did ---------------------------------------
    ("chased the vendor again on 240, still nothing", "free text"),
    ("note on 241: chased dell again, eta friday", "comment #241 'chased dell again, eta friday'"),
    ("any word from the vendor on 242?", "show #242"),
    ("log on 243 that i rang the supplier at 10", "comment #243 'i rang the supplier at 10'"),
    ("put 244 on hold, we're waiting on HP to send the part", "status #244 on_hold"),
    ("update 245 to say lenovo have shipped the replacement",
     "comment #245 'lenovo have shipped the replacement'"),
    ("can you add a note on 246 - vendor rep visiting thursday 9am",
     "comment #246 'vendor rep visiting thursday 9am'"),
    ("did the supplier ever get back to us on 247", "show #247"),
    # --- following up --------------------------------------------------------------------------
    ("following up on 248 - did the user ever reply?", "show #248"),
    ("any movement on 249", "show #249"),
    ("Hi, just checking in on my laptop request from last week",
     "list own created_from=2026-11-23 created_before=2026-11-30 text='laptop'"),
    ("did anything happen with 250 since friday?", "history #250"),
    ("circling back on 251, where are we", "show #251"),
    ("gentle reminder about 252 🙂", "show #252"),
    ("any news on the printer ticket i raised?", "list created text='printer'"),
    # --- what's left for me today --------------------------------------------------------------
    ("what's left for me today", "list mine"),
    ("anything still on my plate before i log off?", "list mine"),
    ("what do i still need to do today", "list mine"),
    ("which of my tickets are due today", "list mine due=today"),
    ("my overdue stuff pls", "list mine due=overdue"),
    ("what have i got due this week", "list mine due=this_week"),
    ("what's my most urgent ticket", "list mine order=priority"),
    ("anything new for me since this morning?", "list mine"),
    # --- a manager's look at the queue ---------------------------------------------------------
    ("how many tickets does the network team have open", "list all status=open assignee=team:2"),
    ("who's got the most tickets right now", "workload"),
    ("which urgent tickets have no owner", "list all priority=urgent assignee=nobody"),
    ("show me everything overdue for facilities", "list all assignee=team:3 due=overdue"),
    ("give me the 5 oldest unassigned tickets", "list all order=oldest top=5 assignee=nobody"),
    ("sam's high priority tickets, oldest first",
     "list all order=oldest priority=high assignee=user:u-sam"),
    ("alex's tickets that are on hold", "list all status=on_hold assignee=user:u-alex"),
    ("how's everyone's workload looking", "workload"),
    ("the network team's open tickets by priority",
     "list all status=open order=priority assignee=team:2"),
    # --- filing in one sentence ----------------------------------------------------------------
    ("can you log a ticket that the meeting room 3 screen has no signal",
     "create title='The meeting room 3 screen has no signal'"),
    ("new ticket: the scanner on 2nd floor emails blank pages",
     "create title='The scanner on 2nd floor emails blank pages'"),
    ("open an urgent ticket - payroll system is down",
     "create title='Payroll system is down' priority=urgent"),
    ("log a bug: search returns nothing for names with accents",
     "create title='Search returns nothing for names with accents' category=bug"),
    ("new ticket for the network team: wifi drops in meeting room b",
     "create title='Wifi drops in meeting room b' to=team:2"),
    ("could u open a ticket: teams keeps logging me out",
     "create title='Teams keeps logging me out'"),
    ("raise a ticket pls monitor flickering since this morning",
     "create title='Monitor flickering since this morning'"),
    ("create a low priority ticket to replace the mouse mats",
     "create title='Replace the mouse mats' priority=low"),
    ("new feature request: let us export tickets to excel",
     "create title='Let us export tickets to excel' category=feature"),
    ("ticket pls: keyboard missing the e key", "create title='Keyboard missing the e key'"),
    ("new ticket due friday: renew the ssl cert",
     "create title='Renew the ssl cert' due=2026-12-04"),
    ("i am not able to login, please raise ticket", "create title='I am not able to login'"),
    # --- a problem told, a number in it that is no ticket --------------------------------------
    ("the printer on 4 is jammed again", "free text"),
    ("outlook keeps asking for my password every 5 minutes", "free text"),
    ("my second screen went black after the windows update", "free text"),
    ("teams calls drop after 10 mins", "free text"),
    ("cant print from my mac since yesterday", "free text"),
    ("The VPN has been really slow for 2 days now", "free text"),
    ("room 5 projector no hdmi signal", "free text"),
    ("2 monitors are flickering in the design room", "free text"),
    ("we have 10 new starters on monday", "free text"),
    ("it takes 5 minutes to log in", "free text"),
    ("Error: 0x80070005 Access is denied. when installing office", "free text"),
    # --- complaints ----------------------------------------------------------------------------
    ("why has nobody picked up 253 yet??", "show #253"),
    ("3rd time asking, when will 254 be fixed", "show #254 asked=due"),
    ("honestly the service has been terrible this week", "free text"),
    ("i've been waiting 2 days for someone to call me back about 255", "show #255"),
    ("this is unacceptable, 256 was supposed to be done yesterday", "show #256"),
    # --- negations, hesitations and hypotheticals: nothing changes, or it is asked ----------
    ("if 257 isn't fixed by friday we'll escalate it", "no change #257"),
    ("don't hand 258 to sam, he's swamped", "no change #258"),
    ("no need to close 259 yet", "no change #259"),
    ("please don't mark 260 resolved until the user confirms", "no change #260"),
    ("what if we put 261 on hold?", "show #261"),
    ("should 262 be urgent?", "show #262"),
    ("we could maybe give 263 to alex",
     "ask assign #263 to ?: Should Alex Kim take #263? [Yes]"),
    ("not closing 264 till i hear back", "no change #264"),
    ("i wouldn't reopen 265 tbh", "no change #265"),
    ("would it be ok to close 266?", "show #266"),
    ("let's leave 267 as it is", "no change #267"),
    ("if the user doesn't reply by monday, close 268", "no change #268"),
    ("perhaps 269 should go to the network team?",
     "ask assign #269 to ?: Should Network take #269? [Yes]"),
    ("leave 270 with sam for now", "no change #270"),
    # --- questions about a ticket --------------------------------------------------------------
    ("who's looking after 271 these days?", "show #271 asked=assignee"),
    ("what's 272 about again?", "show #272"),
    ("has anyone replied on 273?", "show #273"),
    ("is 274 still on hold?", "show #274 asked=status?on_hold"),
    ("when did 275 come in", "show #275"),
    ("whats the prio of 276", "show #276 asked=priority"),
    ("who logged 277?", "show #277 asked=requester"),
    ("is 278 overdue or not", "show #278 asked=due?"),
    ("when was 279 last touched?", "show #279 asked=updated"),
    ("what team is 280 with", "show #280 asked=assignee"),  # who has it, answered (fifteenth)
    # --- lists with filters and orders ---------------------------------------------------------
    ("list the high prio tickets nobody has picked up", "list all priority=high assignee=nobody"),
    ("my tickets sorted by due date", "list mine order=due"),
    ("printer tickets that are still open", "list all status=open text='printer'"),
    ("on hold tickets for sam", "list all status=on_hold assignee=user:u-sam"),
    ("closed tickets about vpn", "list all status=closed text='vpn'"),
    ("top 10 oldest open tickets pls", "list all status=open order=oldest top=10"),
    ("what did priya log this week", "list all filed_by=user:u-priya created_from=2026-11-30"),
    ("tickets i raised that are still open", "list created status=open"),
    ("urgent tickets for the network team, newest first",
     "list all order=newest priority=urgent assignee=team:2"),
    # --- several requests in one message -------------------------------------------------------
    ("close 281 and put 282 on hold", "status #281 closed + status #282 on_hold"),
    ("assign 283 to me and make it urgent",
     "assign #283 to user:u-jo + edit #283 priority=urgent"),
    ("resolve 284, 285, 286", "status #284, #285, #286 resolved"),
    ("take 287 and 288 off me", "assign #287, #288 to nobody"),
    ("make 289 high and assign it to alex", "edit #289 priority=high + assign #289 to user:u-alex"),
    ("reopen 290, the user says it's broken again, and give it back to lee park",
     "status #290 open + assign #290 to user:u-lee"),
    ("290 to sam, 291 to priya", "assign #290 to user:u-sam + assign #291 to user:u-priya"),
    # --- typos ---------------------------------------------------------------------------------
    ("assing 292 to sam", "assign #292 to user:u-sam"),
    ("pleas close 293", "status #293 closed"),
    ("resolev 294", "status #294 resolved"),
    ("sho me 295", "show #295"),
    ("oevrdue tickets for sam", "list all assignee=user:u-sam due=overdue"),
    ("mkae 296 high prioirty", "edit #296 priority=high"),
    # --- non-native English --------------------------------------------------------------------
    ("please do close the ticket 297, issue is solved", "status #297 closed"),
    ("kindly revert on 298 status", "show #298 asked=status"),
    ("ticket 299 is not solved still, please reopen", "status #299 open"),
    ("same issue again for 300, kindly reopen it", "status #300 open"),
    ("please update me the status of 301", "show #301 asked=status"),
    ("i have doubt, what is meaning of resolved", "question"),
    ("kindly assign 302 to network team only", "assign #302 to team:2"),
    # --- voice dictation -----------------------------------------------------------------------
    ("assign ticket 303 to priya shah full stop thanks", "assign #303 to user:u-priya"),
    ("can you um put 304 on hold until the vendor comes back to us", "status #304 on_hold"),
    ("close ticket number 305 please", "status #305 closed"),
    ("okay show me ticket 306 and um who is working on it",
     "show #306 asked=assignee"),
    # --- emoji ---------------------------------------------------------------------------------
    ("👀 307", "show #307"),
    ("thanks so much 🙌🙌", "small talk thanks"),
    ("308 is fixed 🎉🎉", "status #308 resolved"),
    ("🚨 309 urgent pls 🚨", "edit #309 priority=urgent"),
    # --- pasted text ---------------------------------------------------------------------------
    ("comment on 310: Error 0x80070005 Access is denied",
     "comment #310 'Error 0x80070005 Access is denied'"),
    ("add to 311: steps - 1) open outlook 2) click send 3) crash",
     "comment #311 'steps - 1) open outlook 2) click send 3) crash'"),
    # --- customers -----------------------------------------------------------------------------
    ("hi, any update on my password reset request?", "list own text='password reset'"),
    ("who is handling my vpn ticket?", "list own text='vpn' asked=assignee"),
    ("can i get an update on ticket 312 please", "show #312"),
    ("i submitted 313 last week and still haven't heard anything", "show #313"),
    # --- agents replying to customers ----------------------------------------------------------
    ("let the user on 314 know the engineer is coming at 2",
     "comment #314 'the engineer is coming at 2'"),
    ("tell the customer on 315 we need a photo of the error",
     "comment #315 'we need a photo of the error'"),
    # --- due dates -----------------------------------------------------------------------------
    ("push 316 to the end of next week", "edit #316 due=2026-12-11"),
    ("317 needs doing by thursday", "edit #317 due=2026-12-03"),
    ("move 318's deadline to monday", "edit #318 due=2026-12-07"),
    # --- help and questions --------------------------------------------------------------------
    ("how do i attach a screenshot to a ticket?", "cannot attach #7"),  # since 2026-12-06, as
    # the eighth table's "can I attach a screenshot to my ticket?"; was the help assistant
    ("can i raise a ticket for someone else?", "question"),
    ("what's the difference between urgent and high", "question"),
    # --- thanks and greetings ------------------------------------------------------------------
    ("gm everyone ☀️", "small talk hello"),
    ("many thanks for your help", "small talk thanks"),
    ("thank u sooo much", "small talk thanks"),
    ("hey there bot", "small talk hello"),
    ("appreciate it!", "small talk thanks"),
    ("thx a million", "small talk thanks"),
    # --- not to be guessed ---------------------------------------------------------------------
    ("room 4 is too cold", "free text"),
    ("i was on 319 all morning", "free text"),
)

TENTH_MISREAD: frozenset[str] = frozenset({
    'anything new for me since this morning?',
    'urgent tickets for the network team, newest first',
    'sho me 295',
})
