"""Building the engine and sessions from a database URL, at start-up, never at import."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import sqlite3
import uuid
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sqlalchemy_exc
from sqlalchemy.orm import Session, sessionmaker

from werkleren_desktop.errors import ReadOnlyError, StorageError
from werkleren_desktop.i18n import _

if TYPE_CHECKING:
    from werkleren_desktop.domain.users import Seat

BUSY_TIMEOUT_MS = 5000
# on a shared server: how long a save waits for a row another user is changing, and how
# long any statement may take, before the user is told so in a sentence
SERVER_LOCK_TIMEOUT = "5s"
SERVER_STATEMENT_TIMEOUT = "60s"
SERVER_POOL_SIZE = 10  # connections kept open to a shared server
WRITE_AT_ONCE = "werkleren_write_at_once"  # an execution option: BEGIN IMMEDIATE


class SessionFactory(sessionmaker[Session]):
    """Sessions: ``with sessions() as session`` to read, ``with sessions.begin() as
    session`` for work that writes, committed as one transaction or not at all.

    A transaction that writes holds the database's write lock from its start. SQLite
    lets a transaction that reads and then writes fail at once ("in use") when another
    connection wrote in between, however long it would wait; this way it waits for the
    other writer instead, up to the busy timeout. The window saves on its own thread
    while exports and loads run in the background, so this happens.

    On a server, a session to read sends its statements without a transaction around
    them (autocommit): a transaction would add a BEGIN and a ROLLBACK, two round trips
    to the server per session, which across a network are most of a page's time. In
    PostgreSQL's READ COMMITTED every statement sees the data as of its own start either
    way, so nothing is read differently. Such a session refuses to write.

    ``seat`` is who signed in to a server as a manager or a professional (None: a
    beheerder or the laptop's owner): what reads the people asks for only the columns
    such a login may read."""

    seat: Seat | None = None

    @property
    def on_server(self) -> bool:
        """Whether these sessions work on a shared server (not a laptop's file, nor the
        copy of a server's data kept on a laptop to read offline)."""
        bind = self.kw.get("bind")
        return isinstance(bind, Engine) and bind.dialect.name == "postgresql"

    def __call__(self, **local_kw: Any) -> Session:
        bind = local_kw.get("bind", self.kw.get("bind"))
        if "bind" not in local_kw and isinstance(bind, Engine):
            local_kw["bind"] = _reading(bind)
        return super().__call__(**local_kw)

    def _writing(self) -> Session:
        return super().__call__()

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        with self._writing() as session, session.begin():
            session.connection(execution_options={WRITE_AT_ONCE: True})
            yield session

    def at_once(self, *reads: Callable[[], Any]) -> list[Any]:
        """The results of ``reads``, each a call that reads through this factory's
        sessions. On a server they run side by side, each on a connection of its own, so
        a page that needs several figures that do not depend on each other waits for the
        slowest of them instead of their sum (across a network, mostly round trips). On
        a file they run one after the other: SQLite answers in microseconds, and a
        thread would cost more than it saves."""
        bind = self.kw.get("bind")
        if len(reads) < 2 or not isinstance(bind, Engine) or bind.dialect.name != "postgresql":
            return [read() for read in reads]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(len(reads) - 1, thread_name_prefix="werkleren-read") as pool:
            aside = [pool.submit(read) for read in reads[1:]]
            first = reads[0]()  # this thread does a share of the work too
            return [first, *(future.result() for future in aside)]

    @contextlib.contextmanager
    def trial(self) -> Iterator[Session]:
        """A session that writes in a transaction that is always rolled back: to see
        what a change would do without making it."""
        with self._writing() as session:
            session.begin()
            session.connection(execution_options={WRITE_AT_ONCE: True})
            try:
                yield session
            finally:
                session.rollback()


_READING = "_werkleren_reading"  # kept on the engine itself: it goes when the engine goes


def _reading(engine: Engine) -> Engine:
    """The engine that sessions to read use: on a server, one in autocommit that
    refuses to change data; elsewhere the engine itself."""
    if engine.dialect.name != "postgresql":
        return engine
    reading: Engine | None = getattr(engine, _READING, None)
    if reading is None:
        reading = engine.execution_options(isolation_level="AUTOCOMMIT")
        event.listen(reading, "before_cursor_execute", _refuse_writes)
        setattr(engine, _READING, reading)
    return reading


def _refuse_writes(
    _connection: Any, _cursor: Any, _statement: str, _params: Any, context: Any, _many: bool
) -> None:
    # without a transaction each statement would be kept at once: a change made in a
    # session meant for reading is a mistake in the program, never half-kept
    if context is not None and (context.isinsert or context.isupdate or context.isdelete):
        raise RuntimeError("a session to read was asked to change data; use sessions.begin()")


def changed_elsewhere_sentence() -> str:
    return _(
        "Someone else changed this while you were editing it; nothing was saved and what "
        "you entered is kept."
    )


def login_of(session: Session) -> str:
    """Who is making a change: the server's login, or this computer's user name."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    known = _LOGINS.get(engine)
    if known is None:
        if engine.dialect.name == "postgresql":
            known = str(session.connection().exec_driver_sql("SELECT session_user").scalar())
        else:
            try:
                known = getpass.getuser()
            except (KeyError, OSError):  # no name for this user id (a container)
                known = ""
        _LOGINS[engine] = known
    return known


_LOGINS: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def _stamp_changes(session: Session, _context: Any, _instances: Any) -> None:
    """Each changed record says who changed it and when (``models.Versioned``)."""
    from werkleren_desktop.db.models import Versioned

    # (``session.new`` makes a new set of every new object each time it is read: asked
    # once per record, a flush of 100,000 new records took quadratic time, #34)
    added = [o for o in session.new if isinstance(o, Versioned)]
    changed = [
        o
        for o in session.dirty
        if isinstance(o, Versioned) and session.is_modified(o, include_collections=False)
    ]
    if not added and not changed:
        return
    login = login_of(session)
    now = dt.datetime.now(dt.UTC)
    for record in changed:  # counted up in the statement: never lost
        record.version = type(record).version + 1
    for record in (*added, *changed):
        record.changed_by = login
        record.changed_at = now


def _file_identity(database: str) -> tuple[int, int] | None:
    with contextlib.suppress(OSError):
        found = Path(database).stat()
        return found.st_dev, found.st_ino
    return None


def read_only_sentence() -> str:
    return _(
        "The server cannot be reached, and this is the copy kept on this computer, for "
        "reading only: nothing was saved. What you entered is kept; save it once the "
        "server answers again."
    )


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    database = engine.url.database or ""
    on_disk = bool(database) and database != ":memory:"
    opened: dict[str, tuple[int, int] | None] = {}  # the file these connections opened

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        if on_disk:
            opened.setdefault("identity", _file_identity(database))
        # Hand transaction control to SQLAlchemy: the driver's legacy mode sends no
        # BEGIN before SELECT and breaks SAVEPOINT (SQLAlchemy SQLite dialect docs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # Pragmas are per connection and foreign_keys is ignored inside a
            # transaction, so they are set here, before any BEGIN.
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not read_only:  # a file opened to read is left in its journal mode
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            # erased personal data is overwritten, not left in free pages (AVG)
            cursor.execute("PRAGMA secure_delete = ON")
            if read_only:
                cursor.execute("PRAGMA query_only = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # a transaction that writes takes the write lock at once (SessionFactory.begin);
        # one that reads takes none
        immediate = connection.get_execution_options().get(WRITE_AT_ONCE, False)
        if immediate and read_only:  # every save starts here: refused before it begins
            raise ReadOnlyError(read_only_sentence())
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
        if immediate and on_disk:
            _refuse_a_swapped_file(connection)

    def _refuse_a_swapped_file(connection: Any) -> None:
        """Another file moved in under the data file's name, or another program's file
        written over it, while the data were open: a save would go to the file that was
        moved away, or into a stranger's file, and be lost. Refused in a sentence."""
        from werkleren_desktop.db.migrate import APPLICATION_ID

        known = opened.get("identity")
        if known is None:  # opened some other way (a URI): nothing to compare with
            return
        ours = connection.exec_driver_sql("PRAGMA application_id").scalar() in (0, APPLICATION_ID)
        if _file_identity(database) == known and ours:
            return
        connection.exec_driver_sql("ROLLBACK")
        raise StorageError(
            _(
                "The data file was replaced or moved while the program had it open; this "
                "was not saved. Close the program and start it again."
            )
        )

    @event.listens_for(engine, "handle_error")
    def on_error(context: Any) -> None:
        original = context.original_exception
        # a write outside a save (query_only refuses it)
        readonly = "readonly" in str(original).lower()
        if read_only and isinstance(original, sqlite3.OperationalError) and readonly:
            raise ReadOnlyError(read_only_sentence()) from original
        problem = storage_problem(original)
        if problem is not None:
            raise problem from context.original_exception


def storage_problem(error: BaseException) -> StorageError | None:
    """SQLite's refusals of the disk, as one sentence for the user; None for others."""
    if not isinstance(error, sqlite3.OperationalError):
        return None
    text = str(error).lower()
    if "disk is full" in text or "disk i/o error" in text:
        return StorageError(
            _(
                "The data could not be saved: the disk is full (or failing). Make room and "
                "save again; nothing was half-written and what you entered is kept."
            )
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(
            _(
                "The data could not be saved: the data folder is read-only. Check the "
                "folder's permissions; nothing was half-written and what you entered is kept."
            )
        )
    if "unable to open" in text:
        return StorageError(
            _(
                "The data file cannot be opened: the folder or the file may not be readable "
                "and writable for you. Check the permissions; nothing has been changed."
            )
        )
    if "locked" in text or "busy" in text:
        return StorageError(
            _(
                "The data are in use by another program right now; try again in a moment. "
                "Nothing was half-written."
            )
        )
    return None


def make_engine(url: str, *, read_only: bool = False, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite files get the pragmas the data depends on.
    ``read_only`` (a SQLite file only): every save is refused in a sentence."""
    # error messages never carry the values of a statement (names, notes), on any database
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        connect_args = dict(kwargs.pop("connect_args", {}))
        # Background tasks open their own sessions on worker threads.
        connect_args.setdefault("check_same_thread", False)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        _configure_sqlite(engine, read_only=read_only)
        return engine
    connect_args = dict(kwargs.pop("connect_args", {}))
    if url.startswith("postgresql"):
        # JIT compiling pays for queries of seconds; the program's take milliseconds, and
        # compiling one of them took 17 ms (the cycles' turnout on the large demo)
        options = (
            f"-c lock_timeout={SERVER_LOCK_TIMEOUT} -c statement_timeout={SERVER_STATEMENT_TIMEOUT}"
            " -c jit=off"
        )
        connect_args["options"] = f"{connect_args.get('options', '')} {options}".strip()
        # who else is connected: the server lists programs by this name (never data)
        connect_args.setdefault("application_name", APPLICATION_NAME)
        # a page reads its parts side by side (``SessionFactory.at_once``), up to six at
        # once, while the other page loader and a save may hold one each: connections
        # beyond the pool's size are made and closed every time, and a new one costs the
        # server a process and the laptop several round trips
        if "poolclass" not in kwargs:
            kwargs.setdefault("pool_size", SERVER_POOL_SIZE)
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    if url.startswith("postgresql"):
        event.listen(engine, "handle_error", _on_server_error)
        event.listen(engine, "connect", _note_own_connection)
        event.listen(engine, "close", _forget_own_connection)
        _ping_when_idle(engine)
    return engine


# A connection the pool hands out is asked first whether the server is still there
# when it lay unused longer than this: one that just served a statement is not, so a
# page whose parts take a connection one after another costs one question, not one
# per part (eight on the home page, 2.5 ms each across a network).
PING_WHEN_IDLE_S = 2.0


def _ping_when_idle(engine: Engine) -> None:
    import time

    def checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_WHEN_IDLE_S:
            return  # fresh, or just used
        try:
            alive = engine.dialect._do_ping_w_event(dbapi_connection)
        except Exception:
            alive = False
        if not alive:  # the server restarted, or the network was away: a new one
            raise sqlalchemy_exc.InvalidatePoolError()

    event.listen(engine, "checkin", checkin)
    event.listen(engine, "checkout", checkout)


# this running program among the others on a shared server (pg_stat_activity)
APPLICATION_PREFIX = "Werkleren Desktop "
APPLICATION_NAME = APPLICATION_PREFIX + uuid.uuid4().hex[:12]
_OWN_PIDS: set[int] = set()


def _note_own_connection(dbapi_connection: Any, record: Any) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = int(cursor.fetchone()[0])
    dbapi_connection.commit()  # the driver opened a transaction for the question
    record.info["server_pid"] = pid
    _OWN_PIDS.add(pid)


def _forget_own_connection(_dbapi_connection: Any, record: Any) -> None:
    # the server may give the process number to another program's connection later
    _OWN_PIDS.discard(record.info.pop("server_pid", -1))


def is_own_connection(pid: int) -> bool:
    """Whether a server process (a notification's sender) is one of this program's."""
    return pid in _OWN_PIDS


def _on_server_error(context: Any) -> None:
    # a connection that was there and went away; one that never came is said where the
    # server is first asked (storage.server.connection_problem)
    lost = bool(context.is_disconnect) and context.connection is not None
    problem = server_problem(context.original_exception, lost=lost)
    if problem is not None:
        raise problem from context.original_exception


def refusal(error: BaseException) -> str | None:
    """The server's refusal of what this login's role may not read or change
    (docs/roles.md), as a sentence; None for any other error."""
    from psycopg import errors

    original = getattr(error, "orig", None)
    if isinstance(original, errors.InsufficientPrivilege):
        return _(
            "Your login may not read or change this on the server; nothing was changed. "
            "Ask your beheerder if you need it."
        )
    return None


def server_problem(error: BaseException, *, lost: bool = False) -> StorageError | None:
    """A shared server's refusals that are about waiting and the connection, as one
    sentence for the user; None for others. Never the server's own words: they may
    quote the values of a row."""
    from psycopg import errors

    if isinstance(error, errors.LockNotAvailable):
        return StorageError(
            _(
                "Someone else is changing the same data on the server right now; try again "
                "in a moment. Nothing was half-written and what you entered is kept."
            )
        )
    if isinstance(error, errors.SerializationFailure | errors.DeadlockDetected):
        return StorageError(
            _(
                "Someone else changed the same data at the same moment; save again. Nothing "
                "was half-written and what you entered is kept."
            )
        )
    if isinstance(error, errors.QueryCanceled):
        return StorageError(
            _(
                "The server took too long to answer; try again in a moment. Nothing was "
                "half-written and what you entered is kept."
            )
        )
    if lost or isinstance(error, errors.AdminShutdown):
        return StorageError(
            _(
                "The connection to the server was lost; nothing was half-written and what "
                "you entered is kept. Save again once the server can be reached."
            )
        )
    return None


def make_session_factory(engine: Engine) -> SessionFactory:
    factory = SessionFactory(engine, expire_on_commit=False)
    event.listen(factory, "before_flush", _stamp_changes)
    return factory


# the tables whose size steers the planner most: ten years hold tens of thousands of rows
PLANNER_TABLES = ("learning_situation", "situation_person", "attendance", "cycle_session")
ANALYSIS_LIMIT = 400  # rows per index that ANALYZE samples: milliseconds, not seconds


def refresh_statistics(engine: Engine, *, schema_changed: bool = False) -> bool:
    """Let SQLite's query planner know how large the tables are, when it does not (yet).

    Without statistics the planner may walk every situation of ten years to count one
    year's consultations (250 ms instead of 3). The statistics are gathered again when a
    table has grown or shrunk more than twice since the last time, and after a change of
    the schema (a new index has none); a sampled ANALYZE takes a few milliseconds.
    Returns whether it ran. Statistics are an optimisation:
    a folder that cannot be written to simply goes without.
    """
    if engine.dialect.name != "sqlite":
        return False  # a server keeps its own statistics (autovacuum's ANALYZE)
    try:
        with engine.begin() as connection:
            try:
                known: dict[str, int] = {}
                for table, stat in connection.exec_driver_sql("SELECT tbl, stat FROM sqlite_stat1"):
                    known[table] = max(known.get(table, 0), int(str(stat).split()[0]))
            except sqlalchemy_exc.OperationalError:  # no statistics table yet
                known = {}
            stale = False
            has_rows = False
            for table in PLANNER_TABLES:
                rows = connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0
                has_rows = has_rows or rows > 0
                estimate = known.get(table)
                if rows and (estimate is None or not estimate / 2 <= rows <= estimate * 2):
                    stale = True
            # never from empty tables: statistics saying "a handful of rows" would steer
            # the planner (and the search index's own statements) wrong while tens of
            # thousands of rows arrive, as in the demo (330 s instead of 20)
            if not has_rows or not (stale or schema_changed):
                return False
            connection.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            connection.exec_driver_sql("ANALYZE")
            return True
    except (sqlalchemy_exc.SQLAlchemyError, StorageError):
        return False
