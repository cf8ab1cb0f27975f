"""Seed the card bench's managers with whichever code is first on the path.

    python bench/turns_seed.py URL COUNT PREFIX   # prints [[id, number, version], ...]

`bench.turns_against` runs this file with another commit's code on PYTHONPATH, so each
side's database is seeded by its own domain services: `COUNT` managers in teams of ten,
each with a ticket assigned to them. It only imports db/ and domain/, whose seeding calls
have kept their names since the commit before the conversation work (an assignment was
`assign_ticket` then and is `update_ticket` now).
"""

from __future__ import annotations

import asyncio
import json
import sys

TEAM_SIZE = 10


async def seed_managers(url: str, count: int, prefix: str) -> list[tuple[int, str, str]]:
    from db.engine import create_engine
    from db.uow import SqlUnitOfWork
    from domain.actors import Operator
    from domain.people import Role
    from domain.services import people, tickets
    from domain.services.overview import current_user
    from domain.tickets import Assignee

    engine = create_engine(url.replace("postgresql://", "postgresql+asyncpg://"))
    operator = Operator("bench")
    seeded = []
    try:
        team = None
        for index in range(count):
            if index % TEAM_SIZE == 0:
                team = await people.create_team(uow=SqlUnitOfWork(engine), actor=operator,
                                                name=f"Bench {prefix} {index // TEAM_SIZE}")
            assert team is not None
            user = await people.add_user(uow=SqlUnitOfWork(engine), actor=operator,
                                         email=f"{prefix}{index}@example.com", role=Role.MANAGER,
                                         first_name="Bench", last_name=str(index))
            await people.add_team_member(uow=SqlUnitOfWork(engine), actor=operator,
                                         team=team.id, user_id=user.id)
            viewer = await current_user(uow=SqlUnitOfWork(engine), user_id=user.id)
            ticket = await tickets.create_ticket(uow=SqlUnitOfWork(engine), actor=viewer,
                                                 title=f"Bench ticket {index}", category="support")
            to = Assignee.user(user.id)
            if hasattr(tickets, "update_ticket"):
                ticket = await tickets.update_ticket(uow=SqlUnitOfWork(engine), actor=viewer,
                                                     ticket=ticket.id, assignee=to)
            else:  # before the one update_ticket
                ticket = await tickets.assign_ticket(uow=SqlUnitOfWork(engine), actor=viewer,
                                                     ticket=ticket.id, to=to)
            seeded.append((ticket.id, ticket.ticket_number, ticket.version))
    finally:
        await engine.dispose()
    return seeded


if __name__ == "__main__":
    database, how_many, name_prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    print(json.dumps(asyncio.run(seed_managers(database, how_many, name_prefix))))
