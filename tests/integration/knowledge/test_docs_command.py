"""`ticketflow docs …` end to end, as an operator runs it, on the test database."""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import help_document_chunks, help_documents, help_indexed_sources
from tests.integration.knowledge.evaluation import HELP
from tests.unit.knowledge.hostile_pdfs import (
    MEGABYTE,
    encrypted_pdf,
    flate_bomb_pdf,
    garbage_pdf,
    image_only_pdf,
    looping_page_tree_pdf,
    many_pages_pdf,
    nested_arrays_pdf,
    text_pdf,
    word_with_external_entity,
    word_zip_bomb,
    zero_pages_pdf,
)

ROOT = Path(__file__).resolve().parents[3]


def ticketflow(database_url: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("TICKETFLOW_", "OPENAI_", "Microsoft"))
    }
    environment["TICKETFLOW_DATABASE_URL"] = database_url
    environment["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "ticketflow.cli", *args],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )


async def test_an_operator_adds_lists_and_removes_documents(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(garbage_pdf())

    added = ticketflow(database_url, tmp_path, "docs", "add", str(HELP / "vpn-remote-access.pdf"),
                       str(bad), str(tmp_path / "missing.md"), "--category", "Remote access",
                       "--tags", "vpn, travel")
    listed = ticketflow(database_url, tmp_path, "docs", "list")

    assert added.returncode == 1, added.stderr
    lines = added.stdout.splitlines()
    assert lines[0] == f"not added: {tmp_path / 'missing.md'}: No such file or directory"
    assert lines[1] == (
        "added help document 1: VPN and Remote Access Guide (vpn-remote-access.pdf, 5 pages, "
        "5 chunks)"
    )
    assert lines[2].startswith("not added: broken.pdf: the PDF is damaged and cannot be read")
    assert len(lines) == 3
    assert "VPN and Remote Access Guide" in listed.stdout and "indexed" in listed.stdout
    assert "vpn,travel" in listed.stdout and "Remote access" in listed.stdout
    async with engine.connect() as connection:
        rows = (await connection.execute(select(help_documents.c.filename))).scalars().all()
    assert rows == ["vpn-remote-access.pdf"]

    removed = ticketflow(database_url, tmp_path, "docs", "remove", "1")
    again = ticketflow(database_url, tmp_path, "docs", "remove", "1")

    assert (removed.returncode, removed.stdout.strip()) == (
        0, "removed help document 1 and its index"
    )
    assert (again.returncode, again.stderr.strip()) == (
        1, "ticketflow: help document 1 not found"
    )
    async with engine.connect() as connection:
        assert (await connection.execute(select(help_document_chunks.c.id))).all() == []


async def test_reindex_picks_up_what_the_web_app_wrote(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    async with engine.begin() as connection:
        await connection.execute(
            help_documents.insert().values(
                title="Kitchen rules", filename="kitchen.txt", content="",
                file_data=base64.b64encode(b"Fridges are emptied on Fridays.").decode(),
            )
        )

    result = ticketflow(database_url, tmp_path, "docs", "reindex")
    title_twice = ticketflow(database_url, tmp_path, "docs", "add", "a.md", "b.md", "--title", "T")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "indexed help_document:1 Kitchen rules (1 chunk)",
        "indexed 1, rejected 0, embedded 0, removed 0, unchanged 0",
    ]
    assert title_twice.returncode == 2


def test_a_word_document_is_added_and_answers_questions_with_its_steps(
    database_url: str, tmp_path: Path
) -> None:
    docx = HELP.parent / "docx" / "laptop-returns.docx"

    added = ticketflow(database_url, tmp_path, "docs", "add", str(docx))
    asked = ticketflow(database_url, tmp_path, "ask", "--as", "lee@example.com",
                       "what do I do before sending back a leaver's laptop?")

    assert added.returncode == 0, added.stderr
    assert re.match(
        r"added help document \d+: Returning a Leaver's Laptop \(laptop-returns.docx, 1 chunk\)",
        added.stdout,
    ), added.stdout
    assert asked.returncode == 0, asked.stderr
    assert "2. Sign the laptop out of the Company Portal app." in asked.stdout
    assert "[1] Returning a Leaver's Laptop" in asked.stdout


HOSTILE_NAMES = {  # the name on disk (bytes, as Linux allows) -> the name stored and shown
    b"latin1-caf\xe9.txt": "latin1-caf\ufffd.txt",
    b"two\nlines.txt": "two lines.txt",
    b"invoice\xe2\x80\xaetxt.exe.txt": "invoicetxt.exe.txt",
    b"\x01\x1b[31mred.md": "[31mred.md",
    "a".encode() * 251 + b".txt": "a" * 251 + ".txt",
    "é".encode() * 125 + b".txt": "é" * 125 + ".txt",
}


async def test_files_with_hostile_names_are_added_under_readable_names(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    paths = []
    for number, name in enumerate(HOSTILE_NAMES):
        path = os.path.join(os.fsencode(tmp_path), name)
        with open(path, "wb") as file:
            file.write(f"Password reset {number}\n\nOpen settings and choose reset {number}.\n"
                       .encode())
        paths.append(os.fsdecode(path))

    added = ticketflow(database_url, tmp_path, "docs", "add", *paths)
    listed = ticketflow(database_url, tmp_path, "docs", "list")

    assert added.returncode == 0, added.stdout + added.stderr
    assert len(added.stdout.splitlines()) == len(HOSTILE_NAMES), added.stdout
    assert listed.returncode == 0, listed.stderr
    async with engine.connect() as connection:
        stored = (await connection.execute(
            select(help_documents.c.filename).order_by(help_documents.c.id))).scalars().all()
    assert stored == list(HOSTILE_NAMES.values())


async def test_hostile_files_given_to_docs_add_are_each_refused_plainly_and_store_nothing(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    files = {
        "secret.pdf": encrypted_pdf(text_pdf(["Payroll"]), user_password="pw",
                                    owner_password="owner"),
        "nothing.pdf": zero_pages_pdf(),
        "atlas.pdf": many_pages_pdf(5_000),
        "deep.pdf": nested_arrays_pdf(),
        "loop.pdf": looping_page_tree_pdf(),
        "inflating.pdf": flate_bomb_pdf(inflated_bytes=300 * MEGABYTE),
        "scan.pdf": image_only_pdf(),
        "bomb.docx": word_zip_bomb(),
        "xxe.docx": word_with_external_entity(),
        "mixed.txt": "Réglages\n".encode() * 50 + b"caf\xe9\n",
        "void.md": b"",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with open(tmp_path / "video.pdf", "wb") as huge:
        huge.truncate(100 * MEGABYTE)  # sparse: 100 MB long, nothing written
    reasons = {
        "secret.pdf": "password-protected", "nothing.pdf": "has no pages",
        "atlas.pdf": "5,000 pages", "deep.pdf": "damaged", "loop.pdf": "damaged",
        "inflating.pdf": "decompression bomb", "scan.pdf": "no text layer",
        "bomb.docx": "ZIP bomb", "xxe.docx": "entities", "mixed.txt": "save it as UTF-8",
        "void.md": "empty", "video.pdf": "100.0 MB; the limit is 25.0 MB",
    }

    started = time.monotonic()
    added = ticketflow(database_url, tmp_path, "docs", "add", *sorted(reasons))
    took = time.monotonic() - started

    assert added.returncode == 1, added.stderr
    assert added.stderr == ""  # no traceback
    refusals = dict(
        line.removeprefix("not added: ").split(": ", 1) for line in added.stdout.splitlines()
    )
    assert refusals.keys() == reasons.keys(), added.stdout
    for name, reason in reasons.items():
        assert reason in refusals[name], (name, refusals[name])
    assert took < 90, f"took {took:.0f} s"  # each is refused by a cap, not by the clock
    async with engine.connect() as connection:
        for table in (help_documents, help_document_chunks, help_indexed_sources):
            assert (await connection.execute(select(table))).all() == []


async def test_a_file_the_library_holds_is_not_stored_again_and_a_changed_one_waits_for_a_choice(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    async with engine.begin() as connection:  # what the web app uploaded, by its own name
        await connection.execute(help_documents.insert().values(
            title="Kitchen rules", filename="kitchen.txt", content="",
            file_data=base64.b64encode(b"Fridges are emptied on Fridays.\n").decode(),
        ))
    (tmp_path / "kitchen-copy.txt").write_bytes(b"Fridges are emptied on Fridays.\n")
    guide = tmp_path / "printer-guide.md"
    guide.write_text("# Printer guide\n\nPress the green button to wake the printer.\n")
    (tmp_path / "same-guide.md").write_bytes(guide.read_bytes())

    def add(*args: str) -> subprocess.CompletedProcess[str]:
        return ticketflow(database_url, tmp_path, "docs", "add", *args)

    async def stored() -> list[tuple[int, str, str | None, str]]:
        d = help_documents.c
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(d.id, d.title, d.category, d.content).order_by(d.id))
            return [tuple(row) for row in rows]  # type: ignore[misc]

    first = add(str(guide), str(guide), "--category", "Printing")
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.splitlines() == [
        "added help document 2: Printer guide (printer-guide.md, 1 chunk)",
        "printer-guide.md: already added as document 2, Printer guide",
    ]
    again = add(str(guide), str(tmp_path / "same-guide.md"), str(tmp_path / "kitchen-copy.txt"))
    assert (again.returncode, again.stdout.splitlines()) == (0, [
        "printer-guide.md: already added as document 2, Printer guide",
        "same-guide.md: already added as document 2, Printer guide",
        "kitchen-copy.txt: already added as document 1, Kitchen rules",
    ]), again.stdout + again.stderr
    before = await stored()
    assert [row[0] for row in before] == [1, 2]

    guide.write_text("# Printer guide\n\nHold the red button for five seconds to reset it.\n")
    changed = add(str(guide))
    assert changed.returncode == 1
    assert changed.stdout.strip() == (
        "not added: printer-guide.md: document 2, Printer guide, has that name with other "
        "content; --replace replaces that document with this file, --keep-both adds this file "
        "as another document"
    )
    assert await stored() == before

    replaced = add(str(guide), "--replace")
    assert (replaced.returncode, replaced.stdout.strip()) == (
        0, "replaced help document 2: Printer guide (printer-guide.md, 1 chunk)"
    ), replaced.stdout + replaced.stderr
    [_, (number, title, category, content)] = await stored()
    assert (number, title, category) == (2, "Printer guide", "Printing")
    assert "red button" in content and "green button" not in content
    async with engine.connect() as connection:
        chunks = (await connection.execute(select(help_document_chunks.c.text).where(
            help_document_chunks.c.document_id == 2))).scalars().all()
    assert chunks and all("green" not in text for text in chunks)
    assert any("red button" in text for text in chunks)

    guide.write_text("# Printer guide\n\nThe printer is on floor 3.\n")
    both = add(str(guide), "--keep-both")
    assert (both.returncode, both.stdout.strip()) == (
        0, "added help document 3: Printer guide (printer-guide.md, 1 chunk)"
    ), both.stdout + both.stderr
    guide.write_text("# Printer guide\n\nThe printer moved to floor 4.\n")
    which = add(str(guide), "--replace")
    assert which.returncode == 1
    assert which.stdout.strip().startswith(
        "not added: printer-guide.md: documents 2 and 3 have that name, so it is not clear "
        "which one to replace"
    )
    assert [row[0] for row in await stored()] == [1, 2, 3]


async def test_replacing_with_two_files_of_one_name_in_one_run_is_refused_and_changes_nothing(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "vpn.md").write_text("# VPN\n\nUse the blue shield icon.\n")
    (tmp_path / "new" / "vpn.md").write_text("# VPN\n\nUse the green shield icon.\n")
    (tmp_path / "wifi.md").write_text("# Wi-Fi\n\nJoin the Staff network.\n")
    stored = ticketflow(database_url, tmp_path, "docs", "add", str(tmp_path / "old" / "vpn.md"))
    assert stored.returncode == 0, stored.stdout + stored.stderr

    async def library() -> list[tuple[object, ...]]:
        d = help_documents.c
        async with engine.connect() as connection:
            rows = await connection.execute(select(d.id, d.filename, d.file_data).order_by(d.id))
            return [tuple(row) for row in rows]

    before = await library()
    for files in ([tmp_path / "wifi.md", tmp_path / "new" / "vpn.md", tmp_path / "old" / "vpn.md"],
                  [tmp_path / "new" / "vpn.md", tmp_path / "new" / "vpn.md"]):
        refused = ticketflow(database_url, tmp_path, "docs", "add", "--replace",
                             *map(str, files))
        assert refused.returncode == 2, refused.stdout + refused.stderr
        assert refused.stdout.strip() == (
            f"ticketflow docs add: {files[-2]} and {files[-1]} would both be stored as vpn.md, "
            "so with --replace the later would replace the earlier; nothing was added. Give one "
            "file of each name (or use --keep-both)")
        assert await library() == before  # not even wifi.md, given first

    one_each = ticketflow(database_url, tmp_path, "docs", "add", "--replace",
                          str(tmp_path / "new" / "vpn.md"), str(tmp_path / "wifi.md"))
    assert one_each.returncode == 0, one_each.stdout + one_each.stderr
    assert one_each.stdout.splitlines()[0].startswith("replaced help document")
