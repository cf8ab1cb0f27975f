"""@mentions and markup in message text.

Teams puts every mention in the text as `<at>Name</at>` (with a matching `mention`
entity) and may send HTML: `<p>` paragraphs, `<br>`, entities such as `&nbsp;` and
`&amp;`, and `<at id="0">` tags whose text differs from their entity's. Commands
read the text with the bot's own mention removed and other mentions as canonical
`<at>Name</at>` (so an @mentioned person can be told apart from a word); what is
stored or echoed reads `@Name`, as people wrote it.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from botbuilder.schema import Activity, Mention

from bot.understanding.requests import (
    CommentOnTicket, CreateTicket, EachTicket, FreeText, Help, Question, Understanding, Unknown,
)

_AT = re.compile(r"<at\b[^<>]*>((?:(?!<at\b).)*?)</at\s*>", re.IGNORECASE | re.DOTALL)
"""A mention's tag and name. The name runs to its `</at>` but never over another `<at`: an
opening tag without its end is then looked past in the length to the next one, not to
the end of the message (a 20,000-character message of `<at>`s took 1.7 s of CPU)."""
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|tr|blockquote)\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_QUOTE = re.compile(r"<blockquote\b[^<>]*>(?P<quoted>(?:(?!<blockquote\b).)*?)</blockquote\s*>",
                    re.IGNORECASE | re.DOTALL)
"""A quote's text, which never runs over another `<blockquote`: as with `_AT`, an opening tag
without its end was looked past to the end of the message once per tag (200 KB of them took
27 s of CPU on the event loop). A tag's attributes stop at a `<` for the same reason."""
_QUOTED_PART = re.compile(r"<(?:p|div|span|strong)\b[^>]*>", re.IGNORECASE)
"""Where a Teams reply's quote starts a part of its own: the author, the time, the text."""
_SPACES = re.compile(r"[^\S\n]+")
"""Blank space within a line (tabs, no-break and other Unicode spaces, stray carriage returns)."""
_BLANK_LINES = re.compile(r"\n{3,}")
"""More than one blank line in a row: read as one. A long run of blank space left as it was
cost every pattern that starts with blank space a try at each of its places: a message of
"a", 60,000 line breaks and "b" took minutes of CPU to understand, holding the interpreter."""
_CANONICAL_AT = re.compile(r"<at>(.*?)</at>", re.DOTALL)
_TICKET_ANCHOR = re.compile(
    r"<a\b[^<>]*?\bhref\s*=\s*[\"'](?P<href>https?://[^\"'<>\s]{0,300}?/tickets/[^\"'<>\s/]{1,40}/?)"
    r"[\"'][^<>]*>(?P<words>[^<\d]{0,300})</a\s*>", re.IGNORECASE)
"""A link to a ticket under words of its own ("close <a href="…/tickets/TKT-2026-0042">this
one</a>"): dropped with its tag, the words alone were read as the ticket in view. Words with
a number in them ("TKT-2026-0042") name the ticket themselves and are kept."""
_STRUCK = re.compile(r"<(?P<tag>s|strike|del)\b[^<>]*>(?:(?!<(?:s|strike|del)\b).)*?</(?P=tag)\s*>",
                     re.IGNORECASE | re.DOTALL)
"""Words struck through, which Teams sends for words taken back ("<s>close 12</s> resolve
12"): not read. As with `_AT`, a struck part never runs over another opening tag."""
_POINTED_ANCHOR = re.compile(
    r"<a\b[^<>]*?\bhref\s*=\s*[\"'](?P<href>https?://[^\"'<>\s]{1,300})[\"'][^<>]*>\s*"
    r"(?P<words>(?:this|that|it|here|there)(?: one| ticket| issue)?)\s*</a\s*>", re.IGNORECASE)
"""A link under words that only point to it ("close <a href="https://jira…">this</a>"):
dropped with its tag, "close this" was the ticket in view. The link is kept after them."""


def strip_bot_mention(activity: Activity) -> str:
    """The message text as commands read it: the bot's mention gone, markup cleaned.

    Only the bot's mention markup is removed (its name elsewhere in the text stays),
    other mentions become `<at>Name</at>`, HTML entities are decoded, tags other
    than mentions are dropped, and line breaks are kept: a comment keeps its lines.
    """
    text = activity.text or ""
    bot_id = activity.recipient.id if activity.recipient else None
    bot_names: set[str] = set()
    for mention in _mentions(activity):
        if mention.mentioned and mention.mentioned.id == bot_id:
            if mention.text:
                text = text.replace(mention.text, "", 1)
            inner = _AT.fullmatch(mention.text or "")
            for name in (inner.group(1) if inner else None, mention.mentioned.name):
                if name:
                    bot_names.add(_plain(name).casefold())
    if activity.recipient is not None and activity.recipient.name:
        bot_names.add(activity.recipient.name.casefold())
    return clean_markup(text, drop_mentions_of=bot_names)


def clean_markup(text: str, *, drop_mentions_of: set[str] | None = None) -> str:
    """Text with HTML decoded and dropped, mentions as `<at>Name</at>`, lines kept."""
    drop = drop_mentions_of or set()

    def mention(match: re.Match[str]) -> str:
        name = _plain(match.group(1))
        if not name or name.casefold() in drop:
            return ""
        return f"<at>{name}</at>"

    text = _STRUCK.sub(" ", text)  # taken back: "<s>close 12</s>" closed 12
    text = _TICKET_ANCHOR.sub(lambda link: f" {link['href']} ", text)  # the link, not "this"
    text = _POINTED_ANCHOR.sub(lambda link: f"{link['words']} {link['href']}", text)
    text = _QUOTE.sub(_as_quoted_lines, text)
    text = _BREAK.sub("\n", text)
    text = _BLOCK_END.sub("\n", text)
    kept: list[str] = []
    done = 0
    for found in _AT.finditer(text):  # the text between mentions is cleaned, mentions kept
        kept.append(_plain(text[done:found.start()], keep_lines=True))
        kept.append(mention(found))
        done = found.end()
    kept.append(_plain(text[done:], keep_lines=True))
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(kept).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n").strip()


def _as_quoted_lines(quote: re.Match[str]) -> str:
    """A quote as the lines `> …` a reply typed by hand starts with ("> is 4 fixed?")."""
    inner = _BLOCK_END.sub("\n", _BREAK.sub("\n", _QUOTED_PART.sub("\n", quote["quoted"])))
    lines = [line.strip() for line in inner.split("\n") if line.strip()]
    return "".join(f"> {line}\n" for line in lines)


def _plain(text: str, *, keep_lines: bool = False) -> str:
    """Tags dropped and entities decoded (after dropping, so `&lt;b&gt;` stays as text)."""
    stripped = _TAG.sub("", text)
    decoded = html.unescape(stripped)
    return decoded if keep_lines else " ".join(decoded.split())


def as_written(text: str) -> str:
    """Mentions as people read them: `<at>Max Manager</at>` becomes `@Max Manager`."""
    return _CANONICAL_AT.sub(lambda m: f"@{m.group(1)}", text)


def readable(understood: Understanding) -> Understanding:
    """Free text in a request as people wrote it; nothing but mentions is no request at all."""
    match understood:
        case CommentOnTicket(text=str() as text):
            return replace(understood, text=as_written(text))
        case CreateTicket(title=str() as title):
            return replace(understood, title=as_written(title))
        case Question(text=text) | FreeText(text=text):
            return replace(understood, text=as_written(text))
        case EachTicket(change=CommentOnTicket(text=str() as text) as change):
            return replace(understood, change=replace(change, text=as_written(text)))
        case Unknown(text=text) if not _CANONICAL_AT.sub("", text).strip():
            return Help()
        case Unknown(text=text):
            return replace(understood, text=as_written(text))
    return understood


def mentions_bot(activity: Activity) -> bool:
    bot_id = activity.recipient.id if activity.recipient else None
    return any(m.mentioned and m.mentioned.id == bot_id for m in _mentions(activity))


def _mentions(activity: Activity) -> list[Mention]:
    found: list[Mention] = []
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        # Entity keeps `mentioned` and `text` among its additional properties.
        found.append(Mention().deserialize(
            {**entity.serialize(), **(getattr(entity, "additional_properties", None) or {})}
        ))
    return found


def mentioned_users(activity: Activity) -> list[Mention]:
    """People mentioned in the message, the bot itself left out; a mention whose account
    has no id names no one the bot could look up (botbuilder's member lookup raised a
    TypeError on it: a 500), so it is left out too."""
    bot_id = activity.recipient.id if activity.recipient else None
    return [m for m in _mentions(activity)
            if m.mentioned and isinstance(m.mentioned.id, str) and m.mentioned.id.strip()
            and m.mentioned.id != bot_id]
