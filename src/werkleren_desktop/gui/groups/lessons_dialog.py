"""Wat we leerden: a learning group's lessons of a period on screen, to print or save
as PDF, to hang up or hand out."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.digest import digest_pdf
from werkleren_desktop.domain.conversations import add_months
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.lessons import Digest
from werkleren_desktop.domain.situations import KIND_LABELS
from werkleren_desktop.domain.work_agreements import KIND_LABELS as WORK_AGREEMENT_KINDS
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.widgets import ErrorLabel, date_edit, from_qdate, paragraph, scrolling
from werkleren_desktop.i18n import _
from werkleren_desktop.services.digest import digest

PERIOD_MONTHS = 3  # the period a digest starts with: the last quarter


def digest_html(found: Digest) -> str:
    """The digest as the dialog shows it: the cycles' results, the situations', and the
    work agreements made from them."""
    if found.empty:
        return html.escape(_("Nothing was noted as learned in this period: no outcomes yet."))
    outcome, next_step = _("What came of it"), _("Next step")
    parts: list[str] = []

    def lines(pairs: tuple[tuple[str, str], ...]) -> str:
        return "".join(
            f"<br><b>{html.escape(label)}:</b> {html.escape(value)}"
            for label, value in pairs
            if value
        )

    if found.cycles:
        heading = _("From the week cycles")  # outside the f-string, for the catalog
        parts.append(f"<h3>{html.escape(heading)}</h3>")
        for cycle in found.cycles:
            when = _("{start} to {end}").format(
                start=format_date(cycle.first_day, "short"),
                end=format_date(cycle.last_day, "short"),
            )
            title = html.escape(cycle.question or _("Week cycle"))
            results = lines(((outcome, cycle.outcome), (next_step, cycle.next_step)))
            parts.append(f"<p><b>{title}</b> <i>{html.escape(when)}</i>{results}</p>")
    if found.situations:
        heading = _("From the work")
        parts.append(f"<h3>{html.escape(heading)}</h3>")
        for item in found.situations:
            kind = _(KIND_LABELS[item.kind])
            facts = f"{format_date(item.occurred_on, 'short')} · {kind}"
            if item.people:
                facts += f" · {item.people}"
            results = lines(((outcome, item.outcome), (next_step, item.next_step)))
            parts.append(
                f"<p><b>{html.escape(item.title)}</b> <i>{html.escape(facts)}</i>{results}</p>"
            )
    if found.agreements:
        heading, ask = _("What we agreed"), _("Whom to ask")
        parts.append(f"<h3>{html.escape(heading)}</h3>")
        for agreement in found.agreements:
            kind = _(WORK_AGREEMENT_KINDS[agreement.kind])
            contact = lines(((ask, agreement.contact),))
            parts.append(
                f"<p><b>{html.escape(agreement.title)}</b> <i>{html.escape(kind)}</i>"
                f"<br>{html.escape(agreement.text)}{contact}</p>"
            )
    return "".join(parts)


class LessonsDialog(QDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        group_id: int,
        group_name: str,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.group_id = group_id
        self.today = today
        self.found: Digest | None = None
        self.preview: PdfPreviewDialog | None = None
        self.setWindowTitle(_("What we learned: {group}").format(group=group_name))
        self.first = date_edit(add_months(today, -PERIOD_MONTHS))
        self.last = date_edit(today)
        self.first.dateChanged.connect(self.show_digest)
        self.last.dateChanged.connect(self.show_digest)
        period = QHBoxLayout()
        period.addWidget(QLabel(_("From")))
        period.addWidget(self.first)
        period.addWidget(QLabel(_("to")))
        period.addWidget(self.last)
        period.addStretch(1)
        self.text = paragraph("")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.error_label = ErrorLabel()
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(_("Print or save as PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.print_digest)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(scrolling(self.text), 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.show_digest()

    def show_digest(self) -> None:
        try:
            self.found = digest(
                self.sessions,
                self.group_id,
                from_qdate(self.first.date()),
                from_qdate(self.last.date()),
            )
        except UserError as error:
            self.found = None
            self.error_label.show_message(str(error))
            self.print_button.setEnabled(False)
            return
        self.error_label.clear_message()
        self.print_button.setEnabled(True)
        self.text.setText(digest_html(self.found))

    def print_digest(self) -> None:
        if self.found is None:
            return
        name = (
            _("what we learned {group} {date}").format(
                group=self.found.group, date=self.found.last.isoformat()
            )
            + ".pdf"
        )
        self.preview = PdfPreviewDialog(
            _("What we learned"), digest_pdf(self.found, self.today), name, self
        )
        self.preview.open()
