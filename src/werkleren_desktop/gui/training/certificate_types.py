"""The organisation's certificate types and their rules: the list (shipped with common
Dutch ones, each saying where its rule comes from) and the form of one type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.certificates import (
    MAX_GRACE_MONTHS,
    MAX_VALID_MONTHS,
    CertificateRule,
)
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.dialogs.list_dialog import ListActions, ListDialog
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.widgets import hint
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.certificates import (
    CertificateTypeRow,
    list_certificate_types,
    retire_certificate_type,
    save_certificate_type,
)


class TypesModel(RowsTableModel[CertificateTypeRow]):
    def __init__(self) -> None:
        super().__init__(
            (N_("Certificate"), N_("Rule"), N_("Trainings"), N_("Offered")),
            lambda r: (
                r.name,
                r.rule.describe(),
                str(r.trainings) if r.trainings else "",
                _("no longer") if r.retired else _("yes"),
            ),
        )

    def extra(self, row: CertificateTypeRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            said = row.rule.description
            return f"{said}\n\n{row.rule.source}" if row.rule.source else said or None
        if column == 2 and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class CertificateTypesDialog(ListDialog[CertificateTypeRow]):
    """The list of types with where each rule comes from (a type that trainings name is
    never deleted)."""

    def __init__(self, sessions: SessionFactory, parent: QWidget | None = None) -> None:
        super().__init__(
            sessions,
            _("Certificate types"),
            _(
                "Each certificate with its rule: how long it is valid, how long after it "
                "expired a refresher course still renews it, and whether a refresher "
                "renews it at all. The common Dutch ones come with the program, with "
                "where each rule comes from: check them against your providers."
            ),
            TypesModel(),
            _("New type…"),
            ListActions(
                lambda: list_certificate_types(sessions, include_retired=True),
                lambda row: CertificateTypeDialog(sessions, row, parent=self),
                lambda row: retire_certificate_type(sessions, row.id, not row.retired),
                source_of,
            ),
            parent,
        )


def source_of(row: CertificateTypeRow) -> str:
    """Where the type's rule comes from, for the line below the list."""
    if not row.rule.source:
        return ""
    return _("Where the rule comes from: {source}").format(source=row.rule.source)


class CertificateTypeDialog(FormDialog):
    """One type and its rule."""

    def __init__(
        self,
        sessions: SessionFactory,
        row: CertificateTypeRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Change certificate type") if row else _("New certificate type"), parent)
        self.sessions = sessions
        self.type_id = row.id if row is not None else None
        self.saved_id: int | None = None
        rule = row.rule if row is not None else CertificateRule("", valid_months=12)
        self.name = QLineEdit(rule.name)
        self.name.setPlaceholderText(_("for example BHV"))
        self.description = QLineEdit(rule.description)
        self.description.setPlaceholderText(_("for example Bedrijfshulpverlening"))
        self.expires = QCheckBox(_("Expires after"))
        self.expires.setChecked(rule.valid_months is not None)
        self.valid_months = QSpinBox()
        self.valid_months.setRange(1, MAX_VALID_MONTHS)
        self.valid_months.setValue(rule.valid_months or 12)
        self.valid_months.setSuffix(" " + _("months"))
        self.expires.toggled.connect(self._expires_toggled)
        self.grace_months = QSpinBox()
        self.grace_months.setRange(0, MAX_GRACE_MONTHS)
        self.grace_months.setValue(rule.grace_months)
        self.grace_months.setSuffix(" " + _("months"))
        for spin in (self.valid_months, self.grace_months):
            spin.setMinimumWidth(130)
        self.grace_months.setMaximumWidth(self.valid_months.sizeHint().width() + 40)
        self.refresher = QCheckBox(_("A refresher course renews it (else only the full course)"))
        self.refresher.setChecked(rule.refresher_renews)
        self.source = QPlainTextEdit(rule.source)
        self.source.setPlaceholderText(_("Who says so: the issuing body, a law, the provider"))
        self.source.setFixedHeight(90)
        self.fields = {
            "name": self.name,
            "description": self.description,
            "valid_months": self.valid_months,
            "grace_months": self.grace_months,
            "source": self.source,
        }
        valid_row = QHBoxLayout()
        valid_row.addWidget(self.expires)
        valid_row.addWidget(self.valid_months)
        valid_row.addStretch(1)
        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow(_("Description"), self.description)
        form.addRow(_("Valid"), valid_row)
        form.addRow(_("Grace period"), self.grace_months)
        grace_hint = hint(
            _(
                "How long after it expired a refresher course still renews it; after "
                "that the full course is needed again (BHV: about three months)."
            )
        )
        # (measured at the form's width: a form layout sizes a wrapped label by its
        # narrow natural width, and left a gap of four empty lines around it)
        grace_hint.setMinimumWidth(420)
        form.addRow("", grace_hint)
        form.addRow("", self.refresher)
        form.addRow(_("Where the rule comes from"), self.source)
        self.setMinimumWidth(560)
        self.finish_layout(form)
        self._expires_toggled(self.expires.isChecked())
        self.name.setFocus()

    def _expires_toggled(self, expires: bool) -> None:
        self.valid_months.setEnabled(expires)
        self.grace_months.setEnabled(expires)
        if not expires:
            self.grace_months.setValue(0)

    def rule(self) -> CertificateRule:
        return CertificateRule(
            self.name.text(),
            self.description.text(),
            self.valid_months.value() if self.expires.isChecked() else None,
            self.grace_months.value(),
            self.refresher.isChecked(),
            self.source.toPlainText(),
        )

    def snapshot(self) -> object:
        return self.rule()

    def save(self) -> None:
        self.saved_id = save_certificate_type(self.sessions, self.rule(), self.type_id)
