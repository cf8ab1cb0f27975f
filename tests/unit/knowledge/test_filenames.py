"""Uploaded file names are stored as their readable last part."""

from __future__ import annotations

import pytest

from knowledge.filenames import LONGEST, UNNAMED, stored_filename


@pytest.mark.parametrize(("given", "stored"), [
    ("Printer guide.pdf", "Printer guide.pdf"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\ada\\VPN guide.pdf", "VPN guide.pdf"),
    ("tab\tand\r\nnewline.txt", "tab and newline.txt"),
    ("x\ud800y.pdf", "x\ufffdy.pdf"),
    ("bad\udcff.txt", "bad\ufffd.txt"),
    ("\u200bzero\u2066width\u2069.md", "zerowidth.md"),
    ("émoji 😀.txt", "émoji 😀.txt"),
    ("", UNNAMED), ("..", UNNAMED), ("\x00\x07", UNNAMED), ("dir/", "dir"),
])
def test_a_name_keeps_only_what_a_person_can_read(given: str, stored: str) -> None:
    assert stored_filename(given) == stored


def test_a_long_name_is_cut_before_its_extension() -> None:
    name = stored_filename("w" * 1_000 + ".docx")
    assert len(name) == LONGEST and name.endswith("w….docx")
    assert len(stored_filename("w" * 1_000)) == LONGEST
