"""In-memory stand-ins for every port in `domain.ports`, faithful to their promises.

Use-case tests run against what the real adapters promise — changes visible
only on commit, numbers derived from the table under a lock, the access scope
applied inside search, e-tags honoured — so the fakes implement those promises
instead of recording calls. `db/` is held to the same behaviour by the
integration tests.
"""

from tests.unit.fakes.chat import (
    FakeActivityReceipts,
    FakeConversationRefs,
    FakeStateDocuments,
    FakeUserLinks,
)
from tests.unit.fakes.database import SEEDED_AT, FakeDatabase
from tests.unit.fakes.tables import (
    ForeignKeyViolation,
    IntegrityViolation,
    Tables,
    UniqueViolation,
)
from tests.unit.fakes.unit_of_work import FakeUnitOfWork

__all__ = [
    "SEEDED_AT",
    "FakeActivityReceipts",
    "FakeConversationRefs",
    "FakeStateDocuments",
    "FakeUserLinks",
    "FakeDatabase",
    "FakeUnitOfWork",
    "ForeignKeyViolation",
    "IntegrityViolation",
    "Tables",
    "UniqueViolation",
]
