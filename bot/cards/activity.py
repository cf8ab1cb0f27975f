"""A ticket's latest comments and, behind a History toggle, its recent changes.

Comments are shown as their authors wrote them (trimmed); history lines name who did
what. The History container starts hidden and `Action.ToggleVisibility` shows it,
so the card stays short until someone asks.
"""

from __future__ import annotations

from bot.cards.elements import JsonObject, text_block
from bot.cards.labels import moment_label, trimmed
from bot.cards.views import ActivityView, ChangeView

COMMENT_PREVIEW = 400
CHANGE_PREVIEW = 80


def comment_blocks(activity: ActivityView) -> list[JsonObject]:
    return _comments(activity)


def history_blocks(
    ticket_id: int, activity: ActivityView, *, open_: bool = False
) -> list[JsonObject]:
    """Drawn after the card's buttons, so their order (and numbers) never depend on it.
    `open_`: the history was asked for ("history of 4"), so it is shown from the start."""
    return _history(ticket_id, activity.changes, open_=open_)


def history_target(ticket_id: int) -> str:
    return f"history-{ticket_id}"


def _comments(activity: ActivityView) -> list[JsonObject]:
    if not activity.comments:
        return []
    shown = len(activity.comments)
    title = (f"Latest comments ({shown} of {activity.comment_count})"
             if activity.comment_count > shown else "Comments")
    blocks = [text_block(title, weight="bolder", separator=True)]
    for comment in activity.comments:
        blocks.append(text_block(f"{comment.author} · {moment_label(comment.at)}", size="small",
                                 subtle=True, spacing="small"))
        blocks.append(text_block(trimmed(comment.text, COMMENT_PREVIEW), spacing="none"))
    return blocks


def _history(ticket_id: int, changes: tuple[ChangeView, ...], *, open_: bool) -> list[JsonObject]:
    if not changes:
        return []
    target = history_target(ticket_id)
    toggle = {
        "type": "ActionSet",
        "separator": True,
        "actions": [{
            "type": "Action.ToggleVisibility", "title": "History", "targetElements": [target],
        }],
    }
    lines = [text_block(_line(change), size="small", spacing="small") for change in changes]
    return [toggle, {"type": "Container", "id": target, "isVisible": open_, "items": lines}]


def _line(change: ChangeView) -> str:
    when = f" · {moment_label(change.at)}" if change.at else ""
    return f"{change.author}{when}: {change.what}"


def worded(action: str, field: str | None, old: str | None, new: str | None) -> str:
    """What a history row says, in a few words."""
    if action == "created":
        return "filed the ticket"
    if action == "commented":
        return f"commented “{trimmed(new or '', CHANGE_PREVIEW)}”" if new else "commented"
    if action == "unassigned":
        return f"unassigned {old}" if old else "unassigned it"
    if action == "assigned":
        return f"assigned it to {new}" if new else "assigned it"
    name = (field or action).replace("_", " ")
    before = trimmed(_shown(field, old), CHANGE_PREVIEW)
    after = trimmed(_shown(field, new), CHANGE_PREVIEW)
    return f"{name}: {before} → {after}"


def _shown(field: str | None, value: str | None) -> str:
    if not value:
        return "none"
    flat = " ".join(value.split())
    return flat.replace("_", " ") if field in _ENUM_FIELDS else flat


_ENUM_FIELDS = frozenset({"status", "priority", "category", "severity"})
