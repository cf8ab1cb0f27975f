"""Raw input (chat text, card inputs) becomes valid values or an error naming the field;
a use case given bad input writes nothing."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date, datetime

import pytest

from domain.errors import InvalidValue
from domain.services.tickets import create_ticket, update_ticket
from domain.tickets import Priority, Severity, TicketFilter, TicketStatus
from domain.validation import (
    kept_spellings,
    parse_due_date,
    parse_email,
    parse_enum,
    parse_hours,
    parse_optional_enum,
    parse_tags,
    parse_text,
    parse_title,
)
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase
from tests.actors import as_actor


@pytest.mark.parametrize(("raw", "status"), [
    ("open", TicketStatus.OPEN), ("In Progress", TicketStatus.IN_PROGRESS),
    ("on-hold", TicketStatus.ON_HOLD), (" RESOLVED ", TicketStatus.RESOLVED),
    (TicketStatus.CLOSED, TicketStatus.CLOSED),
])
def test_an_enum_value_is_read_forgivingly(raw: object, status: TicketStatus) -> None:
    assert parse_enum("status", raw, TicketStatus) is status


@pytest.mark.parametrize("raw", ["done", "", None, 0, "open!", Priority.HIGH])
def test_an_unknown_enum_value_names_the_field_and_the_choices(raw: object) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_enum("status", raw, TicketStatus)
    assert refused.value.field == "status"
    assert "open, in_progress, on_hold, resolved, closed" in refused.value.message


def test_an_optional_enum_may_be_left_empty() -> None:
    assert parse_optional_enum("severity", "  ", Severity) is None
    assert parse_optional_enum("severity", None, Severity) is None
    assert parse_optional_enum("severity", "Major", Severity) is Severity.MAJOR


def test_a_title_is_trimmed_and_its_inner_spaces_collapsed() -> None:
    assert parse_title("  Printer \n  jam  ") == "Printer jam"


@pytest.mark.parametrize("raw", [
    None, "", "   \n\t ",
    "\u200b", "\u2060", "\ufeff", "\u200b \u2060\ufeff",  # zero-width space, joiner, BOM
    "\u200e\u200f\u202e\u2066\u00ad", "\u3164\u2800\u115f",  # marks, fillers
])
def test_an_empty_title_is_refused(raw: object) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_title(raw)
    assert (refused.value.field, refused.value.message) == ("title", "a title is required")


def test_a_title_with_a_visible_character_among_invisible_ones_is_kept() -> None:
    assert parse_title("\u200bVPN\u2060") == "\u200bVPN\u2060"


def test_a_title_of_255_characters_fits_and_256_does_not() -> None:
    assert parse_title("x" * 255) == "x" * 255
    with pytest.raises(InvalidValue) as refused:
        parse_title("x" * 256)
    assert refused.value.field == "title"
    assert "256" in refused.value.message


@pytest.mark.parametrize(("raw", "due"), [
    ("2026-12-31", datetime(2026, 12, 31)),
    ("2026-12-31T10:00:00", datetime(2026, 12, 31, 10)),
    ("2026-12-31T10:00:00+02:00", datetime(2026, 12, 31, 8)),
    ("2026-12-31T10:00:00Z", datetime(2026, 12, 31, 10)),
    (date(2026, 12, 31), datetime(2026, 12, 31)),
    ("", None), (None, None),
])
def test_a_due_date_is_read_as_naive_utc(raw: object, due: datetime | None) -> None:
    assert parse_due_date(raw) == due


@pytest.mark.parametrize("raw", ["next tuesday", "2026-13-01", "31/12/2026", "2026-02-30", 5])
def test_a_bad_due_date_names_the_field(raw: object) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_due_date(raw)
    assert refused.value.field == "due_date"


@pytest.mark.parametrize(("raw", "hours"), [("8", 8), (" 0 ", 0), (10_000, 10_000), ("", None),
                                            (None, None)])
def test_hours_are_whole_numbers_from_0_to_10000(raw: object, hours: int | None) -> None:
    assert parse_hours("estimated_hours", raw) == hours


@pytest.mark.parametrize("raw", ["-1", "10001", "abc", "2.5", True, "²"])
def test_bad_hours_name_the_field(raw: object) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_hours("actual_hours", raw)
    assert refused.value.field == "actual_hours"


def test_tags_are_trimmed_and_deduplicated_in_order() -> None:
    assert parse_tags(" printer, floor 3 ,printer, ,toner") == ("printer", "floor 3", "toner")
    assert parse_tags(["vpn", " vpn ", "mfa"]) == ("vpn", "mfa")
    assert parse_tags(None) == ()


@pytest.mark.parametrize(("raw", "tags"), [
    ("VPN, vpn", ("VPN",)),
    ("vpn, Printer, VPN, printer ", ("vpn", "Printer")),
    (["MFA", "mfa", "Mfa", "2fa"], ("MFA", "2fa")),
    ("Straße, STRASSE", ("Straße",)),  # one tag in any case, as casefold has it
    ("floor 3, Floor 3, floor  3", ("floor 3", "floor  3")),
])
def test_tags_differing_only_in_case_are_one_tag_spelt_as_first_given(
    raw: object, tags: tuple[str, ...]
) -> None:
    assert parse_tags(raw) == tags


def test_a_tag_added_in_another_case_keeps_the_spelling_the_ticket_had() -> None:
    assert kept_spellings(("vpn", "printer"), ("VPN",)) == ("VPN", "printer")
    assert kept_spellings(("Printer",), ("printer", "PRINTER")) == ("printer",)
    assert kept_spellings(("mfa",), ()) == ("mfa",)


@pytest.mark.parametrize("raw", [[f"t{i}" for i in range(21)], ["x" * 51], 42])
def test_bad_tags_name_the_field(raw: object) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_tags(raw)
    assert refused.value.field == "tags"


def test_twenty_tags_of_fifty_characters_fit() -> None:
    tags = [f"{i:02d}" + "x" * 48 for i in range(20)]
    assert parse_tags(tags) == tuple(tags)


@pytest.mark.parametrize("raw", ["", "alex", "alex@", "@example.com", "a b@example.com",
                                 "alex@example"])
def test_a_bad_email_names_the_field(raw: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_email(raw)
    assert refused.value.field == "email"


def test_an_email_is_kept_in_lower_case() -> None:
    assert parse_email(" Alex.Smith@Example.COM ") == "alex.smith@example.com"


CREATE_MISTAKES = [
    ({"title": "   "}, "title"),
    ({"title": "x" * 256}, "title"),
    ({"category": "printer"}, "category"),
    ({"priority": "whenever"}, "priority"),
    ({"severity": "catastrophic"}, "severity"),
    ({"due_date": "tomorrow-ish"}, "due_date"),
    ({"estimated_hours": "-3"}, "estimated_hours"),
    ({"tags": ["x" * 51]}, "tags"),
    ({"title": "\u200b\u2060\ufeff"}, "title"),
    ({"description": "x" * 20_001}, "description"),
]


@pytest.mark.parametrize(("mistake", "field"), CREATE_MISTAKES)
async def test_a_ticket_with_a_bad_value_is_not_created(
    db: FakeDatabase, org: Organisation, mistake: dict[str, object], field: str
) -> None:
    before = db.snapshot()
    values: dict[str, object] = {"title": "Printer jam", "category": "support", **mistake}
    with pytest.raises(InvalidValue) as refused:
        await create_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id), **values)
    assert refused.value.field == field
    assert db.snapshot() == before


EDIT_MISTAKES = [
    ({"title": ""}, "title"),
    ({"title": "\u200b\u2060\ufeff"}, "title"),
    ({"category": None}, "category"),
    ({"priority": "asap"}, "priority"),
    ({"actual_hours": "lots"}, "actual_hours"),
    ({"due_date": "31/12/2026"}, "due_date"),
    ({"tags": 7}, "tags"),
    ({"status": "closed"}, "status"),
    ({"ticket_number": "TKT-2026-0001"}, "ticket_number"),
    ({"created_by": "someone"}, "created_by"),
]


@pytest.mark.parametrize(("mistake", "field"), EDIT_MISTAKES)
async def test_an_edit_with_a_bad_value_changes_nothing(
    db: FakeDatabase, org: Organisation, mistake: dict[str, object], field: str
) -> None:
    ticket = db.seed_ticket(created_by=org.admin)
    before = db.snapshot()
    with pytest.raises(InvalidValue) as refused:
        await update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id), ticket=ticket.id,
                          fields={"notes": "fine", **mistake})
    assert refused.value.field == field
    assert db.snapshot() == before


async def test_an_unknown_status_changes_nothing(db: FakeDatabase, org: Organisation) -> None:
    ticket = db.seed_ticket(created_by=org.admin)
    before = db.snapshot()
    attempt: Awaitable[object] = update_ticket(uow=db.unit_of_work(), actor=as_actor(org.admin.id),
                                               ticket=ticket.id, status="done")
    with pytest.raises(InvalidValue) as refused:
        await attempt
    assert refused.value.field == "status"
    assert db.snapshot() == before


def test_a_validation_error_reads_field_colon_message() -> None:
    error = InvalidValue("title", "a title is required")
    assert str(error) == "title: a title is required"
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("text", ["Printer\x00jam", "Printer \ud800 jam"])
def test_text_the_database_cannot_store_is_refused_by_name(text: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_title(text)
    assert refused.value.field == "title"
    with pytest.raises(InvalidValue):
        parse_text("description", text, limit=100)


def test_a_due_date_past_the_calendar_edge_is_a_clear_error() -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_due_date("0001-01-01T00:00+14:00")
    assert refused.value.field == "due_date"


def test_search_words_are_capped_at_200_characters_like_rest() -> None:
    assert TicketFilter(text="x" * 200).text == "x" * 200
    with pytest.raises(InvalidValue) as refused:
        TicketFilter(text="w " * 5000)
    assert refused.value.field == "search"
    assert "200 characters" in refused.value.message
