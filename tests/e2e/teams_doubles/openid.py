"""Bot Framework OpenID metadata and JWKS, served from a thread.

A thread, not the test's event loop: the stock SDK downloads keys with a blocking
`requests.get` on the loop, which would deadlock against a server on that same loop.
It also lets a test freeze the download (`hold()`) while proving the bot's own loop
still answers other requests.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

METADATA_PATH = "/v1/.well-known/openidconfiguration"
KEYS_PATH = "/v1/.well-known/keys"


class OpenIdStandIn:
    def __init__(self, keys: list[dict[str, Any]] | None = None) -> None:
        self.keys: list[dict[str, Any]] = list(keys or [])
        self.available = True
        """False: answer 503 to everything, as an outage would."""
        self.metadata_requests = 0
        self.keys_requests = 0
        self._release = threading.Event()
        self._release.set()
        self._held = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the OpenID stand-in is not running")
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}"

    @property
    def metadata_url(self) -> str:
        return self.base_url + METADATA_PATH

    def start(self) -> Self:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            name="openid-stand-in",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    @contextmanager
    def hold(self) -> Iterator[threading.Event]:
        """Every request waits until the block ends; yields an event set once one is waiting."""
        self._held.clear()
        self._release.clear()
        try:
            yield self._held
        finally:
            self._release.set()

    def _document(self, path: str) -> dict[str, Any] | None:
        if path == METADATA_PATH:
            self.metadata_requests += 1
            return {
                "issuer": "https://api.botframework.com",
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": self.base_url + KEYS_PATH,
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        if path == KEYS_PATH:
            self.keys_requests += 1
            return {"keys": self.keys}
        return None

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if not stand_in._release.is_set():
                    stand_in._held.set()
                    stand_in._release.wait(timeout=30)
                document = stand_in._document(self.path) if stand_in.available else None
                if not stand_in.available:
                    self._send(503, {"error": "temporarily unavailable"})
                elif document is None:
                    self._send(404, {"error": "not found"})
                else:
                    self._send(200, document)

            def _send(self, status: int, document: dict[str, Any]) -> None:
                body = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
