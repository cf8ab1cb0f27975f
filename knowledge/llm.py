"""The language model behind answers: a small port, and its OpenAI-compatible implementation.

Any server that speaks the Chat Completions API works (OpenAI, Azure OpenAI's
v1 endpoint, a local server) through `base_url`. The client's own retries are
kept few and its timeout short: a person is waiting in Teams, and when the model
cannot answer the assistant falls back to quoting the documents.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from openai.types.chat import (
        ChatCompletion,
        ChatCompletionMessageParam,
        ChatCompletionToolParam,
    )

# `openai` is imported where it is used: loading it costs about a second, and a
# process without a key (quoting the documents) never needs it.

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 20.0
DEFAULT_MAX_RETRIES = 1
DEFAULT_MAX_COMPLETION_TOKENS = 600


class PromptRole(StrEnum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"


@dataclass(frozen=True, slots=True)
class PromptMessage:
    role: PromptRole
    content: str


class ModelUnavailable(Exception):
    """The model gave no usable reply: an HTTP error, a timeout, a refusal or nothing at all."""


class ChatModel(Protocol):
    async def complete(self, messages: Sequence[PromptMessage]) -> str:
        """The model's reply text; raises ModelUnavailable when there is none."""
        ...

    async def aclose(self) -> None:
        """Releases the connections; the model is not used afterwards."""
        ...


class OpenAIChatModel:
    """Chat Completions over `openai.AsyncOpenAI`; close it with `aclose()`."""

    def __init__(
        self,
        *,
        api_key: str,
        model: str,
        base_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_completion_tokens: int = DEFAULT_MAX_COMPLETION_TOKENS,
    ) -> None:
        import openai

        self.model = model
        self._max_completion_tokens = max_completion_tokens
        self._client = openai.AsyncOpenAI(
            api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries
        )

    async def complete(self, messages: Sequence[PromptMessage]) -> str:
        response = await self._completion([_message(m) for m in messages])
        choice = response.choices[0]
        if choice.finish_reason == "content_filter":
            raise ModelUnavailable("the model's content filter withheld the reply")
        text = (choice.message.content or "").strip()
        if not text:
            raise ModelUnavailable("the model sent an empty reply")
        if choice.finish_reason == "length":
            log.info("the model's reply was cut at %d tokens", self._max_completion_tokens)
        return text

    async def aclose(self) -> None:
        await self._client.close()

    async def _completion(
        self,
        messages: list[ChatCompletionMessageParam],
        tools: list[ChatCompletionToolParam] | None = None,
    ) -> ChatCompletion:
        """One Chat Completions request with at least one choice; every way the model
        service can fail to give one is ModelUnavailable."""
        import openai
        from openai.types.chat import ChatCompletion

        try:
            response = await self._client.chat.completions.create(
                model=self.model,
                messages=messages,
                tools=openai.omit if tools is None else tools,
                temperature=0,
                max_completion_tokens=self._max_completion_tokens,
            )
        except openai.APITimeoutError as error:
            raise ModelUnavailable("the model did not answer in time") from error
        except openai.APIStatusError as error:
            status = error.status_code
            raise ModelUnavailable(f"the model service answered HTTP {status}") from error
        except openai.APIConnectionError as error:
            raise ModelUnavailable("the model service could not be reached") from error
        except (openai.APIResponseValidationError, ValueError) as error:
            raise ModelUnavailable("the model service sent a malformed reply") from error
        if not isinstance(response, ChatCompletion):  # a body that is not JSON comes back as text
            raise ModelUnavailable("the model service sent a reply that is not JSON")
        if not response.choices:
            raise ModelUnavailable("the model sent no choices")
        return response


def _message(message: PromptMessage) -> ChatCompletionMessageParam:
    if message.role is PromptRole.SYSTEM:
        return {"role": "system", "content": message.content}
    if message.role is PromptRole.ASSISTANT:
        return {"role": "assistant", "content": message.content}
    return {"role": "user", "content": message.content}


@dataclass(frozen=True, slots=True)
class ToolCall:
    """One function call the model asked for; `arguments` is the JSON text it wrote."""

    call_id: str
    name: str
    arguments: str


@dataclass(frozen=True, slots=True)
class ToolCalls:
    """The model's turn: the calls it made (none when it chose to answer in words)."""

    calls: tuple[ToolCall, ...]
    text: str = ""


@dataclass(frozen=True, slots=True)
class ToolResult:
    """What a lookup tool found, sent back to the model as the answer to `call_id`."""

    call_id: str
    content: str


ToolConversation = Sequence[PromptMessage | ToolCalls | ToolResult]


class ToolModel(Protocol):
    async def choose_tools(
        self, messages: ToolConversation, tools: Sequence[dict[str, object]]
    ) -> ToolCalls:
        """The tools the model calls next; raises ModelUnavailable when it gives no usable reply."""
        ...

    async def aclose(self) -> None:
        ...


class OpenAIToolModel(OpenAIChatModel):
    """Chat Completions with function tools, over the same OpenAI-compatible endpoint."""

    async def choose_tools(
        self, messages: ToolConversation, tools: Sequence[dict[str, object]]
    ) -> ToolCalls:
        response = await self._completion(
            [_tool_message(m) for m in messages], [_tool(tool) for tool in tools]
        )
        try:
            message = response.choices[0].message
            calls = tuple(
                ToolCall(str(call.id), str(call.function.name), str(call.function.arguments))
                for call in message.tool_calls or ()
                if call.type == "function"
            )
            text = (message.content or "").strip()
        except (AttributeError, TypeError) as error:  # the client does not validate replies
            raise ModelUnavailable("the model sent a malformed tool call") from error
        return ToolCalls(calls, text)


def _tool(tool: dict[str, object]) -> ChatCompletionToolParam:
    parameters = tool.get("parameters")
    return {
        "type": "function",
        "function": {
            "name": str(tool["name"]),
            "description": str(tool.get("description", "")),
            "parameters": dict(parameters) if isinstance(parameters, dict) else {},
        },
    }


def _tool_message(message: PromptMessage | ToolCalls | ToolResult) -> ChatCompletionMessageParam:
    if isinstance(message, ToolResult):
        return {"role": "tool", "tool_call_id": message.call_id, "content": message.content}
    if isinstance(message, ToolCalls):
        return {
            "role": "assistant",
            "content": message.text or None,
            "tool_calls": [
                {"id": call.call_id, "type": "function",
                 "function": {"name": call.name, "arguments": call.arguments}}
                for call in message.calls
            ],
        }
    return _message(message)
