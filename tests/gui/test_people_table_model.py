"""The people table model on its own: filtering and sorting hundreds of rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.conftest import TODAY
from werkleren_desktop.gui.people.table_model import PeopleTableModel, StatusFilter
from werkleren_desktop.services.people import PersonRow


def row(i: int, last: str, *, left: bool = False, manager: int | None = None) -> PersonRow:
    return PersonRow(
        id=i,
        first_name=f"P{i}",
        last_name=last,
        email=f"p{i}@x.nl",
        job_title="Monteur",
        manager_id=manager,
        manager_name="Baas" if manager else "",
        in_service=dt.date(2020, 1, 1) + dt.timedelta(days=i),
        out_of_service=dt.date(2024, 1, 1) if left else None,
        birth_year=None,
        contract_minutes=None,
    )


def test_filter_and_sort_without_a_window(qapp) -> None:
    model = PeopleTableModel(lambda: TODAY)
    rows = [
        row(i, f"Naam{i:03}", left=i % 5 == 0, manager=1 if i % 2 else None) for i in range(1, 501)
    ]
    model.set_people(rows)
    assert model.rowCount() == 400  # those who left are hidden by default
    model.set_filter("naam01", StatusFilter.ALL)
    assert model.rowCount() == 10  # Naam010 .. Naam019
    model.set_filter("", StatusFilter.LEFT, manager_id=1)
    assert model.rowCount() == 50 and all(model.row_at(r).manager_id == 1 for r in range(50))
    model.set_filter("", StatusFilter.ALL)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).id == 500
    assert model.data(model.index(0, 0)) == "Naam500, P500"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Naam"
