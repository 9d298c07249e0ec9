"""The home page: the organisation at a glance and the way into every area."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.conversations import DUE_LABELS, DueStatus
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.training import describe_budget_use
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.navigation import AREAS, HOME
from werkleren_desktop.gui.record_page import Page
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.training.summary import state_text
from werkleren_desktop.gui.widgets import Card, heading, hint, paragraph, scrolling
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.conversations import DueRow
from werkleren_desktop.services.home import LOOK_AHEAD_DAYS, HomeSummary, home_summary
from werkleren_desktop.services.training import CertificateRow
from werkleren_desktop.storage.files import write_atomically

HOME_OVERDUE_SHOWN = 5


class _Figure(Card):
    def __init__(self, title: str, explanation: str = "") -> None:
        super().__init__(title)
        self.value = heading("–", 2.2)
        self.body.addWidget(self.value)
        self.note = hint(explanation)
        self.body.addWidget(self.note)
        self.note.setVisible(bool(explanation))


class HomePage(Page):
    navigate = Signal(str)

    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.summary: HomeSummary | None = None

        self.title = heading("", 2.0)
        self.date_label = paragraph("")
        # one definition, said here as on the people page: started and not left, today
        self.active_figure = _Figure(_("People in service"), _("today"))
        self.joined_figure = _Figure(_("Joined this year"), _("from 1 January to today"))
        self.left_figure = _Figure(_("Left this year"), _("from 1 January to today"))
        figures = QHBoxLayout()
        figures.setSpacing(16)
        for figure in (self.active_figure, self.joined_figure, self.left_figure):
            figures.addWidget(figure)

        self.closed_card = Card(_("Closed soon"))
        self.closed_list = paragraph("")
        self.closed_card.body.addWidget(self.closed_list)
        self.closed_card.body.addStretch(1)

        areas_card = Card(_("Get started"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        for row, area in enumerate(a for a in AREAS if a is not HOME):
            button = QPushButton(_(area.title))
            button.setMinimumWidth(170)
            button.clicked.connect(lambda _checked=False, key=area.key: self.navigate.emit(key))
            grid.addWidget(button, row, 0)
            grid.addWidget(paragraph(_(area.summary)), row, 1)
        grid.setColumnStretch(1, 1)
        areas_card.body.addLayout(grid)

        self.conversations_card = Card(_("Conversations this half year"))
        self.conversations_text = paragraph("")
        self.conversations_text.setTextFormat(Qt.TextFormat.RichText)
        self.conversations_button = QPushButton(_("To the conversations"))
        self.conversations_button.clicked.connect(lambda: self.navigate.emit("conversations"))
        # the same lists, with certificates about to expire, as reminders in a calendar
        self.reminders_button = QPushButton(_("Reminders in your calendar…"))
        self.reminders_button.setToolTip(
            _("Conversations that are due and certificates about to expire, with alarms")
        )
        self.reminders_button.clicked.connect(self.export_reminders)
        # (the file notes what it held, which only the beheerder writes on a server)
        self.reminders_button.setVisible(sessions.seat is None)
        self.conversations_card.body.addWidget(self.conversations_text)
        self.conversations_card.body.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conversations_button)
        buttons.addWidget(self.reminders_button)
        buttons.addStretch(1)
        self.conversations_card.body.addLayout(buttons)

        self.year_card = Card(_("This year so far"))
        self.year_text = paragraph("")
        self.year_text.setTextFormat(Qt.TextFormat.RichText)
        self.year_card.body.addWidget(self.year_text)
        self.year_card.body.addStretch(1)

        now = QHBoxLayout()
        now.setSpacing(16)
        now.addWidget(self.conversations_card, 3)
        now.addWidget(self.year_card, 3)
        now.addWidget(self.closed_card, 2)
        lower = QHBoxLayout()
        lower.addWidget(areas_card)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(32, 28, 32, 28)
        column.setSpacing(16)
        column.addWidget(self.title)
        column.addWidget(self.date_label)
        column.addWidget(self.error_label)
        column.addLayout(figures)
        column.addLayout(now)
        column.addLayout(lower)
        column.addStretch(1)

        scroll = scrolling(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def export_reminders(self) -> None:
        """The reminders file: the alarms' days ahead, where it goes, then written in
        the background (it notes what it wrote, for the next file)."""
        # (imported here: icalendar is not needed for the home page to show, #34)
        from werkleren_desktop.gui.pages.reminders import RemindersDialog

        dialog = RemindersDialog(self)
        self.dialog = dialog

        def chosen() -> None:
            days = dialog.chosen_days
            path = prompts.choose_save_file(
                self, _("Save the reminders"), _("reminders") + ".ics",
                _("Calendar files (*.ics)"),
            )  # fmt: skip
            if days is None or path is None:
                return
            self.reminders_button.setEnabled(False)
            today = self.today()

            def write() -> str:
                from werkleren_desktop.services.reminders import export_reminders

                written = export_reminders(self.sessions, today, dt.datetime.now(dt.UTC), days)
                write_atomically(path, written.data)
                return written.said(str(path))

            def done(said: str) -> None:
                self.reminders_button.setEnabled(True)
                self.error_label.clear_message()
                self.status_message.emit(said)

            def failed(error: BaseException) -> None:
                self.reminders_button.setEnabled(True)
                self.error_label.show_message(errors.sentence_for(error))

            self.tasks.run(write, done, failed, owner=self)

        dialog.accepted.connect(chosen)
        dialog.open()

    def refresh(self) -> None:
        """Load the figures in the background; the page stays responsive meanwhile."""
        today = self.today()
        self.load(lambda: home_summary(self.sessions, today), self._show, "summary", self._failed)

    def _failed(self, error: BaseException) -> None:
        self.error_label.show_message(
            _("The figures could not be loaded: {reason}").format(reason=errors.sentence_for(error))
        )

    def _show(self, summary: HomeSummary | None) -> None:
        self.summary = summary
        if summary is None:
            return
        self.error_label.clear_message()
        self.title.setText(summary.organisation_name)
        self.date_label.setText(format_date(summary.today, "full").capitalize())
        self.active_figure.value.setText(str(summary.active_people))
        self.active_figure.note.setText(
            n_(
                "today; {n} more starts later",
                "today; {n} more start later",
                summary.starting_later,
            ).format(n=summary.starting_later)
            if summary.starting_later
            else _("today")
        )
        self.joined_figure.value.setText(str(summary.joined_this_year))
        self.left_figure.value.setText(str(summary.left_this_year))
        self._show_conversations(summary.conversations)
        self._show_year(summary)
        if summary.upcoming_closed_days:
            lines = [
                f"<b>{format_date(day.day, 'full')}</b><br>{html.escape(day.reason)}"
                for day in summary.upcoming_closed_days
            ]
            self.closed_list.setTextFormat(Qt.TextFormat.RichText)
            self.closed_list.setText("<br><br>".join(lines))
        else:
            self.closed_list.setTextFormat(Qt.TextFormat.PlainText)
            self.closed_list.setText(
                n_(
                    "No closing days in the coming {n} day.",
                    "No closing days in the coming {n} days.",
                    LOOK_AHEAD_DAYS,
                ).format(n=LOOK_AHEAD_DAYS)
            )

    def _show_conversations(self, rows: tuple[DueRow, ...]) -> None:
        counts = {status: sum(1 for r in rows if r.status is status) for status in DueStatus}
        shown = (DueStatus.OVERDUE, DueStatus.DUE, DueStatus.PLANNED, DueStatus.DONE)
        lines = [html.escape(" · ".join(f"{counts[s]} {_(DUE_LABELS[s])}" for s in shown))]
        overdue = sorted(
            (r for r in rows if r.status is DueStatus.OVERDUE),
            key=lambda r: (r.due_on or dt.date.max, r.person_name),
        )
        if overdue:
            lines.append("")
            lines.append("<b>" + html.escape(_("Overdue")) + "</b>")
            lines += [
                html.escape(
                    _("{name}, with {manager}").format(name=r.person_name, manager=r.manager_name)
                )
                for r in overdue[:HOME_OVERDUE_SHOWN]
            ]
            if len(overdue) > HOME_OVERDUE_SHOWN:
                more = len(overdue) - HOME_OVERDUE_SHOWN
                lines.append(html.escape(n_("and {n} more", "and {n} more", more).format(n=more)))
        waiting = self.summary.requests_waiting if self.summary is not None else ()
        if waiting:
            lines.append("")
            lines.append("<b>" + html.escape(_("Learning requests waiting for an answer")) + "</b>")
            lines += [
                html.escape(
                    _("{name}: {question} (asked {day}, of {manager})").format(
                        name=r.person_name,
                        question=_shortened(r.question),
                        day=format_date(r.asked_on, "short"),
                        manager=r.addressed_to_name or _("nobody"),
                    )
                )
                for r in waiting[:HOME_OVERDUE_SHOWN]
            ]
            if len(waiting) > HOME_OVERDUE_SHOWN:
                more = len(waiting) - HOME_OVERDUE_SHOWN
                lines.append(html.escape(n_("and {n} more", "and {n} more", more).format(n=more)))
        self.conversations_text.setText("<br>".join(lines))

    def _show_year(self, summary: HomeSummary) -> None:
        lines = [
            "<b>" + html.escape(_("Training budget")) + "</b>",
            html.escape(
                describe_budget_use(
                    summary.budget_spent_cents,
                    summary.budget_cents,
                    summary.budget_reserved_cents,
                    share=True,
                )
            ),
            "",
            "<b>" + html.escape(_("Week cycles")) + "</b>",
            html.escape(
                n_("{n} cycle this year", "{n} cycles this year", summary.cycles_this_year).format(
                    n=summary.cycles_this_year
                )
                + ", "
                + n_("{n} still to come", "{n} still to come", summary.cycles_ahead).format(
                    n=summary.cycles_ahead
                )
            ),
            "",
        ]
        expired = [c for c in summary.certificates if c.has_expired(summary.today)]
        expiring = [c for c in summary.certificates if not c.has_expired(summary.today)]
        if expired:
            lines += ["<b>" + html.escape(_("Certificates expired")) + "</b>"]
            lines += _certificate_lines(expired, summary.today)
            lines.append("")
        lines.append("<b>" + html.escape(_("Certificates expiring soon")) + "</b>")
        if expiring:
            lines += _certificate_lines(expiring, summary.today)
        else:
            lines.append(
                html.escape(
                    n_(
                        "None within {n} month.",
                        "None within {n} months.",
                        summary.certificate_months,
                    ).format(n=summary.certificate_months)
                )
            )
        leavers = summary.leavers_to_review
        if leavers:
            lines += [
                "",
                "<b>"
                + html.escape(_("Left more than {n} months ago").format(n=summary.retention_months))
                + "</b>",
                html.escape(", ".join(r.name for r in leavers[:HOME_OVERDUE_SHOWN]))
                + (
                    f" (+{len(leavers) - HOME_OVERDUE_SHOWN})"
                    if len(leavers) > HOME_OVERDUE_SHOWN
                    else ""
                ),
                html.escape(
                    _(
                        "Review their data; erase them on the People page if nothing "
                        "requires keeping it."
                    )
                ),
            ]
        self.year_text.setText("<br>".join(lines))


def _shortened(text: str, most: int = 60) -> str:
    """A question on one line of a card: its first words."""
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _certificate_lines(certificates: list[CertificateRow], today: dt.date) -> list[str]:
    lines = [
        html.escape(
            f"{format_date(c.expires_on, 'short')} · {c.certificate} · {c.person_name}"
            + (f" ({state_text(c, today)})" if c.in_grace(today) else "")
        )
        for c in certificates[:HOME_OVERDUE_SHOWN]
    ]
    more = len(certificates) - HOME_OVERDUE_SHOWN
    if more > 0:
        lines.append(html.escape(n_("and {n} more", "and {n} more", more).format(n=more)))
    return lines
