"""A local OpenAI-compatible server: `POST /v1/chat/completions` on 127.0.0.1.

It records every request, refuses malformed ones (400, as OpenAI does), and
answers each request with the next scripted behaviour: a canned completion, an
HTTP error, or a hang that lasts until the stand-in stops (so a client timeout
is exercised without sleeping). With the script used up it answers like
`naive_reply`: obeying the last instruction it reads, else quoting passages.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Callable, Mapping
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any, Self

from aiohttp import web

from tests.loopback import serving
from tests.unit.knowledge.answering_fakes import naive_reply


@dataclass(frozen=True)
class Completion:
    content: str | None
    finish_reason: str = "stop"


@dataclass(frozen=True)
class Failure:
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Hang:
    """Never answers while the client waits; released when the stand-in stops."""


@dataclass(frozen=True)
class Naive:
    cite_hijack: bool = False


@dataclass(frozen=True)
class Held:
    """Answers like `then` once the test sets `release` (or the stand-in stops)."""

    release: asyncio.Event
    then: Completion | Naive = field(default_factory=Naive)


@dataclass(frozen=True)
class Raw:
    """A 200 answer whose body is `body` as is (for a reply that is not JSON)."""

    body: str
    content_type: str = "text/plain"


Behaviour = Completion | Failure | Hang | Naive | Held | Raw | Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class Calls:
    """A tool-calling reply: each call is (function name, arguments as the JSON text sent)."""

    calls: tuple[tuple[str, str], ...]


ToolBehaviour = Calls | Completion | Failure | Hang | Raw


@dataclass
class ReceivedRequest:
    body: dict[str, Any]
    authorization: str | None

    @property
    def model(self) -> str:
        return str(self.body.get("model"))

    @property
    def messages(self) -> list[dict[str, str]]:
        return list(self.body.get("messages", []))

    @property
    def system(self) -> str:
        return self.messages[0]["content"]

    @property
    def last_user(self) -> str:
        return [m for m in self.messages if m["role"] == "user"][-1]["content"]


@dataclass
class CompletionsStandIn:
    script: deque[Behaviour] = field(default_factory=deque)
    default: Behaviour = field(default_factory=Naive)
    requests: list[ReceivedRequest] = field(default_factory=list)
    tool_script: deque[ToolBehaviour] = field(default_factory=deque)
    """Answers to requests that offer tools (the bot reading a message), kept apart from
    the help assistant's: with the script used up, no tool is called."""
    tool_requests: list[ReceivedRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)
        self._released = asyncio.Event()
        self._server = AsyncExitStack()
        self._base_url: str | None = None

    @property
    def base_url(self) -> str:
        """What `OPENAI_BASE_URL` would be: the client appends `/chat/completions`."""
        if self._base_url is None:
            raise RuntimeError("the stand-in is not running")
        return self._base_url

    def then(self, *behaviours: Behaviour) -> Self:
        self.script.extend(behaviours)
        return self

    def then_tools(self, *behaviours: ToolBehaviour) -> Self:
        self.tool_script.extend(behaviours)
        return self

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._complete)
        self._base_url = await self._server.enter_async_context(serving(app)) + "/v1"
        return self

    async def __aexit__(self, *_: object) -> None:
        self._released.set()
        await self._server.aclose()

    async def _complete(self, request: web.Request) -> web.StreamResponse:
        try:
            body = await request.json()
        except ValueError:
            return _error(400, "the body is not JSON")
        if isinstance(body, dict) and "tools" in body:
            return await self._choose_tools(body, request.headers.get("Authorization"))
        self.requests.append(ReceivedRequest(body, request.headers.get("Authorization")))
        problem = _malformed(body)
        if problem is not None:
            return _error(400, problem)
        behaviour = self.script.popleft() if self.script else self.default
        if isinstance(behaviour, Failure):
            return _error(behaviour.status, "scripted failure", behaviour.headers)
        if isinstance(behaviour, Hang):
            await self._released.wait()
            return _error(503, "the stand-in stopped while hanging")
        if isinstance(behaviour, Held):
            waiting = {asyncio.ensure_future(behaviour.release.wait()),
                       asyncio.ensure_future(self._released.wait())}
            _, pending = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
            behaviour = behaviour.then
        if isinstance(behaviour, Raw):
            return web.Response(body=behaviour.body.encode(), content_type=behaviour.content_type)
        if isinstance(behaviour, Completion):
            return self._completion(body, behaviour.content, behaviour.finish_reason)
        messages = [(m["role"], m["content"]) for m in body["messages"]]
        if isinstance(behaviour, Naive):
            return self._completion(body, naive_reply(messages,
                                                      cite_hijack=behaviour.cite_hijack))
        return self._completion(body, behaviour(body))

    async def _choose_tools(self, body: dict[str, Any], authorization: str | None) -> web.StreamResponse:
        self.tool_requests.append(ReceivedRequest(body, authorization))
        problem = _malformed_tools(body)
        if problem is not None:
            return _error(400, problem)
        behaviour = self.tool_script.popleft() if self.tool_script else Completion("none")
        if isinstance(behaviour, Failure):
            return _error(behaviour.status, "scripted failure", behaviour.headers)
        if isinstance(behaviour, Hang):
            await self._released.wait()
            return _error(503, "the stand-in stopped while hanging")
        if isinstance(behaviour, Raw):
            return web.Response(body=behaviour.body.encode(), content_type=behaviour.content_type)
        if isinstance(behaviour, Completion):
            return self._completion(body, behaviour.content, behaviour.finish_reason)
        message = {"role": "assistant", "content": None, "tool_calls": [
            {"id": f"call_{next(self._ids)}", "type": "function",
             "function": {"name": name, "arguments": arguments}}
            for name, arguments in behaviour.calls
        ]}
        return web.json_response({
            "id": f"chatcmpl-{next(self._ids)}", "object": "chat.completion",
            "created": 1_767_225_600, "model": body["model"],
            "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        })

    def _completion(self, body: dict[str, Any], content: str | None,
                    finish_reason: str = "stop") -> web.Response:
        return web.json_response({
            "id": f"chatcmpl-{next(self._ids)}",
            "object": "chat.completion",
            "created": 1_767_225_600,
            "model": body["model"],
            "choices": [{
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
            }],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        })


def _malformed(body: object) -> str | None:
    if not isinstance(body, dict):
        return "the body must be an object"
    if not isinstance(body.get("model"), str) or not body["model"]:
        return "model is required"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "messages must be a non-empty list"
    for message in messages:
        if not isinstance(message, dict) or message.get("role") not in (
            "system", "user", "assistant"
        ) or not isinstance(message.get("content"), str):
            return "each message needs a role and text content"
    return None


def _malformed_tools(body: dict[str, Any]) -> str | None:
    """What OpenAI would refuse in a tool-calling request."""
    if not isinstance(body.get("model"), str) or not body["model"]:
        return "model is required"
    tools = body.get("tools")
    if not isinstance(tools, list) or not tools:
        return "tools must be a non-empty list"
    for tool in tools:
        if not isinstance(tool, dict) or tool.get("type") != "function":
            return "each tool must be a function"
        function = tool.get("function")
        if not isinstance(function, dict):
            return "each tool must be a function"
        if not isinstance(function.get("name"), str) or not function["name"].replace("_", "").isalnum():
            return "each function needs a name of letters, digits and underscores"
        if not isinstance(function.get("parameters"), dict) or function["parameters"].get("type") != "object":
            return "function parameters must be a JSON Schema object"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "messages must be a non-empty list"
    calls: set[str] = set()
    for message in messages:
        role = message.get("role") if isinstance(message, dict) else None
        if role in ("system", "user") and isinstance(message.get("content"), str):
            continue
        if role == "assistant" and isinstance(message.get("tool_calls"), list):
            calls.update(call["id"] for call in message["tool_calls"])
            continue
        if role == "tool" and message.get("tool_call_id") in calls and isinstance(message.get("content"), str):
            continue
        return f"a {role} message is malformed, or answers a tool call never made"
    return None


def _error(status: int, message: str, headers: Mapping[str, str] | None = None) -> web.Response:
    return web.json_response(
        {"error": {"message": message, "type": "stand_in_error", "code": str(status)}},
        status=status, headers=dict(headers or {}),
    )
