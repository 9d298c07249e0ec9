"""Weekcycli through the window: plan, see conflicts, record attendance, export."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from tests.calendar_clients import check_calendar_file
from tests.conftest import TODAY
from tests.gui.helpers import type_text
from werkleren_desktop.db.models import AttendanceStatus
from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.gui.cycles.table_model import PeriodFilter
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.services.cycles import (
    CycleDraft,
    cancel_session,
    list_cycles,
    plan_cycle,
    session_events,
    session_marks,
)
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import (
    create_organisation,
    load_settings,
    save_settings,
)
from werkleren_desktop.services.people import save_person

D = dt.date


@pytest.fixture
def window(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    group = save_group(store.sessions, GroupInput("Brood", D(2026, 1, 1)))
    other = save_group(store.sessions, GroupInput("Taart", D(2026, 1, 1)))
    for first, last in (("Łukasz", "Wójcik"), ("Sanne", "Jansen"), ("Kees", "Visser")):
        pid = save_person(
            store.sessions,
            PersonInput(first, last, D(2020, 1, 1), email=f"{first.lower()}@b.nl"),
            TODAY,
        )
        add_member(store.sessions, group, pid, D(2026, 1, 1))
        if first == "Sanne":
            add_member(store.sessions, other, pid, D(2026, 1, 1))
    window = make_window()
    window.show_area("cycles")
    return window


def open_plan(qtbot, page, group: str, start: QDate):
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.group.setCurrentIndex(dialog.group.findText(group))
    dialog.start.setDate(start)
    return dialog


def test_planning_in_ascension_week_proposes_the_nearest_start(window, qtbot, store) -> None:
    page = window.cycles_page
    dialog = open_plan(qtbot, page, "Brood", QDate(2027, 5, 3))
    assert dialog.windowTitle() == "Weekcyclus plannen"
    text = dialog.proposal.text()
    assert "maandag 10 mei 2027 tot en met donderdag 13 mei 2027" in text
    assert "Verschoven: donderdag 6 mei 2027 is de organisatie gesloten (Hemelvaartsdag)." in text
    type_text(qtbot, dialog.location, "Leerlokaal")
    dialog.time.setTime(QTime(9, 30))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.statusBar().currentMessage() == "Weekcyclus gepland."
    assert page.panel.title.text() == "Weekcyclus van Brood"
    events = session_events(store.sessions)
    assert [e.starts_at.date() for e in events] == [D(2027, 5, d) for d in (10, 11, 12, 13)]
    assert events[0].starts_at.time() == dt.time(9, 30)
    assert events[0].location == "Leerlokaal"
    assert events[0].theme.startswith("Kies een werksituatie")


def test_a_series_and_a_conflict_shown_before_saving(window, qtbot, store, fake_prompts) -> None:
    page = window.cycles_page
    dialog = open_plan(qtbot, page, "Taart", QDate(2026, 11, 30))
    type_text(qtbot, dialog.location, "Kantine")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialog = open_plan(qtbot, page, "Brood", QDate(2026, 11, 30))
    dialog.count.setValue(3)
    type_text(qtbot, dialog.location, "Kantine")
    qtbot.keyClick(dialog.location, Qt.Key.Key_Tab)
    text = dialog.proposal.text()
    assert "Kantine is op maandag 30 november 2026 bezet door Taart." in text
    assert "Sanne Jansen heeft op maandag 30 november 2026 al een sessie van Taart." in text
    assert dialog.save_button.text() == "3 cycli plannen"

    fake_prompts.confirm_answer = False  # "Plan aanpassen"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert len(list_cycles(store.sessions)) == 1
    dialog.time.setTime(QTime(10, 0))  # another hour: no clash left
    assert "bezet" not in dialog.proposal.text()
    fake_prompts.asked.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert fake_prompts.asked == []
    assert len(list_cycles(store.sessions)) == 4
    assert window.statusBar().currentMessage() == "3 weekcycli gepland."


def test_attendance_and_check_ins(window, qtbot, store) -> None:
    page = window.cycles_page
    dialog = open_plan(qtbot, page, "Brood", QDate(2026, 11, 30))  # after today
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    page.panel.sessions.selectRow(0)
    assert not page.panel.attendance_button.isEnabled()  # it has not taken place yet
    assert page.panel.attendance_button.toolTip() == (
        "Aanwezigheid wordt vastgelegd zodra de sessie heeft plaatsgevonden."
    )
    dialog = open_plan(qtbot, page, "Brood", QDate(2026, 11, 16))  # before today
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    page.panel.sessions.selectRow(0)
    qtbot.mouseClick(page.panel.attendance_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "Dag 1 van Brood, maandag 16 november 2026"
    qtbot.mouseClick(dialog.all_present, Qt.MouseButton.LeftButton)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert names == ["Sanne Jansen", "Kees Visser", "Łukasz Wójcik"]
    dialog.status_boxes[1].setCurrentIndex(
        dialog.status_boxes[1].findData(AttendanceStatus.EXCUSED)
    )
    assert not dialog.energy_boxes[1].isEnabled()
    dialog.energy_boxes[0].setValue(4)
    dialog.meaning_boxes[0].setValue(5)
    type_text(qtbot, dialog.notes[0], "Veel geleerd")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    session_id = page.panel.detail.sessions[0].id
    marks = {m.name: m for m in session_marks(store.sessions, session_id)}
    assert marks["Sanne Jansen"].energy == 4 and marks["Sanne Jansen"].note == "Veel geleerd"
    assert marks["Kees Visser"].status is AttendanceStatus.EXCUSED
    assert page.panel.sessions.item(0, 3).text() == "2/3"
    assert page.panel.sessions.item(0, 4).text() == "4,0"


def test_moving_cancelling_and_exporting(window, qtbot, store, fake_prompts, tmp_path) -> None:
    page = window.cycles_page
    dialog = open_plan(qtbot, page, "Brood", QDate(2026, 11, 30))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    page.panel.sessions.selectRow(3)
    qtbot.mouseClick(page.panel.move_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.when.setDateTime(QDateTime(QDate(2026, 12, 7), QTime(15, 0)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == (
        "De vier sessies vallen niet meer op opeenvolgende dagen."
    )

    page.panel.sessions.selectRow(0)
    qtbot.mouseClick(page.panel.cancel_session_button, Qt.MouseButton.LeftButton)
    assert page.panel.sessions.item(0, 2).text() == "afgezegd"

    fake_prompts.save_file = tmp_path / "brood.ics"
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    check_calendar_file(fake_prompts.save_file.read_bytes(), store.sessions)
    events = Calendar.from_ical(fake_prompts.save_file.read_bytes()).walk("VEVENT")
    assert [str(e["status"]) for e in events] == [
        "CANCELLED",
        "CONFIRMED",
        "CONFIRMED",
        "CONFIRMED",
    ]
    # no organiser set: nobody is invited, the description names the members
    assert "attendee" not in events[1]
    assert str(events[1]["description"]).endswith(
        "Deelnemers: Sanne Jansen, Kees Visser, Łukasz Wójcik"
    )
    assert window.statusBar().currentMessage().startswith("4 sessies geschreven naar")
    assert page.export_button.isEnabled()


def test_the_export_runs_in_the_background_beside_other_work(
    make_window, qtbot, store, fake_prompts, tmp_path
) -> None:
    """A real thread: the button is off while the file is written, a session cancelled
    meanwhile is in the next file, and its SEQUENCE rose once."""
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    settings = load_settings(store.sessions)
    assert settings is not None
    save_settings(store.sessions, replace(settings, email="leren@bakkerij.nl"))
    group = save_group(store.sessions, GroupInput("Brood", D(2026, 1, 1)))
    for n, first_name in enumerate(("Łukasz", "Sanne", "Kees")):
        pid = save_person(
            store.sessions,
            PersonInput(first_name, f"Bakker{n}", D(2020, 1, 1), email=f"{n}@b.nl"),
            TODAY,
        )
        add_member(store.sessions, group, pid, D(2026, 1, 1))
    for week in range(30):
        plan_cycle(
            store.sessions,
            CycleDraft(
                group,
                cycle_days(D(2027, 1, 4) + dt.timedelta(weeks=week)),
                SessionTimes(),
                ("",) * 4,
            ),
        )
    runner = TaskRunner()
    window = make_window(tasks=runner)
    window.show_area("cycles")
    page = window.cycles_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 30)
    fake_prompts.save_file = tmp_path / "cycli.ics"
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert not page.export_button.isEnabled()
    cancel_session(store.sessions, 1)  # meanwhile, on this thread
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=20_000)
    assert not page.error_label.isVisible(), page.error_label.text()
    assert window.statusBar().currentMessage().startswith("120 sessies geschreven naar")
    check_calendar_file(fake_prompts.save_file.read_bytes(), store.sessions)
    first = Calendar.from_ical(fake_prompts.save_file.read_bytes()).walk("VEVENT")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=20_000)
    runner.wait()
    check_calendar_file(fake_prompts.save_file.read_bytes(), store.sessions)
    second = Calendar.from_ical(fake_prompts.save_file.read_bytes()).walk("VEVENT")
    assert [str(e["status"]) for e in second].count("CANCELLED") == 1
    assert [e.decoded("sequence") for e in second] == [
        e.decoded("sequence") + (str(e["status"]) != str(s["status"]))
        for e, s in zip(first, second, strict=True)
    ]
    assert {str(a) for a in second[5].get("attendee")} == {
        "mailto:0@b.nl",
        "mailto:1@b.nl",
        "mailto:2@b.nl",
    }


def test_past_and_upcoming(window, qtbot) -> None:
    page = window.cycles_page
    dialog = open_plan(qtbot, page, "Brood", QDate(2026, 10, 5))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0  # in the past; the list shows upcoming cycles
    page.period_box.setCurrentIndex(page.period_box.findData(PeriodFilter.PAST))
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 4)) == "—"  # no attendance recorded yet


def test_printing_the_attendance_list(window, qtbot, fake_prompts, tmp_path) -> None:
    from pypdf import PdfReader

    page = window.cycles_page
    dialog = open_plan(qtbot, page, "Brood", QDate(2026, 11, 30))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.panel.print_button, Qt.MouseButton.LeftButton)
    preview = page.preview  # shown first: to print, or to save as PDF
    assert preview.isVisible() and preview.windowTitle() == "Presentielijst"
    assert preview.suggested_name.startswith("presentielijst Brood 2026-11-30")
    fake_prompts.print_file = tmp_path / "geprint.pdf"  # the "printer" writes a PDF
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert fake_prompts.print_file.exists()
    fake_prompts.save_file = tmp_path / "lijst.pdf"
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    text = " ".join(PdfReader(fake_prompts.save_file).pages[0].extract_text().split())
    assert "Presentielijst vitale weekcyclus" in text and "Łukasz Wójcik" in text
    preview.reject()


def test_the_trend_of_a_group(window, qtbot, store) -> None:
    from werkleren_desktop.services.cycles import AttendanceInput, record_attendance

    page = window.cycles_page
    for start in (QDate(2026, 9, 7), QDate(2026, 10, 19)):
        dialog = open_plan(qtbot, page, "Brood", start)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    people = {m.name: m.person_id for m in session_marks(store.sessions, 1)}
    for session_id, energy in ((1, 2), (5, 4)):
        record_attendance(
            store.sessions,
            session_id,
            [AttendanceInput(pid, AttendanceStatus.PRESENT, energy, 3) for pid in people.values()],
            TODAY,
        )
    page.period_box.setCurrentIndex(page.period_box.findData(PeriodFilter.PAST))
    page.table.selectRow(0)
    trend = page.panel.trend
    assert trend.view.isVisibleTo(page) and not trend.empty.isVisibleTo(page)
    assert [p.mean_energy for p in trend.points] == [2.0, 4.0]
    assert trend.caption.text() == "2 cycli van 7 sep 2026 tot 19 okt 2026"
    names = [s.name() for s in trend.chart.series()]
    assert names == ["Energie", "Zingeving", "Opkomst"]
    window.show_area("groups")
    window.groups_page.status_box.setCurrentIndex(0)
    window.groups_page.select_record(1)
    assert [p.attendance_rate for p in window.groups_page.panel.trend.points] == [1.0, 1.0]


def test_the_calendar_in_month_and_week(window, qtbot) -> None:
    page = window.cycles_page
    dialog = open_plan(qtbot, page, "Brood", QDate(2026, 12, 14))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    page.views.setCurrentIndex(1)
    calendar = page.calendar
    assert calendar.title.text() == "november 2026"  # today is 28 November 2026
    qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    assert calendar.title.text() == "december 2026"
    with_sessions = [c.day for c in calendar.cells if c.items]
    assert with_sessions == [D(2026, 12, d) for d in (14, 15, 16, 17)]
    assert "15:00 Brood" in calendar.cells[14].items[0].text()

    qtbot.mouseClick(calendar.week_button, Qt.MouseButton.LeftButton)
    # the week holding the first of the month shown
    assert calendar.title.text() == "Week 49, 30 nov tot en met 6 dec 2026"
    calendar.anchor = D(2026, 12, 16)
    calendar.rebuild()
    assert len(calendar.cells) == 7 and calendar.cells[0].day == D(2026, 12, 14)
    assert "dag 1" in calendar.cells[0].items[0].text()

    qtbot.mouseClick(calendar.cells[2].items[0], Qt.MouseButton.LeftButton)
    assert page.views.currentIndex() == 0
    assert page.panel.title.text() == "Weekcyclus van Brood"


def plan_far_ahead(store) -> list[D]:
    """Brood in December 2026, Taart in September 2027: beyond the months the calendar
    first reads (November 2026, when the test's today falls, and four either side)."""
    days: list[D] = []
    for group, start in ((1, D(2026, 12, 14)), (2, D(2027, 9, 6))):
        plan_cycle(
            store.sessions,
            CycleDraft(
                group, cycle_days(start), SessionTimes(dt.time(9), 60, "Kantine"), ("",) * 4
            ),
        )
        days += cycle_days(start)
    return days


def count_sessions(store, days: tuple[D, D]) -> int:
    from sqlalchemy import text

    with store.sessions() as db:
        return db.scalar(
            text("SELECT count(*) FROM cycle_session WHERE starts_at >= :a AND starts_at < :b"),
            {
                "a": dt.datetime.combine(days[0], dt.time()),
                "b": dt.datetime.combine(days[1], dt.time.max),
            },
        )


def test_the_calendar_reads_the_months_around_the_one_shown(window, qtbot, store) -> None:
    """Ten years of sessions are not read to show one month (#34): the calendar asks for
    the months around it, steps within them without reading, reads the next ones while
    a month of them is left, and draws each month once."""
    days = plan_far_ahead(store)
    page = window.cycles_page
    page.refresh()
    calendar = page.calendar
    asked: list[tuple[D, D]] = []
    calendar.days_needed.connect(asked.append)
    drawn: list[D] = []
    draw = calendar._draw

    def counted(shown: list[D]) -> None:
        drawn.append(shown[0])
        draw(shown)

    calendar._draw = counted
    page.views.setCurrentIndex(1)
    assert len(asked) == 1 and page.events_days == asked[0] == calendar.wanted_days()
    assert asked[0][0] < D(2026, 10, 26) and D(2027, 2, 1) < asked[0][1] < D(2027, 9, 6)
    assert len(page.events) == count_sessions(store, asked[0]) == 4  # December's only
    assert len(drawn) == 1
    for month in range(10):  # to September 2027, one click a month
        drawn.clear()
        qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
        assert len(drawn) == 1, month  # reading ahead draws nothing again
        shown = calendar.visible_days()
        assert page.events_days[0] <= shown[0] - dt.timedelta(days=35)
        assert shown[-1] + dt.timedelta(days=35) <= page.events_days[1]
    assert calendar.title.text() == "september 2027"
    assert 2 <= len(asked) <= 4  # not one read a month
    assert len(page.events) == count_sessions(store, page.events_days)
    assert [c.day for c in calendar.cells if c.items] == days[4:]
    qtbot.mouseClick(calendar.today_button, Qt.MouseButton.LeftButton)
    assert calendar.title.text() == "november 2026"
    assert page.events_days[0] <= calendar.visible_days()[0]  # read again, far back
    qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    assert [c.day for c in calendar.cells if c.items] == days[:4]


def test_stepping_on_while_the_months_are_read(make_window, store, qtbot) -> None:
    """Clicks faster than the reading, with the work really in the background: the
    answers to older questions are dropped, and the month the user stops at shows its
    own sessions."""
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    for name in ("Brood", "Taart"):
        save_group(store.sessions, GroupInput(name, D(2026, 1, 1)))
    days = plan_far_ahead(store)
    runner = TaskRunner()
    window = make_window(tasks=runner)
    window.show_area("cycles")
    page = window.cycles_page
    calendar = page.calendar
    page.views.setCurrentIndex(1)
    for _month in range(10):
        qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [c.day for c in calendar.cells if c.items] == days[4:], timeout=20_000)
    runner.wait()
    assert calendar.title.text() == "september 2027"
    shown = calendar.visible_days()
    assert page.events_days[0] <= shown[0] and shown[-1] <= page.events_days[1]
    assert len(page.events) == count_sessions(store, page.events_days)


def test_the_past_cycles_are_read_when_the_list_first_shows_them(make_window, store, qtbot) -> None:
    """The list opens on the upcoming cycles and reads only those; the past ones (ten
    years of turnout) are read in the background when the user asks for them, and until
    they come the list keeps showing what it showed."""
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    group = save_group(store.sessions, GroupInput("Brood", D(2026, 1, 1)))
    for monday in (D(2026, 9, 7), D(2026, 10, 5), D(2026, 12, 7)):
        times = SessionTimes(dt.time(15), 60, "Kantine")
        plan_cycle(store.sessions, CycleDraft(group, cycle_days(monday), times, ("",) * 4))
    runner = TaskRunner()
    window = make_window(tasks=runner)
    window.show_area("cycles")
    page = window.cycles_page

    def firsts() -> list[str]:
        return [page.model.data(page.model.index(row, 1)) for row in range(page.model.rowCount())]

    qtbot.waitUntil(lambda: firsts() == ["07-12-2026"], timeout=10_000)
    page.period_box.setCurrentIndex(page.period_box.findData(PeriodFilter.PAST))
    assert firsts() == ["07-12-2026"]  # not an empty list while the past is read
    qtbot.waitUntil(lambda: firsts() == ["05-10-2026", "07-09-2026"], timeout=10_000)
    page.period_box.setCurrentIndex(page.period_box.findData(PeriodFilter.ALL))
    assert firsts() == ["07-09-2026", "05-10-2026", "07-12-2026"]  # read already
    page.period_box.setCurrentIndex(page.period_box.findData(PeriodFilter.UPCOMING))
    assert firsts() == ["07-12-2026"]
    runner.wait()


def test_the_same_group_twice_on_the_same_days_is_refused(
    window, qtbot, store, fake_prompts
) -> None:
    """10-13 May 2027 at 07:30 and again at 15:00: the second plan says why, stays open."""
    page = window.cycles_page
    dialog = open_plan(qtbot, page, "Brood", QDate(2027, 5, 10))
    dialog.time.setTime(QTime(7, 30))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    dialog = open_plan(qtbot, page, "Brood", QDate(2027, 5, 10))
    dialog.time.setTime(QTime(15, 0))
    fake_prompts.confirm_answer = True  # plan despite the conflicts it names
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith(
        "Brood komt op maandag 10 mei 2027 al samen in een andere weekcyclus"
    )
    assert len(list_cycles(store.sessions)) == 1
    dialog.discard()


def test_the_calendar_shows_why_a_day_is_quiet(window, qtbot, store) -> None:
    """Public holidays and closing days are in the calendar, so a manager sees why a
    cycle moved: closed days tinted with their reason, open holidays named."""
    from werkleren_desktop.domain.organisation import ClosingPeriodInput

    settings = load_settings(store.sessions)
    assert settings is not None
    save_settings(
        store.sessions,
        replace(
            settings,
            closing_periods=(
                ClosingPeriodInput(D(2026, 12, 28), D(2026, 12, 31), "Kerstsluiting"),
            ),
        ),
    )
    page = window.cycles_page
    page.views.setCurrentIndex(1)
    calendar = page.calendar
    qtbot.waitUntil(lambda: calendar.work_calendar is not None)
    qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)  # December 2026
    notes = {c.day: c.note for c in calendar.cells if c.note}
    assert notes[D(2026, 12, 25)] == ("Eerste kerstdag", True)
    assert notes[D(2026, 12, 29)] == ("Kerstsluiting", True)
    christmas = next(c for c in calendar.cells if c.day == D(2026, 12, 25))
    assert christmas.note_label is not None and christmas.note_label.toolTip() == "Eerste kerstdag"
    assert "#f7ecea" in christmas.styleSheet()
    calendar.anchor = D(2027, 3, 26)
    calendar.rebuild()  # Good Friday 2027: a holiday most organisations stay open on
    good_friday = next(c for c in calendar.cells if c.day == D(2027, 3, 26))
    assert good_friday.note == ("Goede Vrijdag", False)
    assert "#f7ecea" not in good_friday.styleSheet()


def test_a_full_day_opens_and_a_session_keeps_the_list_filter(window, qtbot, store) -> None:
    """Four groups on one day: the month shows three and "+1 meer", which opens the day
    with all four; choosing a past session shows its cycle without touching the list's
    filter ("komend"), and names are cut at a word, never in one."""
    groups = [1, 2] + [  # Brood and Taart, and two more
        save_group(store.sessions, GroupInput(name, D(2026, 1, 1)))
        for name in ("Banket en gebak voor de feestdagen", "Chocolade")
    ]
    for hour, group in zip((8, 10, 13, 15), groups, strict=True):
        plan_cycle(
            store.sessions,
            CycleDraft(
                group,
                cycle_days(D(2026, 11, 2)),
                SessionTimes(dt.time(hour, 0), 60, f"Lokaal {hour}"),
                ("",) * 4,
            ),
        )
    page = window.cycles_page
    page.refresh()
    period = page.period_box.currentText()
    page.views.setCurrentIndex(1)
    calendar = page.calendar
    qtbot.waitUntil(lambda: bool(calendar.events))
    monday = next(c for c in calendar.cells if c.day == D(2026, 11, 2))
    assert len(monday.items) == 3 and monday.more_button is not None
    assert monday.more_button.text() == "+1 meer"
    long_name = monday.items[2]
    qtbot.waitUntil(long_name.isVisible)  # the cells show once the event loop runs
    # and are cut to their width once laid out
    qtbot.waitUntil(lambda: long_name.shown_text != long_name.full_text)
    words = long_name.full_text.split()
    assert long_name.shown_text.endswith("…")
    assert long_name.shown_text[:-1].split() == words[: len(long_name.shown_text[:-1].split())]

    qtbot.mouseClick(monday.more_button, Qt.MouseButton.LeftButton)
    menu = monday.menu
    assert menu is not None
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0] == "maandag 2 november 2026"
    assert [t.split("  ")[0] for t in texts[1:]] == [
        "08:00–09:00",
        "10:00–11:00",
        "13:00–14:00",
        "15:00–16:00",
    ]
    assert texts[4].startswith("15:00–16:00  Chocolade")
    with qtbot.waitSignal(window.statusBar().messageChanged):
        menu.actions()[-1].trigger()
    menu.close()
    assert page.views.currentIndex() == 0
    assert page.panel.title.text() == "Weekcyclus van Chocolade"
    assert page.period_box.currentText() == period  # the user's filter stays
    assert window.statusBar().currentMessage() == (
        f"Deze cyclus staat niet in de lijst zoals die nu gefilterd is ({period})."
    )
