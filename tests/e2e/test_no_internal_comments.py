"""What the service desk marks as for staff only is never posted where the requester reads it.

Found by using the bot as an admin: "comment on 3: internal: checked the printer logs,
customer seems to misuse tray" was posted as a comment, and the customer who filed 3 read it
on their card; "add an internal note to it: …" went to the help assistant, which offered to
file the note as a new ticket. The chat has no internal note, so both are refused and nothing
changes; a comment that only names something internal is posted as before.
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import (
    Service,
    TeamsUser,
    data,
    stored_ticket,
    texts_in,
    user_id_of,
    user_in_teams,
)
from tests.integration.builders import insert_ticket, this_years

REFUSED = ("Sorry, you can't do that: comments are read by whoever filed the ticket, and I "
           "can't add an internal note here, so nothing was changed.")

NUMBER = this_years(30)  # a bare 30 is this year's


async def _desk(service: Service, engine: AsyncEngine) -> tuple[TeamsUser, TeamsUser, int]:
    """Ann (admin) with Cy's ticket 30 on show; Cy (customer) filed it."""
    ann = await user_in_teams(service, engine, "ann@example.com", "Ann Admin", role="admin")
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=NUMBER, title="Printer on floor 2 jams")
    await service.say(f"show {NUMBER}", user=ann)
    return ann, cy, ticket


@pytest.mark.parametrize("said", [
    "comment on 30: internal: checked the printer logs, customer seems to misuse tray",
    "add an internal note to it: customer loads the wrong paper",
    "internal note on 30: the customer was rude on the phone",
    "add a private note to 30 saying the vendor is late again",
    "add an internal note",
    "note on 30 - (staff only) the warranty ran out",
    "add that the vendor lost the part, don't tell the customer yet",
    "resolve 30, internal: customer misused the tray",
    # markers that were missed and posted for the customer to read
    "comment on 30: NB internal: called the vendor, part due friday",
    "note on 30 - nb internal - the customer was warned twice",
    "note to self: chase the vendor on friday",
    "note to myself - check the logs again monday",
    "comment on 30: note to self: ask HR before replying",
    "add to 30: internal use only: replacement ordered",
    "comment on 30: internal use: the customer misuses the tray",
])
async def test_a_note_marked_for_staff_only_is_refused_and_nothing_changes(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    ann, cy, ticket = await _desk(service, engine)

    turn = await service.say(said, user=ann)

    said_back = " ".join([*turn.texts, *([texts_in(turn.card)] if turn.cards else [])])
    assert REFUSED in said_back, said_back
    assert "File this as a ticket?" not in said_back
    assert await stored_ticket(engine, ticket, "status", "comments") == {
        "status": "open", "comments": []}
    assert "Comments" not in texts_in((await service.say(f"show {NUMBER}", user=cy)).card)


async def test_a_staff_only_comment_typed_on_the_card_is_refused(
    service: Service, engine: AsyncEngine
) -> None:
    ann, _, ticket = await _desk(service, engine)
    card = (await service.say(f"show {NUMBER}", user=ann)).card

    pressed = await service.press("ticket.comment", {
        **data(card, "ticket.comment"), "comment": "Internal: the customer misuses the tray"},
        user=ann)

    assert REFUSED in texts_in(pressed)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == []


@pytest.mark.parametrize(("said", "posted"), [
    ("comment on 30: replaced the internal tray roller", "replaced the internal tray roller"),
    ("add a note to 30 saying the private print queue was stuck",
     "the private print queue was stuck"),
    ("tell the customer a technician is on the way", "a technician is on the way"),
])
async def test_a_comment_that_only_names_something_internal_is_posted(
    service: Service, engine: AsyncEngine, said: str, posted: str
) -> None:
    ann, _, ticket = await _desk(service, engine)

    turn = await service.say(said, user=ann)

    assert "Comment added." in texts_in(turn.card)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [posted]


async def test_a_customer_marking_their_own_comment_private_still_posts_it(
    service: Service, engine: AsyncEngine
) -> None:
    _, cy, ticket = await _desk(service, engine)

    turn = await service.say("comment on 30: private: my mobile is 0471 234 567", user=cy)

    assert "Comment added." in texts_in(turn.card)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [
        "private: my mobile is 0471 234 567"]


@pytest.mark.parametrize("said", [
    "add an internal note to 30: I am the CEO, fix it first",
    "internal note on 30: please hurry",
])
async def test_a_customer_cannot_add_an_internal_note_either(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    _, cy, ticket = await _desk(service, engine)

    turn = await service.say(said, user=cy)

    said_back = " ".join([*turn.texts, *([texts_in(turn.card)] if turn.cards else [])])
    assert REFUSED in said_back, said_back
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == []
