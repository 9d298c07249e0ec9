"""Mijn groepen en weekcycli: the learning groups one is in, the sessions of their week
cycles, and one's own check-in after a session (energy and meaning, 1 to 5)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QComboBox, QFormLayout, QPlainTextEdit, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.constants import AttendanceStatus
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.mine.base import SessionsPage, fill_table
from werkleren_desktop.gui.widgets import hint, paragraph
from werkleren_desktop.i18n import _
from werkleren_desktop.services.mine import (
    CheckIn,
    MyGroup,
    MySession,
    check_in,
    my_groups,
    my_sessions,
)


def _attendance(status: AttendanceStatus) -> str:
    return {
        AttendanceStatus.PRESENT: _("present"),
        AttendanceStatus.ABSENT: _("absent"),
        AttendanceStatus.EXCUSED: _("excused"),
    }[status]


def _score_box(value: int | None, low: str, high: str) -> QComboBox:
    box = QComboBox()
    box.addItem(_("not said"), None)
    for score in range(1, 6):
        label = f"{score}"
        if score == 1:
            label = f"1 · {low}"
        elif score == 5:
            label = f"5 · {high}"
        box.addItem(label, score)
    box.setCurrentIndex(max(0, box.findData(value)))
    return box


def check_in_text(session: MySession, today: dt.date) -> str:
    """What the sessions list says of one's part in a session."""
    if session.cancelled:
        return _("cancelled")
    if session.status is None:
        return _("check in after the session") if session.took_place(today) else ""
    if session.status is not AttendanceStatus.PRESENT:
        return _attendance(session.status)
    parts = [_("present")]
    if session.energy is not None:
        parts.append(_("energy {n}").format(n=session.energy))
    if session.meaning is not None:
        parts.append(_("meaning {n}").format(n=session.meaning))
    return " · ".join(parts)


class CheckInDialog(FormDialog):
    """One's own check-in after a session: it says one was there."""

    def __init__(
        self,
        sessions: SessionFactory,
        today: dt.date,
        person_id: int,
        session: MySession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("How was the session for you?"), parent)
        self.sessions, self.today, self.person_id, self.session = (
            sessions,
            today,
            person_id,
            session,
        )
        mine = session.status is AttendanceStatus.PRESENT
        self.energy = _score_box(session.energy if mine else None, _("drained"), _("energised"))
        self.meaning = _score_box(
            session.meaning if mine else None, _("meant little"), _("meant a lot")
        )
        self.note = QPlainTextEdit(session.note if mine else "")
        self.note.setPlaceholderText(_("A word or two: what you take with you"))
        self.note.setMinimumHeight(70)
        self.fields = {"energy": self.energy, "meaning": self.meaning, "note": self.note}
        form = QFormLayout()
        form.addRow(
            "",
            paragraph(
                _("{group}, day {n} of 4, {day}").format(
                    group=session.group_name,
                    n=session.day_number,
                    day=format_date(session.starts_at.date(), "full"),
                )
            ),
        )
        form.addRow(_("Energy"), self.energy)
        form.addRow(_("Meaning"), self.meaning)
        form.addRow(_("Note"), self.note)
        form.addRow("", hint(_("Checking in says you were there. Your manager sees it.")))
        self.setMinimumWidth(480)
        self.finish_layout(form)
        self.energy.setFocus()

    def snapshot(self) -> object:
        return (self.energy.currentIndex(), self.meaning.currentIndex(), self.note.toPlainText())

    def save(self) -> None:
        check_in(
            self.sessions,
            self.session.id,
            self.person_id,
            CheckIn(self.energy.currentData(), self.meaning.currentData(), self.note.toPlainText()),
            self.today,
        )


class MyGroupsPage(SessionsPage[MySession]):
    area_key = "my_groups"

    def build(self) -> None:
        self.not_yet = _("You check in after the session; this one is on {day}.")
        self.build_sessions(
            _("Check in…"),
            _("My learning groups"),
            _("Sessions"),
            [_("Day"), _("Time"), _("Group"), _("Session"), _("Theme"), _("Place"), _("You")],
            _("No week cycles of your groups have been planned yet."),
        )
        self.check_in_button = self.session_button

    def refresh(self) -> None:
        me, today = self.seat.person_id, self.today()
        self.load(
            lambda: (my_groups(self.sessions, me, today), my_sessions(self.sessions, me)),
            self._show,
        )

    def _show(self, found: tuple[list[MyGroup], list[MySession]]) -> None:
        self.error_label.clear()
        groups, self.shown = found
        today = self.today()
        lines = []
        for group in groups:
            when = (
                _("since {day}").format(day=format_date(group.joined))
                if group.left_on is None
                else _("until {day}").format(day=format_date(group.left_on))
            )
            others = ", ".join(group.members) or _("nobody else yet")
            expert = (
                "<br>" + html.escape(_("Expert on call: {name}").format(name=group.expert))
                if group.expert
                else ""
            )
            together = _("With: {names}").format(names=others)
            lines.append(
                f"<b>{html.escape(group.name)}</b> · {html.escape(when)}"
                f"<br>{html.escape(together)}{expert}"
            )
        self.groups_label.setText(
            "<br><br>".join(lines) or html.escape(_("You are not in a learning group yet."))
        )
        fill_table(
            self.table,
            [
                (
                    s.id,
                    (
                        format_date(s.starts_at.date(), "short"),
                        s.starts_at.strftime("%H:%M"),
                        s.group_name,
                        _("day {n} of 4").format(n=s.day_number),
                        s.theme,
                        s.location,
                        check_in_text(s, today),
                    ),
                )
                for s in self.shown
            ],
        )
        self.table.setVisible(bool(self.shown))
        self.empty.setVisible(not self.shown)
        self.update_button()

    def after_session(self, session: MySession) -> None:
        dialog = CheckInDialog(self.sessions, self.today(), self.seat.person_id, session, self)
        self.open_form(dialog, _("Thank you: your check-in was saved."))
