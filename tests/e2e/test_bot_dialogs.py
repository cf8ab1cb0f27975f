"""Filing tickets by chatting: the `new ticket` dialog, read like the conversation it is."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_state, task_history, tasks
from tests.e2e.assistant import add_documents, wait_for_answers
from tests.e2e.service import Service, running_service, texts_in, user_id_of, user_in_teams
from tests.integration.builders import insert_ticket, insert_user, this_years

TRANSCRIPT = [
    ("new ticket", "What's the problem, in one line?"),
    ("Printer on floor 3 jams on every job", "Describe it in a few sentences"),
    ("Paper jams in tray 2, error E-104.", "Which kind of ticket is it?"),
    ("Incident", "How urgent is it?"),
]


async def count_tickets(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(select(func.count()).select_from(tasks))).scalar_one())


async def test_the_new_ticket_dialog_asks_for_each_field_then_shows_the_card(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    for said, expected in TRANSCRIPT:
        turn = await service.say(said, user=ada)
        assert any(expected in text for text in turn.texts), (said, turn.texts)
    filed = await service.say("High", user=ada)
    card = filed.card
    assert "Filed TKT-" in texts_in(card)
    assert "Printer on floor 3 jams on every job" in texts_in(card)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
        actions = list((await connection.execute(select(task_history.c.action))).scalars())
    assert (row["category"], row["priority"]) == ("incident", "high")
    assert row["description"] == "Paper jams in tray 2, error E-104."
    assert actions == ["created"]


async def test_a_title_given_up_front_is_not_asked_for_and_skip_leaves_no_description(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    first = await service.say("new ticket VPN drops every hour", user=ada)
    assert any("Describe it" in text for text in first.texts)
    await service.say("skip", user=ada)
    await service.say("support", user=ada)
    await service.say("low", user=ada)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["description"], row["priority"]) == (
        "VPN drops every hour", None, "low")


async def test_cancel_at_any_step_saves_nothing(service: Service, engine: AsyncEngine) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket", user=ada)
    await service.say("Monitor flickers", user=ada)
    cancelled = await service.say("cancel", user=ada)
    assert cancelled.texts == ["Cancelled. Nothing was saved."]
    assert await count_tickets(engine) == 0
    after = await service.say("Incident", user=ada)  # no dialog any more: not an answer
    assert not any("How urgent" in text for text in after.texts)


async def test_a_title_that_is_too_long_is_asked_again(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket", user=ada)
    again = await service.say("x" * 300, user=ada)
    assert again.texts == ["Keep it to 255 characters (it has 300). Try again, or say cancel."]
    moved_on = await service.say("Short title", user=ada)
    assert any("Describe it" in text for text in moved_on.texts)


async def test_thanks_or_ok_is_never_a_title_or_a_description(
    service: Service, engine: AsyncEngine
) -> None:
    """"thx" under "What's the problem, in one line?" was filed as the title, "ok" as the
    description: courtesy answers the question with nothing, so it is asked again."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket", user=ada)
    for said in ("thx", "ok 👍", "Thank you!"):
        again = await service.say(said, user=ada)
        assert again.texts == ["What's the problem, in one line?"], (said, again.texts)
    await service.say("monitor flickers", user=ada)  # typed as chat is: filed with a capital
    for said in ("ok", "cheers"):
        again = await service.say(said, user=ada)
        assert any("Describe it" in text for text in again.texts), (said, again.texts)
    for said in ("Only the left screen, since the update", "support", "low"):
        await service.say(said, user=ada)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["description"]) == (
        "Monitor flickers", "Only the left screen, since the update")


async def test_skip_is_never_a_title(service: Service, engine: AsyncEngine) -> None:
    """"skip" after "Keep it to 255 characters" was filed as the title: a new ticket needs one,
    so the words that leave out the description ask for the title again."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket", user=ada)
    await service.say("x" * 300, user=ada)
    for said in ("skip", "N/A", "none."):
        again = await service.say(said, user=ada)
        assert again.texts == [
            "A ticket needs a title: what's the problem, in one line? Or say cancel."], said
    moved_on = await service.say("Skip button does nothing", user=ada)
    assert any("Describe it" in text for text in moved_on.texts)
    for said in ("skip", "support", "low"):
        await service.say(said, user=ada)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["description"]) == ("Skip button does nothing", None)


async def test_a_restart_in_the_middle_of_a_dialog_continues_where_the_user_was(
    service: Service, engine: AsyncEngine, database_url: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Badge reader broken", user=ada)
    await service.say("The reader at door B blinks red.", user=ada)
    # A new server process: new engine, new storage, same database.
    async with running_service(database_url, service.connector, service.teams) as restarted:
        turn = await restarted.say("request", user=ada)
        assert any("How urgent" in text for text in turn.texts), turn.texts
        filed = await restarted.say("medium", user=ada)
    assert "Badge reader broken" in texts_in(filed.card)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["category"], row["description"]) == ("request", "The reader at door B blinks red.")


async def test_help_lists_only_what_the_role_may_do(service: Service, engine: AsyncEngine) -> None:
    await insert_user(engine, role="customer", email="cleo@example.com")
    await insert_user(engine, role="user", email="ada@example.com")
    cleo = service.person("cleo@example.com", "Cleo Customer")
    ada = service.person("ada@example.com", "Ada Lovelace")
    customer_help = texts_in((await service.say("help", user=cleo)).card)
    agent_help = texts_in((await service.say("HELP", user=ada)).card)
    assert "assign TKT" not in customer_help and "reopen TKT" in customer_help
    assert "assign TKT-… to me" in agent_help


async def test_an_unknown_message_gets_one_line_and_at_most_three_suggestions(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    turn = await service.say("banana", user=ada)
    assert len(turn.texts) == 1 and turn.texts[0].startswith("Sorry, I didn't get “banana”")
    assert 1 <= len(turn.buttons) <= 3
    assert not turn.cards  # never the whole help card
    close = await service.say("asign", user=ada)  # no ticket named or in view: examples, as text
    assert close.buttons == ["my tickets", "new ticket", "help"]
    assert "For example: `assign 4 to me`, `give 4 to Lee` or `unassign 4`." in close.texts[0]


async def _age_the_dialog(engine: AsyncEngine, minutes: float) -> None:
    """As if the person had last answered the dialog `minutes` ago."""
    async with engine.begin() as connection:
        rows = (await connection.execute(select(bot_state))).mappings().all()
        [row] = [row for row in rows if "dialog_at" in row["document"]]
        document = dict(row["document"])
        then = datetime.fromisoformat(document["dialog_at"]) - timedelta(minutes=minutes)
        document["dialog_at"] = then.isoformat()
        await connection.execute(
            update(bot_state).where(bot_state.c.key == row["key"]).values(document=document))


async def test_a_dialog_left_for_over_half_an_hour_is_dropped_and_the_message_read_anew(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket", user=ada)
    await service.say("Monitor flickers", user=ada)
    asked = await service.say("It flickers when the laptop is docked.", user=ada)
    assert any("Which kind of ticket is it?" in text for text in asked.texts)
    await _age_the_dialog(engine, minutes=31)

    # Not a command (those drop any dialog at once): within the half hour it would be
    # taken as the answer and get "Please pick one of the buttons".
    later = await service.say("how do I reset my password?", user=ada)

    assert later.texts[0] == "(I've dropped the ticket we were filing.)"
    assert not any("pick one" in text.lower() for text in later.texts)
    again = await service.say("Incident", user=ada)  # nothing is waiting for it any more
    assert not any("Filed" in texts_in(card) for card in again.cards)
    assert await count_tickets(engine) == 0


async def test_a_dialog_answered_within_half_an_hour_goes_on(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket", user=ada)
    await service.say("Monitor flickers", user=ada)
    await _age_the_dialog(engine, minutes=29)

    turn = await service.say("It flickers when the laptop is docked.", user=ada)

    assert any("Which kind of ticket is it?" in text for text in turn.texts)


async def test_a_choice_is_never_read_from_a_sentence_that_only_holds_a_number(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Docking station dead", user=ada)
    await service.say("skip", user=ada)
    asked_again = await service.say("I'll take the switch one", user=ada)
    assert asked_again.texts == [
        "You're filing “Docking station dead”. Pick the closest: Incident if something is broken, Request if you need something, Support for a question (or say not sure, or cancel)."]
    await service.say("the 2nd one", user=ada)  # short: the second button, Incident
    still_asking = await service.say("we have a client demo at 4", user=ada)
    assert still_asking.texts == [  # what it tells is kept with the ticket, no urgency read
        "Added that to the ticket's description.", "How urgent is it?"]
    await service.say("make it high please", user=ada)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["category"], row["priority"], row["description"]) == (
        "Docking station dead", "incident", "high", "we have a client demo at 4")


async def test_a_request_about_a_ticket_while_a_choice_is_asked_is_a_message_of_its_own(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Docking station dead", user=ada)
    await service.say("skip", user=ada)
    await service.say("support", user=ada)
    turn = await service.say("4 is fixed, it was a loose cable", user=ada)
    assert any("dropped the ticket we were filing" in text for text in turn.texts), turn.texts
    assert await count_tickets(engine) == 0


@pytest.mark.parametrize("said", ["new ticket skip", "new ticket: N/A", "new ticket none"])
async def test_a_new_ticket_named_skip_is_asked_its_title(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")

    asked = await service.say(said, user=ada)

    assert asked.texts[-1] == "What's the problem, in one line?"
    described = await service.say("Dock keeps disconnecting", user=ada)
    assert any("Describe it" in text for text in described.texts)


async def test_a_look_up_while_a_choice_is_asked_is_answered_and_the_filing_goes_on(
    service: Service, engine: AsyncEngine
) -> None:
    """"what's open for the network team" or "show me 41" under "Which kind of ticket is
    it?" got "Please pick one of the buttons" again and again: the person was stuck in the
    dialog. A request that only shows something is answered, and the question asked again."""
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Power", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(41), title="Switch in rack 2 beeps")
    await service.say("new ticket Wifi in room 4 keeps dropping", user=max_)
    await service.say("skip", user=max_)

    listed = await service.say("what tickets are open", user=max_)
    shown = await service.say("show me 41", user=max_)
    missing = await service.say("show me 99", user=max_)
    await service.say("incident", user=max_)
    priority = await service.say("who's overloaded?", user=max_)
    await service.say("high", user=max_)

    assert "Switch in rack 2 beeps" in texts_in(listed.card)
    assert listed.texts[-2:] == ["Back to the ticket you're filing:", "Which kind of ticket is it?"]
    assert "Switch in rack 2 beeps" in texts_in(shown.card)
    assert shown.texts[-1] == "Which kind of ticket is it?"
    assert missing.texts[0].startswith(f"I can't find ticket {this_years(99)}")
    assert missing.texts[-1] == "Which kind of ticket is it?"
    assert priority.texts[-1] == "How urgent is it?"
    async with engine.connect() as connection:
        rows = (await connection.execute(select(tasks).order_by(tasks.c.created_at))).mappings().all()
    assert [(r["title"], r["category"], r["priority"]) for r in rows if r["id"] != ticket] == [
        ("Wifi in room 4 keeps dropping", "incident", "high")]


async def test_a_look_up_while_the_description_is_asked_is_answered_and_the_title_kept(
    service: Service, engine: AsyncEngine
) -> None:
    """"what is alex working on" under "Describe it …" became the description, and "show me
    41" dropped the ticket being filed, title and all. A look-up asked as a question (or
    naming a ticket) is answered and the description asked again; a description that only
    mentions people or tickets is still the description."""
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Power", role="manager")
    alex = await insert_user(engine, email="alex@example.com", name="Alex Kim")
    await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                        number=this_years(41), title="Switch in rack 2 beeps")
    await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                        assignee_id=alex, title="Dock firmware update")
    await service.say("new ticket Outlook crashes on attachments", user=max_)

    asked = await service.say("what is alex working on", user=max_)
    shown = await service.say("show me 41", user=max_)
    await service.say("It crashes whenever I open a PDF that Alex Kim sent me", user=max_)
    await service.say("incident", user=max_)
    await service.say("high", user=max_)

    describe = "Describe it in a few sentences: what happened, and what did you expect? (or say skip)"
    assert asked.texts[-2:] == ["Back to the ticket you're filing:", describe]
    assert "Dock firmware update" in texts_in(asked.card)
    assert "Switch in rack 2 beeps" in texts_in(shown.card)
    assert shown.texts[-1] == describe and not any("dropped" in t for t in shown.texts)
    async with engine.connect() as connection:
        row = (await connection.execute(
            select(tasks).where(tasks.c.title == "Outlook crashes on attachments"))).mappings().one()
    assert (row["description"], row["category"], row["priority"]) == (
        "It crashes whenever I open a PDF that Alex Kim sent me", "incident", "high")


@pytest.mark.parametrize("asked", [
    "how many tickets did we close this week", "How many did we resolve last week?",
    "stats for today", "weekly summary pls",
])
async def test_figures_asked_while_the_description_is_asked_are_answered_and_the_title_kept(
    service: Service, engine: AsyncEngine, asked: str
) -> None:
    """"how many tickets did we close this week" under "Describe it …" became the new
    ticket's description. Figures asked are answered and the description asked again."""
    mia = await user_in_teams(service, engine, "mia@example.com", "Mia Lopez", role="manager")
    await service.say("new ticket: outlook crashes opening the shared calendar", user=mia)

    answered = await service.say(asked, user=mia)
    kind = await service.say("since the update this morning", user=mia)

    describe = "Describe it in a few sentences: what happened, and what did you expect? (or say skip)"
    assert answered.texts[-2:] == ["Back to the ticket you're filing:", describe], answered.texts
    assert kind.texts[-1] == "Which kind of ticket is it?", kind.texts


@pytest.mark.parametrize("description", [
    "list of contacts in outlook disappeared", "show stopper, the payroll export fails",
])
async def test_a_description_that_opens_like_a_look_up_is_the_description(
    service: Service, engine: AsyncEngine, description: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Outlook lost my contacts", user=ada)

    kind = await service.say(description, user=ada)

    assert kind.texts[-1] == "Which kind of ticket is it?", kind.texts


@pytest.mark.parametrize(("said", "priority"), [
    ("can you make it urgent please, I have a deadline", "urgent"),
    ("High priority pls", "high"),
    ("asap!!", "urgent"),
    ("prio low, no rush", "low"),
])
async def test_an_urgency_said_when_asked_the_kind_is_kept_and_not_asked_again(
    service: Service, engine: AsyncEngine, said: str, priority: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Docking station dead", user=ada)
    await service.say("skip", user=ada)

    noted = await service.say(said, user=ada)
    filed = await service.say("incident", user=ada)

    assert noted.texts[0] == f"Noted for the new ticket: {priority.capitalize()} priority."
    assert noted.texts[-1] == "Which kind of ticket is it?"
    assert "Filed TKT-" in texts_in(filed.card)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["category"], row["priority"]) == ("incident", priority)


async def test_an_urgency_denied_or_with_a_kind_is_not_taken_for_the_urgency(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Docking station dead", user=ada)
    await service.say("skip", user=ada)

    denied = await service.say("not urgent", user=ada)
    kind = await service.say("it's a bug, urgent", user=ada)

    assert denied.texts == [
        "You're filing “Docking station dead”. Pick the closest: Incident if something is broken, Request if you need something, Support for a question (or say not sure, or cancel)."]
    assert kind.texts[-1] == "How urgent is it?"  # the kind taken; the urgency still asked


async def test_a_priority_or_kind_said_to_deny_it_is_asked_again_never_chosen(
    service: Service, engine: AsyncEngine
) -> None:
    """'not urgent at all' under "How urgent is it?" filed an Urgent ticket, 'not a bug' a
    Bug: the recogniser found the label and the sentence said it."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Docking station dead", user=ada)
    await service.say("skip", user=ada)
    kind = await service.say("not a bug", user=ada)
    assert kind.texts == [
        "You're filing “Docking station dead”. Pick the closest: Incident if something is broken, Request if you need something, Support for a question (or say not sure, or cancel)."]
    await service.say("support", user=ada)
    for denied in ("no, not high priority", "not high"):
        urgency = await service.say(denied, user=ada)
        assert "You're filing “Docking station dead”. Please pick Low, Medium, High or Urgent, " \
            "or say cancel." in urgency.texts
        assert await count_tickets(engine) == 0
    await service.say("low, it can wait", user=ada)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["category"], row["priority"]) == ("support", "low")


@pytest.mark.parametrize("question", [
    "how do I set up an out of office reply?",
    "quick question - which wifi do visitors use?",
])
async def test_a_help_question_asked_for_the_kind_is_answered_and_the_filing_goes_on(
    service: Service, engine: AsyncEngine, database_url: str, question: str
) -> None:
    await add_documents(engine, database_url)
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Laptop fan is loud", user=ada)
    await service.say("skip", user=ada)

    turn = await service.say(question, user=ada)

    assert not any("pick one" in text.lower() for text in turn.texts), turn.texts
    assert not any("dropped" in text for text in turn.texts), turn.texts
    assert "Back to the ticket you're filing:" in turn.texts
    assert turn.texts[-1] == "Which kind of ticket is it?" and "Incident" in turn.buttons
    [answer] = await wait_for_answers(service)
    assert "help documents" in texts_in(answer) or "Here is" in texts_in(answer)
    await service.say("Incident", user=ada)
    await service.say("low", user=ada)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["category"], row["priority"]) == (
        "Laptop fan is loud", "incident", "low")
@pytest.mark.parametrize(("kind", "urgency"), [
    ("not sure", "idk"), ("no idea tbh", "dunno"), ("I don't know, sorry", "you pick"),
    ("whatever", "not sure which"), ("hmm no clue", "up to you"),
])
async def test_not_knowing_the_kind_or_the_urgency_files_it_as_support_medium(
    service: Service, engine: AsyncEngine, kind: str, urgency: str
) -> None:
    """A customer cannot tell an incident from a request: "not sure" takes the usual kind and
    urgency, says so, and files the ticket, instead of "Please pick one of the buttons"."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    await service.say("new ticket", user=cy)
    await service.say("Projector in room 4B shows no signal", user=cy)
    await service.say("Tried HDMI and USB-C from two laptops.", user=cy)
    kept = await service.say(kind, user=cy)
    assert kept.texts[0] == "No problem: I've put Support; the service desk can change it.", kept.texts
    assert any("How urgent is it?" in text for text in kept.texts)
    filed = await service.say(urgency, user=cy)
    assert filed.texts[0] == "No problem: I've put Medium; the service desk can change it."
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["category"], row["priority"]) == (
        "Projector in room 4B shows no signal", "support", "medium")


async def test_a_kind_not_known_is_asked_again_when_the_answer_is_no_choice_at_all(
    service: Service, engine: AsyncEngine
) -> None:
    """Only a word of not knowing is taken as the usual kind: anything else is asked again."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    for said in ("new ticket", "Projector in room 4B shows no signal", "skip"):
        await service.say(said, user=cy)
    again = await service.say("the blue one", user=cy)
    assert any("Pick the closest" in text for text in again.texts), again.texts
    async with engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar_one() == 0


@pytest.mark.parametrize(("said", "kind"), [
    ("it's broken", "incident"), ("the screen is dead", "incident"),
    ("hmm it just stopped working", "incident"), ("I need access for a new starter", "request"),
    ("just a question really", "support"), ("it's more of an idea", "feature"),
])
async def test_the_kind_said_in_everyday_words_is_taken_and_said(
    service: Service, engine: AsyncEngine, said: str, kind: str
) -> None:
    """"it's broken" under "Which kind of ticket is it?" was "Please pick one of the buttons":
    people do not know the kinds. Words pointing at one kind take it and say so."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    for step in ("new ticket", "Projector in room 4B shows no signal", "skip"):
        await service.say(step, user=cy)

    taken = await service.say(said, user=cy)
    await service.say("low", user=cy)

    assert taken.texts[0] == f"I've put {kind.capitalize()}; the service desk can change it."
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert row["category"] == kind


@pytest.mark.parametrize("said", ["not broken, just slow", "it's broken and I need a new one"])
async def test_everyday_words_denied_or_of_two_kinds_are_asked_again(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    for step in ("new ticket", "Projector in room 4B shows no signal", "skip"):
        await service.say(step, user=cy)

    again = await service.say(said, user=cy)

    assert any("Pick the closest" in text for text in again.texts), again.texts


@pytest.mark.parametrize(("said", "priority"), [
    ("not urgent at all", "low"), ("no rush", "low"), ("whenever you can", "low"),
    ("the whole floor is blocked", "urgent"), ("asap please!!", "urgent"),
    ("it's blocking me, I can't work", "high"),
])
async def test_how_urgent_said_in_everyday_words_is_taken_and_said(
    service: Service, engine: AsyncEngine, said: str, priority: str
) -> None:
    """"no rush" under "How urgent is it?" was "Please pick Low, Medium, High or Urgent";
    "not urgent at all" is Low, never Urgent."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Docking station dead", user=ada)
    await service.say("skip", user=ada)
    await service.say("support", user=ada)

    taken = await service.say(said, user=ada)

    assert taken.texts[0] == f"I've put {priority.capitalize()}; the service desk can change it."
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert row["priority"] == priority
