"""A manager's team in their own window: the people who report to them, directly or
through others, with where each one's learning stands (Mijn team), and the learning
groups and week cycles the team is in, with the team's attendance and check-ins
(Groepen en weekcycli van mijn team)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton

from werkleren_desktop.domain.constants import TrainingForm
from werkleren_desktop.domain.conversations import DUE_LABELS
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.domain.people import format_hours
from werkleren_desktop.domain.scans import format_score
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.gui.cycles.attendance_dialog import AttendanceDialog
from werkleren_desktop.gui.mine.base import MinePage, SessionsPage, fill_table, own_table
from werkleren_desktop.gui.requests.dialog import RequestDialog
from werkleren_desktop.gui.training.training_dialog import TrainingDialog
from werkleren_desktop.gui.widgets import hint, paragraph
from werkleren_desktop.i18n import _, current_language, n_
from werkleren_desktop.services.cycles import MemberMark
from werkleren_desktop.services.people import PersonRow, people_within_reach
from werkleren_desktop.services.team import (
    TeamGroup,
    TeamMember,
    TeamSession,
    team,
    team_groups,
    team_marks,
)


def conversation_text(member: TeamMember) -> str:
    """Where their talent conversation of this half year stands, with its date."""
    due = member.due
    if due is None:
        return ""
    day = due.conversation_on or due.due_on
    status = _(DUE_LABELS[due.status])
    return f"{status} · {format_date(day, 'short')}" if day else status


def sessions_text(present: int, recorded: int) -> str:
    if not recorded:
        return ""
    return _("{present} of {recorded}").format(present=present, recorded=recorded)


class MyTeamPage(MinePage):
    area_key = "team_people"

    def build(self) -> None:
        self.members: list[TeamMember] = []
        self.conversation_button = QPushButton(_("Conversation…"))
        self.conversation_button.setToolTip(
            _("Open this half year's talent conversation, or plan it")
        )
        self.conversation_button.clicked.connect(self._conversation)
        self.request_button = QPushButton(_("Record a learning request…"))
        self.request_button.clicked.connect(self._request)
        self.training_button = QPushButton(_("Record training…"))
        self.training_button.clicked.connect(self._training)
        self.situations_button = QPushButton(_("Learning situations"))
        self.situations_button.clicked.connect(self._situations)
        layout = self.start_layout(
            self.situations_button,
            self.training_button,
            self.request_button,
            self.conversation_button,
        )
        self.summary = paragraph("")
        layout.addWidget(self.summary)
        year = self.today().year
        columns = (
            (_("Name"), ""),
            (_("Job title"), ""),
            (_("Learning groups"), _("The learning groups they are in today")),
            (_("Conversation"), _("This half year's talent conversation")),
            (_("Agreements"), _("Open agreements of their conversations")),
            (_("Requests"), _("Open learning requests")),
            (
                _("Situations"),
                _("Learning situations of {year} they learned from").format(year=year),
            ),
            (_("Training hours"), _("Hours of training followed in {year}").format(year=year)),
            (_("Sessions"), _("Present at sessions of week cycles, the last three months")),
        )
        self.table = own_table(
            [title for title, _tip in columns], 2, lambda _pid: self._conversation()
        )
        for column, (_title, tip) in enumerate(columns):
            header = self.table.horizontalHeaderItem(column)
            if header is not None and tip:
                header.setToolTip(tip)
        self.table.currentCellChanged.connect(lambda *_args: self._show_chosen())
        self.empty = hint(_("Nobody reports to you in the program yet."))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 3)
        self.about = paragraph("")
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.about, 1)

    def refresh(self) -> None:
        me, today = self.seat.person_id, self.today()
        self.load(lambda: team(self.sessions, me, today), self._show)

    def _show(self, members: list[TeamMember]) -> None:
        self.error_label.clear()
        self.members = members
        language = current_language()
        direct = sum(m.direct for m in members)
        self.summary.setText(
            n_(
                "{n} person reports to you",
                "{n} people report to you",
                len(members),
            ).format(n=len(members))
            + (
                _(", {direct} of them directly.").format(direct=direct)
                if direct != len(members)
                else "."
            )
        )
        fill_table(
            self.table,
            [
                (
                    m.id,
                    (
                        m.name,
                        m.job_title,
                        ", ".join(m.groups),
                        conversation_text(m),
                        str(m.open_agreements or ""),
                        str(m.open_requests or ""),
                        str(m.situations or ""),
                        format_hours(m.training_minutes, language) if m.training_minutes else "",
                        sessions_text(m.sessions_present, m.sessions_recorded),
                    ),
                )
                for m in members
            ],
        )
        self.table.setVisible(bool(members))
        self.empty.setVisible(not members)
        self._show_chosen()

    def chosen(self) -> TeamMember | None:
        row = self.table.currentRow()
        return self.members[row] if 0 <= row < len(self.members) else None

    def _show_chosen(self) -> None:
        member = self.chosen()
        for button in (
            self.conversation_button,
            self.request_button,
            self.training_button,
            self.situations_button,
        ):
            button.setEnabled(member is not None)
        self.about.setText(about_text(member) if member is not None else "")

    def _conversation(self) -> None:
        member = self.chosen()
        if member is None:
            return
        if member.due is None:
            self.status_message.emit(
                _("{name} has no manager in the program: nobody holds their conversation.").format(
                    name=member.name
                )
            )
            return
        self.conversation_wanted.emit(member.due.conversation_id, member.id)

    def _situations(self) -> None:
        member = self.chosen()
        if member is not None:
            self.situations_wanted.emit(member.id, None)

    def _request(self) -> None:
        member = self.chosen()
        if member is None:
            return
        dialog = RequestDialog(self.sessions, self.today(), member.id, member.name, parent=self)
        self.open_form(
            dialog,
            _("The learning request of {name} was recorded.").format(name=member.name),
        )

    def _training(self) -> None:
        member = self.chosen()
        if member is None:
            return
        today = self.today()

        def open_with(team_people: list[PersonRow]) -> None:
            dialog = TrainingDialog(
                self.sessions,
                team_people,
                today,
                TrainingInput((member.id,), "", TrainingForm.COURSE, today, today),
                parent=self,
            )
            self.open_form(dialog, _("Training saved."))

        # whom the training can be for: the people who report to the manager
        self.load(lambda: people_within_reach(self.sessions, reports=True), open_with, "people")


def about_text(member: TeamMember) -> str:
    """What the panel under the team's list says of one person, as rich text."""
    language = current_language()
    lines = [f"<b>{html.escape(member.name)}</b>"]
    facts = []
    if member.email:
        facts.append(member.email)
    if member.contract_minutes:
        facts.append(
            _("{hours} hours a week").format(hours=format_hours(member.contract_minutes, language))
        )
    if not member.direct:
        facts.append(_("reports to {manager}").format(manager=member.manager_name))
    if facts:
        lines.append(html.escape(" · ".join(facts)))
    if member.groups:
        lines.append(
            html.escape(_("Learning groups: {names}.").format(names=", ".join(member.groups)))
        )
    if member.due is not None and member.due.last_held_on is not None:
        lines.append(
            html.escape(
                _("Last talent conversation: {day}.").format(
                    day=format_date(member.due.last_held_on)
                )
            )
        )
    budget = member.budget
    if budget is not None and budget.budget_cents > 0:
        left = budget.left_cents
        lines.append(
            html.escape(
                (
                    _("Training budget {year}: {left} left of {budget}.")
                    if left >= 0
                    else _("Training budget {year}: {over} over the budget of {budget}.")
                ).format(
                    year=budget.year,
                    left=format_euro(left),
                    over=format_euro(-left),
                    budget=format_euro(budget.budget_cents),
                )
            )
        )
    if member.training_planned:
        lines.append(
            html.escape(
                n_(
                    "{n} training planned.",
                    "{n} trainings planned.",
                    member.training_planned,
                ).format(n=member.training_planned)
            )
        )
    if member.sessions_recorded:
        lines.append(
            html.escape(
                _(
                    "Week cycles, the last three months: present at {present} of {recorded} "
                    "sessions; energy {energy}, meaning {meaning}."
                ).format(
                    present=member.sessions_present,
                    recorded=member.sessions_recorded,
                    energy=format_score(member.energy, language),
                    meaning=format_score(member.meaning, language),
                )
            )
        )
    if member.notes:
        lines.append(html.escape(_("Notes: {notes}").format(notes=member.notes)))
    return "<br>".join(lines)


def team_at(session: TeamSession, today: dt.date) -> str:
    """What a row of the team's sessions says of the team there."""
    expected = len(session.team)
    if session.cancelled:
        return _("cancelled")
    if not session.took_place(today):
        return n_("{n} expected", "{n} expected", expected).format(n=expected)
    if not session.recorded:
        return n_("{n}, not recorded yet", "{n}, not recorded yet", expected).format(n=expected)
    return _("{present} of {n} present").format(present=session.present, n=expected)


class TeamGroupsPage(SessionsPage[TeamSession]):
    area_key = "team_groups"

    def build(self) -> None:
        self.not_yet = _("Attendance is recorded after the session; this one is on {day}.")
        self.build_sessions(
            _("Record attendance…"),
            _("Learning groups of my team"),
            _("Sessions, from three months ago"),
            [
                _("Day"),
                _("Time"),
                _("Group"),
                _("Session"),
                _("Theme"),
                _("My team"),
                _("Energy"),
                _("Meaning"),
            ],
            _("No week cycles of your team's groups in these months."),
        )
        self.attendance_button = self.session_button

    def refresh(self) -> None:
        me, today = self.seat.person_id, self.today()
        self.load(lambda: team_groups(self.sessions, me, today), self._show)

    def _show(self, found: tuple[list[TeamGroup], list[TeamSession]]) -> None:
        self.error_label.clear()
        first_time = not self.shown
        groups, self.shown = found
        language, today = current_language(), self.today()
        lines = []
        for group in groups:
            names = ", ".join(group.team)
            others = (
                n_("and {n} other", "and {n} others", group.others).format(n=group.others)
                if group.others
                else ""
            )
            theme = f" · {html.escape(group.theme)}" if group.theme else ""
            lines.append(
                f"<b>{html.escape(group.name)}</b>{theme}<br>"
                f"{html.escape(' '.join(part for part in (names, others) if part))}"
            )
        self.groups_label.setText(
            "<br><br>".join(lines) or html.escape(_("Nobody of your team is in a learning group."))
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
                        team_at(s, today),
                        format_score(s.energy, language) if s.present else "",
                        format_score(s.meaning, language) if s.present else "",
                    ),
                )
                for s in self.shown
            ],
        )
        for row, session in enumerate(self.shown):
            item = self.table.item(row, 5)
            if item is not None:  # who of the team, by name
                item.setToolTip(", ".join(session.team))
        if first_time:  # at the latest session that took place: the next to record
            held = [row for row, s in enumerate(self.shown) if s.took_place(today)]
            latest = self.table.item(held[-1], 0) if held else None
            if latest is not None:
                self.table.setCurrentItem(latest)
                self.table.scrollToItem(latest, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setVisible(bool(self.shown))
        self.empty.setVisible(not self.shown)
        self.update_button()

    def after_session(self, session: TeamSession) -> None:
        """The team's attendance and check-ins at a session that took place; the rest of
        the group is recorded by their own managers (or themselves)."""
        today, session_id = self.today(), session.id
        title = _("{group}, day {n} of 4, {day}").format(
            group=session.group_name,
            n=session.day_number,
            day=format_date(session.starts_at.date(), "full"),
        )
        me = self.seat.person_id

        def open_with(marks: list[MemberMark]) -> None:
            dialog = AttendanceDialog(self.sessions, session_id, title, marks, today, self)
            self.open_form(dialog, _("Attendance saved."))

        self.load(lambda: team_marks(self.sessions, me, session_id, today), open_with, "marks")
