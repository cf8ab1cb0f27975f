"""Asked how things stand: "weekly summary", "stats for today", "how are we doing this
month?". Answered with counts of the tickets the asker may see (filed and finished in the
period, open now, and how many of those are urgent, overdue or with nobody), never a search
for the word "summary" nor the help assistant."""

from __future__ import annotations

import re

from bot.understanding.requests import StatsPeriod, TicketStats

_PERIODS = {
    "today": StatsPeriod.TODAY, "todays": StatsPeriod.TODAY, "the day": StatsPeriod.TODAY,
    "daily": StatsPeriod.TODAY, "this week": StatsPeriod.THIS_WEEK,
    "this weeks": StatsPeriod.THIS_WEEK, "the week": StatsPeriod.THIS_WEEK,
    "weekly": StatsPeriod.THIS_WEEK, "last week": StatsPeriod.LAST_WEEK,
    "last weeks": StatsPeriod.LAST_WEEK, "this month": StatsPeriod.THIS_MONTH,
    "this months": StatsPeriod.THIS_MONTH, "the month": StatsPeriod.THIS_MONTH,
    "monthly": StatsPeriod.THIS_MONTH, "so far this week": StatsPeriod.THIS_WEEK,
    "so far this month": StatsPeriod.THIS_MONTH, "so far today": StatsPeriod.TODAY,
}
_NAMES = "|".join(sorted(map(re.escape, _PERIODS), key=len, reverse=True))
_WHEN_SAID = (rf"(?: (?:for|of|from|in|over|during) (?:the )?(?P<period>{_NAMES})"
              rf"| (?P<after>{_NAMES})(?: so far)?)")
_WHEN = rf"{_WHEN_SAID}?"
_TICKETS = r"(?:tickets|ticket|issues|requests|incidents|cases|jobs)"
_FINISHED = (r"close|closed|resolve|resolved|fix|fixed|finish|finished|complete|completed"
             r"|solve|solved|handle|handled|clear|cleared|sort out|sorted out|sorted|get through"
             r"|got through|knock out|knocked out|work through|worked through")

_WHAT = (r"(?:ticket |tickets |helpdesk |help desk |service desk |support |team |queue |desk )?"
         r"(?:summary|stats|statistics|overview|dashboard|metrics|kpis|numbers|figures"
         r"|report|recap|roundup|round up|totals)")
_ASK = (r"(?:(?:give me|show me|send me|can i (?:get|have|see)|could i (?:get|have|see)|"
        r"id like|i would like|i want|i need|whats|what is|what are|how about|get me|pull up) )?")
_ASKED = [
    # "weekly summary", "this week's stats", "give me the ticket numbers for today"
    re.compile(rf"{_ASK}(?:(?:the|a|our|my) )?(?:(?P<before>{_NAMES})"
               rf" )?{_WHAT}{_WHEN}"),
    # "summarise this week", "sum up today for me": a period summed up is its summary
    re.compile(rf"(?:(?:can|could) you |please |pls )?(?:summarise|summarize|sum up|recap)"
               rf"(?: (?:the|our|my) (?:week|day|month))?{_WHEN}(?: for me)?(?: please| pls)?"),
    # "team status", "what's the service desk status this week": not one ticket's status
    re.compile(rf"{_ASK}(?:(?:the|our|my) )?(?:team|queue|desk|service desk|help desk)s? status"
               rf"{_WHEN}"),
    # "how are we doing this week?", "how's this week looking", "how did we do last week",
    # "how is the team doing", "how's my team getting on"
    re.compile(rf"(?:how (?:are|re) we doing|how did we do|how did (?:the|my|our) (?:team|desk"
               rf"|service desk|help desk|helpdesk|support team|it team) do|"
               rf"(?:hows|how is|how s) (?:the|my|our) (?:team|desk|service desk|help desk)"
               rf" (?:doing|getting on|holding up|looking|coping)|"
               rf"(?:hows|how is|how was) (?:the|this|last|todays) (?P<own>week|month|day)"
               rf"(?: been| looking| going| gone)?){_WHEN}"),
    # "how's the queue looking?", "what does the backlog look like", "how big is the queue
    # today": the queue as a whole, not one ticket nor the help documents
    re.compile(r"(?:hows|how is|how s|how does|how did|how big is|how long is|whats|what is"
               r"|what does)"
               r" (?:the|our|the teams|the team s) (?:queue|backlog|board)"
               rf"(?: (?:looking|look|look like|looking like|like|doing|at|been|going))?{_WHEN}"),
    # "how many tickets did we close this week", "how many were resolved today": a period is
    # needed (without one, "how many tickets have we closed" lists them, with their count)
    re.compile(rf"(?:how many|number of|count of|total)(?: of)?(?: the)?(?: {_TICKETS})?"
               rf"(?: (?:did|have|has|had) (?:we|you|the team|our team|the desk)"
               rf"| (?:were|was|have been|got|have we|did we|did you|did the team))?"
               rf" (?:{_FINISHED})(?: (?:so far|in total|overall))?{_WHEN_SAID}"),
]
_ALONE_IS_NOT_ENOUGH = frozenset({"report", "numbers", "figures", "totals", "recap"})
"""Said alone these ask for something else ("report" a problem, which "numbers"): only with
a period or a ticket word are they a summary."""


_FOR_WHAT = re.compile(
    r" (?:for|4) (?:the|my|our|a|tomorrows|todays|mondays|fridays|next) (?:\w+ )?(?:report|meeting"
    r"|standup|stand up|review|slides|deck|retro|presentation|update)$")
"""What the figures are wanted for ("…, for the weekly report"): no part of what is asked."""


def stats_asked(core: str) -> TicketStats | None:
    """The words (read, lower case, politeness left out) ask how things stand, and for when."""
    core = _FOR_WHAT.sub("", core).rstrip(" ,;:-–—")
    for pattern in _ASKED:
        if (found := pattern.fullmatch(core)) is None:
            continue
        said = [period for name in ("before", "period", "after")
                if (period := found.groupdict().get(name))]
        if not said and core in _ALONE_IS_NOT_ENOUGH:
            return None
        if (own := found.groupdict().get("own")) and not said:
            return TicketStats(_own_period(core, own))
        return TicketStats(_PERIODS[said[0]] if said else StatsPeriod.THIS_WEEK)
    return None


def _own_period(core: str, own: str) -> StatsPeriod:
    """"how's this week looking" / "how was last week" / "how's the month been"."""
    if own == "day":
        return StatsPeriod.TODAY
    if own == "month":
        return StatsPeriod.THIS_MONTH
    return StatsPeriod.LAST_WEEK if "last week" in core else StatsPeriod.THIS_WEEK
