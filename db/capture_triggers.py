"""The triggers that capture every writer's ticket changes into `bot_ticket_changes`.

They only insert (or, for a history row, fill in the actor of) change rows of
the writer's own transaction: existing rows of TicketFlow's tables are never
read or touched, so installing them on a database the web app already uses is
safe, and removing them leaves TicketFlow as it was. An update that changes no
watched field (say, only `updated_at`) captures nothing.

PostgreSQL also sends `NOTIFY ticketflow_changes`, delivered at commit, so a
listening worker picks the change up at once.
"""

from __future__ import annotations

from collections.abc import Sequence

NOTIFY_CHANNEL = "ticketflow_changes"
TEXT_KEPT = 1000

# (field, is long text) — what a change row remembers of a ticket, before and after.
WATCHED_FIELDS: tuple[tuple[str, bool], ...] = (
    ("title", False),
    ("description", True),
    ("category", False),
    ("status", False),
    ("priority", False),
    ("severity", False),
    ("notes", True),
    ("assignee_id", False),
    ("assignee_type", False),
    ("assignee_team_id", False),
    ("due_date", False),
    ("estimated_hours", False),
    ("actual_hours", False),
    ("tags", False),
)

_TRIGGERS = (
    ("bot_capture_task_insert", "tasks"),
    ("bot_capture_task_update", "tasks"),
    ("bot_capture_comment_insert", "task_comments"),
    ("bot_capture_history_insert", "task_history"),
)
_PG_FUNCTIONS = (
    "bot_capture_task_fields(tasks)",
    "bot_capture_task_change()",
    "bot_capture_comment_change()",
    "bot_capture_history_actor()",
)


def install_statements(dialect: str) -> list[str]:
    """Idempotent: replaces what an earlier install left."""
    if dialect == "postgresql":
        return [*remove_statements(dialect), *_postgresql()]
    return [*remove_statements(dialect), *_sqlite()]


def remove_statements(dialect: str) -> list[str]:
    drops = [f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in _TRIGGERS]
    if dialect == "postgresql":
        return [*drops, *(f"DROP FUNCTION IF EXISTS {f}" for f in _PG_FUNCTIONS)]
    return [f"DROP TRIGGER IF EXISTS {name}" for name, _ in _TRIGGERS]


def _watched(row: str, *, wrap: str) -> str:
    def value(field: str, long_text: bool) -> str:
        column = f"{row}.{field}"
        if long_text:
            return f"substr({column}, 1, {TEXT_KEPT})"
        return wrap.format(column) if field == "tags" else column

    return ", ".join(f"'{field}', {value(field, long)}" for field, long in WATCHED_FIELDS)


def _distinct(operator: str) -> str:
    return " OR ".join(f"OLD.{field} {operator} NEW.{field}" for field, _ in WATCHED_FIELDS)


def _postgresql() -> Sequence[str]:
    now = "(now() AT TIME ZONE 'UTC')"
    return [
        f"""
        CREATE FUNCTION bot_capture_task_fields(t tasks) RETURNS jsonb
        LANGUAGE sql STABLE AS $$
            SELECT jsonb_build_object({_watched("t", wrap="to_jsonb({})")})
        $$""",
        f"""
        CREATE FUNCTION bot_capture_task_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO bot_ticket_changes
                (ticket_id, kind, old_values, new_values, txid, created_at)
            VALUES (
                NEW.id,
                CASE WHEN TG_OP = 'INSERT' THEN 'created' ELSE 'updated' END,
                CASE WHEN TG_OP = 'UPDATE' THEN bot_capture_task_fields(OLD) END,
                bot_capture_task_fields(NEW),
                txid_current(),
                {now}
            );
            PERFORM pg_notify('{NOTIFY_CHANNEL}', '');
            RETURN NULL;
        END
        $$""",
        f"""
        CREATE FUNCTION bot_capture_comment_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO bot_ticket_changes
                (ticket_id, kind, comment_id, actor_id, txid, created_at)
            VALUES (NEW.task_id, 'commented', NEW.id, NEW.user_id, txid_current(), {now});
            PERFORM pg_notify('{NOTIFY_CHANNEL}', '');
            RETURN NULL;
        END
        $$""",
        """
        CREATE FUNCTION bot_capture_history_actor() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE bot_ticket_changes SET actor_id = NEW.user_id
            WHERE txid = txid_current() AND ticket_id = NEW.task_id AND actor_id IS NULL;
            RETURN NULL;
        END
        $$""",
        """
        CREATE TRIGGER bot_capture_task_insert AFTER INSERT ON tasks
        FOR EACH ROW EXECUTE FUNCTION bot_capture_task_change()""",
        f"""
        CREATE TRIGGER bot_capture_task_update AFTER UPDATE ON tasks
        FOR EACH ROW WHEN ({_distinct("IS DISTINCT FROM")})
        EXECUTE FUNCTION bot_capture_task_change()""",
        """
        CREATE TRIGGER bot_capture_comment_insert AFTER INSERT ON task_comments
        FOR EACH ROW EXECUTE FUNCTION bot_capture_comment_change()""",
        """
        CREATE TRIGGER bot_capture_history_insert AFTER INSERT ON task_history
        FOR EACH ROW EXECUTE FUNCTION bot_capture_history_actor()""",
    ]


def _sqlite() -> Sequence[str]:
    # SQLite has no transaction id; writers take turns (the service begins IMMEDIATE), so
    # a history row belongs to the newest change of its ticket that has no actor yet.
    # Tags are a JSON list on SQLite; a malformed one is kept as text, never refused.
    as_json = "CASE WHEN json_valid({0}) THEN json({0}) ELSE {0} END"
    new_fields = _watched("NEW", wrap=as_json)
    old_fields = _watched("OLD", wrap=as_json)
    return [
        f"""
        CREATE TRIGGER bot_capture_task_insert AFTER INSERT ON tasks BEGIN
            INSERT INTO bot_ticket_changes (ticket_id, kind, new_values)
            VALUES (NEW.id, 'created', json_object({new_fields}));
        END""",
        f"""
        CREATE TRIGGER bot_capture_task_update AFTER UPDATE ON tasks
        WHEN {_distinct("IS NOT")} BEGIN
            INSERT INTO bot_ticket_changes (ticket_id, kind, old_values, new_values)
            VALUES (NEW.id, 'updated', json_object({old_fields}), json_object({new_fields}));
        END""",
        """
        CREATE TRIGGER bot_capture_comment_insert AFTER INSERT ON task_comments BEGIN
            INSERT INTO bot_ticket_changes (ticket_id, kind, comment_id, actor_id)
            VALUES (NEW.task_id, 'commented', NEW.id, NEW.user_id);
        END""",
        """
        CREATE TRIGGER bot_capture_history_insert AFTER INSERT ON task_history BEGIN
            UPDATE bot_ticket_changes SET actor_id = NEW.user_id
            WHERE id = (SELECT max(id) FROM bot_ticket_changes WHERE ticket_id = NEW.task_id)
              AND actor_id IS NULL;
        END""",
    ]
