"""Company settings: admins change them; a new ticket prefix numbers the next ticket."""

from __future__ import annotations

import pytest

from domain.company import CompanySettings
from domain.errors import InvalidValue, NotAllowed
from domain.services.company import company_settings, update_company_settings
from domain.services.tickets import create_ticket
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase
from tests.actors import OPERATOR, as_actor


async def test_without_a_settings_row_the_defaults_apply(db: FakeDatabase) -> None:
    assert await company_settings(uow=db.unit_of_work(), actor=OPERATOR) == CompanySettings()


async def test_a_new_prefix_numbers_the_next_ticket(db: FakeDatabase, org: Organisation) -> None:
    before = await create_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id),
                                 title="Printer jam", category="support")
    settings = await update_company_settings(uow=db.unit_of_work(), actor=as_actor(org.admin.id),
                                             ticket_prefix=" hd ")
    after = await create_ticket(uow=db.unit_of_work(), actor=as_actor(org.customer.id),
                                title="Printer jam again", category="support")
    assert settings.ticket_prefix == "HD"
    assert before.ticket_number == f"TKT-{before.created_at.year}-0001"
    assert after.ticket_number == f"HD-{after.created_at.year}-0001"
    assert db.ticket(before.id).ticket_number == before.ticket_number


async def test_settings_are_saved_with_who_changed_them(
    db: FakeDatabase, org: Organisation
) -> None:
    await update_company_settings(uow=db.unit_of_work(), actor=as_actor(org.admin.id),
                                  company_name=" Contoso ", primary_color="#A1B2C3")
    row = db.committed.company_settings[1]
    assert (row.settings.company_name, row.settings.primary_color, row.settings.ticket_prefix) == (
        "Contoso", "#a1b2c3", "TKT")
    assert row.updated_by == org.admin.id and row.updated_at is not None
    assert await company_settings(uow=db.unit_of_work(), actor=OPERATOR) == row.settings


@pytest.mark.parametrize(("values", "field"), [
    ({"ticket_prefix": "HELP-DESK"}, "ticket_prefix"),
    ({"ticket_prefix": ""}, "ticket_prefix"),
    ({"primary_color": "blue"}, "primary_color"),
    ({"primary_color": "#12345"}, "primary_color"),
    ({"company_name": "  "}, "company_name"),
])
async def test_bad_settings_are_refused_and_nothing_changes(
    db: FakeDatabase, org: Organisation, values: dict[str, str], field: str
) -> None:
    before = db.snapshot()
    with pytest.raises(InvalidValue) as refused:
        await update_company_settings(uow=db.unit_of_work(), actor=as_actor(org.admin.id), **values)
    assert refused.value.field == field
    assert db.snapshot() == before


@pytest.mark.parametrize("actor", ["manager", "agent", "customer"])
async def test_only_an_admin_may_change_the_settings(
    db: FakeDatabase, org: Organisation, actor: str
) -> None:
    before = db.snapshot()
    with pytest.raises(NotAllowed, match="only admins can do that"):
        await update_company_settings(uow=db.unit_of_work(), actor=as_actor(getattr(org, actor).id),
                                      ticket_prefix="HD")
    assert db.snapshot() == before
