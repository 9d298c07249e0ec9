"""The shared mode on a real PostgreSQL server (the throwaway cluster), through the
`werkleren` command as an administrator's script calls it: prepare, move a laptop's
file in, work on it, back it up, export it to a file that opens on a laptop, upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, select, text

from werkleren_desktop.cli import main
from werkleren_desktop.db.migrate import current_revision, head_revision
from werkleren_desktop.db.models import Base
from werkleren_desktop.errors import UserError
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.storage.data_store import open_data_folder
from werkleren_desktop.storage.server_admin import Roles

pytestmark = pytest.mark.usefixtures("dutch")


def as_login(url: str, login: str) -> str:
    """The same database, connected as another login (the cluster trusts every login)."""
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def add_login(url: str, login: str, role: str) -> str:
    engine = create_engine(url)
    with engine.begin() as sql:
        sql.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE "{role}"'))
    engine.dispose()
    return as_login(url, login)


def table_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, as SQLAlchemy reads them from either database."""
    engine = create_engine(url)
    try:
        with engine.connect() as sql:
            return {
                table.name: [
                    tuple(
                        v.replace(tzinfo=None) if hasattr(v, "tzinfo") and v.tzinfo else v
                        for v in row
                    )
                    for row in sql.execute(select(table).order_by(*table.primary_key.columns)).all()
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


@pytest.fixture
def laptop(tmp_path: Path) -> DataPaths:
    """A laptop's data folder holding the small demo organisation."""
    paths = DataPaths(tmp_path / "laptop")
    store = open_data_folder(paths)
    try:
        generate_demo(store.sessions, DemoSize.SMALL)
    finally:
        store.close()
    return paths


def test_prepare_move_work_export_and_check(
    postgres_url: str, laptop: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    here = ["--data-dir", str(tmp_path / "office"), "--database-url", postgres_url]
    assert main(["server", "init", *here]) == 0
    out = capsys.readouterr().out
    database = make_url(postgres_url).database or ""
    assert Roles.of(database).owner in out
    assert "werkleren server user add" in out  # how users come in
    assert main(["server", "init", *here]) == 0  # a second time: left as it is
    assert "al ingericht" in capsys.readouterr().out

    # a user added before the data come in stays, and the move counts the server empty
    (tmp_path / "pw").write_text("geheim", encoding="utf-8")
    assert main(["server", "user", "add", "mover_bea", "--role", "beheerder",
                 "--password-file", str(tmp_path / "pw"), *here]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["server", "move", "--from", str(laptop.database), *here]) == 0
    assert "één voor één vergeleken" in capsys.readouterr().out
    on_server = table_rows(postgres_url)
    assert [row[1] for row in on_server.pop("app_user")] == ["mover_bea"]
    assert on_server == {
        k: v for k, v in table_rows(laptop.database_url).items() if k != "app_user"
    }
    assert main(["server", "move", "--from", str(laptop.database), *here]) == 1
    assert "bevat al gegevens" in capsys.readouterr().err

    # a manager's login works on the data (new ids follow the copied ones) but cannot
    # change the schema, nor read or write its history
    engine = create_engine(postgres_url)
    with engine.connect() as sql:
        owners = set(
            sql.execute(text("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'"))
            .scalars()
            .all()
        )
    engine.dispose()
    assert owners == {Roles.of(database).owner}
    manager = add_login(postgres_url, "manager_a", Roles.of(database).users)
    as_manager = ["--data-dir", str(tmp_path / "manager"), "--database-url", manager]
    assert main(["import", "people", str(write_people(tmp_path)), "--yes", *as_manager]) == 0
    assert "1 toegevoegd" in capsys.readouterr().out
    engine = create_engine(manager)
    with engine.connect() as sql:
        with pytest.raises(Exception, match=r"must be owner|permission denied"):
            sql.execute(text("DROP TABLE learning_situation"))
        sql.rollback()
        with pytest.raises(Exception, match="permission denied"):
            sql.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()

    assert main(["check", *here]) == 0
    assert "in orde" in capsys.readouterr().out

    exported = tmp_path / "export" / "kantoor.sqlite3"
    assert main(["server", "export", "--out", str(exported), *here]) == 0
    assert exported.exists()
    assert table_rows(f"sqlite:///{exported}") == table_rows(postgres_url)
    assert main(["server", "export", "--out", str(exported), *here]) == 1  # never over a file
    assert "bestaat al" in capsys.readouterr().err
    # the exported file opens in the laptop mode and passes its check
    laptop_again = tmp_path / "laptop again"
    laptop_again.mkdir()
    exported.rename(laptop_again / "werkleren.sqlite3")
    assert main(["check", "--data-dir", str(laptop_again)]) == 0
    with sqlite3.connect(laptop_again / "werkleren.sqlite3") as connection:
        names = [r[0] for r in connection.execute("SELECT last_name FROM person")]
        assert "Importeur" in names
        # the search index was filled as the rows came in
        found = connection.execute(
            "SELECT count(*) FROM situation_search WHERE situation_search MATCH '\"klant\"'"
        ).fetchone()[0]
        assert found > 0


def write_people(folder: Path) -> Path:
    file = folder / "nieuw.csv"
    file.write_text(
        "voornaam;achternaam;e-mail;in dienst\nIrma;Importeur;irma@example.nl;6-1-2020\n", "utf-8"
    )
    return file


def test_a_sequence_behind_the_data_is_found_by_the_check(
    postgres_url: str, laptop: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    here = ["--data-dir", str(tmp_path / "office"), "--database-url", postgres_url]
    assert main(["server", "init", *here]) == 0
    assert main(["server", "move", "--from", str(laptop.database), *here]) == 0
    engine = create_engine(postgres_url)
    with engine.begin() as sql:
        sql.execute(text("SELECT setval(pg_get_serial_sequence('person', 'id'), 1)"))
    engine.dispose()
    capsys.readouterr()
    assert main(["check", *here]) == 1
    assert "person: the next id 2 is taken" in capsys.readouterr().err


def test_backups_of_the_server_and_no_restore_over_it(
    postgres_url: str, laptop: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    office = tmp_path / "office"
    monkeypatch.setenv("WERKLEREN_DATABASE_URL", postgres_url)
    assert main(["server", "init", "--data-dir", str(office)]) == 0
    assert main(["server", "move", "--from", str(laptop.database), "--data-dir", str(office)]) == 0
    assert main(["server", "backup", "--data-dir", str(office)]) == 0
    assert main(["backup", "--data-dir", str(office)]) == 0  # the same, as on a laptop
    backups = sorted((office / "backups").glob("werkleren-*-manual.sqlite3"))
    assert backups
    assert table_rows(f"sqlite:///{backups[-1]}") == table_rows(postgres_url)
    capsys.readouterr()
    assert main(["restore", str(backups[-1]), "--data-dir", str(office)]) == 1
    assert "nieuwe, lege database" in capsys.readouterr().err
    # and the backup goes into a new database as a laptop's file does
    second = postgres_url.replace(make_url(postgres_url).database or "", "second_db")
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as sql:
        sql.execute(text("DROP DATABASE IF EXISTS second_db"))
        sql.execute(text("CREATE DATABASE second_db"))
    try:
        monkeypatch.setenv("WERKLEREN_DATABASE_URL", second)
        assert main(["server", "init", "--data-dir", str(office)]) == 0
        assert main(["server", "move", "--from", str(backups[-1]), "--data-dir", str(office)]) == 0
        assert table_rows(second) == table_rows(postgres_url)
    finally:
        with admin.connect() as sql:
            sql.execute(text("DROP DATABASE IF EXISTS second_db WITH (FORCE)"))
        admin.dispose()


def test_an_older_schema_is_upgraded_by_the_administrator_only(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from werkleren_desktop.db.engine import make_engine
    from werkleren_desktop.storage.server_admin import init_server

    older = f"{int(head_revision()) - 1:04d}"
    engine = make_engine(postgres_url)
    init_server(engine, target=older)
    with engine.begin() as sql:  # the models are the newest schema's: plain SQL here
        sql.exec_driver_sql(
            "INSERT INTO organisation (name, working_days, closed_holidays, liberation_day,"
            " default_training_budget_cents, language)"
            " VALUES ('Oud', '[1,2,3,4,5]', '[]', 'lustrum', 0, 'nl')"
        )
    engine.dispose()
    database = make_url(postgres_url).database or ""
    manager = add_login(postgres_url, "manager_b", Roles.of(database).users)
    # a manager's window or command is told whom to ask, and nothing changes
    assert main(["check", "--data-dir", str(tmp_path / "m"), "--database-url", manager]) == 1
    assert "werkleren server upgrade" in capsys.readouterr().err
    here = ["--data-dir", str(tmp_path / "office"), "--database-url", postgres_url]
    assert main(["server", "upgrade", *here]) == 0
    assert "bijgewerkt" in capsys.readouterr().out
    backup = next((tmp_path / "office" / "backups").glob(f"*-before-upgrade-{older}.sqlite3"))
    with sqlite3.connect(backup) as connection:  # the data as they were, at the new schema
        assert connection.execute("SELECT name FROM organisation").fetchone() == ("Oud",)
    engine = create_engine(postgres_url)
    with engine.connect() as sql:
        assert current_revision(sql) == head_revision()
    engine.dispose()
    assert main(["server", "upgrade", *here]) == 0
    assert "is al bijgewerkt" in capsys.readouterr().out
    assert main(["check", "--data-dir", str(tmp_path / "m"), "--database-url", manager]) == 0


def test_an_upgrade_waits_for_another_and_then_gives_up(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from werkleren_desktop.db.engine import make_engine
    from werkleren_desktop.storage import server_admin

    engine = make_engine(postgres_url)
    server_admin.init_server(engine, target=f"{int(head_revision()) - 1:04d}")
    monkeypatch.setattr(server_admin, "LOCK_WAIT", "200ms")
    with engine.connect() as other:  # another administrator's upgrade, still running
        other.execute(text("SELECT pg_advisory_lock(:k)"), {"k": server_admin.UPGRADE_LOCK})
        here = ["--data-dir", str(tmp_path / "office"), "--database-url", postgres_url]
        assert main(["server", "upgrade", *here]) == 1
        assert "Een andere update" in capsys.readouterr().err
        with engine.connect() as sql:
            assert current_revision(sql) != head_revision()
    engine.dispose()


def test_a_server_that_cannot_be_reached_is_a_sentence_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://chef:geheim-wachtwoord@127.0.0.1:1/werkleren"
    assert main(["check", "--data-dir", str(tmp_path), "--database-url", url]) == 1
    err = capsys.readouterr().err
    assert "is niet bereikbaar" in err
    assert "geheim" not in err
    elsewhere = ["--data-dir", str(tmp_path), "--database-url", "mysql://x/y"]
    assert main(["server", "init", *elsewhere]) == 1
    assert "PostgreSQL-server" in capsys.readouterr().err
    assert main(["server", "init", "--data-dir", str(tmp_path)]) == 1
    assert "--database-url" in capsys.readouterr().err


def database_files(url: str) -> bytes:
    """Every file of the database on the server's disk, after a checkpoint wrote what
    is in memory (the test's login is the cluster's superuser)."""
    engine = create_engine(url)
    with engine.connect() as sql:
        sql.execute(text("CHECKPOINT"))
        folder = Path(str(sql.execute(text("SHOW data_directory")).scalar()))
        oid = sql.execute(
            text("SELECT oid FROM pg_database WHERE datname = current_database()")
        ).scalar()
    engine.dispose()
    return b"".join(path.read_bytes() for path in (folder / "base" / str(oid)).iterdir())


def test_after_an_erasure_nothing_of_the_person_is_left_in_the_server_files(
    postgres_url: str, laptop: DataPaths, tmp_path: Path
) -> None:
    from werkleren_desktop.services.privacy import erase_person, plan_erasure

    here = ["--data-dir", str(tmp_path / "office"), "--database-url", postgres_url]
    assert main(["server", "init", *here]) == 0
    assert main(["server", "move", "--from", str(laptop.database), *here]) == 0
    engine = create_engine(postgres_url)
    with engine.connect() as sql:
        # the planner's statistics sample the e-mail addresses too (autovacuum gathers
        # them whenever it likes): they must go as well
        sql.execute(text("ANALYZE"))
        person_id, email = sql.execute(
            text("SELECT id, email FROM person WHERE email <> '' ORDER BY id LIMIT 1")
        ).one()
    engine.dispose()
    assert email.encode() in database_files(postgres_url)  # the check can fail

    # a manager's login may not erase: said before anything changes
    database = make_url(postgres_url).database or ""
    manager = add_login(postgres_url, "manager_c", Roles.of(database).users)
    store = open_data_folder(DataPaths(tmp_path / "m").with_server(manager))
    try:
        with pytest.raises(UserError, match="alleen de beheerder"):
            erase_person(store.sessions, person_id)
    finally:
        store.close()

    store = open_data_folder(DataPaths(tmp_path / "office").with_server(postgres_url))
    try:
        plan = plan_erasure(store.sessions, person_id)
        erased = erase_person(
            store.sessions, person_id, first_name_mentions=plan.first_name_mentions
        )
        assert erased.statistics_rewritten
        with store.sessions() as db:
            another = db.execute(
                text("SELECT id FROM person WHERE id <> :p ORDER BY id LIMIT 1"), {"p": person_id}
            ).scalar_one()
    finally:
        store.close()
    assert email.encode() not in database_files(postgres_url)

    # an administrator who did not create the database may erase, and is told that the
    # planner's statistics are the database owner's to write anew
    administrator = add_login(postgres_url, "second_admin_c", Roles.of(database).owner)
    store = open_data_folder(DataPaths(tmp_path / "a").with_server(administrator))
    try:
        assert not erase_person(store.sessions, another).statistics_rewritten
    finally:
        store.close()


def test_a_server_schema_newer_than_the_program_is_refused_untouched(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from werkleren_desktop.db.engine import make_engine
    from werkleren_desktop.storage.server_admin import init_server

    engine = make_engine(postgres_url)
    init_server(engine)
    with engine.begin() as sql:
        sql.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    here = ["--data-dir", str(tmp_path / "office"), "--database-url", postgres_url]
    for command in (["check"], ["server", "upgrade"], ["server", "init"]):
        assert main([*command, *here]) == 1
        assert "nieuwere versie" in capsys.readouterr().err
    with engine.connect() as sql:
        assert current_revision(sql) == "9999"
    engine.dispose()
