"""The Teams app package: a zip Teams accepts, commands the bot understands, proper icons."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bot.understanding import Conversation, understand
from bot.understanding.summary import summary
from tests.paths import FIXTURES
from tests.unit.ticketflow.teams_package.png_reading import Image, read_png
from ticketflow.teams_package import (
    MANIFEST_SCHEMA,
    InvalidPackageOption,
    PackageOptions,
    build_package,
)

SCHEMA = (
    FIXTURES / "teams_manifest" / "MicrosoftTeams.schema.v1.22.json"
)
BOT_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
OPTIONS = PackageOptions(
    bot_id=BOT_ID, web_url="https://tickets.example.com", domain="bot.example.com"
)
MEANT = {
    "help": "help",
    "cancel": "cancel",
    "new ticket": "create title=?",
    "new ticket form": "create form",
    "my tickets": "list mine",
    "my open tickets": "list mine status=open",
    "tickets I created": "list created",
    "open tickets": "list all status=open",
    "urgent tickets": "list all priority=urgent",
    "tickets in progress": "list all status=in_progress",
}
CONVERSATION = Conversation(viewer_id="someone", today=date(2026, 12, 2))


@pytest.fixture(scope="module")
def package() -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(build_package(OPTIONS)))


@pytest.fixture(scope="module")
def manifest(package: zipfile.ZipFile) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(package.read("manifest.json"))
    return document


def command_titles(manifest: dict[str, Any]) -> list[str]:
    return [
        command["title"]
        for command_list in manifest["bots"][0]["commandLists"]
        for command in command_list["commands"]
    ]


def test_the_package_holds_the_manifest_and_both_icons_at_its_root(
    package: zipfile.ZipFile,
) -> None:
    assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
    assert package.testzip() is None


def test_the_manifest_is_valid_against_the_official_v1_22_schema(
    manifest: dict[str, Any],
) -> None:
    # The schema declares draft-04 but uses `const` (draft-06+): draft 7 checks both.
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft7Validator(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(manifest)]
    assert errors == []


def test_the_manifest_names_the_schema_it_follows(manifest: dict[str, Any]) -> None:
    assert manifest["$schema"] == MANIFEST_SCHEMA
    assert MANIFEST_SCHEMA.endswith("/teams/v1.22/MicrosoftTeams.schema.json")
    assert manifest["manifestVersion"] == "1.22"
    assert manifest["version"] == "1.0.0"


def test_the_app_id_is_the_bot_id_unless_another_is_given(manifest: dict[str, Any]) -> None:
    assert manifest["id"] == manifest["bots"][0]["botId"] == BOT_ID
    other = "a0a0a0a0-0000-4000-8000-000000000001"
    apart = json.loads(zipfile.ZipFile(io.BytesIO(build_package(
        replace(OPTIONS, teams_app_id=other)))).read("manifest.json"))
    assert (apart["id"], apart["bots"][0]["botId"]) == (other, BOT_ID)


def test_the_developer_links_hang_off_the_web_app(manifest: dict[str, Any]) -> None:
    assert manifest["developer"] == {
        "name": "TicketFlow",
        "websiteUrl": "https://tickets.example.com",
        "privacyUrl": "https://tickets.example.com/privacy",
        "termsOfUseUrl": "https://tickets.example.com/terms",
    }


def test_the_bot_is_offered_in_personal_chat_teams_and_group_chats_without_files(
    manifest: dict[str, Any],
) -> None:
    (bot,) = manifest["bots"]
    assert sorted(bot["scopes"]) == ["groupChat", "personal", "team"]
    assert bot["supportsFiles"] is False
    scopes = [sorted(command_list["scopes"]) for command_list in bot["commandLists"]]
    assert scopes == [["personal"], ["groupChat", "team"]]


@pytest.mark.parametrize("title", sorted(MEANT))
def test_a_listed_command_means_what_the_bot_does_with_it(title: str) -> None:
    assert summary(understand(title, CONVERSATION)) == MEANT[title]


def test_every_listed_command_is_one_the_bot_understands_as_typed(
    manifest: dict[str, Any],
) -> None:
    titles = command_titles(manifest)
    assert set(titles) <= set(MEANT), set(titles) - set(MEANT)
    for title in titles:
        understood = summary(understand(title, CONVERSATION))
        assert understood == MEANT[title], title


def test_command_lists_stay_within_what_teams_shows(manifest: dict[str, Any]) -> None:
    for command_list in manifest["bots"][0]["commandLists"]:
        assert 1 <= len(command_list["commands"]) <= 10
        for command in command_list["commands"]:
            assert len(command["title"]) <= 32, command
            assert len(command["description"]) <= 128, command


def test_create_ticket_is_a_message_action_that_fetches_its_task_module(
    manifest: dict[str, Any],
) -> None:
    (extension,) = manifest["composeExtensions"]
    assert extension["botId"] == BOT_ID
    assert extension["commands"] == [{
        "id": "createTicket",
        "type": "action",
        "title": "Create ticket",
        "description": "File a TicketFlow ticket from this message",
        "context": ["message"],
        "fetchTask": True,
    }]
    assert extension["messageHandlers"] == [
        {"type": "link", "value": {"domains": ["tickets.example.com"]}}]  # links unfurl


def test_valid_domains_are_the_bot_host_and_the_web_app_host(manifest: dict[str, Any]) -> None:
    assert manifest["validDomains"] == ["bot.example.com", "tickets.example.com"]
    alone = json.loads(zipfile.ZipFile(io.BytesIO(build_package(
        replace(OPTIONS, domain=None)))).read("manifest.json"))
    assert alone["validDomains"] == ["tickets.example.com"]


def test_nothing_is_asked_for_that_the_bot_does_not_use(manifest: dict[str, Any]) -> None:
    for unused in ("permissions", "devicePermissions", "staticTabs"):
        assert unused not in manifest


def test_the_only_consent_asked_is_to_read_channel_messages_for_thread_replies(
    manifest: dict[str, Any],
) -> None:
    assert manifest["authorization"]["permissions"]["resourceSpecific"] == [
        {"name": "ChannelMessage.Read.Group", "type": "Application"}
    ]
    assert manifest["webApplicationInfo"]["id"] == manifest["bots"][0]["botId"]


def test_the_color_icon_is_an_opaque_192_pixel_square_in_the_accent_colour(
    package: zipfile.ZipFile, manifest: dict[str, Any],
) -> None:
    assert manifest["icons"]["color"] == "color.png"
    icon = read_png(package.read("color.png"))
    assert (icon.width, icon.height) == (192, 192)
    assert all(alpha == 255 for *_, alpha in icon.all_pixels())
    assert icon.pixel(0, 0) == (0x2F, 0x5B, 0xEA, 255)  # the accent colour, #2F5BEA
    assert icon.pixel(96, 80) == (255, 255, 255, 255)  # the white ticket in the middle


def test_the_outline_icon_is_a_white_glyph_on_a_transparent_32_pixel_square(
    package: zipfile.ZipFile, manifest: dict[str, Any],
) -> None:
    assert manifest["icons"]["outline"] == "outline.png"
    icon = read_png(package.read("outline.png"))
    assert (icon.width, icon.height) == (32, 32)
    visible = [pixel for pixel in icon.all_pixels() if pixel[3] > 0]
    assert all(pixel[:3] == (255, 255, 255) for pixel in visible)
    assert all(icon.pixel(x, y)[3] == 0 for x, y in ((0, 0), (31, 0), (0, 31), (31, 31)))
    assert icon.pixel(16, 16) == (255, 255, 255, 255)
    assert 0.3 < len(visible) / (32 * 32) < 0.8  # a glyph, neither a speck nor a filled square
    assert _transparent_share(icon) > 0.2


def _transparent_share(icon: Image) -> float:
    return sum(1 for pixel in icon.all_pixels() if pixel[3] == 0) / (icon.width * icon.height)


def test_the_same_options_build_the_same_bytes() -> None:
    assert build_package(OPTIONS) == build_package(OPTIONS)


@pytest.mark.parametrize(
    ("change", "option"),
    [
        ({"bot_id": "not-a-guid"}, "--app-id"),
        ({"teams_app_id": "1234"}, "--teams-app-id"),
        ({"web_url": "http://tickets.example.com"}, "--web-url"),
        ({"privacy_url": "ftp://example.com/privacy"}, "--privacy-url"),
        ({"version": "1.0"}, "--version"),
        ({"domain": "https://bot.example.com/api/messages"}, "--domain"),
        ({"name": "A name far longer than thirty characters"}, "--name"),
        ({"developer": ""}, "--developer"),
        ({"accent_color": "blue"}, "--accent-color"),
    ],
)
def test_an_option_teams_would_refuse_is_refused_by_name(
    change: dict[str, str], option: str
) -> None:
    with pytest.raises(InvalidPackageOption) as refused:
        build_package(replace(OPTIONS, **change))
    assert refused.value.option == option
    assert str(refused.value).startswith(f"{option}: ")
