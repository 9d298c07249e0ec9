"""Preparing, opening and upgrading the shared PostgreSQL database.

Two roles belong to each database (PostgreSQL's roles are the cluster's, so their names
carry the database's): ``<database>_owner`` owns the schema (tables, sequences, the
schema's history) and never logs in; ``<database>_users`` may read and write the data
but not change or drop a table. Whoever administers the server is made a member of the
owner role by ``werkleren server init`` and runs the upgrades; every other login is
made a member of the users role. The schema moves one revision per transaction, under
an advisory lock (two upgrades never run at once), after a backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy import exc as sqlalchemy_exc

from werkleren_desktop.db.engine import make_engine, make_session_factory
from werkleren_desktop.db.migrate import (
    MigrationResult,
    NewerSchemaError,
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
)
from werkleren_desktop.domain.constants import UserRole
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.domain.users import Seat
from werkleren_desktop.errors import StorageError, UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.data_store import DataStore
from werkleren_desktop.storage.server import connection_problem, described_url

# pg_advisory_lock's key for schema changes: "WRKL" as a number, as the file's mark
UPGRADE_LOCK = 0x57524B4C
LOCK_WAIT = "60s"  # an upgrade that takes longer than this is said, not waited for


class ServerNotReadyError(UserError):
    """The database exists but was not prepared, or its schema is older and the user may
    not bring it up to date."""


@dataclass(frozen=True)
class Roles:
    owner: str
    users: str  # the beheerders: every record (docs/roles.md)
    staff: str  # managers and professionals: their team's or their own records

    @classmethod
    def of(cls, database: str) -> Roles:
        stem = database[:50]  # a role's name has at most 63 bytes
        return cls(f"{stem}_owner", f"{stem}_users", f"{stem}_staff")

    @property
    def all(self) -> tuple[str, str, str]:
        return (self.owner, self.users, self.staff)


def quoted(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def _database(connection: Connection) -> str:
    return str(connection.execute(text("SELECT current_database()")).scalar())


def roles_of(connection: Connection) -> Roles:
    return Roles.of(_database(connection))


def server_engine(paths: DataPaths) -> Engine:
    """An engine on the server, tried once: an unreachable server or a refused login is
    said in a sentence here, before anything else happens."""
    assert paths.server_url is not None
    engine = make_engine(paths.server_url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except sqlalchemy_exc.DBAPIError as error:
        engine.dispose()
        problem = connection_problem(error, paths.server_url)
        if problem is not None:
            raise problem from None
        raise
    return engine


def _state(connection: Connection) -> tuple[str | None, bool]:
    """The schema's revision and whether the database holds any table at all."""
    tables = inspect(connection).get_table_names()
    return current_revision(connection), bool(tables)


def _refuse_unknown(revision: str | None, has_tables: bool) -> None:
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError(
            _(
                "These data were saved by a newer version of Werkleren Desktop; "
                "install that version to open them. Nothing has been changed."
            )
        )
    if revision is None and has_tables:
        raise UserError(
            _(
                "This database holds tables of another program; prepare an empty database "
                "for Werkleren Desktop. Nothing has been changed."
            )
        )


@dataclass(frozen=True)
class InitResult:
    roles: Roles
    already_prepared: bool


def init_server(engine: Engine, *, target: str = "head") -> InitResult:
    """Prepare an empty database: the two roles, their rights, the schema (up to
    ``target``). Run by a login that may create roles (the database's owner with
    CREATEROLE, or a superuser). A database prepared before is left as it is."""
    with engine.connect() as connection:
        revision, has_tables = _state(connection)
        _refuse_unknown(revision, has_tables)
        roles = roles_of(connection)
        if revision == head_revision():
            return InitResult(roles, already_prepared=True)
        if revision is not None:
            raise ServerNotReadyError(
                _(
                    "This database was prepared by an earlier version; bring it up to date "
                    "with werkleren server upgrade."
                )
            )
        owner, users = quoted(connection, roles.owner), quoted(connection, roles.users)
        database = quoted(connection, _database(connection))
        try:
            _ensure_roles(connection, roles)
            for statement in (
                f"GRANT {owner} TO CURRENT_USER",  # the administrator may act as the owner
                f"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
                f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {owner}, {users}",
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                f"GRANT USAGE, CREATE ON SCHEMA public TO {owner}",
                f"GRANT USAGE ON SCHEMA public TO {users}",
                # search serves LIKE through trigrams; a trusted extension, made here by
                # the administrator so that the owner role needs no right on the database
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {users}",
                f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
                f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {users}",
            ):
                connection.execute(text(statement))
            connection.commit()
        except sqlalchemy_exc.ProgrammingError as error:
            connection.rollback()
            raise UserError(
                _(
                    "This login may not prepare the database (it needs to create roles: the "
                    "database's owner with CREATEROLE, or a superuser). Nothing has been "
                    "changed."
                )
            ) from error
        with _as_owner(connection, roles):
            _migrate(connection, target)
        return InitResult(roles, already_prepared=False)


def _ensure_roles(connection: Connection, roles: Roles) -> None:
    """The database's three roles, made where missing (by a login that may create
    roles): the staff role came with users and roles (revision 0021), so a server
    prepared before gets it at its upgrade."""
    for role in roles.all:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": role}
        ).scalar()
        if not exists:
            connection.execute(text(f"CREATE ROLE {quoted(connection, role)} NOLOGIN"))
    database = quoted(connection, _database(connection))
    staff = quoted(connection, roles.staff)
    connection.execute(text(f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {staff}"))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {staff}"))


def is_administrator(engine: Engine) -> bool:
    """Whether this login administers the data (it may act as the schema's owner)."""
    with engine.connect() as connection:
        return bool(
            connection.execute(
                text("SELECT pg_has_role(current_user, :role, 'MEMBER')"),
                {"role": roles_of(connection).owner},
            ).scalar()
        )


def rewrite_tables(engine: Engine) -> bool:
    """Write every table anew (VACUUM FULL), as the schema's owner, and the planner's
    statistics too: after an erasure nothing of the person stays in the live database's
    files (a plain VACUUM only marks the space free; the old bytes stay until
    overwritten). Other users wait the seconds this takes. The caller checked that this
    login administers the data.

    Returns whether the statistics were written anew as well: only the database's owner
    (or a superuser) may rewrite that catalog, and PostgreSQL skips it for anyone else
    with no more than a warning; an administrator who did not create the database is
    told so (``Erasure.statistics_rewritten``)."""
    from werkleren_desktop.db.models import Base

    with engine.connect() as connection:
        roles = roles_of(connection)
        connection.commit()
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.execute(text(f"SET ROLE {quoted(connection, roles.owner)}"))
        connection.execute(text("SET statement_timeout = 0"))  # ten years take a while
        try:
            tables = ", ".join(quoted(connection, t.name) for t in Base.metadata.sorted_tables)
            connection.execute(text(f"VACUUM (FULL) {tables}"))
            # the planner's statistics keep sampled values of every column (names, e-mail
            # addresses, texts): gathered anew without the person, then the old rows of
            # the statistics written away too. The catalog is the database owner's (or a
            # superuser's) to rewrite: the administrator who made the database
            connection.execute(text(f"ANALYZE {tables}"))
            connection.execute(text("RESET ROLE"))
            allowed = bool(
                connection.execute(
                    text(
                        "SELECT rolsuper OR pg_has_role(current_user, (SELECT datdba FROM"
                        " pg_database WHERE datname = current_database()), 'MEMBER')"
                        " FROM pg_roles WHERE rolname = current_user"
                    )
                ).scalar()
            )
            if allowed:
                connection.execute(text("VACUUM (FULL) pg_catalog.pg_statistic"))
            return allowed
        finally:
            connection.execute(text("RESET statement_timeout"))
            connection.execute(text("RESET ROLE"))


@contextlib.contextmanager
def _as_owner(connection: Connection, roles: Roles) -> Iterator[None]:
    """Act as the schema's owner, so that what is created belongs to it."""
    member = connection.execute(
        text("SELECT pg_has_role(current_user, :role, 'MEMBER')"), {"role": roles.owner}
    ).scalar()
    if not member:
        raise ServerNotReadyError(
            _(
                "The server's data are of an earlier version of Werkleren Desktop. Ask the "
                "server's administrator to bring them up to date (werkleren server "
                "upgrade). Nothing has been changed."
            )
        )
    connection.execute(text(f"SET ROLE {quoted(connection, roles.owner)}"))
    connection.commit()  # a SET in a transaction that rolls back would be undone
    try:
        yield
    finally:
        connection.rollback()
        connection.execute(text("RESET ROLE"))
        connection.commit()


def _migrate(connection: Connection, target: str = "head") -> None:
    """Every revision still to run, each in a transaction of its own; then the users'
    rights over what exists now (the schema's history is the owner's alone)."""
    from alembic import command

    # a schema change may rewrite a large table: no statement limit (it waits for other
    # users' locks no longer than the connection's lock timeout, then stops in a sentence)
    connection.execute(text("SET statement_timeout = 0"))
    connection.commit()
    try:
        command.upgrade(alembic_config(connection, per_revision=True), target)
        connection.commit()
    finally:
        connection.rollback()
        connection.execute(text("RESET statement_timeout"))
        connection.commit()
    roles = roles_of(connection)
    users = quoted(connection, roles.users)
    for statement in (
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {users}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {users}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {users}",
    ):
        connection.execute(text(statement))
    connection.commit()


@contextlib.contextmanager
def _upgrade_lock(connection: Connection) -> Iterator[None]:
    connection.execute(text(f"SET lock_timeout = '{LOCK_WAIT}'"))
    try:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": UPGRADE_LOCK})
    except (sqlalchemy_exc.OperationalError, StorageError) as error:  # the lock timeout
        connection.rollback()
        raise UserError(
            _(
                "Another upgrade of the server's data is running; try again when it is "
                "done. Nothing has been changed."
            )
        ) from error
    connection.commit()
    try:
        yield
    finally:
        connection.rollback()
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": UPGRADE_LOCK})
        connection.execute(text("RESET lock_timeout"))
        connection.commit()


def upgrade_server(
    engine: Engine, paths: DataPaths, now: dt.datetime | None = None
) -> MigrationResult:
    """Bring the schema up to date: under the lock, after a backup into the backup folder,
    as the owner, one revision at a time. An up-to-date schema is left alone."""
    from werkleren_desktop.storage.server_copy import backup_server

    goal = head_revision()
    with engine.connect() as connection:
        revision, has_tables = _state(connection)
        _refuse_unknown(revision, has_tables)
        if revision is None:
            raise _not_prepared(paths)
        if revision == goal:
            return MigrationResult(revision, goal, None)
        with _upgrade_lock(connection):
            revision = current_revision(connection)  # another may have done it meanwhile
            connection.commit()
            if revision == goal:
                return MigrationResult(revision, goal, None)
            roles = roles_of(connection)
            member = connection.execute(
                text("SELECT pg_has_role(current_user, :role, 'MEMBER')"), {"role": roles.owner}
            ).scalar()
            connection.commit()
            if not member:
                with _as_owner(connection, roles):  # says why not
                    pass
            backup = backup_server(engine, paths, f"before-upgrade-{revision}", now).path
            try:
                _ensure_roles(connection, roles)
                connection.commit()
            except sqlalchemy_exc.ProgrammingError as error:
                connection.rollback()
                raise ServerNotReadyError(
                    _(
                        "This version needs a role more on the server, and this login may "
                        "not create roles. Ask the server's administrator to bring the data "
                        "up to date (werkleren server upgrade). Nothing has been changed."
                    )
                ) from error
            with _as_owner(connection, roles):
                _migrate(connection)
    return MigrationResult(revision, goal, backup)


def _not_prepared(paths: DataPaths) -> ServerNotReadyError:
    assert paths.server_url is not None
    return ServerNotReadyError(
        _(
            "The database {server} has not been prepared for Werkleren Desktop yet; its "
            "administrator does that with werkleren server init."
        ).format(server=described_url(paths.server_url))
    )


def open_server(paths: DataPaths) -> DataStore:
    """The shared server's data behind a session factory, the schema brought up to date
    when this login may (else a sentence saying who can)."""
    engine = server_engine(paths)
    try:
        with engine.connect() as connection:
            revision, has_tables = _state(connection)
        _refuse_unknown(revision, has_tables)
        if revision is None:
            raise _not_prepared(paths)
        migration = upgrade_server(engine, paths)
        seat = seat_of(engine)
    except BaseException:
        engine.dispose()
        raise
    sessions = make_session_factory(engine)
    sessions.seat = seat
    return DataStore(paths, engine, sessions, migration, seat=seat)


def is_staff_login(connection: Connection) -> bool:
    """Whether the login is a manager's or a professional's: a member of the staff's
    role only, not a beheerder and not the administrator."""
    roles = roles_of(connection)
    return bool(
        connection.execute(
            text(
                "SELECT pg_has_role(current_user, :staff, 'MEMBER')"
                " AND NOT pg_has_role(current_user, :users, 'MEMBER')"
                " AND NOT pg_has_role(current_user, :owner, 'MEMBER')"
            ),
            {"staff": roles.staff, "users": roles.users, "owner": roles.owner},
        ).scalar()
    )


def seat_of(engine: Engine) -> Seat | None:
    """Who this login is when it is a manager's or a professional's (None: a beheerder,
    or the administrator): their role and the person they are, from ``app_user``."""
    with engine.connect() as connection:
        if not is_staff_login(connection):
            return None
        login = str(connection.execute(text("SELECT current_user")).scalar())
        linked = connection.execute(
            text(
                "SELECT u.role, p.id, p.first_name, p.last_name FROM app_user u"
                " LEFT JOIN person p ON p.id = u.person_id WHERE u.login = session_user"
            )
        ).one_or_none()
    if linked is None or linked[1] is None:
        raise UserError(
            _(
                "The login {login} is not linked to a person of the staff list, so there is "
                "nothing of your own to show. Ask your beheerder to link it (File › Users)."
            ).format(login=login)
        )
    return Seat(login, UserRole(linked[0]), linked[1], full_name(linked[2], linked[3]))
