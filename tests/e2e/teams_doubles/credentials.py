"""Outbound bot credentials without Entra ID: a fixed bearer token.

The real `MicrosoftAppCredentials` asks login.microsoftonline.com for a token (MSAL
insists on https authorities, so it cannot be pointed at a local stand-in). This
factory is the SDK's own extension point, so everything above it -- connector
clients, msrest's signing of each request -- runs unchanged.
"""

from __future__ import annotations

from botframework.connector.auth import AppCredentials, ServiceClientCredentialsFactory
from msrest.authentication import Authentication


class StaticTokenCredentials(AppCredentials):
    def __init__(self, app_id: str, token: str, oauth_scope: str | None = None) -> None:
        super().__init__(app_id=app_id, oauth_scope=oauth_scope)
        self._token = token
        self.token_requests = 0

    def get_access_token(self, force_refresh: bool = False) -> str:
        self.token_requests += 1
        return self._token


class StaticTokenCredentialsFactory(ServiceClientCredentialsFactory):
    def __init__(self, *, app_id: str, token: str = "test-outbound-token") -> None:
        self.app_id = app_id
        self.token = token
        self.created: list[StaticTokenCredentials] = []

    @property
    def authorization(self) -> str:
        """The header the connector stand-in should expect."""
        return f"Bearer {self.token}"

    async def is_valid_app_id(self, app_id: str) -> bool:
        return app_id == self.app_id

    async def is_authentication_disabled(self) -> bool:
        return False

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        if app_id != self.app_id:
            raise PermissionError(f"unknown app id {app_id!r}")
        credentials = StaticTokenCredentials(app_id, self.token, oauth_scope)
        self.created.append(credentials)
        return credentials
