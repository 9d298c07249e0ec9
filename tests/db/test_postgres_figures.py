"""The same data give the same figures on the laptop's file and on a PostgreSQL server:
the demo is made on both, and every read the pages make is compared (the services
spell some SQL per database: days between dates, counts of what is true, search)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from tests.postgres import prepare_roles
from werkleren_desktop.db.engine import SessionFactory, make_engine, make_session_factory
from werkleren_desktop.db.migrate import upgrade_database
from werkleren_desktop.domain.scans import Period
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services import (
    conversations,
    cycles,
    groups,
    home,
    overview,
    people,
    scans,
    situations,
    training,
)
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.storage.data_store import open_data_folder


@pytest.fixture(scope="module")
def on_both(
    postgres_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[SessionFactory, SessionFactory]]:
    """The small demo, made once on a data file and once on the server."""
    admin = make_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as sql:
        sql.execute(text("DROP DATABASE IF EXISTS figures"))
        sql.execute(text("CREATE DATABASE figures"))
    engine = make_engine(postgres_server.replace("/postgres?", "/figures?"))
    prepare_roles(engine)
    upgrade_database(engine, None, None)
    server = make_session_factory(engine)
    store = open_data_folder(DataPaths(tmp_path_factory.mktemp("figures") / "data"))
    for database in (store.sessions, server):
        generate_demo(database, DemoSize.SMALL, today=TODAY)
    yield store.sessions, server
    store.close()
    engine.dispose()
    with admin.connect() as sql:
        sql.execute(text("DROP DATABASE figures WITH (FORCE)"))
    admin.dispose()


def plain(value: Any) -> Any:
    """Results as plain values to compare (dataclasses of either database alike)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, 9)
    return value


READS: dict[str, Callable[[SessionFactory], Any]] = {
    "settings": load_settings,
    "people": people.list_people,
    "groups": lambda d: groups.list_groups(d, TODAY),
    "cycles": cycles.list_cycles,
    "sessions": lambda d: cycles.session_events(d),
    "trend": lambda d: groups.list_groups(d, TODAY) and cycles.group_trend(d, 1, TODAY),
    "situations": lambda d: situations.list_situations(d, situations.SituationFilter()),
    "search": lambda d: situations.list_situations(
        d, situations.SituationFilter(search="Klant overdracht")
    ),
    "short search": lambda d: situations.count_situations(
        d, situations.SituationFilter(search="ke")
    ),
    "by who": lambda d: situations.list_situations(
        d, situations.SituationFilter(order=situations.SituationOrder.WHO, descending=False)
    ),
    "due": lambda d: conversations.due_overview(
        d,
        TODAY,
        load_settings(d).conversation_schedule,  # type: ignore[union-attr]
    ),
    "conversations": conversations.list_conversations,
    "agreements": conversations.open_agreements,
    "facts": lambda d: conversations.period_facts(d, 3, dt.date(2026, 1, 1), TODAY),
    "trainings": lambda d: training.list_trainings(d, TODAY.year),
    "budgets": lambda d: training.budgets(d, TODAY.year),
    "certificates": lambda d: training.expiring_certificates(d, TODAY),
    "overview": lambda d: overview.year_overview(d, TODAY.year - 1),
    "home": lambda d: home.home_summary(d, TODAY),
    "scans": scans.list_scans,
    "measured": lambda d: scans.measure(d, Period(dt.date(2025, 11, 29), TODAY)),
}


@pytest.mark.parametrize("read", list(READS))
def test_the_same_figures_on_both_databases(on_both, read: str) -> None:
    laptop, server = on_both
    assert plain(READS[read](server)) == plain(READS[read](laptop))


def test_new_rows_after_the_demo_get_new_ids_on_the_server(postgres_url: str) -> None:
    """The demo writes its rows with their ids; a server's sequences must go on after
    them, or the first person saved after the demo fails with a duplicate key."""
    from werkleren_desktop.domain.constants import SituationKind
    from werkleren_desktop.domain.people import PersonInput
    from werkleren_desktop.domain.situations import SituationInput

    engine = make_engine(postgres_url)
    try:
        prepare_roles(engine)
        upgrade_database(engine, None, None)
        server = make_session_factory(engine)
        generate_demo(server, DemoSize.SMALL, today=TODAY)
        new_id = people.save_person(server, PersonInput("Nieuw", "Mens", TODAY), TODAY)
        situation = situations.save_situation(
            server, SituationInput(TODAY, "Na de demo", SituationKind.ANALYSE, (new_id,)), TODAY
        )
        with server() as db:
            highest = db.execute(text("SELECT max(id) FROM person")).scalar_one()
            last = db.execute(text("SELECT max(id) FROM learning_situation")).scalar_one()
        assert (new_id, situation) == (highest, last)
    finally:
        engine.dispose()
