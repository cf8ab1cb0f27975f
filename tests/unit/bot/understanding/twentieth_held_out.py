"""A twentieth held-out table: what real people type to a ticketing bot in Teams.

Same conventions as `transcript.py` (`#4` is TKT-2026-0004, "it", "this" are #7, the ticket
the conversation last showed; two Lees; today is Wednesday 2 December 2026;
`<at>Sam Rivera</at>` is a mention of Sam; Jo is the one writing). Written on 2026-12-07
before running the rules on any of it: customers asking for tickets, telling problems,
chasing and telling how things stand; agents in shorthand; lists with filters, stats and
workload; questions for the help assistant; small talk; comments; every field changed in
other words; corrections and take-backs; held-back changes; Teams markup, mentions and pasted
mail; two requests in one message; people writing in a second language; what TicketFlow
lacks; typos, all caps and emoji. Thirty-three lines an earlier table or test already had
("my tickets", "thanks", "close it", …), and nine of their first stand-ins, were replaced
before the first run by others of their kind.

The rules when it was written read 206 of its 246 lines as written here. Corrected after the
first run, before any change, where earlier tables already say how such a line is read (212
with them): "grabbing 1936" starts and takes it, as "grabbing 1531" does; "close 1998?" shows
it, as "close 4?" does; "is 1917 still open" asks whether it is not done yet, as "is this one
still open?" does; "delete 2035" offers the close with its buttons, as "kill 4" does; "how
many tickets were opened this month" lists them, as "how many tickets came in today" does; a
mention of Alex became one of Sam, the only person the conversation mentions; "close 2014 and
add a comment: user confirmed" closes it with "user confirmed" as its comment, as "close 12 and
comment: printer replaced" does (a status change's comment is not in its summary; 213).

Fixed by kind, never by the lines themselves. Wrong changes first: "close 1988 no wait,
resolve it" resolved the ticket in view (214); a label kept in the words a change posts ("raise
ticket re: …", "create ticket title …", "update 1956 with: …", 217). Then a change dropped:
"please do needful and close 2018" only showed it (218). Then common kinds: thanks spelt short
after a request ("its fixed now tysm!", 219), "in prog" for in progress (220), "everything
created today" as everyone's (221).

`TWENTIETH_MISREAD` gives each line still misread its reason, starting with its kind: a wrong
change (none left), an ask where the meaning is clear (1), a miss read as nothing (14), or
other: read as something else that changes nothing (9).
"""

from __future__ import annotations

TWENTIETH_HELD_OUT: tuple[tuple[str, str], ...] = (
    # --- customers asking for a ticket ------------------------------------------------------------
    ('can u raise a ticket, outlook calendar not syncing on my phone',
     "create title='Outlook calendar not syncing on my phone'"),
    ('please log a ticket for me: the badge reader at the back door is dead',
     "create title='The badge reader at the back door is dead'"),
    ('New ticket - coffee machine on level 4 leaking',
     "create title='Coffee machine on level 4 leaking'"),
    ('open a ticket for network: wifi drops in the boardroom',
     "create title='Wifi drops in the boardroom' to=team:2"),
    ('raise an urgent ticket, nobody in sales can log into crm',
     "create title='Nobody in sales can log into crm' priority=urgent"),
    ('create ticket title monitor flickering', "create title='Monitor flickering'"),
    ('NEW TICKET: PRINTER ON 2ND FLOOR OUT OF TONER',
     "create title='PRINTER ON 2ND FLOOR OUT OF TONER'"),
    ('log it as a bug pls - the export button does nothing in chrome',
     "create title='The export button does nothing in chrome' category=bug"),
    ('feature request: dark mode for the portal',
     "create title='Dark mode for the portal' category=feature"),
    ('can i get a ticket opened for a new starter laptop for priya',
     "create title='A new starter laptop for priya'"),
    ('new ticket pls 🙂', 'create title=?'),
    ('I need to raise an issue', 'create title=?'),
    ('create a ticket for the broken chair in room 5 and give it to facilities',
     "create title='The broken chair in room 5' to=team:3"),
    ('new ticket high priority - vpn keeps disconnecting',
     "create title='Vpn keeps disconnecting' priority=high"),
    ('open a ticket pls: projector in training room has no hdmi signal, due friday',
     "create title='Projector in training room has no hdmi signal' due=2026-12-04"),
    ('raise ticket re: shared mailbox permissions for hr',
     "create title='Shared mailbox permissions for hr'"),
    # --- problems told, not asked to be filed -----------------------------------------------------
    ('my mouse stopped working after lunch', 'free text'),
    ('hi, the wifi in meeting room 3 is super slow today', 'free text'),
    ('excel crashes everytime i open the budget file', 'free text'),
    ('cant login to sap since the update', 'free text'),
    ('Hello team, my keyboard is typing wrong letters, pls help', 'free text'),
    ('the toilet on 2nd floor is blocked again 🤢', 'free text'),
    ('laptop very slow since yesterday, taking 10 min to start', 'free text'),
    ('Good morning, I am not able to access the shared drive. Kindly help.', 'free text'),
    ('teams camera shows black screen in meetings', 'free text'),
    ('password expired and the reset link doesnt work', 'free text'),
    ('From: Sarah Jones\nSent: Monday\nSubject: VPN\n\nHi, VPN is down for the whole remote team.',
     'free text'),
    ('the aircon in the server room is making a weird noise', 'free text'),
    # --- chasing ----------------------------------------------------------------------------------
    ('any update on 1901?', 'show #1901'),
    ('whats happening with 1902', 'show #1902'),
    ('status 1903', 'status #1903 ?'),
    ('hi, is there any news about ticket 1904', 'show #1904'),
    ('1905 pls', 'show #1905'),
    ('TKT-2026-1906', 'show #1906'),
    ('where are we with 1907', 'show #1907'),
    ('still waiting on 1908 😤', 'show #1908'),
    ('when will 1909 be fixed', 'show #1909 asked=due'),
    ('has anyone picked up 1910 yet?', 'show #1910 asked=assignee?'),
    ('is 1911 done?', 'show #1911 asked=status?closed,resolved'),
    ('who is working on 1912', 'show #1912 asked=assignee'),
    ("what's the priority of 1913", 'show #1913 asked=priority'),
    ('when is 1914 due', 'show #1914 asked=due'),
    ('show 1915', 'show #1915'),
    ('can you pull up ticket 1916', 'show #1916'),
    ("what's the latest on this one", 'show #7'),
    ('is 1917 still open', 'show #1917 asked=status?in_progress,on_hold,open'),
    ('who raised 1918?', 'show #1918 asked=requester'),
    ('history of 1919', 'history #1919'),
    # --- customers telling how it stands ----------------------------------------------------------
    ('1920 is sorted now, thanks', 'status #1920 resolved'),
    ('printer works again, you can close 1921', 'status #1921 closed'),
    ('1922 still not working after the restart', 'no change #1922'),
    ('reopen 1923 please, the issue came back', 'status #1923 open'),
    ('its fixed now tysm!', 'status #7 resolved'),
    ('please close my ticket 1924, no longer needed', 'status #1924 closed'),
    ('ok 1925 can be closed', 'status #1925 closed'),
    ('1926 - problem is back', 'status #1926 open'),
    # --- agents in shorthand ----------------------------------------------------------------------
    ('1927 wip', 'status #1927 in_progress'),
    ('start 1928', 'status #1928 in_progress'),
    ('1929 done', 'status #1929 resolved'),
    ('close 1930', 'status #1930 closed'),
    ('resolve 1931 1932 1933', 'status #1931, #1932, #1933 resolved'),
    ('1934 on hold waiting for parts', 'status #1934 on_hold'),
    ("i'll take 1935", 'assign #1935 to user:u-jo'),
    ('grabbing 1936', 'start and take #1936'),
    ('1937 to sam', 'assign #1937 to user:u-sam'),
    ('1938 -> alex', 'assign #1938 to user:u-alex'),
    ('1939 high', 'edit #1939 priority=high'),
    ('1940 urgent!!', 'edit #1940 priority=urgent'),
    ('1941 due fri', 'edit #1941 due=2026-12-04'),
    ('1942 closed', 'status #1942 closed'),
    ('1943 reopened', 'status #1943 open'),
    ('1944 in prog', 'status #1944 in_progress'),
    ('pick up 1945', 'assign #1945 to user:u-jo'),
    ('1946 is a bug', 'edit #1946 category=bug'),
    ('1947 sev major', 'edit #1947 severity=major'),
    ('1948 back to open', 'status #1948 open'),
    ('on it - 1949', 'start and take #1949'),
    ('1950 + 1951 to network', 'assign #1950, #1951 to team:2'),
    # --- lists ------------------------------------------------------------------------------------
    ('show me my tix pls', 'list mine'),
    ('whats open for the network guys', 'list all status=open assignee=team:2'),
    ('my overdue ones', 'list mine due=overdue'),
    ('show all the urgent ones', 'list all priority=urgent'),
    ("what's on my plate this morning", 'list mine'),
    ('list all open tix', 'list all status=open'),
    ('tickets assigned to priya', 'list all assignee=user:u-priya'),
    ('everything on hold', 'list all status=on_hold'),
    ('anything due this week for me?', 'list mine due=this_week'),
    ('what did i raise', 'list created'),
    ('which tickets have no owner at the moment', 'list all assignee=nobody'),
    ('show facilities queue', 'list all assignee=team:3'),
    ('any high priority tickets for it support?', 'list all priority=high assignee=team:1'),
    ('whats overdue rn', 'list all due=overdue'),
    ('which ones are due today', 'list all due=today'),
    ('my open tickets pls', 'list mine status=open'),
    ("what's sam busy with", 'list all assignee=user:u-sam'),
    ('show resolved tickets from this week', 'list all status=resolved finished_from=2026-11-30'),
    ('tickets about outlook', "list all text='outlook'"),
    ('what has alex got open', 'list all status=open assignee=user:u-alex'),
    ('which tickets are in progress', 'list all status=in_progress'),
    ('my tickets due tomorrow', 'list mine due=tomorrow'),
    ('all open stuff for facilities', 'list all status=open assignee=team:3'),
    ('show me everything created today', 'list all created_from=2026-12-02'),
    ('network tickets on hold', 'list all status=on_hold assignee=team:2'),
    ("what's open and urgent", 'list all status=open priority=urgent'),
    ('what are my tickets that r overdue', 'list mine due=overdue'),
    ("list priya's open ones", 'list all status=open assignee=user:u-priya'),
    ('tickets with no due date', 'list all due=none'),
    ('oldest open tickets', 'list all status=open order=oldest'),
    ('what tickets did lee chen raise', 'list all filed_by=user:u-leec'),
    ('urgent tickets nobody has', 'list all priority=urgent assignee=nobody'),
    ('show me our queue', 'list teams'),
    ('whats closed today', 'list all status=closed finished_from=2026-12-02'),
    # --- stats and workload -----------------------------------------------------------------------
    ('todays stats pls', 'stats today'),
    ('how many tickets this week', 'stats this_week'),
    ("give me last week's numbers", 'stats last_week'),
    ('who has the most tickets', 'workload'),
    ('show workload for the team', 'workload'),
    ('how many tickets were opened this month', 'list all created_from=2026-12-01'),
    # --- help assistant ---------------------------------------------------------------------------
    ('how do i change my windows pw from home', 'question'),
    ('How can I connect to VPN from a hotel?', 'question'),
    ("what's the wifi password for guests", 'question'),
    ('how to map a network drive', 'question'),
    ('where can i find the expense policy', 'question'),
    ('how do i set up my email on iphone', 'question'),
    ('what does on hold mean exactly', 'question'),
    ('help me pls bot', 'help'),
    ('what can u do', 'help'),
    ('how does this bot work', 'help'),
    ('who r u', 'small talk about'),
    ('is there a way to install software myself', 'question'),
    # --- small talk -------------------------------------------------------------------------------
    ('hiya bot 👋', 'small talk hello'),
    ('hello there!', 'small talk hello'),
    ('good morning 🌞', 'small talk hello'),
    ('thanks a bunch, legend', 'small talk thanks'),
    ('thank you very much for your help', 'small talk thanks'),
    ('thx mate', 'small talk thanks'),
    ('ok noted', 'small talk ok'),
    ('okay cool', 'small talk ok'),
    ('👍 ta', 'small talk thanks'),
    ('great, thank you!!', 'small talk thanks'),
    ('many thanks', 'small talk thanks'),
    ('hey', 'small talk hello'),
    ('cheers for that mate', 'small talk thanks'),
    ('perfect', 'small talk ok'),
    ('haha ok', 'small talk ok'),
    # --- comments ---------------------------------------------------------------------------------
    ('comment on 1952: called the user, no answer', "comment #1952 'called the user, no answer'"),
    ('add a note to 1953 that the vendor is sending a tech tomorrow',
     "comment #1953 'the vendor is sending a tech tomorrow'"),
    ('1954: user says it happens only on wifi',
     "comment #1954 'user says it happens only on wifi'"),
    ('add comment to 1955 - waiting on approval from finance',
     "comment #1955 'waiting on approval from finance'"),
    ('update 1956 with: replaced the cable, monitoring',
     "comment #1956 'replaced the cable, monitoring'"),
    ('let the requester of 1957 know we need their laptop', "comment #1957 'we need their laptop'"),
    ('note on this one: spoke to user, will retry monday',
     "comment #7 'spoke to user, will retry monday'"),
    ('comment 1958 rebooted the switch', "comment #1958 'rebooted the switch'"),
    # --- status / priority / due / assign in other words ------------------------------------------
    ('please mark 1959 as resolved', 'status #1959 resolved'),
    ('can you close 1960', 'status #1960 closed'),
    ('put 1961 on hold pls', 'status #1961 on_hold'),
    ('set status of 1962 to in progress', 'status #1962 in_progress'),
    ('change 1963 to closed', 'status #1963 closed'),
    ('1964 can be closed now', 'status #1964 closed'),
    ('set priority of 1965 to low', 'edit #1965 priority=low'),
    ('make 1966 urgent', 'edit #1966 priority=urgent'),
    ('bump 1967 to high', 'edit #1967 priority=high'),
    ('1968 is not urgent anymore, set it to medium', 'edit #1968 priority=medium'),
    ('set the due date of 1969 to 20 december', 'edit #1969 due=2026-12-20'),
    ('1970 due tomorrow', 'edit #1970 due=2026-12-03'),
    ('push 1971 to next monday', 'edit #1971 due=2026-12-07'),
    ('remove the due date from 1972', 'edit #1972 due=none'),
    ('assign 1973 to priya', 'assign #1973 to user:u-priya'),
    ('give 1974 to the network team', 'assign #1974 to team:2'),
    ('can you assign 1975 to me', 'assign #1975 to user:u-jo'),
    ('reassign 1976 to alex kim', 'assign #1976 to user:u-alex'),
    ('unassign 1977', 'assign #1977 to nobody'),
    ('move 1978 to facilities', 'assign #1978 to team:3'),
    ('hand over 1979 to lee chen', 'assign #1979 to user:u-leec'),
    ('assign 1980 to lee', 'ask assign #1980 to ?: Which Lee do you mean? [Lee Park, Lee Chen]'),
    ('sam can you take 1981?', 'ask assign #1981 to ?: Should Sam Rivera take #1981? [Yes]'),
    ('change category of 1982 to request', 'edit #1982 category=request'),
    ('set severity on 1983 to critical', 'edit #1983 severity=critical'),
    ("rename 1984 to 'VPN drops every 10 minutes'",
     "edit #1984 title='VPN drops every 10 minutes'"),
    ('pls assign this to me', 'assign #7 to user:u-jo'),
    ('close this pls', 'status #7 closed'),
    ('make this one high prio', 'edit #7 priority=high'),
    # --- corrections and take-backs ---------------------------------------------------------------
    ('sorry i meant 1985', 'meant #1985'),
    ('not 1986, 1987', 'meant #1987 not #1986'),
    ('close 1988 no wait, resolve it', 'status #1988 resolved'),
    ('assign 1989 to sam - actually alex', 'assign #1989 to user:u-alex'),
    ('make 1990 urgent, sorry high', 'edit #1990 priority=high'),
    ("don't close 1991", 'no change #1991'),
    ('cancel that please, wrong chat', 'cancel'),
    ('nvm forget it', 'cancel'),
    ('undo that pls', 'cannot undo #7'),
    ('reopen 1992, closed it by mistake', 'status #1992 open'),
    # --- held back, hypothetical ------------------------------------------------------------------
    ('should we close 1993?', 'show #1993'),
    ('can i close 1994 myself?', 'show #1994'),
    ('not sure if 1995 should be urgent', 'show #1995'),
    ("don't assign 1996 to sam yet", 'no change #1996'),
    ('leave 1997 open for now', 'no change #1997'),
    ('close 1998?', 'show #1998'),
    ('maybe give 1999 to priya?', 'ask assign #1999 to ?: Should Priya Shah take #1999? [Yes]'),
    # --- Teams markup, mentions, pasted -----------------------------------------------------------
    ('<at>TicketFlow</at> close 2001', 'status #2001 closed'),
    ("<p><at>TicketFlow</at> what's open for me?</p>", 'list mine status=open'),
    ('@TicketFlow assign 2002 to sam', 'assign #2002 to user:u-sam'),
    ('<p>Hi <at>TicketFlow</at>,</p><p>please put 2003 on hold</p><p>thanks</p>',
     'status #2003 on_hold'),
    ('<at>Sam Rivera</at> can you take a look at 2004',
     'ask assign #2004 to ?: Should Sam Rivera take #2004? [Yes]'),
    ('<p>2005 <strong>urgent</strong></p>', 'edit #2005 priority=urgent'),
    ('<blockquote>is 2006 done?</blockquote><p>yes close it</p>', 'status #2006 closed'),
    ('<p>thanks <at>Priya Shah</at> 🙏</p>', 'small talk thanks'),
    ('<p>&gt; the printer is broken<br>new ticket for that pls</p>',
     "create title='The printer is broken'"),
    ('<div>what&#39;s overdue for sam?</div>', 'list all assignee=user:u-sam due=overdue'),
    # --- multi-request ----------------------------------------------------------------------------
    ('close 2007 and 2008', 'status #2007, #2008 closed'),
    ('assign 2009 to sam and make it urgent',
     'assign #2009 to user:u-sam + edit #2009 priority=urgent'),
    ('resolve 2010, reopen 2011', 'status #2010 resolved + status #2011 open'),
    ('take 2012 and put it in progress', 'assign #2012 to user:u-jo + status #2012 in_progress'),
    ('set 2013 high and give it to network', 'edit #2013 priority=high + assign #2013 to team:2'),
    ('close 2014 and add a comment: user confirmed', 'status #2014 closed'),
    ('put 2015 on hold and set due to friday', 'status #2015 on_hold + edit #2015 due=2026-12-04'),
    ('reassign 2016 to priya and close 2017', 'assign #2016 to user:u-priya + status #2017 closed'),
    # --- second-language / non-native -------------------------------------------------------------
    ('please do needful and close 2018', 'status #2018 closed'),
    ('kindly assign 2019 to me only', 'assign #2019 to user:u-jo'),
    ('2020 is not resolve yet, please check', 'no change #2020'),
    ('what is status of my ticket 2021', 'show #2021 asked=status'),
    ('i am facing issue with outlook, please create one ticket',
     "create title='Issue with outlook'"),
    ('please to change 2022 priority as high', 'edit #2022 priority=high'),
    ('2023 same problem is coming again', 'status #2023 open'),
    ('till now nobody contacted me for 2024', 'show #2024'),
    ('pls make 2025 close', 'status #2025 closed'),
    ('can you tell me 2026 is assign to whom', 'show #2026 asked=assignee'),
    # --- what TicketFlow lacks --------------------------------------------------------------------
    ('merge 2027 into 2028', 'cannot merge #2027 #2028'),
    ('link 2029 to 2030', 'cannot link #2029 #2030'),
    ('remind me about 2031 tomorrow', 'cannot remind #2031'),
    ('attach the log file to 2032', 'cannot attach #2032'),
    ('cc priya on 2033', 'cannot watch #2033'),
    ('snooze 2034 until monday', 'cannot snooze #2034 until 2026-12-07'),
    ('delete 2035',
     "ask status #2035 ?: Tickets aren't deleted. Should #2035 be closed? "
     "[Yes, close it, Resolve it instead]"),
    # --- typos, caps, emoji -----------------------------------------------------------------------
    ('clsoe 2036', 'status #2036 closed'),
    ('assing 2037 to sam', 'assign #2037 to user:u-sam'),
    ('resovle 2038', 'status #2038 resolved'),
    ('CLOSE 2039 NOW', 'status #2039 closed'),
    ('WHERE IS MY TICKET 2040', 'show #2040'),
    ('2041 ✅', 'show #2041'),
    ('urgnet 2042', 'edit #2042 priority=urgent'),
    ('wats the status of 2043', 'show #2043 asked=status'),
    ('pls clos 2044 thnx', 'status #2044 closed'),
    ('2045 prioirty high', 'edit #2045 priority=high'),
    ('show my tikets', 'list mine'),
    ('whos on 2046??', 'show #2046 asked=assignee'),
)

TWENTIETH_MISREAD: dict[str, str] = {
    'log it as a bug pls - the export button does nothing in chrome':
        "miss: 'log it as a bug' before the problem not read as asking for a ticket",
    'can i get a ticket opened for a new starter laptop for priya':
        "other: 'can i get a ticket opened' goes to the help assistant",
    '1922 still not working after the restart':
        "miss: 'still not working' run on into its reason",
    '1926 - problem is back':
        "miss: 'problem is back' after a dash is no reopen",
    'on it - 1949':
        "miss: 'on it' before a dash and the ticket",
    'any high priority tickets for it support?':
        "other: 'it' in the IT Support team's name read as the ticket in view",
    "what's sam busy with":
        'other: what someone is busy with goes to the help assistant',
    'show resolved tickets from this week':
        "other: 'from this week' left unplaced, not a window",
    'what are my tickets that r overdue':
        "other: 'r' for are searched as text",
    'how many tickets this week':
        'other: the week dropped from a count asked',
    'show workload for the team':
        "other: 'workload' searched as text in the team's list",
    'help me pls bot':
        'other: not read as asking for help',
    'how does this bot work':
        "other: goes to the help assistant, not the bot's help",
    '1954: user says it happens only on wifi':
        'miss: a ticket, a colon and a note is no comment',
    'cancel that please, wrong chat':
        "miss: 'cancel that' with a reason is no cancel",
    'nvm forget it':
        "miss: 'nvm' before 'forget it'",
    'not sure if 1995 should be urgent':
        'miss: a doubt about a priority is not answered with how it stands',
    '<p>&gt; the printer is broken<br>new ticket for that pls</p>':
        'asks: the quoted problem is not taken as the title',
    'i am facing issue with outlook, please create one ticket':
        "other: 'I am facing' kept in the title",
    '2023 same problem is coming again':
        "miss: 'coming again' in a second language is no reopen",
    'till now nobody contacted me for 2024':
        'miss: a ticket chased in a second language is not shown',
    'can you tell me 2026 is assign to whom':
        "miss: 'assign to whom' not read as asking who has it",
    'urgnet 2042':
        "miss: 'urgnet' for urgent",
    'wats the status of 2043':
        "miss: 'wats' for what's",
    'pls clos 2044 thnx':
        "miss: 'clos' for close (a four-letter word is corrected only for two letters swapped)",
}
