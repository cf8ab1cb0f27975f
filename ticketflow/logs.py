"""Process logging: human-readable text or one JSON object per line, never a secret.

`configure_logging(settings)` installs one handler on the root logger. Every record
that reaches it first goes through `RedactSecrets`, which rewrites the message, the
traceback and string extras with API keys, bearer tokens, JWTs, passwords, webhook
signatures and the secret values in the settings replaced by `[REDACTED]`: the
filter sits on the handler, so it sees records from every logger (botbuilder's and
aiohttp's too), not only ours.

Inside a bot turn, records carry the activity and conversation ids. They are kept
in context variables, set by `TurnLog` (a `TurnObserver` for the messages
endpoint): each aiohttp request runs in its own task with its own copy of the
context, so concurrent turns never see each other's ids, and tasks a turn starts
inherit them. These two `ContextVar`s are the only module-level objects here; a
context variable holds a value per task, not per process, which is what makes it
the right tool for this.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, TextIO
from urllib.parse import unquote, urlsplit

from bot.transport.observer import TurnOutcome
from ticketflow.settings import Settings

REDACTED = "[REDACTED]"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
SHORTEST_KNOWN_SECRET = 4
CHATTY_LOGGERS = ("alembic.runtime.plugins",)
"""Loggers whose INFO lines say nothing an operator acts on (alembic lists its plugins on every start)."""
"""Known values shorter than this are not searched for: they would shred every line."""

_activity_id: ContextVar[str | None] = ContextVar("ticketflow_activity_id", default=None)
_conversation_id: ContextVar[str | None] = ContextVar("ticketflow_conversation_id", default=None)

_SECRET_NAME = (
    r"[a-z_]*password|passwd|pwd|[a-z_]*secret(?:_key)?|api[_-]?key|apikey"
    r"|(?:access|refresh|id|auth|bearer)?_?token|authorization"
)
# (pattern, replacement) pairs; the replacement keeps what says *which* secret it was.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # A legacy Office 365 connector URL carries its secret in the path.
    (re.compile(r"(?i)(https?://[^\s/]*(?:webhook\.office\.com|outlook\.office(?:365)?\.com)"
                r"/webhook[a-z0-9]*/)[^\s\"'<>]+"), rf"\1{REDACTED}"),
    # user:password@host in any URL (database URLs, proxies, SMTP URLs).
    (re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^/\s:@]+:)[^@\s/]+@"), rf"\1{REDACTED}@"),
    # Query secrets: Workflows/Logic Apps `sig`, Functions `code`, tokens and keys.
    (re.compile(r"(?i)([?&;](?:sig|signature|code|token|access_token|api[-_]?key|key|password"
                r"|secret|client_secret)=)[^&\s\"'#<>]+"), rf"\1{REDACTED}"),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"), rf"\1 {REDACTED}"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"), REDACTED),
    (re.compile(r"\btfk_[A-Za-z0-9_-]{12,}"), f"tfk_{REDACTED}"),  # longer than a shown prefix
    (re.compile(r"\bsk-[A-Za-z0-9_-]{16,}"), f"sk-{REDACTED}"),  # OpenAI-style keys
    # name=value, name: value, "name": "value", 'name': 'value' (reprs and JSON bodies),
    # and prose such as: password 'value'.
    (re.compile(rf"(?i)([\"']?\b(?:{_SECRET_NAME})\b[\"']?(?:\s*[:=]\s*|\s+(?=[\"'])))"
                r"(?:\"[^\"]*\"|'[^']*'|[^\s,;&}\]\)]+)"), rf"\1{REDACTED}"),
)



def _scoped(pattern: re.Pattern[str]) -> str:
    """The pattern as a group of an alternation: a leading global flag made local."""
    source = pattern.pattern
    return f"(?i:{source[4:]})" if source.startswith("(?i)") else f"(?:{source})"


_ANY_PATTERN = re.compile("|".join(_scoped(pattern) for pattern, _ in _PATTERNS))
"""Matches wherever one of `_PATTERNS` would: a line it misses needs no substitution."""


class SecretRedactor:
    """Replaces secrets by pattern, and known secret values wherever they appear."""

    def __init__(self, known: Iterable[str | None] = ()) -> None:
        self._known: set[str] = set()
        self._longest_first: list[str] = []
        for value in known:
            self.add(value)

    def add(self, value: str | None) -> None:
        """Also hide this exact value (e.g. an SMTP password once it is decrypted)."""
        if value and len(value) >= SHORTEST_KNOWN_SECRET:
            self._known.add(value)
            self._longest_first = sorted(self._known, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for value in self._longest_first:  # no leftovers of a secret inside a longer one
            if value in text:
                text = text.replace(value, REDACTED)
        if _ANY_PATTERN.search(text) is None:  # most lines: one scan instead of one per pattern
            return text
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text


def known_secrets(settings: Settings) -> list[str]:
    """The secret values the settings hold: they must not appear in any log line."""
    values = [settings.app_password, settings.openai_api_key, *settings.secret_keys]
    database_password = urlsplit(settings.database_url).password
    if database_password:
        values += [database_password, unquote(database_password)]
    values += [
        value for name, value in settings.extra.items()
        if re.search(r"(?i)password|secret|token|key", name)
    ]
    return [value for value in values if value]


_RECORD_FIELDS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message", "asctime", "activity_id", "conversation_id",
}


def extras_of(record: logging.LogRecord) -> dict[str, Any]:
    """What the caller passed with `extra=`: the attributes a bare record does not have."""
    return {k: v for k, v in vars(record).items() if k not in _RECORD_FIELDS}


class RedactSecrets(logging.Filter):
    """Rewrites a record in place before any formatter sees it; never drops a record."""

    def __init__(self, redactor: SecretRedactor) -> None:
        super().__init__()
        self._redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        redact = self._redactor.redact
        record.msg = redact(record.getMessage())  # args may be URLs, dicts, exceptions…
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for name, value in extras_of(record).items():
            if not isinstance(value, bool | int | float | None):  # a dict of headers, a URL…
                setattr(record, name, redact(str(value)))
        return True


class StampTurn(logging.Filter):
    """Copies the current turn's ids onto the record, in the task that logged it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.activity_id = _activity_id.get()
        record.conversation_id = _conversation_id.get()
        return True


class TextLines(logging.Formatter):
    """The classic line, with the turn's ids at the end when there is a turn."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        activity_id = getattr(record, "activity_id", None)
        conversation_id = getattr(record, "conversation_id", None)
        if activity_id or conversation_id:
            line += f" [activity={activity_id} conversation={conversation_id}]"
        return line


class JsonLines(logging.Formatter):
    """One JSON object per line, for log shippers; extras become fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in ("activity_id", "conversation_id"):
            if value := getattr(record, name, None):
                entry[name] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc_info"] = record.exc_text
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        for name, value in extras_of(record).items():
            entry.setdefault(name, value)
        return json.dumps(entry, ensure_ascii=False, default=str)


class _TicketflowHandler(logging.StreamHandler[TextIO]):
    """Ours, so configuring twice replaces it instead of printing every line twice."""


def configure_logging(
    settings: Settings, *, level: int | str = logging.INFO, stream: TextIO | None = None
) -> SecretRedactor:
    """Route every logger through one redacting handler in the configured format.

    Returns the redactor, so secrets learnt later (a decrypted SMTP password) can be
    added to what it hides.
    """
    redactor = SecretRedactor(known_secrets(settings))
    handler = _TicketflowHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(JsonLines() if settings.log_format == "json" else TextLines())
    handler.addFilter(StampTurn())
    handler.addFilter(RedactSecrets(redactor))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _TicketflowHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    return redactor


class TurnLog:
    """A `TurnObserver`: tags records logged during a turn, and logs how each request ended."""

    def __init__(self, logger: logging.Logger | None = None) -> None:
        self._log = logger or logging.getLogger("ticketflow.turns")

    def turn_started(
        self, *, activity_type: str, activity_id: str | None, conversation_id: str | None
    ) -> None:
        # Read from the body before authentication: keep them to one short printable line.
        _activity_id.set(None if activity_id is None else _printable(activity_id, 256))
        _conversation_id.set(None if conversation_id is None else _printable(conversation_id, 256))

    def turn_finished(self, activity_type: str, outcome: TurnOutcome, seconds: float) -> None:
        self._log.info(
            "%s activity %s in %.0f ms", _printable(activity_type), outcome.value, seconds * 1000,
            extra={"activity_type": _printable(activity_type), "outcome": outcome.value,
                   "duration_ms": round(seconds * 1000, 1)},
        )
        _activity_id.set(None)
        _conversation_id.set(None)


def _printable(text: str, limit: int = 64) -> str:
    """The activity type comes from an unauthenticated body: keep it one short line."""
    return text[:limit] if text.isprintable() else ascii(text[:limit])
