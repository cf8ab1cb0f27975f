"""Every table of the shared database, TicketFlow's and the service's, on one MetaData.

A table's module loads when the table is first imported from here: `from db.tables
import users` defines `users` and `sessions`, not the other forty tables, so a command
that reads a few tables (`ticketflow ask`) does not build them all. `metadata`
imported from here is complete: asking for it loads every table module.
"""

from importlib import import_module

from db.tables.schema_adoptions import schema_adoptions  # its module has its name

MODULE_OF = {
    "ai_chat_messages": "help",
    "api_keys": "integrations",
    "bot_activity_receipts": "bot",
    "bot_channel_digests": "digests",
    "bot_conversation_refs": "bot",
    "bot_delivery_changes": "deliveries",
    "bot_delivery_tickets": "deliveries",
    "bot_digest_runs": "digests",
    "bot_due_reminders": "reminders",
    "bot_state": "bot",
    "bot_ticket_changes": "capture",
    "bot_ticket_cards": "notifications",
    "bot_user_links": "bot",
    "company_settings": "configuration",
    "departments": "organisation",
    "email_templates": "configuration",
    "help_answer_feedback": "knowledge",
    "help_document_audiences": "knowledge",
    "help_document_chunks": "knowledge",
    "help_documents": "help",
    "help_exchanges": "knowledge",
    "help_file_digests": "knowledge",
    "help_indexed_sources": "knowledge",
    "notification_outbox": "notifications",
    "sessions": "auth",
    "smtp_settings": "configuration",
    "task_attachments": "tickets",
    "task_comments": "tickets",
    "task_history": "tickets",
    "tasks": "tickets",
    "team_members": "organisation",
    "teams": "organisation",
    "teams_integration_settings": "integrations",
    "user_guide_categories": "help",
    "user_guides": "help",
    "user_invitations": "organisation",
    "users": "auth",
}
"""The module under `db.tables` that defines each table."""

__all__ = sorted([*MODULE_OF, "metadata", "schema_adoptions"])


def __getattr__(name: str) -> object:
    if name == "metadata":
        return _complete_metadata()
    module = MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    table = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = table
    return table


def _complete_metadata() -> object:
    for module in sorted(set(MODULE_OF.values())):
        import_module(f"{__name__}.{module}")
    from db.metadata import metadata

    globals()["metadata"] = metadata
    return metadata
