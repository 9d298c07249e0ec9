"""Attendance of formal training per day (services.training_attendance): a course's
participants and days on the organisation's calendar, marks saved all or nothing, the
share present, and the attendance list read back with pypdf; and the dialog."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.domain.constants import TrainingForm, TrainingStatus
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.errors import UserError
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.training import save_training
from werkleren_desktop.services.training_attendance import (
    course_days,
    read_course,
    save_attendance,
)
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


def test_a_courses_days_are_its_working_days_and_its_first_and_last() -> None:
    calendar = WorkCalendar()
    # Thursday to Tuesday: the weekend between left out
    assert course_days(calendar, D(2026, 11, 19), D(2026, 11, 24)) == (
        D(2026, 11, 19), D(2026, 11, 20), D(2026, 11, 23), D(2026, 11, 24),
    )  # fmt: skip
    # a course on a Saturday is held on that Saturday
    assert course_days(calendar, D(2026, 11, 21), D(2026, 11, 21)) == (D(2026, 11, 21),)


@pytest.fixture
def course(store: DataStore) -> list[int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    people = [
        save_person(store.sessions, PersonInput(first, last, D(2020, 1, 1)), TODAY)
        for first, last in (("Łukasz", "Wójcik"), ("Anna", "de Wit"), ("Bram", "Visser"))
    ]
    return save_training(
        store.sessions,
        TrainingInput(tuple(people), "VCA basis", TrainingForm.CERTIFICATION, D(2026, 11, 19),
                      D(2026, 11, 24), minutes=16 * 60, provider="Opleidingshuis Techniek",
                      status=TrainingStatus.DONE),
        TODAY,
    )  # fmt: skip


def test_marks_saved_and_the_share_present(store: DataStore, course: list[int]) -> None:
    read = read_course(store.sessions, course[0])
    assert [p.name for p in read.participants] == ["Bram Visser", "Anna de Wit", "Łukasz Wójcik"]
    assert len(read.days) == 4 and read.minutes_per_day() == 240
    bram = read.participants[0].training_id
    marks = {(bram, day): True for day in read.days}
    marks[(bram, read.days[2])] = False
    save_attendance(store.sessions, marks, TODAY)
    again = read_course(store.sessions, course[1])  # any participant's training: the course
    assert again.participants[0].share_present(again.days) == 0.75
    assert again.participants[1].share_present(again.days) is None
    with store.engine.connect() as sql:
        assert sql.execute(
            text("SELECT count(*), sum(CASE WHEN present THEN 1 ELSE 0 END)"
                 " FROM training_attendance WHERE training_id = :t"), {"t": bram}
        ).one() == (4, 3)  # fmt: skip
    # a day not marked after all; a day to come refused, and nothing of the save kept
    with pytest.raises(UserError):
        later = TODAY + dt.timedelta(days=3)
        save_attendance(store.sessions, {(bram, read.days[0]): None, (bram, later): True}, TODAY)
    assert read_course(store.sessions, bram).participants[0].marks[read.days[0]] is True


def test_the_attendance_list_a_page_a_day(store: DataStore, course: list[int]) -> None:
    from werkleren_desktop.documents.training_attendance_list import training_attendance_pdf

    read = read_course(store.sessions, course[0])
    reader = PdfReader(io.BytesIO(training_attendance_pdf(read, read.days, "Van Dijk", None,
                                                          TODAY)))  # fmt: skip
    assert len(reader.pages) == 4
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Presentielijst opleiding" in first and "Opleidingshuis Techniek" in first
    assert "19 november 2026 (dag 1 van 4)" in first and "Łukasz Wójcik" in first
    assert "een vinkje is geen handtekening" in first
    assert "Opleider" in first and "Leidinggevende" in first
