"""Wiring the help assistant: the unit of work, the model when a key is set, the retriever given."""

from __future__ import annotations

from knowledge.answering import HelpAssistant
from knowledge.llm import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_SECONDS, OpenAIChatModel
from knowledge.passages import Retriever
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings


def build_assistant(
    runtime: Runtime,
    *,
    retriever: Retriever,
    model_timeout: float = DEFAULT_TIMEOUT_SECONDS,
    model_retries: int = DEFAULT_MAX_RETRIES,
) -> HelpAssistant:
    """Answers with the configured model, or by quoting the documents when no key is set.

    The caller closes it (`aclose`) when done: the model keeps HTTP connections.
    """
    return HelpAssistant(
        retriever=retriever,
        uow=runtime.uow,
        llm=chat_model(runtime.settings, timeout=model_timeout, max_retries=model_retries),
    )


def chat_model(
    settings: Settings,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    max_retries: int = DEFAULT_MAX_RETRIES,
) -> OpenAIChatModel | None:
    if not settings.openai_api_key:
        return None
    return OpenAIChatModel(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        model=settings.openai_model,
        timeout=timeout,
        max_retries=max_retries,
    )
