"""Whose records a login may see (docs/roles.md), as the services ask for them: the
beheerder (and the owner on a laptop) everyone; a manager their team, the people who
report to them directly or through others, and themselves; a professional themselves.

The server enforces this with its row-level security whatever a query asks; these
expressions are for the lists that start from the people (a due list, a choice of
colleagues), which every login may read by their public columns, so that a manager's
list holds their team instead of everyone with a blank where the team's records end.

A manager's or a professional's copy of the server's data on their laptop, read while
the server cannot be reached (``storage.offline``), holds only what their login could
read; the same lists are asked of it in plain SQL that SQLite answers: the team by a
walk down the managers, the personal columns from ``person`` itself (the copy holds
them only for the people whose personal fields the login could read)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import ColumnElement, FromClause, func, literal, select, true
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import PERSON_PRIVATE, Person


def personal_fields(database: SessionFactory) -> FromClause:
    """Where a login with a role reads the personal columns of the people it may see:
    the server's view, or in the copy on the laptop ``person`` itself (as a subquery
    with the view's columns)."""
    if database.on_server:
        return PERSON_PRIVATE
    return select(
        *(getattr(Person, column.name).label(column.name) for column in PERSON_PRIVATE.c)
    ).subquery("person_private")


def _team(database: SessionFactory) -> sa.CTE:
    """The people a seat may see, in SQL that a laptop's copy answers: oneself, and for
    a manager everyone below them (the walk of the server's ``werkleren_people()``)."""
    assert database.seat is not None
    team = select(literal(database.seat.person_id).label("id")).cte("team", recursive=True)
    if database.seat.manages:
        below = select(Person.id).join(team, Person.manager_id == team.c.id)
        team = team.union(below)
    return team


def within_reach(
    database: SessionFactory, person_id: ColumnElement[int] | InstrumentedAttribute[int]
) -> ColumnElement[bool]:
    """Whether ``person_id`` is one of the people this login may see the records of."""
    if database.seat is None:
        return true()
    if not database.on_server:
        return person_id.in_(select(_team(database).c.id))
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
