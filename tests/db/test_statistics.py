"""The query planner's statistics: gathered when missing or when a table changed size."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, text

from werkleren_desktop.db.engine import refresh_statistics
from werkleren_desktop.db.models import LearningSituation, SituationKind, SituationStatus
from werkleren_desktop.storage.data_store import DataStore

pytestmark = pytest.mark.sqlite_file  # SQLite's planner statistics (a server keeps its own)


def add_situations(store: DataStore, count: int) -> None:
    with store.sessions.begin() as session:
        session.execute(
            insert(LearningSituation),
            [
                {
                    "occurred_on": dt.date(2025, 1, 1) + dt.timedelta(days=n % 365),
                    "title": f"Situatie {n}",
                    "kind": SituationKind.IMPROVE,
                    "status": SituationStatus.DONE,
                }
                for n in range(count)
            ],
        )


def planner_rows(store: DataStore) -> int:
    with store.engine.connect() as connection:
        stats = connection.execute(
            text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'learning_situation'")
        ).scalars()
        return max(int(stat.split()[0]) for stat in stats)


def test_statistics_follow_the_size_of_the_data(store: DataStore) -> None:
    assert refresh_statistics(store.engine) is False  # nothing to learn from empty tables
    assert refresh_statistics(store.engine, schema_changed=True) is False  # not even then
    with store.engine.connect() as connection:  # no statistics were written at all
        tables = connection.execute(text("SELECT name FROM sqlite_master")).scalars()
        assert "sqlite_stat1" not in set(tables)
    add_situations(store, 300)
    assert refresh_statistics(store.engine) is True
    assert planner_rows(store) == 300
    assert refresh_statistics(store.engine) is False  # still about right
    assert refresh_statistics(store.engine, schema_changed=True) is True  # a new index
    add_situations(store, 200)
    assert refresh_statistics(store.engine) is False  # 500 is within twice 300
    add_situations(store, 400)
    assert refresh_statistics(store.engine) is True
    assert planner_rows(store) > 500  # sampled beyond ANALYSIS_LIMIT rows: an estimate


def test_a_demo_leaves_statistics_behind(store: DataStore) -> None:
    from werkleren_desktop.services.demo import DemoSize, generate_demo

    generate_demo(store.sessions, DemoSize.SMALL, today=dt.date(2026, 11, 28))
    assert planner_rows(store) > 0
    assert refresh_statistics(store.engine) is False
