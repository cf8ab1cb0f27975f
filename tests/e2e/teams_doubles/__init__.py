"""Stand-ins for the Microsoft side of Teams, for end-to-end tests over real HTTP.

- `ConnectorStandIn`: the Bot Connector REST API the bot replies to (serviceUrl).
- `OpenIdStandIn` + `TokenSigner`: Bot Framework OpenID metadata/JWKS and the tokens
  Teams would sign, with every kind of bad token.
- `TeamsActivities`: Teams-shaped activities (personal, channel, invokes, updates).
- `StaticTokenCredentialsFactory`: outbound credentials without Entra ID.
- `ManualClock`: time that only moves when slept on.
- `running_bot()`: our transport plus a bot on 127.0.0.1:<ephemeral>.
Fixtures for all of these live in `fixtures.py`.
"""
