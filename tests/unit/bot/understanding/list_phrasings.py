"""Lists and finds as people ask for them: when tickets were filed, "my X ticket", and filter
words the rules must either place, search for, or say back, never drop.

Same conventions as `transcript.py` (today is Wednesday 2 December 2026, so Monday is 30
November and last week is Monday 23 to Monday 30 November). Written on 2026-12-04 before any
change it led to: terse, chatty, typos, non-native English. New shapes:
`created_from=` / `created_before=` (filed on or after / before that day: "last week" is that
week, Monday to Monday; "since Monday" has no end), scope `own` (filed by or assigned to the
viewer: "my outlook ticket"), and `unplaced='…'` (words said back as a filter the rules cannot
apply). "tickets closed last week" listed every closed ticket, saying it could not tell
when; since 2026-12-07 it is `finished_from=` / `finished_before=` (resolved or closed in that
window, by TicketFlow's `resolved_at` / `closed_at`).

One expectation was corrected after the first fix, as inconsistent with the table itself:
"tickets submitted 2 days ago" lists everyone's tickets (as "tickets opened in the last 3
days"); only "created" and "filed" said alone already meant the viewer's.
"""

from __future__ import annotations

LIST_PHRASINGS: tuple[tuple[str, str], ...] = (
    # --- when they were filed -------------------------------------------------------------------
    ("tickets i opened last week", "list created created_from=2026-11-23 created_before=2026-11-30"),
    ("tickets created yesterday", "list created created_from=2026-12-01 created_before=2026-12-02"),
    ("show me the tickets I raised today", "list created created_from=2026-12-02"),
    ("new tickets this morning", "list all created_from=2026-12-02"),
    ("what came in since monday", "list all created_from=2026-11-30"),
    ("tickets I filed this month", "list created created_from=2026-12-01"),
    ("tix i raised yesterday pls", "list created created_from=2026-12-01 created_before=2026-12-02"),
    ("wat tickets did i open this week", "list created created_from=2026-11-30"),
    ("Could you show me what I've submitted since Monday?", "list created created_from=2026-11-30"),
    ("tickets opened in the last 3 days", "list all created_from=2026-11-29"),
    ("new tickets today", "list all created_from=2026-12-02"),
    ("any new tickets since yesterday?", "list all created_from=2026-12-01"),
    ("what's come in today", "list all created_from=2026-12-02"),
    ("my tickets from last month", "list mine created_from=2026-11-01 created_before=2026-12-01"),
    ("urgent tickets filed this week", "list created priority=urgent created_from=2026-11-30"),
    ("open tickets I logged yesterday",
     "list created status=open created_from=2026-12-01 created_before=2026-12-02"),
    ("the ticket i made this morning", "list created created_from=2026-12-02"),
    ("tickets I reported on monday", "list created created_from=2026-11-30 created_before=2026-12-01"),
    ("ticket I raised yesterday about wifi",
     "list created created_from=2026-12-01 created_before=2026-12-02 text='wifi'"),
    ("anything new since Monday?", "list all created_from=2026-11-30"),
    ("pls show tickets i created before monday", "list created created_before=2026-11-30"),
    ("tickets i have opened in past 7 days", "list created created_from=2026-11-25"),
    ("which tickets did I submit last week?",
     "list created created_from=2026-11-23 created_before=2026-11-30"),
    ("list tickets created this week", "list created created_from=2026-11-30"),
    ("tickets submitted 2 days ago", "list all created_from=2026-11-30 created_before=2026-12-01"),
    # --- my X ticket ----------------------------------------------------------------------------
    ("what's the status of my outlook ticket", "list own text='outlook' asked=status"),
    ("where is my printer ticket at", "list own text='printer' asked=status"),
    ("any news on my vpn ticket?", "list own text='vpn'"),
    ("my outlook ticket", "list own text='outlook'"),
    ("what's the status of my laptop ticket?", "list own text='laptop' asked=status"),
    ("hows my vpn ticket going", "list own text='vpn'"),
    ("my printer tickets", "list own text='printer'"),
    ("status of my outlook issue", "list own text='outlook' asked=status"),
    ("any update on my password reset ticket", "list own text='password reset'"),
    ("wheres my docking station ticket", "list own text='docking station'"),
    ("my open vpn tickets", "list own status=open text='vpn'"),
    ("show me my wifi ticket pls", "list own text='wifi'"),
    ("what happened to my teams ticket", "list own text='teams'"),
    # --- what must stay as it is ----------------------------------------------------------------
    ("my tickets", "list mine"),
    ("my open tickets", "list mine status=open"),
    ("what am I working on", "list mine"),
    ("tickets about vpn", "list all text='vpn'"),
    ("find tickets mentioning teams meeting", "list all text='teams meeting'"),
    ("urgent tickets", "list all priority=urgent"),
    ("tickets assigned to Sam", "list all assignee=user:u-sam"),
    ("overdue tickets", "list all due=overdue"),
    ("my urgent tickets", "list mine priority=urgent"),
    ("what's on my plate today", "list mine"),
    # --- when they were finished (resolved_at / closed_at), 2026-12-07 ------------------------------
    ("tickets closed last week",
     "list all status=closed finished_from=2026-11-23 finished_before=2026-11-30"),
    ("tickets resolved yesterday",
     "list all status=resolved finished_from=2026-12-01 finished_before=2026-12-02"),
)

LIST_MISREAD: frozenset[str] = frozenset()
"""What the rules still misread (xfail, strict: a fixed line must leave this set)."""
