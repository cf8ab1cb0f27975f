"""Asking which help documents there are, told apart from questions about what one says."""

from __future__ import annotations

import pytest

from bot.understanding.documents_asked import documents_asked


@pytest.mark.parametrize("said", [
    "what help documents do you have?", "which manuals can you search?", "list the guides",
    "what can you answer questions about?", "What docs do you have", "show me the help documents",
    "which guides are there?", "do you have any manuals?", "Which documents can you search",
    "list all the guides please", "what topics can you answer questions on?",
    "hi, what documents do you have", "what does your documentation cover?",
    "show me the available manuals", "what articles are available?", "list the docs",
])
def test_asking_which_documents_there_are(said: str) -> None:
    assert documents_asked(said)


@pytest.mark.parametrize("said", [
    "what does the vpn guide say about mfa", "which guide covers the guest wifi?",
    "list the guides for the printer", "list my tickets", "show documents attached to 12",
    "do you have a guide for the vpn?", "what can you do?", "help", "show 12",
    "which document explains expenses", "what can i ask about my ticket",
    "list tickets about the guides", "what does the manual say about printers",
    "is there a guide for new starters?", "what can you help with",
])
def test_a_question_about_a_document_or_a_ticket_is_not_that(said: str) -> None:
    assert not documents_asked(said)
