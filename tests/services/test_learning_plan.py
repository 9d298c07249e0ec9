"""The SLIM-ready learning plan (services.learning_plan): on the small demo, the training
planned and the hours in week cycles of a year against SQL written here, the latest scan
up to the year's end, and the printed plan read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.documents.learning_plan_pdf import learning_plan_pdf
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.services.learning_plan import learning_plan
from werkleren_desktop.storage.data_store import DataStore


def test_the_plan_of_a_year_as_sql_counts_it(store: DataStore) -> None:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    year = TODAY.year
    plan = learning_plan(store.sessions, year)
    with store.engine.connect() as sql:
        trainings = sql.execute(
            text(
                "SELECT title, count(*), sum(minutes), sum(cost_cents) FROM training"
                " WHERE starts_on BETWEEN :first AND :last AND status <> 'cancelled'"
                " GROUP BY title"
            ),
            {"first": dt.date(year, 1, 1), "last": dt.date(year, 12, 31)},
        ).all()
        sessions = sql.execute(
            text(
                "SELECT g.name, count(*), sum(s.duration_minutes),"
                " sum(s.duration_minutes * (SELECT count(*) FROM group_membership m"
                "  WHERE m.group_id = c.group_id AND m.joined <= date(s.starts_at)"
                "  AND (m.left_on IS NULL OR m.left_on >= date(s.starts_at))))"
                " FROM cycle_session s JOIN week_cycle c ON c.id = s.cycle_id"
                " JOIN learning_group g ON g.id = c.group_id"
                " WHERE NOT s.cancelled AND NOT c.cancelled"
                " AND s.starts_at >= :first AND s.starts_at < :after GROUP BY g.name"
            ),
            {"first": dt.datetime(year, 1, 1), "after": dt.datetime(year + 1, 1, 1)},
        ).all()
        latest = sql.execute(
            text("SELECT title FROM scan WHERE held_on <= :last ORDER BY held_on DESC, id DESC"),
            {"last": dt.date(year, 12, 31)},
        ).first()
    assert trainings and sessions
    assert {(t.title, t.participants, t.minutes, t.cost_cents) for t in plan.trainings} == set(
        trainings
    )
    assert {(c.group, c.sessions, c.session_minutes, c.member_minutes) for c in plan.cycles} == (
        set(sessions)
    )
    assert plan.scan is not None and latest is not None and plan.scan.title == latest.title
    assert plan.scheme is not None and plan.scheme.share_percent == 60
    pdf = learning_plan_pdf(plan, TODAY)
    words = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        f"Leer- en ontwikkelplan {year}",
        "1. Waar we staan: de scan",
        plan.scan.title,
        "2. Geplande opleidingen",
        plan.trainings[0].title,
        "3. Leren tijdens het werk: vitale weekcycli",
        plan.cycles[0].group,
        "4. De SLIM-regeling",
        "60% van de kosten die meetellen",
        "een indicatie",
    ):
        assert expected in words, expected
