"""What the transport needs to know about the bot's Microsoft Entra registration."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.transport.service_urls import ServiceUrlPolicy


class AppType(StrEnum):
    MULTI_TENANT = "MultiTenant"
    SINGLE_TENANT = "SingleTenant"
    USER_ASSIGNED_MSI = "UserAssignedMSI"


class InvalidTransportSettings(ValueError):
    """A registration value is missing or malformed; the message names the variable."""


@dataclass(frozen=True, slots=True)
class TransportSettings:
    """The bot's registration, in botbuilder's vocabulary (`MicrosoftAppId`, ...).

    No `app_id` means local development mode: the SDK would then accept any caller and
    reply to any `serviceUrl`, so the transport keeps to loopback instead.
    `openid_metadata_url` overrides where Bot Framework signing keys are published
    (tests point it at a local stand-in); `None` means the public Azure cloud.
    `connector_hosts` adds service URL hosts to the Bot Connector's (`service_urls.py`).
    """

    app_id: str | None = None
    app_password: str | None = None
    app_type: str = AppType.MULTI_TENANT
    tenant_id: str | None = None
    openid_metadata_url: str | None = None
    connector_hosts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.app_type.lower() not in {t.lower() for t in AppType}:
            raise InvalidTransportSettings(
                f"MicrosoftAppType: use one of {', '.join(AppType)} (got {self.app_type!r})"
            )
        url = self.openid_metadata_url
        if url is not None and not url.startswith(("https://", "http://")):
            raise InvalidTransportSettings(f"OpenID metadata URL must be http(s): {url!r}")
        if not self.app_id:
            return
        kind = self.kind
        if kind is not AppType.USER_ASSIGNED_MSI and not self.app_password:
            raise InvalidTransportSettings(
                "MicrosoftAppPassword: required when MicrosoftAppId is set"
            )
        if kind is not AppType.MULTI_TENANT and not self.tenant_id:
            raise InvalidTransportSettings(
                f"MicrosoftAppTenantId: required for MicrosoftAppType={kind}"
            )

    @property
    def kind(self) -> AppType:
        return next(t for t in AppType if t.lower() == self.app_type.lower())

    @property
    def local_development(self) -> bool:
        return not self.app_id

    @property
    def service_urls(self) -> ServiceUrlPolicy:
        return ServiceUrlPolicy.for_bot(local_development=self.local_development,
                                        extra_hosts=self.connector_hosts)
