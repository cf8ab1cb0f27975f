"""Every table of the shared database, TicketFlow's and the service's, on one MetaData.

Importing this package registers all tables, so `metadata` is complete.
"""

from db.metadata import metadata
from db.tables.auth import sessions, users
from db.tables.bot import bot_activity_receipts, bot_conversation_refs, bot_state, bot_user_links
from db.tables.capture import bot_ticket_changes
from db.tables.digests import bot_channel_digests, bot_digest_runs
from db.tables.configuration import company_settings, email_templates, smtp_settings
from db.tables.help import ai_chat_messages, help_documents, user_guide_categories, user_guides
from db.tables.integrations import api_keys, teams_integration_settings
from db.tables.knowledge import (
    help_answer_feedback,
    help_document_audiences,
    help_document_chunks,
    help_exchanges,
    help_indexed_sources,
)
from db.tables.notifications import bot_ticket_cards, notification_outbox
from db.tables.organisation import departments, team_members, teams, user_invitations
from db.tables.reminders import bot_due_reminders
from db.tables.schema_adoptions import schema_adoptions
from db.tables.tickets import task_attachments, task_comments, task_history, tasks

__all__ = [
    "ai_chat_messages",
    "api_keys",
    "bot_activity_receipts",
    "bot_channel_digests",
    "bot_conversation_refs",
    "bot_digest_runs",
    "bot_due_reminders",
    "bot_state",
    "bot_ticket_changes",
    "bot_ticket_cards",
    "bot_user_links",
    "company_settings",
    "departments",
    "email_templates",
    "help_answer_feedback",
    "help_document_audiences",
    "help_document_chunks",
    "help_documents",
    "help_exchanges",
    "help_indexed_sources",
    "metadata",
    "notification_outbox",
    "schema_adoptions",
    "sessions",
    "smtp_settings",
    "task_attachments",
    "task_comments",
    "task_history",
    "tasks",
    "team_members",
    "teams",
    "teams_integration_settings",
    "user_guide_categories",
    "user_guides",
    "user_invitations",
    "users",
]
