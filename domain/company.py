"""Company-wide settings the bot uses: name, colour and the ticket number prefix."""

from __future__ import annotations

from dataclasses import dataclass

from domain.numbering import DEFAULT_PREFIX


@dataclass(frozen=True, slots=True)
class CompanySettings:
    company_name: str = "TicketFlow"
    ticket_prefix: str = DEFAULT_PREFIX
    primary_color: str = "#3b82f6"
    logo_url: str | None = None
