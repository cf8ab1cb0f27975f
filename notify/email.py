"""Notification emails over SMTP, the secondary channel behind Teams.

Sent with the standard library's `smtplib` in a worker thread: mail volume is
low (requester and assignee only), so a connection per message is fine and no
async SMTP client is needed. Each message's Message-ID is built from the
delivery id, so the duplicates at-least-once delivery can produce are
recognisable (and threaded together) by mail clients.
"""

from __future__ import annotations

import asyncio
import base64
import smtplib
import ssl
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formataddr

from domain.notifications import TicketNotice
from notify.deliveries import OutboxEntry
from notify.email_settings import SmtpSettings
from notify.email_templates import RenderedEmail, render_notice, template_name
from notify.ports import EmailSettingsStore
from notify.secrets import SecretBox, SecretKeyMissing, SecretUnreadable
from notify.webhook import DELIVERY_ID_HEADER, DeliveryOutcome, DeliveryResult

ENCRYPTIONS = ("tls", "ssl", "none")
DEFAULT_SMTP_TIMEOUT = 30.0


class MailRefused(Exception):
    """The server refused this message for good (5xx): sending it again will not help."""


def message(
    email: RenderedEmail, *, settings: SmtpSettings, to: str, delivery_id: str
) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = formataddr((settings.from_name, settings.from_email))
    mail["To"] = to
    mail["Subject"] = email.subject
    domain = Address(addr_spec=settings.from_email).domain or "ticketflow.invalid"
    mail["Message-ID"] = f"<{delivery_id}@{domain}>"
    mail[DELIVERY_ID_HEADER] = delivery_id
    mail.set_content(email.text)
    mail.add_alternative(email.html, subtype="html")
    return mail


def send_message(
    mail: EmailMessage, *, settings: SmtpSettings, password: str | None, timeout: float
) -> None:
    """One blocking SMTP session; raises MailRefused for 5xx answers, others as they come."""
    host, port = settings.host or "", settings.port
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if settings.encryption == "ssl":
        client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(host, port, timeout=timeout)
    with client:
        if settings.encryption == "tls":
            client.starttls(context=context)
        if settings.username:
            _login(client, settings.username, password or "")
        try:
            client.send_message(mail)
        except smtplib.SMTPRecipientsRefused as refused:
            codes = [code for code, _ in refused.recipients.values()]
            if all(code >= 500 for code in codes):
                raise MailRefused(f"recipient refused: {refused.recipients}") from refused
            raise
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as refused:
            if refused.smtp_code >= 500:
                raise MailRefused(f"{refused.smtp_code} {refused.smtp_error!r}") from refused
            raise


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    """`smtplib` encodes credentials as ASCII; AUTH PLAIN (RFC 4616) carries UTF-8, so a
    password with any character can still log in."""
    if (username + password).isascii():
        client.login(username, password)
        return
    client.ehlo_or_helo_if_needed()
    credentials = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, answer = client.docmd("AUTH", f"PLAIN {credentials}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, answer)


class EmailDeliverer:
    """Reads the SMTP settings and the template at each delivery, so changes apply at once."""

    def __init__(
        self,
        *,
        settings: EmailSettingsStore,
        secrets: SecretBox | None,
        timeout: float = DEFAULT_SMTP_TIMEOUT,
    ) -> None:
        self._settings = settings
        self._secrets = secrets
        self._timeout = timeout

    async def deliver(self, entry: OutboxEntry, notice: TicketNotice) -> DeliveryOutcome:
        smtp = await self._settings.smtp()
        if smtp is None or not smtp.usable:
            return DeliveryOutcome(DeliveryResult.REJECTED, "outgoing mail is switched off")
        try:
            password = self._password(smtp)
        except (SecretKeyMissing, SecretUnreadable) as error:
            return DeliveryOutcome(DeliveryResult.RETRY_LATER, f"SMTP password: {error}")
        template = await self._settings.template(template_name(notice.event_type))
        email = render_notice(
            notice,
            subject=template.subject if template else None,
            body=template.body if template else None,
        )
        mail = message(email, settings=smtp, to=entry.target.key, delivery_id=entry.delivery_id)
        try:
            await asyncio.to_thread(
                send_message, mail, settings=smtp, password=password, timeout=self._timeout
            )
        except MailRefused as refused:
            return DeliveryOutcome(DeliveryResult.REJECTED, str(refused))
        except smtplib.SMTPResponseException as error:
            result = (
                DeliveryResult.REJECTED
                if error.smtp_code >= 500 and error.smtp_code != 535
                else DeliveryResult.RETRY_LATER
            )
            return DeliveryOutcome(result, f"SMTP {error.smtp_code}: {error.smtp_error!r}")
        except (smtplib.SMTPException, OSError) as error:
            return DeliveryOutcome(
                DeliveryResult.RETRY_LATER, f"SMTP: {type(error).__name__}: {error}"
            )
        return DeliveryOutcome(DeliveryResult.DELIVERED, f"mailed to {entry.target.key}")

    def _password(self, smtp: SmtpSettings) -> str | None:
        if not smtp.password:
            return None
        if self._secrets is None:
            raise SecretKeyMissing()
        return self._secrets.open(smtp.password)

    async def close(self) -> None:
        return None
