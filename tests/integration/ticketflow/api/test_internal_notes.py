"""Internal notes (`tasks.notes`) are for the service desk: customers never read them."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.ticketflow.api.conftest import Api
from tests.integration.builders import insert_ticket

NOTE = "customer is on the churn list; do not offer a refund"


async def test_a_customer_never_reads_the_internal_notes_of_their_own_ticket(
    api: Api, engine: AsyncEngine
) -> None:
    customer = await api.person(engine, "customer")
    admin = await api.person(engine, "admin")
    ticket = await insert_ticket(engine, created_by=customer.id)
    admin_key, customer_key = await api.key(admin), await api.key(customer)
    status, written = await api.call("PATCH", f"/tickets/{ticket}", key=admin_key,
                                     json={"notes": NOTE})
    assert (status, written["notes"]) == (200, NOTE)

    _, one = await api.call("GET", f"/tickets/{ticket}", key=customer_key)
    _, page = await api.call("GET", "/tickets", key=customer_key)
    status, edited = await api.call("PATCH", f"/tickets/{ticket}", key=customer_key,
                                    json={"title": "Printer on floor 3 still jams"})
    _, history = await api.call("GET", f"/tickets/{ticket}/history", key=customer_key)

    assert one["notes"] is None and page["items"][0]["notes"] is None
    assert status == 200 and edited["notes"] is None
    assert [row["field"] for row in history["items"]] == ["title"]
    assert NOTE not in str(history)
    _, seen_by_staff = await api.call("GET", f"/tickets/{ticket}", key=admin_key)
    _, staff_history = await api.call("GET", f"/tickets/{ticket}/history", key=admin_key)
    assert seen_by_staff["notes"] == NOTE
    assert {row["field"] for row in staff_history["items"]} == {"notes", "title"}
