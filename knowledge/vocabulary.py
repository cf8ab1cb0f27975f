"""Words people use for what documents call otherwise, added to the index beside the text.

A user asks for a "folder with its subfolders"; the zip manual says "recurse into
directories". Each chunk is therefore indexed with a related-words field: for
every expression of the chunk that has other names, the other names. Two
sources give them:

- the document itself: an abbreviation next to what it stands for ("Key
  Revocation List (KRL)", "CA (certificate authority)"), and explanations
  ("recursively, i.e. into subdirectories", "globbing, also called wildcard
  substitution"); such a pair holds in the document that states it;
- `EVERYDAY_NAMES`: groups of words that name the same thing in everyday and in
  technical writing, for any document.

A third kind of related word repairs what extraction could not: a short fragment
next to another ("pri vate key" in a manual that never spells "private" whole,
so `knowledge.text.join_split_words` had no evidence to join it) adds the word
the two make ("private"). Nobody searches for the joins of real word pairs
("ssh agent" → "sshagent"), so those extra words cost nothing.

The field is ranked below the text itself (see `knowledge.reranking`), so a chunk
that says "folder" still outranks one that says only "directory" when the
question says "folder". Expansion happens when indexing, so a question costs
nothing more and both databases see the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knowledge.analysis import STOP_WORDS, analyse, distinct

EVERYDAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("folder", "directory"),
    ("subfolder", "subdirectory"),
    ("delete", "remove", "erase"),
    ("password", "passphrase", "passcode"),
    ("unpack", "extract", "decompress", "uncompress"),
    ("shrink", "compress"),
    ("nickname", "alias"),
    ("setting", "option", "preference"),
    ("log in", "login", "sign in", "log on"),
    ("username", "user name", "login name"),
    ("server", "host", "remote machine"),
    ("program", "application", "app"),
    ("overwrite", "replace"),
    ("expire", "lifetime", "timeout"),
    ("verify", "check", "validate", "integrity"),
    ("corrupt", "damaged", "broken"),
    ("repair", "recover", "fix", "salvage"),
    ("core", "cpu", "processor", "thread"),
    ("memory", "ram"),
    ("stop", "kill", "terminate"),
    ("comment", "note"),
    ("screen", "terminal", "console", "standard output", "stdout"),
    ("shortcut", "symlink", "symbolic link"),
    ("bastion", "jump host"),
    ("freeze", "hang", "unresponsive"),
    ("disconnect", "drop"),
    ("graphical", "gui", "x11"),
    ("yubikey", "security key", "fido", "authenticator"),
    ("certificate", "cert"),
    ("pieces", "split", "segments", "volumes"),
    ("throttle", "limit bandwidth", "rate limit"),
    ("encrypt", "password protect"),
    ("speed", "performance"),
    ("email", "e-mail", "mail"),
    ("laptop", "notebook"),
    ("wifi", "wi-fi", "wireless"),
    ("phone", "mobile", "smartphone"),
    ("free space", "available space"),
    ("disk", "drive", "file system", "filesystem"),
    ("runnable", "executable"),
    ("pipe", "standard input", "stdin"),
    ("skip", "exclude", "leave out", "omit"),
    ("case insensitive", "ignore case"),
    ("tarball", "tar archive"),
    ("mac", "macos"),
    ("multi-factor", "two-factor", "2fa", "two-step"),
)
"""Same-meaning groups of everyday and technical words (general, not per document)."""

MAX_EXPANSION_WORDS = 4
# Each phrase starts where a word starts (`(?<![\w-])`): tried from every letter of a long
# run ("xxxx…", a base64 blob, a long URL), the patterns backtracked over the rest of it, a
# 4,000-character run took 1.8 s and three of them 23 s, on the event loop of `serve`.
_ABBREVIATION_AFTER = re.compile(
    r"(?<![\w-])((?:[A-Za-z][\w-]*[ \t]+){1,6})\(([A-Z][A-Za-z0-9]{1,7})s?\)")
_ABBREVIATION_BEFORE = re.compile(r"\b([A-Z][A-Z0-9]{1,7})s?[ \t]+\(([A-Za-z][^()\n]{2,60})\)")
_EXPLAINED = re.compile(
    r"(?<![\w-])((?:[\w-]+[ \t]+){0,2}[\w-]+)[ \t]*,?[ \t]*\(?(?:i\.e\.,?|that is,|also called|"
    r"also known as|a\.k\.a\.?|otherwise known as)[ \t]+((?:[\w-]+[ \t]+){0,2}[\w-]+)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Synonyms:
    """Two ways of saying the same thing, as analysed terms."""

    one: tuple[str, ...]
    other: tuple[str, ...]


def everyday_synonyms() -> list[Synonyms]:
    pairs = []
    for group in EVERYDAY_NAMES:
        forms = [tuple(analyse(name)) for name in group]
        for index, one in enumerate(forms):
            for other in forms[index + 1 :]:
                if one and other and one != other:
                    pairs.append(Synonyms(one, other))
    return pairs


def mine_synonyms(pages: Iterable[str]) -> list[Synonyms]:
    """The abbreviations and explanations a document states about its own words."""
    found: dict[tuple[tuple[str, ...], tuple[str, ...]], None] = {}
    for page in pages:
        for match in _ABBREVIATION_AFTER.finditer(page):
            expansion = _initials_match(match.group(2), match.group(1).split())
            if expansion:
                found[_pair(match.group(2), " ".join(expansion))] = None
        for match in _ABBREVIATION_BEFORE.finditer(page):
            expansion = _initials_match(match.group(1), match.group(2).split())
            if expansion:
                found[_pair(match.group(1), " ".join(expansion))] = None
        for match in _EXPLAINED.finditer(page):
            found[_pair(match.group(1), match.group(2))] = None
    return [
        Synonyms(one, other)
        for one, other in found
        if one and other and set(one) != set(other)
        and len(one) <= MAX_EXPANSION_WORDS and len(other) <= MAX_EXPANSION_WORDS
    ]


def _pair(one: str, other: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(distinct(analyse(one))), tuple(distinct(analyse(other)))


def _initials_match(abbreviation: str, words: Sequence[str]) -> list[str] | None:
    """The last words whose initials spell the abbreviation ("Key Revocation List" for KRL)."""
    letters = [character.casefold() for character in abbreviation if character.isalpha()]
    if len(letters) < 2:
        return None
    for count in range(len(letters), min(len(words), len(letters) + 2) + 1):
        tail = [word for word in words[-count:] if word.casefold() not in _JOINING_WORDS]
        if [word[0].casefold() for word in tail] == letters:
            return list(words[-count:])
    return None


_JOINING_WORDS = frozenset({"of", "and", "the", "for", "to", "in", "a", "an", "&"})


_ENDS_IN_LETTERS = re.compile(r"^[(\"'“‘]*([^\W\d_]+)$")
_STARTS_WITH_LETTERS = re.compile(r"^([^\W\d_]+)[)\"'”’.,;:!?]*$")
MAX_FRAGMENT = 3


def joined_fragments(text: str) -> list[str]:
    """The analysed words two neighbouring pieces make when one of them is a mere fragment
    (up to three letters, not a function word)."""
    joined: dict[str, None] = {}
    pieces = text.split()
    for first, second in zip(pieces, pieces[1:], strict=False):
        head, tail = _ENDS_IN_LETTERS.match(first), _STARTS_WITH_LETTERS.match(second)
        if head is None or tail is None:
            continue
        left, right = head.group(1), tail.group(1)
        if (
            min(len(left), len(right)) <= MAX_FRAGMENT
            and left.casefold() not in STOP_WORDS
            and right.casefold() not in STOP_WORDS
        ):
            joined.update(dict.fromkeys(analyse(left + right)))
    return list(joined)


def related_terms(
    text_terms: Sequence[str], synonyms: Sequence[Synonyms], *, text: str = ""
) -> list[str]:
    """The other names of every expression a chunk's terms hold, and the words its split
    fragments make, without those it holds."""
    present = set(text_terms)
    related: dict[str, None] = dict.fromkeys(
        term for term in joined_fragments(text) if term not in present
    )
    for pair in synonyms:
        for have, add in ((pair.one, pair.other), (pair.other, pair.one)):
            if all(term in present for term in have):
                related.update(dict.fromkeys(term for term in add if term not in present))
    return list(related)
