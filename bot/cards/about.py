"""The three things the bot does, said the same way on the welcome and the help card."""

from __future__ import annotations

from bot.cards.elements import JsonObject, text_block

CAPABILITIES: tuple[tuple[str, str], ...] = (
    (
        "File and work tickets by chat",
        (
            "Create, update, assign, comment on and close tickets right here; "
            "use “Create ticket” on any Teams message."
        ),
    ),
    (
        "Channel notifications with buttons",
        (
            "Teams get new and changed tickets in their channels, with Assign to me, "
            "Start and Resolve buttons that act on the spot."
        ),
    ),
    (
        "A help assistant",
        (
            "Ask a question: answers come from your help documents, with sources; "
            "if they have no answer, turn the question into a ticket in one click."
        ),
    ),
)


def capability_blocks() -> list[JsonObject]:
    blocks: list[JsonObject] = []
    for title, description in CAPABILITIES:
        blocks.append(text_block(title, weight="bolder", spacing="medium"))
        blocks.append(text_block(description, spacing="none"))
    return blocks
