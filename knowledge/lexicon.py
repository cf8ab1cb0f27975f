"""Whether a word is an English word, for decisions the document's own text cannot settle.

The word list is pyspellchecker's English dictionary (about 160,000 words with how
often each occurs in subtitles and Wikipedia), read once per process when first asked
(about 0.25 s and 20 MB) and never at import time. It is generous: it holds fragments such as "con",
"sion" or "ing" that occur as words somewhere, so a caller asks about the whole
word first ("version") and about the halves ("ver", "sion") only after that.
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import threading

_DICTIONARY = ("spellchecker", "resources/en.json.gz")
_loading = threading.Lock()
_words: dict[str, int] | None = None


def is_english_word(word: str) -> bool:
    """`word` (any case) is in the English word list."""
    return word.casefold() in _english_words()


def english_frequency(word: str) -> int:
    """How often `word` (any case) occurs in the list's sources; 0 for a word not in it."""
    return _english_words().get(word.casefold(), 0)


def _english_words() -> dict[str, int]:
    global _words
    if _words is None:
        with _loading:
            if _words is None:
                package, name = _DICTIONARY
                resource = importlib.resources.files(package).joinpath(name)
                with resource.open("rb") as packed, gzip.open(packed, "rt", encoding="utf-8") as text:
                    # word -> count, lower-case already: folding its 160,000 words again
                    # took as long as reading them
                    _words = json.load(text)
    return _words


_IRREGULAR_FORMS = """
    arise arose arisen · awake awoke awoken · bear bore borne · beat beat beaten ·
    become became become · begin began begun · bend bent bent ·
    bite bitten bitten · bleed bled bled · blow blew blown · break broke broken ·
    bring brought brought · build built built · burn burnt burnt · buy bought bought ·
    catch caught caught · choose chose chosen · cling clung clung · come came come ·
    creep crept crept · deal dealt dealt · dig dug dug · do did done · draw drew drawn ·
    dream dreamt dreamt · drink drank drunk · drive drove driven · eat ate eaten ·
    fall fell fallen · feel felt felt · fight fought fought · fly flew flown ·
    forbid forbade forbidden · forget forgot forgotten · forgive forgave forgiven ·
    freeze froze frozen · get got gotten · give gave given · go went gone · grow grew grown ·
    hang hung hung · hear heard heard · hide hid hidden · hold held held · keep kept kept ·
    know knew known · lean leant leant · learn learnt learnt · lend lent lent ·
    lose lost lost · make made made · mean meant meant · mistake mistook mistaken ·
    overwrite overwrote overwritten · pay paid paid · rewrite rewrote rewritten ·
    ride rode ridden · ring rang rung · rise risen risen · run ran run · sell sold sold ·
    send sent sent · shake shook shaken · shrink shrank shrunk · sing sang sung ·
    sink sank sunk · sleep slept slept · slide slid slid · speak spoke spoken ·
    spell spelt spelt · spend spent spent · spill spilt spilt · spin spun spun ·
    spoil spoilt spoilt · steal stole stolen · stick stuck stuck · sting stung stung ·
    strike struck struck · swear swore sworn · sweep swept swept · swim swam swum ·
    swing swung swung · take took taken · teach taught taught · tear tore torn ·
    tell told told · think thought thought · throw threw thrown · undo undid undone ·
    wake woke woken · wear wore worn · weep wept wept · win won won ·
    withdraw withdrew withdrawn · write wrote written
"""
"""English verbs whose past forms no suffix rule reaches ("spilt", "stolen", "forgot"): base,
past, past participle. Forms that are mostly other words are left out: "left", "found",
"saw", "lay", "bit", "rose", "bound", "led" (a light), and verbs whose forms are all alike
("put", "cut", "set")."""

IRREGULAR_BASES: dict[str, str] = {
    form: triple.split()[0]
    for triple in _IRREGULAR_FORMS.split("·")
    for form in triple.split()[1:]
    if form != triple.split()[0]
}
"""A past form ("stolen") to its verb ("steal")."""


def base_form(word: str) -> str | None:
    """The verb an irregular past form is of ("spilt" → "spill"), or None."""
    return IRREGULAR_BASES.get(word.casefold())
