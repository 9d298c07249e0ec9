"""Whose records a login may see (docs/roles.md), as the services ask for them: the
beheerder (and the owner on a laptop) everyone; a manager their team, the people who
report to them directly or through others, and themselves; a professional themselves.

The server enforces this with its row-level security whatever a query asks; these
expressions are for the lists that start from the people (a due list, a choice of
colleagues), which every login may read by their public columns, so that a manager's
list holds their team instead of everyone with a blank where the team's records end."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute

from werkleren_desktop.db.engine import SessionFactory

# the personal columns of the people one may see (a view of the server, revision 0021)
PERSON_PRIVATE = sa.table(
    "person_private",
    sa.column("id", sa.Integer),
    sa.column("email", sa.String),
    sa.column("birth_year", sa.Integer),
    sa.column("contract_minutes", sa.Integer),
    sa.column("notes", sa.Text),
    sa.column("last_conversation_on", sa.Date),
)


def within_reach(
    database: SessionFactory, person_id: ColumnElement[int] | InstrumentedAttribute[int]
) -> ColumnElement[bool]:
    """Whether ``person_id`` is one of the people this login may see the records of."""
    if database.seat is None:
        return true()
    # the server's own answer (services and policies agree), asked once a statement: a
    # scalar subquery, cast as an array so that ANY reads its elements (as the policies)
    people = sa.cast(select(func.werkleren_people()).scalar_subquery(), ARRAY(sa.Integer))
    return person_id == func.any(people)


def reports_only(
    database: SessionFactory, person_id: ColumnElement[int] | InstrumentedAttribute[int]
) -> ColumnElement[bool]:
    """Within reach, and not the manager themselves: whose conversations and training a
    manager holds (their own are their manager's)."""
    if database.seat is None:
        return true()
    return within_reach(database, person_id) & (person_id != database.seat.person_id)
