"""Ticket numbers: `<PREFIX>-<YEAR>-<NNNN>`, four digits at least, numbered from the table."""

from __future__ import annotations

from datetime import datetime

import pytest

from domain.errors import InvalidValue
from domain.numbering import (
    TicketNumber,
    next_number,
    parse_ticket_id,
    parse_ticket_number,
    validate_prefix,
)
from domain.people import Role
from domain.tickets import Category, TicketDraft
from tests.unit.fakes import FakeDatabase

IN_2026 = datetime(2026, 6, 1, 10, 0)


@pytest.mark.parametrize(("sequence", "text"), [
    (1, "TKT-2026-0001"), (42, "TKT-2026-0042"), (9999, "TKT-2026-9999"),
    (10000, "TKT-2026-10000"), (123456, "TKT-2026-123456"),
])
def test_a_number_has_at_least_four_digits_and_grows_past_9999(sequence: int, text: str) -> None:
    assert str(TicketNumber("TKT", 2026, sequence)) == text


def test_the_first_number_of_a_series_is_one() -> None:
    assert str(next_number("TKT", 2026, None)) == "TKT-2026-0001"


def test_the_number_after_9999_is_10000() -> None:
    assert str(next_number("TKT", 2026, 9999)) == "TKT-2026-10000"


def test_a_number_longer_than_the_column_is_refused() -> None:
    assert str(next_number("HELPDESKIT", 2026, 9998)) == "HELPDESKIT-2026-9999"
    with pytest.raises(InvalidValue) as refused:
        next_number("HELPDESKIT", 2026, 9999)
    assert refused.value.field == "ticket_number"
    assert "20" in refused.value.message


def test_the_series_is_what_every_number_of_a_prefix_and_year_starts_with() -> None:
    assert TicketNumber("HD", 2027, 5).series == "HD-2027-"


@pytest.mark.parametrize(("raw", "clean"), [
    ("TKT", "TKT"), (" hd ", "HD"), ("it2", "IT2"), ("A", "A"), ("HELPDESKIT", "HELPDESKIT"),
])
def test_a_prefix_is_cleaned_to_capitals(raw: str, clean: str) -> None:
    assert validate_prefix(raw) == clean


@pytest.mark.parametrize("raw", ["", "   ", "2TK", "HELP-DESK", "HELP DESK", "HELPDESKITX", "TK_T",
                                 "ÄBC"])
def test_a_prefix_must_be_letters_and_digits_starting_with_a_letter(raw: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        validate_prefix(raw)
    assert refused.value.field == "ticket_prefix"


@pytest.mark.parametrize(("text", "number"), [
    ("TKT-2026-0001", "TKT-2026-0001"),
    ("tkt-2026-7", "TKT-2026-0007"),
    ("  Hd-2025-42 ", "HD-2025-0042"),
    ("tkt-2026-10000", "TKT-2026-10000"),
    ("TKT-2026-00012", "TKT-2026-0012"),
])
def test_a_number_is_recognised_in_lower_case_and_short_forms(text: str, number: str) -> None:
    parsed = parse_ticket_number(text)
    assert parsed is not None and str(parsed) == number


@pytest.mark.parametrize("text", ["", "hello", "TKT-26-1", "TKT2026-1", "TKT-2026-", "2026-0001",
                                  "TKT-2026-1a", "TKT 2026 1", "TKT-2026-12345678901"])
def test_text_that_is_not_a_ticket_number_is_not_parsed(text: str) -> None:
    assert parse_ticket_number(text) is None


async def _add(db: FakeDatabase, prefix: str = "TKT", now: datetime = IN_2026) -> str:
    author = db.seed_user(role=Role.CUSTOMER)
    async with db.unit_of_work() as uow:
        ticket = await uow.tickets.add(
            TicketDraft("Printer jam", Category.SUPPORT, author.id), prefix=prefix, now=now
        )
        await uow.commit()
    return ticket.ticket_number


async def test_numbering_continues_from_the_highest_number_in_the_table(db: FakeDatabase) -> None:
    author = db.seed_user()
    db.seed_ticket(created_by=author, ticket_number="TKT-2026-0041")
    db.seed_ticket(created_by=author, ticket_number="TKT-2026-0007")
    assert await _add(db) == "TKT-2026-0042"


async def test_numbering_compares_numbers_not_text_so_10000_follows_9999(db: FakeDatabase) -> None:
    author = db.seed_user()
    db.seed_ticket(created_by=author, ticket_number="TKT-2026-9999")
    db.seed_ticket(created_by=author, ticket_number="TKT-2026-10000")
    assert await _add(db) == "TKT-2026-10001"


async def test_numbering_counts_only_its_own_prefix_and_year(db: FakeDatabase) -> None:
    author = db.seed_user()
    db.seed_ticket(created_by=author, ticket_number="TKT-2025-0900")
    db.seed_ticket(created_by=author, ticket_number="HD-2026-0500")
    db.seed_ticket(created_by=author, ticket_number="TKT-2026-00A9")
    assert await _add(db) == "TKT-2026-0001"
    assert await _add(db, prefix="HD") == "HD-2026-0501"
    assert await _add(db, now=datetime(2027, 1, 1)) == "TKT-2027-0001"


async def test_a_ticket_can_be_found_by_its_number_in_any_case(db: FakeDatabase) -> None:
    ticket = db.seed_ticket(created_by=db.seed_user(), ticket_number="TKT-2026-0042")
    async with db.unit_of_work() as uow:
        assert await uow.tickets.get_by_number("tkt-2026-0042") == ticket
        assert await uow.tickets.get_by_number("TKT-2026-42") is None


@pytest.mark.parametrize(("text", "ticket_id"), [
    ("42", 42), (" 0042 ", 42), ("2147483647", 2**31 - 1),
    ("0", None), ("2147483648", None), ("9" * 4301, None), ("²", None), ("TKT-2026-0001", None),
])
def test_a_ticket_id_is_read_only_within_the_range_tickets_can_have(
    text: str, ticket_id: int | None
) -> None:
    assert parse_ticket_id(text) == ticket_id
