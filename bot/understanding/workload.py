"""Asked who has how much: "who's overloaded?", "what's everyone's workload", "how many
tickets does each person have". Answered with a count of open tickets per person and team
(only the tickets the asker may see), never a list of every ticket nor the help assistant."""

from __future__ import annotations

import re

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


def workload_asked(core: str) -> bool:
    """The words (read, lower case, politeness left out) ask for everyone's workload
    ("today" is read as a date, `tdate`: "who's overloaded today")."""
    return bool(_ASKED.fullmatch(re.sub(r"\btdate$", "today", core)))
