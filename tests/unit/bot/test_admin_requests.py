"""Admin and manager requests in the words people type: roles by their everyday names,
people and teams as said (resolved later, never guessed here), and ticket talk left alone."""

from __future__ import annotations

import pytest

from bot.commands import (
    AddToTeam,
    Command,
    CreateTeam,
    Deactivate,
    Invite,
    KeepAsIs,
    ListPeople,
    ListTeams,
    Reactivate,
    RemoveFromTeam,
    SetRole,
    TeamMembers,
    parse,
)

SAM = "sam@ex.com"

PHRASINGS: list[tuple[str, Command | None]] = [
    # invitations: the user role is what the help and people call an agent
    ("invite sam@ex.com as agent", Invite(SAM, "user")),
    ("Invite sam@ex.com as an Agent", Invite(SAM, "user")),
    ("invite sam@ex.com as a technician please", Invite(SAM, "user")),
    ("please invite sam@ex.com as support", Invite(SAM, "user")),
    ("invite sam@ex.com as staff", Invite(SAM, "user")),
    ("invite sam@ex.com as Managers", Invite(SAM, "manager")),
    ("can you invite sam@ex.com as an admin?", Invite(SAM, "admin")),
    ("invite sam@ex.com as customer department Sales", Invite(SAM, "customer", "Sales")),
    ("invte sam@ex.com as agent", Invite(SAM, "user")),
    ("invite sam@ex.com as manager", Invite(SAM, "manager")),
    # out of a team
    ("remove Sam from network", RemoveFromTeam("Sam", "network", named=False)),
    ("please remove sam@ex.com from the Network team", RemoveFromTeam(SAM, "Network")),
    ("take Sam Lee off the network team", RemoveFromTeam("Sam Lee", "network")),
    ("kick @Sam out of networking", RemoveFromTeam("Sam", "networking", named=False)),
    ("take sam off the laptop ticket", RemoveFromTeam("sam", "laptop ticket", named=False)),
    ("remove 4 from the network team", None),
    ("remove it from network", None),
    ("take me off 4", None),
    # without a role: asked for, never assumed
    ("invite sam@ex.com", Invite(SAM, None)),
    ("Invite sam@ex.com please", Invite(SAM, None)),
    ("can you invite sam@ex.com?", Invite(SAM, None)),
    ("invite sam", None),
    # a mistyped address is still an invitation: its error says what is wrong with it
    ("invite sam@ex", Invite("sam@ex", None)),
    ("Invite sam@@ex.com please", Invite("sam@@ex.com", None)),
    ("invite sam@ex,com", Invite("sam@ex,com", None)),
    # who is in a team: read-only
    ("who is in the network team", TeamMembers("network")),
    ("who's on networking?", TeamMembers("networking", named=False)),
    ("members of the network team", TeamMembers("network")),
    ("Who is on the Network team?", TeamMembers("Network")),
    ("show me the members of Facilities", TeamMembers("Facilities", named=False)),
    ("network team members", TeamMembers("network")),
    ("who's in network", TeamMembers("network", named=False)),
    ("list the members of the facilities team pls", TeamMembers("facilities")),
    # adding someone to a team
    ("add casey to the network team", AddToTeam("casey", "network")),
    # a team whose name starts with "it" (IT Support), or has words of its own: only when a
    # team has that name is it one (see `bot.admin.answers`)
    ("add sam to it support", AddToTeam("sam", "it support", named=False)),
    ("who is in IT Support?", TeamMembers("IT Support", named=False)),
    ("who's on the service desk", TeamMembers("service desk", named=False)),
    ("remove lee from IT Ops", RemoveFromTeam("lee", "IT Ops", named=False)),
    ("add sam to it", None),
    ("who is in it", None),
    ("put Sam in networking", AddToTeam("Sam", "networking", named=False)),
    ("add @Sam to Network", AddToTeam("Sam", "Network", named=False)),
    ("please add sam@ex.com to the Facilities team", AddToTeam(SAM, "Facilities")),
    ("add Lee Adams to network team", AddToTeam("Lee Adams", "network")),
    ("put <at>Sam Agent</at> on the network team", AddToTeam("mention", "network")),
    ("can you add casey to facilities?", AddToTeam("casey", "facilities", named=False)),
    ("team add sam@ex.com Network", AddToTeam(SAM, "Network")),
    # role changes: proposed first (confirmed=False), the exact syntax runs
    ("make alex a manager", SetRole("alex", "manager", confirmed=False)),
    ("change Lee's role to customer", SetRole("Lee", "customer", confirmed=False)),
    ("promote sam to admin", SetRole("sam", "admin", confirmed=False)),
    ("set alex's role to agent", SetRole("alex", "user", confirmed=False)),
    ("make sam an agent pls", SetRole("sam", "user", confirmed=False)),
    ("change the role of lee to Manager", SetRole("lee", "manager", confirmed=False)),
    ("demote sam@ex.com to technician", SetRole(SAM, "user", confirmed=False)),
    ("role sam@ex.com agent", SetRole(SAM, "user")),
    # deactivation: proposed first, the exact syntax with an email runs
    ("deactivate Sam", Deactivate("Sam", confirmed=False)),
    ("please deactivate sam@ex.com", Deactivate(SAM, confirmed=False)),
    ("disable Lee's account", Deactivate("Lee", confirmed=False)),
    ("deactivate @Sam", Deactivate("Sam", confirmed=False)),
    ("deactivate sam@ex.com", Deactivate(SAM)),
    # teams
    ("create a team called Facilities", CreateTeam("Facilities")),
    ("new team Facilities", CreateTeam("Facilities")),
    ("make a new team named Field Support", CreateTeam("Field Support")),
    ("create team HR", CreateTeam("HR")),
    ("add a team called Network Ops please", CreateTeam("Network Ops")),
    ("team create Network", CreateTeam("Network")),
    # a second round, written after the parser (held out: 14/28 before it was widened, 28/28 after)
    ("could you please add Priya to the Facilities team?", AddToTeam("Priya", "Facilities")),
    ("add priya into network", AddToTeam("priya", "network", named=False)),
    ("who works in the network team?", TeamMembers("network")),
    ("who belongs to network?", TeamMembers("network", named=False)),
    ("list network team members", TeamMembers("network")),
    ("who are the members of the network team", TeamMembers("network")),
    ("team members of network", TeamMembers("network", named=False)),
    ("whos in networking", TeamMembers("networking", named=False)),
    ("set sam as admin", SetRole("sam", "admin", confirmed=False)),
    ("change sam to a manager", SetRole("sam", "manager", confirmed=False)),
    ("make sam admin", SetRole("sam", "admin", confirmed=False)),
    ("give sam the manager role", SetRole("sam", "manager", confirmed=False)),
    ("sam should be a manager", SetRole("sam", "manager", confirmed=False)),
    ("make lee brown manager", SetRole("lee brown", "manager", confirmed=False)),
    ("pls make Lee Brown a manager", SetRole("Lee Brown", "manager", confirmed=False)),
    ("deactivate the account of sam", Deactivate("sam", confirmed=False)),
    ("disable sam", Deactivate("sam", confirmed=False)),
    ("hey can you deactivate sam@ex.com thanks", Deactivate(SAM, confirmed=False)),
    ("deactviate sam", Deactivate("sam", confirmed=False)),  # a slip is mended
    # "reactivate" is a word, one letter from "deactivate": never mended into it
    ("reactivate sam@ex.com", Reactivate(SAM)),
    ("please reactivate Sam", Reactivate("Sam", confirmed=False)),
    ("re-activate Lee's account", Reactivate("Lee", confirmed=False)),
    ("activate sam again", Reactivate("sam", confirmed=False)),
    ("enable notifications", None),
    ("keep sam@ex.com deactivated", KeepAsIs(SAM)),
    ("create new team: Facilities", CreateTeam("Facilities")),
    ("set up a team for Facilities", CreateTeam("Facilities")),
    ("invite sam@ex.com as a support agent", Invite(SAM, "user")),
    ("invite sam@ex.com to be an agent", Invite(SAM, "user")),
    ("add sam & lee to network", None),  # one person at a time: not read as one name
    # a team only if one is called that (else read as any other message: see the e2e test)
    ("add me to the watchers please", AddToTeam("me", "watchers", named=False)),
    ("set 4 to closed", None),
    ("change it to urgent", None),
    ("it should be high", None),
    ("make it an incident", None),
    ("the printer should be fixed", None),
    # the teams there are
    ("list teams", ListTeams()),
    ("what teams are there?", ListTeams()),
    ("Show me all the teams", ListTeams()),
    ("which teams am I in", ListTeams()),
    ("teams list", ListTeams()),
    ("teams", None),
    ("list team tickets", None),
    ("show me the teams tickets", None),
    ("what teams are working on 12", None),
    # the people there are (admins only)
    ("list users", ListPeople()), ("Show me all the people", ListPeople()),
    ("users list", ListPeople()), ("who has access?", ListPeople()),
    ("who has an account", ListPeople()), ("list everyone pls", ListPeople()),
    ("who are the admins?", ListPeople("admin")), ("list managers", ListPeople("manager")),
    ("show me the agents", ListPeople("user")), ("who are our customers", ListPeople("customer")),
    ("list all techs", ListPeople("user")),
    ("list users tickets", None), ("who are the agents on 12", None),
    ("show me the customer's tickets", None), ("who has the printer ticket", None),
    # ticket talk is never an admin request
    ("make 4 urgent", None),
    ("put 4 on the network team", None),
    ("put it in networking", None),
    ("add this to the network team", None),
    ("add a comment to 12", None),
    ("who is working on 12?", None),
    ("make it high priority", None),
    ("create a ticket called printer jam", None),
    ("who is on call tonight?", TeamMembers("call tonight", named=False)),  # no such team: other
    ("make the printer ticket urgent", None),
    ("disabled accounts can't log in", None),
    ("invites from outlook are broken", None),
    ("promoted posts are not showing", None),
]


@pytest.mark.parametrize(("said", "request_"), PHRASINGS)
def test_admin_requests_are_read_as_people_phrase_them(
    said: str, request_: Command | None
) -> None:
    assert parse(said) == request_


def test_the_table_is_varied_enough() -> None:
    assert len(PHRASINGS) >= 30
