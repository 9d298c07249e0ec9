"""Mijn opleidingen: one's formal training, the certificates and when they expire, and
what is left of this year's training budget. To read: the manager records training."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.domain.people import format_hours
from werkleren_desktop.domain.training import FORM_LABELS, TRAINING_STATUS_LABELS
from werkleren_desktop.gui.mine.base import MinePage, fill_table, own_table
from werkleren_desktop.gui.widgets import Card, heading, hint, section
from werkleren_desktop.i18n import _, current_language
from werkleren_desktop.services.training import BudgetRow, TrainingRow, budgets, list_trainings


class MyTrainingPage(MinePage):
    area_key = "my_training"

    def build(self) -> None:
        self.rows: list[TrainingRow] = []
        layout = self.start_layout()
        figures = QHBoxLayout()
        figures.setSpacing(16)
        self.budget_card = Card("")
        self.budget_card.setMinimumWidth(340)
        self.budget_value = heading("–", 2.0)
        self.budget_note = hint("")
        self.budget_card.body.addWidget(self.budget_value)
        self.budget_card.body.addWidget(self.budget_note)
        figures.addWidget(self.budget_card)
        figures.addStretch(1)
        layout.addLayout(figures)
        layout.addWidget(section(_("Training")))
        self.table = own_table(
            [
                _("Starts"),
                _("Title"),
                _("Provider"),
                _("Form"),
                _("Hours"),
                _("Status"),
                _("Certificate"),
                _("Valid until"),
            ],
            1,
            lambda _id: None,
        )
        self.empty = hint(_("No training has been recorded for you yet."))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        me, year = self.seat.person_id, self.today().year

        def work() -> tuple[list[TrainingRow], BudgetRow | None]:
            rows = list_trainings(self.sessions, person_id=me)
            budget = next((b for b in budgets(self.sessions, year) if b.person_id == me), None)
            return rows, budget

        self.load(work, self._show)

    def _show(self, found: tuple[list[TrainingRow], BudgetRow | None]) -> None:
        self.error_label.clear()
        self.rows, budget = found
        year = self.today().year
        self.budget_card.title_label.setText(_("Training budget {year}").format(year=year))
        if budget is None or budget.budget_cents <= 0:
            self.budget_value.setText("–")
            self.budget_note.setText(_("No training budget has been set for you this year."))
        else:
            left = budget.left_cents
            self.budget_value.setText(format_euro(abs(left)))
            said = (
                _("left of {budget}") if left >= 0 else _("more than the budget of {budget}")
            ).format(budget=format_euro(budget.budget_cents))
            self.budget_note.setText(
                said
                + "\n"
                + _("{spent} spent, {reserved} for training planned").format(
                    spent=format_euro(budget.spent_cents),
                    reserved=format_euro(budget.reserved_cents),
                )
            )
        language = current_language()
        fill_table(
            self.table,
            [
                (
                    t.id,
                    (
                        format_date(t.starts_on, "short"),
                        t.title,
                        t.provider,
                        _(FORM_LABELS[t.form]),
                        format_hours(t.minutes, language) or "0",
                        _(TRAINING_STATUS_LABELS[t.status]),
                        t.certificate,
                        format_date(t.certificate_expires_on, "short")
                        if t.certificate_expires_on
                        else "",
                    ),
                )
                for t in self.rows
            ],
        )
        self.table.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
