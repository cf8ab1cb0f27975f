"""A sixteenth held-out table: the voices earlier tables under-represent.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this one" are #7, the
ticket the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-07
before running the rules on any of it: service-desk agents working a queue fast, managers
delegating, customers chasing, people writing in a second language, voice dictation (numbers
said in words), pasted emails and forwarded chains with signatures and disclaimers, long
rambling messages with one request buried, several tickets at once and ranges, slang
hand-overs, team queues, due dates said every way, priorities, status in other words,
questions about a ticket, statements of fact, hypotheticals, negations, corrections,
questions for the help assistant, new problems told as statements (free text: the bot
offers to file them), Teams markup and links to the web app. About a third must change
nothing. Where a change would be a guess, the right reading asks back. A range ("1123-1126",
"1127 through 1129", "from 1130 to 1132") is every ticket in it.

The rules when it was written read 102 of its 177 lines as written here. Six lines an
earlier table already had ("cheers mate", "ta", "lol ok", "morning team", two for the help
assistant) were replaced then by others of their kind, written before they were run, and 4
of those are read right: 100 of 177. Corrected after the first run, before any change, where
earlier tables already say how such a line is read (102 with them): "1241 ✅" shows the
ticket (as "12 ✅": a tick alone is no status); "1115 done, 1116 done, 1117 done" is read as
three changes joined, which makes the same three changes one list would.

Fixed by kind, never by the lines themselves. Wrong changes first: "the day after tomorrow"
was read as its last word ("set 1226 due date to the day after tomorrow" made it due Thu 3
Dec, a day early); 103. A comment said to be on a ticket the bot could not read as one was
posted on the ticket in view, with those words ("comment on the printer ticket: …"; found
writing look-alikes); now which ticket is asked. A ticket's number said in pairs of digits,
as years are, is that number ("close ticket eleven eighty one", "twelve oh one", "nine forty",
also right after a change without "ticket": "comment on eleven eighty four saying …" had
posted on the ticket in view, "note on ticket twelve oh five: …" posted "oh five: …" on 12),
and a period dictated before a thank-you is a full stop; 111. "deprioritise 1234" set it to
low whatever it was; now which priority is asked, as "lower 4" and "downgrade 9" do; 112.
Found writing look-alikes: a ticket said first as what the message is about was read as a
count, so "it" was the ticket in view ("about 12, please close it" closed #7). Then changes
missed: a confidentiality notice right under the signature was read as a refusal ("Please
close 1205, thanks. … Kind regards, Tom Baker … do not close, copy or distribute it."); 113.
Tickets said as a range right after what is done with them ("resolve 1123-1126", "assign
1127 through 1129 to sam", "close everything from 1130 to 1132", "… 1142 thru 1144 …"); 117.
Hand-overs in slang ("chuck 1215 to alex", "bounce 1216 over to the network lads", "palm 1218
off on facilities", "can you lob 1219 at sam", "1220 over to you <at>Sam Rivera</at>"); 122.
"1217 is on priya now" was corrected then to ask whether Priya should take it, as the
fifteenth table's "1040 is priya's now" has been read since (told, or asked?); 123.
A queue worked fast: a take said as it is done without "I'm" ("taking 1105"), several changed
"in bulk" ("bulk close 1140, 1141"); 125. A manager handing over in a sentence ("sam, 1151
and 1152 are yours from today", "I'd like Lee Chen on 1149 please"); 127. "due on the 3rd of
january for 1228" ("due on the …" before the ticket); 128. Someone asked whether they can
take a ticket, with more after it ("can alex take 1157 off my hands?", "<at>Sam Rivera</at>
can you own 1156 going forward?"), was only shown; now whether they should is asked; 130.
Second-language forms: a close asked as a noun ("please do the closure of 1170"), "must to be"
before a priority or status ("the ticket 1178 must to be urgent"), a due date "preponed"
("please prepone the due date of 1177 to monday"); 133. "how long has 1243 been open" was
answered with its due date; now the ticket is shown; 134. "which team has 1250" was corrected
then to show the ticket (`show #1250`, not who has it asked), as the ninth and eleventh
tables read "which team has 155" and "which team has 382"; 135. A ticket and the day it is
wanted by, alone ("1225 by tmrw pls"); a priority said to be enough ("1233 is not that
urgent, medium is fine"); 137. A reply that only agrees to or refuses the request it quotes
("> please set 1207 to high⏎agreed, do it" showed 1207; "<blockquote>close 1279</blockquote>
<p>not yet please</p>" was not understood); 139. "This one" with a ticket typed or linked right
after it, ending the message ("<p>can you have a look at this one?</p><p><a …TKT-2026-1277>"
showed #7, the ticket last shown); 140.

`SIXTEENTH_MISREAD` is what the rules still misread (37); none of it changes a ticket it was
not asked to ("nobody needs to take 1270, it'll sort itself out" unassigned it when the
table was written; since a fix landed beside this table's it asks who should take it, where
nothing should change; "wrap up 1236" resolves it where the table reads a close, the gentler
of the two). Changes missed: a team said as where a ticket belongs ("1159 belongs in IT
support's queue" asks who), second-language forms ("is possible to close?", "mister alex"),
a request buried in a long message or after a forward (one "let's just resolve it" is read
as a refusal about #7, which changes nothing), numbers said in words with no change before
them ("ticket twelve hundred is due on the fifteenth"), "raise something for me, …".
Statements of fact about one ticket are left as free text where this table shows the
ticket, as the fifteenth's do ("1253 came in over the phone"); showing every
such ticket was tried and taken out: the ninth table reads "4 has been pending for ages" and
its look-alikes as free text, so the tables disagree and which is right is a decision to make.
"""

from __future__ import annotations

SIXTEENTH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- a service-desk agent working the queue fast --------------------------------------------
    ("1101 closed", "status #1101 closed"),
    ("1102 -> hold", "status #1102 on_hold"),
    ("1103 wip", "status #1103 in_progress"),
    ("grab 1104", "assign #1104 to user:u-jo"),
    ("taking 1105", "assign #1105 to user:u-jo"),
    ("1106 sorted", "status #1106 resolved"),
    ("reopening 1107, user says it's back", "status #1107 open"),
    ("hold 1108 pending vendor", "status #1108 on_hold"),
    ("1109 to me, 1110 to alex", "assign #1109 to user:u-jo + assign #1110 to user:u-alex"),
    ("closing 1111 no response from user in 5 days", "status #1111 closed"),
    ("1112 → urgent", "edit #1112 priority=urgent"),
    ("1113 low", "edit #1113 priority=low"),
    ("next one: 1114, whos got it", "show #1114 asked=assignee"),
    ("1115 done, 1116 done, 1117 done",
     "status #1115 resolved + status #1116 resolved + status #1117 resolved"),
    ("res 1118 - reset pw", "status #1118 resolved"),
    ("1119 back to open", "status #1119 open"),
    # --- several at once, ranges --------------------------------------------------------------------
    ("close 1120, 1121 and 1122", "status #1120, #1121, #1122 closed"),
    ("resolve 1123-1126", "status #1123, #1124, #1125, #1126 resolved"),
    ("assign 1127 through 1129 to sam", "assign #1127, #1128, #1129 to user:u-sam"),
    ("close everything from 1130 to 1132", "status #1130, #1131, #1132 closed"),
    ("1133 1134 1135 -> network", "assign #1133, #1134, #1135 to team:2"),
    ("put 1136 and 1137 on hold", "status #1136, #1137 on_hold"),
    ("make 1138 & 1139 high", "edit #1138, #1139 priority=high"),
    ("bulk close 1140, 1141", "status #1140, #1141 closed"),
    ("close 1142 thru 1144 pls, all dupes of the outage", "status #1142, #1143, #1144 closed"),
    ("give priya 1145 and 1146", "assign #1145, #1146 to user:u-priya"),
    # --- a manager delegating ---------------------------------------------------------------------
    ("alex to pick up 1147", "assign #1147 to user:u-alex"),
    ("let priya handle 1148", "assign #1148 to user:u-priya"),
    ("I'd like Lee Chen on 1149 please", "assign #1149 to user:u-leec"),
    ("give lee 1150", "ask assign #1150 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("sam, 1151 and 1152 are yours from today", "assign #1151, #1152 to user:u-sam"),
    ("move all of sam's urgent tickets to lee chen",
     "assign each of to user:u-leec (list all priority=urgent assignee=user:u-sam)"),
    ("facilities should own 1153", "assign #1153 to team:3"),
    ("put 1154 in the network queue", "assign #1154 to team:2"),
    ("1155 needs to be with IT Support not facilities", "assign #1155 to team:1"),
    ("<at>Sam Rivera</at> can you own 1156 going forward?",
     "ask assign #1156 to ?: Should Sam Rivera take #1156? [Yes]"),
    ("can alex take 1157 off my hands?",
     "ask assign #1157 to ?: Should Alex Kim take #1157? [Yes]"),
    ("1158 is top priority today, make it urgent", "edit #1158 priority=urgent"),
    ("what's sitting in the network queue", "list all assignee=team:2"),
    ("how many open tickets does facilities have", "list all status=open assignee=team:3"),
    ("1159 belongs in IT support's queue", "assign #1159 to team:1"),
    # --- a customer chasing -----------------------------------------------------------------------
    ("Any news on my ticket 1160? It's been a week.", "show #1160"),
    ("hello?? 1161??", "show #1161"),
    ("Still waiting on 1162, can someone please get back to me", "show #1162"),
    ("this is my 3rd message about 1163", "show #1163"),
    ("when will my laptop be ready? ticket 1164", "show #1164 asked=status"),
    ("is anybody actually looking at 1165", "show #1165 asked=assignee?"),
    ("I need 1166 fixed by thursday", "edit #1166 due=2026-12-03"),
    ("why has nobody closed 1167 yet, it was fixed on monday", "show #1167"),
    ("I was told someone would call me about 1168. Nobody did.", "show #1168"),
    # --- a second language ------------------------------------------------------------------------
    ("kindly revert back on 1169 asap", "show #1169"),
    ("please do the closure of 1170", "status #1170 closed"),
    ("ticket 1171 is pending from long time, please expedite", "ask edit #1171 ? priority"),
    ("the 1172 you can give to mister alex", "assign #1172 to user:u-alex"),
    ("i have one doubt regarding ticket 1173", "show #1173"),
    ("please to put 1174 in waiting", "status #1174 on_hold"),
    ("1175 is solved already, is possible to close?", "status #1175 closed"),
    ("why nobody is answering my ticket 1176", "show #1176"),
    ("please prepone the due date of 1177 to monday", "edit #1177 due=2026-12-07"),
    ("the ticket 1178 must to be urgent", "edit #1178 priority=urgent"),
    ("the 1179 is not more problem, all is working", "ask status #1179 ?: Should #1179 be resolved? [Yes]"),
    ("same problem like in 1180 is coming for me also", "show #1180"),
    # --- voice dictation --------------------------------------------------------------------------
    ("close ticket eleven eighty one", "status #1181 closed"),
    ("assign ticket one one eight two to priya shah", "assign #1182 to user:u-priya"),
    ("set priority high on ticket eleven eighty three", "edit #1183 priority=high"),
    ("comment on eleven eighty four saying the user is out until monday",
     "comment #1184 'the user is out until monday'"),
    ("what's the status of ticket number eleven eighty five", "show #1185 asked=status"),
    ("reopen ticket eleven eighty six period thanks", "status #1186 open"),
    ("ticket twelve hundred is due on the fifteenth", "edit #1200 due=2026-12-15"),
    ("hey ticketflow new ticket the door to the server room doesn't lock",
     "create title=\"The door to the server room doesn't lock\""),
    ("put eleven eighty seven on hold comma waiting on the user", "status #1187 on_hold"),
    ("assign it to alex kim full stop", "assign #7 to user:u-alex"),
    ("show me ticket twelve oh one", "show #1201"),
    ("who has ticket twelve oh two", "show #1202 asked=assignee"),
    # --- pasted emails and forwarded chains -------------------------------------------------------
    ("Hi team,\n\nCan you please reassign 1203 to Alex? He knows the client.\n\nCheers,\nMia\n"
     "--\nMia Manager | Head of Service\nM: +44 7700 900123", "assign #1203 to user:u-alex"),
    ("From: Priya Shah\nSent: Tuesday, 1 December 2026 16:02\nTo: Service Desk\nSubject: 1204 "
     "still broken\n\nThe VPN drops again after the fix.", "no change #1204"),
    ("Please close 1205, thanks.\n\nKind regards,\nTom Baker\nSenior Analyst\nThis message may "
     "contain confidential information. If you have received it in error please notify us and "
     "do not close, copy or distribute it.", "status #1205 closed"),
    ("-----Original Message-----\nFrom: Alex Kim\nSubject: ticket 1206\n\nCan someone reopen "
     "this, the issue came back.", "ask status #1206 ?: Should #1206 be open? [Yes]"),
    ("> please set 1207 to high\nagreed, do it", "edit #1207 priority=high"),
    ("close 1208 pls\n\nSent from my iPhone", "status #1208 closed"),
    ("Hi, just forwarding for visibility, no action needed.\n\n> 1209 has been escalated to "
     "the vendor", "show #1209"),
    ("Hello,\n\nThe monitor on my desk (3.14) has dead pixels all down the left side.\n\n"
     "Regards,\nOlga Ivanova\nAccounts Payable\nPlease consider the environment before printing "
     "this e-mail.", "free text"),
    ("On Tue, 1 Dec 2026 at 09:12, Lee Park wrote:\n> I'll take 1210\n\nthanks lee!",
     "small talk thanks"),
    # --- long rambling, one request buried --------------------------------------------------------
    ("Morning all, hope everyone had a good weekend, mine was mostly spent fixing the fence, "
     "anyway, the new starters are in on Monday and I've checked their laptops, all good, but "
     "can you put 1211 on hold until their accounts are ready, and otherwise I think we're in "
     "good shape for the week.", "status #1211 on_hold"),
    ("ok so I spoke to the user again and she says it only happens when she's on the train, "
     "which makes sense because the signal is terrible there, so I don't think there's anything "
     "for us to do on 1212, let's just resolve it and she can come back if it happens in the "
     "office", "status #1212 resolved"),
    ("I've been looking at 1213 most of the morning and honestly I'm not sure what's going on, "
     "the logs look clean, the user says it's still slow, I've asked networking to have a look "
     "at the switch port but they're busy with the migration so it might be a while",
     "show #1213"),
    ("Quick one as I'm between calls - the badge reader thing (1214) is really a facilities "
     "job not ours, can we send it over to them? thx", "assign #1214 to team:3"),
    ("So the thing with the projector in the boardroom, you know the one that keeps switching "
     "off during presentations, well it did it again today in front of the board and it was "
     "pretty embarrassing for everyone involved", "free text"),
    # --- slang hand-overs ----------------------------------------------------------------------------
    ("chuck 1215 to alex", "assign #1215 to user:u-alex"),
    ("bounce 1216 over to the network lads", "assign #1216 to team:2"),
    ("1217 is on priya now", "ask assign #1217 to ?: Should Priya Shah take #1217? [Yes]"),
    ("palm 1218 off on facilities", "assign #1218 to team:3"),
    ("can you lob 1219 at sam", "assign #1219 to user:u-sam"),
    ("1220 over to you <at>Sam Rivera</at>", "assign #1220 to user:u-sam"),
    # --- due dates every way ------------------------------------------------------------------------
    ("1221 due 18/12", "edit #1221 due=2026-12-18"),
    ("1222 needs to be done by the 10th", "edit #1222 due=2026-12-10"),
    ("make 1223 due end of next week", "edit #1223 due=2026-12-11"),
    ("deadline for 1224: dec 9", "edit #1224 due=2026-12-09"),
    ("1225 by tmrw pls", "edit #1225 due=2026-12-03"),
    ("set 1226 due date to the day after tomorrow", "edit #1226 due=2026-12-04"),
    ("1227 due eow", "edit #1227 due=2026-12-04"),
    ("due on the 3rd of january for 1228", "edit #1228 due=2027-01-03"),
    ("1229 should be finished by end of the month", "edit #1229 due=2026-12-31"),
    ("move the deadline of 1230 to next tuesday", "edit #1230 due=2026-12-08"),
    # --- priorities ---------------------------------------------------------------------------------
    ("bump 1231 up", "ask edit #1231 ? priority"),
    ("1232 can go to low", "edit #1232 priority=low"),
    ("1233 is not that urgent, medium is fine", "edit #1233 priority=medium"),
    ("deprioritise 1234", "ask edit #1234 ? priority"),
    ("set 1235 to normal priority", "edit #1235 priority=medium"),
    # --- status in other words ----------------------------------------------------------------------
    ("wrap up 1236", "status #1236 closed"),
    ("put 1237 on ice", "status #1237 on_hold"),
    ("we're done with 1238", "status #1238 resolved"),
    ("1239 can be reopened, the fix didn't stick", "status #1239 open"),
    ("start work on 1240", "status #1240 in_progress"),
    ("1241 ✅", "show #1241"),
    # --- questions about a ticket -------------------------------------------------------------------
    ("who raised 1242?", "show #1242 asked=requester"),
    ("how long has 1243 been open", "show #1243"),
    ("is 1244 still on hold?", "show #1244 asked=status?on_hold"),
    ("what priority is 1245", "show #1245 asked=priority"),
    ("when's 1246 due", "show #1246 asked=due"),
    ("has 1247 been assigned yet", "show #1247 asked=assignee?"),
    ("what's the latest on 1248", "show #1248"),
    ("has 1249 been closed?", "show #1249 asked=status?closed"),
    ("which team has 1250", "show #1250"),
    # --- statements of fact -------------------------------------------------------------------------
    ("1251 is the one from the CEO's office", "show #1251"),
    ("the user on 1252 is in a different timezone", "show #1252"),
    ("1253 came in over the phone", "show #1253"),
    ("i called the user about 1254, no answer", "show #1254"),
    ("the vendor's reference for 1255 is INC-4471", "show #1255"),
    ("1256 has been open for ages", "show #1256"),
    ("the fix for 1257 goes out tonight", "show #1257"),
    ("alex is on leave so 1258 will be slow", "show #1258"),
    # --- hypotheticals ------------------------------------------------------------------------------
    ("if the user doesn't reply by friday, close 1259", "no change #1259"),
    ("should we close 1260?", "ask status #1260 ?: Should #1260 be closed? [Yes]"),
    ("once the part arrives we'll close 1261", "no change #1261"),
    ("assuming alex agrees, 1262 can go to him", "no change #1262"),
    ("what if we just reopened 1263", "question"),
    ("unless someone objects i'll resolve 1264 tomorrow", "no change #1264"),
    # --- negations ----------------------------------------------------------------------------------
    ("don't close 1265 yet", "no change #1265"),
    ("no, don't give 1266 to alex", "no change #1266"),
    ("please don't reopen 1267", "no change #1267"),
    ("1268 isn't fixed", "no change #1268"),
    ("do not put 1269 on hold, the user is waiting", "no change #1269"),
    ("nobody needs to take 1270, it'll sort itself out", "no change #1270"),
    # --- corrections --------------------------------------------------------------------------------
    ("sorry, 1272 not 1271", "meant #1272 not #1271"),
    ("wrong ticket, i meant 1273", "meant #1273"),
    ("my bad, meant 1274", "meant #1274"),
    # --- questions for the help assistant -----------------------------------------------------------
    ("how do I connect to the office printer from my laptop", "question"),
    ("what's the process for ordering a new monitor", "question"),
    ("am I allowed to use my own headset with the softphone?", "question"),
    ("how do i add a shared mailbox in outlook", "question"),
    ("is there a guide for setting up the vpn on android", "question"),
    ("what are the service desk opening hours", "question"),
    ("how long does a new starter's account take to set up", "question"),
    # --- new problems told, new tickets asked for -------------------------------------------------
    ("printer on 3rd floor jammed again", "free text"),
    ("my second monitor keeps flickering", "free text"),
    ("teams keeps crashing when I share my screen", "free text"),
    ("no hot water in the 2nd floor kitchen", "free text"),
    ("log a ticket: phone in room 3.2 has no dial tone",
     "create title='Phone in room 3.2 has no dial tone'"),
    ("new ticket for facilities - broken window latch in room 6",
     "create title='Broken window latch in room 6' to=team:3"),
    ("can you raise something for me, the scanner emails never arrive",
     "create title='The scanner emails never arrive'"),
    ("urgent new ticket: payroll system down", "create title='Payroll system down' priority=urgent"),
    # --- Teams markup and links to the web app --------------------------------------------------
    ("<p><at>Sam Rivera</at> 1275 is all yours 👍</p>", "assign #1275 to user:u-sam"),
    ('<p>close <a href="https://tickets.example.com/tickets/TKT-2026-1276">TKT-2026-1276</a></p>',
     "status #1276 closed"),
    ('<p>can you have a look at this one?</p><p><a href="https://tickets.example.com/tickets/'
     'TKT-2026-1277">https://tickets.example.com/tickets/TKT-2026-1277</a></p>', "show #1277"),
    ("<p>1278 ✅ done</p>", "status #1278 resolved"),
    ("<blockquote>close 1279</blockquote><p>not yet please</p>", "no change #1279"),
    ("<p>thanks <at>Sam Rivera</at> for sorting 1280!</p>", "small talk thanks"),
    ("https://tickets.example.com/tickets/TKT-2026-1281", "show #1281"),
    ("assign https://tickets.example.com/tickets/TKT-2026-1282 to priya",
     "assign #1282 to user:u-priya"),
    ("<p>1283&nbsp;to&nbsp;alex&nbsp;pls</p>", "assign #1283 to user:u-alex"),
    # --- small talk and everything else -------------------------------------------------------------
    ("cheers for sorting that so quick", "small talk thanks"),
    ("you're a star ⭐", "small talk thanks"),
    ("mornin' all 👋", "small talk hello"),
    ("ta very much", "small talk thanks"),
    ("k cool", "small talk ok"),
    ("the wifi in here is rubbish today", "free text"),
)

SIXTEENTH_MISREAD: frozenset[str] = frozenset({
    'closing 1111 no response from user in 5 days',
    'res 1118 - reset pw',
    '1155 needs to be with IT Support not facilities',
    "1159 belongs in IT support's queue",
    'this is my 3rd message about 1163',
    'when will my laptop be ready? ticket 1164',
    'ticket 1171 is pending from long time, please expedite',
    'the 1172 you can give to mister alex',
    'i have one doubt regarding ticket 1173',
    '1175 is solved already, is possible to close?',
    'the 1179 is not more problem, all is working',
    'same problem like in 1180 is coming for me also',
    'ticket twelve hundred is due on the fifteenth',
    'From: Priya Shah\nSent: Tuesday, 1 December 2026 16:02\nTo: Service Desk\nSubject: 1204 still broken\n\nThe VPN drops again after the fix.',
    '-----Original Message-----\nFrom: Alex Kim\nSubject: ticket 1206\n\nCan someone reopen this, the issue came back.',
    'Hi, just forwarding for visibility, no action needed.\n\n> 1209 has been escalated to the vendor',
    'Hello,\n\nThe monitor on my desk (3.14) has dead pixels all down the left side.\n\nRegards,\nOlga Ivanova\nAccounts Payable\nPlease consider the environment before printing this e-mail.',
    "On Tue, 1 Dec 2026 at 09:12, Lee Park wrote:\n> I'll take 1210\n\nthanks lee!",
    "Morning all, hope everyone had a good weekend, mine was mostly spent fixing the fence, anyway, the new starters are in on Monday and I've checked their laptops, all good, but can you put 1211 on hold until their accounts are ready, and otherwise I think we're in good shape for the week.",
    "ok so I spoke to the user again and she says it only happens when she's on the train, which makes sense because the signal is terrible there, so I don't think there's anything for us to do on 1212, let's just resolve it and she can come back if it happens in the office",
    "I've been looking at 1213 most of the morning and honestly I'm not sure what's going on, the logs look clean, the user says it's still slow, I've asked networking to have a look at the switch port but they're busy with the migration so it might be a while",
    "Quick one as I'm between calls - the badge reader thing (1214) is really a facilities job not ours, can we send it over to them? thx",
    'wrap up 1236',
    "1251 is the one from the CEO's office",
    'the user on 1252 is in a different timezone',
    '1253 came in over the phone',
    'i called the user about 1254, no answer',
    "the vendor's reference for 1255 is INC-4471",
    '1256 has been open for ages',
    'the fix for 1257 goes out tonight',
    'alex is on leave so 1258 will be slow',
    'should we close 1260?',
    'what if we just reopened 1263',
    "nobody needs to take 1270, it'll sort itself out",
    'am I allowed to use my own headset with the softphone?',
    'can you raise something for me, the scanner emails never arrive',
    "mornin' all 👋",
})
