"""Asked who has how much: "who's overloaded?", "what's everyone's workload", "how many
tickets does each person have". Answered with a count of open tickets per person and team
(only the tickets the asker may see), never a list of every ticket nor the help assistant."""

from __future__ import annotations

import re

from bot.understanding.requests import Workload

_TICKETS = r"(?:open |active |assigned )?(?:tickets|cases|requests|issues)"
_EACH = r"(?:each|every|per) (?:person|agent|one|body|member|team member|engineer|tech|assignee)"
_ASKED = re.compile("|".join((
    r"(?:who|which (?:agent|person|one|of us|of them|team member))(?: (?:on|in|of) (?:the|my"
    r"|our) team)? (?:is|s|are|seems|looks)"
    r"(?: the)?(?: most)? (?:overloaded|overworked|swamped|busiest|drowning|slammed|snowed under"
    r"|maxed out|stretched|over capacity)(?: right now| now| today| at the moment| this week)?",
    r"(?:who|which (?:agent|person|one|team member))(?: (?:on|in|of) (?:the|my|our) team)?"
    r" (?:has|got|have|(?:has|have|is) got)"
    r" (?:the )?most"  # "who has the most tickets", "who's got the most on right now"
    rf"(?: {_TICKETS}| work| on(?: their plate)?)?(?: right now| now| today| at the moment)?",
    r"(?:(?:what|how) is |whats |show(?: me)? |give me |check )?(?:the )?(?:everyones|everybodys"
    r"|the teams|our|my teams|team|current|agent|people s|staff) (?:work ?load|load|capacity)"
    r"(?: look| looking)?(?: like)?(?: right now| now| today| at the moment| this week)?",
    r"(?:(?:show(?: me)?|what ?s|what is|how ?s|how is|give me|check) )?(?:the )?"
    r"(?:work ?load|load|capacity)(?: per person| by person| of the team| of everyone"
    r"| across the team| overview| report)?(?: look| looking)?(?: like)?"
    r"(?: right now| now| today| at the moment| this week)?",
    rf"how many {_TICKETS} (?:does|do|has|have) {_EACH}(?: have| got| got open| have open)?",
    rf"{_TICKETS} (?:per|by|for each) (?:person|agent|assignee|engineer|team member|tech)",
    rf"(?:open )?{_TICKETS}? ?count (?:per|by) (?:person|agent|assignee)",
    # "who is working on what", "who's doing what", "who has what": who holds how much
    r"(?:so )?(?:who|whos) (?:is |s |are )?(?:working on|doing|handling|on|has|got|holds)"
    r" what(?: (?:right now|now|today|at the moment|this week))?",
    r"(?:whats|what (?:is|s)|how much (?:is|s)) everyone (?:working on|doing|handling|got on)"
    r"(?: (?:right now|now|today|at the moment|this week))?",
    # "how busy is the team", "how busy are we", "how busy is everyone right now"
    r"how (?:busy|loaded|stretched|swamped) (?:is (?:the|my|our) team|are we|is everyone"
    r"|is everybody|are (?:the|my|our) (?:agents|people|team))"
    r"(?: (?:right now|now|today|at the moment|this week))?",
)))


_NOW = r"(?: right now| now| today| at the moment)?"
_WHO = (r"(?:who|which (?:agent|person|one|of us|of them|team member))"
        r"(?: (?:on|in|of) (?:the|my|our) team)?")
_LEAST = re.compile("|".join((
    # "who is least busy", "who's free right now", "who is available to take one"
    rf"{_WHO} (?:is|s|are)(?: the)? (?:least busy|least loaded|quietest|free|not busy"
    rf"|available(?: to (?:take|pick up|grab) (?:one|a ticket|another(?: one)?|one more|more))?)"
    rf"{_NOW}",
    # "who has the fewest tickets", "who's got the least on"
    rf"{_WHO} (?:has|got|have|(?:has|have|is|s) got) (?:the )?(?:fewest|least)"
    rf"(?: {_TICKETS}| work| on(?: their plate)?)?{_NOW}",
    # "who has capacity", "who's got room for one more"
    r"(?:who|whos)(?: (?:has|s|is|have))?(?: got)? (?:capacity|room|bandwidth|space)"
    rf"(?: for (?:one|another(?: one)?|a ticket|one more|more|a new one))?{_NOW}",
    # "who can take a ticket", "who could pick up another one"
    r"who (?:can|could) (?:take|pick up|grab) (?:one|a ticket|another(?: one)?|one more"
    rf"|a new one|more){_NOW}",
)))


def workload_asked(core: str) -> Workload | None:
    """Whether the words (read, lower case, politeness left out) ask for everyone's
    workload, and whether who holds least ("who's free?"); "today" is read as a date,
    `tdate`: "who's overloaded today"."""
    said = re.sub(r"\btdate$", "today", core)
    if _LEAST.fullmatch(said):
        return Workload(least_first=True)
    return Workload() if _ASKED.fullmatch(said) else None
