"""A local Bot Connector service: the REST API Teams exposes at an activity's serviceUrl.

It implements the routes botbuilder calls (send, reply, update, delete, create
conversation, member lookup, team channels), records every call -- failed ones too --
and can be told to answer 429/503 (with `Retry-After`) to the next N calls, or to
hold writes unanswered until the test releases them.

It runs on its own event loop in a thread, like a remote service would: some SDK calls
are synchronous (`TeamsInfo.get_team_channels`/`get_team_details` use msrest's blocking
client on the caller's loop) and would deadlock against a server on the test's loop.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections import deque
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any, Self

from aiohttp import web

WRITES = frozenset({"send", "reply", "update", "delete"})


@dataclass(frozen=True)
class ConnectorCall:
    operation: str
    """send, reply, update, delete, create_conversation, get_member, get_members,
    team_channels or team_details."""
    method: str
    path: str
    conversation_id: str | None
    activity_id: str | None
    body: Any
    authorization: str | None
    status: int


@dataclass(frozen=True)
class TeamsMember:
    """What Teams answers for a member lookup (`TeamsChannelAccount`)."""

    id: str
    name: str
    aad_object_id: str
    email: str | None = None
    user_principal_name: str | None = None
    given_name: str | None = None
    surname: str | None = None
    tenant_id: str | None = None
    user_role: str = "user"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "aadObjectId": self.aad_object_id,
            "email": self.email,
            "userPrincipalName": self.user_principal_name,
            "givenName": self.given_name,
            "surname": self.surname,
            "tenantId": self.tenant_id,
            "userRole": self.user_role,
        }


@dataclass
class _Fault:
    status: int
    retry_after: str | None
    operations: frozenset[str]
    remaining: int
    code: str | None = None


@dataclass
class ConnectorStandIn:
    members: dict[str, TeamsMember] = field(default_factory=dict)
    """Members by Teams user id (`29:...`); lookups by aadObjectId work too."""
    team_channels: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    expected_authorization: str | None = None
    """When set, any other Authorization header is answered 401."""
    calls: list[ConnectorCall] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._faults: deque[_Fault] = deque()
        self._held: frozenset[str] = frozenset()
        self._released = threading.Event()
        self.holding = 0
        """Writes that arrived while held and are waiting for `release()`."""
        self._ids = itertools.count(1)
        self._changed = threading.Condition()
        self._runner: web.AppRunner | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._base_url: str | None = None

    @property
    def service_url(self) -> str:
        """The serviceUrl to put on activities (with the trailing slash Teams uses)."""
        if self._base_url is None:
            raise RuntimeError("the connector stand-in is not running")
        return self._base_url

    async def start(self) -> Self:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="connector", daemon=True)
        self._thread.start()
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self._serve(), loop))
        return self

    async def stop(self) -> None:
        loop, thread, runner = self._loop, self._thread, self._runner
        if loop is None or thread is None:
            return
        self.release()  # a held write must not outlive the test
        if runner is not None:
            await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(runner.cleanup(), loop))
        loop.call_soon_threadsafe(loop.stop)
        await asyncio.to_thread(thread.join, 10)
        loop.close()
        self._loop = self._thread = self._runner = None

    async def _serve(self) -> None:
        app = web.Application()
        def route(method: str, path: str, handler: Any) -> None:
            """At the root, and under a region as Teams' serviceUrls have it (`/amer/`)."""
            app.router.add_route(method, path, handler)
            app.router.add_route(method, "/{region:[a-z-]+}" + path, handler)

        route("POST", "/v3/conversations", self._create_conversation)
        route("POST", "/v3/conversations/{conversation}/activities", self._send)
        route("POST", "/v3/conversations/{conversation}/activities/{activity}", self._reply)
        route("PUT", "/v3/conversations/{conversation}/activities/{activity}", self._update)
        route("DELETE", "/v3/conversations/{conversation}/activities/{activity}", self._delete)
        route("GET", "/v3/conversations/{conversation}/members", self._get_members)
        route("GET", "/v3/conversations/{conversation}/members/{member}", self._get_member)
        route("GET", "/v3/teams/{team}/conversations", self._team_channels)
        route("GET", "/v3/teams/{team}", self._team_details)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self._base_url = f"http://127.0.0.1:{port}/"

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(self, *_: object) -> None:
        await self.stop()

    def fail_next(
        self,
        status: int,
        *,
        times: int = 1,
        retry_after: float | str | None = None,
        operations: Collection[str] = WRITES,
        code: str | None = None,
    ) -> None:
        """Answer `status` (with error `code`, or the usual one) to the next `times` calls."""
        with self._changed:
            self._faults.append(
                _Fault(
                    status=status,
                    retry_after=None if retry_after is None else str(retry_after),
                    operations=frozenset(operations),
                    remaining=times,
                    code=code,
                )
            )

    def hold(self, operations: Collection[str] = WRITES) -> None:
        """Leave these writes unanswered (they wait, like a connector that hangs) until
        `release()`; then they are answered as usual, faults from `fail_next` included."""
        with self._changed:
            self._held = frozenset(operations)
            self._released.clear()

    def release(self) -> None:
        with self._changed:
            self._held = frozenset()
            self._released.set()

    def recover(self) -> None:
        """Stop answering with the failures asked for by `fail_next`."""
        with self._changed:
            self._faults.clear()

    def successful(self, *operations: str) -> list[ConnectorCall]:
        wanted = set(operations or WRITES)
        return [c for c in self.calls if c.operation in wanted and c.status < 300]

    def sent_activities(self) -> list[dict[str, Any]]:
        """Bodies of the activities that reached the conversation (sends and replies)."""
        return [c.body for c in self.successful("send", "reply")]

    def texts(self) -> list[str | None]:
        return [a.get("text") for a in self.sent_activities()]

    async def wait_until(
        self, condition: Callable[[ConnectorStandIn], bool], *, timeout: float = 10.0
    ) -> None:
        """Wait for calls made after the HTTP answer (proactive sends); `timeout` is a safety net."""

        def wait() -> bool:
            with self._changed:
                return self._changed.wait_for(lambda: condition(self), timeout)

        if not await asyncio.to_thread(wait):
            raise TimeoutError(f"the connector did not see the expected calls in {timeout}s")

    # Route handlers

    async def _send(self, request: web.Request) -> web.Response:
        return await self._write(request, "send")

    async def _reply(self, request: web.Request) -> web.Response:
        return await self._write(request, "reply")

    async def _update(self, request: web.Request) -> web.Response:
        return await self._write(request, "update")

    async def _delete(self, request: web.Request) -> web.Response:
        return await self._write(request, "delete")

    async def _write(self, request: web.Request, operation: str) -> web.Response:
        body = await request.json() if request.can_read_body else None
        if operation in self._held:
            with self._changed:
                self.holding += 1
                self._changed.notify_all()
            await asyncio.to_thread(self._released.wait)
            with self._changed:
                self.holding -= 1
        refusal = self._refusal(request, operation)
        activity_id = request.match_info.get("activity")
        if refusal is not None:
            self._record(request, operation, body, refusal.status)
            return refusal
        new_id = activity_id if operation == "update" else f"activity-{next(self._ids)}"
        status = 200
        self._record(request, operation, body, status)
        if operation == "delete":
            return web.Response(status=status)
        return web.json_response({"id": new_id}, status=status)

    async def _create_conversation(self, request: web.Request) -> web.Response:
        body = await request.json()
        refusal = self._refusal(request, "create_conversation")
        if refusal is not None:
            self._record(request, "create_conversation", body, refusal.status)
            return refusal
        conversation_id = f"a:personal-{next(self._ids)}"
        first = body.get("activity") if isinstance(body, dict) else None
        self._record(request, "create_conversation", body, 201)
        return web.json_response(
            {
                "id": conversation_id,
                "activityId": f"activity-{next(self._ids)}" if first else None,
                "serviceUrl": self.service_url,
            },
            status=201,
        )

    async def _get_member(self, request: web.Request) -> web.Response:
        refusal = self._refusal(request, "get_member")
        if refusal is not None:
            self._record(request, "get_member", None, refusal.status)
            return refusal
        wanted = request.match_info["member"]
        member = self.members.get(wanted) or next(
            (m for m in self.members.values() if m.aad_object_id == wanted), None
        )
        if member is None:
            self._record(request, "get_member", None, 404)
            return _error(404, "MemberNotFoundInConversation", "The member was not found.")
        self._record(request, "get_member", None, 200)
        return web.json_response(member.to_json())

    async def _get_members(self, request: web.Request) -> web.Response:
        self._record(request, "get_members", None, 200)
        return web.json_response([m.to_json() for m in self.members.values()])

    async def _team_channels(self, request: web.Request) -> web.Response:
        channels = self.team_channels.get(request.match_info["team"], [])
        self._record(request, "team_channels", None, 200)
        return web.json_response({"conversations": channels})

    async def _team_details(self, request: web.Request) -> web.Response:
        team_id = request.match_info["team"]
        self._record(request, "team_details", None, 200)
        return web.json_response({"id": team_id, "name": "Team", "aadGroupId": None})

    def _refusal(self, request: web.Request, operation: str) -> web.Response | None:
        expected = self.expected_authorization
        if expected is not None and request.headers.get("Authorization") != expected:
            return _error(401, "Unauthorized", "Authorization has been denied.")
        with self._changed:
            fault = next((f for f in self._faults if operation in f.operations), None)
            if fault is None:
                return None
            fault.remaining -= 1
            if fault.remaining <= 0:
                self._faults.remove(fault)
        headers = {"Retry-After": fault.retry_after} if fault.retry_after else None
        return _error(fault.status, fault.code or _code(fault.status), "Injected failure.", headers)

    def _record(self, request: web.Request, operation: str, body: Any, status: int) -> None:
        call = ConnectorCall(
            operation=operation,
            method=request.method,
            path=request.path,
            conversation_id=request.match_info.get("conversation"),
            activity_id=request.match_info.get("activity"),
            body=body,
            authorization=request.headers.get("Authorization"),
            status=status,
        )
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()


def _code(status: int) -> str:
    return {
        412: "PreconditionFailed",
        429: "TooManyRequests",
        502: "BadGateway",
        503: "ServiceUnavailable",
        504: "GatewayTimeout",
    }.get(status, "BadRequest" if status < 500 else "InternalServerError")


def _error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> web.Response:
    return web.json_response(
        {"error": {"code": code, "message": message}}, status=status, headers=headers
    )
