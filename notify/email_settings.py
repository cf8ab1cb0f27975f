"""The mail server and the message templates notification emails use (TicketFlow's own rows)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    from_email: str
    host: str | None = None
    port: int = 587
    username: str | None = None
    password: str | None = None
    """The sealed token."""
    from_name: str = "TicketFlow"
    encryption: str = "tls"
    is_active: bool = True
    id: int | None = None

    @property
    def usable(self) -> bool:
        return self.is_active and bool(self.host)


@dataclass(frozen=True, slots=True)
class EmailTemplate:
    name: str
    subject: str
    body: str
    is_active: bool = True
