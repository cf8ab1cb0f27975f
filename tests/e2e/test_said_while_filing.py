"""What people say about the ticket they are filing, out of turn, is kept for it.

Found by trying the bot as a new user: after a ticket had been shown, "and give it to sam"
in the middle of filing a new one dropped the new ticket and assigned the one shown before.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, TeamsUser, texts_in
from tests.integration.builders import insert_team, insert_ticket, insert_user, this_years

SHOWN = this_years(42)


async def _desk(service: Service, engine: AsyncEngine) -> tuple[TeamsUser, dict[str, Any]]:
    """Mona, a manager, with Sam in her team; ticket 42 (open, Sam's) shown to her just now."""
    mona_id = await insert_user(engine, role="manager", email="mona@example.com",
                                name="Mona Manager")
    sam_id = await insert_user(engine, role="user", email="sam@example.com", name="Sam Rivera")
    desk = await insert_team(engine, "Service Desk", mona_id, sam_id)
    await insert_ticket(engine, created_by=mona_id, assignee_type="user", assignee_id=sam_id,
                        number=SHOWN, title="Badge reader at the side door")
    mona = service.person("mona@example.com", "Mona Manager")
    shown = await service.say("show 42", user=mona)
    assert "Badge reader at the side door" in texts_in(shown.card)
    return mona, {"mona": mona_id, "sam": sam_id, "desk": desk}


async def _rows(engine: AsyncEngine) -> dict[str, dict[str, Any]]:
    async with engine.connect() as connection:
        found = (await connection.execute(select(tasks))).mappings().all()
    return {row["ticket_number"]: dict(row) for row in found}


async def _start_filing(service: Service, user: TeamsUser) -> None:
    await service.say("new ticket: projector in room 4B shows no signal", user=user)
    kind = await service.say("skip", user=user)
    assert kind.texts[-1] == "Which kind of ticket is it?"


@pytest.mark.parametrize(("said", "holder"), [
    ("and give it to sam", "sam"),
    ("assign it to Sam Rivera pls", "sam"),
    ("sam should take it", "sam"),
    ("I'll take it", "mona"),
    ("give it to the service desk team", "desk"),
])
async def test_who_should_take_the_ticket_being_filed_is_kept_and_the_one_shown_is_untouched(
    service: Service, engine: AsyncEngine, said: str, holder: str
) -> None:
    mona, ids = await _desk(service, engine)
    before = (await _rows(engine))[SHOWN]
    await _start_filing(service, mona)

    noted = await service.say(said, user=mona)
    await service.say("incident", user=mona)
    filed = await service.say("high", user=mona)

    assert noted.texts[0].startswith("Noted for the new ticket: "), noted.texts
    assert noted.texts[-1] == "Which kind of ticket is it?"
    assert not any("dropped" in text for text in noted.texts)
    assert "Filed TKT-" in texts_in(filed.card)
    rows = await _rows(engine)
    assert rows[SHOWN] == before
    [new] = [row for number, row in rows.items() if number != SHOWN]
    assert new["title"] == "Projector in room 4B shows no signal"
    if holder == "desk":
        assert (new["assignee_type"], new["assignee_team_id"]) == ("team", ids["desk"])
    else:
        assert (new["assignee_type"], new["assignee_id"]) == ("user", ids[holder])


async def test_an_urgency_and_a_due_day_said_before_the_description_are_kept_and_not_asked(
    service: Service, engine: AsyncEngine
) -> None:
    mona, _ = await _desk(service, engine)
    await service.say("new ticket: projector in room 4B shows no signal", user=mona)

    urgency = await service.say("make it high priority", user=mona)
    due = await service.say("it's due 15 jan", user=mona)
    await service.say("Tried HDMI and USB-C from two laptops.", user=mona)
    filed = await service.say("incident", user=mona)  # "How urgent is it?" is not asked

    assert urgency.texts[0] == "Noted for the new ticket: High priority."
    assert due.texts[0].startswith("Noted for the new ticket: due ")
    assert all(turn.texts[-1].startswith("Describe it") for turn in (urgency, due))
    assert "Filed TKT-" in texts_in(filed.card)
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert (new["priority"], new["category"]) == ("high", "incident")
    assert new["description"] == "Tried HDMI and USB-C from two laptops."
    assert (new["due_date"].month, new["due_date"].day) == (1, 15)


async def test_a_correction_said_while_filing_replaces_what_was_noted_not_the_description(
    service: Service, engine: AsyncEngine
) -> None:
    """"actually make that urgent" became the new ticket's description (its priority stayed
    high); "oops wrong one, I meant give it to sam" was added to the description too."""
    mona, ids = await _desk(service, engine)
    before = (await _rows(engine))[SHOWN]
    await service.say("new ticket: projector in room 4B shows no signal", user=mona)

    await service.say("high", user=mona)
    urgent = await service.say("actually make that urgent", user=mona)
    await service.say("I'll take it", user=mona)
    meant = await service.say("oops wrong one, I meant give it to sam", user=mona)
    await service.say("Tried HDMI and USB-C from two laptops.", user=mona)
    filed = await service.say("incident", user=mona)

    assert urgent.texts[0] == "Noted for the new ticket: Urgent priority."
    assert meant.texts[0].startswith("Noted for the new ticket: "), meant.texts
    assert "Filed TKT-" in texts_in(filed.card)
    rows = await _rows(engine)
    assert rows[SHOWN] == before
    [new] = [row for number, row in rows.items() if number != SHOWN]
    assert new["priority"] == "urgent"
    assert (new["assignee_type"], new["assignee_id"]) == ("user", ids["sam"])
    assert new["description"] == "Tried HDMI and USB-C from two laptops."


@pytest.mark.parametrize("said", ["close it", "resolve it pls", "mark it as done"])
async def test_a_status_said_while_filing_changes_no_earlier_ticket_and_the_filing_goes_on(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    mona, _ = await _desk(service, engine)
    before = await _rows(engine)
    await _start_filing(service, mona)

    refused = await service.say(said, user=mona)

    assert refused.texts[0].startswith("The ticket you're filing isn't filed yet"), refused.texts
    assert refused.texts[-1] == "Which kind of ticket is it?"
    assert await _rows(engine) == before
    await service.say("request", user=mona)
    await service.say("low", user=mona)
    assert len(await _rows(engine)) == 2


async def test_someone_an_agent_may_not_hand_tickets_to_is_left_out_and_said_why(
    service: Service, engine: AsyncEngine
) -> None:
    await _desk(service, engine)
    sam = service.person("sam@example.com", "Sam Rivera")
    await _start_filing(service, sam)

    said = await service.say("give it to Mona", user=sam)
    await service.say("incident", user=sam)
    await service.say("medium", user=sam)

    assert said.texts[0].startswith("I'll file it without giving it to Mona Manager"), said.texts
    assert said.texts[-1] == "Which kind of ticket is it?"
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert (new["assignee_id"], new["assignee_team_id"]) == (None, None)  # the desk routes it


LONG_PASTE = ("It crashed when I tried to open the shared calendar of my team, three times "
              "today. I already restarted twice and reinstalled Office. Error code 0x80040154.")


async def test_details_told_when_asked_the_kind_are_kept_in_the_description(
    service: Service, engine: AsyncEngine
) -> None:
    """Found by filing as a customer: details pasted after "skip", when asked the kind, were
    read for a hint of the kind ("crashed": Incident) and then dropped."""
    mona, _ = await _desk(service, engine)
    await service.say("new ticket: outlook add-in crashes", user=mona)
    await service.say("skip", user=mona)

    kept = await service.say(LONG_PASTE, user=mona)
    await service.say("high", user=mona)

    assert kept.texts[0] == "Added that to the ticket's description.", kept.texts
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert (new["description"], new["category"], new["priority"]) == (
        LONG_PASTE, "incident", "high")


async def test_more_details_told_when_asked_the_urgency_are_added_to_the_description(
    service: Service, engine: AsyncEngine
) -> None:
    mona, _ = await _desk(service, engine)
    await service.say("new ticket: outlook add-in crashes", user=mona)
    await service.say("It crashes on the shared calendar.", user=mona)
    await service.say("bug", user=mona)

    kept = await service.say(
        "Also the calendar sync with my phone stopped yesterday evening, not sure if related.",
        user=mona)
    filed = await service.say("medium", user=mona)

    assert kept.texts == ["Added that to the ticket's description.", "How urgent is it?"]
    assert "Filed TKT-" in texts_in(filed.card)
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert new["description"] == (
        "It crashes on the shared calendar.\n\nAlso the calendar sync with my phone stopped "
        "yesterday evening, not sure if related.")
    assert (new["category"], new["priority"]) == ("bug", "medium")


async def test_a_long_paste_that_says_asap_keeps_both_the_details_and_the_urgency(
    service: Service, engine: AsyncEngine
) -> None:
    mona, _ = await _desk(service, engine)
    await service.say("new ticket: outlook add-in crashes", user=mona)
    await service.say("skip", user=mona)
    pasted = f"{LONG_PASTE} Please help asap as I meet a client at 3pm."

    kept = await service.say(pasted, user=mona)
    await service.say("incident", user=mona)  # "How urgent is it?" is not asked

    assert kept.texts[:2] == ["Added that to the ticket's description.",
                              "Noted for the new ticket: Urgent priority."], kept.texts
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert (new["description"], new["category"], new["priority"]) == (
        pasted, "incident", "urgent")


async def test_a_short_detail_after_a_question_taken_for_the_description_is_kept(
    service: Service, engine: AsyncEngine
) -> None:
    """A help question typed when asked to describe it is the description, as a description
    may be asked as a question; the problem told next, when asked the kind, was dropped."""
    mona, _ = await _desk(service, engine)
    await service.say("new ticket: wifi in room 4 drops", user=mona)
    await service.say("how do I connect to the guest wifi?", user=mona)

    kept = await service.say("It drops every 10 minutes since Monday", user=mona)
    await service.say("incident", user=mona)
    await service.say("high", user=mona)

    assert kept.texts[0] == "Added that to the ticket's description.", kept.texts
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert new["description"] == (
        "how do I connect to the guest wifi?\n\nIt drops every 10 minutes since Monday")


@pytest.mark.parametrize("said", [
    "the blue one please",  # a few words: the choice is asked again, nothing added
    "sorry I do not get what you mean by the kind of ticket",  # about the question
    "show me the tickets that are open for the service desk team this week please",
])
async def test_a_short_remark_or_a_request_when_asked_the_kind_adds_nothing(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    mona, _ = await _desk(service, engine)
    await service.say("new ticket: outlook add-in crashes", user=mona)
    await service.say("skip", user=mona)

    turn = await service.say(said, user=mona)
    await service.say("incident", user=mona)
    await service.say("low", user=mona)

    assert "Added that to the ticket's description." not in turn.texts
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert new["description"] is None


@pytest.mark.parametrize(("said", "holder", "priority", "noted"), [
    ("give it to sam and make it urgent", "sam", "urgent",
     "Sam Rivera will take it, Urgent priority"),
    ("make it high and assign it to me", "mona", "high", "High priority, you'll take it"),
    ("pls give it to sam & set it to low", "sam", "low", "Sam Rivera will take it, Low priority"),
])
async def test_two_things_said_of_the_ticket_being_filed_are_both_kept(
    service: Service, engine: AsyncEngine, said: str, holder: str, priority: str, noted: str
) -> None:
    """Found by trying the bot as a new user: "assign it to sam and make it due friday" noted
    Sam and dropped the due day without a word."""
    mona, ids = await _desk(service, engine)
    await _start_filing(service, mona)

    kept = await service.say(said, user=mona)
    filed = await service.say("incident", user=mona)  # "How urgent is it?" is not asked

    assert kept.texts == [f"Noted for the new ticket: {noted}.", "Which kind of ticket is it?"]
    assert "Filed TKT-" in texts_in(filed.card)
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert (new["assignee_id"], new["priority"]) == (ids[holder], priority)


async def test_a_due_day_said_with_who_takes_it_is_kept_too(
    service: Service, engine: AsyncEngine
) -> None:
    mona, ids = await _desk(service, engine)
    await _start_filing(service, mona)

    kept = await service.say("assign it to sam and make it due 15 jan", user=mona)
    await service.say("request", user=mona)
    await service.say("low", user=mona)

    assert kept.texts[0].startswith("Noted for the new ticket: Sam Rivera will take it, due "), \
        kept.texts
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert new["assignee_id"] == ids["sam"]
    assert (new["due_date"].month, new["due_date"].day) == (1, 15)


async def test_a_status_said_with_another_change_while_filing_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    mona, _ = await _desk(service, engine)
    before = await _rows(engine)
    await _start_filing(service, mona)

    refused = await service.say("give it to sam and close it", user=mona)

    assert refused.texts[0].startswith("The ticket you're filing isn't filed yet"), refused.texts
    assert refused.texts[-1] == "Which kind of ticket is it?"
    assert await _rows(engine) == before


async def test_two_changes_of_it_with_nothing_in_view_ask_which_ticket_once(
    service: Service, engine: AsyncEngine
) -> None:
    await _desk(service, engine)
    before = await _rows(engine)
    newcomer = service.person("sam@example.com", "Sam Rivera")  # has seen no ticket here

    asked = await service.say("assign it to me and make it urgent", user=newcomer)

    assert len(asked.texts) == 1 and asked.texts[0].startswith("Which ticket?"), asked.texts
    assert await _rows(engine) == before


@pytest.mark.parametrize(("said", "added"), [
    ("can u add a note that i tried restarting", "i tried restarting"),
    ("add a comment: happens with both laptops", "happens with both laptops"),
    ("pls add that I already tried another HDMI cable", "I already tried another HDMI cable"),
])
async def test_a_note_asked_for_while_filing_is_added_to_the_new_tickets_description(
    service: Service, engine: AsyncEngine, said: str, added: str
) -> None:
    """Found trying the bot as a new user: "can u add a note that i tried restarting" under
    "Which kind of ticket is it?" asked the kind again, and the note was lost."""
    mona, _ = await _desk(service, engine)
    await service.say("new ticket: projector in room 4B shows no signal", user=mona)
    await service.say("Tried the wall socket too.", user=mona)

    kept = await service.say(said, user=mona)
    await service.say("incident", user=mona)
    filed = await service.say("high", user=mona)

    assert kept.texts == ["Added that to the ticket's description.",
                          "Which kind of ticket is it?"], kept.texts
    assert "Filed TKT-" in texts_in(filed.card)
    [new] = [row for number, row in (await _rows(engine)).items() if number != SHOWN]
    assert new["description"] == f"Tried the wall socket too.\n\n{added}"


@pytest.mark.parametrize("said", [
    "comment on the printer ticket: user is out",
    "add a note to the vpn one that i restarted",
    "note on my other ticket: called the user back",
    "add a comment to the old ticket saying it's back",
    "pls add a note on the laptop issue - waiting on parts",
    "note to self: call the vendor",
    "add a note for sam: pls call me",
])
async def test_a_note_meant_for_another_ticket_or_no_ticket_is_not_added_to_the_new_one(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """'comment on the printer ticket: user is out' under 'Which kind of ticket is it?' added
    'user is out' to the description of the ticket being filed (a note for another ticket,
    which the bot could not read), as did 'note to self: …' ('to self: call the vendor')."""
    mona, _ = await _desk(service, engine)
    await service.say("new ticket: projector in room 4B shows no signal", user=mona)
    await service.say("Tried the wall socket too.", user=mona)

    kept = await service.say(said, user=mona)
    await service.say("incident", user=mona)
    await service.say("high", user=mona)

    assert "Added that to the ticket's description." not in kept.texts, kept.texts
    for number, row in (await _rows(engine)).items():
        if number != SHOWN:
            assert row["description"] == "Tried the wall socket too.", row["description"]
