"""`ticketflow teams-package` from the command line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ticketflow.cli import main

BOT_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No `.env` and no Teams settings from the machine running the tests."""
    monkeypatch.chdir(tmp_path)
    for name in ("MicrosoftAppId", "MicrosoftAppPassword", "TICKETFLOW_WEB_URL"):
        monkeypatch.delenv(name, raising=False)


def test_the_command_writes_the_package_where_it_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "teams" / "app.zip"
    out.parent.mkdir()
    code = main(["teams-package", "--app-id", BOT_ID, "--web-url", "https://tickets.example.com",
                 "--domain", "bot.example.com", "--version", "1.2.3", "--out", str(out)])
    assert code == 0
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    assert (manifest["id"], manifest["version"]) == (BOT_ID, "1.2.3")
    assert f"wrote {out}" in capsys.readouterr().out
    assert [p.name for p in out.parent.iterdir()] == ["app.zip"]


def test_the_bot_id_defaults_to_the_microsoft_app_id_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MicrosoftAppId", BOT_ID)
    monkeypatch.setenv("MicrosoftAppPassword", "not-used-here")
    monkeypatch.setenv("TICKETFLOW_ALLOWED_TENANTS", "tenant-a")
    monkeypatch.setenv("TICKETFLOW_WEB_URL", "https://tickets.example.com")
    assert main(["teams-package", "--out", str(tmp_path / "app.zip")]) == 0
    manifest = json.loads(zipfile.ZipFile(tmp_path / "app.zip").read("manifest.json"))
    assert manifest["bots"][0]["botId"] == BOT_ID


def test_without_an_app_id_the_command_says_which_option_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["teams-package", "--web-url", "https://tickets.example.com",
                 "--out", str(tmp_path / "app.zip")])
    assert code == 2
    assert capsys.readouterr().err.startswith("ticketflow: --app-id: ")
    assert not (tmp_path / "app.zip").exists()


def test_an_http_web_url_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["teams-package", "--app-id", BOT_ID, "--web-url", "http://localhost:5000",
                 "--out", str(tmp_path / "app.zip")])
    assert code == 2
    assert "--web-url: 'http://localhost:5000' must be an https:// URL" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_without_an_https_web_url_the_command_asks_for_one_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["teams-package", "--app-id", BOT_ID, "--out", str(tmp_path / "app.zip")])
    assert code == 2  # the local development default, http://localhost:5000, is not https
    error = capsys.readouterr().err
    assert error.startswith("ticketflow: --web-url: give the TicketFlow web app's https:// address")
    assert "TICKETFLOW_WEB_URL" in error and "'http://localhost:5000'" in error
    assert list(tmp_path.iterdir()) == []


def test_an_https_web_url_setting_is_the_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TICKETFLOW_WEB_URL", "https://tickets.example.com")
    assert main(["teams-package", "--app-id", BOT_ID, "--out", str(tmp_path / "app.zip")]) == 0
    manifest = json.loads(zipfile.ZipFile(tmp_path / "app.zip").read("manifest.json"))
    assert manifest["developer"]["websiteUrl"].startswith("https://tickets.example.com")


@pytest.mark.parametrize("where", ["missing-folder/app.zip", "a-folder"])
def test_an_out_path_that_cannot_be_written_is_named_in_one_line_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    (tmp_path / "a-folder").mkdir()
    out = tmp_path / where
    code = main(["teams-package", "--app-id", BOT_ID, "--web-url", "https://tickets.example.com",
                 "--out", str(out)])
    assert code == 2
    error = capsys.readouterr().err
    assert error.startswith(f"ticketflow: --out: cannot write {str(out)!r}: ")
    assert error.count("\n") == 1 and "Traceback" not in error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]
    assert list((tmp_path / "a-folder").iterdir()) == []


def test_a_web_url_on_another_host_than_the_service_names_is_written_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TICKETFLOW_WEB_URL", "https://tickets.example.com")
    out = tmp_path / "app.zip"
    base = ["teams-package", "--app-id", BOT_ID, "--out", str(out)]
    assert main([*base, "--web-url", "https://tickets.example.com/"]) == 0
    assert capsys.readouterr().err == ""
    assert main([*base, "--web-url", "https://helpdesk.example.org"]) == 0
    error = capsys.readouterr().err
    assert error.startswith("ticketflow: warning: --web-url names helpdesk.example.org but "
                            "TICKETFLOW_WEB_URL names tickets.example.com")
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    assert manifest["composeExtensions"][0]["messageHandlers"][0]["value"]["domains"] == [
        "helpdesk.example.org"]
