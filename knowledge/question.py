"""The words of a question that search should look for.

People ask "how do i ... ?" and "can someone tell me why ...": those words say
nothing about the topic, occur in every document, and would make an OR query
match nearly every chunk. They are dropped here, the same way for PostgreSQL and
SQLite, so both backends search for the same words and their scores can be
calibrated against one another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.text import words

MAX_WORDS = 32  # a pasted essay is not a question: the first words carry it
MAX_WORD_CHARS = 60

# Function words, pronouns, auxiliaries and the filler of chat questions. Written
# for questions about IT and office help; domain words ("account", "help") stay.
FILLER = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each few for from further had hadn't has hasn't
    have haven't having he he'd he'll he's her here here's hers herself him himself his
    how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more
    most mustn't my myself no nor not of off on once only or other ought our ours
    ourselves out over own same shan't she she'd she'll she's should shouldn't so some
    such than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those through to too under until up very was
    wasn't we we'd we'll we're we've were weren't what what's when when's where where's
    which while who who's whom why why's with won't would wouldn't you you'd you'll
    you're you've your yours yourself yourselves
    im ive id dont doesnt didnt cant cannot wont isnt arent wasnt werent couldnt
    shouldnt wouldnt ill youre theyre whats hows thats theres
    just really still also already even ever yet got get gets getting go goes going
    want wanted wants need needs needed please pls plz thanks thank hi hello hey
    someone somebody anyone anybody anything something thing things stuff way
    tell know let us ok okay yes yeah
    much many often lot lots
    will shall may might must
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_TIMES = (r"(?:morning|afternoon|evening|night|day|week|weekend|month|monday|tuesday|wednesday"
          r"|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)s?")
_WHEN_IT_HAPPENED = re.compile(
    rf"\b(?:(?:this|since|every|all|last(?!\s+days?\b)|till|until|yesterday|tomorrow|(?:earlier|later) today"
    rf"|for a|for the (?:whole|past|last)|over the)\s+{_TIMES}"
    rf"|(?:since\s+)?(?:yesterday|today|tonight|lately|recently|suddenly|earlier|overnight)(?:\s+{_TIMES})?)\b",
    re.IGNORECASE)
"""When the trouble happened, as people tell it ("since this morning", "every morning",
"yesterday", "since monday", "all day"): it says nothing of what the question is about, and
help text that mentions a morning ("during the busy morning period") is no answer to "outlook
keeps crashing every morning". A time asked about ("what are the opening hours on saturday",
"can i work from home on fridays", "receipts each month") is kept, and so is "my last day"
(leaving): only the told forms above are dropped."""


_COURTESY = re.compile(
    r"\b(?:(?:dear|hi|hello|hey|respected)\s+(?:(?:the|it|service|help)\s+)*"
    r"(?:team|desk|support|sir|madam|ma'?am|all|everyone|colleagues)"
    r"|(?:please|pls|plz|kindly)\s+advise|kindly|(?:do\s+)?the\s+needful|needful|regarding"
    r"|unable|sir|madam|ma'?am"
    r"|(?:(?:many\s+)?thanks|thank\s+you)(?:\s+so\s+much)?\s+in\s+advance)\b",
    re.IGNORECASE)
"""The courtesy of a formal request, as a help desk receives it from people writing in a
second language or to a stranger ("Dear IT team", "Kindly do the needful", "please advise",
"regarding", "I am unable to", "Thank you in advance"): how the question is put, as "please"
and "can't" are, never what it is about. Each word counted against the question's coverage,
so the most polite wordings were declined ("Dear sir, kindly advise the mileage rate for my
own car"); "in advance" and "advise" asked about are kept ("how far in advance do i book")."""


_HOW_LONG = re.compile(r"\bhow\s+(?:long|much\s+time)\b", re.IGNORECASE)
_TAKES = re.compile(r"\btak(?:e|es|ing)\b", re.IGNORECASE)
"""A duration asked as "how long does … take" ("how long does reimbursement take", "how long
will it take to unlock"): "long" and "take" are how a duration is asked, not what about; the
documents use "take" for other things ("Take a photo of the receipt", "the application takes
about ten working days") and "long" for length ("at least 14 characters long"). "How long
does my password have to be" asks a length, with no "take": it is kept."""


def without_duration_frame(question: str) -> str:
    """The question without "how long … take" (`_HOW_LONG`), the words of a duration asked."""
    asked = _HOW_LONG.search(question)
    took = _TAKES.search(question, asked.end()) if asked else None
    if asked is None or took is None:
        return question
    return f"{question[:asked.start()]} {question[asked.end():took.start()]} {question[took.end():]}"


def without_courtesy(question: str) -> str:
    """The question without the courtesy of a formal request (`_COURTESY`)."""
    return _COURTESY.sub(" ", question)


def without_when(question: str) -> str:
    """The question without the words saying when its trouble happened (`_WHEN_IT_HAPPENED`)."""
    return _WHEN_IT_HAPPENED.sub(" ", question)


def question_words(question: str) -> list[str]:
    """Distinct topic words of a question, in the order asked, lower-cased."""
    kept: list[str] = []
    for word in words(without_duration_frame(without_when(without_courtesy(question)))):
        word = word.strip("'’.-")
        if (
            len(word) < 2 and not word.isdigit()
            or len(word) > MAX_WORD_CHARS
            or not any(character.isalnum() for character in word)
            or word.replace("’", "'") in FILLER
            or word in kept
        ):
            continue
        kept.append(word)
        if len(kept) == MAX_WORDS:
            break
    return kept


_LIVE_STATUS = re.compile(
    r"^\W*(?:hey|hi|quick question)?\W*(?:is|are)\s+(?:the\s+|our\s+)?(?!(?:it|this|that|you|they|everything|everyone)\b)(?P<service>[\w.&+-]+(?:\s+[\w.&+-]+)?)"
    r"\s+(?:down|up|offline|online|working|broken|out)"
    r"(?:\s+(?:at the moment|right now|now|today|again|for (?:everyone|anyone) else"
    r"|for everybody|or is it (?:just )?me))*\W*$",
    re.IGNORECASE)
_STATUS_SOURCE = re.compile(
    r"\b(?:outages?|service status|status page|service health|known (?:issues|incidents))\b",
    re.IGNORECASE)


def asks_live_status(question: str) -> bool:
    """Whether the question only asks whether a service is up right now ("is teams down?",
    "is outlook down right now", "are the printers working today?"): help documents say how
    things work, not how they are this minute, so a passage about the service answers
    nothing. A question that says more ("is the vpn down? I can't connect from home") is
    asked as usual."""
    return bool(_LIVE_STATUS.match(question.strip()))


def says_where_status_is(texts: Iterable[str]) -> bool:
    """Whether the passages speak of outages or a status page, which would answer it."""
    return any(_STATUS_SOURCE.search(text) for text in texts)
