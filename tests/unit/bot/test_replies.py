"""Why an action was refused, in one sentence ended once."""

import pytest

from bot.replies import explain
from domain.errors import (
    Conflict, DomainError, InvalidTransition, InvalidValue, InvitationUnusable, NotAllowed,
    TeamNotFound, UserNotFound,
)


@pytest.mark.parametrize(("error", "said"), [
    (InvalidValue("webhook_url", "The webhook URL must use https."),
     "That webhook URL won't work: the webhook URL must use https."),
    (InvalidValue("webhook_url", "evil.example.com is not an allowed webhook host."),
     "That webhook URL won't work: evil.example.com is not an allowed webhook host."),
    (InvalidValue("title", "a title is required"), "That title won't work: a title is required."),
    (NotAllowed("customers cannot assign tickets"),
     "Sorry, you can't do that: customers cannot assign tickets."),
    (NotAllowed("are you sure?"), "Sorry, you can't do that: are you sure?"),
    (InvalidTransition("TKT-2026-0004 is already resolved"), "TKT-2026-0004 is already resolved."),
    (Conflict("a team named facilities already exists"),
     "A team named facilities already exists."),
    (InvitationUnusable("the invitation for dana@example.com is expired"),
     "The invitation for dana@example.com is expired."),
    (Conflict("dana@example.com is already a TicketFlow user"),
     "dana@example.com is already a TicketFlow user."),
    (TeamNotFound("Shadow"), "I can't find the team Shadow: say `list teams` to see the teams."),
    (UserNotFound("dana@example.com"), "I can't find the user dana@example.com."),
])
def test_a_refusal_is_one_sentence_with_one_full_stop(error: DomainError, said: str) -> None:
    assert explain(error) == said
