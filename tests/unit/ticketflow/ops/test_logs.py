"""Logs: JSON lines or readable text, tagged with the turn, and never a secret."""

from __future__ import annotations

import asyncio
import io
import json
import logging

import pytest
from cryptography.fernet import Fernet

from bot.transport.observer import TurnOutcome
from ticketflow.logs import _PATTERNS, REDACTED, SecretRedactor, TurnLog, configure_logging
from ticketflow.settings import Settings

APP_PASSWORD = "Xq8~app-password-from-azure.Zz"
OPENAI_KEY = "sk-proj-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"
SECRET_KEY = Fernet.generate_key().decode()
DATABASE_PASSWORD = "db-pass-7731"
API_KEY = "tfk_" + "Ab3dEf6hIj9kLm2oPq5sTu8wXy1zAb4dEf7hIj0kLm3"
JWT = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
    ".eyJhdWQiOiJib3QiLCJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0"
    ".c2lnbmF0dXJlLWJ5dGVzLWhlcmU"
)
OPAQUE_TOKEN = "opaque0token1with2no3structure4at5all"
WEBHOOK_SIG = "q8Zr1vX0pL7mN3kJ5hG9fD2sA4wE6tY8uI0oP1aS3dF"
CONNECTOR_SECRET = "9b1f2c7e0d4a4c6fa3b5e8d7c1f0a2b3"
SMTP_PASSWORD = "smtp-hunter2-secret"

EVERY_SECRET = (
    APP_PASSWORD, OPENAI_KEY, SECRET_KEY, DATABASE_PASSWORD, API_KEY, JWT, OPAQUE_TOKEN,
    WEBHOOK_SIG, CONNECTOR_SECRET, SMTP_PASSWORD,
)


def settings(log_format: str) -> Settings:
    return Settings(
        database_url=f"postgresql+asyncpg://ticketflow:{DATABASE_PASSWORD}@db.internal/ticketflow",
        app_id="3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        app_password=APP_PASSWORD,
        openai_api_key=OPENAI_KEY,
        secret_keys=(SECRET_KEY,),
        log_format=log_format,
    )


def log_every_kind_of_secret(log: logging.Logger) -> None:
    log.info("started with MicrosoftAppPassword %s", APP_PASSWORD)  # a known value, no hint
    log.info("OpenAI client ready (%s)", OPENAI_KEY)
    log.info("Fernet keys loaded: %s", [SECRET_KEY])
    log.info("database at postgresql+asyncpg://ticketflow:%s@db.internal/x", DATABASE_PASSWORD)
    log.info("API request with key %s", API_KEY)
    log.info("outbound headers %s", {"Authorization": f"Bearer {OPAQUE_TOKEN}"})
    log.info("token received: %s", JWT)
    log.warning(
        "webhook refused: %s",
        "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke"
        f"?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={WEBHOOK_SIG}",
    )
    log.warning(
        "legacy connector: https://contoso.webhook.office.com/webhookb2/1a2b@3c4d/"
        f"IncomingWebhook/{CONNECTOR_SECRET}/5e6f"
    )
    log.info("smtp settings %r", {"host": "smtp.example.com", "smtp_password": SMTP_PASSWORD})
    log.info("login to smtp with password=%s", SMTP_PASSWORD)
    log.info("request", extra={"authorization": f"Bearer {OPAQUE_TOKEN}"})
    log.info("sent", extra={"headers": {"Authorization": f"Bearer {OPAQUE_TOKEN}"}, "status": 401})
    try:
        raise ConnectionError(f"could not log in as admin with password '{SMTP_PASSWORD}'")
    except ConnectionError:
        log.exception("delivery failed for %s", {"password": SMTP_PASSWORD})


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_no_secret_reaches_the_log_output(log_format: str) -> None:
    output = io.StringIO()
    configure_logging(settings(log_format), stream=output)

    log_every_kind_of_secret(logging.getLogger("ticketflow.test"))

    written = output.getvalue()
    leaked = [secret for secret in EVERY_SECRET if secret in written]
    assert leaked == []
    assert written.count(REDACTED) >= 14
    assert "db.internal" in written and "contoso.webhook.office.com" in written  # context stays


def test_a_secret_learnt_after_start_is_hidden_too() -> None:
    output = io.StringIO()
    redactor = configure_logging(settings("text"), stream=output)
    redactor.add("decrypted-smtp-secret")
    logging.getLogger("notify.email").warning("SMTP refused decrypted-smtp-secret for bob")
    assert "decrypted-smtp-secret" not in output.getvalue()
    assert f"SMTP refused {REDACTED} for bob" in output.getvalue()


def test_a_key_prefix_shown_in_listings_is_not_mistaken_for_a_key() -> None:
    output = io.StringIO()
    configure_logging(settings("text"), stream=output)
    logging.getLogger("ticketflow").info("revoked API key 3 (tfk_Ab3dEf…)")
    assert "tfk_Ab3dEf…" in output.getvalue()


def test_json_lines_carry_time_level_logger_and_message() -> None:
    output = io.StringIO()
    configure_logging(settings("json"), stream=output)
    logging.getLogger("ticketflow.test").warning("disk at %d%%", 91)
    (line,) = output.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "ticketflow.test"
    assert entry["message"] == "disk at 91%"
    assert entry["time"].endswith("Z") and "T" in entry["time"]
    assert "activity_id" not in entry and "exc_info" not in entry


def test_an_exception_is_one_json_string_with_its_traceback() -> None:
    output = io.StringIO()
    configure_logging(settings("json"), stream=output)
    try:
        {}["missing"]
    except KeyError:
        logging.getLogger("ticketflow.test").exception("lookup failed")
    (line,) = output.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["message"] == "lookup failed"
    assert entry["exc_info"].startswith("Traceback (most recent call last):")
    assert "KeyError: 'missing'" in entry["exc_info"]


def test_records_logged_during_a_turn_carry_its_activity_and_conversation() -> None:
    output = io.StringIO()
    configure_logging(settings("json"), stream=output)
    log = logging.getLogger("bot.handler")
    turns = TurnLog()

    turns.turn_started(activity_type="message", activity_id="act-1", conversation_id="a:conv-1")
    log.info("inside the turn")
    turns.turn_finished("message", TurnOutcome.PROCESSED, 0.042)
    log.info("between turns")

    inside, finished, between = (json.loads(line) for line in output.getvalue().splitlines())
    assert (inside["activity_id"], inside["conversation_id"]) == ("act-1", "a:conv-1")
    assert finished["logger"] == "ticketflow.turns"
    assert finished["message"] == "message activity processed in 42 ms"
    assert (finished["outcome"], finished["duration_ms"]) == ("processed", 42.0)
    assert finished["activity_id"] == "act-1"
    assert "activity_id" not in between


async def test_concurrent_turns_never_see_each_others_ids() -> None:
    output = io.StringIO()
    configure_logging(settings("json"), stream=output)
    log = logging.getLogger("bot.handler")
    turns = TurnLog()
    both_started = asyncio.Barrier(2)

    async def turn(name: str) -> None:
        turns.turn_started(activity_type="message", activity_id=name, conversation_id=f"c-{name}")
        await both_started.wait()  # the other turn has set its ids by now
        log.info("working on %s", name)

    await asyncio.gather(turn("first"), turn("second"))

    entries = [json.loads(line) for line in output.getvalue().splitlines()]
    assert sorted((e["message"], e["activity_id"], e["conversation_id"]) for e in entries) == [
        ("working on first", "first", "c-first"),
        ("working on second", "second", "c-second"),
    ]


def test_text_lines_stay_readable_and_name_the_turn() -> None:
    output = io.StringIO()
    configure_logging(settings("text"), stream=output)
    turns = TurnLog()
    turns.turn_started(activity_type="invoke", activity_id="act-9", conversation_id="19:abc")
    logging.getLogger("bot.handler").info("card action assign")
    turns.turn_finished("invoke", TurnOutcome.REFUSED, 0.001)
    first = output.getvalue().splitlines()[0]
    assert first.endswith(
        " INFO bot.handler card action assign [activity=act-9 conversation=19:abc]"
    )


def test_configuring_twice_does_not_print_every_line_twice() -> None:
    output = io.StringIO()
    configure_logging(settings("text"), stream=io.StringIO())
    configure_logging(settings("text"), stream=output)
    logging.getLogger("ticketflow").info("once")
    assert output.getvalue().count("once") == 1


def test_alembic_s_plugin_list_stays_out_of_the_log_but_its_migrations_do_not() -> None:
    output = io.StringIO()
    configure_logging(settings("text"), stream=output)
    logging.getLogger("alembic.runtime.plugins").info("setup plugin alembic.autogenerate.types")
    logging.getLogger("alembic.runtime.migration").info("Running upgrade  -> 0001_ticketflow")
    assert "setup plugin" not in output.getvalue()
    assert "Running upgrade" in output.getvalue()


def test_an_unauthenticated_type_or_id_with_a_line_break_cannot_forge_a_log_line() -> None:
    output = io.StringIO()
    configure_logging(settings("text"), stream=output)
    TurnLog().turn_finished("message\nERROR forged", TurnOutcome.REFUSED, 0.0)
    assert len(output.getvalue().splitlines()) == 1
    turns = TurnLog()
    turns.turn_started(activity_type="message", activity_id="1\nCRITICAL forged",
                       conversation_id="c")
    logging.getLogger("bot.handler").info("refused")
    turns.turn_finished("message", TurnOutcome.REFUSED, 0.0)  # its ids must not outlive it
    assert len(output.getvalue().splitlines()) == 3


@pytest.mark.parametrize("line", [
    "posting to HTTPS://contoso.WEBHOOK.office.com/webhookb2/1a2b/IncomingWebhook/abc/def",
    "proxy at http://bob:hunter2@proxy.internal:3128",
    "GET /callback?state=1&CODE=0.AXoA-secret-code&session=2",
    "header AUTHORIZATION: BEARER abcdefgh12345678",
    "basic Zm9vOmJhcjEyMzQ1",
    f"token {JWT}",
    f"key {API_KEY}",
    f"openai {OPENAI_KEY}",
    "smtp settings {'SMTP_PASSWORD': 'hunter2'}",
    'body {"Password": "hunter2", "user": "bob"}',
    "login failed: PASSWORD 'hunter2'",
    "client_secret=abc123&grant_type=client_credentials",
    "message activity processed in 12 ms",
    "ticket TKT-2026-0042 assigned to team:3 by ada@example.com",
    "",
])
def test_the_one_pass_scan_never_skips_a_line_a_pattern_would_change(line: str) -> None:
    every_pattern = line
    for pattern, replacement in _PATTERNS:
        every_pattern = pattern.sub(replacement, every_pattern)
    assert SecretRedactor().redact(line) == every_pattern
