"""Adopt TicketFlow's tables: create the missing ones, add missing columns and indexes.

Revision ID: 0001_ticketflow
Revises: (none)
"""

from db.tables import (
    ai_chat_messages,
    api_keys,
    company_settings,
    departments,
    email_templates,
    help_documents,
    sessions,
    smtp_settings,
    task_attachments,
    task_comments,
    task_history,
    tasks,
    team_members,
    teams,
    teams_integration_settings,
    user_guide_categories,
    user_guides,
    user_invitations,
    users,
)
from migrations.adoption import abandon, adopt

revision = "0001_ticketflow"
down_revision = None
branch_labels = None
depends_on = None

TICKETFLOW_TABLES = (
    sessions,
    users,
    user_invitations,
    departments,
    teams,
    team_members,
    tasks,
    task_comments,
    task_history,
    task_attachments,
    company_settings,
    smtp_settings,
    email_templates,
    api_keys,
    teams_integration_settings,
    help_documents,
    user_guides,
    user_guide_categories,
    ai_chat_messages,
)


def upgrade() -> None:
    adopt(TICKETFLOW_TABLES, revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
