"""The users of a shared server: a login of the server's own, linked to a person, with a
role (docs/roles.md). Made, changed and taken away by the administrator (the login that
prepared the database, which may create roles), each in one transaction: the login, its
membership of the database's users or staff role, and its ``app_user`` row together or
not at all. The server's row-level security reads who is who from ``app_user``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, text
from sqlalchemy import exc as sqlalchemy_exc

from werkleren_desktop.db.models import AppUser, Person
from werkleren_desktop.domain.constants import UserRole
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.domain.users import check_login, check_person
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.storage.server_admin import Roles, quoted, roles_of


@dataclass(frozen=True)
class UserRow:
    login: str
    role: UserRole
    person_id: int | None
    person_name: str  # "" when not linked


def _group(roles: Roles, role: UserRole) -> str:
    return roles.users if role is UserRole.BEHEERDER else roles.staff


def _refused(error: sqlalchemy_exc.DBAPIError) -> UserError:
    """A refusal of the server as the sentence of who may; anything else as it was."""
    from psycopg import errors

    if not isinstance(error.orig, errors.InsufficientPrivilege):
        raise error
    return UserError(
        _(
            "Only the server's administrator (the login that prepared the database) may "
            "manage users. Nothing has been changed."
        )
    )


@contextlib.contextmanager
def _administering(engine: Engine) -> Iterator[Connection]:
    """One transaction of the administrator's: the login, its membership and its
    ``app_user`` row change together or not at all (PostgreSQL's roles are
    transactional); a login that may not is told so in a sentence."""
    try:
        with engine.begin() as connection:
            yield connection
    except sqlalchemy_exc.ProgrammingError as error:
        raise _refused(error) from error


def _user_row(connection: Connection, login: str) -> Row[Any]:
    row = connection.execute(
        text("SELECT role, person_id FROM app_user WHERE login = :login"), {"login": login}
    ).one_or_none()
    if row is None:
        raise UserError(_("{login} is not a user of these data.").format(login=login))
    return row


def add_user(
    engine: Engine, login: str, role: UserRole, person_id: int | None, password: str | None
) -> None:
    """A new user: the login (made, with ``password``, unless the server has it already,
    from another database), in this database's role for ``role``, linked to the person.
    A manager or a professional must be linked to a person: their records are theirs."""
    login = check_login(login)
    check_person(role, person_id)
    with _administering(engine) as connection:
        if person_id is not None:
            _check_person(connection, person_id)
        known = connection.execute(
            text("SELECT 1 FROM app_user WHERE login = :login"), {"login": login}
        ).scalar()
        if known:
            raise UserError(
                _("{login} is a user already; change their role instead.").format(login=login)
            )
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login}
        ).scalar()
        if not exists:
            if not password:
                raise UserError(_("Give the new login a password."))
            statement = connection.execute(
                text(
                    "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L',"
                    " CAST(:login AS text), CAST(:pw AS text))"
                ),
                {"login": login, "pw": password},
            ).scalar_one()
            connection.exec_driver_sql(statement)
        group = quoted(connection, _group(roles_of(connection), role))
        connection.execute(text(f"GRANT {group} TO {quoted(connection, login)}"))
        connection.execute(
            text("INSERT INTO app_user (login, person_id, role) VALUES (:l, :p, :r)"),
            {"l": login, "p": person_id, "r": role.value},
        )


def _check_person(connection: Connection, person_id: int) -> None:
    if not connection.execute(
        text("SELECT 1 FROM person WHERE id = :id"), {"id": person_id}
    ).scalar():
        raise UserError(_("This person no longer exists."))


def set_role(
    engine: Engine,
    login: str,
    role: UserRole,
    person_id: int | None = None,
    *,
    unlink: bool = False,
) -> None:
    """Another role for a user (and, given, another person; with ``unlink``, none: a
    beheerder only): the membership follows."""
    with _administering(engine) as connection:
        row = _user_row(connection, login)
        person = None if unlink else person_id if person_id is not None else row.person_id
        check_person(role, person)
        if person_id is not None:
            _check_person(connection, person_id)
        roles = roles_of(connection)
        name = quoted(connection, login)
        old, new = _group(roles, UserRole(row.role)), _group(roles, role)
        if old != new:
            connection.execute(text(f"REVOKE {quoted(connection, old)} FROM {name}"))
            connection.execute(text(f"GRANT {quoted(connection, new)} TO {name}"))
        connection.execute(
            text("UPDATE app_user SET role = :r, person_id = :p WHERE login = :login"),
            {"r": role.value, "p": person, "login": login},
        )


def remove_user(engine: Engine, login: str) -> None:
    """The user no longer has these data: out of the database's roles and out of
    ``app_user``; the login itself is dropped when nothing else on the server needs it
    (another database's rights keep it). The person and their records stay."""
    with _administering(engine) as connection:
        _user_row(connection, login)
        roles = roles_of(connection)
        name = quoted(connection, login)
        for group in (roles.users, roles.staff):
            connection.execute(text(f"REVOKE {quoted(connection, group)} FROM {name}"))
        connection.execute(text("DELETE FROM app_user WHERE login = :login"), {"login": login})
    with contextlib.suppress(sqlalchemy_exc.DBAPIError), engine.begin() as connection:
        # still used elsewhere on the server: the login stays there
        connection.execute(text(f"DROP ROLE {quoted(connection, login)}"))


def person_named(engine: Engine, name: str) -> int:
    """The person of the staff list with this name (first and last name, as lists show
    it; capitals and accents as one likes); a sentence when none or several are."""
    from sqlalchemy import select

    from werkleren_desktop.domain.people import folded

    wanted = folded(" ".join(name.split()))
    with engine.connect() as connection:
        found = [
            pid
            for pid, first, last in connection.execute(
                select(Person.id, Person.first_name, Person.last_name)
            )
            if folded(full_name(first, last)) == wanted
        ]
    if not found:
        raise UserError(_("Nobody in the staff list is called {name}.").format(name=name))
    if len(found) > 1:
        raise UserError(
            _("{n} people are called {name}; tell them apart in the staff list first.").format(
                n=len(found), name=name
            )
        )
    return found[0]


def list_users(engine: Engine) -> list[UserRow]:
    """The users of these data, by login."""
    from sqlalchemy import select

    with engine.connect() as connection:
        rows = connection.execute(
            select(
                AppUser.login, AppUser.role, AppUser.person_id, Person.first_name, Person.last_name
            )
            .outerjoin(Person, Person.id == AppUser.person_id)
            .order_by(AppUser.login)
        ).all()
    return [
        UserRow(
            login,
            UserRole(role),
            person_id,
            full_name(first, last) if first is not None else "",
        )
        for login, role, person_id, first, last in rows
    ]
