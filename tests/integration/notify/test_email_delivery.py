"""Notification emails through a real SMTP server on 127.0.0.1, with a sealed password."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
import pytest_asyncio
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography.fernet import Fernet
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.email_settings import SqlEmailSettings
from db.tables import email_templates, smtp_settings
from domain.notifications import TargetKind
from domain.services.tickets import comment_on_ticket, create_ticket, update_ticket
from notify.deliveries import DeliveryStatus
from notify.email import EmailDeliverer
from notify.secrets import SecretBox
from notify.webhook import DELIVERY_ID_HEADER
from notify.worker import DeliveryWorker
from tests.actors import as_actor
from tests.integration.builders import insert_user
from tests.integration.commands import run_command
from tests.integration.notify.conftest import (
    UnitOfWorkFactory,
    WorkerFactory,
    file_a_bug,
    outbox_entries,
)
from ticketflow.settings import Settings

KEY = Fernet.generate_key().decode()
PASSWORD = "s3cret ✓ pass"


@dataclass
class MailServer:
    """Takes mail for anyone but `refused@…` (550) and `busy@…` (451); checks the login."""

    port: int = 0
    messages: list[EmailMessage] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if address.startswith("refused@"):
            return "550 5.1.1 no such user"
        if address.startswith("busy@"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        self.messages.append(message_from_bytes(raw, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append((login, password))
        return AuthResult(success=(login, password) == ("mailer", PASSWORD))


@pytest_asyncio.fixture
async def mail_server() -> AsyncIterator[MailServer]:
    mail = MailServer()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(
            mail,
            hostname="mail.test",
            authenticator=mail.authenticate,
            auth_require_tls=False,
            loop=loop,
        ),
        "127.0.0.1",
        0,
    )
    mail.port = server.sockets[0].getsockname()[1]
    try:
        yield mail
    finally:
        server.close()
        await server.wait_closed()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url, secret_keys=(KEY,), web_url="https://tickets.example.com"
    )


@pytest_asyncio.fixture
async def mailer(
    engine: AsyncEngine, build_worker: WorkerFactory, settings: Settings, mail_server: MailServer
) -> DeliveryWorker:
    assert (
        await run_command(
            settings,
            "smtp",
            "set",
            "--host",
            "127.0.0.1",
            "--port",
            str(mail_server.port),
            "--username",
            "mailer",
            "--password",
            PASSWORD,
            "--from-email",
            "help@example.com",
            "--from-name",
            "Acme Help",
            "--encryption",
            "none",
        )
        == 0
    )
    deliverer = EmailDeliverer(settings=SqlEmailSettings(engine), secrets=SecretBox([KEY]))
    return build_worker(deliverers={TargetKind.EMAIL: deliverer}, worker_id="mailer")


async def test_the_requester_is_mailed_from_the_stored_template_with_values_escaped(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    mailer: DeliveryWorker,
    mail_server: MailServer,
) -> None:
    agent = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer", email="carla@example.com")
    async with engine.begin() as connection:
        await connection.execute(
            email_templates.insert().values(
                name="ticket_status_changed",
                subject="{{ticketNumber}} is {{ticket_status}}",
                body="<h1>{{ticket_title}}</h1><p>{{headline}}</p>",
            )
        )
    ticket = await create_ticket(
        uow=uow_factory(), actor=as_actor(customer), title="<b>Printer</b> & scanner", category="support"
    )
    await update_ticket(uow=uow_factory(), actor=as_actor(agent), ticket=ticket.id, status="in_progress")

    assert await mailer.run_once() == 1

    [entry] = await outbox_entries(engine)
    assert entry.status is DeliveryStatus.DELIVERED
    [mail] = mail_server.messages
    assert mail_server.logins == [("mailer", PASSWORD)]
    assert mail["From"] == "Acme Help <help@example.com>"
    assert mail["To"] == "carla@example.com"
    assert mail["Subject"] == f"{ticket.ticket_number} is In progress"
    assert mail["Message-ID"] == f"<{entry.delivery_id}@example.com>"
    assert mail[DELIVERY_ID_HEADER] == entry.delivery_id
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<h1>&lt;b&gt;Printer&lt;/b&gt; &amp; scanner</h1>" in html
    assert "<p>Your ticket was moved to In progress by Admin " in html


async def test_without_a_stored_template_the_built_in_one_is_used(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    mailer: DeliveryWorker,
    mail_server: MailServer,
) -> None:
    agent = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer", email="carla@example.com")
    ticket = await create_ticket(
        uow=uow_factory(), actor=as_actor(customer), title="Printer", category="support"
    )
    await comment_on_ticket(
        uow=uow_factory(), actor=as_actor(agent), ticket=ticket.id, content="Please restart it <now>"
    )

    await mailer.run_once()

    [mail] = mail_server.messages
    assert mail["Subject"] == f"[{ticket.ticket_number}] New comment: Printer"
    assert (
        "<blockquote>Please restart it &lt;now&gt;</blockquote>"
        in mail.get_body(("html",)).get_content()
    )  # type: ignore[union-attr]
    assert "Please restart it <now>" in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("address", "status"),
    [("refused@example.com", DeliveryStatus.DEAD), ("busy@example.com", DeliveryStatus.PENDING)],
)
async def test_a_refused_recipient_is_dead_and_a_busy_server_is_tried_again(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    mailer: DeliveryWorker,
    address: str,
    status: DeliveryStatus,
) -> None:
    agent = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer", email=address)
    ticket = await file_a_bug(uow_factory, customer)
    await update_ticket(uow=uow_factory(), actor=as_actor(agent), ticket=ticket.id, status="resolved")

    await mailer.run_once()

    [entry] = await outbox_entries(engine)
    assert entry.status is status
    assert entry.last_error is not None and ("550" in entry.last_error or "451" in entry.last_error)


async def test_the_password_is_stored_sealed_and_never_shown(
    engine: AsyncEngine,
    mailer: DeliveryWorker,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    async with engine.connect() as connection:
        stored = (await connection.execute(select(smtp_settings.c.password))).scalar_one()
    assert PASSWORD not in stored and SecretBox([KEY]).open(stored) == PASSWORD
    capsys.readouterr()

    assert await run_command(settings, "smtp", "show") == 0

    shown = capsys.readouterr().out
    assert "password    set (sealed)" in shown and PASSWORD not in shown and stored not in shown
    assert "Acme Help <help@example.com>" in shown


async def test_after_a_key_rotation_reseal_moves_the_password_to_the_new_key(
    engine: AsyncEngine,
    mailer: DeliveryWorker,
    settings: Settings,
) -> None:
    new_key = Fernet.generate_key().decode()
    rotated = Settings(database_url=settings.database_url, secret_keys=(new_key, KEY))

    assert await run_command(rotated, "smtp", "reseal") == 0

    stored = await SqlEmailSettings(engine).smtp()
    assert stored is not None and stored.password is not None
    assert SecretBox([new_key]).open(stored.password) == PASSWORD


async def test_email_stays_off_until_smtp_is_configured(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
) -> None:
    agent = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer", email="carla@example.com")
    ticket = await file_a_bug(uow_factory, customer)

    await update_ticket(uow=uow_factory(), actor=as_actor(agent), ticket=ticket.id, status="resolved")

    assert await outbox_entries(engine) == []
