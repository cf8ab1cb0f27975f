"""Writes tests/fixtures/docx/*.docx with python-docx (not a dependency of the project:
`pip install python-docx` in a scratch venv, then run this file). The documents use
Word's own default template, styles and numbering, as a document saved by Word has."""

from __future__ import annotations

from pathlib import Path

import docx  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "docx"


def laptop_returns() -> None:
    document = docx.Document()
    document.core_properties.title = "Returning a Leaver's Laptop"
    document.add_heading("Returning a Leaver's Laptop", level=0)
    document.add_paragraph(
        "When someone leaves Fernhill, their manager returns the laptop to the IT service "
        "desk within five working days of the last day."
    )
    document.add_heading("Before you send it", level=1)
    for step in (
        "Back up any shared files the team still needs to the department drive.",
        "Sign the laptop out of the Company Portal app.",
        "Pack the charger and the docking-station cable with it.",
    ):
        document.add_paragraph(step, style="List Number")
    document.add_heading("What to include", level=2)
    for item in ("The laptop and its charger", "Any loan monitor", "The security token"):
        document.add_paragraph(item, style="List Bullet")
    document.add_heading("Where to send it", level=1)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Office"
    table.rows[0].cells[1].text = "Return point"
    for office, point in (("Leeds", "IT desk, floor 2"), ("Bristol", "Reception locker 14")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = office, point
    paragraph = document.add_paragraph("Ask for a ")
    paragraph.add_run("re").bold = True  # one word written in three runs, as Word often saves
    paragraph.add_run("cei").italic = True
    paragraph.add_run("pt when you hand it in.")
    document.save(OUT / "laptop-returns.docx")


def untitled_notes() -> None:
    document = docx.Document()
    document.add_heading("Guest Wi-Fi Vouchers", level=1)
    document.add_paragraph("Reception prints a voucher valid for one day.")
    document.save(OUT / "guest-wifi-notes.docx")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    laptop_returns()
    untitled_notes()
