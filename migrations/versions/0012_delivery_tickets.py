"""`bot_delivery_tickets`: the ticket a Teams delivery filed, written in the ticket's own
transaction, so that a turn run again after its process died (killed after the ticket was
committed, before the answer) files no second ticket.

Revision ID: 0012_delivery_tickets
Revises: 0011_receipt_holders
"""

from db.tables import bot_delivery_tickets
from migrations.adoption import abandon, adopt

revision = "0012_delivery_tickets"
down_revision = "0011_receipt_holders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    adopt((bot_delivery_tickets,), revision=revision)


def downgrade() -> None:
    abandon(revision=revision)
