"""Settings are read once and a bad value stops the start with the variable's name."""

from __future__ import annotations

import pytest

from db.engine import POOL_OVERFLOW, POOL_SIZE
from domain.people import Role
from ticketflow.settings import SettingsError, load_settings


def test_the_defaults_need_no_configuration_at_all() -> None:
    settings = load_settings({}, env_file=None)
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.local_development and settings.default_role is Role.USER
    assert (settings.host, settings.port) == ("127.0.0.1", 3978)


@pytest.mark.parametrize(("env", "variable"), [
    ({"TICKETFLOW_PORT": "http"}, "TICKETFLOW_PORT"),
    ({"TICKETFLOW_DATABASE_URL": "mysql://x"}, "TICKETFLOW_DATABASE_URL"),
    ({"MicrosoftAppId": "id"}, "MicrosoftAppPassword"),
    ({"MicrosoftAppId": "id", "MicrosoftAppPassword": "p"}, "TICKETFLOW_ALLOWED_TENANTS"),
    ({"MicrosoftAppType": "Anyone"}, "MicrosoftAppType"),
    ({"TICKETFLOW_SECRET_KEY": "short"}, "TICKETFLOW_SECRET_KEY"),
    ({"TICKETFLOW_DEFAULT_ROLE": "root"}, "TICKETFLOW_DEFAULT_ROLE"),
    ({"TICKETFLOW_WEB_URL": "ftp://files"}, "TICKETFLOW_WEB_URL"),
    ({"TICKETFLOW_TEST_ALLOW_LOOPBACK_WEBHOOKS": "1"}, "TICKETFLOW_TEST_ALLOW_LOOPBACK_WEBHOOKS"),
    ({"TICKETFLOW_CONNECTOR_HOSTS": "https://smba.example.net/"}, "TICKETFLOW_CONNECTOR_HOSTS"),
    ({"TICKETFLOW_CONNECTOR_HOSTS": "smba.example.net/amer"}, "TICKETFLOW_CONNECTOR_HOSTS"),
    ({"TICKETFLOW_CONNECTOR_HOSTS": "*example.net"}, "TICKETFLOW_CONNECTOR_HOSTS"),
])
def test_a_bad_value_names_its_variable(env: dict[str, str], variable: str) -> None:
    with pytest.raises(SettingsError) as failed:
        load_settings(env, env_file=None)
    assert failed.value.variable == variable
    assert str(failed.value).startswith(f"{variable}: ")


def test_the_bot_registration_and_its_tenants_are_read() -> None:
    settings = load_settings({
        "MicrosoftAppId": "app", "MicrosoftAppPassword": "secret",
        "MicrosoftAppType": "SingleTenant", "MicrosoftAppTenantId": "Tenant-A",
        "TICKETFLOW_DATABASE_URL": "postgres://u@db/tickets",
    }, env_file=None)
    assert not settings.local_development
    assert settings.allowed_tenants == ("tenant-a",)
    assert settings.connector_hosts == ()
    assert settings.database_url == "postgresql+asyncpg://u@db/tickets"


def test_the_database_pool_is_sized_from_the_environment() -> None:
    default = load_settings({}, env_file=None)
    sized = load_settings(
        {"TICKETFLOW_DB_POOL_SIZE": "60", "TICKETFLOW_DB_POOL_OVERFLOW": "0"}, env_file=None
    )

    assert (default.db_pool_size, default.db_pool_overflow) == (POOL_SIZE, POOL_OVERFLOW)
    assert (sized.db_pool_size, sized.db_pool_overflow) == (60, 0)


def test_finished_deliveries_are_kept_thirty_days_unless_told_otherwise() -> None:
    assert load_settings({}, env_file=None).outbox_keep_days == 30
    assert load_settings({"TICKETFLOW_OUTBOX_KEEP_DAYS": "0"}, env_file=None).outbox_keep_days == 0
    assert load_settings(
        {"TICKETFLOW_OUTBOX_KEEP_DAYS": "365"}, env_file=None).outbox_keep_days == 365


def test_a_connection_gets_thirty_seconds_for_its_request_head_unless_told_otherwise() -> None:
    assert load_settings({}, env_file=None).idle_timeout == 30.0
    assert load_settings({"TICKETFLOW_IDLE_TIMEOUT": "120"}, env_file=None).idle_timeout == 120.0


@pytest.mark.parametrize(("variable", "value"), [
    ("TICKETFLOW_IDLE_TIMEOUT", "0"),
    ("TICKETFLOW_IDLE_TIMEOUT", "nan"),
    ("TICKETFLOW_IDLE_TIMEOUT", "3601"),
    ("TICKETFLOW_IDLE_TIMEOUT", "30s"),
    ("TICKETFLOW_DB_POOL_SIZE", "0"),
    ("TICKETFLOW_DB_POOL_SIZE", "many"),
    ("TICKETFLOW_DB_POOL_OVERFLOW", "-1"),
    ("TICKETFLOW_OUTBOX_KEEP_DAYS", "-1"),
    ("TICKETFLOW_OUTBOX_KEEP_DAYS", "30d"),
    ("TICKETFLOW_OUTBOX_KEEP_DAYS", "3651"),
])
def test_a_count_that_is_out_of_range_or_not_a_number_names_its_variable(variable: str, value: str) -> None:
    with pytest.raises(SettingsError) as failed:
        load_settings({variable: value}, env_file=None)
    assert failed.value.variable == variable


@pytest.mark.parametrize("value", [
    "https://hooks.example.com/path", "hooks.example.com/path", "*.com", "10.0.0.5",
    "hooks.example.com, bad host",
])
def test_an_extra_webhook_host_that_is_no_host_name_stops_the_start(value: str) -> None:
    with pytest.raises(SettingsError) as failed:
        load_settings({"TICKETFLOW_WEBHOOK_HOSTS": value}, env_file=None)
    assert failed.value.variable == "TICKETFLOW_WEBHOOK_HOSTS"
    assert "without https://" in str(failed.value)


def test_extra_webhook_hosts_are_read_as_host_names_and_suffixes() -> None:
    settings = load_settings(
        {"TICKETFLOW_WEBHOOK_HOSTS": " Hooks.Example.ORG., *.Relay.Example.net ,"}, env_file=None
    )
    assert settings.webhook_extra_hosts == ("hooks.example.org", "*.relay.example.net")


def test_an_embeddings_model_on_an_endpoint_needs_the_endpoint() -> None:
    with pytest.raises(SettingsError) as failed:
        load_settings({"TICKETFLOW_EMBEDDING_MODEL": "text-embedding-3-small"}, env_file=None)
    assert failed.value.variable == "TICKETFLOW_EMBEDDING_MODEL"
    assert "OPENAI_API_KEY" in str(failed.value)
    for endpoint in ({"OPENAI_API_KEY": "sk-test"}, {"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1"}):
        settings = load_settings(
            {"TICKETFLOW_EMBEDDING_MODEL": "text-embedding-3-small", **endpoint}, env_file=None
        )
        assert settings.embedding_model == "text-embedding-3-small"


@pytest.mark.parametrize("variable", [
    "TICKETFLOW_WEB_URL", "TICKETFLOW_OPENID_METADATA_URL", "OPENAI_BASE_URL",
])
@pytest.mark.parametrize("value", ["http://[::1", "https://host:99999/", "https://host:80x/", "https://"])
def test_a_url_that_cannot_be_read_names_its_variable(variable: str, value: str) -> None:
    with pytest.raises(SettingsError) as failed:
        load_settings({variable: value}, env_file=None)
    assert failed.value.variable == variable


@pytest.mark.parametrize(("given", "used"), [
    ("postgresql://tf@db/tickets?sslmode=require", "postgresql+asyncpg://tf@db/tickets?ssl=require"),
    ("postgres://tf@db/t?sslmode=verify-full&prepared_statement_cache_size=0",
     "postgresql+asyncpg://tf@db/t?ssl=verify-full&prepared_statement_cache_size=0"),
    ("postgresql+asyncpg://tf@db/t?ssl=disable", "postgresql+asyncpg://tf@db/t?ssl=disable"),
    ("postgresql://tf@h1:5432,h2:5433/t?target_session_attrs=primary",
     "postgresql+asyncpg://tf@h1:5432,h2:5433/t?target_session_attrs=primary"),
    ("postgresql://tf:p%40ss@db/t", "postgresql+asyncpg://tf:p%40ss@db/t"),
    ("postgresql://tf@db/t?passfile=/etc/tf/.pgpass&krbsrvname=postgres&gsslib=gssapi",
     "postgresql+asyncpg://tf@db/t?passfile=%2Fetc%2Ftf%2F.pgpass&krbsrvname=postgres"
     "&gsslib=gssapi"),
    ("postgresql://tf@/t?host=/cloudsql/proj:eu:db",
     "postgresql+asyncpg://tf@/t?host=%2Fcloudsql%2Fproj%3Aeu%3Adb"),
    ("postgresql://tf@/t?host=h1&port=5433", "postgresql+asyncpg://tf@/t?host=h1&port=5433"),
])
def test_libpq_sslmode_is_given_to_the_driver_as_ssl(given: str, used: str) -> None:
    settings = load_settings({"TICKETFLOW_DATABASE_URL": given}, env_file=None)
    assert settings.database_url == used


@pytest.mark.parametrize("value", [
    "postgresql://tf:s3cret@[::1/t", "postgresql://tf:s3cret@db:x/t", "sqlite:///",
    "postgresql://tf:s3cret@db/t?sslmode=on", "postgresql://tf:s3cret@db/t?connect_timeout=5",
    "postgresql://tf:s3cret@db/t?prepared_statement_cache_size=lots",
    "postgresql://tf:s3cret@db/t?target_session_attrs=master",
    "postgresql://tf:s3cret@db/t?gsslib=kerberos",
    "postgresql://tf:s3cret@/t?host=h1&port=54x",
])
def test_a_database_url_the_driver_would_choke_on_is_refused_without_its_password(
    value: str,
) -> None:
    with pytest.raises(SettingsError) as failed:
        load_settings({"TICKETFLOW_DATABASE_URL": value}, env_file=None)
    assert failed.value.variable == "TICKETFLOW_DATABASE_URL"
    assert "s3cret" not in str(failed.value)
