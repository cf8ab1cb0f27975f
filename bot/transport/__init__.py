"""The Teams transport: from an HTTP request on /api/messages to a bot turn, and back out.

Everything that knows about Bot Framework HTTP, tokens, connector clients and Teams
rate limits lives here, so the activity handler and dialogs only see a `TurnContext`.
Nothing here does work at import time; `create_adapter()` and `add_messages_route()`
build the pieces when the application is composed.
"""
