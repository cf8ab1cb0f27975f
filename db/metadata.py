"""The one MetaData of the shared database.

Constraint names follow Drizzle's, so the tables this service creates carry the
same names as the ones the TicketFlow web app creates, and adopting either is the
same operation.
"""

from sqlalchemy import MetaData

DRIZZLE_NAMING = {
    "pk": "%(table_name)s_pkey",
    "uq": "%(table_name)s_%(column_0_N_name)s_unique",
    "fk": (
        "%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s_%(referred_column_0_N_name)s_fk"
    ),
    "ix": "%(table_name)s_%(column_0_N_name)s_idx",
}

metadata = MetaData(naming_convention=DRIZZLE_NAMING)
