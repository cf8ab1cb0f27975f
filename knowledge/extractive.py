"""Answers without a model: the sentences of the best passages that match the question best.

This is what the assistant says when no OpenAI key is configured, and when the
model fails or its reply is rejected. Sentences are scored by the question's
words they contain, rarer words counting more (the same idea as search, at
sentence level); the sentence after a match comes with it when it continues the
same paragraph, because help documents state a problem and then its fix
("… reconnects every few minutes. To fix this, tick Use TLS only."). A quote
that touches a numbered step brings the whole list with it, one step a line, led
by the sentence that introduces it: half a procedure helps nobody. Commands,
options and paths are set in monospace (`zip -r`, `~/.ssh/known_hosts`), so they
can be copied as they are. Sentences addressed to an AI are never quoted.

The quote that leads is the best of the document search cited first, not the one
that comes first in it; a sentence about the document itself ("This guide covers
…") counts little, and the document's title heading its opening lends that opening
no words. A "how do I …" question prefers steps and what to click or type, and
consecutive sentences chosen apart are one quote.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from knowledge.asked_for import Fact, states
from knowledge.injection import without_instructions
from knowledge.lexicon import is_english_word
from knowledge.passages import Passage
from knowledge.question import without_courtesy, without_duration_frame, without_when
from knowledge.retrieval import TYPO_MIN_LETTERS, TYPO_WEIGHT
from knowledge.senses import read_in_sense
from knowledge.terms import STOP_WORDS, content_terms, findable_terms
from knowledge.text import split_sentences
from knowledge.vocabulary import EVERYDAY_NAMES

MAX_PASSAGES = 3
MAX_SNIPPETS = 3
MAX_SNIPPET_WORDS = 70
RELATED_WEIGHT = 0.6
"""An everyday name standing in for a question's word no sentence holds counts this much."""
RUNNER_UP_SHARE = 0.6
"""A second snippet is quoted only when it scores at least this share of the best one."""
LONG_SENTENCE_WORDS = 40
HEADING_MAX_WORDS = 10
QUESTION_HEADING_MAX_WORDS = 25  # an FAQ's question on its line, a long one too
SECTION_SHARE = 0.75
"""Question words in the heading a sentence sits under count for it at this share."""
FACT_BONUS = 1.0
"""A sentence stating the kind of fact asked for ("how long …": "locked for 15 minutes")
counts this much more."""
OPTION_BONUS = 0.6
"""A manual's option entry ("-r Travel the directory structure recursively") counts this
much more: it is what a how-to question about a command wants."""
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]")
_LIST_ITEM = re.compile(r"^\d{1,2}[.)]\s")
_BULLET = re.compile(r"^[-*+•◦▪‣–]\s+")
"""A list item's marker ("- ", "• "): a quote that starts a bullet is itself an item of the
answer's list, so it loses its own; a later line of the quote keeps its marker."""
MAX_STEPS_WORDS = 160
_CELLS = " | "
"""Between a table's cells, as the Word, HTML and Markdown readers write its rows."""
MAX_SENTENCE_WORDS = 60
WINDOW_WORDS = 40
"""A "sentence" over `MAX_SENTENCE_WORDS` (a table or option list run together) is quoted
as the `WINDOW_WORDS` of it that hold most of the question's words."""
_CODE = re.compile(
    r"`[^`\n]+`"  # already monospace
    r"|(?<![\w`/.-])(?:[a-z](?:[\w.+-]*[\w+])?(?: +-{1,2}[A-Za-z0-9][\w-]*(?:\.\w[\w-]*)*"
    r"(?:=[^\s,;)]+)?"
    r"(?: +(?![A-Z])[\w./~:@%*=<>-]*[\w/~*>])?)+)"  # a program with its options
    r"|(?<![\w`-])-{1,2}[A-Za-z][\w-]*(?:\.\w[\w-]*)*(?:=[^\s,;)]+)?"  # an option on its own
    r"|(?<![\w`/])(?:~|\.{1,2})?/[\w.-]+(?:/[\w.*-]*[\w*-])+"  # a path, not its sentence's stop
    r"|(?<![\w`])(?:smb|afp|nfs|s?ftp)://[\w.:@-]*\w(?:/[\w.$-]*[\w$-])*"  # typed into a dialog
    r"|(?<![\w`\\])\\\\[\w.-]+(?:\\[\w.$-]*[\w$-])+"  # a Windows share, \\server\share
)
_NOT_PROGRAMS = STOP_WORDS | frozenset(
    "unless although though whereas without via except since whenever either neither option"
    " options flag flags argument arguments default given specified see".split()
)
"""Words before an option that are prose, not a program, or after one, not its argument."""
_ENDS_SENTENCE = re.compile(r"[.!?:;,)\]\"'”’]$")
_BEFORE_OPTION = re.compile(r"(?<=[.:;)])\s+(?=-{1,2}[A-Za-z0-9][\w-]*\b)")
_OPTION_ENTRY = re.compile(r"-{1,2}[A-Za-z0-9][\w-]*\b")
"""A sentence that opens with an option is the entry for that option in a manual."""
_ENTRY_START = re.compile(
    r"-{1,2}[A-Za-z0-9][\w-]*(?:,? +-{1,2}[A-Za-z0-9][\w-]*)*(?:[ =][a-z_]+)? +[A-Za-z]{2,}")
"""An entry's first words: the option (with its long form and argument), then prose
("-E fingerprint_hash Specifies …"); not an option named in passing ("(-d / )")."""
BOILERPLATE_SHARE = 0.3
"""A manual's back matter (see-also lists, history, authors, copyright) counts this much:
it shares words with many questions and answers none."""
_BOILERPLATE = re.compile(
    r"^(?:SEE ALSO|HISTORY|AUTHORS?|COPYRIGHT|REPORTING BUGS|COLOPHON|AVAILABILITY)\b"
    r"|^This (?:manual|man) page\b|\bcopyright\b|©|\ball rights reserved\b", re.IGNORECASE)
_REFERENCE = re.compile(r"\b[\w.-]+\(\d\w*\)")
_ABOUT_ITSELF = re.compile(
    r"^(?:this|the following|these) (?:guide|page|policy|document|section|article|manual|faq"
    r"|chapter|procedure|note|sections?)\b[^.]{0,40}?\b(?:covers?|explains?|describes?|answers?"
    r"|lists?|sets? out|tells? you|is about|gives?|summari[sz]es?|introduces?|contains?)\b",
    re.IGNORECASE)
"""A sentence about the document itself ("This guide covers the settings that cause the most
questions"): it shares the question's words and answers nothing."""
ABOUT_ITSELF_SHARE = 0.3
"""A reference to another manual page, "ssh-agent(1)"; a sentence with three is a list of them."""


@dataclass(frozen=True, slots=True)
class _Sentence:
    rank: int
    line: int
    position: int
    text: str
    terms: frozenset[str]
    section: str | None
    """The heading line this sentence sits under, inside the passage."""
    section_terms: frozenset[str]
    opens_section: bool


@dataclass(frozen=True, slots=True)
class Quote:
    """A run of consecutive sentences from one passage."""

    passage: Passage
    text: str


def query_weights(question: str, earlier_question: str | None = None) -> dict[str, float]:
    """The question's terms; a follow-up also searches the earlier question's, at half weight."""
    weights = {term: 0.5 for term in _question_terms(earlier_question or "")}
    weights.update({term: 1.0 for term in _question_terms(question)})
    return weights


def _question_terms(question: str) -> list[str]:
    """The terms of what the question is about: not its courtesy or when its trouble happened,
    and its words in the sense it gives them (`knowledge.senses`)."""
    return content_terms(
        read_in_sense(without_duration_frame(without_when(without_courtesy(question))))
    )


def _standing_in(
    weights: Mapping[str, float], sentences: Sequence[_Sentence]
) -> dict[str, float]:
    """`weights`, with the everyday names of a question's word that no sentence holds
    ("folder" in a manual that says "directories"), and the word one edit away that a
    misspelt one stands for ("pasword"); a word the text has is matched as it is."""
    held = Counter(term for sentence in sentences for term in sentence.terms | sentence.section_terms)
    widened = dict(weights)
    for term, weight in weights.items():
        if weight < 1.0 or term in held:
            continue
        for other in everyday_names().get(term, ()):
            widened.setdefault(other, RELATED_WEIGHT)
        meant = _misspelt_for(term, held)
        if meant is not None:
            widened.setdefault(meant, TYPO_WEIGHT)
    return widened


def _misspelt_for(term: str, held: Counter[str]) -> str | None:
    """The word of the quoted text a question's word no sentence holds is a typo of, as search
    corrects it (`knowledge.retrieval`): one edit away, the most frequent, from a word of at
    least `TYPO_MIN_LETTERS` letters that is no English word ("spilt" is not "spill")."""
    if len(term) < TYPO_MIN_LETTERS or not term.isalpha() or is_english_word(term):
        return None
    near = [other for other in held if _one_edit_apart(term, other)]
    return min(near, key=lambda other: (-held[other], other)) if near else None


def _one_edit_apart(one: str, other: str) -> bool:
    """Whether one deletion, insertion, replacement or swap of neighbours makes one the other."""
    if one == other or abs(len(one) - len(other)) > 1:
        return False
    if len(one) > len(other):
        one, other = other, one
    start = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), len(one))
    if len(one) < len(other):
        return one[start:] == other[start + 1:]
    return one[start + 1:] == other[start + 1:] or (
        one[start + 2:] == other[start + 2:] and one[start:start + 2] == other[start:start + 2][::-1])


@cache
def everyday_names() -> dict[str, frozenset[str]]:
    """Each one-word name of `EVERYDAY_NAMES`, as quoting compares words, to its group's others."""
    names: dict[str, set[str]] = {}
    for group in EVERYDAY_NAMES:
        single = [terms[0] for name in group
                  if len(terms := content_terms(read_in_sense(name))) == 1]
        for term in single:
            names.setdefault(term, set()).update(other for other in single if other != term)
    return {term: frozenset(others) for term, others in names.items()}


def extract(
    weights: Mapping[str, float],
    passages: Sequence[Passage],
    *,
    max_passages: int = MAX_PASSAGES,
    max_snippets: int = MAX_SNIPPETS,
    avoid: frozenset[str] = frozenset(),
    wanted: frozenset[Fact] = frozenset(),
) -> list[Quote]:
    """The best quotes for a question (`_in_reading_order`); empty when no sentence matches.

    The first `max_passages` passages are read, and any later one from the document the
    first passage comes from (its sentences count less the lower it ranks).

    Sentences holding any of the `avoid` terms are left out: after a model reply was
    rejected, the words it had no business saying point at the text that steered it.
    `wanted` is the kind of fact the question asks for (`knowledge.asked_for`).
    """
    considered = list(passages[:max_passages])
    considered += [  # more of the document cited first: a manual's answer is often further down
        later for later in passages[max_passages:] if later.document_id == passages[0].document_id
    ]
    sentences = _distinct([
        s for rank, p in enumerate(considered) for s in _sentences(rank, p)
        if not s.terms & avoid
    ])
    if not sentences or not weights:
        return []
    scores = [
        score * _bonus(sentence, wanted)
        for sentence, score in zip(sentences, _scores(sentences, _standing_in(weights, sentences)),
                                   strict=True)
    ]
    ranked = sorted(
        (i for i, score in enumerate(scores) if score > 0), key=lambda i: (-scores[i], i)
    )
    chosen: list[list[int]] = []
    used: set[int] = set()
    for index in ranked:
        if len(chosen) == max_snippets:
            break
        if chosen and scores[index] < RUNNER_UP_SHARE * scores[ranked[0]]:
            break  # the best sentence's score, not that of the lead-in its list brought
        if index in used:
            continue
        run = _whole_list(sentences, [index, *_continuation(sentences, index, used)], used)
        run = _with_its_option(sentences, run, used)
        run = _with_its_header_row(sentences, run, used)
        run = _with_its_lead_in(sentences, run, used)
        run = _with_what_it_introduces(sentences, run, used)
        used.update(run)
        beside = next((other for other in chosen if _adjacent(sentences, other, run)), None)
        if beside is not None:  # the sentence before or after a quote: one quote, in order
            beside[:] = sorted([*beside, *run])
            continue
        chosen.append(run)
    return [_quote(considered, [sentences[i] for i in run], weights)
            for run in _in_reading_order(sentences, considered, chosen)]


def _in_reading_order(
    sentences: Sequence[_Sentence], considered: Sequence[Passage], chosen: list[list[int]]
) -> list[list[int]]:
    """The best quote of the document cited first leads (the line people read, and the
    citation [1] stays the search's first document); the others follow in document order.
    A document's opening sentence quoted first only for being first is what people skip."""
    ordered = sorted(chosen, key=lambda run: (sentences[run[0]].rank, run[0]))
    lead = next((run for run in chosen
                 if considered[sentences[run[0]].rank].document_id == considered[0].document_id),
                None)
    if lead is None:
        return ordered
    return [lead, *(run for run in ordered if run is not lead)]


def _adjacent(sentences: Sequence[_Sentence], one: list[int], other: list[int]) -> bool:
    """Whether two runs are consecutive sentences of one paragraph, either way round."""
    for before, after in ((one, other), (other, one)):
        last, first = sentences[before[-1]], sentences[after[0]]
        if after[0] == before[-1] + 1 and (last.rank, last.line) == (first.rank, first.line):
            return True
    return False


def _with_its_option(sentences: Sequence[_Sentence], run: list[int], used: set[int]) -> list[int]:
    """The run led by the start of the manual's option entry it sits in ("-y This option
    will read …" for "It prints the public key …"): a description without its option
    tells nobody what to type. The sentences between come too while the quote stays
    under `MAX_SNIPPET_WORDS`; otherwise the gap is marked "…"."""
    first = sentences[run[0]]
    if _OPTION_ENTRY.match(first.text):
        return run
    start = run[0]
    while start > 0 and (sentences[start - 1].rank, sentences[start - 1].line) == (
            first.rank, first.line):
        start -= 1
        if _ENTRY_START.match(sentences[start].text):
            break
    else:
        return run
    if start in used:
        return run
    between = list(range(start, run[0]))
    words = sum(len(sentences[i].text.split()) for i in [*between, *run])
    if words <= MAX_SNIPPET_WORDS and not used.intersection(between):
        return [*between, *run]
    return [start, *run]


def _with_its_header_row(
    sentences: Sequence[_Sentence], run: list[int], used: set[int]
) -> list[int]:
    """A table's row, whole, led by the table's first row, which names its columns ("Type of
    leave | How long | Pay" over "Paternity leave | 4 weeks … | Full pay"): a row alone says
    "4 weeks" and "Full pay" without saying which is which."""
    rows = {(s.rank, s.line) for s in sentences if s.position == 0 and _CELLS in s.text}
    first = sentences[run[0]]
    if (first.rank, first.line) not in rows:
        return run
    start = run[0] - first.position
    if used.intersection(range(start, run[0])):
        return run
    header = start
    while header > 0 and (before := sentences[header - 1]).rank == first.rank and (
            (before.rank, before.line) in rows and before.line >= sentences[header].line - 1):
        header -= 1
    header_line = [i for i in range(header, start) if sentences[i].line == sentences[header].line]
    if used.intersection(header_line):
        header_line = []
    return [*header_line, *range(start, run[0]), *run]


def _with_its_lead_in(sentences: Sequence[_Sentence], run: list[int], used: set[int]) -> list[int]:
    """A line led by the sentence that introduces it on the line before ("Install openconnect
    and run:" over the command): the command alone does not say what it is for."""
    first = sentences[run[0]]
    if first.position != 0 or run[0] == 0 or run[0] - 1 in used:
        return run
    before = sentences[run[0] - 1]
    if (before.rank, before.section) != (first.rank, first.section) or (
            before.line >= first.line or not before.text.endswith(":")):
        return run
    return [run[0] - 1, *run]


def _with_what_it_introduces(
    sentences: Sequence[_Sentence], run: list[int], used: set[int]
) -> list[int]:
    """A run ending in "…and run:" with the line it introduces (a command, an address),
    and the commands on the lines after it when it is one: "Point pip and npm at the
    mirror:" brings both its commands, not the first alone."""
    grown = _through_to_its_command(sentences, run, used)
    last = grown[-1]
    if sentences[last].text.endswith(":") and last + 1 < len(sentences) and last + 1 not in used:
        following = sentences[last + 1]
        if (following.rank, following.section) == (sentences[last].rank, sentences[last].section) and (
                following.position == 0):
            grown.append(last + 1)
    while _is_code_line(sentences[grown[-1]].text) and _next_command(sentences, grown[-1], used):
        grown.append(grown[-1] + 1)
    return grown


def _through_to_its_command(
    sentences: Sequence[_Sentence], run: list[int], used: set[int]
) -> list[int]:
    """A run that stops short of its paragraph's "…use the system store:" and the commands
    it introduces, grown to them: a troubleshooting entry's message and cause without the
    command that fixes it answer nothing. Only within the paragraph, and while short."""
    last = run[-1]
    end = last + 1
    while end < len(sentences) and end not in used and (
            (sentences[end].rank, sentences[end].line) == (sentences[last].rank, sentences[last].line)):
        if sentences[end].text.endswith(":") and end + 1 < len(sentences) and (
                _is_code_line(sentences[end + 1].text)):
            grown = [*run, *range(last + 1, end + 1)]
            words = sum(len(sentences[i].text.split()) for i in grown)
            return grown if words <= MAX_STEPS_WORDS else run
        end += 1
    return run


def _next_command(sentences: Sequence[_Sentence], index: int, used: set[int]) -> bool:
    """Whether the line after a command is another command of the same block."""
    if index + 1 >= len(sentences) or index + 1 in used:
        return False
    current, after = sentences[index], sentences[index + 1]
    return (after.rank, after.section, after.position) == (current.rank, current.section, 0) and (
        _is_code_line(after.text))


def _is_code_line(text: str) -> bool:
    """A command set on a line of its own, as a code span ("`nvm install 20`")."""
    return len(text) > 2 and text[0] == text[-1] == "`" and text.count("`") == 2


def _distinct(sentences: list[_Sentence]) -> list[_Sentence]:
    """Each sentence once: consecutive chunks overlap by a sentence, and a manual repeats
    itself, so the same words would otherwise be quoted twice."""
    seen: set[str] = set()
    kept = []
    for sentence in sentences:
        key = " ".join(sentence.text.casefold().split())
        if key not in seen:
            seen.add(key)
            kept.append(sentence)
    return kept


def _bonus(sentence: _Sentence, wanted: frozenset[Fact]) -> float:
    """How much more a sentence counts for what it is, beside the words it shares."""
    bonus = 1.0
    if _OPTION_ENTRY.match(sentence.text):
        bonus += OPTION_BONUS
    if wanted and states(sentence.text, wanted):
        bonus += FACT_BONUS
    if _BOILERPLATE.search(sentence.text) or len(_REFERENCE.findall(sentence.text)) >= 3:
        bonus *= BOILERPLATE_SHARE
    if _ABOUT_ITSELF.match(sentence.text):
        bonus *= ABOUT_ITSELF_SHARE
    return bonus


def _quote(
    passages: Sequence[Passage], run: Sequence[_Sentence], weights: Mapping[str, float]
) -> Quote:
    """The sentences, led by their section heading when they open the section ("Budget: …");
    a line of the passage (a step of a list) stays a line, and a "sentence" too long to read
    (a manual's table run together by extraction) is cut to its part about the question."""
    first = run[0]
    opening = _BULLET.sub("", first.text) if first.position == 0 else first.text
    text = _window(opening, weights)
    for before, sentence in zip(run, run[1:], strict=False):
        if sentence.line != before.line:
            joint = "\n"
        elif sentence.position > before.position + 1:
            joint = " … "  # an option entry's start, then its sentence that was chosen
        else:
            joint = " "
        text += joint + _window(sentence.text, weights)
    text = monospace(text, programs=programs_named(passages[first.rank].title))
    if first.opens_section and first.section:
        section = first.section.rstrip(":")
        if _CELLS in first.text:  # a table under its heading: the rows stay rows
            text = f"{section}\n{text}"
        else:
            text = f"{section} {text}" if _is_question(section) else f"{section}: {text}"
    return Quote(passage=passages[first.rank], text=text)


def _window(text: str, weights: Mapping[str, float]) -> str:
    """The text, or when it is longer than `WINDOW_WORDS` words, the stretch of that many
    holding most of the question's words, marked as cut with "…"."""
    words = text.split()
    if len(words) <= MAX_SENTENCE_WORDS:
        return text
    hits = [bool(set(findable_terms(word)) & weights.keys()) for word in words]
    best = max(range(len(words) - WINDOW_WORDS + 1),
               key=lambda start: (sum(hits[start:start + WINDOW_WORDS]), -start))
    cut = " ".join(words[best:best + WINDOW_WORDS])
    return f"{'… ' if best else ''}{cut}{' …' if best + WINDOW_WORDS < len(words) else ''}"


_TITLE_DASH = re.compile(r"\s+[—–-]\s+")


def programs_named(title: str) -> frozenset[str]:
    """The programs a manual is about, from a title such as "gzip, gunzip, zcat — compress
    or expand files"; none for a title that is not a manual's."""
    parts = _TITLE_DASH.split(title, maxsplit=1)
    if len(parts) < 2:
        return frozenset()
    return frozenset(name.strip().casefold() for name in parts[0].split(",") if name.strip())


def _is_program(word: str, programs: frozenset[str]) -> bool:
    """A word before an option is its program when the manual is about it, or when it is
    not an everyday word ("ssh-keygen", "bzip2"); "pattern space --debug" has none."""
    return word.casefold() in programs or any(ch.isdigit() or ch in "-_." for ch in word)


def monospace(text: str, *, programs: frozenset[str] = frozenset()) -> str:
    """Commands with their options, options and paths in backticks (Markdown code).
    `programs`: the names that are programs here (see `programs_named`)."""

    def code(match: re.Match[str]) -> str:
        found = match.group(0)
        if found.startswith("`"):
            return found
        first, _, rest = found.partition(" ")
        if rest and not first.startswith("-") and (
                first in _NOT_PROGRAMS or not _is_program(first, programs)):
            return f"{first} {monospace(rest, programs=programs)}"  # "and --keep"
        head, _, last = found.rpartition(" ")
        if head and not last.startswith("-") and last in _NOT_PROGRAMS:
            return f"`{head}` {last}"  # "use bzip2 -t to test": "to" is no argument
        return f"`{found}`"

    return _CODE.sub(code, text)


def _whole_list(sentences: Sequence[_Sentence], run: list[int], used: set[int]) -> list[int]:
    """The run, grown to the numbered list it belongs to or introduces, with its lead-in,
    or to the bulleted list it introduces (a bullet on its own is a fact of its own)."""
    rank = sentences[run[0]].rank
    item = _LIST_ITEM

    def in_list(index: int) -> bool:
        """Whether the sentence is a step, continues a step on the step's line, or is a
        command on the lines after a step that ends "…:" (its commands are the step's)."""
        sentence = sentences[index]
        if sentence.rank != rank:
            return False
        if _is_code_line(sentence.text) and index > 0 and (
                sentences[index - 1].text.endswith(":") or _is_code_line(sentences[index - 1].text)):
            return in_list(index - 1)
        line_start = next(
            i for i in range(index, -1, -1)
            if i == 0 or sentences[i - 1].line != sentence.line or sentences[i - 1].rank != rank
        )
        return bool(item.match(sentences[line_start].text))

    def introduces(index: int) -> bool:
        return (sentences[index].text.endswith(":") and index + 1 < len(sentences)
                and in_list(index + 1) and sentences[index + 1].section == sentences[index].section)

    def same_section(index: int) -> bool:
        return sentences[index].section == sentences[run[0]].section

    start, end = run[0], run[-1]
    if any(in_list(i) for i in run) or introduces(end):
        # back to the list's first step: from a step only, never from a lead-in (the list
        # before "To install on a Mac:" is another one) and never across a heading
        while start > 0 and in_list(start) and in_list(start - 1) and same_section(start - 1) and (
                start - 1 not in used):
            start -= 1
        if start > 0 and in_list(start) and sentences[start - 1].rank == rank and (
            start - 1 not in used and sentences[start - 1].text.endswith(":")
        ):
            start -= 1
    else:
        item = _BULLET  # the run holds the lead-in: only the items after it come
        if not any(introduces(i) for i in run):
            return run
    while end + 1 < len(sentences) and in_list(end + 1) and end + 1 not in used and (
            same_section(end + 1)):
        end += 1
    grown = list(range(start, end + 1))
    words = sum(len(sentences[i].text.split()) for i in grown)
    return grown if words <= MAX_STEPS_WORDS else run


def _sentences(rank: int, passage: Passage) -> list[_Sentence]:
    carried = " ".join((passage.heading or "").split())
    section: str | None = None
    # The document's title heads its opening, but it is what the whole document is about:
    # its words would make "This guide covers the settings…" match every question.
    section_terms = frozenset() if fold_title(carried) == fold_title(passage.title) else (
        _sentence_terms(carried))
    opens = False
    found = []
    text = without_instructions(passage.text).text
    for line_number, raw in enumerate(text.split("\n")):
        line = " ".join(raw.split())
        if not line:
            continue
        if _is_heading(line):
            if line.casefold() != carried.casefold():
                section, section_terms, opens = line, _sentence_terms(line), True
            continue
        for position, sentence in enumerate(_list_items_joined(_option_entries(
                split_sentences(line)))):
            found.append(
                _Sentence(
                    rank=rank,
                    line=line_number,
                    position=position,
                    text=sentence,
                    terms=_sentence_terms(sentence),
                    section=section,
                    section_terms=section_terms,
                    opens_section=opens,
                )
            )
            opens = False
    return found


def _sentence_terms(text: str) -> frozenset[str]:
    return frozenset(findable_terms(read_in_sense(text)))


def _list_items_joined(sentences: Sequence[str]) -> list[str]:
    """"1." split off as a sentence of its own belongs to the step after it."""
    joined: list[str] = []
    pending = ""
    for sentence in sentences:
        if _LIST_NUMBER.fullmatch(sentence):
            pending = f"{pending}{sentence} "
            continue
        joined.append(pending + sentence)
        pending = ""
    if pending.strip():
        joined.append(pending.strip())
    return joined


def fold_title(text: str) -> str:
    return " ".join(text.casefold().split())


def _is_heading(line: str) -> bool:
    """A short line without closing punctuation: a title, a section or a table label;
    never a list's item ("- Fernhill-Guest"). A question alone on its line is an FAQ's
    heading ("How do I print?"): what follows answers it, and it answers nothing, however
    long it is ("How do I change the bank account my salary is paid into?")."""
    if _BULLET.match(line) or _CELLS in line:
        return False
    if len(line.split()) > HEADING_MAX_WORDS:
        return len(line.split()) <= QUESTION_HEADING_MAX_WORDS and line[0].isupper() and (
            _is_question(line))
    if not (line[0].isupper() or line[0].isdigit()):
        return False  # "sudo openconnect --protocol=gp vpn.example": a command, not a title
    return not _ENDS_SENTENCE.search(line) or _is_question(line)


def _is_question(line: str) -> bool:
    return line.endswith("?") and len(split_sentences(line)) == 1


def _scores(sentences: Sequence[_Sentence], weights: Mapping[str, float]) -> list[float]:
    frequency = Counter(term for s in sentences for term in s.terms if term in weights)
    total = len(sentences)

    def idf(term: str) -> float:
        return math.log(1 + total / max(1, frequency[term]))

    scores = []
    for sentence in sentences:
        matched = sentence.terms & weights.keys()
        score = sum(weights[t] * idf(t) for t in matched)
        context = (sentence.section_terms & weights.keys()) - matched
        score += SECTION_SHARE * sum(weights[t] * idf(t) for t in context)
        length = len(sentence.text.split())
        if length > LONG_SENTENCE_WORDS:
            score *= LONG_SENTENCE_WORDS / length
        scores.append(score * (1 - 0.1 * sentence.rank))
    return scores


def _option_entries(sentences: list[str]) -> list[str]:
    """A manual's option entries run together by extraction ("… passphrase. -p Requests
    changing …") split apart: each option is an entry of its own."""
    entries = []
    for sentence in sentences:
        start = 0
        for match in _BEFORE_OPTION.finditer(sentence):
            if sentence.count("(", 0, match.start()) > sentence.count(")", 0, match.start()):
                continue  # "(-0 ... -9)": an option named inside brackets starts no entry
            entries.append(sentence[start:match.start()])
            start = match.end()
        entries.append(sentence[start:])
    return [entry for entry in entries if entry]


def _continuation(sentences: Sequence[_Sentence], index: int, used: set[int]) -> list[int]:
    """The next sentence of the same paragraph, when the quote stays short enough."""
    follower = index + 1
    if follower >= len(sentences) or follower in used:
        return []
    current, following = sentences[index], sentences[follower]
    same_paragraph = (following.rank, following.line) == (current.rank, current.line)
    introduces_it = current.text.endswith(":") and following.rank == current.rank
    if not (same_paragraph or introduces_it) or _OPTION_ENTRY.match(following.text) or (
            _ABOUT_ITSELF.match(following.text)):
        return []  # a manual's next option ("-p Requests …") is another entry, not more
    words = len(current.text.split()) + len(following.text.split())
    return [follower] if words <= MAX_SNIPPET_WORDS else []
