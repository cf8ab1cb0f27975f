"""A work-log note about the ticket in view is told apart from a question or a problem."""

from __future__ import annotations

import pytest

from bot.understanding.worklog import reports_work


@pytest.mark.parametrize("said", [
    "left a voicemail for the requester, waiting to hear back",
    "called the user, no answer",
    "Rang her twice this morning",
    "spoke to the vendor, part arrives thursday",
    "emailed the customer for more info",
    "I've emailed them asking for the asset number",
    "just pinged Sam about it",
    "replaced the toner, testing now",
    "rebooted the switch",
    "we reimaged the laptop yesterday",
    "ordered a new PSU",
    "escalated to the network team",
    "tried another cable, same thing",
    "waiting on the user to confirm",
    "still waiting for the vendor",
    "im waiting for a reply from HR",
    "no response from user yet",
    "still no reply from the customer",
    "user says it's still broken",
    "Customer confirmed it works now",
    "followed up by email",
    # what is being done or will be done, what was found
    "looks like a dead battery, ordering a new one",
    "Seems to be the PSU - swapping it now",
    "probably the dock, so replacing it",
    "ordering a replacement battery",
    "part ordered, eta friday",
    "New battery ordered",
    "toner replaced",
    "ticket escalated to network",
    "turned out to be a loose cable",
    "Root cause was an expired certificate",
    "found the problem: stale dns cache",
    "will swap the battery tomorrow",
    "I'll call them back after lunch",
    "going to reimage it this afternoon",
    "heading over to their desk now",
    "on my way to check it",
    "omw",
    "looking into it",
    "remoted in and cleared the print queue",
    "rebooted it, which fixed it",
    "replaced the toner, is working now",
    "called the user and asked when they are free",
    # what is being done, said of why or when, is still work
    "looking into why outlook keeps crashing",
    "rebooting the switch that is stuck",
    "scheduling a visit for when she is back",
])
def test_a_work_note_reports_work(said: str) -> None:
    assert reports_work(said)


@pytest.mark.parametrize("said", [
    "forgot my password",
    "locked out again",
    "printer jammed",
    "my laptop is slow",
    "called the user, what next?",
    "how do I reset it",
    "can you call the user",
    "who emailed the customer?",
    "the printer on floor 2 is jammed",
    "outlook keeps crashing since the update",
    "reset my password but still can't log in",
    "waiting room screen is blank",
    "",
    # a problem told as it looks, with no work on it; a question; a status asked after
    "looks like outlook is down for everyone",
    "looks like the battery is dead",
    "seems like the wifi is slow again, is anyone on it",
    "will it be fixed today",
    "will someone call me",
    "I'll be out tomorrow",
    "checking in on my ticket",
    "following up on my ticket from last week",
    "ordering a new laptop, how do I do that",
    "testing 123",
    "my screen replaced the old one and now it flickers?",
    "my order arrived broken",
    # a problem told of something being done, or of a thing done: no work on it
    "installing teams keeps failing",
    "booking a meeting room does not work",
    "scheduling a meeting in outlook crashes",
    "rebooting my laptop every morning is annoying",
    "calling from my mobile drops after 5 minutes",
    "restarting my laptop fixes it for an hour",
    "replacing the battery didn't help",
    "the toner i ordered never came",
    "new laptop ordered for me last month still not here",
    "looks like the vpn is down and rebooting does nothing",
])
def test_a_problem_or_a_question_is_no_work_note(said: str) -> None:
    assert not reports_work(said)
