"""`ticketflow teams-package`: the zip to upload in Teams (Apps › Manage your apps › Upload)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ticketflow.settings import DEFAULT_WEB_URL, Settings
from ticketflow.teams_package import (
    MANIFEST_VERSION,
    InvalidPackageOption,
    PackageOptions,
    write_package,
)


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser(
        "teams-package", help="write the Teams app package (manifest and icons in a zip)"
    )
    parser.add_argument("--app-id", help="the bot's Microsoft App ID (default: MicrosoftAppId)")
    parser.add_argument(
        "--web-url",
        help="the TicketFlow web app's https:// address (default: TICKETFLOW_WEB_URL, when it "
        "is https)",
    )
    parser.add_argument("--domain", help="the bot's public host name, e.g. bot.example.com")
    parser.add_argument("--name", default="TicketFlow", help="short app name (≤ 30 characters)")
    parser.add_argument("--full-name", default="TicketFlow for Teams", help="≤ 100 characters")
    parser.add_argument(
        "--developer", default="TicketFlow", help="publisher name (≤ 32 characters)"
    )
    parser.add_argument("--version", dest="app_version", default="1.0.0", metavar="X.Y.Z",
                        help="app version; raise it for every upload over an installed app")
    parser.add_argument("--teams-app-id", help="the manifest id (default: the bot's app id)")
    parser.add_argument("--privacy-url", help="default: WEB_URL/privacy")
    parser.add_argument("--terms-url", help="default: WEB_URL/terms")
    parser.add_argument("--accent-color", default="#2F5BEA", help="#RRGGBB behind the icon")
    parser.add_argument("--out", type=Path, default=Path("ticketflow-teams.zip"),
                        help="where to write the zip (default: ticketflow-teams.zip)")
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    bot_id = args.app_id or settings.app_id
    if not bot_id:
        print("ticketflow: --app-id: give the bot's Microsoft App ID (or set MicrosoftAppId)",
              file=sys.stderr)
        return 2
    web_url = args.web_url or settings.web_url
    if not args.web_url and not web_url.startswith("https://"):
        print("ticketflow: --web-url: give the TicketFlow web app's https:// address (or set "
              f"TICKETFLOW_WEB_URL); Teams refuses {web_url!r} (TICKETFLOW_WEB_URL or its local "
              "development default) because it is not https", file=sys.stderr)
        return 2
    served = urlsplit(settings.web_url).hostname
    if args.web_url and settings.web_url != DEFAULT_WEB_URL and (
        urlsplit(args.web_url).hostname != served
    ):
        print(f"ticketflow: warning: --web-url names {urlsplit(args.web_url).hostname} but "
              f"TICKETFLOW_WEB_URL names {served}: Teams will ask the bot to unfurl links to "
              f"the first, and the service unfurls only links to {served}", file=sys.stderr)
    options = PackageOptions(
        bot_id=bot_id,
        web_url=web_url,
        version=args.app_version,
        name=args.name,
        full_name=args.full_name,
        developer=args.developer,
        domain=args.domain,
        teams_app_id=args.teams_app_id,
        privacy_url=args.privacy_url,
        terms_url=args.terms_url,
        accent_color=args.accent_color,
    )
    try:
        path = write_package(options, args.out)
    except InvalidPackageOption as refused:
        print(f"ticketflow: {refused}", file=sys.stderr)
        return 2
    except OSError as failed:
        print(f"ticketflow: --out: cannot write {str(args.out)!r}: {failed.strerror or failed}",
              file=sys.stderr)
        return 2
    print(f"wrote {path}: app {options.name} {options.version} for bot {bot_id} "
          f"(manifest v{MANIFEST_VERSION})")
    print("Upload it in Teams: Apps › Manage your apps › Upload an app.")
    return 0
