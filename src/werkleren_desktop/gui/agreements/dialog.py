"""A work agreement or instruction: made from a situation's or a cycle's outcome (the
text starts from it), or written down anew with where it came from in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.constants import WorkAgreementKind
from werkleren_desktop.domain.people import list_name, sort_key
from werkleren_desktop.domain.work_agreements import (
    KIND_LABELS,
    ORIGIN_MAX,
    TITLE_MAX,
    WorkAgreementInput,
)
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import (
    date_edit,
    fill_choices,
    from_qdate,
    hint,
    paragraph,
    searchable_combo,
)
from werkleren_desktop.i18n import _
from werkleren_desktop.services.people import PersonRow
from werkleren_desktop.services.versions import Stamp
from werkleren_desktop.services.work_agreements import (
    MadeFrom,
    WorkAgreementRow,
    read_work_agreement,
    save_work_agreement,
)


def made_list(made: Sequence[MadeFrom]) -> str:
    """The agreements made from a situation or a cycle, a line each, as its panel
    lists them: "Werkafspraak: Elke installatie afpersen (ingetrokken)"."""
    lines = []
    for agreement in made:
        line = f"{_(KIND_LABELS[agreement.kind])}: {agreement.title}"
        if agreement.withdrawn_on is not None:
            withdrawn = _("withdrawn")  # outside the f-string (extraction)
            line = f"{line} ({withdrawn})"
        lines.append(line)
    return "\n".join(lines)


class WorkAgreementDialog(FormDialog):
    """``start``: what a new agreement starts from (``services.work_agreements``
    from_situation / from_cycle), with ``source`` saying what that is; ``agreement``:
    one to change."""

    def __init__(
        self,
        sessions: SessionFactory,
        people: list[PersonRow],
        today: dt.date,
        start: WorkAgreementInput | None = None,
        source: str = "",
        agreement: WorkAgreementRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        data = agreement.data() if agreement is not None else start
        super().__init__(
            _("Work agreement") if agreement is not None else _("New work agreement"), parent
        )
        self.sessions, self.today, self.people = sessions, today, people
        self.agreement = agreement
        self.start = data
        self.saved_id: int | None = agreement.id if agreement is not None else None
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(_(label), kind)
        self.kind.setCurrentIndex(
            self.kind.findData(data.kind if data else WorkAgreementKind.AGREEMENT)
        )
        self.title = QLineEdit(data.title if data else "")
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(_("In a few words, so that it can be found"))
        self.text = QPlainTextEdit(data.text if data else "")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        self.text.setPlaceholderText(
            _("What we agree, or how the task is done: short, in the words of the work")
        )
        self.contact = searchable_combo(_("Choose whom to ask…"))
        contact_id = data.contact_id if data else None
        # whom to ask: colleagues in service, and the one asked so far even if they left
        chosen = sorted(
            (p for p in people if p.is_active(today) or p.id == contact_id),
            key=lambda p: sort_key(p.first_name, p.last_name),
        )
        fill_choices(
            self.contact, [(list_name(p.first_name, p.last_name), p.id) for p in chosen], contact_id
        )
        self.origin = QLineEdit(data.origin if data else "")
        self.origin.setMaxLength(ORIGIN_MAX)
        self.origin.setPlaceholderText(_("A meeting, a client's question, an incident…"))
        self.agreed_on = date_edit(data.agreed_on if data else today)
        self.fields = {
            "title": self.title,
            "text": self.text,
            "contact": self.contact,
            "origin": self.origin,
            "agreed_on": self.agreed_on,
        }
        linked = data is not None and (data.situation_id is not None or data.cycle_id is not None)
        if agreement is not None and linked:
            source = agreement.source.description
        form = QFormLayout()
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Title"), self.title)
        form.addRow(_("What is agreed"), self.text)
        form.addRow(_("Whom to ask"), self.contact)
        if linked:
            form.addRow(_("Comes from"), paragraph(source))
            self.origin.hide()
        else:
            form.addRow(_("Comes from"), self.origin)
        form.addRow(_("Agreed on"), self.agreed_on)
        form.addRow(
            "",
            hint(
                _(
                    "Everyone finds it under Work agreements, with whom to ask and where it "
                    "came from; on paper with Print."
                )
            ),
        )
        self.setMinimumWidth(600)
        self.finish_layout(form)
        self.title.setFocus()
        self.title.selectAll()
        if agreement is not None:
            self.follow_version(agreement.stamp, "work_agreement", agreement.id)
            self.record_name = _("the work agreement “{title}”").format(title=agreement.title)

    def snapshot(self) -> object:
        return (
            self.kind.currentIndex(),
            self.title.text(),
            self.text.toPlainText(),
            self.contact.currentData(),
            self.origin.text(),
            self.agreed_on.date(),
        )

    def version_parts(self) -> dict[str, QWidget]:
        if self.agreement is None:
            return {}
        return {
            "kind": self.kind,
            "title": self.title,
            "text": self.text,
            "contact": self.contact,
            "origin": self.origin,
            "agreed_on": self.agreed_on,
        }

    def read_again(self) -> tuple[FormDialog, Stamp] | None:
        if self.agreement is None:
            return None
        stored = read_work_agreement(self.sessions, self.agreement.id, self.today)
        again = WorkAgreementDialog(self.sessions, self.people, self.today, agreement=stored)
        return again, stored.stamp

    def save(self) -> None:
        start = self.start
        data = WorkAgreementInput(
            WorkAgreementKind(self.kind.currentData()),
            self.title.text(),
            self.text.toPlainText(),
            self.contact.currentData(),
            from_qdate(self.agreed_on.date()),
            start.situation_id if start else None,
            start.cycle_id if start else None,
            self.origin.text() if not self.origin.isHidden() else (start.origin if start else ""),
        )
        self.saved_id = save_work_agreement(
            self.sessions, self.saved_id, data, self.today, version=self.version
        )
