"""Asking for what is missing, one question at a time: assign, comment, status and update.

Over HTTP with the stand-in Bot Connector; the answer may be a button's label, its
number, a prefix of it or free words, and a clear command in between is handled.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, tasks
from tests.e2e.service import (
    Service, a_ticket, mia_and_her_ticket, person_in_teams, presses, running_service, texts_in,
    ticket_row,
)
from tests.e2e.teams_doubles.activities import senders_today
from tests.integration.builders import insert_person, insert_team


async def comments(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        return list((await connection.execute(select(task_comments.c.content))).scalars())


async def test_assign_asks_who_and_a_typed_full_name_answers(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    lee = await insert_person(engine, "Lee", "Park")
    number = await a_ticket(engine, manager)
    asked = await service.say(f"assign {number}", user=mia)
    assert asked.texts[0] == f"Who should take {number}? Pick one, or type a name or an email."
    done = await service.say("lee park", user=mia)
    assert "Assigned to Lee Park." in texts_in(done.card)
    assert (await ticket_row(engine))["assignee_id"] == lee


async def test_an_assign_question_takes_a_number_an_email_or_a_unique_prefix(
    service: Service, engine: AsyncEngine
) -> None:
    agent, ada = await person_in_teams(service, engine, "Ada", "Agent")
    network = await insert_team(engine, "Network", agent)
    first, second = await a_ticket(engine, agent), await a_ticket(engine, agent, "Mouse lost")
    asked = await service.say(f"assign {first}", user=ada)
    assert list(presses(asked)) == ["Me (Ada Agent)", "Team Network"]
    by_number = await service.say("2", user=ada)
    assert "Assigned to Team Network." in texts_in(by_number.card)
    assert (await ticket_row_of(engine, first))["assignee_team_id"] == network
    await service.say(f"please assign {second}", user=ada)
    by_prefix = await service.say("me", user=ada)
    assert "Assigned to Ada Agent." in texts_in(by_prefix.card)
    await service.say(f"assign {second}", user=ada)
    out_of_range = await service.say("7", user=ada)
    assert out_of_range.texts[0].startswith("Pick a number from 1 to 2")
    by_email = await service.say("ada.agent@example.com", user=ada)
    # the email named Ada, who already has it: said so, nothing written again
    assert f"{second} is already assigned to Ada Agent." in texts_in(by_email.card)


async def ticket_row_of(engine: AsyncEngine, number: str) -> dict[str, object]:
    async with engine.connect() as connection:
        found = await connection.execute(select(tasks).where(tasks.c.ticket_number == number))
        return dict(found.mappings().one())


async def test_an_answer_naming_two_people_asks_which_one_then_takes_the_choice(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_person(engine, "Lee", "Park")
    chen = await insert_person(engine, "Lee", "Chen")
    number = await a_ticket(engine, manager)
    await service.say(f"give {number} to someone", user=mia)  # nobody called "someone"
    await service.say(f"assign {number}", user=mia)
    which = await service.say("Lee", user=mia)
    assert which.texts == ["Which Lee do you mean?"]
    assert (await ticket_row(engine))["assignee_id"] is None
    unknown = await service.say("Leeroy", user=mia)
    assert unknown.texts[0].startswith("I couldn't find “Leeroy”.")
    done = await service.say("lee c", user=mia)
    assert "Assigned to Lee Chen." in texts_in(done.card)
    assert (await ticket_row(engine))["assignee_id"] == chen


@pytest.mark.parametrize("opening", ["I'd like to comment on {}", "can I add a comment to {}?"])
async def test_comment_asks_for_the_text_and_a_resent_answer_comments_once(
    service: Service, engine: AsyncEngine, opening: str
) -> None:
    agent, ada = await person_in_teams(service, engine, "Ada", "Agent")
    number = await a_ticket(engine, agent)
    asked = await service.say(opening.format(number), user=ada)
    assert asked.texts == [f"What's your comment on {number}?"]
    assert await comments(engine) == []
    answer = service.teams.personal_message("Swapped the toner,\nprints fine now", user=ada)
    first = await service.send(answer)
    resent = await service.send(answer)
    assert "Comment added." in texts_in(first.card)
    assert resent.answer.status == 200
    assert await comments(engine) == ["Swapped the toner,\nprints fine now"]
    after = await service.say("close it please", user=ada)  # the question is answered: a command
    assert f"{number} is now closed." in texts_in(after.card)
    assert await comments(engine) == ["Swapped the toner,\nprints fine now"]


async def test_a_comment_that_reads_like_a_command_without_a_ticket_is_still_the_comment(
    service: Service, engine: AsyncEngine
) -> None:
    agent, ada = await person_in_teams(service, engine, "Ada", "Agent")
    number = await a_ticket(engine, agent)
    await service.say(f"add a comment to {number}", user=ada)
    done = await service.say("Started on it, will close it tomorrow", user=ada)
    assert "Comment added." in texts_in(done.card)
    assert (await ticket_row(engine))["status"] == "open"
    assert await comments(engine) == ["Started on it, will close it tomorrow"]


@pytest.mark.parametrize("command", ["put {} on hold", "set {} to in progress", "close {}"])
async def test_a_command_on_another_ticket_by_its_bare_number_is_made_not_posted_as_the_comment(
    service: Service, engine: AsyncEngine, command: str
) -> None:
    """Under "What's your comment on 1?", "put 2 on hold" was posted on 1, where its requester
    reads it; "put #2 on hold" was already made."""
    agent, ada = await person_in_teams(service, engine, "Ada", "Agent")
    first, second = await a_ticket(engine, agent), await a_ticket(engine, agent, "Mouse lost")
    await service.say(f"add a comment to {first}", user=ada)
    await service.say(command.format(int(second.rsplit("-", 1)[1])), user=ada)
    assert await comments(engine) == []
    assert (await ticket_row_of(engine, second))["status"] != "open"
    assert (await ticket_row_of(engine, first))["status"] == "open"


async def test_a_comment_telling_of_another_ticket_is_still_the_comment(
    service: Service, engine: AsyncEngine
) -> None:
    agent, ada = await person_in_teams(service, engine, "Ada", "Agent")
    first, second = await a_ticket(engine, agent), await a_ticket(engine, agent, "Mouse lost")
    await service.say(f"add a comment to {first}", user=ada)
    told = f"{int(second.rsplit('-', 1)[1])} had the same fault, a new cable fixed both"
    done = await service.say(told, user=ada)
    assert "Comment added." in texts_in(done.card)
    assert await comments(engine) == [told]
    assert (await ticket_row_of(engine, second))["status"] == "open"


async def test_change_the_status_takes_everyday_words_and_refuses_what_it_cannot_become(
    service: Service, engine: AsyncEngine
) -> None:
    mia, number = await mia_and_her_ticket(service, engine)
    asked = await service.say(f"change the status of {number}", user=mia)
    assert list(presses(asked)) == ["In progress", "On hold", "Resolved", "Closed"]
    again = await service.say("banana", user=mia)
    assert again.texts[0].startswith("“banana” is not a status I know.")
    assert list(presses(again)) == ["In progress", "On hold", "Resolved", "Closed"]
    done = await service.say("I'm working on it", user=mia)
    assert f"{number} is now in progress." in texts_in(done.card)
    await service.say(f"status of {number}?", user=mia)
    await service.say(f"change the status of {number}", user=mia)
    fixed = await service.say("fixed", user=mia)
    assert f"{number} is now resolved." in texts_in(fixed.card)


async def test_update_asks_which_field_showing_its_value_then_the_new_value(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    number = await a_ticket(engine, manager, "VPN drops")
    asked = await service.say(f"update ticket {number}", user=mia)
    assert asked.texts[0] == f"What should change on {number}? Pick a field."
    assert list(presses(asked)) == [
        "Title: VPN drops", "Description: none", "Priority: medium", "Category: support",
        "Due date: none", "Severity: normal",
    ]
    value = await service.say("priority", user=mia)
    assert value.texts[0] == f"Which priority should {number} get?"
    assert list(presses(value)) == ["Low", "Medium", "High", "Urgent"]
    done = await service.say("urgent", user=mia)
    assert "Saved: priority." in texts_in(done.card)
    await service.say(f"edit {number}", user=mia)
    await service.say("1", user=mia)
    renamed = await service.say("“VPN drops on hotel wifi”", user=mia)
    assert "Saved: title." in texts_in(renamed.card)
    await service.say(f"change {number}", user=mia)
    today = senders_today()  # the sender's day; midnight may pass while it answers
    due = await service.say("the due date is in 3 days", user=mia)
    in_3_days = {(day + timedelta(days=3)).isoformat() for day in (today, senders_today())}
    assert "Saved: due date." in texts_in(due.card)
    row = await ticket_row(engine)
    assert (row["priority"], row["title"]) == ("urgent", "VPN drops on hotel wifi")
    assert str(row["due_date"])[:10] in in_3_days


async def test_a_customer_is_offered_only_what_they_may_edit(
    service: Service, engine: AsyncEngine
) -> None:
    customer, cleo = await person_in_teams(service, engine, "Cleo", "Customer", role="customer")
    number = await a_ticket(engine, customer, "Invoice missing")
    asked = await service.say(f"edit {number}", user=cleo)
    assert list(presses(asked)) == ["Title: Invoice missing", "Description: none"]
    refused = await service.say("priority", user=cleo)
    assert refused.texts[0].startswith("“priority” is not a field I can change here.")
    await service.say("description", user=cleo)
    done = await service.say("The March invoice never arrived by email.", user=cleo)
    assert "Saved: description." in texts_in(done.card)


async def test_cancel_at_every_step_changes_nothing(service: Service, engine: AsyncEngine) -> None:
    mia, number = await mia_and_her_ticket(service, engine)
    for opening, answers in (
        (f"comment on {number}", []), (f"assign {number}", []),
        (f"change the status of {number}", ["banana"]), (f"update {number}", ["priority"]),
    ):
        await service.say(opening, user=mia)
        for answer in answers:
            await service.say(answer, user=mia)
        cancelled = await service.say("never mind", user=mia)
        assert cancelled.texts == ["Cancelled. Nothing was saved."], opening
        nothing = await service.say("urgent", user=mia)  # no question any more
        assert not any("Saved" in text for text in nothing.texts)
    await service.say(f"assign {number}", user=mia)
    declined = await service.say("actually don't assign it yet", user=mia)
    assert declined.texts == [f"OK, I'll leave {number} as it is."]
    after = await service.say("me", user=mia)  # the question is gone: not an answer
    assert not any("Assigned" in text for text in after.texts)
    row = await ticket_row(engine)
    assert (row["status"], row["priority"], row["assignee_id"]) == ("open", "medium", None)
    assert await comments(engine) == []


async def test_a_clear_command_while_a_question_waits_is_handled_and_help_resumes(
    service: Service, engine: AsyncEngine
) -> None:
    agent, ada = await person_in_teams(service, engine, "Ada", "Agent")
    number = await a_ticket(engine, agent)
    other = await a_ticket(engine, agent, "Keyboard sticky")
    await service.say(f"comment on {number}", user=ada)
    helped = await service.say("help", user=ada)
    assert helped.cards and helped.texts[-1].startswith("I'm still waiting for your answer:")
    listed = await service.say("show me my open tickets", user=ada)
    assert listed.texts[0] == f"(I've dropped my question about {number}.)"
    assert listed.cards
    await service.say(f"comment on {number}", user=ada)
    shown = await service.say(f"show {other}", user=ada)
    assert "Keyboard sticky" in texts_in(shown.card)
    assert await comments(engine) == []


async def test_a_restart_between_question_and_answer_keeps_the_question(
    service: Service, engine: AsyncEngine, database_url: str
) -> None:
    agent, ada = await person_in_teams(service, engine, "Ada", "Agent")
    number = await a_ticket(engine, agent)
    await service.say(f"update {number}", user=ada)
    async with running_service(database_url, service.connector, service.teams) as restarted:
        asked = await restarted.say("title", user=ada)
        assert asked.texts[0] == f"What should the new title of {number} be?"
    async with running_service(database_url, service.connector, service.teams) as replica:
        done = await replica.say("Printer on floor 3 jams on every job", user=ada)
    assert "Saved: title." in texts_in(done.card)
    assert (await ticket_row(engine))["title"] == "Printer on floor 3 jams on every job"


async def test_its_status_after_a_ticket_was_shown_offers_the_statuses_it_can_move_to(
    service: Service, engine: AsyncEngine
) -> None:
    mia, number = await mia_and_her_ticket(service, engine)
    await service.say(f"show {number}", user=mia)
    asked = await service.say("change its status", user=mia)
    assert asked.texts[0] == f"Which status should {number} get?"
    assert list(presses(asked)) == ["In progress", "On hold", "Resolved", "Closed"]
    assert (await ticket_row(engine))["status"] == "open"
    done = await service.say("on h", user=mia)  # a unique prefix of a label
    assert f"{number} is now on hold." in texts_in(done.card)
    moved = await service.say(f"move ticket {number}", user=mia)
    assert list(presses(moved)) == ["Open", "In progress", "Resolved", "Closed"]


async def test_its_priority_asks_for_the_priority_only_and_a_customer_is_refused(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    customer, cleo = await person_in_teams(service, engine, "Cleo", "Customer", role="customer")
    number = await a_ticket(engine, manager)
    theirs = await a_ticket(engine, customer, "Invoice missing")
    await service.say(f"show {number}", user=mia)
    asked = await service.say("bump it", user=mia)
    assert asked.texts[0] == f"Which priority should {number} get?"
    assert list(presses(asked)) == ["Low", "Medium", "High", "Urgent"]
    done = await service.say("3", user=mia)
    assert "Saved: priority." in texts_in(done.card)
    assert (await ticket_row_of(engine, number))["priority"] == "high"
    refused = await service.say(f"change the priority of {theirs}", user=cleo)
    assert not presses(refused) and "priority" in " ".join(refused.texts)
    renamed = await service.say(f"rename {theirs}", user=cleo)
    assert renamed.texts[0] == f"What should the new title of {theirs} be?"
    assert (await ticket_row_of(engine, theirs))["priority"] == "medium"


async def test_delete_is_offered_as_close_and_a_hedge_is_asked_before_anything_changes(
    service: Service, engine: AsyncEngine
) -> None:
    mia, number = await mia_and_her_ticket(service, engine)
    asked = await service.say(f"delete {number}", user=mia)
    assert asked.texts[0] == f"Tickets aren't deleted. Should {number} be closed?"
    assert list(presses(asked)) == ["Yes, close it", "Resolve it instead"]
    assert (await ticket_row(engine))["status"] == "open"
    declined = await service.say("no", user=mia)
    assert declined.texts == [f"OK, I'll leave {number} as it is."]
    hedged = await service.say(f"I think {number} is fixed", user=mia)
    assert hedged.texts[0] == f"Should {number} be resolved?"
    assert (await ticket_row(engine))["status"] == "open"
    done = await service.say("yes", user=mia)
    assert f"{number} is now resolved." in texts_in(done.card)


async def test_a_hedge_or_question_about_a_ticket_while_a_question_waits_is_a_message_of_its_own(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    number, other = await a_ticket(engine, manager), await a_ticket(engine, manager, "VPN drops")
    await service.say(f"change the status of {number}", user=mia)
    hedged = await service.say(f"I think {other} is fixed", user=mia)
    assert hedged.texts[0] == f"(I've dropped my question about {number}.)"
    assert f"Should {other} be resolved?" in hedged.texts
    assert [(await ticket_row_of(engine, n))["status"] for n in (number, other)] == ["open", "open"]
    done = await service.say("yes", user=mia)
    assert f"{other} is now resolved." in texts_in(done.card)
    assert (await ticket_row_of(engine, number))["status"] == "open"
    await service.say(f"assign {number}", user=mia)
    asked = await service.say(f"is {other} done yet?", user=mia)
    assert asked.texts[0] == f"(I've dropped my question about {number}.)"
    assert "VPN drops" in texts_in(asked.card)
    assert (await ticket_row_of(engine, number))["assignee_id"] is None


async def test_a_change_of_tickets_by_bare_number_while_a_status_question_waits_is_made(
    service: Service, engine: AsyncEngine
) -> None:
    """"reopen 1 and 2" or "set 2 to urgent and in progress" to "Which status should 1
    get?" (five buttons, numbered 1 to 5) is a request of its own, not a status called
    "reopen 1 and 2": the question is dropped and the changes made."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first, second = await a_ticket(engine, manager), await a_ticket(engine, manager, "VPN drops")
    bare_first, bare_second = (str(int(number.rsplit("-", 1)[1])) for number in (first, second))
    await service.say(f"change the status of {first} to banana", user=mia)
    both = await service.say(f"put {bare_first} and {bare_second} on hold", user=mia)
    assert both.texts[0] == f"(I've dropped my question about {first}.)"
    assert [(await ticket_row_of(engine, n))["status"] for n in (first, second)] == ["on_hold"] * 2
    await service.say(f"change the status of {first} to banana", user=mia)
    two = await service.say(f"set {bare_second} to urgent and in progress", user=mia)
    assert two.texts[0] == f"(I've dropped my question about {first}.)"
    row = await ticket_row_of(engine, second)
    assert (row["priority"], row["status"]) == ("urgent", "in_progress")
    assert (await ticket_row_of(engine, first))["priority"] == "medium"


async def test_an_assignment_naming_no_ticket_asks_about_the_ticket_just_shown(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    number = await a_ticket(engine, manager, "VPN drops")
    await a_ticket(engine, manager, "Printer jams")  # two open: which one is not guessed
    alone = await service.say("The VPN is down again. Please assign to network team", user=mia)
    assert alone.texts == ["You have 2 open tickets: which one do you mean?"]
    assert alone.buttons == [f"{number} · VPN drops", f"{number[:-1]}2 · Printer jams"]
    assert not alone.cards
    await service.say(f"show {number}", user=mia)
    asked = await service.say("The VPN is down again. Please assign to network team", user=mia)
    assert asked.texts[0] == f"Should Network take {number}?"
    assert (await ticket_row_of(engine, number))["assignee_team_id"] is None
    done = await service.say("yes", user=mia)
    assert "Assigned to Team Network." in texts_in(done.card)
    assert (await ticket_row_of(engine, number))["assignee_team_id"] == network


async def test_thanks_to_a_question_leaves_the_ticket_and_ok_asks_again(
    service: Service, engine: AsyncEngine
) -> None:
    """"thanks!" to "Who should take 4?" is no one's name: the question is let go, nothing
    changes; "ok" is no answer either, so the question is said once more."""
    mia, number = await mia_and_her_ticket(service, engine)
    for thanks in ("thanks!", "ok thanks", "thank you"):
        await service.say(f"assign {number}", user=mia)
        left = await service.say(thanks, user=mia)
        assert left.texts == [f"OK, I'll leave {number} as it is."], thanks
        after = await service.say("me", user=mia)  # no question any more: not an answer
        assert not any("Assigned" in text for text in after.texts)
    await service.say(f"change the status of {number}", user=mia)
    again = await service.say("ok", user=mia)
    assert again.texts[0].startswith("I'm still waiting for your answer: Which status"), again.texts
    await service.say("on hold", user=mia)
    row = await ticket_row(engine)
    assert (row["status"], row["assignee_id"]) == ("on_hold", None)


async def test_a_list_asked_for_under_a_status_or_priority_question_is_listed(
    service: Service, engine: AsyncEngine
) -> None:
    """"what came in today" to "Which status should 4 get?" is no status: the list is shown
    and the question let go (it was answered "… is not a status I know" before)."""
    mia, number = await mia_and_her_ticket(service, engine)
    for question, said in ((f"change the status of {number}", "what came in today"),
                           (f"change the status of {number}", "anything unassigned?"),
                           (f"change the priority of {number}", "urgent ones")):
        await service.say(question, user=mia)
        listed = await service.say(said, user=mia)
        assert listed.texts[0] == f"(I've dropped my question about {number}.)", (said, listed.texts)
        assert listed.cards and "not a status" not in " ".join(listed.texts), said
    await service.say(f"change the status of {number}", user=mia)
    held = await service.say("on hold till monday", user=mia)
    assert any(f"{number} is now on hold" in text for text in [texts_in(held.card), *held.texts])
    row = await ticket_row(engine)
    assert (row["status"], row["priority"]) == ("on_hold", "medium")


async def test_a_reply_to_the_customer_is_a_comment_on_the_ticket_in_view(
    service: Service, engine: AsyncEngine
) -> None:
    """"reply to the customer: …" got "Sorry, I didn't get …": what is said to whoever filed
    the ticket shown is a comment on it; "let the customer know" with nothing said is not."""
    mia, number = await mia_and_her_ticket(service, engine)
    await service.say(f"show {number}", user=mia)
    await service.say("reply to the customer: a technician is on the way", user=mia)
    await service.say("let the user know we ordered the part", user=mia)
    assert await comments(engine) == ["a technician is on the way", "we ordered the part"]


def short(number: str) -> str:
    return str(int(number.rsplit("-", 1)[1]))


@pytest.mark.parametrize(("asking", "instead", "expected"), [
    ("assign {n}", "change the priority of {n}", "Which priority should {number} get?"),
    ("change the status of {n}", "update the title of {n}",
     "What should the new title of {number} be?"),
    ("assign {n}", "put {n} on hold", "{number} is now on hold."),
])
async def test_another_request_of_the_ticket_said_by_its_short_number_drops_the_question(
    service: Service, engine: AsyncEngine, asking: str, instead: str, expected: str
) -> None:
    """Found trying the bot as an agent: under "Who should take TKT-…-0002?", "change the
    priority of 2" was answered "I couldn't find “change the priority of 2”" and asked again."""
    mia, number = await mia_and_her_ticket(service, engine)
    await service.say(asking.format(n=short(number)), user=mia)

    turn = await service.say(instead.format(n=short(number)), user=mia)

    assert turn.texts[0] == f"(I've dropped my question about {number}.)", turn.texts
    said = turn.texts[1:] + ([texts_in(turn.card)] if turn.cards else [])
    assert expected.format(number=number) in "\n".join(said), said


@pytest.mark.parametrize("unsure", [
    "not sure", "hmm not sure, whatever you think", "idk", "no idea tbh", "you decide",
    "up to you", "dunno",
])
async def test_not_knowing_the_answer_to_a_choice_leaves_the_ticket_as_it_is(
    service: Service, engine: AsyncEngine, unsure: str
) -> None:
    """Found trying the bot as an agent: "hmm not sure, whatever you think" under "Who should
    take …?" was answered "I couldn't find “hmm not sure, whatever you think”" and asked
    again. The bot never picks someone (or a status) for a person who does not know."""
    mia, number = await mia_and_her_ticket(service, engine)
    await service.say(f"assign {number}", user=mia)

    turn = await service.say(unsure, user=mia)

    assert turn.texts == [f"OK, I'll leave {number} as it is."], turn.texts
    row = await ticket_row(engine)
    assert (row["status"], row["assignee_id"]) == ("open", None)
    after = await service.say("me", user=mia)  # the question is gone: not an answer
    assert not any("Assigned" in text for text in after.texts)
    assert (await ticket_row(engine))["assignee_id"] is None
