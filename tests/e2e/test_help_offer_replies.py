"""Typed answers to the help assistant's "File this as a ticket?": people say "yes", "sure,
file it" or "no thanks" rather than press a button, and a "yes" files the message once."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import help_answer_feedback, tasks
from tests.e2e.assistant import answer_cards, button, wait_for_answers
from tests.e2e.service import Service, Turn, texts_in, user_in_teams
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.integration.knowledge.answering_openai_stand_in import Completion, CompletionsStandIn

UNDOCUMENTED = "the printer on floor 3 is jammed again"
UNDOCUMENTED_TITLE = "The printer on floor 3 is jammed again"  # a title starts with a capital


async def filed(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        return [dict(row) for row in (await connection.execute(select(tasks))).mappings()]


async def offered(helpdesk: Service, engine: AsyncEngine, said: str = UNDOCUMENTED) -> TeamsUser:
    """Ada's message, answered with nothing found: the card offers it as a ticket."""
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    await helpdesk.say(said, user=ada)
    [card] = await wait_for_answers(helpdesk)
    button(card, "File it")
    return ada


@pytest.mark.parametrize("reply", [
    "yes", "Yes please!", "sure, file it", "ok do it", "yep 👍", "Yeah go ahead",
    "please file it", "create a ticket", "raise one pls", "y",
])
async def test_a_yes_files_the_offered_message_as_the_button_would(
    helpdesk: Service, engine: AsyncEngine, reply: str
) -> None:
    ada = await offered(helpdesk, engine)

    turn = await helpdesk.say(reply, user=ada)

    assert turn.card is not None and "Filed TKT-" in str(turn.card)
    [ticket] = await filed(engine)
    assert (ticket["title"], ticket["category"]) == (UNDOCUMENTED_TITLE, "support")
    again = await helpdesk.say(reply, user=ada)  # the offer was taken: no second ticket
    assert len(await filed(engine)) == 1
    assert "Filed" not in " ".join(again.texts)


@pytest.mark.parametrize("reply", ["no thanks", "Nope.", "not now", "no, it's fine", "cancel"])
async def test_a_no_files_nothing_and_says_so(
    helpdesk: Service, engine: AsyncEngine, reply: str
) -> None:
    ada = await offered(helpdesk, engine)

    turn = await helpdesk.say(reply, user=ada)

    assert turn.texts == ["OK, I won't file it. Say `new ticket` whenever you want to."]
    assert await filed(engine) == []


async def test_edit_first_asks_for_the_details_with_the_title_kept(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await offered(helpdesk, engine)

    turn = await helpdesk.say("let me add details", user=ada)

    assert any(text.startswith("Describe it in a few sentences") for text in turn.texts)
    for answer in ("Paper jams at the second tray, error E-204.", "Incident", "Low"):
        await helpdesk.say(answer, user=ada)
    [ticket] = await filed(engine)
    assert ticket["title"] == UNDOCUMENTED_TITLE
    assert ticket["description"] == "Paper jams at the second tray, error E-204."
    assert (ticket["category"], ticket["priority"]) == ("incident", "low")


async def test_a_yes_after_the_button_filed_it_files_nothing_more(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await offered(helpdesk, engine)
    [card] = answer_cards(helpdesk)
    await helpdesk.press("ticket.create", button(card, "File it")["data"], user=ada)

    await helpdesk.say("yes", user=ada)

    assert len(await filed(engine)) == 1


async def test_a_yes_to_something_else_is_not_taken_as_the_offer(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await offered(helpdesk, engine)
    await helpdesk.say("my tickets", user=ada)

    turn = await helpdesk.say("yes", user=ada)

    assert await filed(engine) == []
    assert "Filed" not in " ".join(turn.texts)


async def test_a_yes_after_an_answer_that_helped_files_nothing(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    await helpdesk.say("how do I connect my phone to the staff wifi?", user=ada)
    [card] = await wait_for_answers(helpdesk)
    button(card, "Helpful")  # answered from the documents: nothing was offered

    turn = await helpdesk.say("yes", user=ada)

    assert await filed(engine) == []
    assert turn.texts == ["👍"]  # answered in kind, not "Sorry, I didn't get “yes”"


@pytest.mark.parametrize("reply", ["Yes!", "yep", "yeah 👍", "ok"])
async def test_a_yes_after_an_answer_that_helped_is_answered_in_kind(
    helpdesk: Service, engine: AsyncEngine, reply: str
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    await helpdesk.say("how do I connect my phone to the staff wifi?", user=ada)
    await wait_for_answers(helpdesk)

    turn = await helpdesk.say(reply, user=ada)

    assert turn.texts == ["👍"] and turn.cards == []
    assert await filed(engine) == []
    later = await helpdesk.say("yes", user=ada)  # to nothing now: not taken as agreement
    assert later.texts != ["👍"]


async def test_a_resent_yes_files_once(helpdesk: Service, engine: AsyncEngine) -> None:
    ada = await offered(helpdesk, engine)
    yes = helpdesk.teams.personal_message("yes", user=ada)

    first = await helpdesk.send(yes)
    await helpdesk.send(yes)  # Teams resends a message it got no answer to in time

    assert first.answer.status == 200
    assert len(await filed(engine)) == 1


async def test_a_yes_that_adds_something_is_a_new_message(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await offered(helpdesk, engine)

    await helpdesk.say("yes, and the scanner on floor 2 is broken too", user=ada)

    assert await filed(engine) == []


async def test_what_is_said_after_the_offer_goes_into_the_ticket_filed_with_yes(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await offered(helpdesk, engine, "my laptop won't turn on")

    added = await helpdesk.say("it's urgent, I have a client meeting at 2", user=ada)
    await helpdesk.say("I already tried another charger", user=ada)
    await helpdesk.say("yes please", user=ada)

    assert "File this as a ticket?" in texts_in(added.card)
    assert "client meeting at 2" in texts_in(added.card)
    [ticket] = await filed(engine)
    assert ticket["title"] == "My laptop won't turn on"
    assert ticket["description"] == ("my laptop won't turn on\n"
                                     "it's urgent, I have a client meeting at 2\n"
                                     "I already tried another charger")


@pytest.mark.parametrize(("reply", "courtesy"), [
    ("It's working now, thanks!", "You're welcome!"), ("its working now", "👍"),
])
async def test_saying_it_works_now_after_the_offer_is_courtesy_not_a_detail_of_the_ticket(
    helpdesk: Service, engine: AsyncEngine, reply: str, courtesy: str
) -> None:
    ada = await offered(helpdesk, engine, "my laptop won't turn on")

    turn = await helpdesk.say(reply, user=ada)
    await helpdesk.say("yes", user=ada)  # the offer went with the thanks

    assert turn.texts == [courtesy] and turn.cards == []
    assert await filed(engine) == []


async def test_the_file_it_button_on_the_card_shown_again_files_what_was_added(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await offered(helpdesk, engine, "my laptop won't turn on")
    added = await helpdesk.say("also the fan is very loud", user=ada)

    await helpdesk.press("ticket.create", button(added.card, "File it")["data"], user=ada)
    await helpdesk.say("yes", user=ada)  # the button took the offer: nothing more is filed

    [ticket] = await filed(engine)
    assert ticket["description"] == "my laptop won't turn on\nalso the fan is very loud"


ANSWERED = "why does my phone get disconnected from the Staff-BYOD wifi?"
ANSWERED_TITLE = "Why does my phone get disconnected from the Staff-BYOD wifi?"


async def answered(helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn) -> TeamsUser:
    """Ada's question, answered from the documents (no "File this as a ticket?" offer)."""
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    model.then(Completion("Phones on FH-Staff-BYOD are disconnected after 8 hours [1]."))
    await helpdesk.say(ANSWERED, user=ada)
    await wait_for_answers(helpdesk)
    return ada


@pytest.mark.parametrize("ask", [
    "yes please log a ticket", "can you raise a ticket for this?", "ok then file a ticket",
    "log it pls", "Please open a ticket for me",
])
async def test_asking_for_a_ticket_after_an_answer_files_the_question_asked(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn, ask: str
) -> None:
    """"yes please log a ticket" after an answer asked "What's the problem, in one line?",
    as if the question had never been asked; it is now the new ticket's title, as the
    answer card's "Create a ticket" makes it."""
    ada = await answered(helpdesk, engine, model)

    turn = await helpdesk.say(ask, user=ada)

    assert turn.texts[0] == f"Let's file “{ANSWERED_TITLE}” as a ticket."
    assert any(text.startswith("Describe it in a few sentences") for text in turn.texts)
    for answer in ("It drops every afternoon.", "Support", "Low"):
        await helpdesk.say(answer, user=ada)
    [ticket] = await filed(engine)
    assert (ticket["title"], ticket["description"]) == (ANSWERED_TITLE, "It drops every afternoon.")


@pytest.mark.parametrize("ask", [
    "that didnt work, can you log a ticket", "No luck. Please raise a ticket",
    "that didn't help at all, so could you please open a ticket for me?",
    "still broken - create a ticket pls", "Tried that already, log it please",
])
async def test_saying_the_answer_did_not_help_and_asking_for_a_ticket_files_the_question(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn, ask: str
) -> None:
    """"that didnt work, can you log a ticket" began a ticket titled "Didnt work"; it is the
    answer's "Not helpful" and the question filed, as each half alone is."""
    ada = await answered(helpdesk, engine, model)

    turn = await helpdesk.say(ask, user=ada)

    assert turn.texts[0] == f"Let's file “{ANSWERED_TITLE}” as a ticket."
    async with engine.connect() as connection:
        verdicts = (await connection.execute(
            select(help_answer_feedback.c.helpful))).scalars().all()
    assert verdicts == [False]
    for answer in ("skip", "Support", "Low"):
        await helpdesk.say(answer, user=ada)
    [ticket] = await filed(engine)
    assert ticket["title"] == ANSWERED_TITLE


@pytest.mark.parametrize("said", ["yes", "ok thanks", "open a ticket for my printer",
                                  "my screen is broken too, can you log a ticket"])
async def test_a_yes_or_another_problem_after_an_answer_is_not_the_question_filed(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn, said: str
) -> None:
    ada = await answered(helpdesk, engine, model)

    turn = await helpdesk.say(said, user=ada)

    assert not any(ANSWERED_TITLE in text for text in turn.texts), turn.texts
    assert await filed(engine) == []


async def rated_unhelpful_and_question_offered(
    helpdesk: Service, engine: AsyncEngine, ada: TeamsUser, turn: Turn
) -> None:
    """The answer rated "Not helpful", and a "yes" then files the question it answered."""
    assert f"Sorry that didn't help. The service desk can look into “{ANSWERED_TITLE}”." in texts_in(
        turn.card)
    async with engine.connect() as connection:
        verdicts = (await connection.execute(
            select(help_answer_feedback.c.helpful))).scalars().all()
    assert verdicts == [False]
    await helpdesk.say("yes", user=ada)
    [ticket] = await filed(engine)
    assert ticket["title"] == ANSWERED_TITLE


@pytest.mark.parametrize("said", [
    "didnt help", "That didn't work.", "still not working", "nope", "no luck 😕",
    "sorry, that's not what I asked", "that did not help", "This was not helpful at all.",
    "hmm that didnt fix it", "I tried that already",
])
async def test_saying_an_answer_did_not_help_rates_it_and_offers_the_question_as_a_ticket(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn, said: str
) -> None:
    """"didnt help" after an answer was taken for a new question: nothing found, so "yes"
    filed a ticket titled "didnt help". Now it is the answer's "Not helpful", and "yes"
    files the question."""
    ada = await answered(helpdesk, engine, model)

    turn = await helpdesk.say(said, user=ada)

    await rated_unhelpful_and_question_offered(helpdesk, engine, ada, turn)


@pytest.mark.parametrize(("said", "still"), [
    ("none of that helped, I still cant print", "I still cant print"),
    ("tried all that already", None),
])
async def test_every_suggestion_tried_rates_the_answer_and_files_the_question_with_what_is_told(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn, said: str,
    still: str | None
) -> None:
    """"none of that helped, I still cant print" after an answer was a new question: answered
    from another guide. It is the answer's "Not helpful"; the problem told again goes into
    the ticket filed for the question."""
    ada = await answered(helpdesk, engine, model)

    turn = await helpdesk.say(said, user=ada)

    await rated_unhelpful_and_question_offered(helpdesk, engine, ada, turn)
    [ticket] = await filed(engine)
    described = ticket["description"] or ""
    assert still in described if still else said not in described  # no "tried all that"


async def test_saying_an_answer_did_not_help_after_another_message_is_about_that_answer(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn
) -> None:
    """"that didn't help" after "my tickets" (or a question of the bot's) in between was a
    new question of its own: nothing found, and "File it" filed a ticket titled "that didn't
    help". It is about the person's latest answer, rated and offered as before."""
    ada = await answered(helpdesk, engine, model)
    await helpdesk.say("my tickets", user=ada)

    turn = await helpdesk.say("that didn't help", user=ada)

    await rated_unhelpful_and_question_offered(helpdesk, engine, ada, turn)


async def test_saying_nothing_helped_with_no_answer_to_speak_of_files_nothing(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")

    turn = await helpdesk.say("that didn't help", user=ada)
    again = await helpdesk.say("yes", user=ada)

    assert turn.texts == ["Sorry about that. Tell me what you need in a few words, or say "
                          "`new ticket` and the service desk will look into it."]
    assert "Filed" not in " ".join(again.texts) and await filed(engine) == []


@pytest.mark.parametrize("said", [
    "does it work on a mac too", "is it the same on my phone?", "what does it mean",
])
async def test_a_question_about_it_right_after_an_answer_goes_to_the_assistant(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn, said: str
) -> None:
    """With no ticket shown, "does it work on a mac too" right after an answer was "Which
    ticket? Say its number": "it" is what the answer was about."""
    ada = await answered(helpdesk, engine, model)
    model.then(Completion("Phones on FH-Staff-BYOD are disconnected after 8 hours [1]."))

    turn = await helpdesk.say(said, user=ada)

    assert turn.texts == ["Looking that up in the help documents…"], turn.texts
    await wait_for_answers(helpdesk, 2)


@pytest.mark.parametrize("said", [
    "show it", "open it pls", "who has it?", "what's the status of it", "any news on it",
])
async def test_asking_for_it_as_a_ticket_right_after_an_answer_asks_which_ticket(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn, said: str
) -> None:
    """"show it" after an answer went to the help assistant, which found nothing and offered
    to file "show it" as a ticket."""
    ada = await answered(helpdesk, engine, model)

    turn = await helpdesk.say(said, user=ada)

    assert len(turn.texts) == 1 and turn.texts[0].startswith("Which ticket?"), turn.texts
    assert len(model.requests) == 1


UNANSWERED_FOLLOW_UPS = [
    "who do I call about that", "how much does that cost?", "and who pays for that",
]


@pytest.mark.parametrize("follow_up", UNANSWERED_FOLLOW_UPS)
async def test_a_follow_up_filed_with_yes_is_filed_under_the_question_it_followed(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn, follow_up: str
) -> None:
    """A ticket titled "who do I call about that" told the service desk nothing."""
    ada = await answered(helpdesk, engine, model)
    await helpdesk.say(follow_up, user=ada)
    offer = (await wait_for_answers(helpdesk, 2))[1]
    assert "I couldn't find this in the help documents" in texts_in(offer)

    await helpdesk.say("yes", user=ada)

    [ticket] = await filed(engine)
    assert (ticket["title"], ticket["description"]) == (ANSWERED_TITLE, f"{ANSWERED}\n{follow_up}")


async def test_a_follow_up_filed_with_the_button_is_filed_under_the_question_it_followed(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn
) -> None:
    ada = await answered(helpdesk, engine, model)
    await helpdesk.say(UNANSWERED_FOLLOW_UPS[0], user=ada)
    offer = (await wait_for_answers(helpdesk, 2))[1]

    await helpdesk.press("ticket.create", button(offer, "File it")["data"], user=ada)

    [ticket] = await filed(engine)
    assert ticket["title"] == ANSWERED_TITLE
    assert ticket["description"] == f"{ANSWERED}\n{UNANSWERED_FOLLOW_UPS[0]}"


async def test_a_question_asked_on_its_own_after_an_answer_is_filed_as_it_was_asked(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn
) -> None:
    ada = await answered(helpdesk, engine, model)
    await helpdesk.say(UNDOCUMENTED, user=ada)  # a new problem, not a follow-up
    await wait_for_answers(helpdesk, 2)

    await helpdesk.say("yes", user=ada)

    [ticket] = await filed(engine)
    assert (ticket["title"], ticket["description"]) == (UNDOCUMENTED_TITLE, None)


@pytest.mark.parametrize("tried", [
    "i try restart already not work", "I tried restarting, it still wont connect",
    "already restarted the phone, same thing", "i reboot the phone but still same",
])
async def test_what_was_tried_after_an_answer_is_filed_under_the_question_it_went_on_about(
    helpdesk: Service, engine: AsyncEngine, model: CompletionsStandIn, tried: str
) -> None:
    """"i try restart already not work" after an answer went to the assistant as a question
    of its own, and "ok please make ticket" then filed a ticket titled "I try restart already
    not work": what the problem was got lost."""
    ada = await answered(helpdesk, engine, model)
    await helpdesk.say(tried, user=ada)
    await wait_for_answers(helpdesk, 2)

    turn = await helpdesk.say("ok please make ticket", user=ada)

    assert turn.texts[0] == f"Let's file “{ANSWERED_TITLE}” as a ticket."
    for answer in ("Support", "Low"):
        await helpdesk.say(answer, user=ada)
    [ticket] = await filed(engine)
    assert (ticket["title"], ticket["description"]) == (ANSWERED_TITLE, f"{ANSWERED}\n{tried}")

