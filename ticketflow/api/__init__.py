"""REST API v1 for integrations: `add_api_routes(app, runtime)` mounts it under /api/v1."""

from ticketflow.api.routes import add_api_routes

__all__ = ["add_api_routes"]
