"""The Teams message "Create ticket" was used on, read for a ticket: what it says (its
text, and the text of cards an app posted in it), the files it carries, and the line that
names its problem.

Teams hands the message over as Graph's `chatMessage` (`messagePayload`): an HTML or
text `body`, and `attachments` — files as `reference` (a name and a SharePoint link) and
cards as their JSON, whose text the body only points at (`<attachment id=…>`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from bot.understanding.courtesy import courtesy

_TAG = re.compile(r"<[^<>]+>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?>", re.IGNORECASE)
_IMAGE = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
_EMOJI = re.compile(
    r"<(?:emoji\b|img\b(?=[^<>]*schema\.skype\.com/Emoji))[^<>]*?\balt=\"([^\"<>]*)\"[^<>]*>",
    re.IGNORECASE)
"""An emoji as Teams writes it: `<emoji alt="😢">`, or an `<img>` of the Emoji item type.
Tags are read up to the next `<` or `>`, so a message of unclosed tags is read in one pass."""
_SMILEY = re.compile(r"schema\.skype\.com/Emoji", re.IGNORECASE)
_CARDS = frozenset({
    "application/vnd.microsoft.card.adaptive", "application/vnd.microsoft.card.hero",
    "application/vnd.microsoft.card.thumbnail",
})
_CARD_TEXT_KEYS = ("title", "subtitle", "text")
"""Text a hero or thumbnail card shows; an Adaptive Card's is in its TextBlocks."""
_CARD_LINES = 200
_GREETING_WORDS = frozenset({"hi", "hello", "hey", "hiya", "heya", "dear", "morning", "hallo",
                             "hola", "greetings", "howdy", "yo"})
_GREETING_PAIRS = frozenset({"good morning", "good afternoon", "good evening", "good day"})


def message_text(payload: dict[str, Any]) -> str:
    """Plain text of a Teams message: its subject (a channel post's heading, plain text),
    its body (HTML or text), then what its cards say."""
    raw = payload.get("body")
    body: dict[str, Any] = raw if isinstance(raw, dict) else {}
    content = str(body.get("content") or "")
    if str(body.get("contentType", "")).lower() == "html":
        content = html.unescape(_TAG.sub("", _EMOJI.sub(r"\1", _BREAK.sub("\n", content))))
    subject = payload.get("subject")
    heading = " ".join(subject.split()) if isinstance(subject, str) else ""
    lines = [" ".join(line.split()) for line in content.splitlines()]
    said = [line for line in lines if line]
    if heading and said[:1] != [heading]:
        said.insert(0, heading)
    shown = [line for line in _card_lines(payload) if line not in said]
    return "\n".join([*said, *shown]).strip()


def attached(payload: dict[str, Any]) -> list[str]:
    """What the message carries besides text: its files, as "name: link" (a file's link
    opens it for those it is shared with, as in Teams), and how many pictures it shows
    (pasted ones live in the chat, their links need its sign-in: the original shows them)."""
    files = []
    raw = payload.get("body")
    content = str(raw.get("content") or "") if isinstance(raw, dict) else ""
    pictures = sum(1 for tag in _IMAGE.findall(content) if not _SMILEY.search(tag))
    if pictures:
        files.append("1 picture, in the original message" if pictures == 1
                     else f"{pictures} pictures, in the original message")
    for attachment in _attachments(payload):
        name, url = attachment.get("name"), attachment.get("contentUrl")
        if attachment.get("contentType") in _CARDS or not isinstance(url, str):
            continue
        if url.startswith("https://"):
            files.append(f"{name}: {url}" if isinstance(name, str) and name.strip() else url)
    return files


def message_link(payload: dict[str, Any]) -> str | None:
    """The link to the original message, for the form's button and the description: a web
    link, as the files attached are kept to; anything else (`file:`, `javascript:`, not
    text at all) is no link to offer."""
    link = payload.get("linkToMessage")
    return link if isinstance(link, str) and link.startswith("https://") else None


def title_line(lines: list[str]) -> str:
    """The first line that says something: "Hi team," or "Dear IT Support," opens many
    messages and names no problem, and "Hi Sam, the VPN is down" is about the VPN."""
    for line in lines:
        said = _past_greeting(line)
        if said:
            return said
    return lines[0]


def _attachments(payload: dict[str, Any]) -> list[dict[str, Any]]:
    listed = payload.get("attachments")
    return [a for a in listed if isinstance(a, dict)] if isinstance(listed, list) else []


def _card_lines(payload: dict[str, Any]) -> list[str]:
    """The text of the cards in the message, in the order they show it."""
    lines: list[str] = []
    for attachment in _attachments(payload):
        if attachment.get("contentType") not in _CARDS:
            continue
        content = attachment.get("content")
        if isinstance(content, str):
            try:
                content = json.loads(content)
            except (ValueError, RecursionError):  # nested too deep for the parser: unread
                continue
        for text in _texts(content, hero=attachment.get("contentType") != _ADAPTIVE):
            line = " ".join(text.split())
            if line and line not in lines:
                lines.append(line)
            if len(lines) >= _CARD_LINES:
                return lines
    return lines


_ADAPTIVE = "application/vnd.microsoft.card.adaptive"


def _texts(node: object, *, hero: bool, depth: int = 0) -> Iterator[str]:
    """TextBlock and TextRun texts, facts as "title: value"; buttons and inputs are not
    what the message says."""
    if depth > 30:
        return
    if isinstance(node, list):
        for item in node:
            yield from _texts(item, hero=hero, depth=depth + 1)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if isinstance(kind, str) and (kind.startswith("Input.") or kind.startswith("Action.")):
        return
    if hero:
        for key in _CARD_TEXT_KEYS:
            if isinstance(node.get(key), str):
                yield node[key]
        return
    if kind in ("TextBlock", "TextRun") and isinstance(node.get("text"), str):
        yield node["text"]
    if kind == "FactSet" and isinstance(node.get("facts"), list):
        for fact in node["facts"]:
            if isinstance(fact, dict) and isinstance(fact.get("value"), str):
                title = fact.get("title")
                yield f"{title}: {fact['value']}" if isinstance(title, str) else fact["value"]
    for key, value in node.items():
        if key not in ("actions", "selectAction", "facts", "text") and isinstance(
                value, (list, dict)):
            yield from _texts(value, hero=hero, depth=depth + 1)


def _past_greeting(line: str) -> str | None:
    """`line` without the greetings it opens with; None when it is only greetings. Each
    is read past in turn ("Hi, hi, hi, …" was read one nested call per greeting: a
    thousand of them overflowed the stack)."""
    said = line
    while True:
        if courtesy(said) is not None or _salutation(said):
            return None
        head, comma, rest = said.partition(",")
        if not comma or (courtesy(head) is None and not _salutation(head)):
            return said if said is line else said[0].upper() + said[1:]
        said = rest.strip()
        if len(said.split(maxsplit=1)) < 2:
            return None


def _salutation(line: str) -> bool:
    """A few words of address after a greeting word: "Hi Sam,", "Dear IT Support",
    "Good morning Dr. Lee!"."""
    words = line.rstrip(",!:.; ").split(maxsplit=4)  # a fifth word: no salutation
    opening = " ".join(words[:2]).lower() if len(words) > 1 else ""
    return 0 < len(words) <= 4 and (
        words[0].lower().strip(",!") in _GREETING_WORDS or opening in _GREETING_PAIRS
    )
