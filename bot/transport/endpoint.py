"""POST /api/messages: bytes in, one authenticated bot turn, the invoke answer out.

Our own aiohttp handler replaces `CloudAdapter.process()`, which answers HTTP 500 for
every invoke that returns a body (it serialises the already serialised body again) and
turns malformed input and token failures into 500s with stack traces. Here:

- the token is checked before the body is read (signature, expiry, issuer, audience:
  all it needs is the header), so a forged request never costs the parsing of its body;
  the checks that need the activity (`serviceurl`, channel endorsement) follow it; any
  failure -- including one we did not foresee -- is a 401 and nothing is processed;
- the body is read up to `max_body_bytes` (413 beyond) within `body_seconds` (408
  after), must be UTF-8 JSON, an object with a string `type` that botbuilder can deserialize
  (400 otherwise, 415 for non-JSON);
- in local development mode a `serviceUrl` off this machine is refused (403);
- each delivery is claimed before its turn (`dedupe.py`): a resent activity (same id) is
  acknowledged without a second turn, and a resent invoke gets the first delivery's
  answer, waiting for it while the first is still running; an invoke whose data carries
  a form `nonce` is keyed on (sender, nonce), so a double-tapped submit runs once;
- a turn runs inside the optional `turn_scope` from its claim to its answer: the
  composition root lends the whole turn one database connection there, and takes it
  back (`before_waiting`) while a resend waits for the first delivery's answer;
- invokes answer with the `InvokeResponse` status and its body as JSON, other
  activities with 200; a turn that fails because storage cannot be reached (as the
  composition root's `unavailable` tells) is a 503 with Retry-After; a failing turn is
  a 500 with a JSON body and no stack trace, and
  gives its claim back so that Teams' retry runs; a turn that never answers because its
  process died is run by a resend once the deduplicator sees the claim abandoned.
Every error body is `{"error": <code>, "message": <text>}`.

An optional `TurnObserver` hears when each turn starts and how each request ended
(processed, refused, failed, duplicate) and how long it took: metrics and log
correlation hang off it without the transport knowing about either.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AbstractAsyncContextManager, contextmanager, nullcontext, suppress
from datetime import datetime
from typing import Any

from aiohttp import web
from botbuilder.core import Bot, InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes
from msrest.serialization import Deserializer, Model

from bot.delivery import running_for
from bot.transport.activity_json import ActivityReader
from bot.transport.adapter import TeamsAdapter
from bot.transport.auth import Unauthenticated, VerifiedToken
from bot.transport.conversation_turns import ConversationTurns
from bot.transport.dedupe import (
    ActivityDeduplicator,
    ReceiptState,
    RecordedAnswer,
    bounded,
    delivery_key,
)
from bot.transport.observer import UNREAD, TurnObserver, TurnOutcome
from bot.transport.storable_text import might_hold_unstorable_text, storable

logger = logging.getLogger(__name__)

DEFAULT_MAX_BODY_BYTES = 256 * 1024
DEFAULT_BODY_SECONDS = 15.0
"""How long a body may take to arrive once its headers have: a sender that stalls
(slowloris) is answered 408 and let go instead of holding a connection for ever."""
DEFAULT_RESEND_WAIT = 15.0
STORAGE_RETRY_AFTER_SECONDS = 5
"""How long a resent invoke waits for the first delivery's answer before a 503."""
NONCE_FIELD = "nonce"
_NONCE_LENGTH = range(8, 129)
_FIRST_POLL, _LONGEST_POLL = 0.02, 0.5
_DONE_STAND_IN = RecordedAnswer(
    200,
    json.dumps({
        "statusCode": 200, "type": "application/vnd.microsoft.activity.message",
        "value": "Done. Refresh the card to see it as it is now.",
    }),
)

TurnLogic = Callable[[TurnContext], Awaitable[Any]]
TurnScope = Callable[[], AbstractAsyncContextManager[object]]
"""Entered around each turn, from its receipt to its answer."""


class RequestRefused(Exception):
    """A request answered with an HTTP error before any turn ran."""

    def __init__(self, status: int, code: str, message: str, *, close: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.close = close
        """Answer with `Connection: close`: the rest of the body cannot be read."""


class _BodyNotJson(Exception):
    """The bot answered an invoke with a body `json.dumps` cannot write: our bug."""


class _Seen:
    """What the observer is told about a request, filled in as the request is read."""

    __slots__ = ("activity_type",)

    def __init__(self) -> None:
        self.activity_type = UNREAD


def error_response(status: int, code: str, message: str) -> web.Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return web.json_response({"error": code, "message": message}, status=status, headers=headers)


MAX_ID_CHARS = 1024
"""Teams' activity ids are tens of characters; a reply names its activity in the URL path."""
KEPT_IDS: dict[tuple[str, ...], int] = {
    ("conversation", "id"): 512,
    ("conversation", "tenantId"): 64,
    ("from", "id"): 255,
    ("from", "aadObjectId"): 64,
    ("channelData", "tenant", "id"): 64,
    ("channelData", "team", "id"): 255,
    ("channelData", "channel", "id"): 255,
}
"""The ids the bot keeps (where it may post, who a Teams user is, which deliveries it has
had) and the most characters their columns hold. Teams' own are GUIDs and ids of a few
dozen characters; a longer one failed the turn on PostgreSQL (a 500, after the reply had
gone out and with a conversation reference half rewritten), so it is refused first."""
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_read_moment: Callable[[object], datetime] = Deserializer.deserialize_iso


def _forget_unreadable_local_time(payload: dict[str, Any]) -> None:
    """A `localTimestamp` that is no moment (or has an offset no clock has) failed the
    whole activity in the SDK; it only says whose day "today" is (`bot.sender_day`), so it
    is left out and the message answered on UTC's day."""
    stamp = payload.get("localTimestamp")
    if stamp is None:
        return
    try:
        _read_moment(stamp)
    except ValueError:  # msrest's DeserializationError
        del payload["localTimestamp"]


def _refuse_unanswerable(payload: dict[str, Any]) -> None:
    """Refuse what no turn can answer: a sender, conversation or recipient (the bot, whom
    a reply is from) without an id, an id no reply can name (too long, or with a control
    character: ids go into the connector's URLs, and one with a control character failed
    the turn, a 500), text that is not text, channel data that is not an object, a member
    list entry without an id."""
    for field in ("from", "conversation", "recipient"):
        party = payload.get(field)
        if not isinstance(party, dict) or not _names_something(party.get("id")):
            raise RequestRefused(400, "invalid_activity", f"{field}.id must be a non-empty string")
        if _CONTROL.search(party["id"]):
            raise RequestRefused(
                400, "invalid_activity", f"{field}.id must have no control characters")
    for field in ("id", "replyToId"):
        value = payload.get(field)
        if value is not None and not (isinstance(value, str) and len(value) <= MAX_ID_CHARS):
            raise RequestRefused(
                400, "invalid_activity", f"{field} must be a string of at most {MAX_ID_CHARS} characters")
        if value is not None and _CONTROL.search(value):
            raise RequestRefused(400, "invalid_activity", f"{field} must have no control characters")
    if not isinstance(payload.get("text", ""), str | None):
        raise RequestRefused(400, "invalid_activity", "text must be a string")
    if not _names_something(payload.get("channelId")):
        # botbuilder keys conversation state by it: without one the turn failed (a 500).
        raise RequestRefused(400, "invalid_activity", "channelId must be a non-empty string")
    _refuse_unreadable_mentions(payload.get("entities"))
    channel_data = payload.get("channelData")
    if channel_data is not None:
        _refuse_unreadable_channel_data(channel_data)
    _refuse_ids_too_long_to_keep(payload)
    for field in ("membersAdded", "membersRemoved"):
        members = payload.get(field)
        if members is not None and not (
            isinstance(members, list)
            and all(isinstance(m, dict) and _names_something(m.get("id")) for m in members)
        ):
            raise RequestRefused(
                400, "invalid_activity", f"{field} must be a list of members with ids"
            )


def _refuse_unreadable_mentions(entities: object) -> None:
    """A mention names who is mentioned (an object with a text id) and how (its text):
    msrest cannot read one that does not, and the turn failed (a 500) where it read them."""
    if not isinstance(entities, list):
        return  # the activity reader refuses entities that are not a list of objects
    if not all(isinstance(entity, dict) for entity in entities):
        # msrest reads a null entry as None, and reading the mentions failed (a 500)
        raise RequestRefused(400, "invalid_activity", "entities must be a list of objects")
    for entity in entities:
        if not isinstance(entity, dict) or entity.get("type") != "mention":
            continue
        mentioned, text = entity.get("mentioned"), entity.get("text")
        if mentioned is not None and not (
            isinstance(mentioned, dict) and isinstance(mentioned.get("id", ""), str | None)
            and isinstance(mentioned.get("name", ""), str | None)
        ):
            raise RequestRefused(400, "invalid_activity",
                                 "a mention's `mentioned` must be an account with a text id")
        if not isinstance(text, str | None):
            raise RequestRefused(400, "invalid_activity", "a mention's text must be a string")


def _refuse_ids_too_long_to_keep(payload: dict[str, Any]) -> None:
    for path, most in KEPT_IDS.items():
        value: object = payload
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and len(value) > most:
            raise RequestRefused(
                400, "invalid_activity", f"{'.'.join(path)} must be at most {most} characters")


_CHANNEL_DATA_OBJECTS = ("tenant", "team", "channel", "meeting", "settings", "notification")
"""The parts of Teams' channelData that botbuilder and the bot read as objects."""


def _refuse_unreadable_channel_data(channel_data: object) -> None:
    if not isinstance(channel_data, dict):
        raise RequestRefused(400, "invalid_activity", "channelData must be a JSON object")
    for key in _CHANNEL_DATA_OBJECTS:
        part = channel_data.get(key)
        if part is not None and not (isinstance(part, dict) and isinstance(part.get("id", ""), str)):
            raise RequestRefused(
                400, "invalid_activity", f"channelData.{key} must be an object with a text id"
            )
    event_type = channel_data.get("eventType")
    if event_type is not None and not isinstance(event_type, str):
        raise RequestRefused(400, "invalid_activity", "channelData.eventType must be a string")


def _whose_state(activity: Activity) -> tuple[str | None, str | None, str | None]:
    """Whose turns a message waits for: the person's in that conversation, the state the
    bot keeps for them (`PrivateConversationState`'s key)."""
    conversation = activity.conversation.id if activity.conversation else None
    sender = activity.from_property.id if activity.from_property else None
    return activity.channel_id, conversation, sender


def _names_something(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


class MessagesEndpoint:
    def __init__(
        self,
        adapter: TeamsAdapter,
        bot: Bot | TurnLogic,
        *,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        deduplicator: ActivityDeduplicator | None = None,
        observer: TurnObserver | None = None,
        resend_wait: float = DEFAULT_RESEND_WAIT,
        turn_scope: TurnScope | None = None,
        before_waiting: Callable[[], Awaitable[None]] | None = None,
        body_seconds: float = DEFAULT_BODY_SECONDS,
        unavailable: Callable[[BaseException], bool] | None = None,
    ) -> None:
        self._adapter = adapter
        self._body_seconds = body_seconds
        self._unavailable = unavailable or (lambda _: False)
        self._turn_scope: TurnScope = turn_scope or nullcontext
        self._before_waiting = before_waiting
        self._logic: TurnLogic = bot.on_turn if isinstance(bot, Bot) else bot
        self._max_body_bytes = max_body_bytes
        self._deduplicator = deduplicator
        self._observer = observer
        self._resend_wait = resend_wait
        self._reader = ActivityReader()
        self._conversation_turns = ConversationTurns()

    @property
    def adapter(self) -> TeamsAdapter:
        return self._adapter

    async def __call__(self, request: web.Request) -> web.StreamResponse:
        started = time.perf_counter()
        seen = _Seen()
        outcome = TurnOutcome.FAILED  # unless an answer says otherwise (a cancelled request)
        try:
            response, outcome = await self._respond(request, seen)
            return response
        finally:
            self._finished(seen.activity_type, outcome, time.perf_counter() - started)

    async def _respond(
        self, request: web.Request, seen: _Seen
    ) -> tuple[web.StreamResponse, TurnOutcome]:
        try:
            if request.content_type != "application/json":
                raise RequestRefused(415, "unsupported_media_type", "send application/json")
            token = await self._verify(request.headers.get("Authorization"))
            activity = await self._read_activity(request)
            seen.activity_type = activity.type
            self._started(activity)
            service_urls = self._adapter.authentication.connectors.service_urls
            if not service_urls.allows(activity.service_url):
                raise RequestRefused(403, "service_url_not_allowed", service_urls.refusal)
            authenticated = self._authenticate(activity, token)
        except RequestRefused as refused:
            response = error_response(refused.status, refused.code, refused.message)
            if refused.close:
                response.force_close()
            return response, TurnOutcome.REFUSED
        async with self._in_order(activity), self._turn_scope():
            return await self._turn(activity, authenticated)

    def _in_order(self, activity: Activity) -> AbstractAsyncContextManager[None]:
        """A message waits for the turn of the same person's message before it in the
        conversation; waiting outside the turn's scope, it holds no database connection."""
        if activity.type != ActivityTypes.message:
            return nullcontext()
        return self._conversation_turns.turn_of(_whose_state(activity), activity_id=activity.id)

    async def _turn(
        self, activity: Activity, authenticated: Any
    ) -> tuple[web.StreamResponse, TurnOutcome]:
        key = self._key(activity)
        if key is not None:
            try:
                earlier = await self._claim(key, activity)
            except Exception as error:
                if not self._unavailable(error):
                    raise
                return _storage_unavailable(activity, error), TurnOutcome.FAILED
            if earlier is not None:
                return earlier, TurnOutcome.DUPLICATE
        try:
            with running_for(key):
                invoke_response = await self._adapter.process_activity(
                    authenticated, activity, self._logic
                )
            answer = _answer(invoke_response)
        except Exception as error:
            await self._release(key)
            if isinstance(error, _BodyNotJson):
                logger.exception("invoke %r answered a body that is not JSON", activity.name)
                message = "the bot answered a body that is not JSON"
            elif self._unavailable(error):
                return _storage_unavailable(activity, error), TurnOutcome.FAILED
            else:
                # The one place a failed turn becomes HTTP: logged in full, answered without
                # internals.
                logger.exception("turn failed for %s activity %s", activity.type, activity.id)
                message = "the bot failed to process the activity"
            return error_response(500, "internal_error", message), TurnOutcome.FAILED
        if key is not None and activity.type == ActivityTypes.invoke:
            await self._record(key, activity, answer)
        elif key is not None:
            # Marked answered too, so that a claim never answered means a turn that never
            # finished (its process died): see dedupe.py.
            assert self._deduplicator is not None
            self._deduplicator.finished(key)
        return _response(answer), TurnOutcome.PROCESSED

    def _started(self, activity: Activity) -> None:
        if self._observer is None:
            return
        try:
            self._observer.turn_started(
                activity_type=activity.type,
                activity_id=activity.id,
                conversation_id=activity.conversation.id if activity.conversation else None,
            )
        except Exception:
            # Bookkeeping must never cost a person their answer; the failure is logged.
            logger.exception("turn observer failed when the turn started")

    def _finished(self, activity_type: str, outcome: TurnOutcome, seconds: float) -> None:
        if self._observer is None:
            return
        try:
            self._observer.turn_finished(activity_type, outcome, seconds)
        except Exception:
            logger.exception("turn observer failed when the turn finished")

    async def _read_activity(self, request: web.Request) -> Activity:
        body = await self._read_body(request)
        try:
            # JSON between systems is UTF-8 (RFC 8259), and only UTF-8 is checked for text
            # no database stores: json.loads would also take UTF-16 and UTF-32, and UTF-8
            # with surrogates written out, whose NULs and lone surrogates failed the turn on
            # PostgreSQL. A byte order mark may be ignored, as the RFC allows.
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise RequestRefused(400, "invalid_json", "the body is not UTF-8 text") from error
        try:
            payload = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise RequestRefused(400, "invalid_json", "the body is not valid JSON") from error
        if might_hold_unstorable_text(body):
            try:
                payload = storable(payload)
            except RecursionError as error:  # nested deeper than the walk goes: no activity
                raise RequestRefused(400, "invalid_activity",
                                     "the body nests too deeply") from error
        if not isinstance(payload, dict):
            raise RequestRefused(400, "invalid_activity", "the body must be a JSON object")
        kind = payload.get("type")
        if not isinstance(kind, str) or not kind:
            raise RequestRefused(400, "invalid_activity", "the activity has no type")
        for field in ("serviceUrl", "id", "channelId"):
            if (
                field in payload
                and payload[field] is not None
                and not isinstance(payload[field], str)
            ):
                raise RequestRefused(400, "invalid_activity", f"{field} must be a string")
        _forget_unreadable_local_time(payload)
        _refuse_unanswerable(payload)
        try:
            activity = self._reader.read(payload)
        except (ValueError, TypeError, AttributeError, RecursionError) as error:
            raise RequestRefused(
                400, "invalid_activity", "the body is not a Bot Framework activity"
            ) from error
        if activity.channel_data is None:
            # botbuilder's Teams helpers read the team with `TeamsChannelData(**channel_data)`
            # and fail on an activity without it (the Emulator and Direct Line send none).
            activity.channel_data = {}
        return activity

    async def _read_body(self, request: web.Request) -> bytes:
        limit = self._max_body_bytes
        too_large = RequestRefused(
            413, "payload_too_large", f"activities are limited to {limit} bytes"
        )
        if request.content_length is not None and request.content_length > limit:
            raise too_large
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self._body_seconds):
                async for chunk in request.content.iter_chunked(64 * 1024):
                    size += len(chunk)
                    if size > limit:
                        raise too_large
                    chunks.append(chunk)
        except TimeoutError as error:
            raise RequestRefused(
                408, "request_timeout",
                f"the body did not arrive within {self._body_seconds:g} s", close=True,
            ) from error
        except web.RequestPayloadError as error:  # a Content-Encoding that does not decode
            raise RequestRefused(
                400, "invalid_body", "the body does not decode as its Content-Encoding says",
                close=True,
            ) from error
        return b"".join(chunks)

    async def _verify(self, auth_header: str | None) -> VerifiedToken | None:
        """The token, checked before a byte of the body is read (pre-authentication)."""
        with _refused_unless_authenticated("a request"):
            return await self._adapter.authentication.verify_header(auth_header)

    def _authenticate(self, activity: Activity, token: VerifiedToken | None) -> Any:
        with _refused_unless_authenticated(f"{activity.type} activity"):
            return self._adapter.authentication.authenticate_verified(activity, token)

    def _key(self, activity: Activity) -> str | None:
        if self._deduplicator is None or not activity.id:
            return None
        conversation_id = activity.conversation.id if activity.conversation else None
        nonce = _form_nonce(activity)
        if nonce is not None:
            sender = activity.from_property.id if activity.from_property else None
            return delivery_key(NONCE_FIELD, conversation_id, sender, nonce)
        return delivery_key(conversation_id, activity.id)

    async def _claim(self, key: str, activity: Activity) -> web.StreamResponse | None:
        """None when this delivery is the first (and now holds the claim); otherwise the
        answer for the resend: 200 for activities, the first answer for invokes."""
        assert self._deduplicator is not None
        conversation_id = activity.conversation.id if activity.conversation else None
        deadline = time.monotonic() + self._resend_wait
        pause = _FIRST_POLL
        while True:
            if await self._deduplicator.claim(key, conversation_id=conversation_id):
                return None
            if activity.type != ActivityTypes.invoke:
                return web.Response(status=200)
            while True:
                receipt = await self._deduplicator.receipt(key)
                if receipt.state is ReceiptState.ANSWERED and receipt.answer is not None:
                    return _response(receipt.answer)
                if receipt.state is ReceiptState.RELEASED:
                    break  # the first delivery failed: this one runs the turn
                if time.monotonic() >= deadline:
                    return error_response(
                        503, "still_processing",
                        "the first delivery of this activity is still being processed",
                    )
                if self._before_waiting is not None:
                    await self._before_waiting()
                await asyncio.sleep(pause)
                pause = min(pause * 2, _LONGEST_POLL)

    async def _record(self, key: str, activity: Activity, answer: RecordedAnswer) -> None:
        assert self._deduplicator is not None
        stand_in = (
            _DONE_STAND_IN if activity.name == "adaptiveCard/action" else RecordedAnswer(200)
        )
        try:
            await self._deduplicator.record(key, bounded(answer, stand_in=stand_in))
        except Exception:
            # The turn ran: its resends wait and get a 503, until the claim lapses (its holder
            # gone, or after 5 minutes) and a resend runs the invoke again.
            logger.exception("could not keep the answer of invoke %s", activity.id)

    async def _release(self, key: str | None) -> None:
        if key is None or self._deduplicator is None:
            return
        try:
            await self._deduplicator.release(key)
        except Exception:
            logger.exception("could not release the receipt of a failed turn")


def _storage_unavailable(activity: Activity, error: BaseException) -> web.Response:
    """What the bot keeps could not be reached: Teams' retry may succeed, so a 503."""
    logger.warning("%s activity %s: storage unavailable (%s)", activity.type, activity.id, error)
    response = error_response(
        503, "storage_unavailable", "the bot's storage cannot be reached; try again shortly")
    response.headers["Retry-After"] = str(STORAGE_RETRY_AFTER_SECONDS)
    return response


def _form_nonce(activity: Activity) -> str | None:
    """The `nonce` a form card puts in its submit data, wherever the activity carries it:
    `value.action.data` (Action.Execute), `value.data` (task modules, message-extension
    submits) or `value` itself (Action.Submit from older clients)."""
    value = activity.value
    if not isinstance(value, dict):
        return None
    action = value.get("action")
    for data in (action.get("data") if isinstance(action, dict) else None, value.get("data"),
                 value):
        if isinstance(data, dict):
            nonce = data.get(NONCE_FIELD)
            if isinstance(nonce, str) and len(nonce) in _NONCE_LENGTH:
                return nonce
    return None


def _answer(invoke_response: InvokeResponse | None) -> RecordedAnswer:
    if invoke_response is None:
        return RecordedAnswer(200)
    status = int(invoke_response.status or 200)
    body = invoke_response.body
    if body is None:
        return RecordedAnswer(status)
    if isinstance(body, Model):
        body = body.serialize()  # type: ignore[no-untyped-call]
    try:
        return RecordedAnswer(status, json.dumps(body))
    except (TypeError, ValueError) as error:
        raise _BodyNotJson from error


def _response(answer: RecordedAnswer) -> web.Response:
    if answer.body is None:
        return web.Response(status=answer.status)
    return web.Response(status=answer.status, text=answer.body, content_type="application/json")


@contextmanager
def _refused_unless_authenticated(what: str) -> Iterator[None]:
    """401 for a refused token, and for an authentication step that crashed: fail closed,
    since a crash has not authenticated anyone."""
    try:
        yield
    except Unauthenticated as error:
        logger.info("refused %s: %s", what, error)
        raise RequestRefused(401, "unauthorized", str(error)) from error
    except Exception as error:
        logger.exception("authentication failed unexpectedly; refusing the request")
        raise RequestRefused(
            401, "unauthorized", "the request could not be authenticated"
        ) from error


def add_messages_route(
    app: web.Application, endpoint: MessagesEndpoint, *, path: str = "/api/messages"
) -> MessagesEndpoint:
    """Mount the endpoint; the app's lifecycle prefetches signing keys and closes clients."""
    app.router.add_post(path, endpoint)
    adapter = endpoint.adapter

    async def lifecycle(_: web.Application) -> AsyncIterator[None]:
        warm_up = asyncio.create_task(adapter.warm_up())
        yield
        warm_up.cancel()
        with suppress(asyncio.CancelledError):
            await warm_up
        await adapter.close()

    app.cleanup_ctx.append(lifecycle)
    return endpoint
