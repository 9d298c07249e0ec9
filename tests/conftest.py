"""Shared fixtures: a fresh data folder per test, Dutch by default, Qt offscreen."""

from __future__ import annotations

import os
from pathlib import Path

# Headless, on the design size: a 1366 x 768 laptop (the plain offscreen screen is 800 x 600).
os.environ.setdefault(
    "QT_QPA_PLATFORM",
    f"offscreen:configfile={Path(__file__).with_name('offscreen-screen.json')}",
)

import datetime as dt
from collections.abc import Iterator

import pytest

from werkleren_desktop.i18n import set_language
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.data_store import DataStore, open_data_folder

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    """Every test starts in Dutch, the default language, and leaves it that way."""
    set_language("nl")
    yield
    set_language("nl")


@pytest.fixture(autouse=True)
def no_stray_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A test that forgets --data-dir must never touch the real user data folder."""
    monkeypatch.setenv("WERKLEREN_DATA_DIR", str(tmp_path / "env-data"))


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="where the `store` fixture keeps the data: the laptop's file, or a "
        "throwaway PostgreSQL server (the shared mode)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--database") != "postgresql":
        return
    on_a_server = pytest.mark.skip(reason="a test of the SQLite data file itself")
    for item in items:
        if "sqlite_file" in item.keywords:
            item.add_marker(on_a_server)


@pytest.fixture
def store(data_paths: DataPaths, request: pytest.FixtureRequest) -> Iterator[DataStore]:
    if request.config.getoption("--database") == "postgresql":
        yield from _server_store(data_paths, request)
        return
    store = open_data_folder(data_paths)
    yield store
    store.close()


def _server_store(data_paths: DataPaths, request: pytest.FixtureRequest) -> Iterator[DataStore]:
    """The data on a database of its own on the throwaway server, prepared as its
    administrator would (``werkleren server init``) and opened as the program opens it;
    the folder keeps what stays on the laptop (drafts, backups, the window's state)."""
    from werkleren_desktop.db.engine import make_engine
    from werkleren_desktop.storage.server_admin import init_server

    url = request.getfixturevalue("postgres_url")
    admin = make_engine(url)
    try:
        init_server(admin)
    finally:
        admin.dispose()
    store = open_data_folder(data_paths.with_server(url))
    yield store
    store.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster for the whole run (tests/postgres.py). Where none
    can be started the tests that need it are skipped, except in CI, where the project's
    scripts install it and a missing server is a failure."""
    from tests.postgres import throwaway_cluster

    try:
        cluster = throwaway_cluster()
        url = cluster.__enter__()
    except Exception as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs a PostgreSQL server for these tests: {error}")
        pytest.skip(f"no PostgreSQL server here: {error}")
    try:
        yield url
    finally:
        cluster.__exit__(None, None, None)


@pytest.fixture
def postgres_url(postgres_server: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """An empty database of its own for one test, dropped afterwards."""
    import re

    from sqlalchemy import create_engine, text

    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:50]
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as sql:
        sql.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        sql.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield postgres_server.replace("/postgres?", f"/{name}?")
    finally:
        with admin.connect() as sql:
            sql.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def demo_server(postgres_url: str, data_paths: DataPaths) -> Iterator[DataStore]:
    """A database of its own on the throwaway server, prepared as its administrator
    would and holding the small demo, opened as the program opens it."""
    from werkleren_desktop.db.engine import make_engine
    from werkleren_desktop.services.demo import DemoSize, generate_demo
    from werkleren_desktop.storage.server_admin import init_server

    admin = make_engine(postgres_url)
    try:
        init_server(admin)
    finally:
        admin.dispose()
    store = open_data_folder(data_paths.with_server(postgres_url))
    generate_demo(store.sessions, DemoSize.SMALL)
    yield store
    store.close()
